use crate::declare_rule;
use crate::diagnostic::Finding;
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
            out.push(
                Finding::new(Self::ID, format!("chat-tool citation marker `{shown}`"))
                    .at(span)
                    .help("remove the marker; cite the source with a real link instead"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn passes_on_clean_text_and_code() {
        let src =
            "We citeren bronnen netjes.\n\n```\nciteturn0search3\n```\n\nInline `[web:1]` code.\n";
        assert!(run(&CitationToken, "a.md", src).is_empty());
    }
}
