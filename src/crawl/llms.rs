//! `/llms.txt` as the llmstxt.org proposal describes it: an H1 with the site's name, an optional
//! blockquote summary, optional prose, then H2 sections of link lists `- [name](url): notes`
//! (an `Optional` section holds what may be skipped).

use std::sync::LazyLock;

use crate::span::Span;

/// A problem with the file's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub help: String,
    pub span: Span,
}

/// A parsed llms.txt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Llms {
    pub title: Option<String>,
    pub summary: Option<String>,
    /// H2 section names.
    pub sections: Vec<String>,
    /// Link URLs as written, with their spans.
    pub links: Vec<(String, Span)>,
    pub problems: Vec<Problem>,
}

static ITEM: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r#"^\s*[-*+]\s+\[([^\]]+)\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)(?:\s*:\s*(.*))?\s*$"#,
    )
});

/// Parse and validate llms.txt text.
#[must_use]
pub fn parse(text: &str) -> Llms {
    let mut out = Llms::default();
    let mut offset = 0;
    let mut seen_content = false;
    let mut section: Option<(Span, usize)> = None; // (heading span, links in it)
    let mut in_fence = false;
    let problem = |out: &mut Llms, span: Span, message: &str, help: &str| {
        out.problems.push(Problem {
            message: message.to_string(),
            help: help.to_string(),
            span,
        });
    };
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let span = Span::new(start, start + line.len());
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
            seen_content = true;
            continue;
        }
        if in_fence || trimmed.is_empty() {
            continue;
        }
        let level = trimmed.chars().take_while(|c| *c == '#').count();
        let is_heading =
            (1..=6).contains(&level) && trimmed.get(level..).is_some_and(|r| r.starts_with(' '));
        if !(seen_content || is_heading && level == 1) {
            problem(
                &mut out,
                span,
                "llms.txt must start with an H1 naming the site",
                "put `# Site name` on the first line",
            );
        }
        seen_content = true;
        if is_heading {
            let name = trimmed.get(level..).unwrap_or("").trim().to_string();
            match level {
                1 if out.title.is_none() => out.title = Some(name),
                1 => problem(
                    &mut out,
                    span,
                    "llms.txt has more than one H1",
                    "keep one H1 with the site name; use H2 for sections",
                ),
                2 => {
                    close_section(&mut out, section.take());
                    section = Some((span, 0));
                    out.sections.push(name);
                }
                _ => problem(
                    &mut out,
                    span,
                    &format!(
                        "H{level} heading in llms.txt; the format has only an H1 and H2 sections"
                    ),
                    "make it an H2 section or plain text",
                ),
            }
            continue;
        }
        if let Some(q) = trimmed.strip_prefix('>') {
            if section.is_none() && out.summary.is_none() {
                out.summary = Some(q.trim().to_string());
            }
            continue;
        }
        if let Some((_, links)) = section.as_mut() {
            match ITEM.captures(line) {
                Some(c) => {
                    if let Some(m) = c.get(2) {
                        let url = m.as_str().trim_start_matches('<').trim_end_matches('>');
                        let at = Span::new(start + m.start(), start + m.end());
                        out.links.push((url.to_string(), at));
                        *links += 1;
                    }
                }
                None => problem(
                    &mut out,
                    span,
                    "line in an llms.txt section is not a link list item",
                    "write each entry as `- [name](url): notes`",
                ),
            }
        }
    }
    close_section(&mut out, section);
    if !seen_content {
        problem(
            &mut out,
            Span::new(0, 0),
            "llms.txt is empty",
            "start with `# Site name`, a `> summary` and H2 sections of links",
        );
    }
    out
}

fn close_section(out: &mut Llms, section: Option<(Span, usize)>) {
    if let Some((span, 0)) = section {
        out.problems.push(Problem {
            message: "llms.txt section has no links".into(),
            help: "list the section's pages as `- [name](url): notes`, or remove it".into(),
            span,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_file() {
        let t = "# Geprompt\n\n> Praktische AI-artikelen.\n\nMeer uitleg.\n\n## Artikelen\n\n- [AI kosten](https://x.nl/ai-kosten/): wat kost AI\n- [Gids](/gids/)\n\n## Optional\n\n- [Archief](https://x.nl/archief/)\n";
        let l = parse(t);
        assert_eq!(l.problems, []);
        assert_eq!(l.title.as_deref(), Some("Geprompt"));
        assert_eq!(l.summary.as_deref(), Some("Praktische AI-artikelen."));
        assert_eq!(l.sections, ["Artikelen", "Optional"]);
        assert_eq!(l.links.len(), 3);
        let (u, s) = &l.links[1];
        assert_eq!(u, "/gids/");
        assert_eq!(&t[s.start..s.end], "/gids/");
    }

    #[test]
    fn invalid_file() {
        let t = "Welkom\n# A\n# B\n### Diep\n## Leeg\n## Links\nzomaar tekst\n";
        let l = parse(t);
        let got: Vec<(&str, &str)> = l
            .problems
            .iter()
            .map(|p| (p.message.as_str(), &t[p.span.start..p.span.end]))
            .collect();
        assert_eq!(
            got,
            [
                ("llms.txt must start with an H1 naming the site", "Welkom"),
                ("llms.txt has more than one H1", "# B"),
                (
                    "H3 heading in llms.txt; the format has only an H1 and H2 sections",
                    "### Diep"
                ),
                ("llms.txt section has no links", "## Leeg"),
                (
                    "line in an llms.txt section is not a link list item",
                    "zomaar tekst"
                ),
                ("llms.txt section has no links", "## Links"),
            ]
        );
        assert_eq!(parse("").problems[0].message, "llms.txt is empty");
    }
}
