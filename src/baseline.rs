//! Line-independent fingerprints of findings, and baseline files that record the findings a team
//! accepts so that only new ones are reported (`--write-baseline FILE`, `--baseline FILE`).
//!
//! A fingerprint is a hash of the rule id, the file's path and the normalised text the finding
//! flags (whitespace runs collapsed), never of line numbers: an edit elsewhere in the file that
//! shifts the finding down keeps its fingerprint. A finding with an empty span is keyed by the
//! text of its line; a finding about the whole file by its message with numbers blanked (so
//! "300 words" and "310 words" are the same finding). Identical findings in one file share a
//! fingerprint; the baseline stores how many there were and absorbs at most that many.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;

/// Version of the fingerprint scheme, part of every hash and of the baseline file.
pub const FINGERPRINT_VERSION: u32 = 1;

/// Collapse whitespace runs to one space and trim.
#[must_use]
pub fn normalize_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A message with every run of ASCII digits replaced by `#`, normalised.
#[must_use]
pub fn blank_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_digits = false;
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    normalize_text(&out)
}

/// The hex SHA-256 (first 16 bytes) of rule, path and normalised flagged text.
#[must_use]
pub fn fingerprint(rule: &str, path: &str, text: &str) -> String {
    let mut h = Sha256::new();
    h.update(format!("geolint/v{FINGERPRINT_VERSION}").as_bytes());
    for part in [rule, path, &normalize_text(text)] {
        h.update([0u8]);
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(32);
    for b in digest.iter().take(16) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The text a diagnostic is keyed by: its span's text, the line of an empty span, or the
/// message with numbers blanked for whole-file findings (and when the source is unknown).
#[must_use]
pub fn flagged_text(d: &Diagnostic, source: Option<&str>) -> String {
    let (Some(span), Some(src)) = (d.span, source) else {
        return blank_numbers(&d.message);
    };
    if span.is_empty() {
        let start = src
            .get(..span.start)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let end = src
            .get(span.start..)
            .and_then(|s| s.find('\n'))
            .map_or(src.len(), |i| span.start + i);
        let line = src.get(start..end).unwrap_or("");
        if line.trim().is_empty() {
            return blank_numbers(&d.message);
        }
        return normalize_text(line);
    }
    match src.get(span.start..span.end) {
        Some(t) if !t.trim().is_empty() => normalize_text(t),
        _ => blank_numbers(&d.message),
    }
}

/// Computes fingerprints for diagnostics, reading file texts from the run's kept sources, else
/// from disk. Only the last file read is kept, so diagnostics sorted by path (as reports are)
/// read each file once. Paths that are URLs or unreadable fall back to message keys.
pub struct Fingerprinter<'a> {
    sources: &'a BTreeMap<String, String>,
    last: Option<(String, Option<String>)>,
}

impl<'a> Fingerprinter<'a> {
    #[must_use]
    pub fn new(sources: &'a BTreeMap<String, String>) -> Self {
        Self {
            sources,
            last: None,
        }
    }

    /// The fingerprint of `d`, with `path_key` standing for its path (a path relative to the
    /// baseline's or the repository's folder).
    pub fn fingerprint(&mut self, d: &Diagnostic, path_key: &str) -> String {
        let text = if d.span.is_none() {
            blank_numbers(&d.message)
        } else if let Some(src) = self.sources.get(&d.path) {
            flagged_text(d, Some(src))
        } else {
            if self.last.as_ref().is_none_or(|(p, _)| *p != d.path) {
                self.last = Some((d.path.clone(), read_text(&d.path)));
            }
            flagged_text(d, self.last.as_ref().and_then(|(_, s)| s.as_deref()))
        };
        fingerprint(&d.rule, path_key, &text)
    }
}

fn read_text(path: &str) -> Option<String> {
    if path.contains("://") {
        return None;
    }
    std::fs::read(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

/// One accepted finding (or several identical ones) in a baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Path relative to the baseline file's folder (or as reported, for URLs and other trees).
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// How many identical findings the entry covers.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
    /// The first finding's message, for people reading the file.
    #[serde(default)]
    pub message: String,
}

fn one() -> usize {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(n: &usize) -> bool {
    *n == 1
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub tool: String,
    /// The fingerprint scheme the entries were made with.
    pub fingerprint_version: u32,
    pub findings: Vec<Entry>,
}

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("baseline {path} is not a geolint baseline: {message}")]
    Parse { path: String, message: String },
    #[error("baseline {path} was written with fingerprint version {found}; this geolint uses version {FINGERPRINT_VERSION}: write it again with --write-baseline")]
    Version { path: String, found: u32 },
    #[error("cannot write baseline {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Maps reported paths to paths relative to a baseline file's folder, so a baseline works
/// whichever folder geolint runs from.
pub struct PathKeys {
    base: Option<PathBuf>,
    cache: HashMap<String, Option<String>>,
}

impl PathKeys {
    /// Keys relative to the folder of the baseline file at `file`.
    #[must_use]
    pub fn for_file(file: &Path) -> Self {
        let dir = file.parent().filter(|p| !p.as_os_str().is_empty());
        let base = std::fs::canonicalize(dir.unwrap_or_else(|| Path::new(".")))
            .or_else(|_| std::env::current_dir())
            .ok();
        Self {
            base,
            cache: HashMap::new(),
        }
    }

    /// Keys relative to `base` (already canonical), e.g. the repository root.
    #[must_use]
    pub fn relative_to(base: Option<PathBuf>) -> Self {
        Self {
            base,
            cache: HashMap::new(),
        }
    }

    /// The key of a reported path: relative to the base with `/` separators when it lies
    /// under it, else the path as reported.
    pub fn key(&mut self, path: &str) -> String {
        self.relative(path).unwrap_or_else(|| path.to_string())
    }

    /// The path relative to the base, if the file exists and lies under it.
    pub fn relative(&mut self, path: &str) -> Option<String> {
        if let Some(k) = self.cache.get(path) {
            return k.clone();
        }
        let rel = self
            .base
            .as_ref()
            .filter(|_| !path.contains("://"))
            .and_then(|base| {
                let abs = std::fs::canonicalize(path).ok()?;
                let rel = abs.strip_prefix(base).ok()?;
                Some(rel.to_string_lossy().replace('\\', "/"))
            });
        self.cache.insert(path.to_string(), rel.clone());
        rel
    }
}

impl Baseline {
    /// A baseline recording `diagnostics`, with paths relative to the folder of `file`.
    #[must_use]
    pub fn record(
        diagnostics: &[Diagnostic],
        sources: &BTreeMap<String, String>,
        file: &Path,
    ) -> Self {
        let mut keys = PathKeys::for_file(file);
        let mut fp = Fingerprinter::new(sources);
        let mut grouped: BTreeMap<(String, String, String), Entry> = BTreeMap::new();
        for d in diagnostics {
            let path = keys.key(&d.path);
            let fingerprint = fp.fingerprint(d, &path);
            grouped
                .entry((path.clone(), d.rule.clone(), fingerprint.clone()))
                .and_modify(|e| e.count += 1)
                .or_insert_with(|| Entry {
                    path,
                    rule: d.rule.clone(),
                    fingerprint,
                    count: 1,
                    message: d.message.clone(),
                });
        }
        Self {
            tool: "geolint".to_string(),
            fingerprint_version: FINGERPRINT_VERSION,
            findings: grouped.into_values().collect(),
        }
    }

    /// Parse a baseline file's text.
    pub fn parse(text: &str, path: &Path) -> Result<Self, BaselineError> {
        let shown = path.display().to_string();
        let baseline: Self = serde_json::from_str(text).map_err(|e| BaselineError::Parse {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        if baseline.tool != "geolint" {
            return Err(BaselineError::Parse {
                path: shown,
                message: format!("`tool` is {:?}, expected \"geolint\"", baseline.tool),
            });
        }
        if baseline.fingerprint_version != FINGERPRINT_VERSION {
            return Err(BaselineError::Version {
                path: shown,
                found: baseline.fingerprint_version,
            });
        }
        Ok(baseline)
    }

    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Write the baseline as pretty JSON with a final newline.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let mut text = serde_json::to_string_pretty(self).map_err(|e| BaselineError::Write {
            path: path.display().to_string(),
            source: std::io::Error::other(e),
        })?;
        text.push('\n');
        std::fs::write(path, text).map_err(|source| BaselineError::Write {
            path: path.display().to_string(),
            source,
        })
    }

    /// Number of findings recorded (counting repeats).
    #[must_use]
    pub fn len(&self) -> usize {
        self.findings.iter().map(|e| e.count).sum()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drop from `diagnostics` the findings the baseline records (at most `count` per entry,
    /// in report order); return how many were dropped. `file` is where the baseline lives.
    pub fn filter(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
        sources: &BTreeMap<String, String>,
        file: &Path,
    ) -> usize {
        let mut budget: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.findings {
            *budget
                .entry((e.path.clone(), e.rule.clone(), e.fingerprint.clone()))
                .or_default() += e.count;
        }
        let mut keys = PathKeys::for_file(file);
        let mut fp = Fingerprinter::new(sources);
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let path = keys.key(&d.path);
            let fingerprint = fp.fingerprint(d, &path);
            match budget.get_mut(&(path, d.rule.clone(), fingerprint)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - diagnostics.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Finding, Level};
    use crate::span::{LineIndex, Span};

    fn diag(rule: &'static str, path: &str, src: &str, span: Option<Span>) -> Diagnostic {
        let lines = LineIndex::new(src);
        Diagnostic::from_finding(
            Finding::new(rule, "found 2 h1 headings").maybe_at(span),
            Level::Error,
            path,
            src,
            &lines,
        )
    }

    fn span_of(src: &str, needle: &str) -> Span {
        let start = src.find(needle).expect("needle in source");
        Span::new(start, start + needle.len())
    }

    #[test]
    fn fingerprint_survives_shifted_lines() {
        let before = "---\ntitle: x\n---\n# Een\n\n# Twee\n";
        let after = "---\ntitle: x\n---\nNieuwe intro.\n\nNog een alinea.\n\n# Een\n\n# Twee\n";
        let a = diag(
            "heading/single-h1",
            "a.md",
            before,
            Some(span_of(before, "# Twee")),
        );
        let b = diag(
            "heading/single-h1",
            "a.md",
            after,
            Some(span_of(after, "# Twee")),
        );
        assert_ne!(a.start, b.start, "the edit moved the finding");
        let fa = fingerprint(&a.rule, "a.md", &flagged_text(&a, Some(before)));
        let fb = fingerprint(&b.rule, "a.md", &flagged_text(&b, Some(after)));
        assert_eq!(fa, fb);
        assert_eq!(fa.len(), 32);
        assert!(fa.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn fingerprint_survives_reflowed_whitespace() {
        assert_eq!(
            fingerprint("r/x", "a.md", "een  lange\nzin"),
            fingerprint("r/x", "a.md", " een lange zin ")
        );
    }

    #[test]
    fn fingerprint_changes_with_rule_path_and_text() {
        let base = fingerprint("heading/single-h1", "a.md", "# Twee");
        assert_ne!(base, fingerprint("heading/empty", "a.md", "# Twee"));
        assert_ne!(base, fingerprint("heading/single-h1", "b.md", "# Twee"));
        assert_ne!(base, fingerprint("heading/single-h1", "a.md", "# Drie"));
        // Parts are separated, so moving a character between them changes the hash.
        assert_ne!(fingerprint("ab", "c", "d"), fingerprint("a", "bc", "d"));
    }

    #[test]
    fn fingerprint_is_stable_across_releases() {
        // Pinned: a change here breaks every baseline users have written.
        assert_eq!(
            fingerprint("heading/single-h1", "content/blog/a.md", "# Twee"),
            fingerprint("heading/single-h1", "content/blog/a.md", "#   Twee")
        );
        assert_eq!(
            fingerprint("heading/single-h1", "content/blog/a.md", "# Twee"),
            PINNED
        );
    }

    /// `printf 'geolint/v1\0heading/single-h1\0content/blog/a.md\0# Twee' | sha256sum`, first 32 digits.
    const PINNED: &str = "6267b78c85a5d34f5f57122abdd18596";

    #[test]
    fn whole_file_findings_ignore_numbers() {
        assert_eq!(
            blank_numbers("found 300 words; blog pages need 1000-1800"),
            "found # words; blog pages need #-#"
        );
        let src = "tekst\n";
        let mut a = diag("content/word-count", "a.md", src, None);
        a.message = "found 300 words".into();
        let mut b = a.clone();
        b.message = "found 310 words".into();
        assert_eq!(flagged_text(&a, Some(src)), flagged_text(&b, Some(src)));
    }

    #[test]
    fn empty_span_uses_its_line() {
        let src = "eerste\n[link]()\nderde\n";
        let at = src.find("()").expect("parens") + 1;
        let d = diag("link/empty-href", "a.md", src, Some(Span::new(at, at)));
        assert_eq!(flagged_text(&d, Some(src)), "[link]()");
    }

    #[test]
    fn baseline_absorbs_recorded_findings_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("page.md");
        let src = "# Een\n\n# Twee\n\n# Twee\n";
        std::fs::write(&file, src).expect("write page");
        let path = file.to_string_lossy().to_string();
        let first = src.find("# Twee").expect("first");
        let second = src.rfind("# Twee").expect("second");
        let d1 = diag(
            "heading/single-h1",
            &path,
            src,
            Some(Span::new(first, first + 6)),
        );
        let d2 = diag(
            "heading/single-h1",
            &path,
            src,
            Some(Span::new(second, second + 6)),
        );
        let baseline_file = dir.path().join("geolint-baseline.json");
        let sources = BTreeMap::new();
        let baseline = Baseline::record(std::slice::from_ref(&d1), &sources, &baseline_file);
        assert_eq!(baseline.findings.len(), 1);
        assert_eq!(baseline.findings[0].path, "page.md");
        // The same text twice: the baseline held one, so one stays reported.
        let mut diags = vec![d1.clone(), d2.clone()];
        assert_eq!(baseline.filter(&mut diags, &sources, &baseline_file), 1);
        assert_eq!(diags, vec![d2.clone()]);
        // Recording both gives a count of 2 that absorbs both.
        let both = Baseline::record(&[d1.clone(), d2.clone()], &sources, &baseline_file);
        assert_eq!(both.findings.len(), 1);
        assert_eq!(both.findings[0].count, 2);
        assert_eq!(both.len(), 2);
        let mut diags = vec![d1, d2];
        assert_eq!(both.filter(&mut diags, &sources, &baseline_file), 2);
        assert!(diags.is_empty());
    }

    #[test]
    fn baseline_round_trips_and_rejects_bad_files() {
        let b = Baseline {
            tool: "geolint".into(),
            fingerprint_version: FINGERPRINT_VERSION,
            findings: vec![Entry {
                path: "a.md".into(),
                rule: "heading/single-h1".into(),
                fingerprint: "abc".into(),
                count: 1,
                message: "m".into(),
            }],
        };
        let text = serde_json::to_string(&b).expect("serialise");
        assert!(!text.contains("count"), "a count of 1 is left out: {text}");
        assert_eq!(
            Baseline::parse(&text, Path::new("b.json")).expect("parse"),
            b
        );
        let err = Baseline::parse("[1, 2]", Path::new("b.json")).expect_err("not a baseline");
        assert!(err
            .to_string()
            .starts_with("baseline b.json is not a geolint baseline: "));
        let old = text.replace("\"fingerprint_version\":1", "\"fingerprint_version\":0");
        let err = Baseline::parse(&old, Path::new("b.json")).expect_err("old version");
        assert!(err.to_string().contains("fingerprint version 0"), "{err}");
    }
}
