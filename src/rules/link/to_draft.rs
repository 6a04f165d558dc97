use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;
use crate::urlmap::{LinkForm, Target};

declare_rule! {
    /// ## What it checks
    /// Links from a published page to a draft (front matter `draft: true`, or the config's
    /// `draft` mapping), by URL or by file path. Links between drafts are fine.
    ///
    /// ## Why it matters
    /// Drafts are not built, so the link is a 404 on the live site until the draft is
    /// published, and it is easy to forget.
    ///
    /// ## Example
    /// `[offertes met ChatGPT](/blog/chatgpt-voor-offertes/)` on a live page, where that post
    /// still has `draft = true`: publish the draft first, or remove the link until then.
    pub struct ToDraft => "link/to-draft", Warning, "published pages should not link to drafts"
}

impl Rule for ToDraft {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        for (i, doc) in site.docs.iter().enumerate() {
            if doc.draft {
                continue;
            }
            for (l, r) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
            {
                let Target::Page(t) = r.target else { continue };
                if t == i || r.form == LinkForm::SamePage {
                    continue;
                }
                let Some(target) = site.docs.get(t).filter(|d| d.draft) else {
                    continue;
                };
                let name = target.page.url.as_deref().unwrap_or(&target.display_path);
                out.push((
                    i,
                    Finding::new(
                        Self::ID,
                        format!("`{name}` is a draft and is not published"),
                    )
                    .at(l.span)
                    .help(format!(
                        "publish `{}` first, or remove the link until it is",
                        target.display_path
                    )),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const DRAFT: &str = "---\ntitle: Concept\ndraft: true\n---\n# C\n";

    #[test]
    fn fails_on_links_to_drafts() {
        let a = "# A\n\nZie [het concept](/blog/concept/) en [als bestand](concept.md).\n";
        let hits = run_site(
            ToDraft::ID,
            &[("content/blog/a.md", a), ("content/blog/concept.md", DRAFT)],
            "",
        );
        let texts: Vec<_> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            ["[het concept](/blog/concept/)", "[als bestand](concept.md)"]
        );
        assert_eq!(
            hits[0].message,
            "`/blog/concept/` is a draft and is not published"
        );
    }

    #[test]
    fn passes_on_published_targets_and_draft_sources() {
        let a = "# A\n\n[b](/blog/b/)\n";
        let other_draft = "---\ndraft: true\n---\n# D\n\n[concept](/blog/concept/)\n";
        let hits = run_site(
            ToDraft::ID,
            &[
                ("content/blog/a.md", a),
                ("content/blog/b.md", "---\ndraft: false\n---\n# B\n"),
                ("content/blog/concept.md", DRAFT),
                ("content/blog/d.md", other_draft),
            ],
            "",
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
