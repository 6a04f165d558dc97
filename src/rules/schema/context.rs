use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That each top-level JSON-LD object has an `@context` naming schema.org
    /// (`https://schema.org` or `http://schema.org`, with or without a trailing slash, or an object
    /// with `"@vocab": "https://schema.org/"`). Blocks whose context names another vocabulary are left
    /// alone.
    ///
    /// ## Why it matters
    /// Without the context, `Article` and `headline` are bare words: JSON-LD processors cannot tell
    /// which vocabulary they belong to.
    ///
    /// ## Example
    /// `{"@context": "schema.org", …}` → `{"@context": "https://schema.org", …}`.
    pub struct Context => "schema/context", Error, "each JSON-LD object needs a schema.org @context"
}

impl Rule for Context {
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
        let src = r#"<html><head><script type="application/ld+json">{"@type":"Person","name":"A"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&Context, "page.html", src);
        assert_eq!(texts(src, &f), ["Person"]);
        assert!(
            f[0].message.starts_with("JSON-LD has no `@context`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"http://schema.org/","@type":"Person","name":"A"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&Context, "page.html", src), vec![]);
    }
}
