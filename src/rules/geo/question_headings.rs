use super::{is_question, starts_with_question_word};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::readability::percent;
use crate::rules::{DocContext, Rule};

/// Pages with fewer H2 headings are not judged.
const MIN_H2: usize = 3;

declare_rule! {
    /// ## What it checks
    /// On pages with at least three H2 headings: the share of H2s phrased as a question ("Wat
    /// kost …?", "How does … work?", or opening with a question word: "Hoe je dit toepast") and whether the page has an FAQ block (a heading such as
    /// "Veelgestelde vragen", "FAQ" or "Frequently asked questions", or an `faq` list in front
    /// matter). When fewer than `min_question_h2_share` (default 20%) of the H2s are questions
    /// and there is no FAQ block, one summarised finding is given at the first H2.
    ///
    /// ## Why it matters
    /// People ask generative engines questions. Sections headed by the question they answer,
    /// and an FAQ block, map one-to-one onto those prompts and are easy to lift into an answer.
    ///
    /// ## Example
    /// H2s "Prijzen", "Werkwijze", "Contact" and no FAQ → "Wat kost een AI-workshop?", "Hoe
    /// werkt een workshop?", and a "Veelgestelde vragen" section.
    ///
    /// ## Options
    /// `[geo] min_question_h2_share = 0.2`
    pub struct QuestionHeadings => "geo/question-headings", Info, "some h2 headings should be questions, or the page should have an faq"
}

/// Whether a heading opens an FAQ block.
#[must_use]
pub fn is_faq_heading(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    [
        "veelgestelde vragen",
        "veel gestelde vragen",
        "frequently asked questions",
        "vragen en antwoorden",
        "faq",
        "q&a",
        "vraag en antwoord",
    ]
    .iter()
    .any(|k| t.contains(k))
}

impl Rule for QuestionHeadings {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let h2: Vec<_> = cx.main_headings().filter(|h| h.level == 2).collect();
        if h2.len() < MIN_H2 {
            return;
        }
        // An FAQ block as `src/faq.rs` finds it (question headings or bold questions under an
        // FAQ heading, or a front matter list), or at least an FAQ heading.
        let faq_heading = cx.doc.headings.iter().any(|h| is_faq_heading(&h.text));
        if faq_heading || !crate::faq::blocks(cx.doc).is_empty() {
            return;
        }
        let questions = h2
            .iter()
            .filter(|h| is_question(&h.text) || starts_with_question_word(&h.text))
            .count();
        #[allow(clippy::cast_precision_loss)]
        let share = questions as f64 / h2.len() as f64;
        let min = cx.config.geo.min_question_h2_share;
        if share >= min {
            return;
        }
        let Some(first) = h2.first() else { return };
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "{questions} of {} H2 headings ({}%) are questions and the page has no faq block",
                    h2.len(),
                    percent(questions, h2.len())
                ),
            )
            .at(first.span)
            .help("phrase some H2s as the questions readers ask (\"Wat kost …?\"), or add a \"Veelgestelde vragen\" section"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_without_question_headings_or_faq() {
        let src = "# T\n\n## Prijzen\n\nA.\n\n## Werkwijze\n\nB.\n\n## Contact\n\nC.\n";
        let f = run(&QuestionHeadings, "a.md", src);
        assert_eq!(texts(src, &f), ["## Prijzen\n"]);
        assert_eq!(
            f[0].message,
            "0 of 3 H2 headings (0%) are questions and the page has no faq block"
        );
    }

    #[test]
    fn passes_with_questions_or_faq() {
        let src = "# T\n\n## Wat kost het?\n\nA.\n\n## Werkwijze\n\nB.\n\n## Contact\n\nC.\n";
        assert!(run(&QuestionHeadings, "a.md", src).is_empty());
        let src = "# T\n\n## Hoe je dit toepast\n\nA.\n\n## Werkwijze\n\nB.\n\n## Contact\n\nC.\n";
        assert!(run(&QuestionHeadings, "a.md", src).is_empty());
        let src = "# T\n\n## Prijzen\n\nA.\n\n## Werkwijze\n\nB.\n\n## Veelgestelde vragen\n\nC.\n";
        assert!(run(&QuestionHeadings, "a.md", src).is_empty());
        let src = "---\nfaq:\n  - vraag: Wat?\n    antwoord: Dit.\n---\n## A\n\n## B\n\n## C\n";
        assert!(run(&QuestionHeadings, "a.md", src).is_empty());
    }
}
