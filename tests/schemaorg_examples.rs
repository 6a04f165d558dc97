//! The JSON-LD examples published with schema.org 30.0 (`tests/data/schemaorg/`, © schema.org,
//! CC BY-SA 3.0, see NOTICE.md) as a corpus of valid markup:
//! - no syntax or vocabulary finding on any of them;
//! - a misspelt type or property planted in each is found at its line with the right suggestion.

use std::collections::BTreeMap;

use geolint::document::{Document, Format};
use geolint::structured::json::{Node, Value};
use geolint::structured::{self, vocab};

const EXAMPLES: &str = include_str!("data/schemaorg/schemaorg-all-examples-30.0.txt");

/// Rules that must stay silent on schema.org's own examples.
const SYNTAX_AND_VOCABULARY: &[&str] = &[
    "schema/json-syntax",
    "schema/context",
    "schema/unknown-type",
    "schema/unknown-property",
    "schema/value-kind",
    "schema/superseded",
];

/// Examples that really repeat a key in one object (a JSON parser keeps only one of the values).
const REAL_DUPLICATE_KEYS: &[&str] = &[
    "#eg-0190", "#eg-0225", "#eg-0313", "#eg-0343", "#eg-0437", "#eg-0455", "#eg-0491",
];

/// Examples that really have no `@context` (fragments, not page markup).
const REAL_MISSING_CONTEXT: &[&str] = &["#eg-0269", "#eg-0348", "#eg-0460"];

/// `(id, html)` of every example with a JSON section holding JSON-LD.
fn examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in EXAMPLES.split("\nTYPES: ").skip(1) {
        let id = chunk.split_whitespace().next().unwrap_or("?").to_string();
        let Some((_, json)) = chunk.split_once("\nJSON:\n") else {
            continue;
        };
        if !json.contains("application/ld+json") {
            continue;
        }
        out.push((id, json.to_string()));
    }
    out
}

fn parse(src: &str) -> Document {
    geolint::source::parse(
        "ex.html".into(),
        "ex.html".into(),
        Format::Html,
        src.to_string(),
    )
}

#[test]
fn no_syntax_or_vocabulary_findings_on_schemaorg_examples() {
    let examples = examples();
    assert!(examples.len() >= 400, "found {} examples", examples.len());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut duplicates = std::collections::BTreeSet::new();
    let mut no_context = std::collections::BTreeSet::new();
    for (id, src) in &examples {
        let doc = parse(src);
        assert!(!doc.jsonld.is_empty(), "{id}: no JSON-LD block found");
        let a = structured::run(&doc, &[]);
        for f in &a.findings {
            *counts.entry(f.rule).or_default() += 1;
            let is_info = f.level == Some(geolint::diagnostic::Level::Info);
            if f.rule == "schema/duplicate-key" {
                duplicates.insert(id.as_str());
                continue;
            }
            if f.message == "JSON-LD has no `@context`" {
                no_context.insert(id.as_str());
                continue;
            }
            if SYNTAX_AND_VOCABULARY.contains(&f.rule) && !is_info {
                let at = f.span.and_then(|s| src.get(s.start..s.end)).unwrap_or("");
                bad.push(format!("{id}: {} {} at `{at}`", f.rule, f.message));
            }
        }
    }
    eprintln!(
        "{} examples; findings per rule: {counts:#?}",
        examples.len()
    );
    assert!(
        bad.is_empty(),
        "{} findings:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(
        duplicates.into_iter().collect::<Vec<_>>(),
        REAL_DUPLICATE_KEYS
    );
    assert_eq!(
        no_context.into_iter().collect::<Vec<_>>(),
        REAL_MISSING_CONTEXT
    );
}

/// A misspelling of `word`: two middle letters swapped, or one dropped when they are equal.
fn misspell(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let i = chars.len() / 2;
    let mut out = chars.clone();
    if chars.get(i - 1) == chars.get(i) {
        out.remove(i);
    } else {
        out.swap(i - 1, i);
    }
    out.into_iter().collect()
}

/// The first property key (length ≥ 5, a schema.org term) or `@type` value in the example.
fn target(node: &Node, types: bool) -> Option<(geolint::span::Span, String)> {
    let v = vocab::get();
    match &node.value {
        Value::Object(members) => {
            for m in members {
                if types && m.key == "@type" {
                    if let Some(t) = m.value.as_str() {
                        if t.len() >= 5 && v.types.contains_key(t) {
                            let s = m.value.span;
                            return Some((
                                geolint::span::Span::new(s.start + 1, s.end - 1),
                                t.to_string(),
                            ));
                        }
                    }
                }
                if !types
                    && !m.key.starts_with('@')
                    && m.key.len() >= 5
                    && v.properties.contains_key(m.key.as_str())
                {
                    let s = m.key_span;
                    return Some((
                        geolint::span::Span::new(s.start + 1, s.end - 1),
                        m.key.clone(),
                    ));
                }
            }
            members.iter().find_map(|m| target(&m.value, types))
        }
        Value::Array(items) => items.iter().find_map(|i| target(i, types)),
        _ => None,
    }
}

#[test]
fn planted_misspellings_are_found_with_the_right_suggestion() {
    let mut planted = 0u32;
    let mut found = 0u32;
    let mut missed = Vec::new();
    for (n, (id, src)) in examples().iter().enumerate() {
        let doc = parse(src);
        let Some(block) = doc.jsonld.first() else {
            continue;
        };
        let Ok((root, _)) = structured::json::parse(&block.content, block.span.start) else {
            continue;
        };
        let types = n % 2 == 0;
        let Some((span, word)) = target(&root, types).or_else(|| target(&root, !types)) else {
            continue;
        };
        let wrong = misspell(&word);
        if vocab::get().types.contains_key(wrong.as_str())
            || vocab::get().properties.contains_key(wrong.as_str())
        {
            continue;
        }
        let mut mutated = src.clone();
        mutated.replace_range(span.start..span.end, &wrong);
        planted += 1;
        let doc = parse(&mutated);
        let line = doc.lines.line_col(&mutated, span.start).line;
        let a = structured::run(&doc, &[]);
        let want_help = format!("did you mean `{word}`?");
        let hit = a.findings.iter().any(|f| {
            matches!(f.rule, "schema/unknown-type" | "schema/unknown-property")
                && f.span.is_some_and(|s| {
                    doc.lines.line_col(&mutated, s.start).line == line
                        && mutated.get(s.start..s.end) == Some(wrong.as_str())
                })
                && f.help.as_deref() == Some(want_help.as_str())
        });
        if hit {
            found += 1;
        } else {
            let got: Vec<String> = a
                .findings
                .iter()
                .filter(|f| f.rule.starts_with("schema/unknown"))
                .map(|f| format!("{:?}", f.help))
                .collect();
            missed.push(format!("{id}: {word} → {wrong}: {got:?}"));
        }
    }
    let rate = f64::from(found) / f64::from(planted);
    eprintln!(
        "planted {planted}, found {found} ({:.1}%); missed:\n{}",
        rate * 100.0,
        missed.join("\n")
    );
    assert!(planted >= 400, "planted only {planted}");
    assert!(rate >= 0.95, "found {found} of {planted}");
}
