use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Answers in FAQPage markup whose `text` is missing, empty or only HTML tags.
    ///
    /// ## Why it matters
    /// An empty answer is not an answer: Google rejects the question and readers of answer engines get
    /// nothing.
    ///
    /// ## Example
    /// `"text": ""` → write the answer that the page shows.
    pub struct FaqEmptyAnswer => "schema/faq-empty-answer", Error, "answers in FAQPage markup must not be empty"
}

impl Rule for FaqEmptyAnswer {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Wat kost het?","acceptedAnswer":{"@type":"Answer","text":"<p> </p>"}}]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&FaqEmptyAnswer, "page.html", src);
        assert_eq!(texts(src, &f), ["<p> </p>"]);
        assert!(
            f[0].message
                .starts_with(r#"the answer to "Wat kost het?" is empty"#),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Wat kost het?","acceptedAnswer":{"@type":"Answer","text":"<p>950 euro.</p>"}}]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&FaqEmptyAnswer, "page.html", src), vec![]);
    }
}
