//! The crawl's site model: one small summary per fetched URL (never the body), with the
//! positions of everything a crawl rule may point at.

use std::collections::HashMap;

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;
use url::Url;

use super::fetch::{FetchError, Hop};
use super::robots::Robots;
use crate::document::Document;
use crate::span::{LineCol, LineIndex, Span};

/// A span with its line and column, computed while the text was at hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    pub span: Span,
    pub start: LineCol,
    pub end: LineCol,
}

impl Located {
    #[must_use]
    pub fn new(source: &str, lines: &LineIndex, span: Span) -> Self {
        Self {
            span,
            start: lines.line_col(source, span.start.min(source.len())),
            end: lines.line_col(source, span.end.min(source.len())),
        }
    }
}

/// Turns many spans of one text into [`Located`]s quickly: positions that follow each other on
/// one line (a minified page, a one-line sitemap) are counted on from the previous one instead
/// of from the start of the line.
pub struct Locator<'a> {
    src: &'a str,
    lines: &'a LineIndex,
    last: Option<(usize, LineCol)>,
}

impl<'a> Locator<'a> {
    #[must_use]
    pub fn new(src: &'a str, lines: &'a LineIndex) -> Self {
        Self {
            src,
            lines,
            last: None,
        }
    }

    /// The 1-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let (mut lo, mut hi) = (1, self.lines.line_count().max(1));
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.lines.line_start(mid).is_some_and(|s| s <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    }

    /// Line and column of `offset`, as [`LineIndex::line_col`] gives them.
    pub fn point(&mut self, offset: usize) -> LineCol {
        let offset = offset.min(self.src.len());
        if let Some((prev, at)) = self.last {
            if prev <= offset && self.line_of(offset) == at.line {
                if let Some(rest) = self.src.get(prev..) {
                    let n = rest
                        .char_indices()
                        .take_while(|(i, _)| prev + i < offset)
                        .count();
                    let lc = LineCol {
                        line: at.line,
                        column: at.column + n,
                    };
                    self.last = Some((offset, lc));
                    return lc;
                }
            }
        }
        let lc = self.lines.line_col(self.src, offset);
        self.last = Some((offset, lc));
        lc
    }

    pub fn locate(&mut self, span: Span) -> Located {
        let start = self.point(span.start);
        let end = self.point(span.end);
        Located { span, start, end }
    }
}

/// A text value of a page (title, description) and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub text: String,
    pub at: Located,
}

/// A link on a page, resolved against the page URL (fragment removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLink {
    pub url: String,
    pub at: Located,
}

/// What an HTML page holds that crawl rules look at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlInfo {
    pub title: Option<Value>,
    pub description: Option<Value>,
    pub h1: Option<String>,
    /// `<link rel=canonical>`: the href as written, resolved (when valid), and where.
    pub canonical: Option<(Value, Option<String>)>,
    /// `<meta name=robots>` content when it says `noindex`.
    pub noindex: Option<Value>,
    /// Links to http(s) URLs, the first link to each URL only (menus repeat links; rules
    /// report a target once per page).
    pub links: Vec<PageLink>,
    /// `http:` sub-resources (images, scripts, styles, frames, media).
    pub insecure: Vec<Value>,
}

/// One fetched URL.
#[derive(Clone, Debug)]
pub struct Page {
    pub url: String,
    pub depth: u32,
    pub final_url: String,
    pub status: Option<u16>,
    pub redirects: Vec<Hop>,
    pub content_type: Option<String>,
    pub elapsed_ms: u64,
    pub error: Option<FetchError>,
    pub bytes: usize,
    /// `X-Robots-Tag: noindex`.
    pub header_noindex: bool,
    pub html: Option<HtmlInfo>,
}

impl Page {
    /// Whether the URL answered 200 without redirects.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.status == Some(200) && self.redirects.is_empty() && self.error.is_none()
    }

    #[must_use]
    pub fn is_html(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|c| c == "text/html" || c == "application/xhtml+xml")
    }

    /// Whether the page asks not to be indexed (meta robots or `X-Robots-Tag`).
    #[must_use]
    pub fn noindex(&self) -> bool {
        self.header_noindex || self.html.as_ref().is_some_and(|h| h.noindex.is_some())
    }
}

/// A `<loc>` of a sitemap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SitemapEntry {
    pub url: String,
    /// The sitemap file that lists it.
    pub sitemap: String,
    pub at: Located,
}

/// A small text file fetched whole (robots.txt, llms.txt), kept for findings.
#[derive(Clone, Debug, Default)]
pub struct TextFile {
    pub url: String,
    pub status: Option<u16>,
    pub error: Option<FetchError>,
    pub text: String,
}

/// A sitemap file and whether it could be read.
#[derive(Clone, Debug)]
pub struct SitemapFile {
    pub url: String,
    pub status: Option<u16>,
    pub error: Option<String>,
}

/// Everything a crawl found.
#[derive(Clone, Debug, Default)]
pub struct CrawlSite {
    pub start: String,
    pub host: String,
    pub pages: Vec<Page>,
    /// Page index by URL (requested URLs).
    pub index: HashMap<String, usize>,
    pub robots: Option<TextFile>,
    pub robots_parsed: Robots,
    pub sitemaps: Vec<SitemapFile>,
    pub sitemap_entries: Vec<SitemapEntry>,
    /// llms.txt and llms-full.txt, when fetched.
    pub llms: Vec<TextFile>,
    /// Status of each URL linked from llms.txt (None: no response).
    pub llms_links: HashMap<String, Option<u16>>,
    /// Internal URLs not fetched because robots.txt disallows them for geolint.
    pub blocked: Vec<String>,
    /// Responses slower than this are reported.
    pub slow_ms: u64,
    /// The crawl was stopped (Ctrl-C) before it finished.
    pub interrupted: bool,
    /// Every reachable in-scope URL was fetched (no limit cut the crawl short).
    pub complete: bool,
}

impl CrawlSite {
    #[must_use]
    pub fn page(&self, url: &str) -> Option<&Page> {
        self.index.get(url).and_then(|&i| self.pages.get(i))
    }

    /// Whether `url` is on the crawled host.
    #[must_use]
    pub fn is_internal(&self, url: &str) -> bool {
        Url::parse(url)
            .ok()
            .is_some_and(|u| u.host_str() == Some(self.host.as_str()))
    }
}

/// Whether a page's canonical names the page itself, allowing another scheme or host (a site
/// crawled as `example.nl` whose canonicals say `https://www.example.nl/…` keeps its own paths;
/// `crawl/canonical-elsewhere` still lists them).
#[must_use]
pub fn canonical_is_self(page_url: &str, canonical: Option<&str>) -> bool {
    let Some(c) = canonical else { return false };
    if c == page_url {
        return true;
    }
    match (Url::parse(page_url), Url::parse(c)) {
        (Ok(p), Ok(c)) => p.path() == c.path() && p.query() == c.query(),
        _ => false,
    }
}

/// Resolve `href` against `base`: http(s) URLs only, fragment dropped.
#[must_use]
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let mut u = base.join(href).ok()?;
    if u.scheme() != "http" && u.scheme() != "https" {
        return None;
    }
    u.set_fragment(None);
    Some(u)
}

/// Summarise a parsed HTML page.
#[must_use]
pub fn summarize(doc: &Document, page_url: &Url) -> HtmlInfo {
    let src = doc.source.as_str();
    let lines = &doc.lines;
    let value = |t: &crate::document::TextItem| Value {
        text: t.text.trim().to_string(),
        at: Located::new(src, lines, t.span),
    };
    let mut locator = Locator::new(src, lines);
    let resources = scan_resources(src);
    let base = resources
        .base
        .as_deref()
        .and_then(|b| page_url.join(b).ok())
        .unwrap_or_else(|| page_url.clone());
    let mut targets = std::collections::HashSet::new();
    let page_links = doc
        .links
        .iter()
        .filter_map(|l| {
            let u = resolve(&base, &l.href)?.to_string();
            targets.insert(u.clone()).then(|| PageLink {
                url: u,
                at: locator.locate(l.span),
            })
        })
        .collect();
    let insecure = if page_url.scheme() == "https" {
        resources
            .urls
            .iter()
            .filter(|(v, _)| {
                v.trim_start()
                    .get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
            })
            .map(|(v, span)| Value {
                text: v.trim().to_string(),
                at: locator.locate(*span),
            })
            .collect()
    } else {
        Vec::new()
    };
    HtmlInfo {
        title: doc.html_title.as_ref().map(value),
        description: doc.html_description.as_ref().map(value),
        h1: doc
            .headings
            .iter()
            .find(|h| h.level == 1)
            .map(|h| h.text.clone()),
        canonical: doc.canonical.as_ref().map(|c| {
            let resolved = resolve(&base, &c.text).map(|u| u.to_string());
            (value(c), resolved)
        }),
        noindex: doc
            .robots
            .as_ref()
            .filter(|r| has_noindex(&r.text))
            .map(value),
        links: page_links,
        insecure,
    }
}

/// Whether a robots directive list (`noindex, follow`, `googlebot: noindex`) says noindex.
#[must_use]
pub fn has_noindex(directives: &str) -> bool {
    directives.split(',').any(|d| {
        let d = d.rsplit(':').next().unwrap_or(d).trim();
        d.eq_ignore_ascii_case("noindex") || d.eq_ignore_ascii_case("none")
    })
}

/// Sub-resource URLs of a page with the spans of their attribute values, and `<base href>`.
#[derive(Debug, Default)]
struct Resources {
    base: Option<String>,
    urls: Vec<(String, Span)>,
}

/// Which attributes of which elements load a sub-resource.
fn loads(tag: &str, attr: &str, rel: &str) -> bool {
    match tag {
        "img" | "source" => matches!(attr, "src" | "srcset"),
        "script" | "iframe" | "audio" | "embed" | "track" => attr == "src",
        "video" => matches!(attr, "src" | "poster"),
        "object" => attr == "data",
        "link" => {
            attr == "href"
                && rel.split_ascii_whitespace().any(|r| {
                    ["stylesheet", "icon", "preload", "modulepreload"]
                        .iter()
                        .any(|k| r.eq_ignore_ascii_case(k))
                })
        }
        _ => false,
    }
}

#[derive(Default)]
struct ResourceCollector {
    tag: String,
    attrs: Vec<(String, String, Option<Span>)>,
    current: Option<usize>,
    out: Resources,
}

impl Callback<(), usize> for ResourceCollector {
    fn handle_event(
        &mut self,
        event: CallbackEvent<'_>,
        span: html5gum::Span<usize>,
    ) -> Option<()> {
        let span = Span::new(span.start, span.end);
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = String::from_utf8_lossy(name).to_ascii_lowercase();
                self.attrs.clear();
                self.current = None;
            }
            CallbackEvent::AttributeName { name } => {
                let name = String::from_utf8_lossy(name).to_ascii_lowercase();
                self.current = if self.attrs.len() < 64 && !self.attrs.iter().any(|a| a.0 == name) {
                    self.attrs.push((name, String::new(), None));
                    Some(self.attrs.len() - 1)
                } else {
                    None
                };
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(a) = self.current.and_then(|i| self.attrs.get_mut(i)) {
                    a.1.push_str(&String::from_utf8_lossy(value));
                    a.2 = Some(a.2.map_or(span, |s| Span::new(s.start, span.end)));
                }
            }
            CallbackEvent::CloseStartTag { .. } => {
                let rel = self
                    .attrs
                    .iter()
                    .find(|a| a.0 == "rel")
                    .map(|a| a.1.clone())
                    .unwrap_or_default();
                for (name, value, vspan) in &self.attrs {
                    if self.tag == "base" && name == "href" && self.out.base.is_none() {
                        self.out.base = Some(value.clone());
                    } else if loads(&self.tag, name, &rel) {
                        if let Some(s) = vspan {
                            self.out.urls.push((value.clone(), *s));
                        }
                    }
                }
                self.attrs.clear();
                self.current = None;
            }
            _ => {}
        }
        None
    }
}

fn scan_resources(source: &str) -> Resources {
    let mut collector = ResourceCollector::default();
    {
        let mut emitter = CallbackEmitter::new(
            |event: CallbackEvent<'_>, span: html5gum::Span<usize>| -> Option<()> {
                collector.handle_event(event, span)
            },
        );
        emitter.naively_switch_states(true);
        for _ in Tokenizer::new_with_emitter(source, emitter) {}
    }
    collector.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn page(src: &str, url: &str) -> HtmlInfo {
        let doc = crate::source::parse(url.into(), url.into(), Format::Html, src.into());
        summarize(&doc, &Url::parse(url).unwrap())
    }

    #[test]
    fn summary_of_a_page() {
        let src = "<html><head><title> Over ons </title><meta name=\"robots\" content=\"noindex, follow\"><link rel=canonical href=\"/over/\"><script src=\"http://cdn.x.nl/a.js\"></script></head><body><h1>Over</h1><a href=\"contact#form\">c</a><a href=\"contact\">again</a><a href=\"mailto:a@b.nl\">m</a><img src=\"http://x.nl/i.png\" alt=\"\"></body></html>";
        let h = page(src, "https://x.nl/over/index.html");
        assert_eq!(h.title.as_ref().unwrap().text, "Over ons");
        let (c, resolved) = h.canonical.as_ref().unwrap();
        assert_eq!(c.text, "/over/");
        assert_eq!(resolved.as_deref(), Some("https://x.nl/over/"));
        assert!(h.noindex.is_some());
        assert_eq!(h.links.len(), 1);
        assert_eq!(h.links[0].url, "https://x.nl/over/contact");
        let link = &src[h.links[0].at.span.start..h.links[0].at.span.end];
        assert!(link.starts_with("<a href=\"contact#form\""), "{link}");
        let ins: Vec<_> = h
            .insecure
            .iter()
            .map(|v| &src[v.at.span.start..v.at.span.end])
            .collect();
        assert_eq!(ins, ["http://cdn.x.nl/a.js", "http://x.nl/i.png"]);
        assert_eq!(h.h1.as_deref(), Some("Over"));
    }

    #[test]
    fn base_href_and_http_pages() {
        let src = "<head><base href=\"https://x.nl/docs/\"></head><a href=\"a\">a</a><img src=\"http://x.nl/i.png\">";
        let h = page(src, "http://x.nl/");
        assert_eq!(h.links[0].url, "https://x.nl/docs/a");
        assert!(h.insecure.is_empty(), "an http page has no mixed content");
    }

    #[test]
    fn locator_agrees_with_line_index() {
        let src = "<a>één</a>\n<p>x</p><b>ë</b><i>y</i>\nlaatste";
        let lines = LineIndex::new(src);
        let mut loc = Locator::new(src, &lines);
        let offsets = [0, 3, 5, 9, 11, 17, 20, 22, 30, 28, 40, src.len(), 2, 999];
        for o in offsets {
            assert_eq!(loc.point(o), lines.line_col(src, o), "offset {o}");
        }
    }

    #[test]
    fn canonical_self_across_hosts() {
        assert!(canonical_is_self(
            "http://127.0.0.1:8/a/",
            Some("https://www.x.nl/a/")
        ));
        assert!(!canonical_is_self(
            "https://x.nl/a/",
            Some("https://x.nl/b/")
        ));
        assert!(!canonical_is_self(
            "https://x.nl/a/?p=2",
            Some("https://x.nl/a/")
        ));
        assert!(!canonical_is_self("https://x.nl/a/", None));
    }

    #[test]
    fn noindex_directives() {
        assert!(has_noindex("NOINDEX,nofollow"));
        assert!(has_noindex("googlebot: noindex"));
        assert!(has_noindex("none"));
        assert!(!has_noindex("index, follow, max-snippet:-1"));
    }
}
