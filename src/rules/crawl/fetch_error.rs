use crate::crawl::fetch::FetchError as Error;
use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Crawled URLs that gave no usable response: a time-out, a body over the size cap, a
    /// refused or broken connection, a redirect without a `Location`.
    ///
    /// ## Why it matters
    /// What geolint cannot fetch, search and AI crawlers often cannot either: a page that takes
    /// longer than a crawler waits, or is megabytes of HTML, is not indexed or is cut off.
    ///
    /// ## Example
    /// `https://example.nl/zoeken/` did not answer within 10 s: make it respond faster, or keep
    /// crawlers out of it in robots.txt.
    ///
    /// ## Options
    /// `geolint crawl --timeout <SECONDS>` and `--max-body <BYTES>` set the limits.
    pub struct FetchError => "crawl/fetch-error", Error, "crawled urls must answer within the time-out and size cap"
}

impl Rule for FetchError {}

impl CrawlRule for FetchError {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in &site.pages {
            let help = match &p.error {
                None
                | Some(Error::Stopped | Error::RedirectLoop(_) | Error::TooManyRedirects(_)) => {
                    continue
                }
                Some(Error::Timeout(_)) => {
                    "make the page answer faster; crawlers give up on slow pages"
                }
                Some(Error::TooLarge(_)) => {
                    "slim the page down (inline data, huge menus) so crawlers read all of it"
                }
                Some(Error::BadRedirect) => {
                    "send a valid absolute or relative URL in the Location header"
                }
                Some(Error::Connection(_)) => {
                    "check that the server is up and answers over HTTP(S)"
                }
            };
            let e = p
                .error
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            out.push(CrawlFinding::new(
                &p.url,
                None,
                Finding::new(Self::ID, format!("could not fetch the page: {e}")).help(help),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{failed, messages, run, site, status};

    #[test]
    fn fails_on_timeout_and_size() {
        let mut s = site();
        failed(&mut s, "https://x.nl/traag", Error::Timeout(2000));
        failed(&mut s, "https://x.nl/groot", Error::TooLarge(1000));
        assert_eq!(
            messages(&run(&FetchError, &s)),
            [
                (
                    "https://x.nl/traag".into(),
                    "could not fetch the page: no response within 2000 ms".into()
                ),
                (
                    "https://x.nl/groot".into(),
                    "could not fetch the page: body is over the 1000 byte limit".into()
                ),
            ]
        );
    }

    #[test]
    fn passes_on_responses_and_loops() {
        let mut s = site();
        status(&mut s, "https://x.nl/", 200);
        failed(
            &mut s,
            "https://x.nl/lus",
            Error::RedirectLoop("https://x.nl/lus".into()),
        );
        assert!(run(&FetchError, &s).is_empty());
    }
}
