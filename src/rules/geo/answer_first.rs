use super::is_question;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::TextItem;
use crate::prose::words;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// A page whose H1 (or the front matter title a theme shows as H1, else the SEO title) asks
    /// a question — "Wat is GEO?", "Hoeveel kost een AI-workshop?", "How does X work?" — must
    /// answer it at the start: within the first `answer_within_words` words (default 60) of the
    /// text under it, before the next heading (pages with fewer than 25 words there are skipped), the subject of the question has to come back, and for "what is" a
    /// definition ("… is een …", "betekent", "refers to"), for "how much/many" a number or
    /// amount, for "why" a reason ("omdat", "doordat", "because").
    ///
    /// ## Why it matters
    /// Generative engines answer questions with the passage that answers them most directly,
    /// usually the first one under the heading. An intro that warms up for three paragraphs
    /// before answering is skipped.
    ///
    /// ## Example
    /// ```markdown
    /// # Wat kost een AI-workshop?
    /// In deze tijd van snelle veranderingen …
    /// ```
    /// → start with the answer: "Een AI-workshop kost bij ons € 450 tot € 1.200 per dag, …".
    ///
    /// ## Options
    /// `[geo] answer_within_words = 60`
    pub struct AnswerFirst => "geo/answer-first", Warning, "a question in the title should be answered in the first paragraph"
}

/// Pages with fewer words of text under the question are not judged.
const MIN_INTRO_WORDS: usize = 25;

/// Words left out when picking the subject of a question.
const STOP: &[&str] = &[
    "wat",
    "wie",
    "waarom",
    "hoe",
    "hoeveel",
    "welke",
    "welk",
    "wanneer",
    "waar",
    "is",
    "zijn",
    "een",
    "de",
    "het",
    "van",
    "voor",
    "met",
    "in",
    "op",
    "je",
    "jij",
    "u",
    "ik",
    "we",
    "kost",
    "kosten",
    "kun",
    "kan",
    "moet",
    "doe",
    "doet",
    "werkt",
    "werken",
    "betekent",
    "what",
    "who",
    "why",
    "how",
    "which",
    "when",
    "where",
    "are",
    "does",
    "do",
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "and",
    "en",
    "or",
    "of",
    "can",
    "should",
    "you",
    "your",
    "jouw",
    "uw",
    "much",
    "many",
    "veel",
    "dat",
    "dit",
    "die",
    "er",
    "heb",
    "hebt",
    "nodig",
    "need",
    "2024",
    "2025",
    "2026",
    "maak",
    "kies",
    "wil",
    "bij",
    "betekenen",
    "ze",
    "they",
    "mean",
    "work",
    "werkt",
];

/// The kind of answer a question asks for.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Definition,
    Amount,
    Reason,
    Other,
}

fn kind(question: &str) -> Kind {
    let q = question.to_lowercase();
    let starts = |p: &[&str]| p.iter().any(|s| q.starts_with(s));
    if starts(&[
        "wat is",
        "wat zijn",
        "wat betekent",
        "what is",
        "what are",
        "what does",
    ]) && !q.contains("verschil")
        && !q.contains("difference")
    {
        Kind::Definition
    } else if starts(&["hoeveel", "wat kost", "wat kosten", "how much", "how many"]) {
        Kind::Amount
    } else if starts(&["waarom", "why"]) {
        Kind::Reason
    } else {
        Kind::Other
    }
}

/// A loose stem for matching: the first five letters of a lowercase word.
fn stem(w: &str) -> String {
    w.to_lowercase().chars().take(5).collect()
}

fn answers(question: &str, intro: &str) -> bool {
    let subject: Vec<String> = words(question)
        .iter()
        .flat_map(|w| {
            let lower = w.text.to_lowercase();
            let mut v: Vec<String> = lower.split('-').map(str::to_string).collect();
            if v.len() > 1 {
                v.push(lower);
            }
            v
        })
        .filter(|w| w.chars().count() >= 2 && !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect();
    let intro_stems: Vec<String> = words(intro)
        .iter()
        .flat_map(|w| {
            // Compounds: "AI-workshop" also matches "workshop".
            let mut v = vec![stem(w.text)];
            v.extend(w.text.split('-').map(stem));
            v
        })
        .collect();
    let has_subject = subject.is_empty() || subject.iter().any(|s| intro_stems.contains(s));
    if !has_subject {
        return false;
    }
    let lower = format!(" {} ", intro.to_lowercase());
    match kind(question) {
        Kind::Definition => [
            " is ",
            " zijn ",
            " betekent ",
            " verwijst ",
            " staat voor ",
            " houdt in",
            " are ",
            " means ",
            " refers to ",
            " stands for ",
            " noem",
            " heet ",
        ]
        .iter()
        .any(|c| lower.contains(c)),
        Kind::Amount => {
            intro.chars().any(|c| c.is_ascii_digit())
                || [
                    " gratis",
                    " free",
                    " honderd",
                    " duizend",
                    " tientallen",
                    " hundred",
                    " thousand",
                ]
                .iter()
                .any(|c| lower.contains(c))
        }
        Kind::Reason => [
            "omdat",
            "doordat",
            "want ",
            "daardoor",
            "reden",
            "zodat",
            "because",
            "since",
            "reason",
            "so that",
            "due to",
            "dankzij",
            "thanks to",
        ]
        .iter()
        .any(|c| lower.contains(c)),
        Kind::Other => true,
    }
}

impl Rule for AnswerFirst {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        // The H1 readers see: the title a theme renders, else the first body H1, else the SEO
        // title.
        let body_h1 = cx.main_headings().find(|h| h.level == 1);
        let (question, after): (TextItem, usize) = if let Some(t) = cx.rendered_title_h1() {
            (t, cx.doc.body.start)
        } else if let Some(h) = body_h1 {
            (
                TextItem {
                    text: h.text.clone(),
                    span: h.span,
                },
                h.span.end,
            )
        } else {
            let Some(t) = cx.seo_title() else {
                return;
            };
            (t, cx.doc.body.start)
        };
        if !is_question(&question.text) {
            return;
        }
        let limit = cx.config.geo.answer_within_words;
        let mut intro = String::new();
        let mut n = 0;
        // The intro: text under the question, up to the next heading.
        let until = cx
            .doc
            .headings
            .iter()
            .map(|h| h.span.start)
            .filter(|&s| s >= after)
            .min()
            .unwrap_or(usize::MAX);
        for b in cx
            .prose()
            .blocks
            .iter()
            .filter(|b| b.span.start >= after && b.span.start < until)
        {
            for w in words(&b.text) {
                if n >= limit {
                    break;
                }
                intro.push_str(w.text);
                intro.push(' ');
                n += 1;
            }
            if n >= limit {
                break;
            }
        }
        // Stubs and list pages are too short to judge.
        if n < MIN_INTRO_WORDS || answers(&question.text, &intro) {
            return;
        }
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "the title asks \"{}\" but the first {limit} words do not answer it",
                    question.text.trim()
                ),
            )
            .at(question.span)
            .help("open with a direct answer that repeats the subject: a definition, a number or a reason, then explain"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_when_the_intro_warms_up() {
        let src = "---\ntitle: Wat kost een AI-workshop?\n---\nIn deze tijd van snelle veranderingen willen veel ondernemers weten waar ze staan. Ze lezen erover, ze praten erover met collega's en ze vragen zich af wat de volgende stap moet zijn.\n\n## Prijzen\n\nEen workshop kost 450 euro.\n";
        let f = run(&AnswerFirst, "a.md", src);
        assert_eq!(texts(src, &f), ["Wat kost een AI-workshop?"]);
        assert_eq!(
            f[0].message,
            "the title asks \"Wat kost een AI-workshop?\" but the first 60 words do not answer it"
        );
        let src = "# What is GEO?\n\nSearch is changing fast and many teams wonder what to do about it. They read about it, talk about it with colleagues and wonder what the next step should be for them.\n";
        assert_eq!(
            texts(src, &run(&AnswerFirst, "a.md", src)),
            ["# What is GEO?\n"]
        );
    }

    #[test]
    fn passes_when_answered_first() {
        let src = "---\ntitle: Wat kost een AI-workshop?\n---\nEen AI-workshop kost bij ons 450 tot 1.200 euro per dag.\n";
        assert!(run(&AnswerFirst, "a.md", src).is_empty());
        let src = "# Wat is GEO?\n\nGEO (generative engine optimization) is het vindbaar maken van content in AI-antwoorden.\n";
        assert!(run(&AnswerFirst, "a.md", src).is_empty());
        let src =
            "# Waarom AI in het mkb?\n\nAI loont in het mkb omdat het routinewerk overneemt.\n";
        assert!(run(&AnswerFirst, "a.md", src).is_empty());
        let src = "# AI-trends voor 2026\n\nIn deze tijd van snelle veranderingen.\n";
        assert!(run(&AnswerFirst, "a.md", src).is_empty());
        let src = "# Wat kost een AI-workshop?\n\nTekst.\n";
        assert!(run(&AnswerFirst, "a.md", src).is_empty());
    }
}
