//! `geo/*`: generative-engine readiness, after Aggarwal et al., "GEO: Generative Engine
//! Optimization" (KDD 2024): sourced statistics, attributed quotations, answer-first intros,
//! freshness, question headings and FAQ blocks.

crate::declare_options!("geo" {
    /// Pages whose `updated` (else `date`) is older than this many days are reported.
    max_age_days: u32 = 730,
    /// Quotations shorter than this many words (scare quotes, titles) are left alone.
    quote_min_words: usize = 6,
    /// A question title must be answered within this many words of the first paragraph.
    answer_within_words: usize = 60,
    /// Pages with fewer question-form H2 headings than this share, and no FAQ block, are noted.
    min_question_h2_share: f64 = 0.2,
});

pub mod answer_first;
pub mod question_headings;
pub mod stale_content;
pub mod unattributed_quote;
pub mod unsourced_statistic;

use std::sync::LazyLock;

use crate::prose::Block;
use crate::rules::DocContext;

/// Statistics: percentages, "3 op de 4", "x keer zoveel", amounts in millions or billions.
pub(crate) static STATISTIC: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(concat!(
        r"(?i)(?:",
        // 45%, 3,5 procent, 12 percent
        r"(?-u:\b)\d+(?:[.,]\d+)?\s?(?:%|procent(?-u:\b)|percent(?-u:\b)|per cent(?-u:\b))",
        r"|",
        // 3 op de 4, één op de vijf, 1 in 10, two out of three
        r"(?:(?-u:\b)(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four|five|six|seven|eight|nine|ten)|één|eén)\s+(?:op\s+(?:de\s+)?|out\s+of\s+(?:every\s+)?|in\s+(?:every\s+)?)(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|honderd|duizend|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)(?-u:\b)",
        r"|",
        // 3x sneller, twee keer zoveel, 10 times faster
        r"(?-u:\b)(?:\d+(?:[.,]\d+)?|twee|drie|vier|vijf|tien|honderd|two|three|four|five|ten|hundred)\s?(?:x|keer|maal|times)\s+(?:zo\s?veel|zo\s+\w+|meer|minder|groter|kleiner|sneller|hoger|lager|vaker|beter|more|less|fewer|faster|slower|higher|lower|larger|smaller|better|as\s+\w+)(?-u:\b)",
        r"|",
        // € 2,5 miljoen, 3 miljard, $4 billion
        r"(?:[€$£]\s?)?(?-u:\b)\d+(?:[.,]\d+)?\s?(?:miljoen|miljard|biljoen|mln|mld|million|billion|trillion|bn)(?-u:\b)",
        r")"
    ))
});

/// Words that name a source for a claim in the same sentence or paragraph.
pub(crate) static SOURCE_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(concat!(
        r"(?i)(?-u:\b)(?:bron\w*|volgens|according\s+to|source[sd]?|aldus|cijfers\s+(?:van|uit)|data\s+(?:van|from)|",
        r"onderzoek\s+(?:van|door)|studie\s+(?:van|door)|rapport\w*|(?:enquête|peiling)\s+(?:van|door|onder)|",
        r"(?:study|survey|research|analysis|data)\s+(?:by|from|of|among)|reports?|",
        r"onderzocht|onderzochten|analyseerde|peiling|meldt|melden|rapporteert|publiceerde|",
        r"reported|published|gepubliceerd\w*|analyse\s+(?:van|door)|benadrukt|claimt|claims|",
        r"measured|gemeten|cited|citeert|zegt|zei|says|said)(?-u:\b)",
        // (CBS, 2024), (Gartner 2023)
        r"|\(\s*[\p{Lu}][\w&.\- ]*,?\s+(?:19|20)\d\d\s*\)",
    ))
});

/// Sentences that state an example, a goal or a hypothetical, not a finding: "stel een doel
/// van 10 procent", "zodra je 80 procent van het budget hebt bereikt", "for example 5%".
static HYPOTHETICAL_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(concat!(
        r"(?i)(?-u:\b)(?:bijvoorbeeld|bijv|stel|zou|zouden|kun|kunt|overweeg|zodra|doel|streef\w*|mogelijkheid|optie|",
        r"minimaal|maximaal|tot\s+wel|for\s+example|e\.g|suppose|say|imagine|if\s+you|",
        r"as\s+soon\s+as|target|goal|at\s+least|up\s+to)(?-u:\b)"
    ))
});

/// Whether a sentence only supposes a number (an example, a goal, a threshold).
fn is_hypothetical(sentence: &str) -> bool {
    HYPOTHETICAL_CUE.is_match(sentence)
}

/// Whether a block of prose cites a source: a link, a footnote, or the mangled citation a chat
/// tool left (a bare domain line, a `citeturn…` token). The latter has a source; `artifact/*`
/// reports that it must become a real link, so the statistic is not reported a second time.
fn block_has_link_or_footnote(cx: &DocContext<'_>, block: &Block) -> bool {
    let text = cx.doc.text(block.span);
    let residue = &crate::rules::artifact::PATTERNS;
    cx.doc
        .links
        .iter()
        .any(|l| block.span.contains(l.span) && !l.href.trim().is_empty())
        || text.contains("[^")
        || text.contains("<sup")
        || residue.bare_domain.is_match(text)
        || residue.citation.is_match(text)
}

/// Titles of pages that report their own survey or study.
pub(crate) static OWN_STUDY: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?i)(?-u:\b)(?:survey|enquête|enquete|results|resultaten|benchmarks?|jaarverslag|annual\s+report|onderzoeksrapport)(?-u:\b)",
    )
});

/// A page that reports its own survey or study ("State of Rust survey results", "Resultaten
/// van onze enquête") is the source of its numbers.
pub fn reports_own_study(cx: &DocContext<'_>) -> bool {
    cx.seo_title()
        .into_iter()
        .map(|t| t.text)
        .chain(
            cx.main_headings()
                .filter(|h| h.level == 1)
                .map(|h| h.text.clone()),
        )
        .any(|t| OWN_STUDY.is_match(&t))
}

/// Table cells hold data, not claims in running text.
pub fn is_table_cell(cx: &DocContext<'_>, block: &crate::prose::Block) -> bool {
    let src = &cx.doc.source;
    let line_start = src
        .get(..block.span.start)
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = src.get(line_start..block.span.end).unwrap_or("");
    let text = cx.doc.text(block.span).trim_start().to_ascii_lowercase();
    line.trim_start().starts_with('|') || text.starts_with("<td") || text.starts_with("<th")
}

/// Whether `text` names a source.
fn has_source_cue(text: &str) -> bool {
    SOURCE_CUE.is_match(text)
}

/// Dutch and English question words that open a question.
const QUESTION_WORDS: &[&str] = &[
    "wat", "wie", "waarom", "hoe", "hoeveel", "welke", "welk", "wanneer", "waar", "waarmee",
    "waarvoor", "what", "who", "why", "how", "which", "when", "where", "whom", "whose",
];

/// Whether a heading opens with a question word, as direct and indirect questions do ("Hoe je
/// dit toepast", "What it costs"): the phrasing people use in prompts.
#[must_use]
pub fn starts_with_question_word(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| QUESTION_WORDS.contains(&w.as_str()))
}

/// Whether a heading or title is phrased as a question: it ends in `?` or opens with a question
/// word followed by a verb-like word ("Wat is", "Hoeveel kost", "How does").
#[must_use]
pub fn is_question(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ' ']);
    if t.ends_with('?') {
        return true;
    }
    let mut words = t.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    QUESTION_WORDS.contains(&first.as_str())
        && matches!(
            second.as_str(),
            "is" | "zijn"
                | "kost"
                | "kosten"
                | "doe"
                | "doet"
                | "werkt"
                | "werken"
                | "kun"
                | "kan"
                | "moet"
                | "betekent"
                | "are"
                | "does"
                | "do"
                | "much"
                | "many"
                | "can"
                | "should"
                | "to"
                | "kies"
                | "maak"
                | "lang"
                | "vaak"
                | "veel"
        )
}
