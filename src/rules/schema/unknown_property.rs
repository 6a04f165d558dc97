use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That every property is a schema.org 30.0 property (properties of other vocabularies, written
    /// with a prefix or a full URL, are left alone), in nested entities too. The help suggests the
    /// closest property.
    ///
    /// ## Why it matters
    /// A misspelt property is ignored: `datePublised` gives the article no publication date at all.
    ///
    /// ## Example
    /// `"datePublised": "2024-03-05"` → did you mean `datePublished`?
    pub struct UnknownProperty => "schema/unknown-property", Error, "properties must exist in schema.org"
}

impl Rule for UnknownProperty {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","author":{"@type":"Person","nmae":"Anne"},"datePublised":"2024-03-05"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&UnknownProperty, "page.html", src);
        assert_eq!(texts(src, &f), ["nmae", "datePublised"]);
        assert!(
            f[0].message
                .starts_with("unknown schema.org property `nmae`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","author":{"@type":"Person","name":"Anne"},"datePublished":"2024-03-05"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&UnknownProperty, "page.html", src), vec![]);
    }
}
