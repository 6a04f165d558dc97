use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Google's requirements for rich results, checked with the JSON Schema profiles in
    /// `rules/schemas/` (FAQPage, Article, BreadcrumbList, LocalBusiness, Organization, Person,
    /// WebSite, WebPage, Event, Product, VideoObject) and your own profiles (`[schema] profiles`):
    /// a missing required property or a value that breaks a requirement (an author name naming two
    /// people, breadcrumb positions that do not run 1, 2, 3 …). Profiles apply to top-level entities,
    /// `@graph` members and a page's `mainEntity`, with `@id` references followed.
    ///
    /// ## Why it matters
    /// Without the required properties the page is not eligible for the rich result at all.
    ///
    /// ## Example
    /// A Question in FAQPage without `acceptedAnswer`: add
    /// `"acceptedAnswer": {"@type": "Answer", "text": "…"}`.
    ///
    /// ## Options
    /// `[schema] profiles = ["schemas/recipe.json"]` adds profiles: JSON Schema files whose
    /// `$defs/required` failures are errors and `$defs/recommended` failures warnings, naming their
    /// types in `"x-geolint": {"types": ["Recipe"]}`.
    pub struct GoogleRequired => "schema/google-required", Error, "required properties of Google rich results must be present"
}

impl Rule for GoogleRequired {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Wat kost het?"}]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&GoogleRequired, "page.html", src);
        assert_eq!(texts(src, &f), ["Question"]);
        assert!(
            f[0].message.starts_with(
                "`Question` is missing `acceptedAnswer`, required for Google's FAQPage rich result"
            ),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Wat kost het?","acceptedAnswer":{"@type":"Answer","text":"950 euro."}}]}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&GoogleRequired, "page.html", src), vec![]);
    }
}
