//! The internal-link graph of a run: every link of every page resolved through the URL map.
//! Shared by the site-level `link/*` rules.

use std::collections::BTreeSet;

use crate::site::Site;
use crate::urlmap::{LinkForm, Resolved, Target, UrlMap};

/// Every link of the run, resolved.
pub struct Graph<'s> {
    pub site: &'s Site<'s>,
    pub map: UrlMap<'s>,
    /// Per document, per link (same order as `DocSummary::links`).
    pub links: &'s [Vec<Resolved>],
}

impl<'s> Graph<'s> {
    /// Resolve every link in memory: URLs the map does not know are `Missing`.
    #[must_use]
    pub fn new(site: &'s Site<'s>) -> Self {
        Self::build(site, false)
    }

    /// Resolve every link, and look on disk for what the map does not know (static files,
    /// page sources outside the run).
    #[must_use]
    pub fn checked(site: &'s Site<'s>) -> Self {
        Self::build(site, true)
    }

    /// The links are resolved once per run (in parallel: a look on disk is a file system call)
    /// and shared by every rule that builds a graph.
    fn build(site: &'s Site<'s>, disk: bool) -> Self {
        use rayon::prelude::*;
        let map = UrlMap::new(site);
        let links = site.resolved_links(disk, || {
            site.docs
                .par_iter()
                .enumerate()
                .map(|(i, d)| {
                    d.links
                        .iter()
                        .map(|l| {
                            if disk {
                                map.resolve_checked(i, &l.href)
                            } else {
                                map.resolve(i, &l.href)
                            }
                        })
                        .collect()
                })
                .collect()
        });
        Self { site, map, links }
    }

    /// The pages document `doc` links to (other pages, each once, in order of first link).
    #[must_use]
    pub fn targets(&self, doc: usize) -> Vec<usize> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for r in self.links.get(doc).into_iter().flatten() {
            if let Target::Page(t) = r.target {
                if t != doc && r.form != LinkForm::SamePage && seen.insert(t) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// How many other, published pages link to each document.
    #[must_use]
    pub fn inbound(&self) -> Vec<usize> {
        let mut counts = vec![0; self.site.docs.len()];
        for (from, d) in self.site.docs.iter().enumerate() {
            if d.draft || d.page.url.is_none() {
                continue;
            }
            for t in self.targets(from) {
                if let Some(c) = counts.get_mut(t) {
                    *c += 1;
                }
            }
        }
        counts
    }

    /// Whether document `from` links to document `to`.
    #[must_use]
    pub fn links_to(&self, from: usize, to: usize) -> bool {
        self.links
            .get(from)
            .into_iter()
            .flatten()
            .any(|r| r.target == Target::Page(to) && r.form != LinkForm::SamePage)
    }

    /// The page of a configured URL (a cluster pillar): a path or an absolute URL on the site.
    #[must_use]
    pub fn page_at(&self, url: &str) -> Option<usize> {
        let path = match url::Url::parse(url) {
            Ok(u) if u.has_host() => u.path().to_string(),
            _ => url.to_string(),
        };
        self.map.lookup(&path)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Run one site rule over a temporary site.

    /// A finding of a site-rule test: file (relative to the site), text under the span (`""`
    /// for whole-file findings), message and help.
    #[derive(Debug)]
    pub struct Hit {
        pub file: String,
        pub text: String,
        pub message: String,
        pub help: Option<String>,
    }

    /// Write `files` and `geolint.toml` (`config`) to a temporary folder, lint it and return the
    /// findings of rule `id`.
    pub fn run_site(id: &str, files: &[(&str, &str)], config: &str) -> Vec<Hit> {
        let dir = tempfile::tempdir().expect("temp dir");
        for (p, text) in files {
            let p = dir.path().join(p);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        std::fs::write(dir.path().join("geolint.toml"), config).expect("write config");
        let config = crate::config::Config::load(&dir.path().join("geolint.toml")).expect("config");
        let outcome = crate::lint::run(
            &[dir.path().to_path_buf()],
            &config,
            crate::lint::RunOptions::default(),
        )
        .expect("run");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        outcome
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == id)
            .map(|d| {
                let abs = std::fs::canonicalize(&d.path)
                    .unwrap_or_else(|_| std::path::PathBuf::from(&d.path));
                let file = abs
                    .strip_prefix(&root)
                    .map_or_else(|_| d.path.clone(), |p| p.display().to_string());
                let src = std::fs::read_to_string(&abs).unwrap_or_default();
                let text = d
                    .span
                    .and_then(|s| src.get(s.start..s.end))
                    .unwrap_or("")
                    .to_string();
                Hit {
                    file,
                    text,
                    message: d.message,
                    help: d.help,
                }
            })
            .collect()
    }
}
