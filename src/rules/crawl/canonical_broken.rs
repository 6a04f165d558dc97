use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Canonical links that are empty or not a URL, or that name a crawled URL which does not
    /// answer 200 directly (an error, a redirect, no response).
    ///
    /// ## Why it matters
    /// Search engines ignore a canonical that points at an error or a redirect, or worse, follow
    /// it and drop the page. The canonical must be the final, working URL.
    ///
    /// ## Example
    /// `<link rel="canonical" href="http://example.nl/prijzen">` where that URL redirects to
    /// `https://example.nl/prijzen/`: use the final URL.
    pub struct CanonicalBroken => "crawl/canonical-broken", Error, "canonical links must name a url that answers 200"
}

impl Rule for CanonicalBroken {}

impl CrawlRule for CanonicalBroken {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in site.pages.iter().filter(|p| p.ok()) {
            let Some((value, target)) = p.html.as_ref().and_then(|h| h.canonical.as_ref()) else {
                continue;
            };
            let message = match target {
                None => format!("canonical link `{}` is not a valid http(s) URL", value.text),
                Some(t) => match site.page(t) {
                    Some(tp) if tp.ok() => continue,
                    None => continue,
                    Some(tp) => match (&tp.error, tp.status) {
                        (Some(e), _) => format!("canonical `{t}` could not be fetched ({e})"),
                        (None, Some(s)) if !tp.redirects.is_empty() && s < 400 => {
                            format!("canonical `{t}` redirects to `{}`", tp.final_url)
                        }
                        (None, Some(s)) => format!("canonical `{t}` returns HTTP {s}"),
                        (None, None) => continue,
                    },
                },
            };
            out.push(CrawlFinding::new(
                &p.url,
                Some(value.at),
                Finding::new(Self::ID, message)
                    .help("make the canonical the page's final URL, one that answers 200"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, redirect, run, site, status, texts};

    #[test]
    fn fails_on_404_redirect_and_empty_canonicals() {
        let mut s = site();
        let a = "<link rel=canonical href=\"/weg\">";
        html(&mut s, "https://x.nl/a", a);
        html(&mut s, "https://x.nl/b", "<link rel=canonical href=\"/c\">");
        html(
            &mut s,
            "https://x.nl/d",
            "<link rel=canonical href=\"mailto:x@x.nl\">",
        );
        status(&mut s, "https://x.nl/weg", 404);
        redirect(
            &mut s,
            "https://x.nl/c",
            &[("https://x.nl/c", 301)],
            "https://x.nl/c/",
        );
        let f = run(&CanonicalBroken, &s);
        assert_eq!(texts(a, &f[..1]), ["/weg"]);
        let msgs: Vec<_> = f.iter().map(|f| f.finding.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "canonical `https://x.nl/weg` returns HTTP 404",
                "canonical `https://x.nl/c` redirects to `https://x.nl/c/`",
                "canonical link `mailto:x@x.nl` is not a valid http(s) URL",
            ]
        );
    }

    #[test]
    fn passes_on_working_canonical() {
        let mut s = site();
        html(&mut s, "https://x.nl/a", "<link rel=canonical href=\"/a\">");
        assert!(run(&CanonicalBroken, &s).is_empty());
    }
}
