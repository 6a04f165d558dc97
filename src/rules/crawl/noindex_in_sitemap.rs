use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Sitemap entries whose page says `noindex` (in `<meta name="robots">` or an
    /// `X-Robots-Tag` header). Reported at the `<loc>` in the sitemap.
    ///
    /// ## Why it matters
    /// A sitemap lists the pages you want indexed; a noindex page in it sends search engines
    /// contradicting signals and wastes crawl budget.
    ///
    /// ## Example
    /// `<loc>https://example.nl/bedankt/</loc>` while `/bedankt/` has
    /// `<meta name="robots" content="noindex">`: drop it from the sitemap.
    pub struct NoindexInSitemap => "crawl/noindex-in-sitemap", Warning, "sitemaps must not list noindex pages"
}

impl Rule for NoindexInSitemap {}

impl CrawlRule for NoindexInSitemap {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for e in &site.sitemap_entries {
            if site.page(&e.url).is_some_and(|p| p.ok() && p.noindex()) {
                out.push(CrawlFinding::new(
                    &e.sitemap,
                    Some(e.at),
                    Finding::new(
                        Self::ID,
                        format!("`{}` is in the sitemap but the page says noindex", e.url),
                    )
                    .help("remove noindex pages from the sitemap, or remove the noindex"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, run, site, sitemap, texts};

    #[test]
    fn fails_on_noindex_page_in_sitemap() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/bedankt/",
            "<meta name=\"robots\" content=\"noindex\">",
        );
        let xml = sitemap(
            &mut s,
            "https://x.nl/sitemap.xml",
            &["https://x.nl/bedankt/"],
        );
        let f = run(&NoindexInSitemap, &s);
        assert_eq!(texts(&xml, &f), ["https://x.nl/bedankt/"]);
        assert_eq!(f[0].url, "https://x.nl/sitemap.xml");
        assert_eq!(f[0].at.unwrap().start.line, 2);
    }

    #[test]
    fn passes_on_indexable_pages() {
        let mut s = site();
        html(&mut s, "https://x.nl/a/", "<title>A</title>");
        sitemap(&mut s, "https://x.nl/sitemap.xml", &["https://x.nl/a/"]);
        assert!(run(&NoindexInSitemap, &s).is_empty());
    }
}
