use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::check_placement;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's primary keyword appears in the introduction: the first paragraph, or the
    /// first 100 words of prose when the first paragraph is shorter. Every word of the keyword
    /// must be there, in any order and sentence (inflections, hyphen and compound variants
    /// count).
    /// Code blocks, inline code and URLs never count.
    ///
    /// ## Why it matters
    /// Readers decide in the first lines whether a page answers their question, and generative
    /// engines quote answer-first introductions.
    ///
    /// ## Example
    /// `keywords: ["AI-workshop kosten"]` with an opening about the weather → open with
    /// "Een AI-workshop kost tussen de 1.450 en 2.950 euro ...".
    ///
    /// ## Options
    /// `[keyword] intro_words = 100`: how many words count as the introduction.
    pub struct MissingInIntro => "keyword/missing-in-intro", Warning, "the primary keyword should be in the introduction"
}

impl Rule for MissingInIntro {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let lang = Lang::from_code(cx.lang);
        let target = cx.intro_tokens(lang).map(|(t, s)| (t, Some(*s)));
        check_placement(
            cx,
            Self::ID,
            "introduction",
            target,
            "name {kw} in the first paragraph, in the sentence that says what the page answers",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run, run_with, texts};

    #[test]
    fn fails_when_first_paragraph_lacks_keyword() {
        let src = "---\nkeywords: [AI-workshop kosten]\n---\nHet weer is mooi.\n\nEen AI-workshop kost weinig.\n";
        let cfg = config("[keyword]\nintro_words = 4\n");
        let f = run_with(&MissingInIntro, "a.md", src, &cfg);
        assert_eq!(texts(src, &f), ["Het weer is mooi.\n"]);
        assert_eq!(
            f[0].message,
            "primary keyword `AI-workshop kosten` is not in the introduction"
        );
    }

    #[test]
    fn code_never_counts() {
        let src = "---\nkeywords: [AI-workshop kosten]\n---\nZie `ai-workshop-kosten` hier.\n\n```\nAI-workshop kosten\n```\n";
        assert_eq!(run(&MissingInIntro, "a.md", src).len(), 1);
    }

    #[test]
    fn passes_on_inflected_words_in_any_sentence() {
        let src = "---\nkeywords: [AI-workshop kosten]\n---\nWat kosten AI-workshops? Veel minder dan je denkt.\n";
        assert!(run(&MissingInIntro, "a.md", src).is_empty());
        let src = "---\nkeywords: [AI-workshop kosten]\n---\nKort.\n\nDe kosten van een AIworkshop zijn laag.\n";
        assert!(run(&MissingInIntro, "a.md", src).is_empty());
        // the words in different sentences of the introduction
        let src = "---\nkeywords: [ISO 9001 bouw]\n---\nIn de bouw draait alles om projecten. Toch is ISO 9001 hier waardevol.\n";
        assert!(run(&MissingInIntro, "a.md", src).is_empty());
    }
}
