use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a page has an SEO title: the front matter title field (`seo.metaTitle`, `title`,
    /// ... per `[frontmatter] title`) or an HTML `<title>`, and that it is not empty.
    ///
    /// ## Why it matters
    /// The title is the blue link in search results and the name AI answers cite the page by.
    ///
    /// ## Example
    /// `<title></title>` → `<title>AI-workshop in Amsterdam | Bedrijfsnaam</title>`.
    ///
    /// ## Fix
    /// None: the title has to be written.
    pub struct TitleMissing => "meta/title-missing", Error, "pages must have an seo title"
}

impl Rule for TitleMissing {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.source.trim().is_empty() {
            return;
        }
        match cx.seo_title() {
            None if cx.required_reports_missing("title") => {}
            None => out.push(
                Finding::new(Self::ID, "page has no SEO title")
                    .help("add a `title` to the front matter, or a <title> to the HTML head"),
            ),
            Some(t) if t.text.trim().is_empty() => out.push(
                Finding::new(Self::ID, "SEO title is empty")
                    .at(t.span)
                    .help("write a title of 30-60 characters that names the page's subject"),
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
        let cfg = crate::rules::testing::config("[frontmatter]\nrequired = []\n");
        let f = crate::rules::testing::run_with(&TitleMissing, "a.md", "# Kop\n\nTekst\n", &cfg);
        assert_eq!(f[0].message, "page has no SEO title");
        // with `title` required, frontmatter/required-field reports it instead
        assert!(run(&TitleMissing, "a.md", "# Kop\n\nTekst\n").is_empty());
        assert_eq!(
            run(&TitleMissing, "a.md", "---\ntitle: \"\"\n---\nT\n")[0].message,
            "SEO title is empty"
        );
        assert_eq!(
            run(
                &TitleMissing,
                "a.html",
                "<html><head><title> </title></head></html>"
            )
            .len(),
            1
        );
        assert!(run(&TitleMissing, "a.md", "---\ntitle: Kop\n---\nT\n").is_empty());
        assert!(run(&TitleMissing, "a.html", "<title>Kop</title>").is_empty());
    }
}
