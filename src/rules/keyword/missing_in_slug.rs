use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::{check_placement, slug, slug_tokens};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's primary keyword appears in its URL slug: front matter `slug`, else the
    /// last part of the URL derived from `url`/`permalink` or the file name (`index.md` takes
    /// its folder's name). Stop words may be left out (`wat-kost-een-ai-workshop` carries
    /// `AI-workshop kosten`).
    ///
    /// ## Why it matters
    /// A descriptive slug shows up in search results and in every shared link; it is also hard
    /// to change later without redirects, so get it right before publishing.
    ///
    /// ## Example
    /// `keywords: ["AI-workshop kosten"]` in `content/blog/nieuwe-post.md` → rename the file to
    /// `ai-workshop-kosten.md` or set `slug: ai-workshop-kosten`.
    pub struct MissingInSlug => "keyword/missing-in-slug", Info, "the primary keyword should be in the url slug"
}

impl Rule for MissingInSlug {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let lang = Lang::from_code(cx.lang);
        let target = slug(cx).map(|s| {
            let span = (!s.span.is_empty()).then_some(s.span);
            (slug_tokens(&s, lang), span)
        });
        check_placement(
            cx,
            Self::ID,
            "URL slug",
            target.as_ref().map(|(t, s)| (t, *s)),
            "put the words of {kw} in the slug (file name or front matter `slug`); redirect the old URL if the page is live",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_file_name_and_on_slug_field() {
        let src = "---\nkeywords: [AI-workshop kosten]\n---\n";
        let f = run(&MissingInSlug, "content/blog/nieuwe-post.md", src);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, None);
        assert_eq!(
            f[0].message,
            "primary keyword `AI-workshop kosten` is not in the URL slug"
        );
        let src = "---\nslug: nieuwe-post\nkeywords: [AI-workshop kosten]\n---\n";
        assert_eq!(
            texts(src, &run(&MissingInSlug, "a.md", src)),
            ["nieuwe-post"]
        );
    }

    #[test]
    fn passes_with_stop_words_and_index_folders() {
        let src = "---\nkeywords: [AI-workshop kosten]\n---\n";
        assert!(run(
            &MissingInSlug,
            "content/blog/wat-kost-een-ai-workshop.md",
            src
        )
        .is_empty());
        assert!(run(
            &MissingInSlug,
            "content/blog/aiworkshop-kosten/index.md",
            src
        )
        .is_empty());
    }
}
