use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Relative URLs (`/over-ons/`, `../logo.png`) in properties that take a URL.
    ///
    /// ## Why it matters
    /// Structured data is often read apart from the page (by feeds, answer engines, knowledge graphs),
    /// where a relative URL cannot be resolved.
    ///
    /// ## Example
    /// `"url": "/over-ons/"` → `"url": "https://www.example.nl/over-ons/"`.
    pub struct RelativeUrl => "schema/relative-url", Warning, "links in structured data should be absolute URLs"
}

impl Rule for RelativeUrl {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Kompas","url":"/over-ons/"}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&RelativeUrl, "page.html", src);
        assert_eq!(texts(src, &f), ["/over-ons/"]);
        assert!(
            f[0].message
                .starts_with("relative URL `/over-ons/` in `url`"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Kompas","url":"https://kompas.example/over-ons/"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&RelativeUrl, "page.html", src), vec![]);
    }
}
