use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Crawled URLs that answer with a client error (4xx) or a server error (5xx), after any
    /// redirects.
    ///
    /// ## Why it matters
    /// Search engines drop pages that answer 404 or keep answering 5xx, and every link to them is
    /// a dead end for readers and for AI crawlers.
    ///
    /// ## Example
    /// `https://example.nl/oude-prijzen/` returns 404: restore it or redirect it (301) to
    /// `/prijzen/`, and update the links that point at it (`crawl/broken-link` lists them).
    pub struct HttpStatus => "crawl/http-status", Error, "crawled urls must not answer 4xx or 5xx"
}

impl Rule for HttpStatus {}

impl CrawlRule for HttpStatus {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in &site.pages {
            let Some(status) = p.status.filter(|s| *s >= 400) else {
                continue;
            };
            if p.error.is_some() {
                continue;
            }
            let help = if status >= 500 {
                "fix the server error; pages that keep failing are dropped from search results"
            } else {
                "restore the page, redirect it (301) to its successor, or remove the links to it"
            };
            let via = if p.redirects.is_empty() {
                String::new()
            } else {
                format!(" (after redirecting to `{}`)", p.final_url)
            };
            out.push(CrawlFinding::new(
                &p.url,
                None,
                Finding::new(Self::ID, format!("page returned HTTP {status}{via}")).help(help),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{messages, run, site, status};

    #[test]
    fn fails_on_404_and_500() {
        let mut s = site();
        status(&mut s, "https://x.nl/weg/", 404);
        status(&mut s, "https://x.nl/kapot/", 500);
        let f = run(&HttpStatus, &s);
        assert_eq!(
            messages(&f),
            [
                ("https://x.nl/weg/".into(), "page returned HTTP 404".into()),
                (
                    "https://x.nl/kapot/".into(),
                    "page returned HTTP 500".into()
                ),
            ]
        );
        assert!(f[1]
            .finding
            .help
            .as_deref()
            .unwrap()
            .starts_with("fix the server error"));
    }

    #[test]
    fn passes_on_200_and_304() {
        let mut s = site();
        status(&mut s, "https://x.nl/", 200);
        status(&mut s, "https://x.nl/a", 304);
        assert!(run(&HttpStatus, &s).is_empty());
    }
}
