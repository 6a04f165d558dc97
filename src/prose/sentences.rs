//! Sentence segmentation for Dutch and English prose.
//!
//! Rule-based, in the manner of SRX segmentation rules and pySBD: a sentence ends at `.`, `!`,
//! `?` or an ellipsis, followed by optional closing quotes or brackets and whitespace, unless the
//! word before the period is a known abbreviation (bijv., o.a., d.w.z., e.g., i.e., dr., St.) or
//! an initial, or the next word starts in lower case. Decimals (3,5 and 3.5), version numbers,
//! URLs and domains never end a sentence because no whitespace follows their dots. Every block
//! (paragraph, list item, table cell) ends its last sentence; headings are not sentences.

use super::Block;
use crate::span::Span;

/// A sentence: its text and its span in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub span: Span,
    /// Byte range in the block's text.
    pub start: usize,
    pub end: usize,
    /// Byte ranges in [`Sentence::text`] of its words, as [`super::words`] finds them (several
    /// rules look at the words; they are found once).
    pub word_ranges: Vec<(usize, usize)>,
}

impl Sentence {
    /// Number of words.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.word_ranges.len()
    }

    /// The words of the sentence.
    #[must_use]
    pub fn words(&self) -> Vec<super::Word<'_>> {
        self.word_ranges
            .iter()
            .filter_map(|&(start, end)| {
                Some(super::Word {
                    text: self.text.get(start..end)?,
                    start,
                    end,
                })
            })
            .collect()
    }
}

/// Abbreviations (lowercase, without the final period) after which a period does not end a
/// sentence. Words that are also ordinary words at a sentence end ("zo", "no", "lid") are left out.
const ABBREVIATIONS: &[&str] = &[
    // Dutch
    "a.d", "a.h.w", "a.s", "afb", "afd", "alg", "art", "bijv", "blz", "bv", "bvb", "ca", "d.d",
    "d.i", "d.m.v", "d.w.z", "dhr", "dr", "drs", "e.a", "e.d", "e.e.a", "e.v", "enz", "evt",
    "excl", "fig", "hfst", "i.c.m", "i.h.a", "i.o.m", "i.p.v", "i.s.m", "i.t.t", "i.v.m", "incl",
    "ing", "ir", "jl", "m.a.w", "m.b.t", "m.b.v", "m.i", "m.n", "m.u.v", "max", "mevr", "mln",
    "mld", "mr", "mw", "n.a.v", "nl", "nr", "o.a", "o.b.v", "o.i.d", "o.l.v", "o.m", "o.t.t",
    "p.p", "pag", "prof", "resp", "s.v.p", "t.a.v", "t.b.v", "t.g.v", "t.o.v", "t.w", "tel", "v.a",
    "v.chr", "n.chr", "vgl", "vnl", "vs", "w.o", "z.g.a.n", "z.s.m", "zgn", "zg", "jan", "feb",
    "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", // English
    "a.k.a", "a.m", "approx", "cf", "co", "corp", "dept", "e.g", "est", "etc", "et al", "al",
    "i.e", "inc", "jr", "ltd", "mrs", "ms", "no", "p.m", "sr", "st", "u.s", "u.k", "vol", "viz",
    "oct", "mar",
];

/// Abbreviations that often end a sentence: a period after them ends it when a capital follows.
const OPEN_ENDED: &[&str] = &["etc", "enz", "e.d", "e.a", "inc", "ltd", "co", "corp", "jr"];

/// Segment a block into sentences with source spans.
#[must_use]
pub fn sentences(block: &Block) -> Vec<Sentence> {
    split(&block.text)
        .into_iter()
        .map(|(start, end)| {
            let text = block.text.get(start..end).unwrap_or("").to_string();
            let word_ranges: Vec<(usize, usize)> = super::words(&text)
                .iter()
                .map(|w| (w.start, w.end))
                .collect();
            Sentence {
                word_ranges,
                span: block.source_span(start, end),
                text,
                start,
                end,
            }
        })
        .filter(|s| s.word_count() > 0)
        .collect()
}

/// The byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
#[must_use]
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(pos, c)) = chars.get(i) else {
            break;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // The run of terminal punctuation ("?!", "...", "…").
        let mut j = i;
        while chars
            .get(j + 1)
            .is_some_and(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
        {
            j += 1;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut k = j;
        while chars
            .get(k + 1)
            .is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*'))
        {
            k += 1;
        }
        let end = chars.get(k + 1).map_or(text.len(), |&(p, _)| p);
        let followed_by_space = chars.get(k + 1).is_none_or(|&(_, c)| c.is_whitespace());
        if !followed_by_space {
            i = k + 1;
            continue;
        }
        let next = next_word(text, end);
        let single_period = j == i && c == '.';
        let ellipsis = (j > i && c == '.') || c == '…';
        let is_boundary = match next {
            None => true,
            Some(next) => {
                let starts_lower = next.chars().next().is_some_and(char::is_lowercase)
                    && !is_dutch_elided_article(next);
                if starts_lower {
                    false
                } else if single_period {
                    let before = word_before(text, pos);
                    !is_abbreviation(before, next)
                } else if ellipsis {
                    next.chars().next().is_some_and(char::is_uppercase)
                } else {
                    true
                }
            }
        };
        if is_boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = k + 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// The next whitespace-separated token after `pos`, without opening quotes or brackets.
fn next_word(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?.trim_start();
    let token = rest.split_whitespace().next()?;
    let token = token.trim_start_matches(['"', '“', '„', '‘', '«', '(', '[', '*', '_']);
    if token.is_empty() {
        // Only punctuation: treat as a capital so that the boundary holds.
        Some("X")
    } else {
        Some(token)
    }
}

/// Dutch `'s` and `'t` start sentences in lower case ("'s Avonds", "'t Is").
fn is_dutch_elided_article(word: &str) -> bool {
    matches!(word, "'s" | "'t" | "’s" | "’t" | "'n" | "’n")
}

/// The token that ends at the period at `period` (from the previous whitespace).
fn word_before(text: &str, period: usize) -> &str {
    let head = text.get(..period).unwrap_or("");
    let start = head.rfind(char::is_whitespace).map_or(0, |p| {
        p + head
            .get(p..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8)
    });
    head.get(start..)
        .unwrap_or("")
        .trim_start_matches(['"', '“', '„', '‘', '«', '(', '[', '*', '_'])
}

/// Whether `word.` is an abbreviation or an initial (so the period does not end a sentence),
/// given the word that follows.
fn is_abbreviation(word: &str, next: &str) -> bool {
    let lower = word.to_lowercase();
    let mut chars = word.chars();
    // An initial: "J. Jansen", "A. B. Smith".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if !ABBREVIATIONS.contains(&lower.as_str()) {
        // Dotted abbreviations not in the list: "a.s.a.p", "o.i.d" (letters between dots).
        let dotted = lower.contains('.')
            && lower.split('.').all(|p| {
                !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
            });
        return dotted;
    }
    if OPEN_ENDED.contains(&lower.as_str()) {
        return !next.chars().next().is_some_and(char::is_uppercase);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            texts("Dit is één zin. En dit is twee! Klopt dat? Ja."),
            ["Dit is één zin.", "En dit is twee!", "Klopt dat?", "Ja."]
        );
    }

    #[test]
    fn dutch_abbreviations_do_not_split() {
        assert_eq!(
            texts("Gebruik bijv. een checklist, o.a. voor de planning. Dat werkt d.w.z. beter. Vraag het Dr. Jansen."),
            [
                "Gebruik bijv. een checklist, o.a. voor de planning.",
                "Dat werkt d.w.z. beter.",
                "Vraag het Dr. Jansen."
            ]
        );
        assert_eq!(
            texts("Dit geldt m.b.t. AI. Kijk ook i.p.v. Google naar Bing."),
            ["Dit geldt m.b.t. AI.", "Kijk ook i.p.v. Google naar Bing."]
        );
    }

    #[test]
    fn english_abbreviations_and_initials() {
        assert_eq!(
            texts("Use a tool, e.g. Vale. It helps, i.e. It catches typos. Mr. Smith and J. R. Tolkien agree. St. Louis is big."),
            [
                "Use a tool, e.g. Vale.",
                "It helps, i.e. It catches typos.",
                "Mr. Smith and J. R. Tolkien agree.",
                "St. Louis is big."
            ]
        );
        assert_eq!(
            texts("We sell apples, pears, etc. The shop opens at nine."),
            ["We sell apples, pears, etc.", "The shop opens at nine."]
        );
    }

    #[test]
    fn decimals_urls_and_versions_do_not_split() {
        assert_eq!(
            texts("Het kost 3,5 of 3.5 euro. Zie www.example.nl/a.b voor Rust 1.75.0 en meer. Bezoek example.com. Daarna iets."),
            [
                "Het kost 3,5 of 3.5 euro.",
                "Zie www.example.nl/a.b voor Rust 1.75.0 en meer.",
                "Bezoek example.com.",
                "Daarna iets."
            ]
        );
    }

    #[test]
    fn ellipses_quotes_and_lowercase_continuations() {
        assert_eq!(
            texts("Hij wachtte... en wachtte. Toen zei ze: \"Klaar.\" Daarna… Niets. Het was ca. vijf uur."),
            [
                "Hij wachtte... en wachtte.",
                "Toen zei ze: \"Klaar.\"",
                "Daarna…",
                "Niets.",
                "Het was ca. vijf uur."
            ]
        );
        assert_eq!(
            texts("Het was laat. 's Avonds regende het."),
            ["Het was laat.", "'s Avonds regende het."]
        );
    }

    #[test]
    fn sentences_carry_source_spans() {
        let src = "# Titel\n\nEerste zin met **nadruk**. Tweede zin\nover twee regels!\n";
        let d = crate::rules::testing::doc("a.md", src);
        let b = super::super::blocks(&d);
        let s = sentences(&b[0]);
        assert_eq!(s.len(), 2);
        assert_eq!(
            &src[s[0].span.start..s[0].span.end],
            "Eerste zin met **nadruk**."
        );
        assert_eq!(
            &src[s[1].span.start..s[1].span.end],
            "Tweede zin\nover twee regels!"
        );
        assert_eq!(s[1].word_count(), 5);
    }
}
