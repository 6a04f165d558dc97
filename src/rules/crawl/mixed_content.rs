use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// `https://` pages that load images, scripts, stylesheets, frames or media over plain
    /// `http://` (`src`, `srcset`, `poster`, `data`, `<link rel=stylesheet|icon|preload href>`).
    ///
    /// ## Why it matters
    /// Browsers block insecure scripts and frames on secure pages and flag insecure images:
    /// the page breaks or loses its padlock, and readers lose trust.
    ///
    /// ## Example
    /// `<img src="http://example.nl/logo.png">` on `https://example.nl/`: use
    /// `https://example.nl/logo.png`.
    pub struct MixedContent => "crawl/mixed-content", Error, "https pages must not load http resources"
}

impl Rule for MixedContent {}

impl CrawlRule for MixedContent {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in &site.pages {
            let Some(h) = &p.html else { continue };
            for v in &h.insecure {
                out.push(CrawlFinding::new(
                    &p.url,
                    Some(v.at),
                    Finding::new(
                        Self::ID,
                        format!("secure page loads `{}` over insecure http", v.text),
                    )
                    .help("load the resource over https"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, run, site, texts};

    #[test]
    fn fails_on_http_script_and_image() {
        let mut s = site();
        let src = "<link rel=stylesheet href=\"https://x.nl/a.css\"><script src=\"http://cdn.nl/a.js\"></script><img srcset=\"http://x.nl/a.png 2x\">";
        html(&mut s, "https://x.nl/", src);
        let f = run(&MixedContent, &s);
        assert_eq!(
            texts(src, &f),
            ["http://cdn.nl/a.js", "http://x.nl/a.png 2x"]
        );
        assert_eq!(
            f[0].finding.message,
            "secure page loads `http://cdn.nl/a.js` over insecure http"
        );
    }

    #[test]
    fn passes_on_https_and_links() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/",
            "<a href=\"http://elders.nl/\">x</a><img src=\"/a.png\">",
        );
        assert!(run(&MixedContent, &s).is_empty());
    }
}
