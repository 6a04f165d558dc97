use super::percent;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::prose::passive;
use crate::rules::{DocContext, Rule};

/// Pages with fewer sentences get no passive-voice share.
const MIN_SENTENCES: usize = 5;

declare_rule! {
    /// ## What it checks
    /// Passive sentences, on pages (of at least five sentences) where more than
    /// `max_passive_share` (default 20%) of the sentences are passive. Each passive construction
    /// is reported. Dutch: a form of `worden` or `zijn` with a past participle in the same clause
    /// ("wordt gebouwd", "dat het huis gebouwd is", "werd door ons opgesteld"), including
    /// separable (aangeboden) and irregular participles (beschreven, ontvangen), but not the
    /// perfect of verbs that take `zijn` ("is gestegen", "is gegaan"). English: a form of `be`
    /// with a past participle ("was built", "is not published"), but not adjectives such as
    /// "tired" or "interested".
    ///
    /// ## Why it matters
    /// Active sentences say who does what: shorter, clearer and easier to quote. A passive
    /// here and there is fine; a page full of them hides the actors.
    ///
    /// ## Example
    /// "De offerte wordt door ons binnen een dag opgesteld." → "Wij sturen de offerte binnen een
    /// dag."
    ///
    /// ## Options
    /// `[readability] max_passive_share = 0.2`
    pub struct PassiveVoice => "readability/passive-voice", Info, "prefer active sentences to passive ones"
}

impl Rule for PassiveVoice {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let prose = cx.prose();
        let total = prose.sentences.len();
        if total < MIN_SENTENCES {
            return;
        }
        let hits: Vec<_> = prose
            .sentences
            .iter()
            .filter_map(|(b, s)| {
                let p = passive::find_in(&s.text, &s.words(), cx.lang)?;
                let block = prose.blocks.get(*b)?;
                Some(block.source_span(s.start + p.start, s.start + p.end))
            })
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let share = hits.len() as f64 / total as f64;
        if hits.is_empty() || share <= cx.config.readability.max_passive_share {
            return;
        }
        for span in &hits {
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "passive voice; {} of {total} sentences ({}%) are passive",
                        hits.len(),
                        percent(hits.len(), total)
                    ),
                )
                .at(*span)
                .help("say who does it: make the actor the subject of an active sentence"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run, run_with, texts};

    #[test]
    fn fails_on_a_passive_page() {
        let src = "# Titel\n\nDe offerte wordt door ons opgesteld. Het plan werd goedgekeurd. Wij bellen je. Je krijgt een mail. Dat is alles.\n";
        let f = run(&PassiveVoice, "a.md", src);
        assert_eq!(
            texts(src, &f),
            ["wordt door ons opgesteld", "werd goedgekeurd"]
        );
        assert_eq!(
            f[0].message,
            "passive voice; 2 of 5 sentences (40%) are passive"
        );
    }

    #[test]
    fn fails_on_english_with_lang() {
        let src = "# Title\n\nThe crate was published yesterday. It is written in Rust. We love it. You can try it. Tell us more.\n";
        let f = run_with(&PassiveVoice, "a.md", src, &config("language = \"en\""));
        assert_eq!(texts(src, &f), ["was published", "is written"]);
    }

    #[test]
    fn passes_on_active_pages() {
        let src = "# Titel\n\nWij stellen de offerte op. De prijs is gestegen. Wij bellen je. Je krijgt een mail. Dat is alles.\n";
        assert!(run(&PassiveVoice, "a.md", src).is_empty());
    }
}
