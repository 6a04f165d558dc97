use std::collections::HashSet;

use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages reached by following links that answer 200, may be indexed and are their own
    /// canonical, but are missing from the site's sitemaps. Only when the site has a sitemap.
    ///
    /// ## Why it matters
    /// The sitemap is how you tell search engines which pages matter and when they changed; a
    /// page missing from it is found later, or not at all when its links are few.
    ///
    /// ## Example
    /// `/diensten/ai-training/` is linked from the menu but not in `sitemap.xml`: regenerate the
    /// sitemap or check why the page is left out (a draft flag, an exclude rule).
    pub struct NotInSitemap => "crawl/not-in-sitemap", Info, "indexable pages should be in the sitemap"
}

impl Rule for NotInSitemap {}

impl CrawlRule for NotInSitemap {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        if site.sitemap_entries.is_empty() {
            return;
        }
        let listed: HashSet<&str> = site
            .sitemap_entries
            .iter()
            .map(|e| e.url.as_str())
            .collect();
        for p in site.pages.iter().filter(|p| p.ok() && !p.noindex()) {
            let Some(h) = &p.html else { continue };
            let self_canonical = h
                .canonical
                .as_ref()
                .is_none_or(|(_, t)| crate::crawl::page::canonical_is_self(&p.url, t.as_deref()));
            if self_canonical && !listed.contains(p.url.as_str()) {
                out.push(CrawlFinding::new(
                    &p.url,
                    None,
                    Finding::new(Self::ID, "page is linked but not in the sitemap")
                        .help("add the page to the sitemap (or noindex it if it should not rank)"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, messages, run, site, sitemap};

    #[test]
    fn fails_on_page_missing_from_sitemap() {
        let mut s = site();
        html(&mut s, "https://x.nl/", "<a href=\"/b\">b</a>");
        html(&mut s, "https://x.nl/b", "<title>B</title>");
        sitemap(&mut s, "https://x.nl/sitemap.xml", &["https://x.nl/"]);
        assert_eq!(
            messages(&run(&NotInSitemap, &s)),
            [(
                "https://x.nl/b".into(),
                "page is linked but not in the sitemap".into()
            )]
        );
    }

    #[test]
    fn passes_on_listed_noindex_and_canonicalised_pages() {
        let mut s = site();
        html(&mut s, "https://x.nl/", "<title>Home</title>");
        html(
            &mut s,
            "https://x.nl/n",
            "<meta name=robots content=noindex>",
        );
        html(
            &mut s,
            "https://x.nl/p?print=1",
            "<link rel=canonical href=\"/\">",
        );
        sitemap(&mut s, "https://x.nl/sitemap.xml", &["https://x.nl/"]);
        assert!(run(&NotInSitemap, &s).is_empty());
        let mut none = site();
        html(&mut none, "https://x.nl/", "<title>Home</title>");
        assert!(
            run(&NotInSitemap, &none).is_empty(),
            "no sitemap, no finding"
        );
    }
}
