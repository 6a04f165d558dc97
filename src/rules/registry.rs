//! The one list of rules. `geolint rules`, config validation, suppressions, SARIF and the README
//! table are all built from [`ALL`].

use super::{artifact, content, frontmatter, heading, image, link, meta, Rule};

/// Every built-in rule, in display order.
pub static ALL: &[&dyn Rule] = &[
    &frontmatter::parse_error::ParseError,
    &frontmatter::required_field::RequiredField,
    &frontmatter::invalid_date::InvalidDate,
    &frontmatter::wrong_type::WrongType,
    &frontmatter::draft::Draft,
    &heading::single_h1::SingleH1,
    &heading::skipped_level::SkippedLevel,
    &heading::empty::Empty,
    &heading::duplicate::Duplicate,
    &heading::too_long::TooLong,
    &content::word_count::WordCount,
    &content::long_paragraph::LongParagraph,
    &content::stale_year::StaleYear,
    &content::empty_file::EmptyFile,
    &content::unknown_suppression::UnknownSuppression,
    &meta::title_missing::TitleMissing,
    &meta::title_length::TitleLength,
    &meta::description_missing::DescriptionMissing,
    &meta::description_length::DescriptionLength,
    &link::empty_href::EmptyHref,
    &link::broken_relative::BrokenRelative,
    &link::generic_text::GenericText,
    &image::missing_alt::MissingAlt,
    &image::cover_alt::CoverAlt,
    &artifact::citation_token::CitationToken,
    &artifact::tracking_param::TrackingParam,
    &artifact::bare_domain::BareDomain,
    &artifact::placeholder::Placeholder,
    &artifact::chatbot_phrase::ChatbotPhrase,
];

/// The rule with this id.
#[must_use]
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.info().id == id)
}

/// The closest rule id to a misspelt one (edit distance ≤ 3), for "did you mean".
#[must_use]
pub fn closest(id: &str) -> Option<&'static str> {
    ALL.iter()
        .map(|r| r.info().id)
        .map(|known| (levenshtein(id, known), known))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars.
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
