use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That every `<script type="application/ld+json">` block holds valid JSON. The finding points at
    /// the byte where the JSON breaks and names the usual mistakes: a trailing comma, single quotes,
    /// a raw line break inside a string, a comment, an HTML entity such as `&quot;` left in the JSON,
    /// a missing comma or an unquoted key.
    ///
    /// ## Why it matters
    /// Search engines drop a block that does not parse, silently: none of its markup counts.
    ///
    /// ## Example
    /// ```json
    /// {"@type": "Person", "name": "Anne",}
    /// ```
    /// Remove the comma after the last member.
    pub struct JsonSyntax => "schema/json-syntax", Error, "a JSON-LD block must be valid JSON"
}

impl Rule for JsonSyntax {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Anne",}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&JsonSyntax, "page.html", src);
        assert_eq!(texts(src, &f), [","]);
        assert!(
            f[0].message
                .starts_with("invalid JSON-LD: trailing comma before `}`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Anne"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&JsonSyntax, "page.html", src), vec![]);
    }
}
