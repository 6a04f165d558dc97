use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Sitemaps named in robots.txt or a sitemap index (and `/sitemap.xml` when it answers
    /// other than 404) that cannot be fetched or read: an HTTP error, invalid XML or gzip, or a
    /// root element other than `<urlset>` / `<sitemapindex>`.
    ///
    /// ## Why it matters
    /// Search engines skip a sitemap they cannot read, and with it the pages that only the
    /// sitemap tells them about.
    ///
    /// ## Example
    /// robots.txt says `Sitemap: https://example.nl/sitemap_index.xml`, which returns 404: fix the
    /// line or publish the sitemap.
    pub struct SitemapError => "crawl/sitemap-error", Error, "sitemaps must be reachable valid xml"
}

impl Rule for SitemapError {}

impl CrawlRule for SitemapError {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for s in &site.sitemaps {
            let message = match (&s.error, s.status) {
                (Some(e), Some(200)) => format!("sitemap could not be read: {e}"),
                (Some(e), _) => format!("sitemap could not be fetched: {e}"),
                (None, Some(status)) if status != 200 => format!("sitemap returned HTTP {status}"),
                _ => continue,
            };
            out.push(CrawlFinding::new(
                &s.url,
                None,
                Finding::new(Self::ID, message)
                    .help("publish a valid sitemap at this URL, or fix the reference to it"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::page::SitemapFile;
    use crate::rules::crawl::testing::{messages, run, site, sitemap};

    #[test]
    fn fails_on_missing_and_invalid_sitemaps() {
        let mut s = site();
        s.sitemaps.push(SitemapFile {
            url: "https://x.nl/a.xml".into(),
            status: Some(404),
            error: None,
        });
        s.sitemaps.push(SitemapFile {
            url: "https://x.nl/b.xml".into(),
            status: Some(200),
            error: Some("not valid gzip: corrupt deflate stream".into()),
        });
        assert_eq!(
            messages(&run(&SitemapError, &s)),
            [
                (
                    "https://x.nl/a.xml".into(),
                    "sitemap returned HTTP 404".into()
                ),
                (
                    "https://x.nl/b.xml".into(),
                    "sitemap could not be read: not valid gzip: corrupt deflate stream".into()
                ),
            ]
        );
    }

    #[test]
    fn passes_on_readable_sitemap() {
        let mut s = site();
        sitemap(&mut s, "https://x.nl/sitemap.xml", &["https://x.nl/"]);
        assert!(run(&SitemapError, &s).is_empty());
    }
}
