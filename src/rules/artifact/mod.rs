//! `artifact/*`: residue of AI chat tools and templates pasted into content.

pub mod bare_domain;
pub mod chatbot_phrase;
pub mod citation_token;
pub mod placeholder;
pub mod tracking_param;

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

/// The pattern data in `rules/artifacts.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    citation_tokens: Vec<String>,
    tracking_params: Vec<String>,
    domain_tlds: Vec<String>,
    placeholders: Vec<String>,
    chatbot_phrases: Phrases,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    nl: Vec<String>,
    en: Vec<String>,
}

/// Compiled patterns.
pub struct Patterns {
    pub citation: Regex,
    pub tracking: Regex,
    pub bare_domain: Regex,
    pub placeholder: Regex,
    pub chatbot: Regex,
}

fn alternation(patterns: &[String]) -> String {
    let alts: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
    format!("(?i){}", alts.join("|"))
}

/// The artifact patterns, compiled once.
pub static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let data: Data = match toml::from_str(include_str!("../../../rules/artifacts.toml")) {
        Ok(d) => d,
        Err(e) => unreachable!("rules/artifacts.toml is invalid: {e}"),
    };
    let tlds = data.domain_tlds.join("|");
    let mut phrases = data.chatbot_phrases.nl;
    phrases.extend(data.chatbot_phrases.en);
    Patterns {
        citation: crate::rules::regex(&alternation(&data.citation_tokens)),
        tracking: crate::rules::regex(&format!(
            r"[?&](?:{})(?:&[^\s)\]]*)?",
            data.tracking_params.join("|")
        )),
        bare_domain: crate::rules::regex(&format!(
            r"(?im)^[ \t]*(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{tlds})[ \t]*$"
        )),
        placeholder: crate::rules::regex(&alternation(&data.placeholders)),
        chatbot: crate::rules::regex(&format!(
            r"(?i)\b(?:{})",
            alternation(&phrases).trim_start_matches("(?i)")
        )),
    }
});
