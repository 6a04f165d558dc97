use crate::crawl::fetch::FetchError;
use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// URLs whose redirects come back to a URL already visited, or go on for more hops than the
    /// limit (10 by default).
    ///
    /// ## Why it matters
    /// A loop never reaches a page: browsers show "too many redirects" and crawlers give up, so
    /// the URL and everything linked only from it are lost.
    ///
    /// ## Example
    /// `/a` → `/b` → `/a`: remove one of the two redirect rules.
    ///
    /// ## Options
    /// `geolint crawl --max-redirects <N>`.
    pub struct RedirectLoop => "crawl/redirect-loop", Error, "redirects must not loop"
}

impl Rule for RedirectLoop {}

impl CrawlRule for RedirectLoop {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in &site.pages {
            let mut path: Vec<&str> = p.redirects.iter().map(|h| h.url.as_str()).collect();
            let message = match &p.error {
                Some(FetchError::RedirectLoop(back)) => {
                    path.push(back);
                    format!("redirect loop: {}", path.join(" → "))
                }
                Some(FetchError::TooManyRedirects(n)) => {
                    format!(
                        "more than {n} redirects, starting {}",
                        path.iter().take(3).copied().collect::<Vec<_>>().join(" → ")
                    )
                }
                _ => continue,
            };
            out.push(CrawlFinding::new(
                &p.url,
                None,
                Finding::new(Self::ID, message)
                    .help("make the redirect rules end at a page that answers 200"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{failed, run, site, status};

    #[test]
    fn fails_on_a_loop() {
        let mut s = site();
        failed(
            &mut s,
            "https://x.nl/a",
            FetchError::RedirectLoop("https://x.nl/a".into()),
        );
        if let Some(p) = s.pages.last_mut() {
            p.redirects = vec![
                crate::crawl::fetch::Hop {
                    url: "https://x.nl/a".into(),
                    status: 301,
                },
                crate::crawl::fetch::Hop {
                    url: "https://x.nl/b".into(),
                    status: 302,
                },
            ];
        }
        let f = run(&RedirectLoop, &s);
        assert_eq!(
            f[0].finding.message,
            "redirect loop: https://x.nl/a → https://x.nl/b → https://x.nl/a"
        );
    }

    #[test]
    fn passes_without_loops() {
        let mut s = site();
        status(&mut s, "https://x.nl/", 200);
        assert!(run(&RedirectLoop, &s).is_empty());
    }
}
