use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That every question of a visible FAQ block is written as a question, ending in `?`.
    ///
    /// ## Why it matters
    /// Readers scan a FAQ for their own question, and answer engines match questions as people
    /// ask them: "Kosten workshop" is a topic, "Wat kost een AI-workshop?" a question.
    ///
    /// ## Example
    /// `### Kosten` under "Veelgestelde vragen" → `### Wat kost een AI-workshop?`.
    pub struct QuestionForm => "faq/question-form", Warning, "questions in a FAQ should be written as questions"
}

impl Rule for QuestionForm {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for item in crate::faq::extract(cx.doc) {
            let q = item.question.trim_end();
            if q.is_empty() || q.ends_with(['?', '？', '¿']) {
                continue;
            }
            out.push(
                Finding::new(
                    Self::ID,
                    format!("FAQ question \"{q}\" does not end with a question mark"),
                )
                .at(item.question_span)
                .help("write the question as your readers would ask it, ending with `?`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_a_topic_heading() {
        let src = "## FAQ\n\n### Kosten\n\nVeel.\n\n### Duur?\n\nEen dag.\n";
        let f = run(&QuestionForm, "a.md", src);
        assert_eq!(texts(src, &f), ["### Kosten\n"]);
        assert_eq!(
            f[0].message,
            "FAQ question \"Kosten\" does not end with a question mark"
        );
    }

    #[test]
    fn passes() {
        let src = "## Veelgestelde vragen\n\n### Wat kost het?\n\nVeel.\n";
        assert!(run(&QuestionForm, "a.md", src).is_empty());
        // headings outside a FAQ block are not questions
        assert!(run(&QuestionForm, "a.md", "## Kosten\n\nVeel.\n").is_empty());
    }
}
