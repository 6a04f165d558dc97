use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Headings with no text (`##` alone, `<h2></h2>`).
    ///
    /// ## Why it matters
    /// An empty heading is an empty entry in the outline: it confuses screen readers and adds
    /// nothing for search.
    ///
    /// ## Example
    /// `##` on its own line → remove it or write the section's title.
    ///
    /// ## Fix
    /// None: write the heading or remove it; an empty heading often marks a missing section.
    pub struct Empty => "heading/empty", Error, "headings must have text"
}

impl Rule for Empty {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for h in &cx.doc.headings {
            if h.text.trim().is_empty() {
                out.push(
                    Finding::new(Self::ID, format!("H{} heading is empty", h.level))
                        .at(h.span)
                        .help("write the section's title or remove the heading"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_and_passes() {
        let src = "# T\n\n##\n\nTekst\n";
        assert_eq!(texts(src, &run(&Empty, "a.md", src)), ["##\n"]);
        assert!(run(&Empty, "a.md", "# T\n\n## Sectie\n").is_empty());
    }
}
