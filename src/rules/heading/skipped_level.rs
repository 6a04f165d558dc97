use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That heading levels go down one step at a time: an H2 may be followed by an H3, not by
    /// an H4. The front matter title counts as the H1 when `title_is_h1` is set.
    ///
    /// ## Why it matters
    /// Screen readers, search engines and generative engines read the outline from the levels;
    /// a skipped level makes a section look like it belongs somewhere it does not.
    ///
    /// ## Example
    /// `## Kosten` followed by `#### Per dag` → make it `### Per dag`.
    pub struct SkippedLevel => "heading/skipped-level", Warning, "heading levels should not skip"
}

impl Rule for SkippedLevel {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let mut prev: Option<u8> = cx.rendered_title_h1().map(|_| 1);
        for h in cx.main_headings() {
            if let Some(p) = prev {
                if h.level > p + 1 {
                    out.push(
                        Finding::new(
                            Self::ID,
                            format!("heading level skips from H{p} to H{}", h.level),
                        )
                        .at(h.span)
                        .help(format!(
                            "make this an H{} or add the missing level above it",
                            p + 1
                        )),
                    );
                }
            }
            prev = Some(h.level);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_skip() {
        let src = "# T\n\n## A\n\n#### B\n";
        let f = run(&SkippedLevel, "a.md", src);
        assert_eq!(texts(src, &f), ["#### B\n"]);
        assert_eq!(f[0].message, "heading level skips from H2 to H4");
        let src = "---\ntitle: T\n---\n### Te diep\n";
        assert_eq!(
            texts(src, &run(&SkippedLevel, "a.md", src)),
            ["### Te diep\n"]
        );
    }

    #[test]
    fn passes_on_steps_and_going_up() {
        assert!(run(&SkippedLevel, "a.md", "# T\n## A\n### B\n## C\n#### x\n").len() == 1);
        assert!(run(&SkippedLevel, "a.md", "# T\n## A\n### B\n## C\n").is_empty());
        assert!(run(&SkippedLevel, "a.md", "## Geen H1\n### B\n").is_empty());
    }
}
