use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// HTML pages that answer 200, may be indexed, and have no `<link rel="canonical">`.
    ///
    /// ## Why it matters
    /// The same page is often reachable under several URLs (`?utm_…`, with and without a
    /// trailing slash, `http`/`https`). A canonical link tells search engines which one to
    /// index, so signals are not split and the right URL is shown.
    ///
    /// ## Example
    /// Add `<link rel="canonical" href="https://example.nl/prijzen/">` to the head of
    /// `/prijzen/`.
    pub struct CanonicalMissing => "crawl/canonical-missing", Warning, "indexable pages should declare a canonical url"
}

impl Rule for CanonicalMissing {}

impl CrawlRule for CanonicalMissing {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in site.pages.iter().filter(|p| p.ok() && !p.noindex()) {
            let Some(h) = &p.html else { continue };
            if h.canonical.is_none() {
                out.push(CrawlFinding::new(
                    &p.url,
                    None,
                    Finding::new(Self::ID, "page has no canonical link").help(format!(
                        "add <link rel=\"canonical\" href=\"{}\"> to the head",
                        p.url
                    )),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, messages, run, site};

    #[test]
    fn fails_without_canonical() {
        let mut s = site();
        html(&mut s, "https://x.nl/a", "<title>A</title>");
        assert_eq!(
            messages(&run(&CanonicalMissing, &s)),
            [("https://x.nl/a".into(), "page has no canonical link".into())]
        );
    }

    #[test]
    fn passes_with_canonical_or_noindex() {
        let mut s = site();
        html(&mut s, "https://x.nl/a", "<link rel=canonical href=\"/a\">");
        html(
            &mut s,
            "https://x.nl/b",
            "<meta name=robots content=noindex>",
        );
        assert!(run(&CanonicalMissing, &s).is_empty());
    }
}
