use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages that answer `200 OK` while their title (or H1) says the page does not exist:
    /// "Pagina niet gevonden", "Page not found", "404".
    ///
    /// ## Why it matters
    /// A "soft 404" tells search engines that an error page is real content: it gets indexed,
    /// wastes crawl budget, and the missing page is never dropped or replaced.
    ///
    /// ## Example
    /// `/oude-dienst/` returns 200 with `<title>Pagina niet gevonden</title>`: make the server
    /// answer 404 (or 410) for it, or redirect it to the page that replaced it.
    pub struct Soft404 => "crawl/soft-404", Warning, "error pages must not answer 200"
}

/// Phrases of error page titles, lowercase.
const PHRASES: &[&str] = &[
    "niet gevonden",
    "pagina bestaat niet",
    "bestaat niet meer",
    "not found",
    "page does not exist",
    "page doesn't exist",
    "page not available",
];

fn looks_missing(text: &str) -> bool {
    let t = text.to_lowercase();
    PHRASES.iter().any(|p| t.contains(p))
        || (t.split_whitespace().count() <= 5
            && t.split(|c: char| !c.is_alphanumeric()).any(|w| w == "404"))
}

impl Rule for Soft404 {}

impl CrawlRule for Soft404 {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for p in site.pages.iter().filter(|p| p.ok()) {
            let Some(h) = &p.html else { continue };
            let hit = h
                .title
                .as_ref()
                .filter(|t| looks_missing(&t.text))
                .map(|t| (t.text.clone(), Some(t.at)))
                .or_else(|| {
                    h.h1.as_ref()
                        .filter(|t| looks_missing(t))
                        .map(|t| (t.clone(), None))
                });
            if let Some((text, at)) = hit {
                out.push(CrawlFinding::new(
                    &p.url,
                    at,
                    Finding::new(
                        Self::ID,
                        format!("page answers 200 but says `{text}`: a soft 404"),
                    )
                    .help("answer HTTP 404 or 410 for missing pages, or redirect them to their replacement"),
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
    fn fails_on_not_found_titles() {
        let mut s = site();
        let a = "<title>Pagina niet gevonden | Bedrijf</title><h1>Oeps</h1>";
        html(&mut s, "https://x.nl/a", a);
        html(
            &mut s,
            "https://x.nl/b",
            "<title>Bedrijf</title><h1>404</h1>",
        );
        let f = run(&Soft404, &s);
        assert_eq!(texts(a, &f[..1]), ["Pagina niet gevonden | Bedrijf"]);
        assert_eq!(
            f[0].finding.message,
            "page answers 200 but says `Pagina niet gevonden | Bedrijf`: a soft 404"
        );
        assert_eq!(
            f[1].finding.message,
            "page answers 200 but says `404`: a soft 404"
        );
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn passes_on_articles_about_404s() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/a",
            "<title>Zo los je 404-fouten op in WordPress: een complete gids</title>",
        );
        assert!(run(&Soft404, &s).is_empty());
    }
}
