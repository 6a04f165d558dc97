use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a value fits the property's range: dates and date-times in ISO 8601 (`2024-03-05`,
    /// `2024-03-05T09:30:00+01:00`), numbers as numbers where the range is only Number, a full URL
    /// where the range is only URL, an entity where only an entity can go (text there is reported at
    /// info level, as schema.org tolerates it), true/false for Booleans, and no entity where only text
    /// or a number is expected.
    ///
    /// ## Why it matters
    /// A date written as `5 maart 2024` or a price written as text cannot be read by machines, so the
    /// rich result loses it.
    ///
    /// ## Example
    /// `"datePublished": "5 maart 2024"` → `"datePublished": "2024-03-05"`.
    pub struct ValueKind => "schema/value-kind", Warning, "property values must be of the kind schema.org expects"
}

impl Rule for ValueKind {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","datePublished":"5 maart 2024"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&ValueKind, "page.html", src);
        assert_eq!(texts(src, &f), ["5 maart 2024"]);
        assert!(
            f[0].message.starts_with(
                "`datePublished` expects an ISO 8601 date or date-time, found `5 maart 2024`"
            ),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","datePublished":"2024-03-05T09:30:00+01:00","wordCount":1200}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&ValueKind, "page.html", src), vec![]);
    }
}
