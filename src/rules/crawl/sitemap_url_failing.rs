use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Sitemap entries that do not answer 200 directly: errors, redirects, no response, URLs
    /// robots.txt blocks, and URLs on another host. Reported at the `<loc>` in the sitemap.
    ///
    /// ## Why it matters
    /// Search engines trust a sitemap less when its URLs fail or redirect, and only the final,
    /// working URL of each page belongs in it. Other hosts are not allowed in a sitemap at all.
    ///
    /// ## Example
    /// `<loc>http://example.nl/over</loc>` redirects to `https://example.nl/over/`: list the
    /// final URL.
    pub struct SitemapUrlFailing => "crawl/sitemap-url-failing", Error, "sitemap urls must answer 200 without redirects"
}

impl Rule for SitemapUrlFailing {}

impl CrawlRule for SitemapUrlFailing {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for e in &site.sitemap_entries {
            let why = if !site.is_internal(&e.url) {
                format!("is not on {}", site.host)
            } else if site.blocked.contains(&e.url) {
                "is blocked by robots.txt".to_string()
            } else {
                match site.page(&e.url) {
                    None => continue,
                    Some(p) if p.ok() => continue,
                    Some(p) => match (&p.error, p.status) {
                        (Some(crate::crawl::fetch::FetchError::Stopped), _) | (None, None) => {
                            continue
                        }
                        (Some(err), _) => format!("could not be fetched ({err})"),
                        (None, Some(s)) if !p.redirects.is_empty() && s < 400 => {
                            format!("redirects to `{}`", p.final_url)
                        }
                        (None, Some(s)) => format!("returns HTTP {s}"),
                    },
                }
            };
            out.push(CrawlFinding::new(
                &e.sitemap,
                Some(e.at),
                Finding::new(Self::ID, format!("sitemap URL `{}` {why}", e.url))
                    .help("list only final URLs of this host that answer 200"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, redirect, run, site, sitemap, status, texts};

    #[test]
    fn fails_on_404_redirect_and_other_host() {
        let mut s = site();
        status(&mut s, "https://x.nl/weg", 404);
        redirect(
            &mut s,
            "https://x.nl/oud",
            &[("https://x.nl/oud", 301)],
            "https://x.nl/nieuw",
        );
        let xml = sitemap(
            &mut s,
            "https://x.nl/sitemap.xml",
            &["https://x.nl/weg", "https://x.nl/oud", "https://y.nl/a"],
        );
        let f = run(&SitemapUrlFailing, &s);
        assert_eq!(
            texts(&xml, &f),
            ["https://x.nl/weg", "https://x.nl/oud", "https://y.nl/a"]
        );
        let msgs: Vec<_> = f.iter().map(|f| f.finding.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "sitemap URL `https://x.nl/weg` returns HTTP 404",
                "sitemap URL `https://x.nl/oud` redirects to `https://x.nl/nieuw`",
                "sitemap URL `https://y.nl/a` is not on x.nl",
            ]
        );
    }

    #[test]
    fn passes_on_working_urls() {
        let mut s = site();
        html(&mut s, "https://x.nl/a", "<title>A</title>");
        sitemap(&mut s, "https://x.nl/sitemap.xml", &["https://x.nl/a"]);
        assert!(run(&SitemapUrlFailing, &s).is_empty());
    }
}
