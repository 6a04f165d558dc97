use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// A key that appears twice in one JSON object.
    ///
    /// ## Why it matters
    /// JSON parsers keep one of the two values and drop the other without a word, so half of what
    /// you wrote is lost (and which half differs between tools).
    ///
    /// ## Example
    /// `{"@type": "Person", "name": "Anne", "name": "Anne de Vries"}`: keep one `name`, or use an
    /// array for several values.
    pub struct DuplicateKey => "schema/duplicate-key", Warning, "a JSON-LD object must not repeat a key"
}

impl Rule for DuplicateKey {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"A","name":"B"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&DuplicateKey, "page.html", src);
        assert_eq!(texts(src, &f), ["\"name\""]);
        assert!(
            f[0].message
                .starts_with("duplicate key `name` in one object"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":["A","B"]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&DuplicateKey, "page.html", src), vec![]);
    }
}
