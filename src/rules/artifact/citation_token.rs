use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{delete_from_text, Fix};
use crate::rules::artifact::PATTERNS;
use crate::rules::{find_in_text, DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Citation markers that chat tools put in their answers and that come along when the text
    /// is pasted: `citeturn0search3` (with its invisible private-use characters),
    /// `【4:0†source】`, `:contentReference[oaicite:0]{index=0}`, `[web:1]`. Code is ignored.
    /// The patterns live in `rules/artifacts.toml`.
    ///
    /// ## Why it matters
    /// Readers see gibberish, and the marker shows that the text was pasted from a chatbot
    /// without editing, which hurts trust and quality signals.
    ///
    /// ## Example
    /// `53% van de mkb-bedrijven gebruikt AI citeturn0search3.` → remove the marker and cite the
    /// source as a link: `volgens [SMB Group](https://…)`.
    ///
    /// ## Fix
    /// Safe: `--fix` removes the marker with the space before it (`AI citeturn0search3.` →
    /// `AI.`); a marker alone on its line goes with its line. Adding the real source is left to
    /// you.
    pub struct CitationToken => "artifact/citation-token", Error, "chat-tool citation markers must be removed"
}

impl Rule for CitationToken {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for (span, text) in find_in_text(cx.doc, &PATTERNS.citation) {
            let shown: String = text
                .chars()
                .map(|c| {
                    if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                        '�'
                    } else {
                        c
                    }
                })
                .collect();
            let src = &cx.doc.source;
            let then_marker = PATTERNS
                .citation
                .find_at(src, span.end)
                .is_some_and(|m| m.start() == span.end);
            let fix = Fix::safe(
                "remove the citation marker",
                vec![delete_from_text(src, span, then_marker)],
            );
            out.push(
                Finding::new(Self::ID, format!("chat-tool citation marker `{shown}`"))
                    .at(span)
                    .help("remove the marker; cite the source with a real link instead")
                    .fix(Some(fix)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::testing::assert_fix;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_each_marker_kind() {
        let src = "53% gebruikt AI \u{E200}cite\u{E202}turn0search3\u{E201}. Ook citeturn1news2.\n\nZie 【4:0†source】 en :contentReference[oaicite:0]{index=0} en [web:1].\n";
        let f = run(&CitationToken, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "\u{E200}cite\u{E202}turn0search3\u{E201}",
                "citeturn1news2",
                "【4:0†source】",
                ":contentReference[oaicite:0]{index=0}",
                "[web:1]"
            ]
        );
    }

    #[test]
    fn fix_removes_markers_and_their_space() {
        assert_fix(
            &CitationToken,
            "a.md",
            "---\ntitle: \"[web:1]\"\n---\n53% gebruikt AI \u{E200}cite\u{E202}turn0search3\u{E201}. Ook [web:1] [web:2] en 【4:0†source】【5:1†source】!\n\n```\nciteturn0search3\n```\n\n:contentReference[oaicite:0]{index=0}\nEinde `[web:1]`.\n",
            "---\ntitle: \"[web:1]\"\n---\n53% gebruikt AI. Ook en!\n\n```\nciteturn0search3\n```\n\nEinde `[web:1]`.\n",
        );
    }

    #[test]
    fn fix_is_safe_and_spans_the_marker_with_its_space() {
        let src = "AI [web:1].\n";
        let f = run(&CitationToken, "a.md", src);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.safety, crate::fix::Safety::Safe);
        assert_eq!(fix.edits[0].span, crate::span::Span::new(2, 10));
        assert_eq!(fix.edits[0].replacement, "");
    }

    #[test]
    fn passes_on_clean_text_and_code() {
        let src =
            "We citeren bronnen netjes.\n\n```\nciteturn0search3\n```\n\nInline `[web:1]` code.\n";
        assert!(run(&CitationToken, "a.md", src).is_empty());
    }
}
