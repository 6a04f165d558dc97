//! The run: walk paths, parse each file once, run the rules in parallel, then the site rules.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Finding, Level};
use crate::document::{Document, Format};
use crate::rules::registry::ALL;
use crate::rules::DocContext;
use crate::site::{DocSummary, Site};
use crate::source;
use crate::suppress::Suppressions;
use crate::timings;

/// A file that could not be linted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// The outcome of a run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files linted (files that could not be read are in `errors`).
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Sources of files with diagnostics (only when asked for, for the human report).
    pub sources: BTreeMap<String, String>,
    pub errors: Vec<FileError>,
    /// Per-document summaries the site rules saw (for `--emit-index` and reports such as
    /// `geolint clusters`), and whether the run was partial (files only, no folder).
    pub docs: Vec<DocSummary>,
    pub partial: bool,
    /// The per-document diagnostics, for `--emit-index` (only with [`RunOptions::keep_index`]).
    pub doc_diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    #[must_use]
    pub fn count(&self, level: Level) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == level)
            .count()
    }
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("path not found: {0}")]
    MissingPath(String),
}

/// Options of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Keep file sources for rendering snippets.
    pub keep_sources: bool,
    /// Lint only this shard's files, and leave the site rules to `geolint merge`.
    pub shard: Option<Shard>,
    /// Keep the per-document summaries in [`Outcome::docs`].
    pub keep_index: bool,
}

/// `--shard K/N`: the K-th of N stable subsets of the files, by a hash of each file's path as
/// reported (relative to the current folder), so every job of a CI matrix takes its own files
/// whatever order the file system lists them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Whether the file reported as `display_path` belongs to this shard.
    #[must_use]
    pub fn contains(&self, display_path: &str) -> bool {
        // FNV-1a: stable across runs, platforms and Rust versions (unlike `DefaultHasher`).
        let hash = display_path
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        hash % u64::from(self.count) == u64::from(self.index - 1)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("invalid shard '{s}': expected K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Self { index, count })
    }
}

/// Walk `paths` (files and folders) and return the files to lint, sorted.
pub fn walk(
    paths: &[PathBuf],
    config: &Config,
) -> Result<(Vec<PathBuf>, Vec<FileError>), RunError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if !p.exists() {
            return Err(RunError::MissingPath(p.display().to_string()));
        }
        if p.is_file() {
            // A file named explicitly is linted whatever its extension, if we know the format.
            files.push(p.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(p)
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(true)
            .ignore(true)
            .parents(true)
            .require_git(false)
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file())
                        && Format::from_path(e.path()).is_some()
                    {
                        let path = e.path().to_path_buf();
                        if !config.is_excluded(&relative_candidates(&path, config, p)) {
                            files.push(path);
                        }
                    }
                }
                Err(e) => errors.push(FileError {
                    path: p.display().to_string(),
                    message: e.to_string(),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    Ok((files, errors))
}

/// The path of a file as shown in reports: relative to the current folder, `/` separators.
#[must_use]
pub fn display_path(path: &Path) -> String {
    static CWD: std::sync::LazyLock<Option<PathBuf>> = std::sync::LazyLock::new(|| {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| std::fs::canonicalize(cwd).ok())
    });
    let rel = CWD
        .as_ref()
        .and_then(|cwd| {
            let abs = std::fs::canonicalize(path).ok()?;
            abs.strip_prefix(cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map_or(s.clone(), str::to_string)
}

/// Relative forms of a path that config globs are matched against: to the config's folder and
/// to the walked root.
pub fn relative_candidates(path: &Path, config: &Config, walk_root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    for base in [config.root.as_path(), walk_root] {
        if let Ok(b) = std::fs::canonicalize(base) {
            if let Ok(rel) = abs.strip_prefix(&b) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.push(path.to_string_lossy().replace('\\', "/"));
    out
}

struct FileResult {
    diagnostics: Vec<Diagnostic>,
    summary: DocSummary,
    source: Option<String>,
}

/// Lint every file under `paths`.
pub fn run(paths: &[PathBuf], config: &Config, opts: RunOptions) -> Result<Outcome, RunError> {
    let (mut files, mut errors) = walk(paths, config)?;
    if let Some(shard) = opts.shard {
        files.retain(|f| shard.contains(&display_path(f)));
    }
    let results: Vec<Result<FileResult, FileError>> = files
        .par_iter()
        .map(|path| lint_file(path, config, paths, opts))
        .collect();
    let mut outcome = Outcome::default();
    let mut summaries = Vec::new();
    for r in results {
        match r {
            Ok(fr) => {
                if let Some(src) = fr.source {
                    outcome.sources.insert(fr.summary.display_path.clone(), src);
                }
                outcome.files += 1;
                outcome.diagnostics.extend(fr.diagnostics);
                summaries.push(fr.summary);
            }
            Err(e) => errors.push(e),
        }
    }
    let site = Site::new(summaries, config);
    let partial = !paths.iter().any(|p| p.is_dir());
    if opts.keep_index {
        outcome.doc_diagnostics.clone_from(&outcome.diagnostics);
    }
    if opts.shard.is_none() {
        let site_diagnostics = run_site(&site, config, opts, &mut outcome.sources, partial);
        outcome.diagnostics.extend(site_diagnostics);
    }
    outcome.partial = partial;
    outcome.docs = site.docs;
    diagnostic::sort(&mut outcome.diagnostics);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    outcome.errors = errors;
    Ok(outcome)
}

fn lint_file(
    path: &Path,
    config: &Config,
    roots: &[PathBuf],
    opts: RunOptions,
) -> Result<FileResult, FileError> {
    let display = display_path(path);
    let err = |message: String| FileError {
        path: display.clone(),
        message,
    };
    let format = Format::from_path(path).ok_or_else(|| {
        err("unknown file type: geolint reads .md, .markdown, .mdx, .html and .htm".into())
    })?;
    let text = source::read(path).map_err(|e| err(e.to_string()))?;
    let rel = roots
        .iter()
        .flat_map(|r| relative_candidates(path, config, r))
        .collect::<Vec<_>>();
    let (doc, diagnostics, mut summary) = lint_source(
        path.to_path_buf(),
        display.clone(),
        format,
        text,
        config,
        &rel,
    );
    summary.page = crate::urlmap::PageInfo::new(&doc, config, path, roots, &rel);
    let source = (opts.keep_sources && !diagnostics.is_empty()).then(|| doc.source.clone());
    Ok(FileResult {
        diagnostics,
        summary,
        source,
    })
}

/// Parse text held in memory (a file's contents, a crawled page) and run the per-document
/// rules on it. `display` is the path shown in reports (a page's URL for crawled pages).
#[must_use]
pub fn lint_source(
    path: PathBuf,
    display: String,
    format: Format,
    text: String,
    config: &Config,
    rel_paths: &[String],
) -> (Document, Vec<Diagnostic>, DocSummary) {
    let doc = timings::pass(timings::PARSE, || {
        source::parse(path, display, format, text)
    });
    let (diagnostics, summary) = lint_document(&doc, config, rel_paths);
    (doc, diagnostics, summary)
}

/// Run the per-document rules on a parsed document. `rel_paths` are the relative forms of its
/// path for content-type globs.
#[must_use]
pub fn lint_document(
    doc: &Document,
    config: &Config,
    rel_paths: &[String],
) -> (Vec<Diagnostic>, DocSummary) {
    let mut findings = Vec::new();
    let suppressions = Suppressions::collect(doc, |id| config.is_known_rule(id), &mut findings);
    let lang_field = doc
        .front_matter
        .as_ref()
        .and_then(|fm| {
            config
                .frontmatter
                .lang
                .iter()
                .find_map(|p| fm.root.get_path(p).and_then(|n| n.as_str()))
        })
        .or(doc.html_lang.as_deref());
    let lang = match lang_field.map(str::to_ascii_lowercase) {
        Some(l) if l.starts_with("en") => "en",
        Some(l) if l.starts_with("nl") => "nl",
        _ => config.language.as_str(),
    };
    let cx = DocContext::new(doc, config, config.content_type(rel_paths), lang);
    for (i, rule) in ALL.iter().enumerate() {
        if config.level(rule.info().id) != Level::Off {
            timings::rule(i, || rule.check_document(&cx, &mut findings));
        }
    }
    for custom in &config.custom {
        if custom.level != Level::Off {
            custom.check(&cx, &mut findings);
        }
    }
    timings::pass(timings::SUMMARY, || {
        let draft = cx.is_draft();
        let keywords = crate::rules::keyword::summarise(&cx);
        let nap = if config.level(crate::rules::local::nap_consistency::NapConsistency::ID)
            == Level::Off
        {
            Vec::new()
        } else {
            crate::rules::local::nap_mentions(&cx)
        };
        let diagnostics = resolve(findings, config, doc, &suppressions);
        let mut summary = DocSummary::new(doc, draft, suppressions);
        summary.keywords = keywords;
        summary.nap = nap;
        (diagnostics, summary)
    })
}

fn resolve(
    findings: Vec<Finding>,
    config: &Config,
    doc: &Document,
    suppressions: &Suppressions,
) -> Vec<Diagnostic> {
    findings
        .into_iter()
        .filter_map(|f| {
            let configured = config.level(f.rule);
            if configured == Level::Off {
                return None;
            }
            let level = f.level.unwrap_or(configured);
            if suppressions.suppresses(f.rule, f.span, &doc.source, &doc.lines) {
                return None;
            }
            Some(Diagnostic::from_finding(
                f,
                level,
                &doc.display_path,
                &doc.source,
                &doc.lines,
            ))
        })
        .collect()
}

/// Read the sources of the files that have diagnostics but no source yet in `sources` (the human
/// report shows a snippet of every finding), finding each file through its summary.
pub fn read_missing_sources(
    diagnostics: &[Diagnostic],
    docs: &[DocSummary],
    sources: &mut BTreeMap<String, String>,
) {
    let by_display: std::collections::HashMap<&str, &Path> = docs
        .iter()
        .map(|d| (d.display_path.as_str(), d.path.as_path()))
        .collect();
    for d in diagnostics {
        if !sources.contains_key(&d.path) {
            if let Some(text) = by_display
                .get(d.path.as_str())
                .and_then(|p| source::read(p).ok())
            {
                sources.insert(d.path.clone(), text);
            }
        }
    }
}

/// Run the site-wide rules over the summaries of every document of the site (in walk order,
/// sorted by path) and resolve their findings (re-reading the files they concern unless
/// `sources` has them).
pub fn run_site(
    site: &Site<'_>,
    config: &Config,
    opts: RunOptions,
    sources: &mut BTreeMap<String, String>,
    partial: bool,
) -> Vec<Diagnostic> {
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    timings::pass(timings::SITE, || {
        for (i, rule) in ALL.iter().enumerate() {
            if rule.is_site_rule()
                && config.level(rule.info().id) != Level::Off
                && !(partial && rule.needs_whole_site())
            {
                timings::rule(i, || rule.check_site(site, &mut findings));
            }
        }
    });
    if findings.is_empty() {
        return Vec::new();
    }
    // Re-read the few files with site findings to place them by line and column.
    let mut by_doc: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
    for (i, f) in findings {
        by_doc.entry(i).or_default().push(f);
    }
    let mut out = Vec::new();
    if let (Some(fs), Some(path)) = (by_doc.remove(&CONFIG_DOC), config.path.as_deref()) {
        out.extend(config_findings(fs, config, path, opts, sources));
    }
    for (i, fs) in by_doc {
        let Some(summary) = site.docs.get(i) else {
            continue;
        };
        let text = sources
            .get(&summary.display_path)
            .cloned()
            .or_else(|| source::read(&summary.path).ok())
            .unwrap_or_default();
        let lines = crate::span::LineIndex::new(&text);
        for f in fs {
            let configured = config.level(f.rule);
            let level = f.level.unwrap_or(configured);
            if configured == Level::Off
                || summary
                    .suppressions
                    .suppresses(f.rule, f.span, &text, &lines)
            {
                continue;
            }
            out.push(Diagnostic::from_finding(
                f,
                level,
                &summary.display_path,
                &text,
                &lines,
            ));
        }
        if opts.keep_sources {
            sources.entry(summary.display_path.clone()).or_insert(text);
        }
    }
    out
}

/// The document index with which a site rule reports on the config file itself (a keyword of
/// a `[[cluster]]` that no page covers, say). Dropped when the config is the built-in one.
pub const CONFIG_DOC: usize = usize::MAX;

fn config_findings(
    findings: Vec<Finding>,
    config: &Config,
    path: &Path,
    opts: RunOptions,
    sources: &mut BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let display = display_path(path);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = crate::span::LineIndex::new(&text);
    let out: Vec<Diagnostic> = findings
        .into_iter()
        .filter_map(|f| {
            let configured = config.level(f.rule);
            (configured != Level::Off).then(|| {
                let level = f.level.unwrap_or(configured);
                Diagnostic::from_finding(f, level, &display, &text, &lines)
            })
        })
        .collect();
    if opts.keep_sources && !out.is_empty() {
        sources.entry(display).or_insert(text);
    }
    out
}
