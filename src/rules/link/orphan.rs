use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// Pages that no other published page of the site links to (by URL, alias or file path).
    /// Only pages that take part in internal linking are checked: pages whose content type sets
    /// `internal_links`, and pages in a keyword cluster. Drafts, the home page, list pages and
    /// files that are not pages are skipped, and so is every page when the run does not cover
    /// the whole site (a single file or folder), as inbound links may come from elsewhere.
    ///
    /// Links from theme templates (menus, list pages, related-posts widgets) are not seen,
    /// which is why the rule is an info by default: raise it to a warning when your content
    /// plan wants every page linked from the text of another.
    ///
    /// ## Why it matters
    /// A page without inbound internal links is hard to find for readers and crawlers and gets
    /// no authority from the rest of the site; in a content plan it means the "Verder lezen"
    /// links were never added.
    ///
    /// ## Example
    /// `content/blog/ai-agents.md` is linked from nowhere: link to it from its pillar page and
    /// from one or two related posts.
    ///
    /// ## Options
    /// Set `internal_links` on a `[[content_type]]` (e.g. `internal_links = { min = 0 }`) to
    /// check its pages.
    pub struct Orphan => "link/orphan", Info, "pages should have at least one internal link to them"
}

impl Rule for Orphan {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        let inbound = graph.inbound();
        for (i, doc) in site.docs.iter().enumerate() {
            let p = &doc.page;
            if doc.draft || p.url.is_none() || p.home || p.list || !p.whole_site {
                continue;
            }
            let in_plan = p.cluster.is_some()
                || p.content_type.as_deref().is_some_and(|name| {
                    site.config.content_types.iter().any(|c| {
                        c.name == name
                            && (c.internal_links.min.is_some() || c.internal_links.max.is_some())
                    })
                });
            if !in_plan || inbound.get(i).copied().unwrap_or(0) > 0 {
                continue;
            }
            let url = p.url.as_deref().unwrap_or("");
            out.push((
                i,
                Finding::new(
                    Self::ID,
                    format!("no other page links to `{url}` (orphan page)"),
                )
                .help(
                    "link to this page from related pages, such as the pillar page of its cluster",
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const CONFIG: &str = "[[content_type]]\nname = \"blog\"\npaths = [\"content/blog/**\"]\ninternal_links = { min = 1 }\n\n[[content_type]]\nname = \"page\"\npaths = [\"**\"]\n";

    #[test]
    fn fails_on_pages_without_inbound_links() {
        let hits = run_site(
            Orphan::ID,
            &[
                ("content/blog/a.md", "# A\n\n[b](/blog/b/)\n"),
                ("content/blog/b.md", "# B\n\n[a](/blog/a/)\n"),
                ("content/blog/wees.md", "# Wees\n\n[a](/blog/a/)\n"),
                // linked only from a draft
                ("content/blog/c.md", "# C\n"),
                (
                    "content/blog/d.md",
                    "---\ndraft: true\n---\n# D\n\n[c](/blog/c/)\n",
                ),
            ],
            CONFIG,
        );
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.file.as_str(), h.text.as_str(), h.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "content/blog/c.md",
                    "",
                    "no other page links to `/blog/c/` (orphan page)"
                ),
                (
                    "content/blog/wees.md",
                    "",
                    "no other page links to `/blog/wees/` (orphan page)"
                )
            ]
        );
    }

    #[test]
    fn passes_on_linked_pages_home_lists_drafts_and_pages_outside_the_plan() {
        let hits = run_site(
            Orphan::ID,
            &[
                ("content/_index.md", "# Home\n\n[a](/blog/a/)\n"),
                ("content/blog/_index.md", "# Blog\n"),
                ("content/blog/a.md", "# A\n\n[b](b.md)\n"),
                ("content/blog/b.md", "# B\n"),
                ("content/blog/d.md", "---\ndraft: true\n---\n# D\n"),
                ("content/over.md", "# Over\n"),
            ],
            CONFIG,
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
