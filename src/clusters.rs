//! `geolint clusters`: a keyword-cluster coverage report for SEO leads. Per `[[cluster]]` of the
//! config: the pillar page, the pages, which cluster keywords each page carries (title, H1,
//! introduction, body), content gaps, cannibalised keywords and the links between the pillar and
//! the cluster pages. Built from the page summaries of a lint run; nothing here prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::keywords::{Keyword, Lang};
use crate::rules::keyword::normalize_url;
use crate::site::DocSummary;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub tool: &'static str,
    pub version: &'static str,
    pub clusters: Vec<ClusterReport>,
}

/// One cluster.
#[derive(Debug, Serialize)]
pub struct ClusterReport {
    pub name: String,
    pub keywords: Vec<String>,
    /// The pillar URL from the config.
    pub pillar: Option<String>,
    /// The file of the pillar page, when it is among the checked files.
    pub pillar_page: Option<String>,
    pub pages: Vec<PageRow>,
    /// Cluster keywords that are no published page's primary keyword.
    pub gaps: Vec<String>,
    /// Primary keywords shared by two or more published pages of (or touching) the cluster.
    pub cannibalised: Vec<Cannibalised>,
    pub links: LinkCoverage,
}

/// One page of a cluster.
#[derive(Debug, Serialize)]
pub struct PageRow {
    pub path: String,
    pub url: String,
    pub title: String,
    pub primary_keyword: Option<String>,
    pub pillar: bool,
    pub draft: bool,
    /// Per cluster keyword, where the page carries it.
    pub coverage: Vec<KeywordCoverage>,
    /// Whether the page links to the pillar (`None` for the pillar itself or without one).
    pub links_to_pillar: Option<bool>,
    /// Whether the pillar links to the page.
    pub linked_from_pillar: Option<bool>,
}

/// Where a page carries one cluster keyword.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Serialize)]
pub struct KeywordCoverage {
    pub keyword: String,
    pub title: bool,
    pub h1: bool,
    pub intro: bool,
    pub body: bool,
}

/// A primary keyword shared by several pages.
#[derive(Debug, Serialize)]
pub struct Cannibalised {
    pub keyword: String,
    pub pages: Vec<String>,
}

/// Links between the pillar and the other cluster pages.
#[derive(Debug, Default, Serialize)]
pub struct LinkCoverage {
    /// Cluster pages other than the pillar.
    pub pages: usize,
    pub linking_to_pillar: usize,
    pub linked_from_pillar: usize,
}

/// Build the report for the pages of a run.
#[must_use]
pub fn build(pages: &[DocSummary], config: &Config) -> Report {
    let lang = Lang::from_code(&config.language);
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        if !p.draft && !p.keywords.primary_key.is_empty() {
            by_key.entry(&p.keywords.primary_key).or_default().push(i);
        }
    }
    let mut clusters = Vec::new();
    for c in &config.clusters {
        let members: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.keywords.cluster.as_deref() == Some(c.name.as_str()))
            .map(|(i, _)| i)
            .collect();
        let pillar_url = c.pillar.as_deref().map(normalize_url);
        let pillar = pillar_url
            .as_deref()
            .and_then(|u| pages.iter().position(|p| p.keywords.url == u));
        let keys: Vec<String> = c
            .keywords
            .iter()
            .map(|k| Keyword::new(k, lang).map(|kw| kw.key()).unwrap_or_default())
            .collect();
        let gaps = c
            .keywords
            .iter()
            .zip(&keys)
            .filter(|(_, key)| !key.is_empty() && !by_key.contains_key(key.as_str()))
            .map(|(k, _)| k.clone())
            .collect();
        let cannibalised = by_key
            .iter()
            .filter(|(key, group)| {
                group.len() > 1
                    && (keys.iter().any(|k| k == *key) || group.iter().any(|i| members.contains(i)))
            })
            .map(|(_, group)| Cannibalised {
                keyword: group
                    .first()
                    .and_then(|i| pages.get(*i))
                    .and_then(|p| p.keywords.primary.clone())
                    .unwrap_or_default(),
                pages: group
                    .iter()
                    .filter_map(|i| pages.get(*i).map(|p| p.display_path.clone()))
                    .collect(),
            })
            .collect();
        let mut rows = Vec::new();
        let mut links = LinkCoverage::default();
        let mut order = members.clone();
        if let Some(p) = pillar.filter(|p| !order.contains(p)) {
            order.insert(0, p);
        }
        order.sort_by_key(|i| {
            (
                Some(*i) != pillar,
                pages.get(*i).map(|p| p.display_path.clone()),
            )
        });
        for i in order {
            let Some(p) = pages.get(i) else {
                continue;
            };
            let is_pillar = Some(i) == pillar;
            let (to, from) = match pillar {
                Some(pi) if !is_pillar => {
                    let to = links_to(pages, i, pi, config);
                    let from = links_to(pages, pi, i, config);
                    links.pages += 1;
                    links.linking_to_pillar += usize::from(to);
                    links.linked_from_pillar += usize::from(from);
                    (Some(to), Some(from))
                }
                _ => (None, None),
            };
            rows.push(PageRow {
                path: p.display_path.clone(),
                url: p.keywords.url.clone(),
                title: p.keywords.title.clone(),
                primary_keyword: p.keywords.primary.clone(),
                pillar: is_pillar,
                draft: p.draft,
                coverage: p
                    .keywords
                    .coverage
                    .iter()
                    .map(|cv| KeywordCoverage {
                        keyword: cv.keyword.clone(),
                        title: cv.title,
                        h1: cv.h1,
                        intro: cv.intro,
                        body: cv.body,
                    })
                    .collect(),
                links_to_pillar: to,
                linked_from_pillar: from,
            });
        }
        clusters.push(ClusterReport {
            name: c.name.clone(),
            keywords: c.keywords.clone(),
            pillar: c.pillar.clone(),
            pillar_page: pillar
                .and_then(|i| pages.get(i))
                .map(|p| p.display_path.clone()),
            pages: rows,
            gaps,
            cannibalised,
            links,
        });
    }
    Report {
        tool: "geolint",
        version: env!("CARGO_PKG_VERSION"),
        clusters,
    }
}

/// Whether page `from` links to page `to`: a relative file link (`../x.md`), a root-relative
/// or relative URL, or an absolute URL on `site_url`, compared with the page's derived URL.
fn links_to(pages: &[DocSummary], from: usize, to: usize, config: &Config) -> bool {
    let (Some(src), Some(dst)) = (pages.get(from), pages.get(to)) else {
        return false;
    };
    let dir = src.path.parent().unwrap_or(Path::new(""));
    let target_path = crate::site::normalize(&dst.path);
    src.links.iter().any(|l| {
        let href = l.href.trim();
        let href = href.split(['#', '?']).next().unwrap_or("");
        if href.is_empty() || href.starts_with("mailto:") || href.starts_with("tel:") {
            return false;
        }
        if let Some(rest) = href.split_once("://").map(|(_, r)| r) {
            let host = rest.split('/').next().unwrap_or("");
            let site_host = config
                .site_url
                .as_deref()
                .and_then(|u| u.split_once("://").map(|(_, r)| r))
                .map(|r| r.split('/').next().unwrap_or(""));
            if site_host.is_none_or(|h| !h.eq_ignore_ascii_case(host)) {
                return false;
            }
            return normalize_url(href) == dst.keywords.url;
        }
        if href.starts_with('/') {
            return normalize_url(href) == dst.keywords.url;
        }
        // A relative link: a file next to the page, or a URL relative to the page's URL.
        if crate::site::normalize(&dir.join(href)) == target_path {
            return true;
        }
        let base = src.keywords.url.trim_end_matches('/');
        let base = base.rsplit_once('/').map_or("", |(b, _)| b);
        let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
        for seg in href.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        normalize_url(&parts.join("/")) == dst.keywords.url
    })
}

/// The human table.
#[must_use]
pub fn render_human(report: &Report) -> String {
    let mut out = String::new();
    if report.clusters.is_empty() {
        out.push_str("no keyword clusters configured: add [[cluster]] tables to geolint.toml\n");
        return out;
    }
    for c in &report.clusters {
        let _ = writeln!(out, "Cluster \"{}\"", c.name);
        match (&c.pillar, &c.pillar_page) {
            (Some(u), Some(p)) => {
                let _ = writeln!(out, "  pillar: {u} ({p})");
            }
            (Some(u), None) => {
                let _ = writeln!(out, "  pillar: {u} (no checked page has this URL)");
            }
            _ => out.push_str("  pillar: none configured\n"),
        }
        if c.pages.is_empty() {
            out.push_str("  pages: none (set `cluster:` in the front matter of its pages)\n");
        } else {
            let mut header = vec!["page".to_string(), "primary keyword".to_string()];
            header.extend(c.keywords.iter().cloned());
            header.push("→ pillar".into());
            header.push("← pillar".into());
            let mut table = vec![header];
            for r in &c.pages {
                let mut row = vec![
                    format!(
                        "{}{}{}",
                        r.path,
                        if r.pillar { " (pillar)" } else { "" },
                        if r.draft { " (draft)" } else { "" }
                    ),
                    r.primary_keyword.clone().unwrap_or_else(|| "—".into()),
                ];
                for k in &c.keywords {
                    let cell = r.coverage.iter().find(|cv| &cv.keyword == k).map_or_else(
                        || "—".to_string(),
                        |cv| {
                            [
                                (cv.title, 'T'),
                                (cv.h1, 'H'),
                                (cv.intro, 'I'),
                                (cv.body, 'B'),
                            ]
                            .iter()
                            .map(|(on, c)| if *on { *c } else { '·' })
                            .collect()
                        },
                    );
                    row.push(cell);
                }
                let yes_no = |b: Option<bool>| match b {
                    Some(true) => "yes".to_string(),
                    Some(false) => "no".to_string(),
                    None => "—".to_string(),
                };
                row.push(yes_no(r.links_to_pillar));
                row.push(yes_no(r.linked_from_pillar));
                table.push(row);
            }
            write_table(&mut out, &table);
            out.push_str("  (T title, H H1, I introduction, B body; · not there)\n");
        }
        if c.gaps.is_empty() {
            out.push_str("  gaps: none\n");
        } else {
            let list: Vec<String> = c.gaps.iter().map(|g| format!("`{g}`")).collect();
            let _ = writeln!(
                out,
                "  gaps: {} (no page has it as primary keyword)",
                list.join(", ")
            );
        }
        if c.cannibalised.is_empty() {
            out.push_str("  cannibalised: none\n");
        } else {
            for k in &c.cannibalised {
                let _ = writeln!(
                    out,
                    "  cannibalised: `{}` is the primary keyword of {}",
                    k.keyword,
                    k.pages.join(", ")
                );
            }
        }
        if c.pillar_page.is_some() {
            let _ = writeln!(
                out,
                "  links: {} of {} pages link to the pillar; the pillar links to {} of {}",
                c.links.linking_to_pillar, c.links.pages, c.links.linked_from_pillar, c.links.pages
            );
        }
        out.push('\n');
    }
    out
}

fn write_table(out: &mut String, rows: &[Vec<String>]) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in rows {
        let mut line = String::from("  ");
        for (c, cell) in r.iter().enumerate() {
            let w = widths.get(c).copied().unwrap_or(0);
            let pad = w.saturating_sub(cell.chars().count());
            line.push_str(cell);
            if c + 1 < r.len() {
                line.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// The JSON report.
pub fn render_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(report)?;
    s.push('\n');
    Ok(s)
}
