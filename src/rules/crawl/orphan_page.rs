use std::collections::HashSet;

use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages listed in the sitemap that answer 200 but that no other crawled page links to.
    /// Only after a complete crawl (not cut short by `--max-pages`, `--max-depth` or Ctrl-C).
    ///
    /// ## Why it matters
    /// An orphan page gets no link value and no visitors from the rest of the site; search
    /// engines treat it as unimportant, and readers never find it.
    ///
    /// ## Example
    /// `/regio/utrecht/` is in the sitemap but not linked anywhere: link it from the regions
    /// overview and from related articles.
    pub struct OrphanPage => "crawl/orphan-page", Warning, "sitemap pages must be linked from the site"
}

impl Rule for OrphanPage {}

impl CrawlRule for OrphanPage {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        if !site.complete {
            return;
        }
        let mut linked: HashSet<&str> = HashSet::new();
        for p in &site.pages {
            let Some(h) = &p.html else { continue };
            for l in &h.links {
                if l.url != p.url {
                    linked.insert(l.url.as_str());
                }
            }
            // A redirecting URL that is linked counts as a link to its target.
        }
        for p in &site.pages {
            if !p.redirects.is_empty() && linked.contains(p.url.as_str()) {
                linked.insert(p.final_url.as_str());
            }
        }
        let mut done = HashSet::new();
        for e in &site.sitemap_entries {
            if e.url == site.start || linked.contains(e.url.as_str()) || !done.insert(&e.url) {
                continue;
            }
            if site.page(&e.url).is_some_and(|p| p.ok() && p.is_html()) {
                out.push(CrawlFinding::new(
                    &e.url,
                    None,
                    Finding::new(
                        Self::ID,
                        "page is in the sitemap but no crawled page links to it",
                    )
                    .help("link to it from related pages and from its section's overview"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, messages, run, site, sitemap};

    fn fixture() -> CrawlSite {
        let mut s = site();
        html(&mut s, "https://x.nl/", "<a href=\"/a\">a</a>");
        html(&mut s, "https://x.nl/a", "<a href=\"/a\">zelf</a>");
        html(&mut s, "https://x.nl/wees", "<a href=\"/wees\">zelf</a>");
        sitemap(
            &mut s,
            "https://x.nl/sitemap.xml",
            &["https://x.nl/", "https://x.nl/a", "https://x.nl/wees"],
        );
        s.complete = true;
        s
    }

    #[test]
    fn fails_on_unlinked_sitemap_page() {
        assert_eq!(
            messages(&run(&OrphanPage, &fixture())),
            [(
                "https://x.nl/wees".into(),
                "page is in the sitemap but no crawled page links to it".into()
            )]
        );
    }

    #[test]
    fn passes_on_incomplete_crawl_and_linked_pages() {
        let mut s = fixture();
        s.complete = false;
        assert!(run(&OrphanPage, &s).is_empty());
        let mut t = site();
        html(&mut t, "https://x.nl/", "<a href=\"/a\">a</a>");
        html(&mut t, "https://x.nl/a", "<title>A</title>");
        sitemap(&mut t, "https://x.nl/sitemap.xml", &["https://x.nl/a"]);
        t.complete = true;
        assert!(run(&OrphanPage, &t).is_empty());
    }
}
