use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// URLs whose response (redirects and body included) took longer than the threshold, 1000 ms
    /// by default. The message gives the time measured.
    ///
    /// ## Why it matters
    /// Slow responses cost readers and crawl budget, and answer engines that fetch a page while
    /// the user waits give up on slow servers. One slow crawl can be chance; many are a pattern.
    ///
    /// ## Example
    /// `response took 2350 ms`: cache the page, or find the slow query behind it.
    ///
    /// ## Options
    /// `geolint crawl --slow <MS>` sets the threshold.
    pub struct SlowResponse => "crawl/slow-response", Info, "pages should respond quickly"
}

impl Rule for SlowResponse {}

impl CrawlRule for SlowResponse {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in site.pages.iter().filter(|p| p.status.is_some()) {
            if p.elapsed_ms > site.slow_ms {
                out.push(CrawlFinding::new(
                    &p.url,
                    None,
                    Finding::new(
                        Self::ID,
                        format!(
                            "response took {} ms (threshold {} ms)",
                            p.elapsed_ms, site.slow_ms
                        ),
                    )
                    .help("speed up the server: page caching, fewer database queries, a CDN"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{elapsed, messages, run, site, status};

    #[test]
    fn fails_on_slow_page() {
        let mut s = site();
        status(&mut s, "https://x.nl/traag", 200);
        elapsed(&mut s, 2350);
        assert_eq!(
            messages(&run(&SlowResponse, &s)),
            [(
                "https://x.nl/traag".into(),
                "response took 2350 ms (threshold 1000 ms)".into()
            )]
        );
    }

    #[test]
    fn passes_on_fast_page() {
        let mut s = site();
        status(&mut s, "https://x.nl/", 200);
        elapsed(&mut s, 999);
        assert!(run(&SlowResponse, &s).is_empty());
    }
}
