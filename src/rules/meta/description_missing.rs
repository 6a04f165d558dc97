use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a page has a meta description: the front matter field (`seo.metaDescription`,
    /// `description`, `summary`, ... per `[frontmatter] description`) or an HTML
    /// `<meta name="description">`, and that it is not empty.
    ///
    /// ## Why it matters
    /// Without one, search engines pick a random sentence as the snippet under your link.
    ///
    /// ## Example
    /// Add `description: "Wat kost een AI-workshop? Prijzen per dagdeel, ROI en formats ..."`.
    ///
    /// ## Fix
    /// None: the description has to be written.
    pub struct DescriptionMissing => "meta/description-missing", Warning, "pages should have a meta description"
}

impl Rule for DescriptionMissing {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.source.trim().is_empty() {
            return;
        }
        match cx.description() {
            None if cx.required_reports_missing("description") => {}
            None => out.push(
                Finding::new(Self::ID, "page has no meta description")
                    .help("add a `description` of 120-160 characters to the front matter (or a <meta name=\"description\">)"),
            ),
            Some(d) if d.text.trim().is_empty() => out.push(
                Finding::new(Self::ID, "meta description is empty")
                    .at(d.span)
                    .help("write 120-160 characters that answer the searcher's question"),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn fails_and_passes() {
        let cfg = crate::rules::testing::config("[frontmatter]\nrequired = [\"title\"]\n");
        let src = "---\ntitle: x\n---\nT\n";
        assert_eq!(
            crate::rules::testing::run_with(&DescriptionMissing, "a.md", src, &cfg).len(),
            1
        );
        // with `description` required, frontmatter/required-field reports it instead
        assert!(run(&DescriptionMissing, "a.md", src).is_empty());
        assert_eq!(
            run(
                &DescriptionMissing,
                "a.html",
                "<meta name=\"description\" content=\"\">"
            )[0]
            .message,
            "meta description is empty"
        );
        assert!(run(
            &DescriptionMissing,
            "a.md",
            "---\nsummary: Een samenvatting\n---\nT\n"
        )
        .is_empty());
    }
}
