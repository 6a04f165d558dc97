use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Questions whose answer is written as `answer` instead of `acceptedAnswer`, or as a plain
    /// string instead of an Answer object.
    ///
    /// ## Why it matters
    /// Google's FAQ markup reads `acceptedAnswer.text` only; an answer in another shape is invisible.
    ///
    /// ## Example
    /// `"acceptedAnswer": "Ja."` → `"acceptedAnswer": {"@type": "Answer", "text": "Ja."}`.
    pub struct FaqAnswerForm => "schema/faq-answer-form", Error, "answers in FAQPage markup must be Answer objects under acceptedAnswer"
}

impl Rule for FaqAnswerForm {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        super::emit(cx, Self::ID, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"A?","answer":{"@type":"Answer","text":"Ja."}},{"@type":"Question","name":"B?","acceptedAnswer":"Nee."}]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&FaqAnswerForm, "page.html", src);
        assert_eq!(texts(src, &f), ["answer", "Nee."]);
        assert!(
            f[0].message
                .starts_with("question uses `answer` instead of `acceptedAnswer`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"A?","acceptedAnswer":{"@type":"Answer","text":"Ja."}}]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&FaqAnswerForm, "page.html", src), vec![]);
    }
}
