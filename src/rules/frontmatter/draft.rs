use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Notes pages marked `draft: true`.
    ///
    /// ## Why it matters
    /// Drafts are not published: links to them break on the live site, and a draft left
    /// behind in a content folder is easy to forget.
    ///
    /// ## Example
    /// `draft: true` → remove it (or set `false`) when the page is ready.
    ///
    /// ## Fix
    /// None: publishing a draft is a decision.
    pub struct Draft => "frontmatter/draft", Info, "draft pages are noted"
}

impl Rule for Draft {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.is_draft() {
            let span = cx.field("draft").map(|f| f.node.span);
            out.push(
                Finding::new(Self::ID, "page is a draft and will not be published")
                    .maybe_at(span)
                    .help("set draft: false when the page is ready"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_and_passes() {
        let src = "---\ndraft: true\n---\nT\n";
        assert_eq!(texts(src, &run(&Draft, "a.md", src)), ["true"]);
        assert!(run(&Draft, "a.md", "---\ndraft: false\n---\nT\n").is_empty());
    }
}
