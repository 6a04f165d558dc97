use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::{check_placement, h1, item_tokens};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's primary keyword appears in its H1: the front matter title when the theme
    /// prints it (`title_is_h1`), else the first `#` heading or `<h1>`. Matching forgives
    /// case, diacritics, hyphens, compounds, inflection and word order (see
    /// `keyword/missing-in-title`).
    ///
    /// ## Why it matters
    /// The H1 is the first thing a reader sees on the page and a strong topic signal for search
    /// and generative engines.
    ///
    /// ## Example
    /// `keywords: ["processen automatiseren"]` with `# Zo begin je` → `# Processen automatiseren: zo begin je`.
    pub struct MissingInH1 => "keyword/missing-in-h1", Warning, "the primary keyword should be in the h1"
}

impl Rule for MissingInH1 {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let lang = Lang::from_code(cx.lang);
        let target = h1(cx).map(|h| (item_tokens(cx.doc, &h, lang), Some(h.span)));
        check_placement(
            cx,
            Self::ID,
            "H1",
            target.as_ref().map(|(t, s)| (t, *s)),
            "name {kw} in the H1 heading; inflections and hyphen variants count",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run_with, texts};

    #[test]
    fn fails_on_body_h1_without_keyword() {
        let cfg = config("title_is_h1 = false\n");
        let src = "---\nkeywords: [processen automatiseren]\n---\n# Zo begin je\n\nTekst.\n";
        let f = run_with(&MissingInH1, "a.md", src, &cfg);
        assert_eq!(texts(src, &f), ["# Zo begin je\n"]);
        assert!(f[0]
            .message
            .contains("`processen automatiseren` is not in the H1"));
    }

    #[test]
    fn passes_with_inflection() {
        let cfg = config("title_is_h1 = false\n");
        let src = "---\nkeywords: [processen automatiseren]\n---\n# Een proces automatiseren\n";
        assert!(run_with(&MissingInH1, "a.md", src, &cfg).is_empty());
        // no keyword: nothing to check
        assert!(run_with(&MissingInH1, "a.md", "# Titel\n", &cfg).is_empty());
    }
}
