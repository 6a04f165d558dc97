use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::{check_placement, item_tokens};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's primary keyword appears in its SEO title (front matter title field, or
    /// the HTML `<title>`). The primary keyword is the first entry of the front matter
    /// `keywords` field (`seo.keywords`, `keywords`; tags never count), or the cluster keyword
    /// the page targets. Matching forgives what readers forgive: case, diacritics
    /// (`coöperatie` = `cooperatie`), hyphens and compounds (`AI-workshop` = `AI workshop`
    /// = `AIworkshop` in Dutch), inflection (`kosten` = `kost`, `workshops` = `workshop`) and
    /// word order inside the title.
    ///
    /// ## Why it matters
    /// The title is the strongest signal of what a page is about, for search engines and for
    /// people scanning results; a page whose title misses its keyword competes with one hand
    /// tied behind its back.
    ///
    /// ## Example
    /// `keywords: ["AI-workshop kosten"]` with `title: "Zo train je je team"` → write
    /// `title: "Wat kost een AI-workshop? Prijzen voor het MKB"`.
    pub struct MissingInTitle => "keyword/missing-in-title", Warning, "the primary keyword should be in the seo title"
}

impl Rule for MissingInTitle {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let lang = Lang::from_code(cx.lang);
        let target = cx
            .seo_title()
            .map(|t| (item_tokens(cx.doc, &t, lang), Some(t.span)));
        check_placement(
            cx,
            Self::ID,
            "SEO title",
            target.as_ref().map(|(t, s)| (t, *s)),
            "use {kw} in the title, ideally near the start; inflections and hyphen variants count",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_when_title_lacks_keyword() {
        let src = "---\ntitle: \"Zo train je je team\"\nkeywords: [\"AI-workshop kosten\"]\n---\nTekst.\n";
        let f = run(&MissingInTitle, "a.md", src);
        assert_eq!(texts(src, &f), ["\"Zo train je je team\""]);
        assert_eq!(
            f[0].message,
            "primary keyword `AI-workshop kosten` is not in the SEO title"
        );
    }

    #[test]
    fn passes_on_inflected_hyphen_and_reordered_forms() {
        for title in [
            "Wat kost een AI workshop?",
            "AIworkshops: de kosten op een rij",
            "Kosten van een AI-workshop",
        ] {
            let src = format!("---\ntitle: \"{title}\"\nkeywords: [\"AI-workshop kosten\"]\n---\n");
            assert!(run(&MissingInTitle, "a.md", &src).is_empty(), "{title}");
        }
        // tags are no primary keyword
        let src = "---\ntitle: \"Iets anders\"\ntags: [\"AI-workshop\"]\n---\n";
        assert!(run(&MissingInTitle, "a.md", src).is_empty());
    }
}
