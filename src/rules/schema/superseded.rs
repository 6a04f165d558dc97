use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Types and properties that schema.org has superseded by another term; the help names the
    /// replacement.
    ///
    /// ## Why it matters
    /// Superseded terms are kept for old data but new tools may no longer read them.
    ///
    /// ## Example
    /// `"actors": […]` on a Movie → `"actor": […]`.
    pub struct Superseded => "schema/superseded", Warning, "superseded schema.org terms should be replaced"
}

impl Rule for Superseded {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Movie","name":"M","actors":{"@type":"Person","name":"A"}}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&Superseded, "page.html", src);
        assert_eq!(texts(src, &f), ["actors"]);
        assert!(
            f[0].message
                .starts_with("property `actors` is superseded by `actor`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Movie","name":"M","actor":{"@type":"Person","name":"A"}}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&Superseded, "page.html", src), vec![]);
    }
}
