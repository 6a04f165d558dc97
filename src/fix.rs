//! Fixes: what a rule proposes to change, and applying fixes to a file.
//!
//! A [`Finding`](crate::diagnostic::Finding) may carry a [`Fix`]: a description, a safety class
//! and a list of byte-range [`Edit`]s into the file as read. `geolint check --fix` applies the safe
//! fixes (`--unsafe-fixes` the others), the language server offers them as code actions.
//!
//! Applying is done in passes, as ruff does: the fixes of one lint are sorted by their first
//! edit (then by rule id), a fix whose edits overlap an already accepted fix waits for the next
//! pass, the accepted edits are applied back to front, and the text is linted again; this repeats
//! until no fix is left or [`MAX_PASSES`] is reached. A fix never edits front matter or code
//! unless it says so ([`Fix::structural`]), and a pass whose result no longer parses front matter
//! that parsed before, or changes the text of a code block, is thrown away.

use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::span::Span;

/// How many lint-and-fix passes a file gets at most.
pub const MAX_PASSES: usize = 10;

/// Whether a fix can be applied without a human looking at it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// The meaning of the text is kept; `--fix` applies it.
    Safe,
    /// The fix may change meaning or needs review; only `--fix --unsafe-fixes` applies it.
    Unsafe,
}

impl Safety {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes of `span` with `replacement` (an empty span inserts, an empty replacement
/// deletes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Read back from the JSON form (site indexes of sharded runs carry fixes).
impl<'de> serde::Deserialize<'de> for Edit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            byte_start: usize,
            byte_end: usize,
            replacement: String,
        }
        let raw = Raw::deserialize(d)?;
        Ok(Self {
            span: Span::new(raw.byte_start, raw.byte_end),
            replacement: raw.replacement,
        })
    }
}

/// In JSON: `{"byte_start": 4, "byte_end": 19, "replacement": ""}`.
impl Serialize for Edit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("byte_start", &self.span.start)?;
        m.serialize_entry("byte_end", &self.span.end)?;
        m.serialize_entry("replacement", &self.replacement)?;
        m.end()
    }
}

impl Edit {
    #[must_use]
    pub fn delete(span: Span) -> Self {
        Self {
            span,
            replacement: String::new(),
        }
    }

    #[must_use]
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
        }
    }

    #[must_use]
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Self::replace(Span::new(at, at), text)
    }

    fn conflicts(&self, other: &Edit) -> bool {
        self.span.overlaps(other.span)
            || (self.span.start == other.span.start
                && (self.span.is_empty() || other.span.is_empty()))
    }
}

/// A proposed change for one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Fix {
    /// What the fix does, lowercase, e.g. "remove the citation marker".
    pub description: String,
    pub safety: Safety,
    /// Non-overlapping edits, in any order.
    pub edits: Vec<Edit>,
    /// The fix edits front matter, code or JSON-LD on purpose (e.g. generated `FAQPage` JSON-LD);
    /// other fixes are refused there.
    /// In JSON only when true (site indexes must carry it back).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub structural: bool,
}

impl Fix {
    #[must_use]
    pub fn safe(description: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            description: description.into(),
            safety: Safety::Safe,
            edits,
            structural: false,
        }
    }

    #[must_use]
    pub fn unsafe_(description: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            safety: Safety::Unsafe,
            ..Self::safe(description, edits)
        }
    }

    /// Allow the fix to edit front matter, code and JSON-LD.
    #[must_use]
    pub fn structural(mut self) -> Self {
        self.structural = true;
        self
    }

    /// The edits sorted by position.
    fn sorted_edits(&self) -> Vec<&Edit> {
        let mut e: Vec<&Edit> = self.edits.iter().collect();
        e.sort_by_key(|e| (e.span.start, e.span.end));
        e
    }

    /// Whether every edit lies inside `source` on char boundaries and no two edits overlap.
    fn is_valid_for(&self, source: &str) -> bool {
        let edits = self.sorted_edits();
        edits.iter().all(|e| {
            e.span.start <= e.span.end
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
        }) && edits.windows(2).all(|w| match w {
            [a, b] => !a.conflicts(b),
            _ => true,
        }) && !edits.is_empty()
    }
}

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// Safe fixes only (`--fix`).
    Safe,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    All,
}

impl Applicability {
    #[must_use]
    pub fn allows(self, safety: Safety) -> bool {
        self == Self::All || safety == Safety::Safe
    }
}

/// Regions of `doc` that fixes leave alone unless they are structural: front matter, code, and
/// JSON-LD.
#[must_use]
pub fn protected_regions(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = doc.code.clone();
    if doc.body.start > 0 {
        out.push(Span::new(0, doc.body.start));
    }
    out.extend(doc.jsonld.iter().map(|j| j.span));
    out
}

/// Apply as many of `fixes` to `source` as do not conflict with each other or with `protected`.
/// Returns the new text and how many fixes were applied.
#[must_use]
pub fn apply_once(source: &str, fixes: &[&Fix], protected: &[Span]) -> (String, usize) {
    let mut order: Vec<&Fix> = fixes.to_vec();
    order.sort_by(|a, b| {
        let ka = a.sorted_edits().first().map(|e| (e.span.start, e.span.end));
        let kb = b.sorted_edits().first().map(|e| (e.span.start, e.span.end));
        ka.cmp(&kb).then_with(|| a.description.cmp(&b.description))
    });
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in order {
        if !fix.is_valid_for(source) {
            continue;
        }
        let touches_protected = !fix.structural
            && fix.edits.iter().any(|e| {
                protected.iter().any(|p| {
                    p.overlaps(e.span) || (e.span.is_empty() && p.contains_offset(e.span.start))
                })
            });
        if touches_protected {
            continue;
        }
        if fix
            .edits
            .iter()
            .any(|e| accepted.iter().any(|a| a.conflicts(e)))
        {
            continue;
        }
        accepted.extend(fix.edits.iter());
        applied += 1;
    }
    accepted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0;
    for e in accepted {
        out.push_str(source.get(pos..e.span.start).unwrap_or(""));
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(source.get(pos..).unwrap_or(""));
    (out, applied)
}

/// The result of fixing one file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    /// Lint-and-fix passes run.
    pub passes: usize,
    /// False when fixes were still proposed after [`MAX_PASSES`] passes.
    pub converged: bool,
    /// True when a pass was thrown away because it broke front matter or a code block.
    pub refused: bool,
}

/// Fix a document's text: lint it with the per-document rules, apply the fixes allowed by
/// `which`, lint again, until nothing changes. `first`, when given, are the diagnostics of the
/// first pass (those of the whole run, site-wide findings included); later passes lint the
/// document alone. `rel_paths` are the relative forms of the path for content-type globs.
#[must_use]
pub fn fix_text(
    doc: &Document,
    config: &Config,
    rel_paths: &[String],
    which: Applicability,
    first: Option<&[Diagnostic]>,
) -> Fixed {
    let format = doc.format.unwrap_or(Format::Markdown);
    let mut current = doc.clone();
    let mut applied = 0;
    let mut first = first;
    for pass in 1..=MAX_PASSES {
        let diags = match first.take() {
            Some(d) => d.to_vec(),
            None => crate::lint::lint_document(&current, config, rel_paths).0,
        };
        let fixes: Vec<&Fix> = diags
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| which.allows(f.safety))
            .collect();
        if fixes.is_empty() {
            return Fixed {
                text: current.source,
                applied,
                passes: pass - 1,
                converged: true,
                refused: false,
            };
        }
        let (text, n) = apply_once(&current.source, &fixes, &protected_regions(&current));
        if n == 0 || text == current.source {
            return Fixed {
                text: current.source,
                applied,
                passes: pass - 1,
                converged: true,
                refused: false,
            };
        }
        let next = crate::source::parse(
            current.path.clone(),
            current.display_path.clone(),
            format,
            text,
        );
        if breaks_structure(&current, &next) {
            return Fixed {
                text: current.source,
                applied,
                passes: pass - 1,
                converged: true,
                refused: true,
            };
        }
        applied += n;
        current = next;
    }
    Fixed {
        text: current.source,
        applied,
        passes: MAX_PASSES,
        converged: false,
        refused: false,
    }
}

/// Whether `after` lost what `before` had: front matter that parsed, or code blocks as written.
fn breaks_structure(before: &Document, after: &Document) -> bool {
    let fm_broke = before.front_matter.is_some()
        && before.front_matter_error.is_none()
        && (after.front_matter.is_none() || after.front_matter_error.is_some());
    let code =
        |d: &Document| -> Vec<String> { d.code.iter().map(|s| d.text(*s).to_string()).collect() };
    fm_broke || code(before) != code(after)
}

/// A unified diff of `old` → `new` for `path` (empty when equal).
#[must_use]
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Why a fixed file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} changed on disk while it was being fixed; run again")]
    Changed { path: String },
}

/// Write `text` to `path` atomically: into a temporary file in the same folder, flushed to disk,
/// with the original's permissions, then renamed over the original. On any error the original is
/// left as it was. `expected` is the text the fix started from: when the file no longer holds it,
/// nothing is written.
pub fn write_atomic(path: &Path, expected: &str, text: &str) -> Result<(), WriteError> {
    write_atomic_with(path, expected, |f| f.write_all(text.as_bytes()))
}

/// [`write_atomic`] with the writing step given as a closure (tests inject failures here).
pub fn write_atomic_with(
    path: &Path,
    expected: &str,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    let io = |source: std::io::Error| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let on_disk = std::fs::read(path).map_err(io)?;
    if on_disk != expected.as_bytes() {
        return Err(WriteError::Changed { path: shown });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".geolint-fix-")
        .tempfile_in(dir)
        .map_err(io)?;
    write(tmp.as_file_mut()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// The bounds of the line around `span`: from after the previous `\n` to before the next one.
fn line_bounds(source: &str, span: Span) -> (usize, usize) {
    let start = source
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = source
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(source.len(), |i| span.end + i);
    (start, end)
}

/// The span of the whole line around `span` with one line break: the one after it, or when it is
/// the last line, the one before it.
#[must_use]
pub fn whole_line(source: &str, span: Span) -> Span {
    let (start, end) = line_bounds(source, span);
    if end < source.len() {
        Span::new(start, end + 1)
    } else {
        Span::new(start.saturating_sub(1), end)
    }
}

/// An edit that deletes `span` from running text and tidies the white space around it: when it
/// is alone on its line the line goes; otherwise the spaces before it go when it is followed by
/// punctuation, white space, the end of the line or (`then_removed`) by text that is removed
/// too; at the start of a line the spaces after it go.
#[must_use]
pub fn delete_from_text(source: &str, span: Span, then_removed: bool) -> Edit {
    let (line_start, line_end) = line_bounds(source, span);
    let before = source.get(line_start..span.start).unwrap_or("");
    let after = source.get(span.end..line_end).unwrap_or("");
    if before.trim().is_empty() && after.trim().is_empty() {
        return Edit::delete(whole_line(source, span));
    }
    let spaces_before = before.len() - before.trim_end_matches([' ', '\t']).len();
    let next = after.chars().next();
    let closes = next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’'
            )
    });
    if before.trim().is_empty() {
        let spaces_after = after.len() - after.trim_start_matches([' ', '\t']).len();
        return Edit::delete(Span::new(span.start, span.end + spaces_after));
    }
    if spaces_before > 0 && (closes || then_removed) {
        return Edit::delete(Span::new(span.start - spaces_before, span.end));
    }
    Edit::delete(span)
}

/// A fix that puts generated JSON-LD into a page: the hook for `faq/schema-mismatch` and a
/// missing `FAQPage` (the schema rules build `json`, e.g. with `geolint faq-schema`'s generator).
/// With `existing` (the content span of a `<script type="application/ld+json">` block) the
/// block's content is replaced; otherwise a new block goes before `</head>` of an HTML page
/// (else before `</body>`, else at the end) or at the end of a Markdown body. MDX gets no fix:
/// a raw `<script>` with braces is not valid JSX. Always unsafe (the visible FAQ may be what is
/// wrong) and structural (it edits JSON-LD on purpose).
#[must_use]
pub fn jsonld_fix(doc: &Document, json: &str, existing: Option<Span>) -> Option<Fix> {
    let json = json.trim();
    if let Some(span) = existing {
        doc.source.get(span.start..span.end)?;
        return Some(
            Fix::unsafe_(
                "replace the JSON-LD with the generated one",
                vec![Edit::replace(span, format!("\n{json}\n"))],
            )
            .structural(),
        );
    }
    let block = format!("<script type=\"application/ld+json\">\n{json}\n</script>\n");
    let src = &doc.source;
    let edit = match doc.format {
        Some(Format::Mdx) | None => return None,
        Some(Format::Html) => {
            let lower = src.to_ascii_lowercase();
            let at = lower
                .rfind("</head>")
                .or_else(|| lower.rfind("</body>"))
                .unwrap_or(src.len());
            Edit::insert(at, block)
        }
        Some(Format::Markdown) => {
            let sep = if src.is_empty() || src.ends_with("\n\n") {
                ""
            } else if src.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Edit::insert(src.len(), format!("{sep}{block}"))
        }
    };
    Some(Fix::unsafe_("add the generated JSON-LD", vec![edit]).structural())
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for fix tests in rule files.

    use super::{apply_once, protected_regions, Fix, MAX_PASSES};
    use crate::rules::testing::{doc, run};
    use crate::rules::Rule;

    /// Apply `rule`'s fixes (safe and unsafe) to `src` until none is left.
    pub fn fixed(rule: &dyn Rule, path: &str, src: &str) -> String {
        let mut text = src.to_string();
        for _ in 0..MAX_PASSES {
            let findings = run(rule, path, &text);
            let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
            let (next, n) = apply_once(&text, &fixes, &protected_regions(&doc(path, &text)));
            if n == 0 {
                break;
            }
            text = next;
        }
        text
    }

    /// Assert that fixing `failing` gives `passing`, on which `rule` is silent, and that fixing
    /// again changes nothing.
    pub fn assert_fix(rule: &dyn Rule, path: &str, failing: &str, passing: &str) {
        assert!(
            !run(rule, path, failing).is_empty(),
            "the failing case fails"
        );
        let out = fixed(rule, path, failing);
        assert_eq!(out, passing);
        assert!(run(rule, path, &out).is_empty(), "the fixed text passes");
        assert_eq!(fixed(rule, path, &out), out, "a second fix changes nothing");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(edits: &[(usize, usize, &str)]) -> Fix {
        Fix::safe(
            "test",
            edits
                .iter()
                .map(|&(s, e, r)| Edit::replace(Span::new(s, e), r))
                .collect(),
        )
    }

    #[test]
    fn applies_non_overlapping_edits_back_to_front() {
        let src = "abcdef";
        let a = fix(&[(0, 1, "X"), (4, 5, "")]);
        let b = fix(&[(2, 2, "+")]);
        let (out, n) = apply_once(src, &[&a, &b], &[]);
        assert_eq!((out.as_str(), n), ("Xb+cdf", 2));
    }

    #[test]
    fn overlapping_fix_waits_for_next_pass() {
        let src = "abcdef";
        let a = fix(&[(1, 4, "")]);
        let b = fix(&[(3, 5, "Z")]);
        let (out, n) = apply_once(src, &[&b, &a], &[]);
        assert_eq!((out.as_str(), n), ("aef", 1));
    }

    #[test]
    fn refuses_edits_in_protected_regions_and_off_char_boundaries() {
        let src = "é code";
        let bad = fix(&[(1, 2, "")]);
        let code = fix(&[(3, 7, "")]);
        let (out, n) = apply_once(src, &[&bad, &code], &[Span::new(3, 7)]);
        assert_eq!((out.as_str(), n), (src, 0));
        let (out, n) = apply_once(src, &[&code.clone().structural()], &[Span::new(3, 7)]);
        assert_eq!((out.as_str(), n), ("é ", 1));
    }

    fn delete(src: &str, what: &str, then_removed: bool) -> String {
        let start = src.find(what).expect("in source");
        let e = delete_from_text(src, Span::new(start, start + what.len()), then_removed);
        let (out, _) = apply_once(src, &[&Fix::safe("x", vec![e])], &[]);
        out
    }

    #[test]
    fn deleting_from_text_tidies_white_space() {
        assert_eq!(delete("AI [web:1].\n", "[web:1]", false), "AI.\n");
        assert_eq!(delete("Zie 【4†a】 en\n", "【4†a】", false), "Zie en\n");
        assert_eq!(
            delete("AI [web:1][web:2].\n", "[web:1]", true),
            "AI[web:2].\n"
        );
        assert_eq!(
            delete("AI [web:1][web:2].\n", "[web:1]", false),
            "AI [web:2].\n"
        );
        assert_eq!(delete("[web:1] Tekst\n", "[web:1]", false), "Tekst\n");
        assert_eq!(
            delete("Tekst\n  [web:1]\nmeer\n", "[web:1]", false),
            "Tekst\nmeer\n"
        );
        assert_eq!(delete("Tekst\n[web:1]", "[web:1]", false), "Tekst");
        assert_eq!(delete("woord[web:1]woord", "[web:1]", false), "woordwoord");
    }

    #[test]
    fn fixing_a_file_keeps_front_matter_and_code_and_converges() {
        let src = "---\ntitle: \"Kosten citeturn0search3\"\nlink: https://x.nl/?utm_source=chatgpt.com\n---\n# Kosten\n\n#### Per dag\n\nAI wordt goedkoper [web:1]\nsmb-gr.com\n.\n\n```md\n#### code [web:1]\nsmb-gr.com\n```\n\nZie [CBS](https://cbs.nl/?utm_source=chatgpt.com) en `[web:2]`.\n";
        let config = Config::builtin();
        let doc = crate::rules::testing::doc("a.md", src);
        let out = fix_text(&doc, &config, &[], Applicability::Safe, None);
        assert_eq!(
            out.text,
            "---\ntitle: \"Kosten citeturn0search3\"\nlink: https://x.nl/?utm_source=chatgpt.com\n---\n# Kosten\n\n## Per dag\n\nAI wordt goedkoper (bron: smb-gr.com).\n\n```md\n#### code [web:1]\nsmb-gr.com\n```\n\nZie [CBS](https://cbs.nl/) en `[web:2]`.\n"
        );
        assert_eq!(out.applied, 4);
        assert!(out.converged);
        let again = crate::rules::testing::doc("a.md", &out.text);
        let twice = fix_text(&again, &config, &[], Applicability::Safe, None);
        assert_eq!((twice.text.as_str(), twice.applied), (out.text.as_str(), 0));
    }

    #[test]
    fn jsonld_fix_inserts_or_replaces_blocks() {
        let json = "{\"@type\": \"FAQPage\"}";
        let md = crate::rules::testing::doc("a.md", "# FAQ\n\nTekst.\n");
        let f = jsonld_fix(&md, json, None).expect("a fix");
        assert_eq!((f.safety, f.structural), (Safety::Unsafe, true));
        let (out, _) = apply_once(&md.source, &[&f], &protected_regions(&md));
        assert_eq!(
            out,
            "# FAQ\n\nTekst.\n\n<script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n"
        );
        let html = crate::rules::testing::doc(
            "a.html",
            "<html><head><script type=\"application/ld+json\">{}</script></HEAD><body>x</body></html>",
        );
        let f = jsonld_fix(&html, json, None).expect("a fix");
        let (out, _) = apply_once(&html.source, &[&f], &protected_regions(&html));
        assert!(out.contains("</script><script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n</HEAD>"), "{out}");
        let block = html.jsonld.first().expect("a block").span;
        let f = jsonld_fix(&html, json, Some(block)).expect("a fix");
        let (out, n) = apply_once(&html.source, &[&f], &protected_regions(&html));
        assert_eq!(n, 1, "a structural fix may edit JSON-LD");
        assert!(out.starts_with("<html><head><script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script></HEAD>"), "{out}");
        let mdx = crate::rules::testing::doc("a.mdx", "# FAQ\n");
        assert_eq!(jsonld_fix(&mdx, json, None), None);
    }

    #[test]
    fn a_pass_that_breaks_front_matter_or_code_is_dropped() {
        let before =
            crate::rules::testing::doc("a.md", "---\ntitle: x\n---\n# T\n\n```\ncode\n```\n");
        let fm = crate::rules::testing::doc("a.md", "---\ntitle: [x\n---\n# T\n\n```\ncode\n```\n");
        let code =
            crate::rules::testing::doc("a.md", "---\ntitle: x\n---\n# T\n\n```\nkapot\n```\n");
        let fine =
            crate::rules::testing::doc("a.md", "---\ntitle: x\n---\n# Titel\n\n```\ncode\n```\n");
        assert!(breaks_structure(&before, &fm));
        assert!(breaks_structure(&before, &code));
        assert!(!breaks_structure(&before, &fine));
    }

    #[test]
    fn diff_is_unified() {
        let d = unified_diff("a.md", "x\ny\n", "x\nz\n");
        assert_eq!(d, "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n");
        assert_eq!(unified_diff("a.md", "x\n", "x\n"), "");
    }

    #[test]
    fn crash_while_writing_leaves_the_original_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("post.md");
        std::fs::write(&path, "origineel\n").expect("write");
        // The writer dies half way: an I/O error ...
        let r = write_atomic_with(&path, "origineel\n", |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(matches!(r, Err(WriteError::Io { .. })));
        // ... or a panic.
        let p = path.clone();
        let panicked = std::panic::catch_unwind(move || {
            let _ = write_atomic_with(&p, "origineel\n", |f| {
                f.write_all(b"half")?;
                panic!("simulated crash");
            });
        });
        assert!(panicked.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "origineel\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["post.md"], "no temporary file is left behind");
        write_atomic(&path, "origineel\n", "nieuw\n").expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "nieuw\n");
    }

    #[test]
    fn refuses_to_write_over_a_file_changed_meanwhile() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("post.md");
        std::fs::write(&path, "door iemand anders bewerkt\n").expect("write");
        let r = write_atomic(&path, "origineel\n", "nieuw\n");
        assert!(matches!(r, Err(WriteError::Changed { .. })));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "door iemand anders bewerkt\n"
        );
    }
}
