//! Prose analysis shared by the `readability` and `geo` rules: text blocks built from the
//! document's prose runs (mapped back to source bytes), sentence segmentation, words, syllables
//! and passive voice.

pub mod passive;
pub mod sentences;
pub mod syllables;

use crate::document::Document;
use crate::span::Span;

/// One piece of a block's text and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// Byte range in [`Block::text`].
    text_start: usize,
    text_end: usize,
    /// Span of the prose run in the source.
    source: Span,
    /// Whether the run's text is the source text byte for byte.
    exact: bool,
}

/// The prose of one paragraph (or list item, table cell): its runs joined into one string, with
/// a map back to source bytes. Inline code, markup and link URLs are left out.
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub text: String,
    /// Span of the paragraph in the source.
    pub span: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
    pieces: Vec<Piece>,
}

impl Block {
    /// The source span of the text range `start..end` of [`Block::text`]. Offsets inside a run
    /// whose text differs from its source (entities, escapes) widen to the whole run.
    #[must_use]
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let s = self.map(start, true);
        let e = self.map(end, false);
        if e > s {
            Span::new(s, e)
        } else {
            Span::new(s, s.max(e))
        }
    }

    fn map(&self, offset: usize, is_start: bool) -> usize {
        // The piece holding the offset; at a boundary the start belongs to the next piece and
        // the end to the previous one.
        let found = self.pieces.iter().find(|p| {
            if is_start {
                p.text_start <= offset && offset < p.text_end
            } else {
                p.text_start < offset && offset <= p.text_end
            }
        });
        let Some(piece) = found else {
            // In a joining space: use the nearest piece.
            let next = self.pieces.iter().find(|p| p.text_start >= offset);
            let prev = self.pieces.iter().rev().find(|p| p.text_end <= offset);
            return match (is_start, next, prev) {
                (true, Some(n), _) | (false, Some(n), None) => n.source.start,
                (_, _, Some(p)) => p.source.end,
                _ => self.span.start,
            };
        };
        if piece.exact {
            piece.source.start + (offset - piece.text_start)
        } else if is_start {
            piece.source.start
        } else {
            piece.source.end
        }
    }
}

/// The prose blocks of the main content, in source order. Text runs belong to the innermost
/// paragraph that contains them; runs outside every paragraph (headings) are left out.
#[must_use]
pub fn blocks(doc: &Document) -> Vec<Block> {
    let mut order: Vec<usize> = (0..doc.paragraphs.len())
        .filter(|&i| doc.paragraphs.get(i).is_some_and(|p| p.in_main))
        .collect();
    order.sort_by_key(|&i| {
        doc.paragraphs
            .get(i)
            .map_or((0, 0), |p| (p.span.start, usize::MAX - p.span.end))
    });
    let spans: Vec<Span> = order
        .iter()
        .filter_map(|&i| doc.paragraphs.get(i).map(|p| p.span))
        .collect();
    let mut out: Vec<Block> = order
        .iter()
        .zip(&spans)
        .map(|(&i, &span)| Block {
            span,
            paragraph: i,
            ..Block::default()
        })
        .collect();
    let mut last_end: Vec<Option<usize>> = vec![None; out.len()];
    for run in doc.prose.iter().filter(|r| r.in_main) {
        // The innermost paragraph holding the run: the latest-starting one that contains it.
        let upto = spans.partition_point(|s| s.start <= run.span.start);
        let Some(idx) = (0..upto)
            .rev()
            .take(64)
            .find(|&k| spans.get(k).is_some_and(|s| s.contains(run.span)))
        else {
            continue;
        };
        let (Some(block), Some(prev_end)) = (out.get_mut(idx), last_end.get_mut(idx)) else {
            continue;
        };
        if let Some(pe) = *prev_end {
            let gap = doc.source.get(pe..run.span.start).unwrap_or(" ");
            let needs_space = gap.chars().any(char::is_whitespace)
                && !block.text.ends_with(char::is_whitespace)
                && !run.text.starts_with(char::is_whitespace);
            if needs_space {
                block.text.push(' ');
            }
        }
        let text_start = block.text.len();
        block.text.push_str(&run.text);
        block.pieces.push(Piece {
            text_start,
            text_end: block.text.len(),
            source: run.span,
            exact: run.exact,
        });
        *prev_end = Some(run.span.end);
    }
    out.retain(|b| !b.text.trim().is_empty());
    out
}

/// A word of prose: its byte range in the text it was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words of `text` (Unicode word boundaries, keeping in-word hyphens and apostrophes), with
/// URLs, e-mail addresses and tokens without a letter or digit left out.
#[must_use]
pub fn words(text: &str) -> Vec<Word<'_>> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += token.len();
        let token = token.trim_end();
        if token.contains("://")
            || token
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("www."))
            || token.contains('@')
        {
            continue;
        }
        // Most tokens are a plain word with punctuation around it ("(zie", "kost.", "AI,"):
        // such a word is one word under the Unicode rules, so the segmenter can be skipped.
        if let Some((i, w)) = plain_word(token) {
            out.push(Word {
                text: w,
                start: start + i,
                end: start + i + w.len(),
            });
            continue;
        }
        for (i, w) in token.split_word_bound_indices() {
            if w.chars().any(char::is_alphanumeric) {
                out.push(Word {
                    text: w,
                    start: start + i,
                    end: start + i + w.len(),
                });
            }
        }
    }
    // Join hyphenated compounds (AI-workshop, e-mail) back into one word.
    let mut joined: Vec<Word<'_>> = Vec::with_capacity(out.len());
    for w in out {
        if let Some(last) = joined.last_mut() {
            if last.end + 1 == w.start && text.get(last.end..w.start) == Some("-") {
                if let Some(t) = text.get(last.start..w.end) {
                    last.text = t;
                    last.end = w.end;
                    continue;
                }
            }
        }
        joined.push(w);
    }
    joined
}

/// A token that is one word between punctuation: its offset and the word. Only letters of
/// Latin-1 and digits count (every one of them is `ALetter` or `Numeric` in UAX #29, and runs of
/// those never break), and only punctuation that never joins words may surround it.
pub(crate) fn plain_word(token: &str) -> Option<(usize, &str)> {
    // Not `_`: it joins words (`_x` is one word).
    const LEADING: [char; 7] = ['(', '[', '"', '“', '‘', '\'', '*'];
    const TRAILING: [char; 13] = [
        '.', ',', ';', ':', '!', '?', ')', ']', '"', '”', '’', '\'', '*',
    ];
    let word_char = |c: char| {
        c.is_ascii_alphanumeric() || (('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷')
    };
    let rest = token.trim_start_matches(LEADING);
    let core = rest.trim_end_matches(TRAILING);
    (!core.is_empty() && core.chars().all(word_char)).then(|| (token.len() - rest.len(), core))
}

/// The same as `text.unicode_word_indices()` (UAX #29 words that hold a letter or digit), faster
/// on ordinary prose: whitespace always separates words, so each whitespace-separated token is
/// segmented alone, and a plain token (see [`plain_word`]) needs no segmenter at all. Text with a
/// combining mark, format character or emoji falls back to the segmenter over the whole text,
/// since those may attach to the whitespace before them.
#[must_use]
pub fn unicode_word_indices(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    let unusual = |c: char| {
        !c.is_ascii()
            && (unicode_normalization::char::is_combining_mark(c)
                || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{feff}')
                || ('\u{200b}'..='\u{200f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2060}'..='\u{206f}').contains(&c)
                || u32::from(c) >= 0x1_F000)
    };
    if text.chars().any(unusual) {
        return text.unicode_word_indices().collect();
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += token.len();
        let token = token.trim_end_matches(char::is_whitespace);
        if token.is_empty() {
            continue;
        }
        if let Some((i, w)) = plain_word(token) {
            out.push((start + i, w));
            continue;
        }
        out.extend(token.unicode_word_indices().map(|(i, w)| (start + i, w)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::doc;

    #[test]
    fn blocks_join_runs_and_map_back() {
        let src = "# Kop\n\nDit is **vet** en [een link](https://x.nl) hier.\nTweede regel.\n\n- punt een\n- punt `code` twee\n";
        let d = doc("a.md", src);
        let b = blocks(&d);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].text, "Dit is vet en een link hier. Tweede regel.");
        let at = b[0].text.find("link hier").unwrap();
        let span = b[0].source_span(at, at + "link hier".len());
        assert_eq!(&src[span.start..span.end], "link](https://x.nl) hier");
        let at = b[0].text.find("Tweede").unwrap();
        let span = b[0].source_span(at, b[0].text.len());
        assert_eq!(&src[span.start..span.end], "Tweede regel.");
        assert_eq!(b[1].text, "punt een");
        assert_eq!(b[2].text, "punt  twee");
    }

    #[test]
    fn html_blocks_keep_spaces_between_tags() {
        let src = "<html><body><main><p>Een <b>vette</b> zin &amp; meer.</p></main></body></html>";
        let d = doc("a.html", src);
        let b = blocks(&d);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text, "Een vette zin & meer.");
        let at = b[0].text.find("vette").unwrap();
        let span = b[0].source_span(at, at + 5);
        assert_eq!(&src[span.start..span.end], "vette");
    }

    /// `words` without the plain-word shortcut: every token through the segmenter.
    fn words_by_segmenter(text: &str) -> Vec<(usize, usize)> {
        use unicode_segmentation::UnicodeSegmentation;
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut offset = 0;
        for token in text.split_inclusive(char::is_whitespace) {
            let start = offset;
            offset += token.len();
            let token = token.trim_end();
            let lower = token.to_ascii_lowercase();
            if lower.contains("://") || lower.starts_with("www.") || token.contains('@') {
                continue;
            }
            for (i, w) in token.split_word_bound_indices() {
                if w.chars().any(char::is_alphanumeric) {
                    out.push((start + i, start + i + w.len()));
                }
            }
        }
        let mut joined: Vec<(usize, usize)> = Vec::new();
        for w in out {
            if let Some(last) = joined.last_mut() {
                if last.1 + 1 == w.0 && text.get(last.1..w.0) == Some("-") {
                    last.1 = w.1;
                    continue;
                }
            }
            joined.push(w);
        }
        joined
    }

    proptest::proptest! {
        #[test]
        fn plain_word_shortcut_splits_as_the_segmenter_does(
            text in r"([a-zA-Z0-9éëïöüÉßçñ×÷_'’.,;:!?()\[\]\x22“”‘*@/-]{0,6}[ \n]?){0,12}"
        ) {
            let got: Vec<(usize, usize)> = words(&text).iter().map(|w| (w.start, w.end)).collect();
            proptest::prop_assert_eq!(got, words_by_segmenter(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn word_indices_match_the_segmenter(
            text in r"([a-zA-Z0-9éëïöüÉßçñ×÷€–—_'’.,;:!?()\[\]\x22“”‘*@/#-]{0,6}[ \n\t\u{a0}]{0,2}){0,12}([\u{301}\u{ad}\u{200d}\u{1f600}]?[a-z ]{0,4}){0,2}"
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let want: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            proptest::prop_assert_eq!(unicode_word_indices(&text), want);
        }
    }

    #[test]
    fn words_skip_urls_and_join_hyphens() {
        let w: Vec<&str> = words("De AI-workshop (zie https://x.nl/a) kost €450, o.a. nu.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["De", "AI-workshop", "zie", "kost", "450", "o.a", "nu"]);
    }
}
