//! The language server's picture of the site: a summary of every content file under the
//! workspace root (from disk, or from the editor's buffer when the file is open), so that
//! site-wide findings (broken internal links, …) follow the edits as they happen.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, Level};
use crate::document::{Document, Format};
use crate::lint;
use crate::rules::registry::ALL;
use crate::site::{normalize, DocSummary, Site};
use crate::source;
use crate::span::LineIndex;

/// A file open in the editor.
#[derive(Debug, Clone)]
pub struct OpenDoc {
    pub text: String,
    pub lines: LineIndex,
    pub version: Option<i32>,
    pub format: Format,
    /// Where the body starts (after the front matter).
    pub body_start: usize,
    /// Findings of the per-document rules.
    pub doc_diagnostics: Vec<Diagnostic>,
    /// Findings of the site rules about this file.
    pub site_diagnostics: Vec<Diagnostic>,
}

impl OpenDoc {
    /// All findings about this file, sorted.
    #[must_use]
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.doc_diagnostics.clone();
        all.extend(self.site_diagnostics.iter().cloned());
        crate::diagnostic::sort(&mut all);
        all
    }
}

/// Read and lint every content file under `roots` (honouring ignore files and `exclude`), in
/// parallel: their summaries, and the files that could not be read.
#[must_use]
pub fn scan_files(roots: &[PathBuf], config: &Config) -> (Vec<DocSummary>, Vec<String>) {
    let Ok((files, errors)) = lint::walk(roots, config) else {
        return (
            Vec::new(),
            vec!["a workspace folder does not exist".to_string()],
        );
    };
    let results: Vec<Result<DocSummary, String>> = files
        .par_iter()
        .map(|p| {
            let format = Format::from_path(p).unwrap_or(Format::Markdown);
            let text = source::read(p).map_err(|e| format!("{}: {e}", lint::display_path(p)))?;
            Ok(lint_text(roots, config, p, format, text).1)
        })
        .collect();
    let mut problems: Vec<String> = errors
        .into_iter()
        .map(|e| format!("{}: {}", e.path, e.message))
        .collect();
    let mut summaries = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(s) => summaries.push(s),
            Err(e) => problems.push(e),
        }
    }
    (summaries, problems)
}

fn rel_paths(roots: &[PathBuf], config: &Config, path: &Path) -> Vec<String> {
    roots
        .iter()
        .flat_map(|r| lint::relative_candidates(path, config, r))
        .collect()
}

fn lint_text(
    roots: &[PathBuf],
    config: &Config,
    path: &Path,
    format: Format,
    text: String,
) -> (Document, DocSummary, Vec<Diagnostic>) {
    let doc = source::parse(path.to_path_buf(), lint::display_path(path), format, text);
    let rel = rel_paths(roots, config, path);
    let (diags, mut summary) = lint::lint_document(&doc, config, &rel);
    summary.page = crate::urlmap::PageInfo::new(&doc, config, path, roots, &rel);
    (doc, summary, diags)
}

/// The workspace: config, the summaries of all content files, and the open files.
pub struct Workspace {
    pub config: Config,
    pub roots: Vec<PathBuf>,
    docs: Vec<DocSummary>,
    /// Normalised path → index into `docs`.
    index: HashMap<PathBuf, usize>,
    /// Normalised path → open document.
    pub open: BTreeMap<PathBuf, OpenDoc>,
    /// Whether the site index has been filled.
    ready: bool,
}

impl Workspace {
    #[must_use]
    pub fn new(config: Config, roots: Vec<PathBuf>) -> Self {
        Self {
            config,
            roots,
            docs: Vec::new(),
            index: HashMap::new(),
            open: BTreeMap::new(),
            ready: false,
        }
    }

    /// Read every content file under the roots and install the result (see [`scan_files`]).
    /// Returns the number of files indexed and the files that could not be read.
    pub fn scan(&mut self) -> (usize, Vec<String>) {
        let (summaries, problems) = scan_files(&self.roots, &self.config);
        self.install(summaries);
        (self.docs.len(), problems)
    }

    /// Replace the site index with `summaries` (from [`scan_files`], perhaps run on another
    /// thread); open buffers win over what was on disk. From now on site rules run.
    pub fn install(&mut self, summaries: Vec<DocSummary>) {
        self.docs.clear();
        self.index.clear();
        for summary in summaries {
            self.put_summary(summary);
        }
        self.ready = true;
        let open: Vec<(PathBuf, String, Format)> = self
            .open
            .iter()
            .map(|(p, d)| (p.clone(), d.text.clone(), d.format))
            .collect();
        for (p, text, format) in open {
            let (_, summary, _) = self.lint(&p, format, text);
            self.put_summary(summary);
        }
    }

    /// Whether the site index is complete (site rules only run then, or every link to a page
    /// not yet read would look broken).
    #[must_use]
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Lint a file's text with the per-document rules.
    fn lint(
        &self,
        path: &Path,
        format: Format,
        text: String,
    ) -> (Document, DocSummary, Vec<Diagnostic>) {
        lint_text(&self.roots, &self.config, path, format, text)
    }

    /// The relative forms of `path` for content-type globs.
    #[must_use]
    pub fn rel_paths(&self, path: &Path) -> Vec<String> {
        rel_paths(&self.roots, &self.config, path)
    }

    fn put_summary(&mut self, summary: DocSummary) {
        let key = normalize(&summary.path);
        if let Some(&i) = self.index.get(&key) {
            if let Some(slot) = self.docs.get_mut(i) {
                *slot = summary;
                return;
            }
        }
        self.index.insert(key, self.docs.len());
        self.docs.push(summary);
    }

    fn remove_summary(&mut self, path: &Path) {
        let key = normalize(path);
        let Some(i) = self.index.remove(&key) else {
            return;
        };
        self.docs.swap_remove(i);
        if let Some(moved) = self.docs.get(i) {
            self.index.insert(normalize(&moved.path), i);
        }
    }

    /// The editor opened or changed a file: lint its text.
    pub fn set_text(&mut self, path: &Path, format: Format, text: String, version: Option<i32>) {
        let (doc, summary, diags) = self.lint(path, format, text);
        self.put_summary(summary);
        let entry = OpenDoc {
            body_start: doc.body.start,
            lines: doc.lines,
            text: doc.source,
            version,
            format,
            doc_diagnostics: diags,
            site_diagnostics: Vec::new(),
        };
        self.open.insert(normalize(path), entry);
    }

    /// The editor closed a file: from now on the file on disk counts.
    pub fn close(&mut self, path: &Path) {
        self.open.remove(&normalize(path));
        self.reload(path);
    }

    /// A file changed on disk (saved, created, deleted, renamed): re-read it unless it is open.
    pub fn reload(&mut self, path: &Path) {
        if self.open.contains_key(&normalize(path)) {
            return;
        }
        let Some(format) = Format::from_path(path) else {
            return;
        };
        let excluded = self.config.is_excluded(&self.rel_paths(path));
        match source::read(path) {
            Ok(text) if !excluded => {
                let (_, summary, _) = self.lint(path, format, text);
                self.put_summary(summary);
            }
            _ => self.remove_summary(path),
        }
    }

    /// The open document at `path`.
    #[must_use]
    pub fn get(&self, path: &Path) -> Option<&OpenDoc> {
        self.open.get(&normalize(path))
    }

    /// Run the site rules and attach their findings to the open documents. Returns the paths of
    /// open documents whose site findings changed.
    pub fn refresh_site(&mut self) -> Vec<PathBuf> {
        if !self.ready {
            return Vec::new();
        }
        let mut findings: Vec<(usize, Finding)> = Vec::new();
        let site = Site::new(std::mem::take(&mut self.docs), &self.config);
        for rule in ALL {
            if rule.is_site_rule() && self.config.level(rule.info().id) != Level::Off {
                rule.check_site(&site, &mut findings);
            }
        }
        self.docs = site.docs;
        let mut per_doc: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for (i, f) in findings {
            let Some(summary) = self.docs.get(i) else {
                continue;
            };
            let key = normalize(&summary.path);
            let Some(open) = self.open.get(&key) else {
                continue;
            };
            let configured = self.config.level(f.rule);
            let level = f.level.unwrap_or(configured);
            if configured == Level::Off
                || summary
                    .suppressions
                    .suppresses(f.rule, f.span, &open.text, &open.lines)
            {
                continue;
            }
            per_doc
                .entry(key)
                .or_default()
                .push(Diagnostic::from_finding(
                    f,
                    level,
                    &summary.display_path,
                    &open.text,
                    &open.lines,
                ));
        }
        let mut changed = Vec::new();
        for (key, open) in &mut self.open {
            let mut new = per_doc.remove(key).unwrap_or_default();
            crate::diagnostic::sort(&mut new);
            if new != open.site_diagnostics {
                open.site_diagnostics = new;
                changed.push(key.clone());
            }
        }
        changed
    }

    /// Number of files in the site index.
    #[must_use]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_findings_follow_edits_and_disk_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("a.md"), "# A\n\nZie [b](b.md).\n").expect("write");
        let mut ws = Workspace::new(Config::builtin(), vec![root.clone()]);
        assert_eq!(ws.scan().0, 1);
        let a = root.join("a.md");
        let text = "# A\n\nZie [b](b.md).\n".to_string();
        ws.set_text(&a, Format::Markdown, text, Some(1));
        ws.refresh_site();
        let rules: Vec<String> = ws
            .get(&a)
            .expect("open")
            .site_diagnostics
            .iter()
            .map(|d| d.rule.clone())
            .collect();
        assert_eq!(rules, ["link/broken-relative"]);
        // b.md appears on disk: the link is no longer broken.
        std::fs::write(root.join("b.md"), "# B\n").expect("write");
        ws.reload(&root.join("b.md"));
        assert_eq!(ws.refresh_site(), [normalize(&a)]);
        assert!(ws.get(&a).expect("open").site_diagnostics.is_empty());
        // and gone again.
        std::fs::remove_file(root.join("b.md")).expect("remove");
        ws.reload(&root.join("b.md"));
        ws.refresh_site();
        assert_eq!(ws.get(&a).expect("open").site_diagnostics.len(), 1);
        assert_eq!(ws.len(), 1);
    }
}
