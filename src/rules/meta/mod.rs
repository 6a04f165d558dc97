//! `meta/*`: SEO title and meta description.

pub mod description_length;
pub mod description_missing;
pub mod title_length;
pub mod title_missing;

/// Estimated rendered width in pixels of `text` in a search-result title (Arial 20 px), from
/// Arial's glyph advance widths (units per 1000 em). Accented letters take their base letter's
/// width; wide scripts count a full em.
#[must_use]
pub fn title_pixels(text: &str) -> usize {
    let units: usize = text.chars().map(glyph_units).sum();
    (units * 20).div_ceil(1000)
}

#[allow(clippy::match_same_arms)] // one arm per width class reads like the font's table
fn glyph_units(c: char) -> usize {
    let base = fold(c);
    match base {
        'a' | 'b' | 'd' | 'e' | 'g' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' => 556,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' => 500,
        'f' | 't' => 278,
        'i' | 'j' | 'l' => 222,
        'm' => 833,
        'r' => 333,
        'w' => 722,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'F' | 'T' | 'Z' => 611,
        'G' | 'O' | 'Q' => 778,
        'I' | ' ' | '!' | ',' | '.' | '/' | ':' | ';' | '[' | '\\' | ']' => 278,
        'J' => 500,
        'L' => 556,
        'M' => 833,
        'W' => 944,
        '0'..='9' | '#' | '$' | '?' | '_' | '€' => 556,
        '"' => 355,
        '%' => 889,
        '&' => 667,
        '\'' => 191,
        '(' | ')' | '-' | '`' => 333,
        '*' => 389,
        '+' | '<' | '=' | '>' | '~' => 584,
        '@' => 1015,
        '^' => 469,
        '{' | '}' => 334,
        '|' => 260,
        '–' => 556,
        '—' => 1000,
        '‘' | '’' => 222,
        '“' | '”' => 333,
        '·' | '•' => 350,
        c if (c as u32) >= 0x2E80 => 1000,
        _ => 556,
    }
}

/// Base letter of common accented Latin letters.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'Ç' => 'C',
        'Ñ' => 'N',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::title_pixels;

    #[test]
    fn pixel_widths_follow_arial_metrics() {
        // "iiii" is narrow, "WWWW" wide
        assert_eq!(title_pixels("iiii"), 18);
        assert_eq!(title_pixels("WWWW"), 76);
        assert_eq!(title_pixels("é"), title_pixels("e"));
        // a typical 60-character title lands around 500-600 px
        let t = "Wat kost een AI-workshop? Prijzen, ROI en formats voor MKB";
        let px = title_pixels(t);
        assert!((450..=600).contains(&px), "{px}");
    }
}
