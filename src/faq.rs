//! Visible FAQ detection: the questions and answers a reader sees on the page.
//!
//! Three sources are recognised:
//! - a FAQ heading ("Veelgestelde vragen", "FAQ", "Frequently asked questions", …) followed by
//!   question sub-headings, or by bold questions (`**Wat kost het?**`, `<strong>…</strong>`);
//! - a front matter list such as `faq: [{vraag, antwoord}]` or `faqs: [{question, answer}]`,
//!   which the theme renders on the page.
//!
//! `geolint faq-schema`, the `faq` rules and `faq/schema-mismatch` build on [`extract`].

use std::sync::LazyLock;

use crate::document::{Document, Heading};
use crate::source::frontmatter::{FmNode, FmValue};
use crate::span::Span;

/// Where a visible question came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaqSource {
    /// A heading under a FAQ heading.
    Heading,
    /// A bold question in a paragraph under a FAQ heading.
    Bold,
    /// A list in the front matter.
    FrontMatter,
}

/// One visible question with its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaqItem {
    /// Plain text of the question.
    pub question: String,
    pub question_span: Span,
    /// Plain text of the answer (paragraphs joined by newlines; empty when there is none).
    pub answer: String,
    /// Span from the start of the first to the end of the last answer paragraph.
    pub answer_span: Option<Span>,
    pub source: FaqSource,
}

/// A visible FAQ block: its heading (none for front matter lists) and its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaqBlock {
    pub heading: Option<Span>,
    pub items: Vec<FaqItem>,
}

/// Front matter keys that hold a FAQ list.
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "faq",
    "faqs",
    "veelgestelde_vragen",
    "veelgesteldeVragen",
    "veelgestelde-vragen",
];
const QUESTION_KEYS: &[&str] = &["question", "vraag", "q", "title", "name", "titel"];
const ANSWER_KEYS: &[&str] = &["answer", "antwoord", "a", "text", "content", "tekst"];

pub(crate) static FAQ_HEADING: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?i)^\W*(veel\s*gestelde\s+vragen|vaak\s+gestelde\s+vragen|veel\s*voorkomende\s+vragen|faqs?\b|f\.a\.q\.?|frequently\s+asked\s+questions|vragen\s+en\s+antwoorden|vragen\s*&\s*antwoorden|common\s+questions|questions\s+(and|&)\s+answers|q\s*&\s*a\b|v\s*&\s*a\b)",
    )
});

/// Whether heading text names a FAQ section.
#[must_use]
pub fn is_faq_heading(text: &str) -> bool {
    FAQ_HEADING.is_match(text.trim())
}

/// Every visible FAQ block of the page.
#[must_use]
pub fn blocks(doc: &Document) -> Vec<FaqBlock> {
    let mut out = Vec::new();
    if let Some(b) = front_matter_block(doc) {
        out.push(b);
    }
    let headings: Vec<&Heading> = doc.headings.iter().filter(|h| h.in_main).collect();
    let mut i = 0;
    while i < headings.len() {
        let Some(h) = headings.get(i) else { break };
        if !is_faq_heading(&h.text) {
            i += 1;
            continue;
        }
        // the section runs to the next heading of the same or a higher level
        let end_idx = headings
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, x)| x.level <= h.level)
            .map_or(headings.len(), |(j, _)| j);
        let section_end = headings.get(end_idx).map_or(doc.body.end, |x| x.span.start);
        let subs: Vec<&Heading> = headings.get(i + 1..end_idx).unwrap_or(&[]).to_vec();
        // "Veelgestelde vragen over X" as the H1 of a FAQ page with a "FAQ" H2 inside: the
        // inner heading holds the questions
        if subs.iter().any(|s| is_faq_heading(&s.text)) {
            i += 1;
            continue;
        }
        let items = if let Some(level) = subs.iter().map(|s| s.level).min() {
            heading_items(doc, &subs, level, section_end)
        } else {
            bold_items(doc, Span::new(h.span.end, section_end))
        };
        out.push(FaqBlock {
            heading: Some(h.span),
            items,
        });
        i = end_idx.max(i + 1);
    }
    out
}

/// Every visible question of the page, in page order of its blocks.
#[must_use]
pub fn extract(doc: &Document) -> Vec<FaqItem> {
    blocks(doc).into_iter().flat_map(|b| b.items).collect()
}

fn heading_items(doc: &Document, subs: &[&Heading], level: u8, section_end: usize) -> Vec<FaqItem> {
    let mut items = Vec::new();
    for (k, q) in subs.iter().enumerate().filter(|(_, s)| s.level == level) {
        let next = subs
            .get(k + 1..)
            .and_then(|rest| rest.iter().find(|s| s.level <= level))
            .map_or(section_end, |s| s.span.start);
        let (answer, answer_span) = answer_between(doc, q.span.end, next);
        items.push(FaqItem {
            question: clean_question(&q.text),
            question_span: q.span,
            answer,
            answer_span,
            source: FaqSource::Heading,
        });
    }
    // A closing heading after the questions ("Verwant", "Lees ook") is not one of them.
    let questions = items.iter().filter(|i| i.question.ends_with('?')).count();
    if questions >= 2 {
        while items.last().is_some_and(|i| !i.question.ends_with('?')) {
            items.pop();
        }
    }
    items
}

/// Paragraph texts between two offsets, joined, and their span. HTML answers written in `<div>`s
/// rather than paragraphs fall back to the prose text runs.
fn answer_between(doc: &Document, start: usize, end: usize) -> (String, Option<Span>) {
    let mut parts: Vec<(&str, Span)> = doc
        .paragraphs
        .iter()
        .filter(|p| p.span.start >= start && p.span.end <= end)
        .map(|p| (p.text.trim(), p.span))
        .collect();
    if parts.is_empty() {
        parts = doc
            .prose
            .iter()
            .filter(|r| r.in_main && r.span.start >= start && r.span.end <= end)
            .map(|r| (r.text.trim(), r.span))
            .filter(|(t, _)| !t.is_empty())
            .collect();
    }
    let text = parts.iter().map(|(t, _)| *t).collect::<Vec<_>>().join("\n");
    let span = match (parts.first(), parts.last()) {
        (Some(a), Some(b)) => Some(trim_span(doc, Span::new(a.1.start, b.1.end))),
        _ => None,
    };
    (text, span)
}

/// Question text without trailing toggle glyphs (`▾`, `+`, `›` …) that FAQ widgets add.
fn clean_question(text: &str) -> String {
    text.trim()
        .trim_end_matches(|c: char| {
            c.is_whitespace() || !(c.is_alphanumeric() || "?!.)\"'’”…:;".contains(c))
        })
        .to_string()
}

/// The span without trailing whitespace.
fn trim_span(doc: &Document, span: Span) -> Span {
    let t = doc.text(span);
    Span::new(span.start, span.start + t.trim_end().len())
}

static BOLD: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?is)^\s*(?:<p\b[^>]*>\s*)?(?:\d+[.)]\s*)?(\*\*(.+?)\*\*|__(.+?)__|<(strong|b)\b[^>]*>(.+?)</(?:strong|b)>)",
    )
});

fn bold_items(doc: &Document, section: Span) -> Vec<FaqItem> {
    let paras: Vec<_> = doc
        .paragraphs
        .iter()
        .filter(|p| section.contains(p.span))
        .collect();
    let mut items: Vec<FaqItem> = Vec::new();
    let mut answer_parts: Vec<(String, Span)> = Vec::new();
    let flush = |items: &mut Vec<FaqItem>, parts: &mut Vec<(String, Span)>| {
        if let Some(last) = items.last_mut() {
            last.answer = parts
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            last.answer_span = match (parts.first(), parts.last()) {
                (Some(a), Some(b)) => Some(trim_span(doc, Span::new(a.1.start, b.1.end))),
                _ => None,
            };
        }
        parts.clear();
    };
    for p in paras {
        let src = doc.text(p.span);
        let bold = BOLD.captures(src).and_then(|c| {
            let whole = c.get(1)?;
            let inner = c.get(2).or_else(|| c.get(3)).or_else(|| c.get(5))?;
            Some((whole, inner.as_str()))
        });
        let question = bold.and_then(|(whole, inner)| {
            let q = crate::structured::text::decode_entities(
                crate::structured::text::strip_html(inner).trim(),
            );
            let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
            let rest_src = src.get(whole.end()..).unwrap_or("");
            let rest_plain = crate::structured::text::strip_html(rest_src);
            let only_bold = rest_plain.trim().is_empty();
            (q.ends_with('?') || (only_bold && !q.is_empty() && q.len() < 200)).then(|| {
                (
                    q,
                    Span::new(p.span.start + whole.start(), p.span.start + whole.end()),
                    whole.end(),
                )
            })
        });
        if let Some((q, qspan, bold_end)) = question {
            flush(&mut items, &mut answer_parts);
            items.push(FaqItem {
                question: q.clone(),
                question_span: qspan,
                answer: String::new(),
                answer_span: None,
                source: FaqSource::Bold,
            });
            let rest = p.text.trim().strip_prefix(q.as_str()).map_or("", str::trim);
            if !rest.is_empty() {
                answer_parts.push((
                    rest.to_string(),
                    Span::new(p.span.start + bold_end, p.span.end),
                ));
            }
        } else if !items.is_empty() {
            answer_parts.push((p.text.trim().to_string(), p.span));
        }
    }
    flush(&mut items, &mut answer_parts);
    items
}

fn front_matter_block(doc: &Document) -> Option<FaqBlock> {
    let fm = doc.front_matter.as_ref()?;
    let list = FRONT_MATTER_KEYS.iter().find_map(|k| fm.root.get(k))?;
    let FmValue::Seq(entries) = &list.value else {
        return None;
    };
    let mut items = Vec::new();
    for e in entries {
        let pick = |keys: &[&str]| -> Option<&FmNode> { keys.iter().find_map(|k| e.get(k)) };
        let Some(q) = pick(QUESTION_KEYS) else {
            continue;
        };
        let Some(question) = q.scalar_text() else {
            continue;
        };
        let a = pick(ANSWER_KEYS);
        let answer = a.and_then(FmNode::scalar_text).unwrap_or_default();
        items.push(FaqItem {
            question: question.trim().to_string(),
            question_span: unquote(doc, q.span),
            answer: answer.trim().to_string(),
            answer_span: a.map(|a| unquote(doc, a.span)),
            source: FaqSource::FrontMatter,
        });
    }
    (!items.is_empty()).then_some(FaqBlock {
        heading: None,
        items,
    })
}

/// The span without surrounding quotes of a quoted scalar.
fn unquote(doc: &Document, span: Span) -> Span {
    let t = doc.text(span);
    if t.len() >= 2
        && ((t.starts_with('"') && t.ends_with('"')) || (t.starts_with('\'') && t.ends_with('\'')))
    {
        Span::new(span.start + 1, span.end - 1)
    } else {
        span
    }
}

/// The visible text of a page, normalised, for checking that markup text is on the page.
#[derive(Debug)]
pub struct PageText {
    /// Normalised blocks joined by `\u{1}`.
    pub text: String,
    trigrams: std::cell::OnceCell<std::collections::HashSet<String>>,
}

impl PageText {
    /// Whether `raw` (may hold HTML) appears on the page after normalisation.
    #[must_use]
    pub fn contains(&self, raw: &str) -> bool {
        let n = crate::structured::text::normalize(raw);
        n.is_empty() || self.text.contains(&n)
    }

    /// Like [`PageText::contains`], but a longer text (8 words or more) also counts as shown when
    /// at least 80% of its three-word sequences are on the page (small edits, links, lists).
    #[must_use]
    pub fn mostly_contains(&self, raw: &str) -> bool {
        let n = crate::structured::text::normalize(raw);
        if n.is_empty() || self.text.contains(&n) {
            return true;
        }
        let words: Vec<&str> = n.split(' ').collect();
        if words.len() < 8 {
            return false;
        }
        let page = self.trigrams.get_or_init(|| {
            let mut set = std::collections::HashSet::new();
            for block in self.text.split('\u{1}') {
                let w: Vec<&str> = block.split_whitespace().collect();
                for t in w.windows(3) {
                    set.insert(t.join(" "));
                }
            }
            set
        });
        let grams: Vec<String> = words.windows(3).map(|t| t.join(" ")).collect();
        let hit = grams.iter().filter(|g| page.contains(*g)).count();
        hit * 10 >= grams.len() * 8
    }
}

/// The page's visible text, normalised for comparison (headings, paragraphs, prose and the front
/// matter FAQ list).
#[must_use]
pub fn visible_text(doc: &Document) -> PageText {
    use crate::structured::text::normalize;
    let mut parts: Vec<String> = Vec::new();
    for h in &doc.headings {
        parts.push(normalize(&h.text));
    }
    for p in &doc.paragraphs {
        parts.push(normalize(&p.text));
    }
    for r in &doc.prose {
        parts.push(normalize(&r.text));
    }
    if let Some(b) = front_matter_block(doc) {
        for i in b.items {
            parts.push(normalize(&i.question));
            parts.push(normalize(&i.answer));
        }
    }
    PageText {
        text: parts.join(" \u{1} "),
        trigrams: std::cell::OnceCell::new(),
    }
}

/// `FAQPage` JSON-LD (pretty-printed) for the visible FAQ `items`: one Question per item, with the
/// answer as an Answer object; answers of several paragraphs become `<p>` paragraphs.
#[must_use]
pub fn faq_page_jsonld(items: &[FaqItem]) -> String {
    use serde_json::json;
    let main: Vec<serde_json::Value> = items
        .iter()
        .map(|i| {
            let paras: Vec<&str> = i
                .answer
                .split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let text = if paras.len() > 1 {
                paras.iter().fold(String::new(), |mut acc, p| {
                    acc.push_str("<p>");
                    acc.push_str(&escape_html(p));
                    acc.push_str("</p>");
                    acc
                })
            } else {
                paras.first().map(|p| escape_html(p)).unwrap_or_default()
            };
            json!({
                "@type": "Question",
                "name": i.question,
                "acceptedAnswer": {"@type": "Answer", "text": text},
            })
        })
        .collect();
    let v = json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": main,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::doc;

    #[test]
    fn question_headings_under_a_faq_heading() {
        let src = "# Titel\n\nIntro.\n\n## Veelgestelde vragen\n\n### Wat kost het?\n\nDe workshop kost 950 euro.\n\nInclusief lunch.\n\n### Hoe lang duurt het?\n\nEen dag.\n\n## Contact\n\nBel ons.\n";
        let d = doc("a.md", src);
        let items = extract(&d);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].question, "Wat kost het?");
        assert_eq!(
            &src[items[0].question_span.start..items[0].question_span.end],
            "### Wat kost het?\n"
        );
        assert_eq!(
            items[0].answer,
            "De workshop kost 950 euro.\nInclusief lunch."
        );
        let a = items[0].answer_span.unwrap();
        assert_eq!(
            &src[a.start..a.end],
            "De workshop kost 950 euro.\n\nInclusief lunch."
        );
        assert_eq!(items[1].answer, "Een dag.");
        assert_eq!(items[1].source, FaqSource::Heading);
    }

    #[test]
    fn bold_questions_in_markdown_and_html() {
        let src = "## FAQ\n\n**Is er parkeergelegenheid?** Ja, gratis.\n\n**Waar is het?**\n\nIn Utrecht.\n\nNaast het station.\n";
        let items = extract(&doc("a.md", src));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].question, "Is er parkeergelegenheid?");
        assert_eq!(
            &src[items[0].question_span.start..items[0].question_span.end],
            "**Is er parkeergelegenheid?**"
        );
        assert_eq!(items[0].answer, "Ja, gratis.");
        assert_eq!(items[1].answer, "In Utrecht.\nNaast het station.");
        let html = "<main><h2>Frequently asked questions</h2><p><strong>Do you invoice?</strong></p><p>Yes &amp; monthly.</p></main>";
        let items = extract(&doc("a.html", html));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].question, "Do you invoice?");
        assert_eq!(items[0].answer, "Yes & monthly.");
    }

    #[test]
    fn the_innermost_faq_heading_holds_the_questions() {
        let src =
            "# Veelgestelde vragen over AI\n\nIntro.\n\n## FAQ\n\n### Wat kost het?\n\nVeel.\n";
        let items = extract(&doc("a.md", src));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].question, "Wat kost het?");
    }

    #[test]
    fn widget_glyphs_div_answers_and_closing_headings() {
        let html = "<main><h2>FAQ</h2><h3><button>Wat kost het?\u{25be}</button></h3><div><div>Het kost 950 euro.</div></div><h3>Hoe lang?</h3><div>Een dag.</div><h3>Verwant</h3><ul><li><a href=\"/x\">X</a></li></ul></main>";
        let items = extract(&doc("a.html", html));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].question, "Wat kost het?");
        assert_eq!(items[0].answer, "Het kost 950 euro.");
        assert_eq!(items[1].answer, "Een dag.");
    }

    #[test]
    fn front_matter_lists() {
        let src = "---\ntitle: T\nfaq:\n  - vraag: \"Wat is RPA?\"\n    antwoord: Software die klikt.\n  - question: Why?\n    answer: \"\"\n---\nTekst.\n";
        let items = extract(&doc("a.md", src));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].question, "Wat is RPA?");
        assert_eq!(
            &src[items[0].question_span.start..items[0].question_span.end],
            "Wat is RPA?"
        );
        assert_eq!(items[0].answer, "Software die klikt.");
        assert_eq!(items[1].answer, "");
        assert_eq!(items[1].source, FaqSource::FrontMatter);
    }

    #[test]
    fn no_faq_without_a_faq_heading() {
        let src = "## Wat kost het?\n\n**Let op?** niet dit.\n";
        assert!(extract(&doc("a.md", src)).is_empty());
        assert!(is_faq_heading("Veelgestelde vragen over AI-workshops"));
        assert!(is_faq_heading("FAQ"));
        assert!(!is_faq_heading("FAQtory tour"));
        assert!(!is_faq_heading("Onze vragenlijst"));
    }

    #[test]
    fn builds_faq_page_markup() {
        let d = doc(
            "a.md",
            "## FAQ\n\n### Wat kost het?\n\nVeel & meer.\n\nEcht.\n",
        );
        let v: serde_json::Value = serde_json::from_str(&faq_page_jsonld(&extract(&d))).unwrap();
        assert_eq!(v["@type"], "FAQPage");
        assert_eq!(v["mainEntity"][0]["name"], "Wat kost het?");
        assert_eq!(
            v["mainEntity"][0]["acceptedAnswer"]["text"],
            "<p>Veel &amp; meer.</p><p>Echt.</p>"
        );
    }

    #[test]
    fn visibility_after_normalisation() {
        let d = doc(
            "a.md",
            "## FAQ\n\n### Wat kost een AI-workshop?\n\nDe prijs is **950 euro** per dag.\n",
        );
        let page = visible_text(&d);
        assert!(page.contains("wat kost een ai workshop"));
        assert!(page.contains("<p>De prijs is 950 euro per dag.</p>"));
        assert!(!page.contains("Hoe lang duurt het?"));
        // eight common words of the page in another order are not the page's text
        let d = doc("a.md", "## FAQ\n\n### Zijn de aannemers actief?\n\nDe aannemers via Bylder zijn actief in heel Noord-Brabant, zegt Bylder.\n");
        let page = visible_text(&d);
        assert!(!page.contains("Zijn de aannemers via Bylder actief in Noord-Brabant?"));
        assert!(!page.mostly_contains(
            "Zijn de aannemers via Bylder actief in Noord-Brabant en in heel Zeeland?"
        ));
        assert!(page.mostly_contains("<p>De aannemers via <a href=\"/b\">Bylder</a> zijn actief in heel Noord-Brabant, zegt Bylder ook.</p>"));
    }
}
