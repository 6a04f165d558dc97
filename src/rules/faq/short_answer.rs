use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::{DocContext, Rule};

/// Answers with fewer words than this are one-liners.
const MIN_WORDS: usize = 8;

declare_rule! {
    /// ## What it checks
    /// Answers in a visible FAQ block that are empty (a warning) or a single short line of fewer
    /// than 8 words (an info).
    ///
    /// ## Why it matters
    /// A question without an answer is a dead end; a one-word answer ("Ja.") gives answer
    /// engines nothing to quote and readers nothing to act on.
    ///
    /// ## Example
    /// `### Is er parkeergelegenheid?` followed by `Ja.` → say where, and what it costs.
    pub struct ShortAnswer => "faq/short-answer", Warning, "answers in a FAQ should not be empty or one short line"
}

impl Rule for ShortAnswer {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for item in crate::faq::extract(cx.doc) {
            let words = item.answer.split_whitespace().count();
            if words == 0 {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("FAQ question \"{}\" has no answer", item.question),
                    )
                    .at(item.question_span)
                    .help("write the answer below the question"),
                );
            } else if words < MIN_WORDS && !item.answer.contains('\n') {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "the answer to \"{}\" has only {words} {}",
                            item.question,
                            if words == 1 { "word" } else { "words" }
                        ),
                    )
                    .maybe_at(item.answer_span)
                    .help("answer in a full sentence or two that stand on their own")
                    .level(Level::Info),
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
    fn fails_on_empty_and_one_word_answers() {
        let src = "## FAQ\n\n### Kan ik parkeren?\n\nJa.\n\n### Hoe lang duurt het?\n\n## Contact\n\nBel.\n";
        let f = run(&ShortAnswer, "a.md", src);
        assert_eq!(texts(src, &f), ["Ja.", "### Hoe lang duurt het?\n"]);
        assert_eq!(
            f[0].message,
            "the answer to \"Kan ik parkeren?\" has only 1 word"
        );
        assert_eq!(f[0].level, Some(Level::Info));
        assert_eq!(
            f[1].message,
            "FAQ question \"Hoe lang duurt het?\" has no answer"
        );
    }

    #[test]
    fn passes() {
        let src = "## FAQ\n\n### Kan ik parkeren?\n\nJa, er is een gratis parkeerplaats naast het gebouw.\n";
        assert!(run(&ShortAnswer, "a.md", src).is_empty());
    }
}
