use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// HTML tags in FAQ answer text other than the ones Google allows: `<h1>`–`<h6>`, `<br>`,
    /// `<ol>`, `<ul>`, `<li>`, `<a>`, `<p>`, `<div>`, `<b>`, `<strong>`, `<i>` and `<em>`.
    ///
    /// ## Why it matters
    /// Google ignores other tags, and a `<span>` or `<img>` usually means the answer was copied from
    /// the page template rather than written as text.
    ///
    /// ## Example
    /// `"text": "<p>Zie <span>onze prijzen</span></p>"` → `"text": "<p>Zie onze prijzen</p>"`.
    pub struct FaqAnswerHtml => "schema/faq-answer-html", Warning, "answers in FAQPage markup may use only the HTML tags Google allows"
}

impl Rule for FaqAnswerHtml {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"<p>Zie <span>dit</span></p>"}}]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&FaqAnswerHtml, "page.html", src);
        assert_eq!(texts(src, &f), ["<p>Zie <span>dit</span></p>"]);
        assert!(
            f[0].message
                .starts_with("answer text contains the HTML tag `<span>`, which Google ignores"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"<p>Zie <a href=\"https://x.example\">dit</a></p>"}}]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&FaqAnswerHtml, "page.html", src), vec![]);
    }
}
