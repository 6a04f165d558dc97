use crate::crawl::fetch::FetchError;
use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{page_links, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Links between pages of the crawled site whose target answers 4xx or 5xx (after
    /// redirects) or could not be fetched. Each link is reported once per page, where it is.
    ///
    /// ## Why it matters
    /// A broken internal link is a dead end for readers and stops crawlers from reaching what
    /// lies behind it.
    ///
    /// ## Example
    /// `<a href="/diensten/ai-training/">` on `/blog/` while that page returns 404: link to
    /// the page that replaced it.
    pub struct BrokenLink => "crawl/broken-link", Error, "internal links must reach a working page"
}

impl Rule for BrokenLink {}

impl CrawlRule for BrokenLink {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for (p, l, t) in page_links(site) {
            let why = match (&t.error, t.status) {
                (Some(FetchError::Stopped), _) => continue,
                (Some(e), _) => format!("could not be fetched ({e})"),
                (None, Some(s)) if s >= 400 => {
                    if t.redirects.is_empty() {
                        format!("returns HTTP {s}")
                    } else {
                        format!("redirects to `{}`, which returns HTTP {s}", t.final_url)
                    }
                }
                _ => continue,
            };
            out.push(CrawlFinding::new(
                &p.url,
                Some(l.at),
                Finding::new(Self::ID, format!("link to `{}` {why}", l.url))
                    .help("link to a page that exists, or restore the target"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{failed, html, run, site, status, texts};

    #[test]
    fn fails_on_links_to_404_and_timeouts() {
        let mut s = site();
        let src =
            "<a href=\"/weg\">weg</a> <a href=\"/traag\">traag</a> <a href=\"/weg\">nog eens</a>";
        html(&mut s, "https://x.nl/", src);
        status(&mut s, "https://x.nl/weg", 404);
        failed(&mut s, "https://x.nl/traag", FetchError::Timeout(500));
        let f = run(&BrokenLink, &s);
        assert_eq!(
            texts(src, &f),
            ["<a href=\"/weg\">weg</a>", "<a href=\"/traag\">traag</a>"]
        );
        assert_eq!(
            f[0].finding.message,
            "link to `https://x.nl/weg` returns HTTP 404"
        );
        assert_eq!(
            f[1].finding.message,
            "link to `https://x.nl/traag` could not be fetched (no response within 500 ms)"
        );
    }

    #[test]
    fn passes_on_working_and_uncrawled_links() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/",
            "<a href=\"/ok\">ok</a> <a href=\"https://elders.nl/\">x</a>",
        );
        status(&mut s, "https://x.nl/ok", 200);
        assert!(run(&BrokenLink, &s).is_empty());
    }
}
