use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The properties Google recommends for a rich result (see `schema/google-required` for the
    /// profiles): for an Article `headline`, `image`, `datePublished`, `dateModified` and an `author`
    /// with `name` and `url`; for a LocalBusiness `telephone` with the country code, `geo` with at least
    /// five decimals, `openingHoursSpecification` and a `priceRange` under 100 characters; and so on.
    ///
    /// ## Why it matters
    /// Recommended properties make the result richer and more likely to be shown; answer engines use
    /// them to attribute and date the content.
    ///
    /// ## Example
    /// A BlogPosting with only a headline: add `image`, `datePublished`, `dateModified` and `author`.
    pub struct GoogleRecommended => "schema/google-recommended", Warning, "recommended properties of Google rich results should be present"
}

impl Rule for GoogleRecommended {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","image":"https://x.example/a.png","datePublished":"2024-03-05","dateModified":"2024-03-06"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&GoogleRecommended, "page.html", src);
        assert_eq!(texts(src, &f), ["BlogPosting"]);
        assert!(
            f[0].message.starts_with(
                "`BlogPosting` is missing `author`, recommended for Google's Article rich result"
            ),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"H","image":"https://x.example/a.png","datePublished":"2024-03-05","dateModified":"2024-03-06","author":{"@type":"Person","name":"Anne","url":"https://x.example/anne"}}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&GoogleRecommended, "page.html", src), vec![]);
    }
}
