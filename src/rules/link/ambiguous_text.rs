use std::collections::{BTreeMap, HashMap, HashSet};

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::generic_text::GENERIC;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;
use crate::urlmap::{key, LinkForm, Target};

declare_rule! {
    /// ## What it checks
    /// The same link text used for internal links to different pages anywhere on the site
    /// ("prijzen" to `/prijzen/` on one page and to `/blog/wat-kost-een-ai-workshop/` on
    /// another). Texts are compared without case, punctuation and extra spaces. When at least
    /// two links with a text lead to one page, the text is that page's label, and each link
    /// with that text to another page is reported.
    ///
    /// Only texts that name a page count: a word of the text (four letters or more, compared on
    /// its first five letters so that "workshop" names "workshops") is in the title or the last
    /// part of the URL of one of the pages it leads to, and not in the titles of more than 1% of
    /// the site's pages ("announcing", "bijeenkomst"). Texts that depend on their sentence ("de
    /// blogpost", "previously announced", "dit formulier"), generic texts ("lees meer", left to
    /// `link/generic-text`), texts of more than eight words, and links in HTML page chrome are
    /// skipped.
    ///
    /// ## Why it matters
    /// Search engines read anchor text as a description of the target. One text for two pages
    /// makes them compete for the same words, and readers who saw the text before expect the
    /// same page.
    ///
    /// ## Example
    /// `[AI-workshop](/blog/wat-kost-een-ai-workshop/)` here and `[AI-workshop](/diensten/)`
    /// elsewhere → `[wat een AI-workshop kost](/blog/wat-kost-een-ai-workshop/)`.
    pub struct AmbiguousText => "link/ambiguous-text", Warning, "one link text should lead to one page"
}

/// Longest link text (in words) taken for a label of a page.
const MAX_WORDS: usize = 8;

/// Lowercase words of four letters or more.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Two words are the same name: equal, or one starts the other, or they share five letters.
fn same_word(a: &str, b: &str) -> bool {
    let prefix = |w: &str| w.chars().take(5).collect::<String>();
    a == b
        || a.starts_with(b)
        || b.starts_with(a)
        || (a.chars().count() >= 5 && b.chars().count() >= 5 && prefix(a) == prefix(b))
}

/// The words that name a page: its title and the last part of its URL.
fn page_words(title: Option<&str>, url: &str) -> Vec<String> {
    let slug = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let mut out = words(slug);
    out.extend(title.map(words).unwrap_or_default());
    out
}

/// Whether `text` names one of the pages: one of its words is in its title or URL, and is not
/// a word of many titles (`common`: "announcing", "bijeenkomst").
fn names_a_page(text: &[String], pages: &[&[String]], common: &HashSet<String>) -> bool {
    text.iter().filter(|w| !common.contains(*w)).any(|w| {
        pages
            .iter()
            .copied()
            .flatten()
            .filter(|t| !common.contains(*t))
            .any(|t| same_word(w, t))
    })
}

/// Title words of more than this share of the pages (and at least [`COMMON_MIN`]) name no page.
const COMMON_SHARE: usize = 100;
const COMMON_MIN: usize = 5;

/// Words found in the titles of many pages.
fn common_title_words(site: &Site<'_>) -> HashSet<String> {
    let mut df: HashMap<String, usize> = HashMap::new();
    for d in &site.docs {
        let mut seen: Vec<String> = d.page.title.as_deref().map(words).unwrap_or_default();
        seen.sort();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let limit = (site.docs.len() / COMMON_SHARE).max(COMMON_MIN);
    df.into_iter()
        .filter(|(_, n)| *n > limit)
        .map(|(w, _)| w)
        .collect()
}

/// A text is a page's label when at least this many links with it lead there.
const LABEL_LINKS: usize = 2;

/// Link text compared: lowercase words of letters and digits.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Rule for AmbiguousText {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        // text → target URL key → links (doc, link index)
        let mut by_text: BTreeMap<String, BTreeMap<String, Vec<(usize, usize)>>> = BTreeMap::new();
        let mut shown: BTreeMap<String, String> = BTreeMap::new();
        for (i, doc) in site.docs.iter().enumerate() {
            for (li, (l, r)) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
                .enumerate()
            {
                if !l.in_main || r.form == LinkForm::SamePage {
                    continue;
                }
                // Broken links are reported elsewhere; only existing targets can compete.
                let url = match &r.target {
                    Target::Page(t) => site.docs.get(*t).and_then(|d| d.page.url.clone()),
                    Target::Generated => r.path.clone(),
                    _ => None,
                };
                let Some(url) = url else { continue };
                let text = normalize(&l.text);
                if text.is_empty()
                    || !text.chars().any(char::is_alphabetic)
                    || text.split(' ').count() > MAX_WORDS
                    || GENERIC.contains(&text.as_str())
                {
                    continue;
                }
                let k = key(&url);
                shown.entry(k.clone()).or_insert(url);
                by_text
                    .entry(text)
                    .or_default()
                    .entry(k)
                    .or_default()
                    .push((i, li));
            }
        }
        let common = common_title_words(site);
        let title_of = |k: &str| {
            graph
                .map
                .lookup(k)
                .and_then(|t| site.docs.get(t))
                .and_then(|d| d.page.title.as_deref())
        };
        // The words of each target page, found once: a page is the target of many texts.
        let mut words_of: HashMap<&str, Vec<String>> = HashMap::new();
        for (text, targets) in &by_text {
            if targets.len() < 2 {
                continue;
            }
            for k in targets.keys() {
                words_of
                    .entry(k.as_str())
                    .or_insert_with(|| page_words(title_of(k), k));
            }
            let pages: Vec<&[String]> = targets
                .keys()
                .filter_map(|k| words_of.get(k.as_str()).map(Vec::as_slice))
                .collect();
            if !names_a_page(&words(text), &pages, &common) {
                continue;
            }
            // The main target: most links, then the first URL.
            let Some((main, main_links)) = targets
                .iter()
                .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
            else {
                continue;
            };
            if main_links.len() < LABEL_LINKS {
                continue;
            }
            let main_url = shown.get(main).map_or(main.as_str(), String::as_str);
            for (k, links) in targets {
                if k == main {
                    continue;
                }
                let here = shown.get(k).map_or(k.as_str(), String::as_str);
                for &(i, li) in links {
                    let Some(l) = site.docs.get(i).and_then(|d| d.links.get(li)) else {
                        continue;
                    };
                    let n = main_links.len();
                    out.push((
                        i,
                        Finding::new(
                            Self::ID,
                            format!(
                                "link text \"{}\" leads to `{here}` here but to `{main_url}` in {n} other {}",
                                l.text.trim(),
                                if n == 1 { "link" } else { "links" }
                            ),
                        )
                        .at(l.span)
                        .help("use link text that names this page, so that each text leads to one page"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    #[test]
    fn fails_on_one_text_for_two_pages() {
        let hits = run_site(
            AmbiguousText::ID,
            &[
                (
                    "content/blog/a.md",
                    "# A\n\nZie [AI-workshop](/blog/kosten/).\n",
                ),
                (
                    "content/blog/b.md",
                    "# B\n\nZie [AI workshop](/blog/kosten/).\n",
                ),
                (
                    "content/blog/c.md",
                    "# C\n\nZie [AI-Workshop!](/diensten/).\n",
                ),
                (
                    "content/blog/kosten.md",
                    "---\ntitle: Wat kost een AI-workshop?\n---\n",
                ),
                ("content/diensten.md", "# D\n"),
            ],
            "",
        );
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.file.as_str(), h.text.as_str(), h.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "content/blog/c.md",
                "[AI-Workshop!](/diensten/)",
                "link text \"AI-Workshop!\" leads to `/diensten/` here but to `/blog/kosten/` in 2 other links"
            )]
        );
    }

    #[test]
    fn passes_on_consistent_generic_and_external_texts() {
        let hits = run_site(
            AmbiguousText::ID,
            &[
                ("content/blog/a.md", "# A\n\n[kosten](/blog/kosten/) [lees meer](/blog/b/) [bron](https://a.nl/) [1](/blog/b/) [doc](/weg/a/) [de vorige post](/blog/b/)\n"),
                ("content/blog/b.md", "# B\n\n[kosten](../kosten/) [lees meer](/blog/a/) [bron](https://b.nl/) [1](/blog/a/) [doc](/weg/b/) [de vorige post](/blog/a/)\n"),
                ("content/blog/kosten.md", "# K\n"),
                ("content/blog/bijeenkomst-vpro.md", "# V\n\n[de bijeenkomstpagina](/blog/bijeenkomst-lbi/)\n\n[eerder aangekondigd](/blog/a/)\n"),
                ("content/blog/bijeenkomst-lbi.md", "# L\n\n[de bijeenkomstpagina](/blog/bijeenkomst-vpro/)\n\n[eerder aangekondigd](/blog/bijeenkomst-vpro/)\n"),
            ],
            "",
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
