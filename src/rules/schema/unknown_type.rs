use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That every `@type` is a type of the schema.org 30.0 vocabulary (types of other vocabularies,
    /// written with a prefix or a full URL, are left alone). The help suggests the closest type
    /// (edit distance).
    ///
    /// ## Why it matters
    /// An unknown type makes the entity meaningless to search engines: no rich result, and none of its
    /// properties are understood.
    ///
    /// ## Example
    /// `"@type": "Queston"` → did you mean `Question`?
    pub struct UnknownType => "schema/unknown-type", Error, "@type must be a schema.org type"
}

impl Rule for UnknownType {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Queston","name":"Wat kost het?"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&UnknownType, "page.html", src);
        assert_eq!(texts(src, &f), ["Queston"]);
        assert!(
            f[0].message
                .starts_with("unknown schema.org type `Queston`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":["Question","schema:Thing"],"name":"Wat kost het?"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&UnknownType, "page.html", src), vec![]);
    }
}
