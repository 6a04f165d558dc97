use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{report_duplicates, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Pages that answer 200 and may be indexed and share the same meta description (compared
    /// without case and extra whitespace). Each page of a group is reported at its description.
    ///
    /// ## Why it matters
    /// A description copied across pages (often a theme default) is ignored by search engines,
    /// which then pick a snippet themselves, and it gives readers no reason to choose the page.
    ///
    /// ## Example
    /// Every blog post has "Lees onze blog over AI.": write one sentence per post about what
    /// that post answers.
    pub struct DuplicateDescription => "crawl/duplicate-description", Warning, "every page should have its own meta description"
}

impl Rule for DuplicateDescription {}

impl CrawlRule for DuplicateDescription {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        report_duplicates(
            site,
            |h| h.description.as_ref(),
            |_value, others| {
                Finding::new(
                    Self::ID,
                    format!("meta description is also used by {others}"),
                )
                .help("write a description for each page about what that page answers")
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
    fn fails_on_shared_description() {
        let mut s = site();
        let a = "<meta name=\"description\" content=\"Lees onze blog.\">";
        html(&mut s, "https://x.nl/a", a);
        html(&mut s, "https://x.nl/b", a);
        html(&mut s, "https://x.nl/c", a);
        let f = run(&DuplicateDescription, &s);
        assert_eq!(f.len(), 3);
        assert_eq!(texts(a, &f[..1]), ["Lees onze blog."]);
        assert_eq!(
            f[0].finding.message,
            "meta description is also used by `https://x.nl/b`, `https://x.nl/c`"
        );
    }

    #[test]
    fn passes_on_distinct_or_missing_descriptions() {
        let mut s = site();
        html(
            &mut s,
            "https://x.nl/a",
            "<meta name=\"description\" content=\"A\">",
        );
        html(
            &mut s,
            "https://x.nl/b",
            "<meta name=\"description\" content=\"B\">",
        );
        html(
            &mut s,
            "https://x.nl/c",
            "<meta name=\"description\" content=\"\">",
        );
        html(
            &mut s,
            "https://x.nl/d",
            "<meta name=\"description\" content=\"\">",
        );
        assert!(run(&DuplicateDescription, &s).is_empty());
    }
}
