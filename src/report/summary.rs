//! `--step-summary FILE`: a Markdown summary appended to a file, made for GitHub's
//! `$GITHUB_STEP_SUMMARY`: totals, findings per rule, and the pages with the most findings.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{plural, Summary};
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::Outcome;

/// How many pages the "worst pages" table lists.
pub const WORST_PAGES: usize = 10;

/// How many unreadable files the summary names (GitHub caps a step summary at 1 MiB).
pub const MAX_FILE_ERRORS: usize = 20;

/// Escape text for a Markdown table cell inside a code span.
fn cell_code(s: &str) -> String {
    let s = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.errors += 1,
            Level::Warning => self.warnings += 1,
            Level::Info => self.infos += 1,
            Level::Off => {}
        }
    }

    fn total(self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Render the summary. `note` is an extra line under the totals (e.g. the changed-files ref or
/// how many findings a baseline hid).
#[must_use]
pub fn render(outcome: &Outcome, diagnostics: &[&Diagnostic], notes: &[String]) -> String {
    let s = Summary::of(outcome);
    let mut out = String::from("## geolint\n\n");
    let mark = if s.errors > 0 {
        "❌"
    } else if s.warnings > 0 {
        "⚠️"
    } else {
        "✅"
    };
    let _ = writeln!(
        out,
        "{mark} {} checked: **{}**, **{}**, {}\n",
        plural(s.files, "file", "files"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos"),
    );
    for n in notes {
        let _ = writeln!(out, "{n}\n");
    }
    if !outcome.errors.is_empty() {
        let _ = writeln!(
            out,
            "**{} could not be read:**\n",
            plural(outcome.errors.len(), "file", "files")
        );
        for e in outcome.errors.iter().take(MAX_FILE_ERRORS) {
            let _ = writeln!(out, "- {}: {}", cell_code(&e.path), e.message);
        }
        if outcome.errors.len() > MAX_FILE_ERRORS {
            let _ = writeln!(
                out,
                "- …and {} more (see the log)",
                outcome.errors.len() - MAX_FILE_ERRORS
            );
        }
        out.push('\n');
    }
    if diagnostics.is_empty() {
        return out;
    }

    let mut by_rule: BTreeMap<&str, (Level, usize)> = BTreeMap::new();
    let mut by_page: BTreeMap<&str, Counts> = BTreeMap::new();
    for d in diagnostics {
        let e = by_rule.entry(&d.rule).or_insert((d.severity, 0));
        e.0 = e.0.max(d.severity);
        e.1 += 1;
        by_page.entry(&d.path).or_default().add(d.severity);
    }
    let mut rules: Vec<_> = by_rule.into_iter().collect();
    rules.sort_by(|a, b| {
        b.1 .0
            .cmp(&a.1 .0)
            .then(b.1 .1.cmp(&a.1 .1))
            .then(a.0.cmp(b.0))
    });
    out.push_str("### Findings per rule\n\n| rule | level | findings |\n|---|---|---:|\n");
    for (rule, (level, n)) in &rules {
        let _ = writeln!(out, "| {} | {level} | {n} |", cell_code(rule));
    }

    let mut pages: Vec<_> = by_page.into_iter().collect();
    pages.sort_by(|a, b| {
        (b.1.errors, b.1.warnings, b.1.total())
            .cmp(&(a.1.errors, a.1.warnings, a.1.total()))
            .then(a.0.cmp(b.0))
    });
    let _ = writeln!(
        out,
        "\n### Pages with the most findings\n\n| page | errors | warnings | infos |\n|---|---:|---:|---:|"
    );
    for (page, c) in pages.iter().take(WORST_PAGES) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell_code(page),
            c.errors,
            c.warnings,
            c.infos
        );
    }
    if pages.len() > WORST_PAGES {
        let _ = writeln!(
            out,
            "\n…and {} more.",
            plural(pages.len() - WORST_PAGES, "page", "pages")
        );
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::span::LineIndex;

    fn d(rule: &'static str, level: Level, path: &str) -> Diagnostic {
        Diagnostic::from_finding(
            Finding::new(rule, "m"),
            level,
            path,
            "",
            &LineIndex::new(""),
        )
    }

    #[test]
    fn counts_per_rule_and_worst_pages() {
        let diags = [
            d("heading/single-h1", Level::Error, "b.md"),
            d("meta/title-length", Level::Warning, "a.md"),
            d("meta/title-length", Level::Warning, "b.md"),
            d("content/word-count", Level::Warning, "a|c.md"),
        ];
        let refs: Vec<&Diagnostic> = diags.iter().collect();
        let outcome = Outcome {
            files: 3,
            diagnostics: diags.to_vec(),
            ..Outcome::default()
        };
        let md = render(&outcome, &refs, &["only files changed since `main`".into()]);
        assert_eq!(
            md,
            "## geolint\n\n\
             ❌ 3 files checked: **1 error**, **3 warnings**, 0 infos\n\n\
             only files changed since `main`\n\n\
             ### Findings per rule\n\n\
             | rule | level | findings |\n|---|---|---:|\n\
             | `heading/single-h1` | error | 1 |\n\
             | `meta/title-length` | warning | 2 |\n\
             | `content/word-count` | warning | 1 |\n\n\
             ### Pages with the most findings\n\n\
             | page | errors | warnings | infos |\n|---|---:|---:|---:|\n\
             | `b.md` | 1 | 1 | 0 |\n\
             | `a.md` | 0 | 1 | 0 |\n\
             | `a\\|c.md` | 0 | 1 | 0 |\n\n"
        );
    }

    #[test]
    fn unreadable_files_are_listed_up_to_a_cap() {
        let outcome = Outcome {
            files: 1,
            errors: (0..MAX_FILE_ERRORS + 3)
                .map(|i| crate::lint::FileError {
                    path: format!("kapot-{i:02}.md"),
                    message: "not valid UTF-8".into(),
                })
                .collect(),
            ..Outcome::default()
        };
        let md = render(&outcome, &[], &[]);
        assert!(
            md.contains("**23 files could not be read:**\n\n- `kapot-00.md`: not valid UTF-8\n")
        );
        assert!(md.contains("- `kapot-19.md`: not valid UTF-8\n- …and 3 more (see the log)\n"));
        assert!(!md.contains("kapot-20.md"));
    }

    #[test]
    fn clean_run_is_short() {
        let outcome = Outcome {
            files: 1,
            ..Outcome::default()
        };
        assert_eq!(
            render(&outcome, &[], &[]),
            "## geolint\n\n✅ 1 file checked: **0 errors**, **0 warnings**, 0 infos\n\n"
        );
    }
}
