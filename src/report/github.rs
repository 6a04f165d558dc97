//! `--format github`: one GitHub Actions workflow command per finding, which GitHub shows as an
//! annotation on the file and lines of the pull request:
//!
//! ```text
//! ::error file=content/a.md,line=14,endLine=14,col=1,endColumn=32,title=heading/single-h1::found 2 h1 headings%0Ahelp: turn the second h1 into an h2
//! ```
//!
//! Errors become `::error`, warnings `::warning` and infos `::notice`. A span that ends with a
//! line's newline ends on that line (`endLine` one less, no `endColumn`), so a heading is
//! annotated on its own line rather than on two. The message and the
//! property values are escaped as `@actions/core` does (`%`, `\r`, `\n`, and in properties also
//! `:` and `,`), so every finding is exactly one line.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Level};

/// Escape a workflow command's message (the part after `::`).
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value (`file=…`, `title=…`).
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The command name of a level.
#[must_use]
pub const fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info | Level::Off => "notice",
    }
}

/// Render each diagnostic as one workflow command line.
#[must_use]
pub fn render(diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&line(d));
        out.push('\n');
    }
    out
}

/// One workflow command, without the newline.
#[must_use]
pub fn line(d: &Diagnostic) -> String {
    let mut props = format!("file={}", escape_property(&d.path));
    if let (Some(start), Some(end)) = (d.start, d.end) {
        if end.line > start.line && end.column == 1 {
            // The span ends with its line's newline (a heading, a paragraph): annotate up to
            // that line, whose end column the runner finds itself.
            let _ = write!(
                props,
                ",line={},endLine={},col={}",
                start.line,
                end.line - 1,
                start.column
            );
        } else {
            let _ = write!(
                props,
                ",line={},endLine={},col={},endColumn={}",
                start.line, end.line, start.column, end.column
            );
        }
    }
    let _ = write!(props, ",title={}", escape_property(&d.rule));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {props}::{}",
        command(d.severity),
        escape_data(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::span::{LineIndex, Span};

    /// Undo `escape_data` / `escape_property` (as the runner does).
    fn unescape(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    /// A workflow command line parsed as the runner reads it: command, properties, message.
    fn parse(line: &str) -> (String, Vec<(String, String)>, String) {
        let rest = line.strip_prefix("::").expect("starts with ::");
        let (head, message) = rest.split_once("::").expect("has a message");
        let (cmd, props) = head.split_once(' ').unwrap_or((head, ""));
        let props = props
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').expect("key=value");
                (k.to_string(), unescape(v))
            })
            .collect();
        (cmd.to_string(), props, unescape(message))
    }

    #[test]
    fn escapes_data_as_actions_core_does() {
        assert_eq!(
            escape_data("100% zeker\r\nja: a,b"),
            "100%25 zeker%0D%0Aja: a,b"
        );
        assert_eq!(
            escape_property("c:/blog/a,b%.md\n"),
            "c%3A/blog/a%2Cb%25.md%0A"
        );
        // `%` is escaped first, so an escape in the input is not mistaken for one of ours.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(unescape(&escape_property("%0A:,")), "%0A:,");
    }

    #[test]
    fn renders_one_line_per_finding_with_span() {
        let src = "# Een\n\n# Twee: deel 1, 2\n";
        let start = src.find("# Twee").expect("heading");
        let d = Diagnostic::from_finding(
            Finding::new(
                "heading/single-h1",
                "found 2 h1 headings; a page should have one",
            )
            .at(Span::new(start, src.len() - 1))
            .help("turn the second h1 into an h2\nof een h3"),
            Level::Error,
            "content/blog/a, b.md",
            src,
            &LineIndex::new(src),
        );
        let text = render(&[&d]);
        assert_eq!(
            text,
            "::error file=content/blog/a%2C b.md,line=3,endLine=3,col=1,endColumn=18,\
             title=heading/single-h1::found 2 h1 headings; a page should have one%0A\
             help: turn the second h1 into an h2%0Aof een h3\n"
        );
        assert_eq!(text.lines().count(), 1);
    }

    #[test]
    fn spans_ending_in_a_newline_end_on_their_line() {
        let src = "# Een\n\n# Twee\nTekst\n";
        let start = src.find("# Twee").expect("heading");
        let d = Diagnostic::from_finding(
            Finding::new("heading/single-h1", "found 2 h1 headings")
                .at(Span::new(start, start + 7)),
            Level::Error,
            "a.md",
            src,
            &LineIndex::new(src),
        );
        assert_eq!(d.end.map(|p| (p.line, p.column)), Some((4, 1)));
        assert_eq!(
            line(&d),
            "::error file=a.md,line=3,endLine=3,col=1,title=heading/single-h1::found 2 h1 headings"
        );
    }

    #[test]
    fn whole_file_findings_have_no_lines() {
        let d = Diagnostic::from_finding(
            Finding::new("content/word-count", "found 12 words"),
            Level::Info,
            "a.md",
            "",
            &LineIndex::new(""),
        );
        assert_eq!(
            line(&d),
            "::notice file=a.md,title=content/word-count::found 12 words"
        );
    }

    #[test]
    fn lines_parse_back_to_the_findings() {
        let src = "---\ntitle: \"x, y: z\"\n---\n100% [hier](a%20b.md)\r\nklik\n";
        let lines = LineIndex::new(src);
        let link = src.find("[hier]").expect("link");
        let diags = vec![
            Diagnostic::from_finding(
                Finding::new("meta/title-length", "title \"x, y: z\" has 7 characters")
                    .at(Span::new(11, 20))
                    .help("aim for 30-60 characters"),
                Level::Warning,
                "content/a:b,c%.md",
                src,
                &lines,
            ),
            Diagnostic::from_finding(
                Finding::new("link/generic-text", "100% generic\r\nlink text")
                    .at(Span::new(link, link + 21)),
                Level::Error,
                "content/a.md",
                src,
                &lines,
            ),
        ];
        let refs: Vec<&Diagnostic> = diags.iter().collect();
        let text = render(&refs);
        assert_eq!(text.lines().count(), diags.len());
        for (l, d) in text.lines().zip(&diags) {
            let (cmd, props, message) = parse(l);
            assert_eq!(cmd, command(d.severity));
            let get = |k: &str| {
                props
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            let num = |k: &str| get(k).and_then(|v| v.parse::<usize>().ok());
            assert_eq!(get("file").as_deref(), Some(d.path.as_str()));
            assert_eq!(get("title").as_deref(), Some(d.rule.as_str()));
            assert_eq!(num("line"), d.start.map(|p| p.line));
            assert_eq!(num("col"), d.start.map(|p| p.column));
            assert_eq!(num("endLine"), d.end.map(|p| p.line));
            assert_eq!(num("endColumn"), d.end.map(|p| p.column));
            assert!(
                d.end.is_some_and(|p| p.column > 1),
                "no newline-ended span here"
            );
            let (msg, help) = match message.split_once("\nhelp: ") {
                Some((m, h)) => (m.to_string(), Some(h.to_string())),
                None => (message.clone(), None),
            };
            assert_eq!(msg, d.message);
            assert_eq!(help, d.help);
        }
    }
}
