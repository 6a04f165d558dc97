//! `readability/*`: sentence length, reading ease (Flesch / Flesch–Douma) and passive voice.

pub mod long_sentences;
pub mod passive_voice;
pub mod reading_ease;

use crate::prose::sentences::{sentences, Sentence};
use crate::prose::{blocks, Block};
use crate::rules::DocContext;

crate::declare_options!("readability" {
    /// A sentence is long above this many words.
    long_sentence_words: usize = 25,
    /// Report long sentences when more than this share of a page's sentences is long.
    long_sentence_share: f64 = 0.25,
    /// Flesch Reading Ease below which an English page is reported.
    min_flesch: f64 = 30.0,
    /// Flesch–Douma below which a Dutch page is reported. Dutch writes compounds as one word,
    /// so its scores run lower than English ones for text of the same difficulty.
    min_flesch_douma: f64 = 20.0,
    /// Pages with fewer words of prose get no reading-ease score.
    reading_ease_min_words: usize = 200,
    /// Report passive sentences when more than this share of a page's sentences is passive.
    max_passive_share: f64 = 0.2,
});

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
