use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{report_duplicates, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages that answer 200 and may be indexed and share the same `<title>` (compared without
    /// case and extra whitespace). Each page of a group is reported at its title.
    ///
    /// ## Why it matters
    /// The title is the headline of a search result and the first thing an AI answer cites. Two
    /// pages with one title compete for the same query and neither says what sets it apart.
    ///
    /// ## Example
    /// `/diensten/` and `/diensten/ai-training/` both titled "Diensten | Bedrijf": give the
    /// second "AI-training voor teams | Bedrijf".
    pub struct DuplicateTitle => "crawl/duplicate-title", Warning, "every page should have its own title"
}

impl Rule for DuplicateTitle {}

impl CrawlRule for DuplicateTitle {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        report_duplicates(
            site,
            |h| h.title.as_ref(),
            |value, others| {
                Finding::new(
                    Self::ID,
                    format!("title `{}` is also used by {others}", value.text),
                )
                .help("give each page a title that says what only this page offers")
            },
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, run, site, texts};

    #[test]
    fn fails_on_shared_title() {
        let mut s = site();
        let a = "<title>Diensten | Bedrijf</title>";
        html(&mut s, "https://x.nl/a", a);
        html(
            &mut s,
            "https://x.nl/b",
            "<title>diensten |  bedrijf</title>",
        );
        let f = run(&DuplicateTitle, &s);
        assert_eq!(texts(a, &f[..1]), ["Diensten | Bedrijf"]);
        assert_eq!(
            f[0].finding.message,
            "title `Diensten | Bedrijf` is also used by `https://x.nl/b`"
        );
        assert_eq!(f[1].url, "https://x.nl/b");
    }

    #[test]
    fn passes_on_distinct_titles_noindex_and_canonicalised_copies() {
        let mut s = site();
        html(&mut s, "https://x.nl/a", "<title>A</title>");
        html(
            &mut s,
            "https://x.nl/a?print=1",
            "<title>A</title><link rel=canonical href=\"/a\">",
        );
        html(&mut s, "https://x.nl/b", "<title>B</title>");
        html(
            &mut s,
            "https://x.nl/c",
            "<title>A</title><meta name=robots content=noindex>",
        );
        assert!(run(&DuplicateTitle, &s).is_empty());
    }
}
