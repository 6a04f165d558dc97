use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::document::TextItem;
use crate::rules::frontmatter::invalid_date::parse_date;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Years in the SEO title, the H1 and the meta description (not in running text) that are
    /// older than the page's own date (the later of `date` and `updated`): a warning. A year
    /// that is merely in the past — "AI-trends 2024" read in 2026 — is an `info`, a nudge to
    /// refresh the page.
    ///
    /// ## Why it matters
    /// "Trends 2024" on a page updated in 2026 looks abandoned to readers, and generative
    /// engines prefer sources that are visibly current.
    ///
    /// ## Example
    /// `title: "AI-tools voor MKB in 2024"` with `lastmod: 2026-01-10` → update the year, or
    /// drop it from the title.
    ///
    /// ## Fix
    /// None: whether the year should change depends on the facts around it.
    pub struct StaleYear => "content/stale-year", Warning, "years in titles should not be older than the page"
}

static YEAR: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::rules::regex(r"(?-u:\b)(19[5-9][0-9]|20[0-9][0-9])(?-u:\b)"));

/// The current calendar year (UTC).
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // days since 1970-01-01 → civil year (Howard Hinnant's algorithm)
    let days = i64::try_from(secs / 86_400).unwrap_or(0) + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(2026)
}

impl Rule for StaleYear {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let page_year = ["date", "updated"]
            .iter()
            .filter_map(|f| cx.text_field(f))
            .filter_map(|t| parse_date(&t.text).map(|d| d.0))
            .max();
        let now = current_year();
        let mut places: Vec<(&str, TextItem)> = Vec::new();
        if let Some(t) = cx.seo_title() {
            places.push(("title", t));
        }
        if let Some(t) = cx.rendered_title_h1() {
            places.push(("H1", t));
        }
        for h in cx.main_headings().filter(|h| h.level == 1) {
            places.push((
                "H1",
                TextItem {
                    text: h.text.clone(),
                    span: h.span,
                },
            ));
        }
        if let Some(d) = cx.description() {
            places.push(("description", d));
        }
        let mut seen = std::collections::HashSet::new();
        for (what, item) in places {
            for m in YEAR.find_iter(&item.text) {
                let Ok(year) = m.as_str().parse::<i32>() else {
                    continue;
                };
                // "tot 2000 bezoekers" is a number: only recent years are dates in a title.
                if year < page_year.unwrap_or(now).min(now) - 10 {
                    continue;
                }
                // Point inside the value when the text is written as is in the source.
                let span = locate(&cx.doc.source, &item, m.start(), m.end());
                if !seen.insert(span) {
                    continue;
                }
                if let Some(py) = page_year.filter(|py| year < *py) {
                    out.push(
                        Finding::new(
                            Self::ID,
                            format!("{what} mentions {year} but the page is dated {py}"),
                        )
                        .at(span)
                        .help(format!(
                            "update the year to {py} or drop it from the {what}"
                        )),
                    );
                } else if year < now && page_year.is_none_or(|py| py < now) {
                    out.push(
                        Finding::new(Self::ID, format!("{what} mentions {year}, which is over"))
                            .at(span)
                            .level(Level::Info)
                            .help(format!(
                                "refresh the page for {now} (and set `updated`), or drop the year"
                            )),
                    );
                }
            }
        }
    }
}

/// Span of `item.text[start..end]` in the source, if the text appears verbatim in its span.
fn locate(source: &str, item: &TextItem, start: usize, end: usize) -> crate::span::Span {
    let raw = item.span.slice(source).unwrap_or("");
    let needle = item.text.get(start..end).unwrap_or("");
    if let Some(prefix) = item.text.get(..start) {
        if let Some(pos) = raw.find(prefix).map(|p| p + prefix.len()) {
            if raw.get(pos..pos + needle.len()) == Some(needle) {
                return crate::span::Span::new(
                    item.span.start + pos,
                    item.span.start + pos + needle.len(),
                );
            }
        }
    }
    match raw.find(needle) {
        Some(p) => crate::span::Span::new(item.span.start + p, item.span.start + p + needle.len()),
        None => item.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_year_older_than_page() {
        let src = "---\ntitle: \"AI-tools voor MKB in 2024\"\ndate: 2026-01-10\n---\nOpgericht in 1998.\n";
        let f = run(&StaleYear, "a.md", src);
        // title and rendered H1 are the same field: reported once
        assert_eq!(texts(src, &f), ["2024"]);
        assert_eq!(
            f[0].message,
            "title mentions 2024 but the page is dated 2026"
        );
        assert_eq!(f[0].level, None);
    }

    #[test]
    fn past_year_on_old_page_is_info() {
        let src = "---\ntitle: \"5 AI Trends 2024\"\ndate: 2024-01-20\n---\nT\n";
        let f = run(&StaleYear, "a.md", src);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].level, Some(Level::Info));
    }

    #[test]
    fn passes_on_current_and_running_text_years() {
        let y = current_year();
        let src = format!("---\ntitle: \"Trends {y}\"\ndate: {y}-01-01\n---\nIn 1998 begonnen.\n");
        assert!(run(&StaleYear, "a.md", &src).is_empty());
        let src =
            "---\ntitle: \"Groei tot 2000 bezoekers\"\ndate: 2026-01-01\n---\nOpgericht in 1998.\n";
        assert!(run(&StaleYear, "a.md", src).is_empty());
    }

    #[test]
    fn current_year_is_plausible() {
        assert!(current_year() >= 2025);
    }
}
