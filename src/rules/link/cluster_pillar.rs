use crate::config::Cluster;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::{DocSummary, Site};

declare_rule! {
    /// ## What it checks
    /// That every page of a keyword cluster links to the cluster's pillar page. A page is in a
    /// cluster when its front matter `cluster` (see `[frontmatter] cluster`) names a
    /// `[[cluster]]` of the config; the pillar is that cluster's `pillar` URL. When the pillar
    /// URL is not a page of the site, the first page of the cluster says so. Drafts are skipped.
    ///
    /// ## Why it matters
    /// In a topic cluster the supporting pages pass readers and authority on to the pillar
    /// page, which is the page meant to rank for the cluster's main keyword. Without those
    /// links the cluster is just a set of loose posts.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// cluster: "AI-workshop kosten"
    /// ---
    /// ```
    /// with `pillar = "/blog/wat-kost-een-ai-workshop/"`: add a link such as
    /// `[wat een AI-workshop kost](/blog/wat-kost-een-ai-workshop/)`.
    ///
    /// ## Options
    /// `[[cluster]] name, pillar, keywords` in the config.
    pub struct ClusterPillar => "link/cluster-pillar", Warning, "cluster pages should link to their pillar page"
}

/// The cluster of the config that page `doc` names in front matter.
pub(crate) fn cluster_of<'c>(site: &'c Site<'_>, doc: &DocSummary) -> Option<&'c Cluster> {
    let name = doc.page.cluster.as_deref()?.trim();
    site.config
        .clusters
        .iter()
        .find(|c| c.name.trim().eq_ignore_ascii_case(name) || c.name.trim() == name)
}

impl Rule for ClusterPillar {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        let mut missing_reported = std::collections::BTreeSet::new();
        for (i, doc) in site.docs.iter().enumerate() {
            if doc.draft || doc.page.url.is_none() {
                continue;
            }
            let Some(cluster) = cluster_of(site, doc) else {
                continue;
            };
            let Some(pillar_url) = cluster.pillar.as_deref() else {
                continue;
            };
            match graph.page_at(pillar_url) {
                Some(p) if p == i => {}
                Some(p) => {
                    if !graph.links_to(i, p) {
                        out.push((
                            i,
                            Finding::new(
                                Self::ID,
                                format!(
                                    "page of cluster \"{}\" does not link to its pillar `{pillar_url}`",
                                    cluster.name
                                ),
                            )
                            .maybe_at(doc.page.cluster_span)
                            .help(format!("add a link to `{pillar_url}` in the text")),
                        ));
                    }
                }
                None => {
                    if doc.page.whole_site && missing_reported.insert(cluster.name.clone()) {
                        out.push((
                            i,
                            Finding::new(
                                Self::ID,
                                format!(
                                    "the pillar `{pillar_url}` of cluster \"{}\" is not a page of this site",
                                    cluster.name
                                ),
                            )
                            .maybe_at(doc.page.cluster_span)
                            .help("fix `pillar` of the cluster in geolint.toml, or write the pillar page"),
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const CONFIG: &str = "[[cluster]]\nname = \"AI-workshop kosten\"\npillar = \"/blog/kosten/\"\nkeywords = [\"AI-workshop kosten\"]\n\n[[cluster]]\nname = \"Agents\"\npillar = \"/blog/agents/\"\nkeywords = [\"AI-agents\"]\n";

    #[test]
    fn fails_when_cluster_pages_skip_the_pillar() {
        let hits = run_site(
            ClusterPillar::ID,
            &[
                (
                    "content/blog/kosten.md",
                    "---\ncluster: AI-workshop kosten\n---\n# K\n",
                ),
                (
                    "content/blog/a.md",
                    "---\ncluster: \"AI-workshop kosten\"\n---\n# A\n\n[elders](/blog/b/)\n",
                ),
                ("content/blog/b.md", "---\ncluster: Agents\n---\n# B\n"),
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
                    "content/blog/a.md",
                    "\"AI-workshop kosten\"",
                    "page of cluster \"AI-workshop kosten\" does not link to its pillar `/blog/kosten/`"
                ),
                (
                    "content/blog/b.md",
                    "Agents",
                    "the pillar `/blog/agents/` of cluster \"Agents\" is not a page of this site"
                )
            ]
        );
    }

    #[test]
    fn passes_when_cluster_pages_link_to_the_pillar() {
        let hits = run_site(
            ClusterPillar::ID,
            &[
                ("content/blog/kosten.md", "---\ncluster: AI-workshop kosten\n---\n# K\n"),
                ("content/blog/a.md", "---\ncluster: AI-workshop kosten\n---\n# A\n\n[kosten](kosten.md)\n"),
                ("content/blog/c.md", "---\ncluster: ai-workshop kosten\n---\n# C\n\n[kosten](https://www.x.nl/blog/kosten)\n"),
                ("content/blog/los.md", "# Los\n"),
            ],
            &format!("site_url = \"https://www.x.nl\"\n{CONFIG}"),
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
