use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Markup for a rich result that Google no longer shows for most sites: FAQ results appear only
    /// for well-known government and health sites, HowTo results not at all.
    ///
    /// ## Why it matters
    /// It explains why the rich result does not appear, and why the markup is still worth keeping
    /// correct: Bing and generative answer engines read it.
    ///
    /// ## Example
    /// An FAQPage on a company blog: keep it, but expect no FAQ snippet in Google.
    pub struct RichResultDisplay => "schema/rich-result-display", Info, "markup whose rich result Google no longer shows is noted"
}

impl Rule for RichResultDisplay {
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
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"A."}}]}</script></head><body><h1>T</h1></body></html>"#;
        let f = run(&RichResultDisplay, "page.html", src);
        assert_eq!(texts(src, &f), ["FAQPage"]);
        assert!(f[0].message.starts_with("FAQPage markup: Google shows FAQ rich results only for well-known government and health sites"), "{}", f[0].message);
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Anne","url":"https://x.example/anne"}</script></head><body><h1>T</h1></body></html>"#;
        assert_eq!(run(&RichResultDisplay, "page.html", src), vec![]);
    }
}
