use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::keyword::{density, density_bounds, quoted, DENSITY_MIN_WORDS};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Keyword stuffing: the primary keyword occurs in more than 3% of the words of the main
    /// prose (counted like `keyword/low-density`, inflected and hyphen variants included).
    /// Pages under 300 words are skipped.
    ///
    /// ## Why it matters
    /// Repeating a keyword reads as spam to people and to search engines, and the GEO study of
    /// Aggarwal et al. (KDD 2024) found that keyword stuffing lowers a page's visibility in
    /// generative answers.
    ///
    /// ## Example
    /// `AI-workshop` 25 times in 600 words (4.2%) → replace repetitions by pronouns and
    /// synonyms ("de training", "de sessie").
    ///
    /// ## Options
    /// `[keyword] density_max = 3.0` (percent).
    pub struct Stuffing => "keyword/stuffing", Warning, "the primary keyword should not exceed 3% of the words"
}

impl Rule for Stuffing {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let pk = cx.keywords();
        let Some((kw, r, _)) = &pk.primary else {
            return;
        };
        let (hits, words, pct) = density(cx, kw, pk.lang);
        let (_, max) = density_bounds(cx.config);
        if words < DENSITY_MIN_WORDS || pct <= max {
            return;
        }
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "primary keyword {} occurs {hits} times in {words} words ({pct:.1}%); more than {max}% reads as keyword stuffing",
                    quoted(&r.text)
                ),
            )
            .maybe_at(r.span)
            .help("replace some repetitions with pronouns or synonyms, or write more about the topic itself"),
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
            s.push_str("Onze AI-workshops helpen. ");
        }
        for _ in 0..filler {
            s.push_str("Dit is een zin van acht losse woorden. ");
        }
        s
    }

    #[test]
    fn fails_on_stuffed_page_counting_inflections() {
        let f = run(&Stuffing, "a.md", &page(20, 40));
        assert_eq!(
            f[0].message,
            "primary keyword `AI-workshop` occurs 20 times in 400 words (5.0%); more than 3% reads as keyword stuffing"
        );
    }

    #[test]
    fn passes_on_normal_density() {
        assert!(run(&Stuffing, "a.md", &page(5, 50)).is_empty());
    }
}
