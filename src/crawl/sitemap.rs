//! XML sitemaps (sitemaps.org): `<urlset>` pages and `<sitemapindex>` children, plain or
//! gzip-compressed. Each `<loc>` keeps the span of its text for findings.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::span::Span;

/// What a sitemap file lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sitemap {
    /// `<sitemapindex>`: child sitemaps. Empty for a `<urlset>`.
    pub sitemaps: Vec<(String, Span)>,
    /// `<urlset>`: page URLs.
    pub urls: Vec<(String, Span)>,
}

/// Why a sitemap could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SitemapError {
    #[error("not valid gzip: {0}")]
    Gzip(String),
    #[error("not valid XML at byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("not a sitemap: the root element is <{0}>, expected <urlset> or <sitemapindex>")]
    Root(String),
    #[error("the sitemap is over {0} bytes uncompressed")]
    TooLarge(u64),
}

/// Uncompressed sitemaps may be 50 MB (sitemaps.org); allow a little more.
pub const MAX_UNCOMPRESSED: u64 = 64 * 1024 * 1024;

/// Gunzip `bytes` when they start with the gzip magic number.
pub fn maybe_gunzip(bytes: Vec<u8>) -> Result<Vec<u8>, SitemapError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .take(MAX_UNCOMPRESSED + 1)
        .read_to_end(&mut out)
        .map_err(|e| SitemapError::Gzip(e.to_string()))?;
    if out.len() as u64 > MAX_UNCOMPRESSED {
        return Err(SitemapError::TooLarge(MAX_UNCOMPRESSED));
    }
    Ok(out)
}

/// Parse sitemap XML.
pub fn parse(text: &str) -> Result<Sitemap, SitemapError> {
    let mut reader = Reader::from_str(text);
    let mut out = Sitemap::default();
    let mut root: Option<String> = None;
    let mut parent = String::new();
    let mut in_loc = false;
    let mut loc = String::new();
    let mut loc_span: Option<Span> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| SitemapError::Xml {
            offset: reader.error_position(),
            message: e.to_string(),
        })?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if root.is_none() {
                    if name != "urlset" && name != "sitemapindex" {
                        return Err(SitemapError::Root(name));
                    }
                    root = Some(name.clone());
                }
                if name == "loc" {
                    in_loc = true;
                    loc.clear();
                    loc_span = None;
                } else if name == "url" || name == "sitemap" {
                    parent = name;
                }
            }
            Event::Empty(e) if root.is_none() => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if name != "urlset" && name != "sitemapindex" {
                    return Err(SitemapError::Root(name));
                }
                root = Some(name);
            }
            Event::Text(t) if in_loc => {
                loc.push_str(&t.decode().unwrap_or_default());
                extend(&mut loc_span, before, after);
            }
            Event::CData(t) if in_loc => {
                loc.push_str(&String::from_utf8_lossy(&t));
                extend(&mut loc_span, before, after);
            }
            Event::GeneralRef(r) if in_loc => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    loc.push(c);
                } else {
                    let name = r.decode().unwrap_or_default();
                    loc.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
                extend(&mut loc_span, before, after);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_ascii_lowercase();
                if name == "loc" && in_loc {
                    in_loc = false;
                    let value = loc.trim().to_string();
                    let span = loc_span.map_or(Span::new(before, before), |s| trim_span(text, s));
                    if !value.is_empty() {
                        if parent == "sitemap" || root.as_deref() == Some("sitemapindex") {
                            out.sitemaps.push((value, span));
                        } else {
                            out.urls.push((value, span));
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root.is_none() {
        return Err(SitemapError::Root(String::new()));
    }
    Ok(out)
}

fn extend(span: &mut Option<Span>, start: usize, end: usize) {
    *span = Some(match *span {
        Some(s) => Span::new(s.start, end),
        None => Span::new(start, end),
    });
}

/// Shrink a span to leave out surrounding whitespace.
fn trim_span(text: &str, s: Span) -> Span {
    let Some(inner) = text.get(s.start..s.end) else {
        return s;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    Span::new(
        s.start + lead,
        s.end.saturating_sub(trail).max(s.start + lead),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn urlset_with_spans_and_entities() {
        let xml = "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc> https://x.nl/a?b=1&amp;c=2 </loc><lastmod>2026-01-01</lastmod></url>\n  <url><loc>https://x.nl/b</loc></url>\n</urlset>\n";
        let s = parse(xml).unwrap();
        assert_eq!(s.urls.len(), 2);
        assert_eq!(s.urls[0].0, "https://x.nl/a?b=1&c=2");
        let sp = s.urls[0].1;
        assert_eq!(&xml[sp.start..sp.end], "https://x.nl/a?b=1&amp;c=2");
        assert_eq!(&xml[s.urls[1].1.start..s.urls[1].1.end], "https://x.nl/b");
        assert!(s.sitemaps.is_empty());
    }

    #[test]
    fn index_lists_children() {
        let xml = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://x.nl/s1.xml.gz</loc></sitemap></sitemapindex>";
        let s = parse(xml).unwrap();
        assert_eq!(s.sitemaps[0].0, "https://x.nl/s1.xml.gz");
        assert!(s.urls.is_empty());
    }

    #[test]
    fn gzip_and_errors() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<urlset><url><loc>https://x.nl/</loc></url></urlset>")
            .unwrap();
        let bytes = maybe_gunzip(gz.finish().unwrap()).unwrap();
        let s = parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert_eq!(s.urls[0].0, "https://x.nl/");
        assert!(matches!(
            maybe_gunzip(vec![0x1f, 0x8b, 1, 2]),
            Err(SitemapError::Gzip(_))
        ));
        assert_eq!(
            parse("<html><body/></html>"),
            Err(SitemapError::Root("html".into()))
        );
        assert!(matches!(
            parse("<urlset><url></urlset>"),
            Err(SitemapError::Xml { .. })
        ));
        assert_eq!(parse(""), Err(SitemapError::Root(String::new())));
    }
}
