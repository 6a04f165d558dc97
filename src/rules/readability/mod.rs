//! `readability/*`: sentence length, reading ease (Flesch / Flesch–Douma) and passive voice.

pub mod long_sentences;
pub mod passive_voice;
pub mod reading_ease;

use serde::Deserialize;

use crate::prose::sentences::{sentences, Sentence};
use crate::prose::{blocks, Block};
use crate::rules::DocContext;

/// `[readability]` in geolint.toml, as written (every key optional).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawOptions {
    pub long_sentence_words: Option<usize>,
    pub long_sentence_share: Option<f64>,
    pub min_flesch: Option<f64>,
    pub min_flesch_douma: Option<f64>,
    pub reading_ease_min_words: Option<usize>,
    pub max_passive_share: Option<f64>,
}

/// The options of the readability rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// A sentence is long above this many words.
    pub long_sentence_words: usize,
    /// Report long sentences when more than this share of a page's sentences is long.
    pub long_sentence_share: f64,
    /// Flesch Reading Ease below which an English page is reported.
    pub min_flesch: f64,
    /// Flesch–Douma below which a Dutch page is reported. Dutch writes compounds as one word,
    /// so its scores run lower than English ones for text of the same difficulty.
    pub min_flesch_douma: f64,
    /// Pages with fewer words of prose get no reading-ease score.
    pub reading_ease_min_words: usize,
    /// Report passive sentences when more than this share of a page's sentences is passive.
    pub max_passive_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            long_sentence_words: 25,
            long_sentence_share: 0.25,
            min_flesch: 30.0,
            min_flesch_douma: 20.0,
            reading_ease_min_words: 200,
            max_passive_share: 0.2,
        }
    }
}

impl Options {
    /// Merge the user's table over the built-in one.
    #[must_use]
    pub fn merge(user: Option<RawOptions>, builtin: Option<RawOptions>) -> Self {
        let u = user.unwrap_or_default();
        let b = builtin.unwrap_or_default();
        let d = Self::default();
        Self {
            long_sentence_words: u
                .long_sentence_words
                .or(b.long_sentence_words)
                .unwrap_or(d.long_sentence_words),
            long_sentence_share: u
                .long_sentence_share
                .or(b.long_sentence_share)
                .unwrap_or(d.long_sentence_share),
            min_flesch: u.min_flesch.or(b.min_flesch).unwrap_or(d.min_flesch),
            min_flesch_douma: u
                .min_flesch_douma
                .or(b.min_flesch_douma)
                .unwrap_or(d.min_flesch_douma),
            reading_ease_min_words: u
                .reading_ease_min_words
                .or(b.reading_ease_min_words)
                .unwrap_or(d.reading_ease_min_words),
            max_passive_share: u
                .max_passive_share
                .or(b.max_passive_share)
                .unwrap_or(d.max_passive_share),
        }
    }
}

/// The prose of a page split into blocks and sentences.
pub struct PageProse {
    pub blocks: Vec<Block>,
    /// Sentences with the index of their block.
    pub sentences: Vec<(usize, Sentence)>,
}

impl PageProse {
    #[must_use]
    pub fn of(cx: &DocContext<'_>) -> Self {
        let blocks = blocks(cx.doc);
        let sentences = blocks
            .iter()
            .enumerate()
            .flat_map(|(i, b)| sentences(b).into_iter().map(move |s| (i, s)))
            .collect();
        Self { blocks, sentences }
    }
}

/// `n` as a percentage of `total`, rounded.
#[must_use]
pub fn percent(n: usize, total: usize) -> usize {
    (n * 100 + total / 2).checked_div(total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn options_merge_over_defaults_and_reject_unknown_keys() {
        let c = Config::parse(
            "[readability]\nlong_sentence_words = 20\nmin_flesch_douma = 10\n[geo]\nmax_age_days = 365\n",
            "geolint.toml".as_ref(),
        )
        .expect("parses");
        assert_eq!(c.readability.long_sentence_words, 20);
        assert!((c.readability.min_flesch_douma - 10.0).abs() < f64::EPSILON);
        assert!((c.readability.min_flesch - 30.0).abs() < f64::EPSILON);
        assert!((c.readability.max_passive_share - 0.2).abs() < f64::EPSILON);
        assert_eq!(c.geo.max_age_days, 365);
        assert_eq!(c.geo.answer_within_words, 60);
        let e = Config::parse("[readability]\nmax_sentence = 3\n", "g.toml".as_ref())
            .expect_err("unknown key");
        assert_eq!(e.location, ":2:1");
        assert!(
            e.message.contains("unknown field `max_sentence`"),
            "{}",
            e.message
        );
    }
}
