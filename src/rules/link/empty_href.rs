use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::LinkKind;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Links with an empty target: `[Download: checklist]()`, `<a href="">`, and in Markdown
    /// also the placeholder target `#`.
    ///
    /// ## Why it matters
    /// The reader clicks and nothing happens (or the page reloads). Empty links are typical of
    /// drafts and AI-written text where the resource was never made.
    ///
    /// ## Example
    /// `[Download: 2024 AI Readiness Checklist]()` → link the real file, or remove the link.
    ///
    /// ## Fix
    /// None: the link's target has to be chosen.
    pub struct EmptyHref => "link/empty-href", Error, "links must have a target"
}

impl Rule for EmptyHref {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for l in &cx.doc.links {
            let href = l.href.trim();
            if href.is_empty() || (href == "#" && l.kind == LinkKind::Markdown) {
                let label = if l.text.is_empty() {
                    "link".to_string()
                } else {
                    format!("link \"{}\"", l.text)
                };
                out.push(
                    Finding::new(Self::ID, format!("{label} has an empty target"))
                        .at(l.span)
                        .help("link to the real page or file, or remove the link"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_empty_targets() {
        let src = "- [Download: checklist]()\n- [Template](#)\n- <a href=\"\">x</a>\n";
        let f = run(&EmptyHref, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "[Download: checklist]()",
                "[Template](#)",
                "<a href=\"\">x</a>"
            ]
        );
        assert_eq!(
            f[0].message,
            "link \"Download: checklist\" has an empty target"
        );
    }

    #[test]
    fn passes_on_real_targets() {
        assert!(run(&EmptyHref, "a.md", "[Contact](/contact) en [kop](#kop)\n").is_empty());
        assert!(run(
            &EmptyHref,
            "a.html",
            "<a href=\"#\" onclick=\"x()\">menu</a>"
        )
        .is_empty());
    }
}
