use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages whose `<link rel="canonical">` names another URL than the page's own.
    ///
    /// ## Why it matters
    /// A canonical elsewhere asks search engines to index the other URL instead: right for
    /// duplicates (print views, filtered lists), a silent de-indexing when a template copies one
    /// canonical onto many pages. This rule lists them so you can check.
    ///
    /// ## Example
    /// `/blog/ai-kosten/` with `<link rel="canonical" href="https://example.nl/blog/">`: give
    /// the article its own URL as canonical.
    pub struct CanonicalElsewhere => "crawl/canonical-elsewhere", Info, "canonical links that name another url"
}

impl Rule for CanonicalElsewhere {}

impl CrawlRule for CanonicalElsewhere {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in site.pages.iter().filter(|p| p.ok()) {
            let Some((value, Some(target))) = p.html.as_ref().and_then(|h| h.canonical.as_ref())
            else {
                continue;
            };
            if *target != p.url {
                out.push(CrawlFinding::new(
                    &p.url,
                    Some(value.at),
                    Finding::new(
                        Self::ID,
                        format!("canonical points to `{target}`, not to this page"),
                    )
                    .help("keep it only if this page duplicates that one; else use the page's own URL"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, run, site, texts};

    #[test]
    fn fails_on_canonical_to_other_page() {
        let mut s = site();
        let src = "<link rel=\"canonical\" href=\"https://x.nl/blog/\">";
        html(&mut s, "https://x.nl/blog/a/", src);
        let f = run(&CanonicalElsewhere, &s);
        assert_eq!(texts(src, &f), ["https://x.nl/blog/"]);
        assert_eq!(
            f[0].finding.message,
            "canonical points to `https://x.nl/blog/`, not to this page"
        );
    }

    #[test]
    fn passes_on_self_canonical() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/a/",
            "<link rel=\"canonical\" href=\"/a/\">",
        );
        assert!(run(&CanonicalElsewhere, &s).is_empty());
    }
}
