use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::keyword::{density, density_bounds, quoted, DENSITY_MIN_WORDS};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// How often the primary keyword occurs in the main prose (headings and paragraphs, never
    /// code or URLs), as occurrences per 100 words. Below 0.5% the page barely names its own
    /// topic. Occurrences are counted as phrases in order with small gaps, with inflections,
    /// hyphen and compound variants (`kosten van een AI-cursus` counts for `kosten AI-cursus`).
    /// Pages under 300 words are skipped.
    ///
    /// ## Why it matters
    /// A page that names its topic once in 1,500 words leaves readers and engines guessing
    /// what it is about; synonyms help, but the words people search for should be there.
    ///
    /// ## Example
    /// 1 occurrence of `AI-workshop kosten` in 1,200 words (0.1%) → use it, or an inflected
    /// form, in a few more sentences where it reads naturally.
    ///
    /// ## Options
    /// `[keyword] density_min = 0.5` (percent).
    pub struct LowDensity => "keyword/low-density", Info, "the primary keyword should occur in at least 0.5% of the words"
}

impl Rule for LowDensity {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let pk = cx.keywords();
        let Some((kw, r, _)) = &pk.primary else {
            return;
        };
        let (hits, words, pct) = density(cx, kw, pk.lang);
        let (min, _) = density_bounds(cx.config);
        if words < DENSITY_MIN_WORDS || pct >= min {
            return;
        }
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "primary keyword {} occurs {hits} times in {words} words ({pct:.1}%); expected at least {min}%",
                    quoted(&r.text)
                ),
            )
            .maybe_at(r.span)
            .help("use the keyword, or an inflected form, in a few more sentences where it reads naturally"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    fn page(kw_times: usize, filler: usize) -> String {
        let mut s = String::from("---\nkeywords: [AI-workshop]\n---\n");
        for _ in 0..kw_times {
            s.push_str("Een AI-workshop helpt. ");
        }
        for _ in 0..filler {
            s.push_str("Dit is een zin van acht losse woorden. ");
        }
        s
    }

    #[test]
    fn fails_when_keyword_is_rare() {
        let src = page(1, 50);
        let f = run(&LowDensity, "a.md", &src);
        assert_eq!(
            f[0].message,
            "primary keyword `AI-workshop` occurs 1 times in 404 words (0.2%); expected at least 0.5%"
        );
        assert_eq!(f[0].span.and_then(|s| s.slice(&src)), Some("AI-workshop"));
    }

    #[test]
    fn passes_when_frequent_enough_or_short() {
        assert!(run(&LowDensity, "a.md", &page(5, 50)).is_empty());
        assert!(run(&LowDensity, "a.md", &page(0, 10)).is_empty());
    }
}
