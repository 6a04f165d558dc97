//! `--format json`, exactly as the SPEC shows it.

use serde::Serialize;

use super::Summary;
use crate::diagnostic::Diagnostic;
use crate::lint::Outcome;

#[derive(Serialize)]
struct Report<'a> {
    tool: &'static str,
    version: &'static str,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    byte_start: Option<usize>,
    byte_end: Option<usize>,
    help: Option<&'a str>,
    url: Option<&'a str>,
    /// Only present when the rule offers a fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a crate::fix::Fix>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Self {
            rule: &d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            path: &d.path,
            line: d.start.map(|p| p.line),
            column: d.start.map(|p| p.column),
            end_line: d.end.map(|p| p.line),
            end_column: d.end.map(|p| p.column),
            byte_start: d.span.map(|s| s.start),
            byte_end: d.span.map(|s| s.end),
            help: d.help.as_deref(),
            url: d.url.as_deref(),
            fix: d.fix.as_ref(),
        }
    }
}

/// Write the outcome as one pretty-printed JSON object (with a final newline) to `out`, without
/// building it in memory first (a report of a large site runs to tens of megabytes).
pub fn write(
    outcome: &Outcome,
    diagnostics: &[&Diagnostic],
    mut out: impl std::io::Write,
) -> serde_json::Result<()> {
    let report = Report {
        tool: "geolint",
        version: env!("CARGO_PKG_VERSION"),
        summary: Summary::of(outcome),
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic::from(*d))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut out, &report)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}

/// Render the outcome as one pretty-printed JSON object (with a final newline).
#[must_use]
pub fn render(outcome: &Outcome, diagnostics: &[&Diagnostic]) -> String {
    let mut out = Vec::new();
    match write(outcome, diagnostics, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}
