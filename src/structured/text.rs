//! Text helpers for comparing markup with the visible page: HTML tags stripped, entities decoded,
//! whitespace and case normalised.

/// HTML tags Google allows in FAQ answers.
pub const ALLOWED_ANSWER_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong",
    "i", "em",
];

/// The tag names of HTML tags in `s` (`<p>`, `</p>`, `<br/>` all give `p`/`br`).
fn tags(s: &str) -> impl Iterator<Item = String> + '_ {
    s.match_indices('<').filter_map(move |(i, _)| {
        let rest = s.get(i + 1..)?;
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let after = rest.get(name.len()..)?;
        (!name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && after.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()))
        .then(|| name.to_ascii_lowercase())
    })
}

/// The first tag in `s` that Google does not allow in FAQ answers.
#[must_use]
pub fn disallowed_tag(s: &str) -> Option<String> {
    tags(s).find(|t| !ALLOWED_ANSWER_TAGS.contains(&t.as_str()))
}

/// `s` without HTML tags (each tag becomes a space).
#[must_use]
pub fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if is_tag {
            if let Some(end) = after.find('>') {
                out.push(' ');
                rest = after.get(end + 1..).unwrap_or("");
                continue;
            }
        }
        out.push('<');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Decode HTML character references (named ones that occur in text, and numeric ones).
#[must_use]
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = after.get(..e)?;
            if let Some(num) = name.strip_prefix('#') {
                let cp = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    num.parse().ok()
                };
                return cp.and_then(char::from_u32);
            }
            Some(match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" | "rdquo" | "ldquo" => '"',
                "apos" | "rsquo" | "lsquo" => '\'',
                "nbsp" => ' ',
                "euro" => '€',
                "eacute" => 'é',
                "euml" => 'ë',
                "iuml" => 'ï',
                "ouml" => 'ö',
                "uuml" => 'ü',
                "egrave" => 'è',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                _ => return None,
            })
        });
        if let (Some(c), Some(e)) = (decoded, end) {
            out.push(c);
            rest = after.get(e + 1..).unwrap_or("");
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Text for comparison: tags stripped, entities decoded, Markdown emphasis and punctuation
/// dropped, lowercased, whitespace collapsed.
#[must_use]
pub fn normalize(s: &str) -> String {
    let decoded = decode_entities(&strip_html(s));
    let mut out = String::with_capacity(decoded.len());
    let mut space = true;
    for c in decoded.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_decodes_and_normalises() {
        assert_eq!(strip_html("<p>Ja, <b>zeker</b></p>"), " Ja,  zeker  ");
        assert_eq!(
            decode_entities("a &amp; b &#233; &#x41; &bogus; &"),
            "a & b é A &bogus; &"
        );
        assert_eq!(
            normalize("<p>Wat   kost een AI-workshop?</p>"),
            "wat kost een ai workshop"
        );
        assert_eq!(normalize("Hoe&nbsp;werkt&#8217;t?"), "hoe werkt t");
        assert_eq!(strip_html("a < b"), "a < b");
    }

    #[test]
    fn finds_disallowed_tags() {
        assert_eq!(disallowed_tag("<p>ok <strong>ja</strong><br/></p>"), None);
        assert_eq!(
            disallowed_tag("<p>zie <span>dit</span></p>").as_deref(),
            Some("span")
        );
        assert_eq!(disallowed_tag("3 < 4 and 5 > 2"), None);
    }
}
