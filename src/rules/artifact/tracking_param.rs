use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
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
    ///
    /// ## Fix
    /// Safe: `--fix` removes the parameter and keeps the others (`?utm_source=openai&id=3` →
    /// `?id=3`), also in HTML where `&` is written `&amp;`. Where the URL is not written in the
    /// source as is (a reference link, other escapes) there is no fix.
    pub struct TrackingParam => "artifact/tracking-param", Warning, "links should not carry chat-tool tracking parameters"
}

impl Rule for TrackingParam {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for l in &cx.doc.links {
            let Some(m) = PATTERNS.tracking.find(&l.href) else {
                continue;
            };
            // Point at the parameter in the source when the href is written there as is (or
            // with `&amp;`).
            let raw = cx.doc.text(l.span);
            let escaped = m.as_str().replace('&', "&amp;");
            let found = raw
                .find(m.as_str())
                .map(|p| (p, m.len(), "&"))
                .or_else(|| raw.find(&escaped).map(|p| (p, escaped.len(), "&amp;")));
            let span = found.map_or(l.span, |(p, len, _)| {
                crate::span::Span::new(l.span.start + p, l.span.start + p + len)
            });
            let fix = found.and_then(|(_, _, sep)| {
                let replacement = without_param(cx.doc.text(span), sep)?;
                Some(Fix::safe(
                    "remove the tracking parameter",
                    vec![Edit::replace(span, replacement)],
                ))
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
                .help("remove the parameter from the URL")
                .fix(fix),
            );
        }
    }
}

/// What replaces a matched `?param…` / `&param…` tail (`sep` separates parameters in the source):
/// the tail without its first parameter.
fn without_param(matched: &str, sep: &str) -> Option<String> {
    let (lead, body) = if let Some(b) = matched.strip_prefix('?') {
        ("?", b)
    } else {
        (sep, matched.strip_prefix(sep)?)
    };
    let rest = body.find(sep).and_then(|i| body.get(i + sep.len()..));
    Some(match (lead, rest) {
        (_, None) => String::new(),
        ("?", Some(r)) => format!("?{r}"),
        (_, Some(r)) => format!("{sep}{r}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::testing::assert_fix;
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
    fn fix_drops_only_the_parameter() {
        assert_fix(
            &TrackingParam,
            "a.md",
            "Zie [CBS](https://cbs.nl/a?utm_source=chatgpt.com) en [b](https://b.nl/?utm_source=openai&id=3#x).\n\n<a href=\"https://x.nl/?a=1&amp;utm_source=openai&amp;b=2\">x</a>\n",
            "Zie [CBS](https://cbs.nl/a) en [b](https://b.nl/?id=3#x).\n\n<a href=\"https://x.nl/?a=1&amp;b=2\">x</a>\n",
        );
        let f = run(
            &TrackingParam,
            "a.md",
            "[x](https://x.nl/?a=1&utm_source=openai)\n",
        );
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].span, crate::span::Span::new(21, 39));
        assert_eq!(fix.edits[0].replacement, "");
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
