use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// A robots.txt that answers a server error (5xx) or no response at all.
    ///
    /// ## Why it matters
    /// RFC 9309 tells crawlers to treat an unreachable robots.txt as "disallow everything":
    /// Googlebot stops crawling the site, and so does geolint. A missing robots.txt (404) is
    /// fine: it allows everything.
    ///
    /// ## Example
    /// `https://example.nl/robots.txt` returns 503: make it answer 200 (or 404).
    pub struct RobotsTxtUnreachable => "crawl/robots-txt-unreachable", Error, "robots.txt must answer 200 or 404"
}

impl Rule for RobotsTxtUnreachable {}

impl CrawlRule for RobotsTxtUnreachable {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        let Some(r) = &site.robots else { return };
        let why = match (&r.error, r.status) {
            (Some(crate::crawl::fetch::FetchError::Stopped), _) => return,
            (Some(e), _) => format!("could not be fetched ({e})"),
            (None, Some(s)) if s >= 500 => format!("returned HTTP {s}"),
            _ => return,
        };
        out.push(CrawlFinding::new(
            &r.url,
            None,
            Finding::new(
                Self::ID,
                format!("robots.txt {why}: crawlers treat the whole site as disallowed"),
            )
            .help("make robots.txt answer 200 (or 404 to allow everything)"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::page::TextFile;
    use crate::rules::crawl::testing::{messages, robots, run, site};

    #[test]
    fn fails_on_503() {
        let mut s = site();
        s.robots = Some(TextFile {
            url: "https://x.nl/robots.txt".into(),
            status: Some(503),
            ..TextFile::default()
        });
        assert_eq!(
            messages(&run(&RobotsTxtUnreachable, &s)),
            [(
                "https://x.nl/robots.txt".into(),
                "robots.txt returned HTTP 503: crawlers treat the whole site as disallowed".into()
            )]
        );
    }

    #[test]
    fn passes_on_200_and_404() {
        let mut s = site();
        robots(&mut s, "User-agent: *\nAllow: /\n");
        assert!(run(&RobotsTxtUnreachable, &s).is_empty());
        s.robots = Some(TextFile {
            url: "https://x.nl/robots.txt".into(),
            status: Some(404),
            ..TextFile::default()
        });
        assert!(run(&RobotsTxtUnreachable, &s).is_empty());
    }
}
