//! Findings as rules report them, and diagnostics as users see them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::fix::Fix;
use crate::span::{LineCol, LineIndex, Span};

/// Severity of a diagnostic, or `Off` for a disabled rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "off" => Some(Self::Off),
            "info" => Some(Self::Info),
            "warning" | "warn" => Some(Self::Warning),
            "error" => Some(Self::Error),
            _ => None,
        }
    }

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule reports: a message about a span (or the whole file), with optional help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub message: String,
    pub span: Option<Span>,
    pub help: Option<String>,
    /// Override of the rule's configured level for this finding (e.g. a note about drafts).
    pub level: Option<Level>,
    /// A proposed change that resolves the finding (see `crate::fix`).
    pub fix: Option<Fix>,
}

impl Finding {
    #[must_use]
    pub fn new(rule: &'static str, message: impl Into<String>) -> Self {
        Self {
            rule,
            message: message.into(),
            span: None,
            help: None,
            level: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn maybe_at(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn level(mut self, level: Level) -> Self {
        self.level = Some(level);
        self
    }

    /// Attach a fix (`None` leaves the finding without one).
    #[must_use]
    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// A finding resolved to a file, a level and positions: what reporters print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Level,
    pub message: String,
    pub path: String,
    pub span: Option<Span>,
    pub start: Option<LineCol>,
    pub end: Option<LineCol>,
    pub help: Option<String>,
    pub url: Option<String>,
    /// The finding's fix, if its rule offers one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Resolve a finding against its file's text.
    #[must_use]
    pub fn from_finding(
        finding: Finding,
        level: Level,
        path: &str,
        source: &str,
        lines: &LineIndex,
    ) -> Self {
        let span = finding.span.map(|s| {
            Span::new(
                s.start.min(source.len()),
                s.end.min(source.len()).max(s.start.min(source.len())),
            )
        });
        let (start, end) = match span {
            Some(s) => (
                Some(lines.line_col(source, s.start)),
                Some(lines.line_col(source, s.end)),
            ),
            None => (None, None),
        };
        Self {
            rule: finding.rule.to_string(),
            severity: level,
            message: finding.message,
            path: path.to_string(),
            span,
            start,
            end,
            help: finding.help,
            url: None,
            fix: finding.fix,
        }
    }

    /// Sort key: path, byte start (whole-file findings first), rule.
    #[must_use]
    pub fn sort_key(&self) -> (&str, Option<usize>, &str) {
        (&self.path, self.span.map(|s| s.start), &self.rule)
    }
}

/// Sort diagnostics as the SPEC orders them.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
}
