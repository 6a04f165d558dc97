//! `--format human`: miette-style snippets with the span underlined, rule id, help, and a
//! closing summary line.

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
    for d in diagnostics {
        render_one(
            &handler,
            d,
            outcome.sources.get(&d.path).map(String::as_str),
            &mut out,
        );
    }
    if !quiet {
        out.push_str(&summary_line(Summary::of(outcome), color));
    }
    out
}

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
