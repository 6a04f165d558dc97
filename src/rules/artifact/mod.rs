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
    placeholders_unless_quoted: Vec<String>,
    chatbot_phrases: Phrases,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    nl: Vec<String>,
    en: Vec<String>,
}

/// Whether `text[start..end]` sits between quotation marks on its line: an opening quote
/// (‘ “ „ « or a straight quote after white space) before it and a closing one after it.
#[must_use]
pub fn inside_quotes(text: &str, start: usize, end: usize) -> bool {
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    let (Some(before), Some(after)) = (text.get(line_start..start), text.get(end..line_end)) else {
        return false;
    };
    let mut opened = false;
    let chars: Vec<char> = before.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars
            .get(i + 1)
            .copied()
            .or_else(|| text.get(start..).and_then(|t| t.chars().next()));
        match c {
            // an apostrophe inside a word (MKB’ers, café's) is no quote
            '’' | '\'' | '"'
                if prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric) => {}
            '‘' | '“' | '„' | '«' => opened = true,
            '\'' | '"' if prev.is_none_or(|p| p.is_whitespace() || "([*_>".contains(p)) => {
                opened = true;
            }
            '’' | '\'' | '"' | '”' | '»' => opened = false,
            _ => {}
        }
    }
    if !opened {
        return false;
    }
    let chars: Vec<char> = after.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let next = chars.get(i + 1);
        matches!(c, '’' | '”' | '»' | '\'' | '"') && next.is_none_or(|n| !n.is_alphanumeric())
    })
}

/// Compiled patterns.
pub struct Patterns {
    pub citation: Regex,
    pub tracking: Regex,
    pub bare_domain: Regex,
    pub placeholder: Regex,
    pub placeholder_unless_quoted: Regex,
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
        placeholder_unless_quoted: crate::rules::regex(&alternation(
            &data.placeholders_unless_quoted,
        )),
        chatbot: crate::rules::regex(&format!(
            r"(?i)(?-u:\b)(?:{})",
            alternation(&phrases).trim_start_matches("(?i)")
        )),
    }
});
