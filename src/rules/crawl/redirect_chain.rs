use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// URLs that reach their final page through two or more redirects
    /// (`http://` → `https://` → `/nieuw/`).
    ///
    /// ## Why it matters
    /// Each hop costs a round trip for readers and crawl budget for search engines; Googlebot
    /// follows at most 10 hops, and link signals can weaken along a chain.
    ///
    /// ## Example
    /// `/oud` → 301 `/oud/` → 301 `/nieuw/`: redirect `/oud` straight to `/nieuw/` and link to
    /// `/nieuw/`.
    pub struct RedirectChain => "crawl/redirect-chain", Warning, "redirects must reach the final url in one hop"
}

impl Rule for RedirectChain {}

impl CrawlRule for RedirectChain {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in &site.pages {
            if p.redirects.len() < 2 || p.error.is_some() {
                continue;
            }
            let mut path: Vec<String> = p
                .redirects
                .iter()
                .map(|h| format!("{} ({})", h.url, h.status))
                .collect();
            path.push(p.final_url.clone());
            out.push(CrawlFinding::new(
                &p.url,
                None,
                Finding::new(
                    Self::ID,
                    format!(
                        "redirect chain of {} hops: {}",
                        p.redirects.len(),
                        path.join(" → ")
                    ),
                )
                .help(format!(
                    "redirect straight to `{}` and link to it",
                    p.final_url
                )),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{redirect, run, site};

    #[test]
    fn fails_on_two_hops() {
        let mut s = site();
        redirect(
            &mut s,
            "https://x.nl/oud",
            &[("https://x.nl/oud", 301), ("https://x.nl/oud/", 302)],
            "https://x.nl/nieuw/",
        );
        let f = run(&RedirectChain, &s);
        assert_eq!(
            f[0].finding.message,
            "redirect chain of 2 hops: https://x.nl/oud (301) → https://x.nl/oud/ (302) → https://x.nl/nieuw/"
        );
        assert_eq!(
            f[0].finding.help.as_deref(),
            Some("redirect straight to `https://x.nl/nieuw/` and link to it")
        );
    }

    #[test]
    fn passes_on_one_hop() {
        let mut s = site();
        redirect(
            &mut s,
            "https://x.nl/a",
            &[("https://x.nl/a", 301)],
            "https://x.nl/a/",
        );
        assert!(run(&RedirectChain, &s).is_empty());
    }
}
