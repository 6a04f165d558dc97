//! Markdown and MDX bodies via pulldown-cmark's offset iterator.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::document::{Document, Heading, Image, Link, LinkKind, Paragraph, TextRun};
use crate::span::Span;

/// Parse the Markdown/MDX body `doc.source[body]` into `doc`.
pub fn parse(doc: &mut Document, body: Span, mdx: bool) {
    let source = std::mem::take(&mut doc.source);
    parse_into(doc, &source, body, mdx);
    doc.source = source;
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// An open container collecting plain text.
struct Open {
    kind: OpenKind,
    start: usize,
    text: String,
}

enum OpenKind {
    Heading { level: u8, id: Option<String> },
    Block,
    Link { href: String, kind: LinkKind },
    Image { src: String },
}

fn parse_into(doc: &mut Document, source: &str, body: Span, mdx: bool) {
    let Some(text) = source.get(body.start..body.end) else {
        return;
    };
    let base = body.start;
    // MDX: blank out import/export lines and JSX-only lines (same length, so offsets hold).
    let masked;
    let text = if mdx {
        let (m, spans) = mask_mdx(text);
        doc.code.extend(spans.into_iter().map(|s| s.offset(base)));
        masked = m;
        masked.as_str()
    } else {
        text
    };

    let mut stack: Vec<Open> = Vec::new();
    let mut in_code_block = 0usize;
    let mut in_html_block = false;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let span = Span::new(range.start + base, range.end + base);
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, id, .. } => stack.push(Open {
                    kind: OpenKind::Heading {
                        level: heading_level(level),
                        id: id.map(|s| s.to_string()),
                    },
                    start: span.start,
                    text: String::new(),
                }),
                Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::FootnoteDefinition(_) => {
                    stack.push(Open {
                        kind: OpenKind::Block,
                        start: span.start,
                        text: String::new(),
                    });
                }
                Tag::Link { dest_url, .. } => stack.push(Open {
                    kind: OpenKind::Link {
                        href: dest_url.to_string(),
                        kind: LinkKind::Markdown,
                    },
                    start: span.start,
                    text: String::new(),
                }),
                Tag::Image { dest_url, .. } => stack.push(Open {
                    kind: OpenKind::Image {
                        src: dest_url.to_string(),
                    },
                    start: span.start,
                    text: String::new(),
                }),
                Tag::CodeBlock(_) => {
                    in_code_block += 1;
                    doc.code.push(span);
                }
                Tag::HtmlBlock => {
                    in_html_block = true;
                    super::html::scan(source, span, false, doc);
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) => {
                    if let Some(open) =
                        pop_kind(&mut stack, |k| matches!(k, OpenKind::Heading { .. }))
                    {
                        if let OpenKind::Heading { level, id } = open.kind {
                            let text = collapse(&open.text);
                            let id = id.unwrap_or_else(|| crate::document::slugify(&text));
                            push_text(&mut stack, &text);
                            doc.headings.push(Heading {
                                level,
                                text,
                                span: Span::new(open.start, span.end),
                                id,
                                in_main: true,
                            });
                        }
                    }
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => {
                    if let Some(open) = pop_kind(&mut stack, |k| matches!(k, OpenKind::Block)) {
                        let text = collapse(&open.text);
                        if !text.is_empty() {
                            let words = super::count_words(&text);
                            doc.paragraphs.push(Paragraph {
                                text,
                                span: Span::new(open.start, span.end),
                                words,
                                in_main: true,
                            });
                        }
                    }
                }
                TagEnd::Link => close_link(&mut stack, doc, span.end, LinkKind::Markdown),
                TagEnd::Image => {
                    if let Some(open) =
                        pop_kind(&mut stack, |k| matches!(k, OpenKind::Image { .. }))
                    {
                        if let OpenKind::Image { src } = open.kind {
                            doc.images.push(Image {
                                src,
                                alt: Some(collapse(&open.text)),
                                span: Span::new(open.start, span.end),
                                decorative: false,
                                in_main: true,
                            });
                        }
                    }
                }
                TagEnd::CodeBlock => in_code_block = in_code_block.saturating_sub(1),
                TagEnd::HtmlBlock => in_html_block = false,
                _ => {}
            },
            Event::Text(t) => {
                if in_code_block > 0 || in_html_block {
                    continue;
                }
                let exact = source.get(span.start..span.end) == Some(t.as_ref());
                push_text(&mut stack, &t);
                doc.prose.push(TextRun {
                    text: t.to_string(),
                    span,
                    exact,
                    in_main: true,
                });
            }
            Event::Code(t) => {
                doc.code.push(span);
                // Inline code is part of heading/link text but never prose.
                push_text(&mut stack, &t);
            }
            Event::SoftBreak | Event::HardBreak => push_text(&mut stack, " "),
            Event::InlineHtml(html) => {
                // `<a href>` … `</a>` inline: a link whose text is the Markdown between the tags.
                if let Some(href) = inline_a_href(&html) {
                    stack.push(Open {
                        kind: OpenKind::Link {
                            href,
                            kind: LinkKind::Html,
                        },
                        start: span.start,
                        text: String::new(),
                    });
                } else if html.trim().eq_ignore_ascii_case("</a>") {
                    close_link(&mut stack, doc, span.end, LinkKind::Html);
                } else {
                    super::html::scan(source, span, false, doc);
                }
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => doc.code.push(span),
            Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }
}

/// Pop the innermost open link of `kind` and record it, ending at `end`.
fn close_link(stack: &mut Vec<Open>, doc: &mut Document, end: usize, want: LinkKind) {
    let Some(open) = pop_kind(
        stack,
        |k| matches!(k, OpenKind::Link { kind, .. } if *kind == want),
    ) else {
        return;
    };
    if let OpenKind::Link { href, kind } = open.kind {
        let text = collapse(&open.text);
        push_text(stack, &text);
        doc.links.push(Link {
            href,
            text,
            span: Span::new(open.start, end),
            kind,
            in_main: true,
        });
    }
}

/// The `href` of an inline `<a …>` start tag (entities `&amp;` decoded).
fn inline_a_href(html: &str) -> Option<String> {
    static A: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::rules::regex(
            r#"(?is)^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>$"#,
        )
    });
    let c = A.captures(html.trim())?;
    let raw = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    Some(raw.replace("&amp;", "&"))
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn push_text(stack: &mut [Open], text: &str) {
    if let Some(top) = stack.last_mut() {
        top.text.push_str(text);
    }
}

fn pop_kind(stack: &mut Vec<Open>, want: impl Fn(&OpenKind) -> bool) -> Option<Open> {
    let pos = stack.iter().rposition(|o| want(&o.kind))?;
    // Anything opened after it (malformed nesting) is folded into it.
    let mut open = stack.remove(pos);
    while stack.len() > pos {
        let inner = stack.remove(pos);
        open.text.push_str(&inner.text);
    }
    Some(open)
}

/// Collapse runs of whitespace and trim.
#[must_use]
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Blank out MDX-only lines: top-level `import`/`export` statements (with their continuation
/// lines) and lines that are only JSX tags or `{expressions}`. Returns the masked text (same
/// length) and the spans that were masked.
fn mask_mdx(text: &str) -> (String, Vec<Span>) {
    let mut out = String::with_capacity(text.len());
    let mut spans = Vec::new();
    let mut in_fence: Option<&str> = None;
    let mut in_statement = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let mut mask = false;
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(if trimmed.starts_with("```") {
                "```"
            } else {
                "~~~"
            });
        } else if in_statement {
            mask = true;
            if trimmed.is_empty() || trimmed.ends_with(';') {
                in_statement = false;
            }
        } else if !line.starts_with(' ')
            && (trimmed.starts_with("import ") || trimmed.starts_with("export "))
        {
            mask = true;
            let balanced = trimmed.matches('{').count() <= trimmed.matches('}').count()
                && trimmed.matches('(').count() <= trimmed.matches(')').count();
            in_statement = !(balanced
                && (trimmed.ends_with(';')
                    || trimmed.contains(" from ")
                    || !trimmed.ends_with(['{', '(', ',', '='])));
        } else if is_jsx_line(trimmed) {
            mask = true;
        }
        if mask {
            // One ASCII space per byte keeps every offset valid.
            out.extend(line.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
            spans.push(Span::new(
                offset,
                offset + line.trim_end_matches('\n').len(),
            ));
        } else {
            out.push_str(line);
        }
        offset += line.len();
    }
    (out, spans)
}

fn is_jsx_line(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    match b.first() {
        Some(b'<') => {
            // <Component ...>, </Component>, <Component /> (capitalised = JSX component)
            let rest = trimmed.trim_start_matches("</").trim_start_matches('<');
            rest.chars().next().is_some_and(char::is_uppercase)
                || trimmed == "<>"
                || trimmed == "</>"
        }
        Some(b'{') => trimmed.ends_with('}'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    #[test]
    fn jsonld_comes_from_script_elements_not_from_a_tag_named_in_prose() {
        let src = "Wij zetten een <script type=\"application/ld+json\"> in de HTML.\n\n<script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n\n```html\n<script type=\"application/ld+json\">{}</script>\n```\n";
        let d = doc(src, false);
        assert_eq!(d.jsonld.len(), 1, "{:?}", d.jsonld);
        assert_eq!(d.jsonld[0].content.trim(), "{\"@type\": \"FAQPage\"}");
    }

    fn doc(src: &str, mdx: bool) -> Document {
        let mut d = Document {
            source: src.to_string(),
            lines: LineIndex::new(src),
            ..Document::default()
        };
        parse(&mut d, Span::new(0, src.len()), mdx);
        d
    }

    #[test]
    fn headings_links_images_with_spans() {
        let src = "# Wat kost één AI-workshop?\n\nTekst met [een link](/prijs) en ![logo](a.png).\n\n## Sectie {#eigen}\n";
        let d = doc(src, false);
        assert_eq!(d.headings.len(), 2);
        let h = &d.headings[0];
        assert_eq!((h.level, h.text.as_str()), (1, "Wat kost één AI-workshop?"));
        assert_eq!(
            &src[h.span.start..h.span.end],
            "# Wat kost één AI-workshop?\n"
        );
        assert_eq!(h.id, "wat-kost-één-ai-workshop");
        assert_eq!(d.headings[1].id, "eigen");
        let l = &d.links[0];
        assert_eq!((l.href.as_str(), l.text.as_str()), ("/prijs", "een link"));
        assert_eq!(&src[l.span.start..l.span.end], "[een link](/prijs)");
        let i = &d.images[0];
        assert_eq!(i.alt.as_deref(), Some("logo"));
        assert_eq!(&src[i.span.start..i.span.end], "![logo](a.png)");
        assert_eq!(d.paragraphs.len(), 1);
        // image alt text is not paragraph text
        assert_eq!(d.paragraphs[0].text, "Tekst met een link en .");
    }

    #[test]
    fn code_is_not_prose() {
        let src = "Tekst `inline` hier.\n\n```\n# niet een kop\nciteturn0search3\n```\n";
        let d = doc(src, false);
        assert!(d.headings.is_empty());
        assert!(d.prose.iter().all(|r| !r.text.contains("citeturn")));
        assert!(d.prose.iter().all(|r| !r.text.contains("inline")));
        assert_eq!(d.code.len(), 2);
    }

    #[test]
    fn empty_link_target() {
        let src = "- [Download: checklist]()\n";
        let d = doc(src, false);
        assert_eq!(d.links.len(), 1);
        assert_eq!(d.links[0].href, "");
        assert_eq!(
            &src[d.links[0].span.start..d.links[0].span.end],
            "[Download: checklist]()"
        );
    }

    #[test]
    fn mdx_lines_are_masked() {
        let src = "import Chart from '../Chart.astro';\nexport const meta = {\n  a: 1,\n};\n\n# Titel\n\n<Chart data={x} />\n\nTekst é.\n";
        let d = doc(src, true);
        assert_eq!(d.headings.len(), 1);
        assert_eq!(d.headings[0].text, "Titel");
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.paragraphs[0].text, "Tekst é.");
        let (masked, _) = mask_mdx(src);
        assert_eq!(masked.len(), src.len());
    }
}
