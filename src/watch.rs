//! `geolint check --watch`: wait for changes to the files geolint reads (debounced), and re-lint
//! only the files that changed before running the site rules again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};
use crate::document::Format;
use crate::lint::{self, FileError, Outcome, RunError, RunOptions};
use crate::site::{DocSummary, Site};

/// How long a burst of file events may last before it counts as one change (editors write a
/// file in several steps: temporary file, rename, metadata).
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// What changed in one debounced burst.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Change {
    /// Content files (Markdown, MDX, HTML) that changed, were created or were removed, sorted.
    pub files: Vec<PathBuf>,
    /// Whether a `geolint.toml` changed.
    pub config: bool,
}

/// Watches folders and files recursively.
pub struct Watcher {
    rx: Receiver<DebounceEventResult>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl Watcher {
    /// Start watching `paths` (files or folders).
    pub fn new(
        paths: &[PathBuf],
        delay: Duration,
    ) -> Result<Self, notify_debouncer_mini::notify::Error> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(delay, tx)?;
        for p in paths {
            let mode = if p.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer.watcher().watch(p, mode)?;
        }
        Ok(Self {
            rx,
            _debouncer: debouncer,
        })
    }

    /// Block until content files or the config change. `None` when the watcher has stopped;
    /// watcher errors are passed to `on_error` and waiting goes on.
    pub fn next_change(&self, mut on_error: impl FnMut(String)) -> Option<Change> {
        loop {
            let events = match self.rx.recv().ok()? {
                Ok(events) => events,
                Err(e) => {
                    on_error(e.to_string());
                    continue;
                }
            };
            let change = classify(events.iter().map(|e| e.path.as_path()));
            if !change.files.is_empty() || change.config {
                return Some(change);
            }
        }
    }
}

/// Sort event paths into content files and config changes; everything else is ignored.
pub fn classify<'a>(paths: impl Iterator<Item = &'a Path>) -> Change {
    let mut change = Change::default();
    for p in paths {
        if p.components().any(|c| c.as_os_str() == ".git") {
            continue;
        }
        if p.file_name().is_some_and(|n| n == "geolint.toml") {
            change.config = true;
        } else if Format::from_path(p).is_some() {
            change.files.push(p.to_path_buf());
        }
    }
    change.files.sort();
    change.files.dedup();
    change
}

/// One file's per-document findings and summary, or why it could not be read.
type FileResult = Result<(Vec<Diagnostic>, DocSummary), FileError>;

/// The lint results of every file of a run, kept between changes.
pub struct Incremental<'c> {
    config: &'c Config,
    roots: Vec<PathBuf>,
    /// Per walked path: the per-document findings and the summary, or why it could not be read.
    files: BTreeMap<PathBuf, FileResult>,
    /// Walk errors (unreadable folders).
    walk_errors: Vec<FileError>,
}

impl<'c> Incremental<'c> {
    /// The configuration the files are linted with.
    #[must_use]
    pub fn config(&self) -> &'c Config {
        self.config
    }

    /// Lint every file under `roots`.
    pub fn new(roots: &[PathBuf], config: &'c Config) -> Result<Self, RunError> {
        let mut me = Self {
            config,
            roots: roots.to_vec(),
            files: BTreeMap::new(),
            walk_errors: Vec::new(),
        };
        me.update(&[])?;
        Ok(me)
    }

    /// Walk again (cheap), lint the files that are new or among `changed`, forget the files that
    /// are gone. Returns how many files were linted.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<usize, RunError> {
        let (files, walk_errors) = lint::walk(&self.roots, self.config)?;
        self.walk_errors = walk_errors;
        let changed: Vec<PathBuf> = changed.iter().map(|p| canonical(p)).collect();
        let todo: Vec<&PathBuf> = files
            .iter()
            .filter(|p| !self.files.contains_key(*p) || changed.contains(&canonical(p)))
            .collect();
        let linted: Vec<(PathBuf, FileResult)> = todo
            .par_iter()
            .map(|p| ((*p).clone(), lint_one(p, self.config, &self.roots)))
            .collect();
        let n = linted.len();
        self.files.retain(|p, _| files.binary_search(p).is_ok());
        self.files.extend(linted);
        Ok(n)
    }

    /// The outcome as `lint::run` would give it: per-document findings, then the site rules.
    #[must_use]
    pub fn outcome(&self, opts: RunOptions) -> Outcome {
        let mut outcome = Outcome::default();
        let mut summaries = Vec::new();
        let mut errors = self.walk_errors.clone();
        for r in self.files.values() {
            match r {
                Ok((diags, summary)) => {
                    outcome.files += 1;
                    outcome.diagnostics.extend(diags.iter().cloned());
                    summaries.push(summary.clone());
                }
                Err(e) => errors.push(e.clone()),
            }
        }
        let site = Site::new(summaries, self.config);
        let mut sources = BTreeMap::new();
        let site_diags = lint::run_site(&site, self.config, opts, &mut sources, false);
        outcome.diagnostics.extend(site_diags);
        if opts.keep_sources {
            lint::read_missing_sources(&outcome.diagnostics, &site.docs, &mut sources);
            outcome.sources = sources;
        }
        diagnostic::sort(&mut outcome.diagnostics);
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        outcome.errors = errors;
        outcome
    }
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        // A deleted file: its folder still exists.
        match (p.parent().map(std::fs::canonicalize), p.file_name()) {
            (Some(Ok(dir)), Some(name)) => dir.join(name),
            _ => p.to_path_buf(),
        }
    })
}

fn lint_one(path: &Path, config: &Config, roots: &[PathBuf]) -> FileResult {
    let display = lint::display_path(path);
    let format = Format::from_path(path).unwrap_or(Format::Markdown);
    let text = crate::source::read(path).map_err(|e| FileError {
        path: display.clone(),
        message: e.to_string(),
    })?;
    let doc = crate::source::parse(path.to_path_buf(), display, format, text);
    let rel: Vec<String> = roots
        .iter()
        .flat_map(|r| lint::relative_candidates(path, config, r))
        .collect();
    let (diagnostics, mut summary) = lint::lint_document(&doc, config, &rel);
    summary.page = crate::urlmap::PageInfo::new(&doc, config, path, roots, &rel);
    Ok((diagnostics, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_matches_a_full_run_after_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        std::fs::write(
            root.join("a.md"),
            "# A\n\nZie [b](b.md) citeturn0search3.\n",
        )
        .expect("write");
        std::fs::write(root.join("c.md"), "# C\n\nTekst.\n").expect("write");
        let config = Config::builtin();
        let roots = vec![root.clone()];
        let full = |roots: &[PathBuf]| {
            lint::run(roots, &config, RunOptions::default())
                .expect("run")
                .diagnostics
        };
        let mut inc = Incremental::new(&roots, &config).expect("lint");
        assert_eq!(inc.outcome(RunOptions::default()).diagnostics, full(&roots));
        // b.md appears, a.md changes, c.md goes: only a.md and b.md are linted again.
        std::fs::write(root.join("b.md"), "# B\n").expect("write");
        std::fs::write(root.join("a.md"), "# A\n\nZie [b](b.md).\n").expect("write");
        std::fs::remove_file(root.join("c.md")).expect("remove");
        let changed = [root.join("a.md"), root.join("c.md")];
        assert_eq!(inc.update(&changed).expect("update"), 2);
        let out = inc.outcome(RunOptions {
            keep_sources: true,
            ..RunOptions::default()
        });
        assert_eq!(out.diagnostics, full(&roots));
        assert_eq!(out.files, 2);
        assert!(out
            .diagnostics
            .iter()
            .all(|d| d.rule != "artifact/citation-token" && d.rule != "link/broken-relative"));
    }

    #[test]
    fn classify_keeps_content_and_config() {
        let paths = [
            Path::new("site/content/a.md"),
            Path::new("site/content/a.md"),
            Path::new("site/.git/index"),
            Path::new("site/.git/x.md"),
            Path::new("site/geolint.toml"),
            Path::new("site/content/.geolint-fix-a1b2"),
            Path::new("site/public/b.html"),
        ];
        let c = classify(paths.iter().copied());
        assert_eq!(
            c,
            Change {
                files: vec![
                    PathBuf::from("site/content/a.md"),
                    PathBuf::from("site/public/b.html")
                ],
                config: true,
            }
        );
    }
}
