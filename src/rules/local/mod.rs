//! `local/*`: local intent and NAP data (name, address, phone) of Dutch businesses.
//!
//! Built-in place data (`rules/places-nl.toml`: provinces, all municipalities, regions and
//! spelling variants), Dutch postcode and phone number parsing, and the NAP mentions of a page
//! for the site-wide consistency rule.

pub mod missing_place;
pub mod nap_consistency;
pub mod phone_format;
pub mod postcode_format;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::document::Document;
use crate::keywords::{fold, Keyword, Lang, Tokens};
use crate::rules::DocContext;
use crate::span::Span;

/// The built-in place data.
pub const PLACES_TOML: &str = include_str!("../../../rules/places-nl.toml");

#[derive(Debug, Default, Deserialize)]
struct PlacesFile {
    provinces: Vec<String>,
    regions: Vec<String>,
    municipalities: BTreeMap<String, Vec<String>>,
    variants: BTreeMap<String, Vec<String>>,
}

/// Every built-in place name and variant, normalised once.
pub static PLACES: LazyLock<Vec<Keyword>> = LazyLock::new(|| {
    let file: PlacesFile = match toml::from_str(PLACES_TOML) {
        Ok(f) => f,
        Err(e) => unreachable!("the built-in rules/places-nl.toml is invalid: {e}"),
    };
    let names = file
        .provinces
        .iter()
        .chain(&file.regions)
        .chain(file.municipalities.values().flatten())
        .chain(file.variants.values().flatten())
        .map(|n| n.split(" (").next().unwrap_or(n));
    let mut out: Vec<Keyword> = Vec::new();
    for n in names {
        if let Some(k) = Keyword::new(n, Lang::Nl) {
            if !out.iter().any(|o| o.key() == k.key()) {
                out.push(k);
            }
        }
    }
    out
});

/// The configured places plus the built-in ones.
#[must_use]
pub fn places(config: &crate::config::Config) -> std::sync::Arc<Vec<Keyword>> {
    use std::sync::{Arc, Mutex};
    // Several rules ask for every page: the list is built once per configured `places`.
    type Built = (Vec<String>, Arc<Vec<Keyword>>);
    static LAST: Mutex<Option<Built>> = Mutex::new(None);
    let mut last = LAST
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((key, list)) = last.as_ref() {
        if *key == config.local.places {
            return Arc::clone(list);
        }
    }
    let mut out: Vec<Keyword> = config
        .local
        .places
        .iter()
        .filter_map(|p| Keyword::new(p, Lang::Nl))
        .collect();
    out.extend(PLACES.iter().cloned());
    let built = Arc::new(out);
    *last = Some((config.local.places.clone(), Arc::clone(&built)));
    built
}

/// Municipalities whose name is also a common word (`Best practices`, `Goes` in English,
/// `Buren`, `Putten`): they count only inside a sentence, where the capital marks a name.
const AMBIGUOUS: &[&str] = &[
    "best",
    "buren",
    "goes",
    "ede",
    "epe",
    "beek",
    "stein",
    "sluis",
    "putten",
    "laren",
    "bergen",
    "hulst",
    "veere",
    "waterland",
    "texel",
    "eemnes",
    "boekel",
    "asten",
    "oss",
];

/// The first place named in `tokens` whose text in `source` starts with a capital (place
/// names are proper nouns: `Buren` is a town, `buren` are neighbours).
#[must_use]
pub fn find_place(tokens: &Tokens, places: &[Keyword], source: &str) -> Option<Span> {
    places.iter().find_map(|p| {
        let hits = tokens.find(p);
        if hits.is_empty() {
            return None;
        }
        let ambiguous = AMBIGUOUS.contains(&fold(&p.text).as_str());
        hits.into_iter().find(|s| {
            let capital = source
                .get(s.start..s.end)
                .and_then(|t| t.trim_start_matches(['\'', '’']).chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            let sentence_start = source
                .get(..s.start)
                .and_then(|b| b.trim_end().chars().next_back())
                .is_none_or(|c| ".!?:\"'\n#>|*-([“‘".contains(c));
            capital && !(ambiguous && sentence_start)
        })
    })
}

/// Whether a page must carry local terms: its path matches `[local].paths`, or its front
/// matter `intent` (or `zoekintentie`) is `lokaal`/`local`.
#[must_use]
pub fn is_local_page(cx: &DocContext<'_>) -> bool {
    let intent = cx.doc.front_matter.as_ref().and_then(|fm| {
        ["intent", "zoekintentie", "search_intent"]
            .iter()
            .find_map(|k| fm.root.get(k).and_then(|n| n.as_str()))
    });
    if intent.is_some_and(|i| matches!(fold(i.trim()).as_str(), "lokaal" | "local")) {
        return true;
    }
    if cx.config.local.paths.is_empty() {
        return false;
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in &cx.config.local.paths {
        if let Ok(g) = globset::Glob::new(p) {
            b.add(g);
        }
    }
    let Ok(set) = b.build() else {
        return false;
    };
    // Match every tail of the path, so `content/regio/**` matches `site/content/regio/x.md`.
    let path = cx.doc.display_path.replace('\\', "/");
    let parts: Vec<&str> = path.split('/').collect();
    (0..parts.len()).any(|i| set.is_match(parts.get(i..).unwrap_or_default().join("/")))
}

/// A Dutch phone number as written, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// `+31` and the nine national digits, e.g. `+31301234567` (empty when invalid).
    pub e164: String,
    /// What is wrong with it, if anything.
    pub problem: Option<String>,
}

/// Check a phone number written as `+31 30 123 4567`, `0031 …`, `030-1234567`, `06 12345678`,
/// `0800 1234`, ...
#[must_use]
pub fn check_phone(written: &str) -> Phone {
    let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    let has_trunk_zero = compact.contains("(0)");
    let digits: String = compact
        .replace("(0)", "")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let international = compact.starts_with('+') || digits.starts_with("0031");
    let national = if compact.starts_with("+31") {
        digits.get(2..).unwrap_or("").to_string()
    } else if digits.starts_with("0031") {
        digits.get(4..).unwrap_or("").to_string()
    } else if international {
        // Another country: not ours to judge.
        return Phone {
            e164: String::new(),
            problem: None,
        };
    } else {
        digits.get(1..).unwrap_or("").to_string()
    };
    let bad = |p: String| Phone {
        e164: String::new(),
        problem: Some(p),
    };
    if international && national.starts_with('0') {
        return bad(format!(
            "`{written}` keeps the 0 after +31; write +31 followed by nine digits"
        ));
    }
    if !international && !digits.starts_with('0') {
        return bad(format!("`{written}` does not start with 0 or +31"));
    }
    let service = !international
        && ["800", "900", "906", "909"]
            .iter()
            .any(|p| national.starts_with(p));
    let ok_len = if service {
        (7..=10).contains(&national.len())
    } else {
        national.len() == 9
    };
    if !ok_len {
        let expected = if international {
            "+31 and nine digits"
        } else {
            "ten digits starting with 0"
        };
        return bad(format!(
            "`{written}` has {} digits; Dutch numbers have {expected}",
            if international {
                national.len()
            } else {
                digits.len()
            }
        ));
    }
    if has_trunk_zero {
        return Phone {
            e164: format!("+31{national}"),
            problem: Some(format!(
                "`{written}` mixes +31 and (0); write +31 without the 0 or the national form with it"
            )),
        };
    }
    Phone {
        e164: format!("+31{national}"),
        problem: None,
    }
}

/// What is wrong with a Dutch postcode as written (`1234 AB`), if anything, and whether it is
/// only its notation (space, capitals) rather than the code itself.
#[must_use]
pub fn postcode_problem(written: &str) -> Option<(String, bool)> {
    let digits: String = written.chars().take_while(char::is_ascii_digit).collect();
    let rest = written.get(digits.len()..).unwrap_or("");
    let letters = rest.trim_start();
    if digits.len() != 4
        || letters.chars().count() != 2
        || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Some((format!("`{written}` is no Dutch postcode; write four digits, a space and two capitals (`1234 AB`)"), false));
    }
    if digits.starts_with('0') {
        return Some((
            format!("`{written}` starts with 0; Dutch postcodes run from 1000 to 9999"),
            false,
        ));
    }
    let upper = letters.to_ascii_uppercase();
    if matches!(upper.as_str(), "SA" | "SD" | "SS") {
        return Some((
            format!("`{written}` uses the letters {upper}, which Dutch postcodes never use"),
            false,
        ));
    }
    if letters != upper {
        return Some((
            format!("write the letters of `{written}` in capitals: `{digits} {upper}`"),
            true,
        ));
    }
    if rest != format!(" {letters}") {
        return Some((
            format!("write `{written}` as `{digits} {upper}`, with one space"),
            true,
        ));
    }
    None
}

/// A string value of a JSON-LD block with the span of its text in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonValue {
    /// The key it sits under (`telephone`, `postalCode`, `name`).
    pub key: String,
    pub value: String,
    /// The `@type` of the object it sits in.
    pub object_type: String,
    /// `addressCountry` of the object, if any.
    pub country: Option<String>,
    pub span: Option<Span>,
}

/// String values under `keys` in the JSON-LD blocks of a page. Blocks that do not parse are
/// skipped (the `schema` rules report them).
#[must_use]
pub fn jsonld_values(doc: &Document, keys: &[&str]) -> Vec<JsonValue> {
    let mut out = Vec::new();
    for block in &doc.jsonld {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&block.content) else {
            continue;
        };
        let mut found = Vec::new();
        walk(&v, keys, "", &mut found);
        // Place each value: the first `"key": "value"` after the previous one.
        let mut from = 0;
        for (key, value, ty, country) in found {
            let span = locate(&block.content, &key, &value, from).map(|(s, e)| {
                from = e;
                Span::new(block.span.start + s, block.span.start + e)
            });
            let exact = span.is_some_and(|s| doc.text(s) == value);
            out.push(JsonValue {
                key,
                value,
                object_type: ty,
                country,
                span: if exact { span } else { Some(block.span) },
            });
        }
    }
    out
}

fn walk(
    v: &serde_json::Value,
    keys: &[&str],
    parent_type: &str,
    out: &mut Vec<(String, String, String, Option<String>)>,
) {
    match v {
        serde_json::Value::Object(map) => {
            let ty = match map.get("@type") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                _ => parent_type.to_string(),
            };
            let country = match map.get("addressCountry") {
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(serde_json::Value::Object(o)) => {
                    o.get("name").and_then(|n| n.as_str()).map(str::to_string)
                }
                _ => None,
            };
            for (k, val) in map {
                if let (true, Some(s)) = (keys.contains(&k.as_str()), val.as_str()) {
                    out.push((k.clone(), s.to_string(), ty.clone(), country.clone()));
                } else {
                    walk(val, keys, &ty, out);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for i in items {
                walk(i, keys, parent_type, out);
            }
        }
        _ => {}
    }
}

/// Byte range of `value`'s text in `"key": "value"` at or after `from` in a JSON text.
fn locate(text: &str, key: &str, value: &str, from: usize) -> Option<(usize, usize)> {
    let needle = format!("\"{key}\"");
    let mut at = from;
    while let Some(k) = text.get(at..)?.find(&needle) {
        let key_end = at + k + needle.len();
        let after = text.get(key_end..)?;
        let colon = after.find(':')?;
        let rest = after.get(colon + 1..)?;
        let quote = rest.find('"')?;
        let start = key_end + colon + 1 + quote + 1;
        if text.get(start..start + value.len()) == Some(value) {
            return Some((start, start + value.len()));
        }
        at = key_end;
    }
    None
}

/// Whether a JSON-LD address country is the Netherlands (or not given).
#[must_use]
pub fn is_dutch_country(country: Option<&str>) -> bool {
    country.is_none_or(|c| {
        matches!(
            fold(c.trim()).as_str(),
            "nl" | "nld" | "netherlands" | "the netherlands" | "nederland"
        )
    })
}

pub(crate) static PHONE_INTL: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?:\+|(?-u:\b)00)31[\s\-.]*(?:\(0\)[\s\-.]*)?\d(?:[\s\-.]?\d){5,11}(?-u:\b)",
    )
});
pub(crate) static PHONE_NATIONAL: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::rules::regex(r"(?-u:\b)0\d(?:[\s\-.]?\d){6,11}(?-u:\b)"));
static PHONE_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?i)(?:(?-u:\b)tel(?:efoon(?:nummer)?)?(?-u:\b)|(?-u:\b)bel(?-u:\b)|(?-u:\b)bellen(?-u:\b)|(?-u:\b)phone(?-u:\b)|(?-u:\b)call(?-u:\b)|(?-u:\b)mobiel(?-u:\b)|(?-u:\b)fax(?-u:\b)|(?-u:\b)bereikbaar(?-u:\b)|(?-u:\b)telefonisch(?-u:\b)|(?-u:\b)whatsapp(?-u:\b)|(?-u:\b)T\s*:|☎|📞)[^\n]{0,25}$",
    )
});
pub(crate) static POSTCODE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?-u:\b)(\d{4})([ \t]{0,3})([A-Z]{2})(?-u:\b)[ \t]*,?[ \t]*([A-Z'][\p{L}'\-]+(?:[ \t][A-Z][\p{L}\-]+)?)",
    )
});

/// Phone numbers in the prose of a page: `+31`/`0031` numbers anywhere, national numbers after
/// a cue (`tel`, `bel`, `telefoon`, `T:`, ☎ …). Each with its span.
#[must_use]
pub fn phones_in_text(doc: &Document) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for region in crate::rules::text_regions(doc) {
        let text = doc.text(region);
        // Not inside URLs (`tel:+31…` hrefs are checked as links).
        let in_url = |start: usize| {
            let before = text.get(..start).unwrap_or("");
            before.ends_with("tel:") || before.ends_with(['/', '=', '?', '%', '-', '_'])
        };
        for m in PHONE_INTL.find_iter(text).filter(|m| !in_url(m.start())) {
            out.push((
                Span::new(region.start + m.start(), region.start + m.end()),
                m.as_str().to_string(),
            ));
        }
        for m in PHONE_NATIONAL.find_iter(text) {
            let before = text
                .get(m.start().saturating_sub(40)..m.start())
                .unwrap_or("");
            let before = before
                .char_indices()
                .map(|(i, _)| i)
                .find_map(|i| before.get(i..))
                .unwrap_or(before);
            if PHONE_CUE.is_match(before)
                && !out
                    .iter()
                    .any(|(s, _): &(Span, String)| s.contains_offset(region.start + m.start()))
            {
                out.push((
                    Span::new(region.start + m.start(), region.start + m.end()),
                    m.as_str().to_string(),
                ));
            }
        }
    }
    out.sort_by_key(|(s, _)| *s);
    out
}

/// A postcode in the text: (span of the postcode, span of postcode and place, the postcode,
/// the place).
pub type Postcode = (Span, Span, String, String);

/// Postcodes in the prose of a page, with capital letters and followed by a known place
/// (`3511 AB Utrecht`; `2026 in Maarssen` is a year).
#[must_use]
pub fn postcodes_in_text(doc: &Document, config: &crate::config::Config) -> Vec<Postcode> {
    let mut out = Vec::new();
    // The place list is only needed once a postcode turns up.
    let mut places_list = None;
    for region in crate::rules::text_regions(doc) {
        let text = doc.text(region);
        for c in POSTCODE.captures_iter(text) {
            let (Some(all), Some(place)) = (c.get(0), c.get(4)) else {
                continue;
            };
            let code_end = c.get(3).map_or(all.end(), |m| m.end());
            // Keep only the known place (`Rijswijk` of `Rijswijk Zuid`).
            let t = Tokens::of(
                place.as_str(),
                Lang::Nl,
                Some(Span::new(0, place.as_str().len())),
            );
            let places = places_list.get_or_insert_with(|| places(config));
            let Some(hit) = places
                .iter()
                .find_map(|p| t.find(p).into_iter().find(|s| s.start == 0))
            else {
                continue;
            };
            let place_end = place.start() + hit.end;
            out.push((
                Span::new(region.start + all.start(), region.start + code_end),
                Span::new(region.start + all.start(), region.start + place_end),
                text.get(all.start()..code_end).unwrap_or("").to_string(),
                place.as_str().get(..hit.end).unwrap_or("").to_string(),
            ));
        }
    }
    out
}

/// A NAP item of a page: a phone number, a postcode with its place, or a business name, with
/// the key that identifies it across pages and the way it is written here.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NapMention {
    /// `phone`, `address` or `name`.
    pub kind: String,
    /// The same for every way of writing the same thing (`+31301234567`, `3511AB`, `kompasai`).
    pub key: String,
    /// As written (white space collapsed).
    pub written: String,
    pub span: Option<Span>,
    /// Whether it comes from the business's JSON-LD (which marks it as the business's own).
    pub structured: bool,
}

/// The NAP mentions of a page (valid phone numbers and postcodes in text and JSON-LD, and the
/// names of LocalBusiness/Organization objects).
#[must_use]
pub fn nap_mentions(cx: &DocContext<'_>) -> Vec<NapMention> {
    let doc = cx.doc;
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let phone = |written: &str, span: Option<Span>, out: &mut Vec<NapMention>| {
        let p = check_phone(written);
        if !p.e164.is_empty() {
            out.push(NapMention {
                kind: "phone".into(),
                key: p.e164,
                written: collapse(written),
                span,
                structured: false,
            });
        }
    };
    for (span, w) in cx.phones() {
        phone(w, Some(*span), &mut out);
    }
    for (_, span, code, place) in cx.postcodes() {
        {
            let key: String = code
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase();
            out.push(NapMention {
                kind: "address".into(),
                key,
                written: collapse(&format!("{code} {place}")),
                span: Some(*span),
                structured: false,
            });
        }
    }
    if let Some(name) = cx.config.local.name.as_deref() {
        if let Some(kw) = Keyword::new(name, Lang::Nl) {
            let key = crate::rules::keyword::name_key(name);
            let body = cx.body_tokens(Lang::Nl);
            let mut spans = body.find(&kw);
            if let Some(t) = cx.seo_title() {
                spans.extend(crate::rules::keyword::item_tokens(doc, &t, Lang::Nl).find(&kw));
            }
            for span in spans {
                let written = doc.text(span);
                // Only exact spans (and the name's own words) can be compared letter by letter.
                if crate::rules::keyword::name_key(written) == key {
                    out.push(NapMention {
                        kind: "name".into(),
                        key: key.clone(),
                        written: collapse(written),
                        span: Some(span),
                        structured: true,
                    });
                }
            }
        }
    }
    for v in jsonld_values(doc, &["telephone", "name", "postalCode"]) {
        match v.key.as_str() {
            "telephone" => {
                phone(&v.value, v.span, &mut out);
                if let Some(m) = out.last_mut().filter(|m| m.kind == "phone") {
                    m.structured = true;
                }
            }
            "name" if is_business_type(&v.object_type) => out.push(NapMention {
                kind: "name".into(),
                key: crate::rules::keyword::name_key(&v.value),
                written: collapse(&v.value),
                span: v.span,
                structured: true,
            }),
            // Marks the business's postcode; its written form is not compared with text.
            "postalCode" if is_dutch_country(v.country.as_deref()) => out.push(NapMention {
                kind: "address-ld".into(),
                key: v
                    .value
                    .split_whitespace()
                    .collect::<String>()
                    .to_ascii_uppercase(),
                written: String::new(),
                span: v.span,
                structured: true,
            }),
            _ => {}
        }
    }
    out
}

/// Whether a JSON-LD `@type` names the business itself.
#[must_use]
pub fn is_business_type(ty: &str) -> bool {
    ty.split(',').any(|t| {
        let t = t.trim();
        t == "LocalBusiness"
            || t == "Organization"
            || t.ends_with("Business")
            || matches!(
                t,
                "ProfessionalService"
                    | "Store"
                    | "Restaurant"
                    | "Dentist"
                    | "LegalService"
                    | "HomeAndConstructionBusiness"
                    | "AutoRepair"
                    | "MedicalClinic"
                    | "Corporation"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_hold_all_municipalities_and_variants() {
        let file: PlacesFile = toml::from_str(PLACES_TOML).unwrap();
        assert_eq!(file.provinces.len(), 12);
        assert_eq!(
            file.municipalities.values().map(Vec::len).sum::<usize>(),
            342
        );
        let keys: Vec<String> = PLACES.iter().map(Keyword::key).collect();
        for p in [
            "Den Haag",
            "'s-Gravenhage",
            "Den Bosch",
            "'s-Hertogenbosch",
            "Súdwest-Fryslân",
            "Twente",
            "Achterhoek",
            "Veluwe",
            "Randstad",
        ] {
            let k = Keyword::new(p, Lang::Nl).unwrap().key();
            assert!(keys.contains(&k), "{p}");
        }
    }

    #[test]
    fn phones() {
        for ok in [
            "+31 30 123 4567",
            "030-1234567",
            "06 12345678",
            "0031 20 123 45 67",
            "0800 1234",
            "+31 (0)30 1234567",
        ] {
            assert!(!check_phone(ok).e164.is_empty(), "{ok}");
        }
        assert_eq!(
            check_phone("030 123 45").problem.as_deref(),
            Some("`030 123 45` has 8 digits; Dutch numbers have ten digits starting with 0")
        );
        assert!(check_phone("+31 030 1234567")
            .problem
            .unwrap()
            .contains("keeps the 0"));
        assert!(check_phone("+31 (0)30 1234567")
            .problem
            .unwrap()
            .contains("mixes +31 and (0)"));
        assert_eq!(check_phone("+32 2 123 45 67").problem, None);
    }

    #[test]
    fn postcodes() {
        assert_eq!(postcode_problem("3511 AB"), None);
        assert!(postcode_problem("0511 AB").is_some_and(|p| p.0.contains("starts with 0") && !p.1));
        assert!(postcode_problem("3511 SS").is_some_and(|p| p.0.contains("never use") && !p.1));
        assert!(postcode_problem("3511 ab").is_some_and(|p| p.0.contains("capitals") && p.1));
        assert!(postcode_problem("3511AB").is_some_and(|p| p.0.contains("one space") && p.1));
    }
}
