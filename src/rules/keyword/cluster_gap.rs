use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::{Keyword, Lang};
use crate::lint::CONFIG_DOC;
use crate::rules::Rule;
use crate::site::Site;
use crate::span::Span;

declare_rule! {
    /// ## What it checks
    /// Content gaps in a keyword cluster: keywords of a `[[cluster]]` in the config that are no
    /// page's primary keyword. Keywords are compared after normalisation (case, diacritics,
    /// hyphens, compounds, inflection), so `AI-workshops kosten` covers `AI-workshop kosten`.
    /// Drafts do not count as coverage. The finding points at the keyword in `geolint.toml`:
    /// the gap is in the content plan, not in a page.
    ///
    /// ## Why it matters
    /// A content plan promises a page for every search term in a cluster. A term that no page
    /// targets is traffic nobody is competing for on your site.
    ///
    /// ## Example
    /// Cluster keywords `AI-workshop kosten`, `prijs AI-training`, `kosten AI-cursus` while
    /// only the first is a page's primary keyword → write pages for the other two, or drop
    /// them from the cluster.
    pub struct ClusterGap => "keyword/cluster-gap", Warning, "every cluster keyword should be some page's primary keyword"
}

impl Rule for ClusterGap {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn needs_whole_site(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let lang = Lang::from_code(&site.config.language);
        let config_text = site
            .config
            .path
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        for cluster in &site.config.clusters {
            for k in &cluster.keywords {
                let Some(kw) = Keyword::new(k, lang) else {
                    continue;
                };
                let key = kw.key();
                if site
                    .docs
                    .iter()
                    .any(|d| !d.draft && d.keywords.primary_key == key)
                {
                    continue;
                }
                out.push((
                    CONFIG_DOC,
                    Finding::new(
                        Self::ID,
                        format!(
                            "no page has `{k}` as its primary keyword (content gap in cluster `{}`)",
                            cluster.name
                        ),
                    )
                    .maybe_at(keyword_span(&config_text, &cluster.name, k))
                    .help("write a page with this keyword first in its front matter `keywords`, or drop it from the cluster"),
                ));
            }
        }
    }
}

/// The span of `"keyword"` in the `[[cluster]]` table named `name` of the config text.
fn keyword_span(text: &str, name: &str, keyword: &str) -> Option<Span> {
    let name_at = [format!("\"{name}\""), format!("'{name}'")]
        .iter()
        .filter_map(|n| text.find(n.as_str()))
        .min()?;
    let table_start = text.get(..name_at)?.rfind("[[cluster]]").unwrap_or(0);
    let table_end = text
        .get(name_at..)?
        .find("\n[")
        .map_or(text.len(), |e| name_at + e);
    let table = text.get(table_start..table_end)?;
    [format!("\"{keyword}\""), format!("'{keyword}'")]
        .iter()
        .filter_map(|q| table.find(q.as_str()))
        .min()
        .map(|at| Span::new(table_start + at, table_start + at + keyword.len() + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site with one covered keyword, one covered only by a draft and one uncovered; the
    /// run's gap findings for `paths` (relative to the site).
    fn gaps(paths: &[&str]) -> Vec<crate::diagnostic::Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        let blog = dir.path().join("content/blog");
        std::fs::create_dir_all(&blog).unwrap();
        std::fs::write(
            blog.join("kosten.md"),
            "---\ntitle: T\ncluster: Kosten\nkeywords: [\"AI-workshops kosten\"]\n---\nTekst.\n",
        )
        .unwrap();
        std::fs::write(
            blog.join("concept.md"),
            "---\ntitle: T\ndraft: true\ncluster: Kosten\nkeywords: [\"prijs AI-training\"]\n---\n",
        )
        .unwrap();
        let toml = "[[cluster]]\nname = \"Kosten\"\npillar = \"/blog/kosten/\"\nkeywords = [\"AI-workshop kosten\", \"prijs AI-training\", \"kosten AI-cursus\"]\n";
        let toml_path = dir.path().join("geolint.toml");
        std::fs::write(&toml_path, toml).unwrap();
        let config = crate::config::Config::load(&toml_path).unwrap();
        let paths: Vec<_> = paths.iter().map(|p| dir.path().join(p)).collect();
        crate::lint::run(&paths, &config, crate::lint::RunOptions::default())
            .unwrap()
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == ClusterGap::ID)
            .collect()
    }

    #[test]
    fn fails_on_uncovered_keywords_pointing_into_the_config() {
        let f = gaps(&["."]);
        let msgs: Vec<_> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "no page has `prijs AI-training` as its primary keyword (content gap in cluster `Kosten`)",
                "no page has `kosten AI-cursus` as its primary keyword (content gap in cluster `Kosten`)"
            ]
        );
        assert!(f[0].path.ends_with("geolint.toml"));
        assert_eq!(f[0].start.map(|s| (s.line, s.column)), Some((4, 35)));
    }

    #[test]
    fn passes_when_files_are_named_one_by_one() {
        assert!(gaps(&["content/blog/kosten.md"]).is_empty());
    }
}
