use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Pages with more than one FAQPage entity.
    ///
    /// ## Why it matters
    /// Google reads one FAQPage per page; questions in the second are lost, and two blocks usually
    /// mean a theme and a plugin both add the markup.
    ///
    /// ## Example
    /// Merge the questions into one FAQPage.
    pub struct FaqMultiple => "schema/faq-multiple", Error, "a page should have one FAQPage"
}

impl Rule for FaqMultiple {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[]}</script><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&FaqMultiple, "page.html", src);
        assert_eq!(texts(src, &f), ["FAQPage"]);
        assert!(
            f[0].message.starts_with("page has more than one FAQPage"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&FaqMultiple, "page.html", src), vec![]);
    }
}
