use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a property is defined for the entity's type or one of its supertypes (any of them when
    /// the entity has several types). A property used inside a Role for the property the Role stands in
    /// for is fine.
    ///
    /// ## Why it matters
    /// Search engines read properties per type; `datePublished` on a Person or `address` on an Article
    /// is ignored.
    ///
    /// ## Example
    /// ```json
    /// {"@type": "Person", "name": "Anne", "datePublished": "2024-03-05"}
    /// ```
    /// Move `datePublished` to the Article the person wrote.
    pub struct PropertyNotForType => "schema/property-not-for-type", Warning, "a property must be defined for the entity's type"
}

impl Rule for PropertyNotForType {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Anne","datePublished":"2024-03-05"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&PropertyNotForType, "page.html", src);
        assert_eq!(texts(src, &f), ["datePublished"]);
        assert!(
            f[0].message
                .starts_with("property `datePublished` is not defined for `Person`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":["Person","Patient"],"name":"Anne","healthCondition":{"@type":"MedicalCondition","name":"griep"}}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&PropertyNotForType, "page.html", src), vec![]);
    }
}
