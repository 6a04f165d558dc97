use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::frontmatter::invalid_date::parse_date;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Pages whose last update — front matter `updated` (lastmod, updatedDate …), else `date`
    /// — is more than `max_age_days` days ago (default 730, two years). Drafts and pages
    /// without a date are skipped.
    ///
    /// ## Why it matters
    /// Generative engines and search engines weigh freshness, and readers distrust advice with
    /// an old date on it. Reviewing and re-dating evergreen pages keeps them cited.
    ///
    /// ## Example
    /// `lastmod: 2023-05-01` read in 2026 → review the page and set `lastmod` to the date of
    /// the review.
    ///
    /// ## Options
    /// `[geo] max_age_days = 730`
    pub struct StaleContent => "geo/stale-content", Info, "pages should be reviewed and updated regularly"
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
#[must_use]
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs / 86_400).unwrap_or(0)
}

impl StaleContent {
    /// The check, for a given day (days since 1970-01-01).
    pub fn check_on(cx: &DocContext<'_>, today: i64, out: &mut Vec<Finding>) {
        if cx.is_draft() {
            return;
        }
        let Some(field) = cx.field("updated").or_else(|| cx.field("date")) else {
            return;
        };
        let Some(text) = field.node.scalar_text() else {
            return;
        };
        let Some((y, m, d)) = parse_date(&text) else {
            return;
        };
        let age = today - days_from_civil(y, m, d);
        let max = i64::from(cx.config.geo.max_age_days);
        if age <= max {
            return;
        }
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "page was last updated {age} days ago (`{}`: {y:04}-{m:02}-{d:02}); review pages at least every {max} days",
                    field.path
                ),
            )
            .at(field.node.span)
            .help("review the page, bring facts and numbers up to date, and set the `updated`/`lastmod` date"),
        );
    }
}

impl Rule for StaleContent {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        Self::check_on(cx, today(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            days_from_civil(2026, 12, 6) - days_from_civil(2024, 12, 6),
            730
        );
    }

    #[test]
    fn fails_on_old_pages() {
        let src = "---\ntitle: Oud\ndate: 2001-02-03\n---\nTekst.\n";
        let f = run(&StaleContent, "a.md", src);
        assert_eq!(texts(src, &f), ["2001-02-03"]);
        assert!(
            f[0].message.starts_with("page was last updated "),
            "{}",
            f[0].message
        );
        assert!(f[0]
            .message
            .ends_with(" days ago (`date`: 2001-02-03); review pages at least every 730 days"));
    }

    #[test]
    fn passes_on_recent_updates_drafts_and_undated_pages() {
        let src = "---\ndate: 2001-02-03\nlastmod: 2999-01-01\n---\nTekst.\n";
        assert!(run(&StaleContent, "a.md", src).is_empty());
        let src = "---\ndate: 2001-02-03\ndraft: true\n---\nTekst.\n";
        assert!(run(&StaleContent, "a.md", src).is_empty());
        assert!(run(&StaleContent, "a.md", "# Geen datum\n").is_empty());
    }
}
