use std::fmt::Write as _;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::cluster_pillar::cluster_of;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// That the pillar page of a keyword cluster links to every published page of the cluster
    /// (the pages whose front matter `cluster` names it). One finding per pillar lists the
    /// pages it does not link to.
    ///
    /// ## Why it matters
    /// The pillar is the hub of the topic: readers who land on it should find every deeper
    /// article, and search engines learn from those links which pages belong to the topic.
    ///
    /// ## Example
    /// The pillar `/blog/wat-kost-een-ai-workshop/` of cluster "AI-workshop kosten" does not
    /// link to `/blog/subsidie-ai-training/`: add it to a "Verder lezen" list on the pillar.
    ///
    /// ## Options
    /// `[[cluster]] name, pillar, keywords` in the config.
    pub struct PillarCluster => "link/pillar-cluster", Warning, "pillar pages should link to every page of their cluster"
}

/// At most this many URLs are named in a message.
const SHOW: usize = 5;

impl Rule for PillarCluster {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        for cluster in &site.config.clusters {
            let Some(pillar) = cluster.pillar.as_deref().and_then(|p| graph.page_at(p)) else {
                continue;
            };
            let missing: Vec<&str> = site
                .docs
                .iter()
                .enumerate()
                .filter(|(i, d)| {
                    *i != pillar
                        && !d.draft
                        && d.page.url.is_some()
                        && cluster_of(site, d).is_some_and(|c| c.name == cluster.name)
                        && !graph.links_to(pillar, *i)
                })
                .filter_map(|(_, d)| d.page.url.as_deref())
                .collect();
            if missing.is_empty() {
                continue;
            }
            let mut list = missing
                .iter()
                .take(SHOW)
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if missing.len() > SHOW {
                let _ = write!(list, " and {} more", missing.len() - SHOW);
            }
            let n = missing.len();
            out.push((
                pillar,
                Finding::new(
                    Self::ID,
                    format!(
                        "pillar of cluster \"{}\" does not link to {n} of its pages: {list}",
                        cluster.name
                    ),
                )
                .help("link to every page of the cluster, e.g. in a \"Verder lezen\" section"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const CONFIG: &str =
        "[[cluster]]\nname = \"Kosten\"\npillar = \"/blog/kosten/\"\nkeywords = [\"kosten\"]\n";

    #[test]
    fn fails_when_the_pillar_misses_cluster_pages() {
        let hits = run_site(
            PillarCluster::ID,
            &[
                ("content/blog/kosten.md", "# K\n\n[a](/blog/a/)\n"),
                ("content/blog/a.md", "---\ncluster: Kosten\n---\n# A\n"),
                ("content/blog/b.md", "---\ncluster: Kosten\n---\n# B\n"),
                ("content/blog/c.md", "---\ncluster: Kosten\n---\n# C\n"),
            ],
            CONFIG,
        );
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.file.as_str(), h.text.as_str(), h.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "content/blog/kosten.md",
                "",
                "pillar of cluster \"Kosten\" does not link to 2 of its pages: `/blog/b/`, `/blog/c/`"
            )]
        );
    }

    #[test]
    fn passes_when_the_pillar_links_to_all() {
        let hits = run_site(
            PillarCluster::ID,
            &[
                ("content/blog/kosten.md", "# K\n\n[a](a.md) [b](../b/)\n"),
                ("content/blog/a.md", "---\ncluster: Kosten\n---\n# A\n"),
                ("content/blog/b.md", "---\ncluster: Kosten\n---\n# B\n"),
                (
                    "content/blog/d.md",
                    "---\ncluster: Kosten\ndraft: true\n---\n# D\n",
                ),
            ],
            CONFIG,
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
