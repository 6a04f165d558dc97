use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::{check_placement, item_tokens};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's primary keyword appears in its meta description (front matter
    /// description field, or `<meta name="description">`). Matching forgives case, diacritics,
    /// hyphens, compounds, inflection and word order (see `keyword/missing-in-title`).
    ///
    /// ## Why it matters
    /// Search engines bold the query words in the snippet; a description that names the
    /// keyword draws the eye and the click.
    ///
    /// ## Example
    /// `keywords: ["AI-training"]`, `description: "Leer je team slimmer werken."` →
    /// `description: "Een AI-training voor je team: ..."`.
    pub struct MissingInDescription => "keyword/missing-in-description", Warning, "the primary keyword should be in the meta description"
}

impl Rule for MissingInDescription {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let lang = Lang::from_code(cx.lang);
        let target = cx
            .description()
            .map(|d| (item_tokens(cx.doc, &d, lang), Some(d.span)));
        check_placement(
            cx,
            Self::ID,
            "meta description",
            target.as_ref().map(|(t, s)| (t, *s)),
            "mention {kw} in the description, in a sentence that invites the click",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_without_keyword() {
        let src = "---\ndescription: Leer je team slimmer werken.\nkeywords: [AI-training]\n---\n";
        let f = run(&MissingInDescription, "a.md", src);
        assert_eq!(texts(src, &f), ["Leer je team slimmer werken."]);
    }

    #[test]
    fn passes_with_diacritic_and_compound_variants() {
        let src = "---\ndescription: Een AI training voor de coöperatie.\nkeywords: [\"AItraining cooperatie\"]\n---\n";
        assert!(run(&MissingInDescription, "a.md", src).is_empty());
    }
}
