use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{page_links, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Links between pages of the crawled site whose target redirects to a page that works
    /// (targets that end in an error are `crawl/broken-link`). Reported once per page and target.
    ///
    /// ## Why it matters
    /// Every redirect costs readers a round trip and crawlers a fetch; links should name the
    /// final URL. Common causes: a missing trailing slash, `http://` links, renamed pages.
    ///
    /// ## Example
    /// `<a href="/contact">` where `/contact` → 301 `/contact/`: link to `/contact/`.
    pub struct LinkToRedirect => "crawl/link-to-redirect", Warning, "internal links must point at the final url, not a redirect"
}

impl Rule for LinkToRedirect {}

impl CrawlRule for LinkToRedirect {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for (p, l, t) in page_links(site) {
            let Some(first) = t.redirects.first() else {
                continue;
            };
            if t.error.is_some() || t.status.is_none_or(|s| s >= 400) {
                continue;
            }
            out.push(CrawlFinding::new(
                &p.url,
                Some(l.at),
                Finding::new(
                    Self::ID,
                    format!(
                        "link to `{}` redirects ({}) to `{}`",
                        l.url, first.status, t.final_url
                    ),
                )
                .help(format!("link to `{}` directly", t.final_url)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, redirect, run, site, status, texts};

    #[test]
    fn fails_on_link_to_redirect() {
        let mut s = site();
        let src = "<p><a href=\"/contact\">contact</a></p>";
        html(&mut s, "https://x.nl/", src);
        redirect(
            &mut s,
            "https://x.nl/contact",
            &[("https://x.nl/contact", 301)],
            "https://x.nl/contact/",
        );
        let f = run(&LinkToRedirect, &s);
        assert_eq!(texts(src, &f), ["<a href=\"/contact\">contact</a>"]);
        assert_eq!(
            f[0].finding.message,
            "link to `https://x.nl/contact` redirects (301) to `https://x.nl/contact/`"
        );
    }

    #[test]
    fn passes_on_direct_links() {
        let mut s = site();
        html(&mut s, "https://x.nl/", "<a href=\"/contact/\">contact</a>");
        status(&mut s, "https://x.nl/contact/", 200);
        assert!(run(&LinkToRedirect, &s).is_empty());
    }
}
