use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::artifact::{inside_quotes, PATTERNS};
use crate::rules::{find_in_text, DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Template placeholders left in the text: `[fictief bedrijf]`, `[Interne links]`,
    /// `[insert company name]`, `{{naam}}`, `TODO`, `TBD`, `Lorem ipsum`, and slot names such as
    /// `[regio]`, `[stad]` or `[jouw naam]`. Slot names between quotation marks are fine: that
    /// is how a writer shows a template to the reader ("zoek op ‘loodgieter in [stad]’"). A
    /// bracketed word that is a Markdown link (`[link](url)`) is fine, and so is code. The
    /// patterns live in `rules/artifacts.toml`.
    ///
    /// ## Why it matters
    /// A published "[regio]" tells every reader the page is an unfinished template.
    ///
    /// ## Example
    /// `Kunnen experts in [regio] ons adviseren?` → `Kunnen experts in Utrecht ons adviseren?`
    ///
    /// ## Fix
    /// None: the placeholder stands for content that has to be written.
    pub struct Placeholder => "artifact/placeholder", Error, "template placeholders must be filled in"
}

impl Rule for Placeholder {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let slots = find_in_text(cx.doc, &PATTERNS.placeholder_unless_quoted)
            .filter(|(span, _)| !inside_quotes(&cx.doc.source, span.start, span.end));
        let mut found: Vec<_> = find_in_text(cx.doc, &PATTERNS.placeholder)
            .chain(slots)
            .collect();
        found.sort_by_key(|(span, _)| *span);
        for (span, text) in found {
            // `[text](url)`, `[text][ref]` and `[ref]: url` are links, not placeholders.
            let next = cx.doc.source.get(span.end..).and_then(|r| r.chars().next());
            if text.starts_with('[') && matches!(next, Some('(' | '[' | ':')) {
                continue;
            }
            if cx
                .doc
                .links
                .iter()
                .any(|l| l.span.contains(span) && l.text.trim() != text.trim_matches(['[', ']']))
            {
                continue;
            }
            out.push(
                Finding::new(Self::ID, format!("placeholder `{text}` left in the text"))
                    .at(span)
                    .help("fill in the real value or remove the placeholder"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_placeholders() {
        let src = "Case: [fictief bedrijf] – 20% tijdwinst. Experts in [regio]? [Interne links]\n\nTODO: bron. Lorem ipsum dolor.\n";
        let f = run(&Placeholder, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "[fictief bedrijf]",
                "[regio]",
                "[Interne links]",
                "TODO",
                "Lorem ipsum"
            ]
        );
    }

    #[test]
    fn passes_on_slots_shown_in_quotes() {
        let src = "Zoek op ‘loodgieter in [stad] spoed’ of 'kapper [regio]'. Schrijf \"AI-training [jouw stad]\".\n\n*\"Het systeem van [Bedrijfsnaam] in [Stad].\"*\n";
        assert!(run(&Placeholder, "a.md", src).is_empty());
        // but a slot in running text, or a fictive name in quotes, is flagged
        let src = "De MKB’ers in [regio] zeggen: “[fictief bedrijf] won”.\n";
        assert_eq!(
            texts(src, &run(&Placeholder, "a.md", src)),
            ["[regio]", "[fictief bedrijf]"]
        );
    }

    #[test]
    fn passes_on_links_code_and_lowercase_todo() {
        let src = "Zie [link](/a) en [regio][r].\n\n[r]: /regio\n\n`[regio]` en een todo-lijst.\n";
        assert!(
            run(&Placeholder, "a.md", src).is_empty(),
            "{:?}",
            run(&Placeholder, "a.md", src)
        );
    }
}
