use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::prose::{syllables, words};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The reading ease of a page's prose: Flesch Reading Ease for English
    /// (206.835 − 1.015 · words per sentence − 84.6 · syllables per word) and Flesch–Douma for
    /// Dutch (206.84 − 0.77 · syllables per 100 words − 0.93 · words per sentence). English
    /// pages that score below `min_flesch` (default 30: "very difficult", academic text) and
    /// Dutch pages below `min_flesch_douma` (default 20; Dutch compounds are single long words,
    /// so Dutch scores run lower) are reported. Pages with fewer than `reading_ease_min_words` words of prose (default 200) are
    /// not scored. Syllables are counted per language from vowel groups (Dutch diphthongs, tremas;
    /// English silent e).
    ///
    /// ## Why it matters
    /// A low score means long sentences and long words: hard for the B1 reading level most
    /// Dutch and English readers are comfortable with, and hard to quote.
    ///
    /// ## Example
    /// A page scoring 18 → use shorter sentences and everyday words ("gebruiken" for
    /// "implementeren", "help" for "facilitate").
    ///
    /// ## Options
    /// `[readability] min_flesch = 30`, `min_flesch_douma = 20`, `reading_ease_min_words = 200`
    pub struct ReadingEase => "readability/reading-ease", Info, "prose should not be very difficult to read (flesch / flesch-douma)"
}

/// Words, sentences and syllables of a text, and its reading ease.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub ease: f64,
}

/// Reading ease of sentences in `lang`: Flesch (en) or Flesch–Douma (nl).
#[must_use]
pub fn score<'a>(sentences: impl IntoIterator<Item = &'a str>, lang: &str) -> Option<Score> {
    score_words(
        sentences
            .into_iter()
            .map(|s| words(s).into_iter().map(|w| w.text)),
        lang,
    )
}

/// [`score`] of sentences given as their words.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn score_words<'a, W: IntoIterator<Item = &'a str>>(
    sentences: impl IntoIterator<Item = W>,
    lang: &str,
) -> Option<Score> {
    let (mut w, mut s, mut syl) = (0usize, 0usize, 0usize);
    for sentence in sentences {
        let before = w;
        for word in sentence {
            w += 1;
            syl += syllables::count(word, lang);
        }
        if w > before {
            s += 1;
        }
    }
    if w == 0 || s == 0 {
        return None;
    }
    let wps = w as f64 / s as f64;
    let spw = syl as f64 / w as f64;
    let ease = if lang == "en" {
        206.835 - 1.015 * wps - 84.6 * spw
    } else {
        206.84 - 0.77 * (spw * 100.0) - 0.93 * wps
    };
    Some(Score {
        words: w,
        sentences: s,
        syllables: syl,
        ease,
    })
}

impl Rule for ReadingEase {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let opts = &cx.config.readability;
        let prose = cx.prose();
        let Some(sc) = score_words(
            prose
                .sentences
                .iter()
                .map(|(_, s)| s.word_ranges.iter().filter_map(|&(a, b)| s.text.get(a..b))),
            cx.lang,
        ) else {
            return;
        };
        let min = if cx.lang == "en" {
            opts.min_flesch
        } else {
            opts.min_flesch_douma
        };
        if sc.words < opts.reading_ease_min_words || sc.ease >= min {
            return;
        }
        let formula = if cx.lang == "en" {
            "flesch reading ease"
        } else {
            "flesch-douma reading ease"
        };
        #[allow(clippy::cast_precision_loss)]
        let (wps, spw) = (
            sc.words as f64 / sc.sentences as f64,
            sc.syllables as f64 / sc.words as f64,
        );
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "{formula} is {:.1}, below {:.0}: {wps:.1} words per sentence, {spw:.2} syllables per word",
                    sc.ease, min
                ),
            )
            .help("write shorter sentences and prefer short, everyday words"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn scores_follow_the_formulas() {
        let s = score(["De kat zit op de mat."], "nl").unwrap();
        assert_eq!((s.words, s.sentences, s.syllables), (6, 1, 6));
        assert!((s.ease - (206.84 - 77.0 - 0.93 * 6.0)).abs() < 1e-9);
        let s = score(["The cat sat on the mat."], "en").unwrap();
        assert!((s.ease - (206.835 - 1.015 * 6.0 - 84.6)).abs() < 1e-9);
    }

    #[test]
    fn fails_on_very_difficult_dutch() {
        let sentence = "De implementatie van kunstmatige intelligentie binnen organisaties vereist multidisciplinaire samenwerking tussen informatiemanagement, juridische afdelingen en operationele bedrijfsonderdelen. ";
        let src = format!("# Titel\n\n{}\n", sentence.repeat(20));
        let f = run(&ReadingEase, "a.md", &src);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.starts_with("flesch-douma reading ease is -"),
            "{}",
            f[0].message
        );
        assert!(
            f[0].message
                .ends_with("17.0 words per sentence, 4.00 syllables per word"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].span, None);
    }

    #[test]
    fn passes_on_plain_dutch_and_short_pages() {
        let src = format!(
            "# Titel\n\n{}\n",
            "Wij maken het werk licht. Je ziet snel wat het doet. ".repeat(20)
        );
        assert!(run(&ReadingEase, "a.md", &src).is_empty());
        let short = "# Titel\n\nDe implementatie van kunstmatige intelligentie vereist multidisciplinaire samenwerking.\n";
        assert!(run(&ReadingEase, "a.md", short).is_empty());
    }
}
