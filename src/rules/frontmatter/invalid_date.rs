use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};
use crate::source::frontmatter::FmValue;

declare_rule! {
    /// ## What it checks
    /// That the `date` and `updated` front matter fields hold a real calendar date:
    /// `YYYY-MM-DD`, optionally with a time (`2026-02-24T21:42:14Z`, `2026-02-24 10:00`).
    ///
    /// ## Why it matters
    /// A date the generator cannot read is dropped or shown as the build date, and search
    /// engines and AI answers lose the freshness signal.
    ///
    /// ## Example
    /// `date: 24-02-2026` or `date: 2026-02-30` → `date: 2026-02-24`.
    ///
    /// ## Fix
    /// None: which date was meant cannot be guessed safely.
    pub struct InvalidDate => "frontmatter/invalid-date", Error, "front matter dates must be valid ISO 8601 dates"
}

impl Rule for InvalidDate {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for name in ["date", "updated"] {
            let Some(field) = cx.field(name) else {
                continue;
            };
            let ok = match &field.node.value {
                FmValue::Datetime(_) => true,
                FmValue::String(s) => parse_date(s).is_some(),
                _ => false,
            };
            if !ok {
                let shown = field
                    .node
                    .scalar_text()
                    .unwrap_or_else(|| field.node.type_name().to_string());
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("`{}` is not a valid date: `{shown}`", field.path),
                    )
                    .at(field.node.span)
                    .help("write the date as YYYY-MM-DD, optionally with a time: 2026-02-24T10:00:00+01:00"),
                );
            }
        }
    }
}

/// Parse the date part of an ISO 8601 / RFC 3339 date or date-time: (year, month, day).
#[must_use]
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = s.get(10..)?;
    let b = date.as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year: i32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if !rest.is_empty() && !valid_time(rest) {
        return None;
    }
    Some((year, month, day))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `THH:MM[:SS[.fff]][Z|±HH:MM]` (or a space instead of `T`).
fn valid_time(rest: &str) -> bool {
    static TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::rules::regex(
            r"^[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?\s*(Z|z|[+-]([01]\d|2[0-3]):?[0-5]\d|\s*[A-Z]{2,5})?$",
        )
    });
    TIME.is_match(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn parses_iso_dates() {
        assert_eq!(parse_date("2026-02-24T21:42:14.665Z"), Some((2026, 2, 24)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("24-02-2026"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2026-01-01 10:00:00 +0100"), Some((2026, 1, 1)));
        assert_eq!(parse_date("2026-01-01 gisteren"), None);
    }

    #[test]
    fn fails_on_bad_dates() {
        let src = "---\ntitle: x\ndate: 2026-02-30\nlastmod: \"morgen\"\n---\nT\n";
        let f = run(&InvalidDate, "a.md", src);
        assert_eq!(texts(src, &f), ["2026-02-30", "\"morgen\""]);
    }

    #[test]
    fn passes_on_good_dates() {
        let src = "---\ndate: 2026-02-24T21:42:14.665Z\nupdated: 2026-03-01\n---\nT\n";
        assert!(run(&InvalidDate, "a.md", src).is_empty());
        let src = "+++\ndate = 2026-02-24T21:42:14Z\n+++\nT\n";
        assert!(run(&InvalidDate, "a.md", src).is_empty());
    }
}
