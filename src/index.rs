//! Site indexes for sharded runs: `geolint check --shard K/N --emit-index FILE` writes the
//! per-document findings and summaries of one shard; `geolint merge INDEX…` joins the shards,
//! runs the site-wide rules once over all summaries, and gives the findings of a single run.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};
use crate::lint::{self, FileError, Outcome, RunOptions};
use crate::site::{DocSummary, Site};

/// The format version of index files; bumped whenever `DocSummary` changes shape.
pub const FORMAT: u32 = 1;

/// What one (sharded) run hands to `geolint merge`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteIndex {
    pub tool: String,
    pub version: String,
    pub format: u32,
    /// `K/N`, or none for an unsharded run.
    pub shard: Option<String>,
    /// Files linted by this run.
    pub files: usize,
    /// Whether the run named files only (no folder): whole-site rules then stay silent.
    pub partial: bool,
    /// Findings of the per-document rules (site rules run in `merge`).
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<FileError>,
    pub docs: Vec<DocSummary>,
}

/// The first fields of an index, read before the rest.
#[derive(Deserialize)]
struct Head {
    tool: String,
    version: String,
    format: u32,
}

/// Why an index could not be read or merged.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot read index {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a geolint index: {message}")]
    Invalid { path: String, message: String },
    #[error("{path} was written by geolint {found} (index format {format}); this is geolint {expected}: re-run the shards with the same version")]
    Version {
        path: String,
        found: String,
        format: u32,
        expected: String,
    },
    #[error("{file} is in more than one index ({path}): do the shards overlap?")]
    Overlap { file: String, path: String },
}

impl SiteIndex {
    /// The index of a finished run made with [`RunOptions::keep_index`].
    #[must_use]
    pub fn of(outcome: &Outcome, shard: Option<lint::Shard>) -> Self {
        Self {
            tool: "geolint".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            format: FORMAT,
            shard: shard.map(|s| format!("{}/{}", s.index, s.count)),
            files: outcome.files,
            partial: outcome.partial,
            diagnostics: outcome.doc_diagnostics.clone(),
            errors: outcome.errors.clone(),
            docs: outcome.docs.clone(),
        }
    }

    /// Read and check an index file.
    pub fn read(path: &Path) -> Result<Self, IndexError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| IndexError::Read {
            path: shown.clone(),
            source,
        })?;
        // Check the version first, so an index of another version says so instead of failing
        // on a changed field.
        let head: Head = serde_json::from_str(&text).map_err(|e| IndexError::Invalid {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        if head.tool != "geolint" {
            return Err(IndexError::Invalid {
                path: shown,
                message: format!("written by \"{}\"", head.tool),
            });
        }
        if head.format != FORMAT || head.version != env!("CARGO_PKG_VERSION") {
            return Err(IndexError::Version {
                path: shown,
                found: head.version,
                format: head.format,
                expected: env!("CARGO_PKG_VERSION").into(),
            });
        }
        serde_json::from_str(&text).map_err(|e| IndexError::Invalid {
            path: shown,
            message: e.to_string(),
        })
    }

    /// Serialise to JSON (compact: indexes are for machines).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// Join shard indexes and run the site-wide rules over all their documents: the outcome equals
/// that of one unsharded run over the same files.
pub fn merge(
    indexes: Vec<(PathBuf, SiteIndex)>,
    config: &Config,
    opts: RunOptions,
) -> Result<Outcome, IndexError> {
    let mut outcome = Outcome::default();
    let mut docs: Vec<DocSummary> = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut partial = false;
    for (path, index) in indexes {
        for d in &index.docs {
            if !seen.insert(d.path.clone()) {
                return Err(IndexError::Overlap {
                    file: d.display_path.clone(),
                    path: path.display().to_string(),
                });
            }
        }
        outcome.files += index.files;
        partial |= index.partial;
        outcome.diagnostics.extend(index.diagnostics);
        outcome.errors.extend(index.errors);
        docs.extend(index.docs);
    }
    // A single run sees its files sorted by path: so must the site rules here.
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    let site = Site::new(docs, config);
    let mut sources = BTreeMap::new();
    let site_diagnostics = lint::run_site(&site, config, opts, &mut sources, partial);
    outcome.diagnostics.extend(site_diagnostics);
    if opts.keep_sources {
        lint::read_missing_sources(&outcome.diagnostics, &site.docs, &mut sources);
        outcome.sources = sources;
    }
    outcome.partial = partial;
    outcome.docs = site.docs;
    diagnostic::sort(&mut outcome.diagnostics);
    outcome.errors.sort_by(|a, b| a.path.cmp(&b.path));
    // Every shard reports the folders it could not walk: once is enough.
    outcome.errors.dedup();
    Ok(outcome)
}
