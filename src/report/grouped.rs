//! `--format human` for crawls: findings grouped under each page URL, one line each with the
//! line and column, severity, message and rule, then the help.

use std::fmt::Write as _;

use super::{plural, Summary};
use crate::diagnostic::{Diagnostic, Level};

/// Render diagnostics (sorted by path) grouped by path.
#[must_use]
pub fn render(diagnostics: &[&Diagnostic], color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for d in diagnostics {
        if current != Some(d.path.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", paint("1;4", &d.path));
            current = Some(&d.path);
        }
        let pos = d
            .start
            .map_or_else(|| "-".to_string(), |p| format!("{}:{}", p.line, p.column));
        let sev = match d.severity {
            Level::Error => paint("1;31", "error  "),
            Level::Warning => paint("1;33", "warning"),
            Level::Info | Level::Off => paint("1;34", "info   "),
        };
        let _ = writeln!(
            out,
            "  {pos:>8}  {sev}  {}  {}",
            d.message,
            paint("2", &d.rule)
        );
        if let Some(h) = &d.help {
            let _ = writeln!(out, "  {:>8}  {}", "", paint("2", &format!("help: {h}")));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// "✖ 25 pages crawled: 3 errors, 9 warnings, 1 info".
#[must_use]
pub fn summary_line(s: Summary, color: bool) -> String {
    super::human::summary_line(s, color).replacen(
        &format!("{} checked", plural(s.files, "file", "files")),
        &format!("{} crawled", plural(s.files, "page", "pages")),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineCol;

    fn diag(path: &str, rule: &str, line: Option<usize>) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Level::Warning,
            message: "m".into(),
            path: path.into(),
            span: None,
            start: line.map(|line| LineCol { line, column: 2 }),
            end: None,
            help: Some("h".into()),
            url: None,
            fix: None,
        }
    }

    #[test]
    fn groups_by_page() {
        let a = diag("https://x.nl/", "crawl/a", None);
        let b = diag("https://x.nl/", "crawl/b", Some(12));
        let c = diag("https://x.nl/b", "crawl/a", None);
        let text = render(&[&a, &b, &c], false);
        assert_eq!(
            text,
            "https://x.nl/\n         -  warning  m  crawl/a\n            help: h\n      12:2  warning  m  crawl/b\n            help: h\n\nhttps://x.nl/b\n         -  warning  m  crawl/a\n            help: h\n\n"
        );
        let s = Summary {
            files: 2,
            errors: 0,
            warnings: 3,
            infos: 0,
        };
        assert_eq!(
            summary_line(s, false),
            "⚠ 2 pages crawled: 0 errors, 3 warnings, 0 infos\n"
        );
    }
}
