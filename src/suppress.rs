//! Inline suppression: `<!-- geolint-disable … -->`, `-enable`, `-disable-next-line`,
//! `-disable-file`, and front matter `geolint: { disable: [...] }`.

use crate::diagnostic::Finding;
use crate::document::Document;
use crate::source::frontmatter::FmValue;
use crate::span::{LineIndex, Span};

/// Rule id reported for a suppression that names an unknown rule.
pub const UNKNOWN_RULE: &str = crate::rules::content::unknown_suppression::UnknownSuppression::ID;

/// Which rules a directive covers: all, or the listed ids.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Rules {
    All,
    Some(Vec<String>),
}

impl Rules {
    fn covers(&self, rule: &str) -> bool {
        match self {
            Rules::All => true,
            Rules::Some(ids) => ids.iter().any(|i| i == rule),
        }
    }
}

/// The suppressions of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppressions {
    file: Vec<Rules>,
    ranges: Vec<(Rules, Span)>,
    /// (rules, 1-based line)
    lines: Vec<(Rules, usize)>,
}

impl Suppressions {
    /// Collect the directives of `doc`; unknown rule ids become findings in `unknown`.
    pub fn collect(
        doc: &Document,
        is_known: impl Fn(&str) -> bool,
        unknown: &mut Vec<Finding>,
    ) -> Self {
        let mut s = Self::default();
        let mut open: Vec<(Rules, usize)> = Vec::new();
        let mut comments: Vec<_> = doc.comments.iter().collect();
        comments.sort_by_key(|c| c.span.start);
        for c in comments {
            let text = c.text.trim();
            let Some(rest) = text.strip_prefix("geolint-") else {
                continue;
            };
            let (directive, args) = rest
                .split_once(char::is_whitespace)
                .map_or((rest, ""), |(d, a)| (d, a.trim()));
            let rules = parse_ids(args, c.span, &is_known, unknown);
            match directive {
                "disable" => open.push((rules, c.span.end)),
                "enable" => {
                    if args.is_empty() {
                        for (r, start) in open.drain(..) {
                            s.ranges.push((r, Span::new(start, c.span.start)));
                        }
                    } else {
                        let mut still = Vec::new();
                        for (r, start) in open.drain(..) {
                            match (&r, &rules) {
                                (Rules::Some(a), Rules::Some(b))
                                    if a.iter().all(|id| b.contains(id)) =>
                                {
                                    s.ranges.push((r, Span::new(start, c.span.start)));
                                }
                                _ => still.push((r, start)),
                            }
                        }
                        open = still;
                    }
                }
                "disable-next-line" => {
                    let line = doc.lines.line_col(&doc.source, c.span.end).line + 1;
                    s.lines.push((rules, line));
                }
                "disable-line" => {
                    let line = doc.lines.line_col(&doc.source, c.span.start).line;
                    s.lines.push((rules, line));
                }
                "disable-file" => s.file.push(rules),
                _ => unknown.push(
                    Finding::new(
                        UNKNOWN_RULE,
                        format!("unknown directive `geolint-{directive}`"),
                    )
                    .at(c.span)
                    .help("use geolint-disable, geolint-enable, geolint-disable-next-line or geolint-disable-file"),
                ),
            }
        }
        for (r, start) in open {
            s.ranges.push((r, Span::new(start, doc.source.len())));
        }
        // Front matter: geolint: { disable: [rule, ...] }
        if let Some(fm) = &doc.front_matter {
            if let Some(list) = fm.root.get_path("geolint.disable") {
                let items: Vec<_> = match &list.value {
                    FmValue::Seq(items) => items.iter().collect(),
                    FmValue::String(_) => vec![list],
                    _ => Vec::new(),
                };
                let mut ids = Vec::new();
                for item in items {
                    if let Some(id) = item.as_str() {
                        if is_known(id) {
                            ids.push(id.to_string());
                        } else {
                            unknown.push(unknown_finding(id, item.span));
                        }
                    }
                }
                s.file.push(Rules::Some(ids));
            }
        }
        s
    }

    /// Whether a finding of `rule` at `span` (starting on 1-based `line`) is suppressed.
    #[must_use]
    pub fn is_suppressed(&self, rule: &str, span: Option<Span>, line: Option<usize>) -> bool {
        if self.file.iter().any(|r| r.covers(rule)) {
            return true;
        }
        if let Some(span) = span {
            if self
                .ranges
                .iter()
                .any(|(r, range)| r.covers(rule) && range.contains_offset(span.start))
            {
                return true;
            }
        }
        if let Some(line) = line {
            if self.lines.iter().any(|(r, l)| *l == line && r.covers(rule)) {
                return true;
            }
        }
        false
    }

    /// Same, computing the line from a line index.
    #[must_use]
    pub fn suppresses(
        &self,
        rule: &str,
        span: Option<Span>,
        source: &str,
        lines: &LineIndex,
    ) -> bool {
        let line = span.map(|s| lines.line_col(source, s.start).line);
        self.is_suppressed(rule, span, line)
    }
}

fn unknown_finding(id: &str, span: Span) -> Finding {
    let suggestion = crate::rules::registry::closest(id)
        .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
    Finding::new(
        UNKNOWN_RULE,
        format!("suppression names unknown rule `{id}`{suggestion}"),
    )
    .at(span)
    .help("`geolint rules` lists every rule id")
}

fn parse_ids(
    args: &str,
    span: Span,
    is_known: &impl Fn(&str) -> bool,
    unknown: &mut Vec<Finding>,
) -> Rules {
    let ids: Vec<&str> = args
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        return Rules::All;
    }
    let mut known = Vec::new();
    for id in ids {
        if is_known(id) {
            known.push(id.to_string());
        } else {
            unknown.push(unknown_finding(id, span));
        }
    }
    Rules::Some(known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Comment;

    fn doc_with(src: &str) -> Document {
        let mut doc = Document {
            source: src.to_string(),
            lines: LineIndex::new(src),
            ..Document::default()
        };
        let mut from = 0;
        while let Some(i) = src.get(from..).and_then(|s| s.find("<!--")) {
            let start = from + i;
            let end = src[start..]
                .find("-->")
                .map_or(src.len(), |j| start + j + 3);
            doc.comments.push(Comment {
                text: src[start + 4..end - 3].to_string(),
                span: Span::new(start, end),
            });
            from = end;
        }
        doc
    }

    fn known(id: &str) -> bool {
        crate::rules::registry::find(id).is_some()
    }

    #[test]
    fn ranges_lines_and_file() {
        let src = "a\n<!-- geolint-disable heading/single-h1 -->\nb\n<!-- geolint-enable -->\nc\n<!-- geolint-disable-next-line link/empty-href -->\nd\ne\n";
        let doc = doc_with(src);
        let mut unknown = Vec::new();
        let s = Suppressions::collect(&doc, known, &mut unknown);
        assert!(unknown.is_empty());
        let b = src.find("\nb").unwrap() + 1;
        let c = src.find("\nc").unwrap() + 1;
        assert!(s.is_suppressed("heading/single-h1", Some(Span::new(b, b + 1)), Some(3)));
        assert!(!s.is_suppressed("heading/single-h1", Some(Span::new(c, c + 1)), Some(5)));
        assert!(!s.is_suppressed("link/empty-href", Some(Span::new(b, b + 1)), Some(3)));
        assert!(s.is_suppressed("link/empty-href", None, Some(7)));
        assert!(!s.is_suppressed("link/empty-href", None, Some(8)));
    }

    #[test]
    fn disable_without_ids_covers_all_until_end() {
        let doc = doc_with("x\n<!-- geolint-disable -->\ny");
        let mut unknown = Vec::new();
        let s = Suppressions::collect(&doc, known, &mut unknown);
        let y = doc.source.len() - 1;
        assert!(s.is_suppressed("meta/title-missing", Some(Span::new(y, y + 1)), Some(3)));
        assert!(!s.is_suppressed("meta/title-missing", Some(Span::new(0, 1)), Some(1)));
    }

    #[test]
    fn unknown_ids_are_reported() {
        let doc = doc_with("<!-- geolint-disable-file heading/single-h -->\n");
        let mut unknown = Vec::new();
        let s = Suppressions::collect(&doc, known, &mut unknown);
        assert_eq!(unknown.len(), 1);
        assert!(unknown[0]
            .message
            .contains("did you mean `heading/single-h1`"));
        assert_eq!(unknown[0].span, Some(Span::new(0, 46)));
        assert!(!s.is_suppressed("heading/single-h1", None, None));
    }
}
