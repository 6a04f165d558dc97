//! `--format human`: miette-style snippets with the span underlined, rule id, help, and a
//! closing summary line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Severity,
};

use super::{plural, Summary};
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::Outcome;

/// Render diagnostics for a terminal (`color`) or a plain stream.
#[must_use]
pub fn render(outcome: &Outcome, diagnostics: &[&Diagnostic], color: bool, quiet: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_links(false)
        .without_primary_span_start()
        .with_context_lines(1);
    let mut out = String::new();
    // A rule that fires many times in one file (75 citation domains pasted from a chat) is shown
    // a few times with its snippet, then summed up with the lines of the rest: the writer needs
    // the pattern and the fix, not 75 identical boxes. JSON, SARIF and github list them all.
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut more: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let n = shown.entry(d.rule.as_str()).or_default();
        *n += 1;
        if *n <= SNIPPETS_PER_RULE_AND_FILE {
            render_one(
                &handler,
                d,
                outcome.sources.get(&d.path).map(String::as_str),
                &mut out,
            );
        } else {
            more.entry(d.rule.as_str())
                .or_default()
                .push(d.start.map_or(0, |p| p.line));
        }
        if diagnostics
            .get(i + 1)
            .is_none_or(|next| next.path != d.path)
        {
            for (rule, lines) in std::mem::take(&mut more) {
                let count = lines.len();
                let mut lines: Vec<usize> = lines.into_iter().filter(|l| *l > 0).collect();
                lines.dedup();
                let listed: Vec<String> = lines.iter().take(12).map(ToString::to_string).collect();
                let etc = if lines.len() > listed.len() {
                    ", …"
                } else {
                    ""
                };
                let word = if lines.len() == 1 { "line" } else { "lines" };
                let _ = writeln!(
                    out,
                    "  … and {count} more `{rule}` in {} ({word} {}{etc})\n",
                    d.path,
                    listed.join(", ")
                );
            }
            shown.clear();
        }
    }
    if !quiet {
        out.push_str(&summary_line(Summary::of(outcome), color));
    }
    out
}

/// How many findings of one rule in one file the human report shows with a snippet.
const SNIPPETS_PER_RULE_AND_FILE: usize = 3;

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info | Level::Off => Severity::Advice,
    }
}

#[allow(clippy::single_match_else)]
fn render_one(
    handler: &GraphicalReportHandler,
    d: &Diagnostic,
    source: Option<&str>,
    out: &mut String,
) {
    let mut diag = MietteDiagnostic::new(d.message.clone())
        .with_code(d.rule.clone())
        .with_severity(severity(d.severity));
    let fix_note = d.fix.as_ref().map(|f| match f.safety {
        crate::fix::Safety::Safe => format!("fix: {} (`--fix`)", f.description),
        crate::fix::Safety::Unsafe => {
            format!("fix: {} (`--fix --unsafe-fixes`)", f.description)
        }
    });
    match (&d.help, fix_note) {
        (Some(h), Some(n)) => diag = diag.with_help(format!("{h}\n{n}")),
        (Some(h), None) => diag = diag.with_help(h.clone()),
        (None, Some(n)) => diag = diag.with_help(n),
        (None, None) => {}
    }
    match (d.span, source) {
        (Some(span), Some(src)) => {
            // An empty span still gets a one-character marker.
            let len = if span.is_empty() {
                src.get(span.start..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8)
            } else {
                span.len()
            };
            diag = diag.with_label(LabeledSpan::new_with_span(None, (span.start, len)));
            let report = miette::Report::new(diag).with_source_code(NamedSource::new(
                d.start.map_or_else(
                    || d.path.clone(),
                    |p| format!("{}:{}:{}", d.path, p.line, p.column),
                ),
                src.to_string(),
            ));
            let _ = handler.render_report(out, report.as_ref());
        }
        _ => {
            let report = miette::Report::new(diag);
            let mut s = String::new();
            let _ = handler.render_report(&mut s, report.as_ref());
            // Name the file under the message line, where snippets show it.
            let mut lines = s.lines().peekable();
            while let Some(l) = lines.next() {
                let _ = writeln!(out, "{l}");
                if l.trim_start().starts_with(['×', '⚠', '☞', 'x', '!']) && !l.trim().is_empty()
                {
                    let _ = writeln!(out, "   ╭─[{}]", d.path);
                    let _ = writeln!(out, "   ╰────");
                    for rest in lines.by_ref() {
                        let _ = writeln!(out, "{rest}");
                    }
                    break;
                }
            }
        }
    }
    out.push('\n');
}

/// "12 files checked: 3 errors, 9 warnings, 1 info".
#[must_use]
pub fn summary_line(s: Summary, color: bool) -> String {
    let counts = format!(
        "{}, {}, {}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos")
    );
    let files = plural(s.files, "file", "files");
    let (mark, paint) = if s.errors > 0 {
        ("✖", "\x1b[1;31m")
    } else if s.warnings > 0 {
        ("⚠", "\x1b[1;33m")
    } else {
        ("✔", "\x1b[1;32m")
    };
    if color {
        format!("{paint}{mark}\x1b[0m {files} checked: {counts}\n")
    } else {
        format!("{mark} {files} checked: {counts}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{LineCol, Span};

    fn diag(path: &str, rule: &str, line: usize) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Level::Warning,
            message: format!("finding on line {line}"),
            path: path.into(),
            span: Some(Span::new(0, 1)),
            start: Some(LineCol { line, column: 1 }),
            end: Some(LineCol { line, column: 2 }),
            help: None,
            url: None,
            fix: None,
        }
    }

    #[test]
    fn repeated_findings_of_a_rule_in_a_file_are_summed_up_after_three() {
        let mut diags: Vec<Diagnostic> = (1..=5).map(|l| diag("a.md", "x/y", l)).collect();
        diags.push(diag("a.md", "x/z", 6));
        diags.push(diag("b.md", "x/y", 1));
        let refs: Vec<&Diagnostic> = diags.iter().collect();
        let mut outcome = Outcome::default();
        outcome.sources.insert("a.md".into(), "a\n".repeat(6));
        outcome.sources.insert("b.md".into(), "b\n".into());
        let text = render(&outcome, &refs, false, true);
        for shown in 1..=3 {
            assert!(text.contains(&format!("finding on line {shown}")), "{text}");
        }
        assert!(!text.contains("finding on line 4"), "{text}");
        assert!(
            text.contains("… and 2 more `x/y` in a.md (lines 4, 5)"),
            "{text}"
        );
        // Other rules and other files keep their own count.
        assert!(text.contains("finding on line 6"), "{text}");
        assert_eq!(text.matches("finding on line 1").count(), 2, "{text}");
    }
}
