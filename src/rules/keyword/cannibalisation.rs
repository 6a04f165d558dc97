use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Rule;
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// Keyword cannibalisation: two or more published pages with the same primary keyword
    /// (compared after normalisation, so `AI-workshop kosten` and `kosten AI workshops`... in
    /// the same order and inflection-insensitive, are one keyword). Every page of the group
    /// gets a finding that lists all the others. Drafts are left out.
    ///
    /// ## Why it matters
    /// Pages that target the same search term compete with each other: search engines pick
    /// one, often not the one you want, and links and authority are split between them.
    ///
    /// ## Example
    /// `blog/wat-kost-een-ai-workshop.md` and `blog/prijzen-ai-workshop.md` both with
    /// `keywords: ["AI-workshop kosten"]` → merge them, or give one a different focus
    /// (`prijs AI-training`) and link it to the other.
    pub struct Cannibalisation => "keyword/cannibalisation", Warning, "no two pages should share a primary keyword"
}

/// Most other pages named in one message.
const MAX_LISTED: usize = 10;

impl Rule for Cannibalisation {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, d) in site.docs.iter().enumerate() {
            if !d.draft && !d.keywords.primary_key.is_empty() {
                groups
                    .entry(d.keywords.primary_key.as_str())
                    .or_default()
                    .push(i);
            }
        }
        for members in groups.values().filter(|m| m.len() > 1) {
            for &i in members {
                let Some(doc) = site.docs.get(i) else {
                    continue;
                };
                let others: Vec<&str> = members
                    .iter()
                    .filter(|j| **j != i)
                    .filter_map(|j| site.docs.get(*j).map(|d| d.display_path.as_str()))
                    .collect();
                let mut list = others
                    .iter()
                    .take(MAX_LISTED)
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                if others.len() > MAX_LISTED {
                    let _ = write!(list, " and {} more", others.len() - MAX_LISTED);
                }
                let kw = doc.keywords.primary.as_deref().unwrap_or_default();
                out.push((
                    i,
                    Finding::new(
                        Self::ID,
                        format!("primary keyword `{kw}` is also the primary keyword of {list}"),
                    )
                    .maybe_at(doc.keywords.primary_span)
                    .help("merge the pages, or give each its own primary keyword and link them to each other"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(files: &[(&str, &str)]) -> Vec<crate::diagnostic::Diagnostic> {
        crate::rules::testing::site_diagnostics(Cannibalisation::ID, files)
    }

    #[test]
    fn fails_on_shared_primary_keyword_in_variants() {
        let f = lint(&[
            ("a.md", "---\nkeywords: [\"AI-workshop kosten\"]\n---\n"),
            ("b.md", "---\nkeywords: [\"AI workshops kosten\", x]\n---\n"),
            ("c.md", "---\nkeywords: [\"aiworkshop kost\"]\n---\n"),
        ]);
        assert_eq!(f.len(), 3);
        assert!(f[0]
            .message
            .starts_with("primary keyword `AI-workshop kosten` is also the primary keyword of `"));
        assert!(f[0].message.contains("b.md`, `") && f[0].message.contains("c.md`"));
        assert_eq!(f[0].start.map(|s| s.line), Some(2));
    }

    #[test]
    fn passes_on_distinct_keywords_tags_and_drafts() {
        let f = lint(&[
            ("a.md", "---\nkeywords: [\"AI-workshop kosten\"]\n---\n"),
            ("b.md", "---\nkeywords: [\"prijs AI-training\"]\n---\n"),
            ("c.md", "---\ntags: [\"AI-workshop kosten\"]\n---\n"),
            (
                "d.md",
                "---\ndraft: true\nkeywords: [\"AI-workshop kosten\"]\n---\n",
            ),
        ]);
        assert!(f.is_empty());
    }
}
