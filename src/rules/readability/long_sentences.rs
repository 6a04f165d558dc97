use super::percent;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Sentences longer than `long_sentence_words` words (default 25), on pages where more than
    /// `long_sentence_share` (default 25%) of the sentences are that long. Each long sentence is
    /// reported. Sentences are found with Dutch and English abbreviations (bijv., o.a., d.w.z.,
    /// e.g., i.e.), decimals, URLs and list items in mind; headings and code are left out.
    ///
    /// ## Why it matters
    /// Long sentences are the strongest predictor of hard text in every readability formula,
    /// and generative engines lift short, self-contained sentences into their answers. A few
    /// long sentences are fine; a page full of them is tiring to read.
    ///
    /// ## Example
    /// "Wij helpen bedrijven in heel Nederland met het inzetten van AI, waarbij we altijd
    /// beginnen met een workshop waarin we samen met het team kijken naar de processen die het
    /// meeste tijd kosten en waar automatisering het snelst iets oplevert." (38 words) → split it
    /// after "AI" and after "kosten".
    ///
    /// ## Options
    /// `[readability] long_sentence_words = 25`, `long_sentence_share = 0.25`
    pub struct LongSentences => "readability/long-sentences", Warning, "most sentences should be shorter than 25 words"
}

impl Rule for LongSentences {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let opts = &cx.config.readability;
        let prose = cx.prose();
        let total = prose.sentences.len();
        let long: Vec<_> = prose
            .sentences
            .iter()
            .filter(|(_, s)| s.word_count() > opts.long_sentence_words)
            .collect();
        if total == 0 || long.is_empty() {
            return;
        }
        #[allow(clippy::cast_precision_loss)]
        let share = long.len() as f64 / total as f64;
        if share <= opts.long_sentence_share {
            return;
        }
        let max = opts.long_sentence_words;
        for (_, s) in &long {
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "sentence has {} words; {} of {total} sentences ({}%) are longer than {max} words",
                        s.word_count(),
                        long.len(),
                        percent(long.len(), total)
                    ),
                )
                .at(s.span)
                .help(format!(
                    "split the sentence where a new idea starts, so that most sentences stay under {max} words"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    const LONG: &str = "Wij helpen bedrijven in heel Nederland met het inzetten van AI, waarbij we altijd beginnen met een workshop waarin we samen met het team kijken naar de processen die het meeste tijd kosten.";

    #[test]
    fn fails_when_many_sentences_are_long() {
        let src = format!("# Titel\n\n{LONG} Dat werkt goed. Bel ons, bijv. vandaag.\n");
        let f = run(&LongSentences, "a.md", &src);
        assert_eq!(texts(&src, &f), [LONG]);
        assert_eq!(
            f[0].message,
            "sentence has 33 words; 1 of 3 sentences (33%) are longer than 25 words"
        );
    }

    #[test]
    fn passes_when_few_sentences_are_long() {
        let src = format!(
            "# Titel\n\n{LONG} Dat werkt goed. Bel ons vandaag. Of mail ons.\n\n```\n{LONG}\n```\n"
        );
        assert!(run(&LongSentences, "a.md", &src).is_empty());
        assert!(run(&LongSentences, "a.md", "# Titel\n\nKort. Ook kort.\n").is_empty());
    }
}
