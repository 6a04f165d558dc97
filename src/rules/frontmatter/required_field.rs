use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::Format;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That every field named in `[frontmatter] required` (default: title, description, date)
    /// is present, looked up through the configured dotted paths (`seo.metaTitle`, `title`, ...).
    ///
    /// ## Why it matters
    /// A page without a title or description gets whatever the search engine makes up; a page
    /// without a date cannot show freshness to readers or generative engines.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: "AI voor het MKB"
    /// ---
    /// ```
    /// Add `description:` and `date:`.
    ///
    /// ## Options
    /// `[frontmatter] required = ["title", "description", "date"]`; the paths of each field.
    ///
    /// ## Fix
    /// None: the value has to be written.
    pub struct RequiredField => "frontmatter/required-field", Error, "required front matter fields must be present"
}

impl Rule for RequiredField {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.format == Some(Format::Html)
            || cx.doc.front_matter_error.is_some()
            || cx.doc.source.trim().is_empty()
        {
            return;
        }
        let required = &cx.config.frontmatter.required;
        if required.is_empty() {
            return;
        }
        let Some(fm) = &cx.doc.front_matter else {
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "file has no front matter; required fields: {}",
                        required.join(", ")
                    ),
                )
                .help("start the file with a `---` block holding these fields"),
            );
            return;
        };
        let opening = crate::span::Span::new(fm.span.start, fm.span.start + 3);
        for name in required {
            if cx.field(name).is_none() {
                let paths = cx.config.frontmatter.paths(name).join(", ");
                out.push(
                    Finding::new(Self::ID, format!("front matter has no `{name}`"))
                        .at(opening)
                        .help(format!("add one of: {paths}")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn fails_when_fields_are_missing() {
        let f = run(&RequiredField, "a.md", "---\ntitle: x\n---\nTekst\n");
        let msgs: Vec<_> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "front matter has no `description`",
                "front matter has no `date`"
            ]
        );
        let f = run(&RequiredField, "a.md", "Tekst\n");
        assert_eq!(f.len(), 1);
        assert!(f[0].span.is_none());
    }

    #[test]
    fn passes_with_astro_seo_paths() {
        let src =
            "---\nseo:\n  metaTitle: x\n  metaDescription: y\npublishDate: 2024-01-20\n---\nT\n";
        assert!(run(&RequiredField, "a.md", src).is_empty());
        assert!(run(&RequiredField, "a.html", "<title>x</title>").is_empty());
    }
}
