use super::{
    block_has_link_or_footnote, has_source_cue, is_hypothetical, is_table_cell, reports_own_study,
    STATISTIC,
};
use crate::declare_rule;
use crate::diagnostic::Finding;

use crate::prose::sentences::sentences;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Statistics in running text — percentages ("45%", "3,5 procent"), ratios ("3 op de 4",
    /// "one in five"), multipliers ("twee keer zoveel", "10x sneller") and amounts in millions
    /// or billions ("€ 2,5 miljoen") — with no source in the same sentence or paragraph: no
    /// link, no footnote, no "bron", "volgens", "according to", "source", "(CBS, 2024)".
    /// Years, dates, versions, prices, phone numbers and postcodes are not statistics; code is
    /// ignored, and so are sentences that only suppose a number: examples, goals and thresholds
    /// ("bijvoorbeeld 5 procent", "zodra je 80% van je budget hebt bereikt", "at least 50%").
    /// Table cells are data, not claims, and a page that reports its own survey or study (its
    /// title says "survey", "enquête", "results", "benchmark") is the source of its numbers.
    /// A figure that comes back later on the page is reported once. One finding per sentence.
    ///
    /// ## Why it matters
    /// In "GEO: Generative Engine Optimization" (Aggarwal et al., KDD 2024) adding statistics
    /// and citing sources were among the changes that raised a page's visibility in generative
    /// answers the most. A number without a source is a claim nobody can check, and engines
    /// prefer to quote what they can attribute.
    ///
    /// ## Example
    /// "73% van de mkb'ers gebruikt AI." → "73% van de mkb'ers gebruikt AI, volgens de
    /// [MKB-barometer 2026](https://…)."
    ///
    /// ## Options
    /// None.
    pub struct UnsourcedStatistic => "geo/unsourced-statistic", Warning, "statistics should name their source"
}

impl Rule for UnsourcedStatistic {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if reports_own_study(cx) {
            return;
        }
        // Numbers already given (sourced or reported) earlier on the page are not reported again:
        // "die 91 procent" refers back to the sourced figure.
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for block in &cx.prose().blocks {
            if !STATISTIC.is_match(&block.text) || is_table_cell(cx, block) {
                continue;
            }
            if block_has_link_or_footnote(cx, block) || has_source_cue(&block.text) {
                seen.extend(
                    STATISTIC
                        .find_iter(&block.text)
                        .map(|m| number_of(m.as_str())),
                );
                continue;
            }
            for s in sentences(block) {
                let Some(m) = STATISTIC.find(&s.text) else {
                    continue;
                };
                let stat = m.as_str().trim();
                if !seen.insert(number_of(stat)) {
                    continue;
                }
                let after = s.text.get(m.end()..).unwrap_or("");
                if is_idiom(stat) || is_rate(after) || is_hypothetical(&s.text) {
                    continue;
                }
                let span = block.source_span(s.start + m.start(), s.start + m.end());
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("statistic `{stat}` has no source in its sentence or paragraph"),
                    )
                    .at(span)
                    .help("name the source: link to it, or add \"volgens …\" / \"according to …\" or a footnote"),
                );
            }
        }
    }
}

/// The figure of a statistic, for recognising it when it comes back ("91%" = "91 procent").
fn number_of(stat: &str) -> String {
    let digits: String = stat
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    if digits.is_empty() {
        stat.to_lowercase()
    } else {
        digits
    }
}

/// A tax, discount or interest rate: "21% btw", "10% korting", "4% interest".
fn is_rate(after: &str) -> bool {
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        next.as_str(),
        "btw" | "vat" | "korting" | "discount" | "rente" | "interest" | "off" | "tax" | "belasting"
    )
}

/// "100% zeker", "0% rente" and the like are figures of speech or offers, not statistics.
fn is_idiom(stat: &str) -> bool {
    let digits: String = stat.chars().take_while(char::is_ascii_digit).collect();
    stat.contains('%') && matches!(digits.as_str(), "100" | "0")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_unsourced_statistics() {
        let src = "# T\n\n73% van de mkb'ers gebruikt AI. Eén op de vijf twijfelt nog.\n\nHet is twee keer zoveel als vorig jaar.\n";
        let f = run(&UnsourcedStatistic, "a.md", src);
        assert_eq!(
            texts(src, &f),
            ["73%", "Eén op de vijf", "twee keer zoveel"]
        );
        assert_eq!(
            f[0].message,
            "statistic `73%` has no source in its sentence or paragraph"
        );
    }

    #[test]
    fn passes_when_sourced_or_not_a_statistic() {
        let src = "# T\n\nVolgens het CBS gebruikt 73% van de mkb'ers AI.\n\n\
                   Het aandeel groeide tot 40% ([MKB-barometer](https://example.nl/b)).\n\n\
                   De groei was 12 procent (CBS, 2025).\n\n\
                   In 2024 kostte Rust 1.75 € 450 per dag; bel 020-1234567, postcode 1234 AB.\n\n\
                   Wij zijn 100% onafhankelijk.\n\n\
                   Stel een doel: een stijging van 10 procent.\n\n\
                   Een offerte met 21% btw en 10% korting.\n\n\
                   Het resultaat, gepubliceerd in Nature, was 95% zeker.\n\n\
                   Volgens Gartner groeit 91 procent. Die 91% is hoog.\n\n\
                   | jaar | groei |\n|---|---|\n| 2025 | 12% |\n\n\
                   Uit het rapport State of AI 2026 van Dealroom blijkt dat 30 procent groeit.\n\n\
                   De adoptie groeit: 53% van de mkb-bedrijven gebruikt AI\nsmb-gr.com\n.\n\n\
                   Nog 29% start binnen een jaar. citeturn0search3\n\n```\nlet x = 50%;\n```\n";
        assert!(run(&UnsourcedStatistic, "a.md", src).is_empty());
    }
}
