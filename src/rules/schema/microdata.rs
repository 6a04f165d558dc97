use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Pages that carry Microdata (`itemscope`/`itemprop`) or RDFa (`typeof`/`property`) markup.
    /// geolint validates JSON-LD only, so this tells you which markup it did not check.
    ///
    /// ## Why it matters
    /// Google recommends JSON-LD: it sits apart from the HTML, so template changes do not break it.
    ///
    /// ## Example
    /// `<div itemscope itemtype="https://schema.org/Person">` → move the data to a JSON-LD block.
    pub struct Microdata => "schema/microdata", Info, "pages with Microdata or RDFa markup are noted"
}

impl Rule for Microdata {
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
        let src = r#"<html><body><h1>T</h1><div itemscope itemtype="https://schema.org/Person"><span itemprop="name">A</span></div></body></html>"#;
        let f = run(&Microdata, "page.html", src);
        assert_eq!(texts(src, &f), [""]);
        assert!(
            f[0].message.starts_with("page carries Microdata markup"),
            "{}",
            f[0].message
        );
        assert!(f[0].help.is_some());
    }

    #[test]
    fn passes() {
        let src = "<html><body><h1>T</h1><p>geen markup</p></body></html>";
        assert_eq!(run(&Microdata, "page.html", src), vec![]);
    }
}
