//! The one list of rules. `geolint rules`, config validation, suppressions, SARIF and the README
//! table are all built from [`ALL`].

use std::fmt::Write as _;

use super::{
    artifact, content, crawl, faq, frontmatter, geo, heading, image, keyword, link, local, meta,
    readability, schema, Rule,
};

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
    &link::broken_internal::BrokenInternal,
    &link::broken_anchor::BrokenAnchor,
    &link::to_draft::ToDraft,
    &link::too_few_internal::TooFewInternal,
    &link::orphan::Orphan,
    &link::cluster_pillar::ClusterPillar,
    &link::pillar_cluster::PillarCluster,
    &link::insecure_internal::InsecureInternal,
    &link::ambiguous_text::AmbiguousText,
    &image::missing_alt::MissingAlt,
    &image::cover_alt::CoverAlt,
    &artifact::citation_token::CitationToken,
    &artifact::tracking_param::TrackingParam,
    &artifact::bare_domain::BareDomain,
    &artifact::placeholder::Placeholder,
    &artifact::chatbot_phrase::ChatbotPhrase,
    &keyword::missing_in_title::MissingInTitle,
    &keyword::missing_in_h1::MissingInH1,
    &keyword::missing_in_intro::MissingInIntro,
    &keyword::missing_in_description::MissingInDescription,
    &keyword::missing_in_slug::MissingInSlug,
    &keyword::h2_coverage::H2Coverage,
    &keyword::low_density::LowDensity,
    &keyword::stuffing::Stuffing,
    &keyword::no_cluster_keyword::NoClusterKeyword,
    &keyword::cluster_gap::ClusterGap,
    &keyword::cannibalisation::Cannibalisation,
    &schema::json_syntax::JsonSyntax,
    &schema::duplicate_key::DuplicateKey,
    &schema::context::Context,
    &schema::unknown_type::UnknownType,
    &schema::unknown_property::UnknownProperty,
    &schema::property_not_for_type::PropertyNotForType,
    &schema::superseded::Superseded,
    &schema::value_kind::ValueKind,
    &schema::relative_url::RelativeUrl,
    &schema::microdata::Microdata,
    &schema::google_required::GoogleRequired,
    &schema::google_recommended::GoogleRecommended,
    &schema::rich_result_display::RichResultDisplay,
    &schema::faq_multiple::FaqMultiple,
    &schema::faq_answer_form::FaqAnswerForm,
    &schema::faq_empty_answer::FaqEmptyAnswer,
    &schema::faq_answer_html::FaqAnswerHtml,
    &faq::count::Count,
    &faq::question_form::QuestionForm,
    &faq::short_answer::ShortAnswer,
    &faq::schema_mismatch::SchemaMismatch,
    &local::missing_place::MissingPlace,
    &local::postcode_format::PostcodeFormat,
    &local::phone_format::PhoneFormat,
    &local::nap_consistency::NapConsistency,
    &readability::long_sentences::LongSentences,
    &readability::reading_ease::ReadingEase,
    &readability::passive_voice::PassiveVoice,
    &geo::unsourced_statistic::UnsourcedStatistic,
    &geo::unattributed_quote::UnattributedQuote,
    &geo::answer_first::AnswerFirst,
    &geo::stale_content::StaleContent,
    &geo::question_headings::QuestionHeadings,
    &crawl::http_status::HttpStatus,
    &crawl::fetch_error::FetchError,
    &crawl::soft_404::Soft404,
    &crawl::redirect_chain::RedirectChain,
    &crawl::redirect_loop::RedirectLoop,
    &crawl::broken_link::BrokenLink,
    &crawl::link_to_redirect::LinkToRedirect,
    &crawl::canonical_missing::CanonicalMissing,
    &crawl::canonical_elsewhere::CanonicalElsewhere,
    &crawl::canonical_broken::CanonicalBroken,
    &crawl::noindex_in_sitemap::NoindexInSitemap,
    &crawl::sitemap_url_failing::SitemapUrlFailing,
    &crawl::sitemap_error::SitemapError,
    &crawl::not_in_sitemap::NotInSitemap,
    &crawl::orphan_page::OrphanPage,
    &crawl::duplicate_title::DuplicateTitle,
    &crawl::duplicate_description::DuplicateDescription,
    &crawl::mixed_content::MixedContent,
    &crawl::slow_response::SlowResponse,
    &crawl::robots_txt_unreachable::RobotsTxtUnreachable,
    &crawl::ai_search_blocked::AiSearchBlocked,
    &crawl::ai_training_blocked::AiTrainingBlocked,
    &crawl::llms_txt_missing::LlmsTxtMissing,
    &crawl::llms_txt_invalid::LlmsTxtInvalid,
    &crawl::llms_txt_broken_link::LlmsTxtBrokenLink,
];

/// The rule with this id.
#[must_use]
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    // Looked up for every rule of every file (its level): an index, not a scan.
    static BY_ID: std::sync::LazyLock<
        std::collections::HashMap<&'static str, usize, foldhash::fast::RandomState>,
    > = std::sync::LazyLock::new(|| {
        ALL.iter()
            .enumerate()
            .map(|(i, r)| (r.info().id, i))
            .collect()
    });
    BY_ID.get(id).and_then(|&i| ALL.get(i)).copied()
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

/// `geolint rules`: one line per rule.
#[must_use]
pub fn table() -> String {
    let width = ALL.iter().map(|r| r.info().id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in ALL {
        let i = r.info();
        let _ = writeln!(
            out,
            "{:<width$}  {:<7}  {}",
            i.id,
            i.default_level.as_str(),
            i.summary
        );
    }
    let _ = writeln!(
        out,
        "\n{} rules. `geolint rules <id>` explains one.",
        ALL.len()
    );
    out
}

/// `geolint rules <id>`: the rule's documentation.
#[must_use]
pub fn explain(info: &super::RuleInfo) -> String {
    let docs: String = info
        .docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "# {}\n\nDefault level: {}. {}.\n\n{}\n\nChange the level in geolint.toml:\n\n    [rules]\n    \"{}\" = \"warning\"\n",
        info.id,
        info.default_level,
        capitalize(info.summary),
        docs.trim(),
        info.id
    )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The rules table of the README (between the `rules:start` and `rules:end` markers).
#[must_use]
pub fn readme_table() -> String {
    let mut out = String::from("| rule | default | what it checks |\n|---|---|---|\n");
    for r in ALL {
        let i = r.info();
        let _ = writeln!(out, "| `{}` | {} | {} |", i.id, i.default_level, i.summary);
    }
    out
}

/// What `geolint init` writes: the built-in defaults plus every rule at its default level.
#[must_use]
pub fn default_config() -> String {
    let mut out = crate::config::DEFAULT_TOML.trim_end().to_string();
    out.push('\n');
    for r in ALL {
        let i = r.info();
        let _ = writeln!(out, "# \"{}\" = \"{}\"", i.id, i.default_level);
    }
    out
}
