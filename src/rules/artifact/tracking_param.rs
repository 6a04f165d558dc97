use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::artifact::PATTERNS;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Links carrying the tracking parameters that chat tools add to the sources they cite:
    /// `utm_source=chatgpt.com`, `utm_source=openai`, `utm_source=perplexity`, ...
    ///
    /// ## Why it matters
    /// They tell every reader (and the linked site) that the text came from a chatbot, and they
    /// skew the other site's analytics. The clean URL is the citation.
    ///
    /// ## Example
    /// `https://www.cbs.nl/nieuws?utm_source=chatgpt.com` → `https://www.cbs.nl/nieuws`.
    pub struct TrackingParam => "artifact/tracking-param", Warning, "links should not carry chat-tool tracking parameters"
}

impl Rule for TrackingParam {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for l in &cx.doc.links {
            let Some(m) = PATTERNS.tracking.find(&l.href) else {
                continue;
            };
            // Point at the parameter in the source when the href is written there as is.
            let raw = cx.doc.text(l.span);
            let span = raw.find(m.as_str()).map_or(l.span, |p| {
                crate::span::Span::new(l.span.start + p, l.span.start + p + m.len())
            });
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "link carries the chat-tool tracking parameter `{}`",
                        m.as_str().trim_start_matches(['?', '&'])
                    ),
                )
                .at(span)
                .help("remove the parameter from the URL"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_chatgpt_and_openai_params() {
        let src = "Zie [CBS](https://cbs.nl/a?utm_source=chatgpt.com) en <a href=\"https://x.nl/?a=1&utm_source=openai\">x</a>.\n";
        let f = run(&TrackingParam, "a.md", src);
        assert_eq!(
            texts(src, &f),
            ["?utm_source=chatgpt.com", "&utm_source=openai"]
        );
        assert_eq!(
            f[0].message,
            "link carries the chat-tool tracking parameter `utm_source=chatgpt.com`"
        );
    }

    #[test]
    fn passes_on_other_params() {
        assert!(run(
            &TrackingParam,
            "a.md",
            "[x](https://x.nl/?utm_source=newsletter)\n"
        )
        .is_empty());
    }
}
