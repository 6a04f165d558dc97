use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Paragraphs longer than `[content] paragraph_max_words` words (default 150).
    ///
    /// ## Why it matters
    /// Walls of text are skipped on screens, and generative engines quote short, self-contained
    /// passages: one idea per paragraph gets cited.
    ///
    /// ## Example
    /// A 220-word paragraph → split it where the idea changes.
    ///
    /// ## Options
    /// `[content] paragraph_max_words = 150`
    ///
    /// ## Fix
    /// None: where to split is a writer's choice.
    pub struct LongParagraph => "content/long-paragraph", Warning, "paragraphs should be short"
}

impl Rule for LongParagraph {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let max = cx.config.paragraph_max_words;
        for p in cx.doc.paragraphs.iter().filter(|p| p.in_main) {
            if p.words > max {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "paragraph has {} words; keep paragraphs under {max}",
                            p.words
                        ),
                    )
                    .at(p.span)
                    .help("split it where the idea changes"),
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
    fn fails_and_passes() {
        let src = format!("# T\n\n{}\n\nKort.\n", "woord ".repeat(160));
        let f = run(&LongParagraph, "a.md", &src);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "paragraph has 160 words; keep paragraphs under 150"
        );
        assert_eq!(f[0].span.map(|s| s.start), Some(5));
        assert!(run(&LongParagraph, "a.md", "# T\n\nKort.\n").is_empty());
    }
}
