//! `keyword/*`: keyword clusters, placement of the primary keyword, density, cannibalisation.
//!
//! A page's keywords come from front matter (the `keywords` mapping: `seo.keywords`, `keywords`,
//! `tags`, first present wins) and from the `[[cluster]]` it belongs to (front matter `cluster`,
//! or the cluster whose pillar URL it is). The primary keyword is the first front matter keyword,
//! except that tag lists (`tags`, `categories`) never make one: tags group posts, they are no
//! promise about the page's focus. A page in a cluster without its own keywords takes the first
//! cluster keyword that its SEO title or H1 carries.

pub mod cannibalisation;
pub mod cluster_gap;
pub mod h2_coverage;
pub mod low_density;
pub mod missing_in_description;
pub mod missing_in_h1;
pub mod missing_in_intro;
pub mod missing_in_slug;
pub mod missing_in_title;
pub mod no_cluster_keyword;
pub mod stuffing;

use crate::config::{Cluster, Config};

use crate::document::{Document, Format, TextItem};
use crate::keywords::{slug_text, Keyword, Lang, Tokens};
use crate::rules::DocContext;
use crate::source::frontmatter::{FmNode, FmValue};
use crate::span::Span;

/// Where a page's primary keyword comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A front matter keywords field (`keywords`, `seo.keywords`).
    FrontMatter,
    /// A cluster keyword that the page's title or H1 carries.
    Cluster,
}

/// A keyword as written, with the span of its front matter value (if any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordRef {
    pub text: String,
    pub span: Option<Span>,
}

/// The keywords of one page.
#[derive(Clone, Debug)]
pub struct PageKeywords<'a> {
    pub lang: Lang,
    /// The cluster the page belongs to, and the span of its front matter `cluster` value.
    pub cluster: Option<(&'a Cluster, Option<Span>)>,
    pub primary: Option<(Keyword, KeywordRef, Source)>,
    /// Front matter keywords and tags (primary first), as written.
    pub own: Vec<KeywordRef>,
}

impl PageKeywords<'_> {
    /// Every keyword that counts for the page: its own (not tags) and its cluster's.
    #[must_use]
    pub fn terms(&self) -> Vec<Keyword> {
        let mut out: Vec<Keyword> = Vec::new();
        let cluster_kws = self.cluster.iter().flat_map(|(c, _)| c.keywords.iter());
        for t in self
            .primary
            .iter()
            .map(|(_, r, _)| r.text.as_str())
            .chain(self.own.iter().map(|r| r.text.as_str()))
            .chain(cluster_kws.map(String::as_str))
        {
            if let Some(k) = Keyword::new(t, self.lang) {
                if !out.iter().any(|o| o.key() == k.key()) {
                    out.push(k);
                }
            }
        }
        out
    }
}

/// Comparison form of a cluster name or URL path: folded letters and digits only.
#[must_use]
pub fn name_key(s: &str) -> String {
    crate::keywords::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether a front matter path holds tags rather than keywords.
fn is_tag_path(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(
        last.to_ascii_lowercase().as_str(),
        "tags" | "tag" | "categories" | "category" | "categorieen" | "labels"
    )
}

/// The strings of a list or comma-separated string value, each with its span when exact.
fn list_items(node: &FmNode, source: &str) -> Vec<KeywordRef> {
    match &node.value {
        FmValue::Seq(items) => items
            .iter()
            .filter_map(|n| {
                let text = n.scalar_text()?;
                let text = text.trim().to_string();
                (!text.is_empty()).then(|| KeywordRef {
                    span: value_span(source, n.span, &text),
                    text,
                })
            })
            .collect(),
        FmValue::String(s) => {
            let base = value_span(source, node.span, s);
            let mut out = Vec::new();
            let mut off = 0;
            for part in s.split(',') {
                let lead = part.len() - part.trim_start().len();
                let text = part.trim();
                if !text.is_empty() {
                    let span = base.map(|b| {
                        let start = b.start + off + lead;
                        Span::new(start, start + text.len())
                    });
                    out.push(KeywordRef {
                        text: text.to_string(),
                        span,
                    });
                }
                off += part.len() + 1;
            }
            out
        }
        _ => Vec::new(),
    }
}

/// The span of a front matter string's text inside its (maybe quoted) scalar span.
#[must_use]
pub fn value_span(source: &str, span: Span, text: &str) -> Option<Span> {
    let raw = span.slice(source)?;
    if raw == text {
        return Some(span);
    }
    for q in ['"', '\''] {
        if raw.len() >= 2
            && raw.starts_with(q)
            && raw.ends_with(q)
            && raw.get(1..raw.len() - 1) == Some(text)
        {
            return Some(Span::new(span.start + 1, span.end - 1));
        }
    }
    None
}

/// The URL a page is published at, derived from front matter `url`/`permalink`/`slug` or its
/// path (`content/blog/x.md` → `/blog/x/`, `src/content/artikelen/x.mdx` → `/artikelen/x/`).
///
/// A small stand-in until the site's URL map lands; only pillar look-ups use it.
#[must_use]
pub fn page_url(doc: &Document) -> String {
    let fm = doc.front_matter.as_ref();
    let get = |k: &str| {
        fm.and_then(|f| f.root.get(k))
            .and_then(FmNode::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    if let Some(u) = get("url").or_else(|| get("permalink")) {
        return normalize_url(u);
    }
    let path = doc.display_path.replace('\\', "/");
    let mut rel = path.as_str();
    for root in [
        "src/content/",
        "src/pages/",
        "content/",
        "public/",
        "static/",
    ] {
        if let Some(i) = rel.find(root) {
            rel = rel.get(i + root.len()..).unwrap_or(rel);
            break;
        }
    }
    let mut parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
        if !matches!(stem, "index" | "_index") {
            parts.push(stem);
        }
    }
    if let Some(slug) = get("slug") {
        parts.pop();
        parts.push(slug.trim_matches('/'));
    }
    normalize_url(&parts.join("/"))
}

/// `/a/b/` form of a URL or path: host dropped, lowercase, leading and trailing slash.
#[must_use]
pub fn normalize_url(url: &str) -> String {
    let mut u = url.trim();
    if let Some(i) = u.find("://") {
        let rest = u.get(i + 3..).unwrap_or("");
        u = rest.find('/').and_then(|j| rest.get(j..)).unwrap_or("/");
    }
    let u = u.split(['#', '?']).next().unwrap_or("");
    let u = u.trim_end_matches(".html").trim_end_matches("/index");
    let inner = u.trim_matches('/').to_lowercase();
    if inner.is_empty() {
        "/".into()
    } else {
        format!("/{inner}/")
    }
}

/// The slug of a page: front matter `slug`, else the last part of its URL.
#[must_use]
pub fn slug(cx: &DocContext<'_>) -> Option<TextItem> {
    let fm = cx.doc.front_matter.as_ref();
    if let Some(n) = fm.and_then(|f| f.root.get("slug")) {
        let text = n.as_str()?.to_string();
        let span = value_span(&cx.doc.source, n.span, &text).unwrap_or(n.span);
        return Some(TextItem { text, span });
    }
    let url = page_url(cx.doc);
    let last = url.trim_matches('/').rsplit('/').next()?.to_string();
    (!last.is_empty()).then_some(TextItem {
        text: last,
        span: Span::default(),
    })
}

/// The cluster of a page: named by front matter `cluster`, or the cluster whose pillar it is.
fn cluster_of<'c>(cx: &DocContext<'_>, config: &'c Config) -> Option<(&'c Cluster, Option<Span>)> {
    if let Some(f) = cx.field("cluster") {
        if let Some(name) = f.node.as_str() {
            let key = name_key(name);
            if let Some(c) = config.clusters.iter().find(|c| name_key(&c.name) == key) {
                let span = value_span(&cx.doc.source, f.node.span, name).or(Some(f.node.span));
                return Some((c, span));
            }
        }
    }
    let url = page_url(cx.doc);
    config
        .clusters
        .iter()
        .find(|c| c.pillar.as_deref().is_some_and(|p| normalize_url(p) == url))
        .map(|c| (c, None))
}

/// Tokens of the SEO title.
fn title_tokens(cx: &DocContext<'_>, lang: Lang) -> Option<(Tokens, TextItem)> {
    let t = cx.seo_title()?;
    let span = exact_span(cx.doc, &t);
    Some((Tokens::of(&t.text, lang, span), t))
}

/// The span under which `item.text` sits byte for byte, else `None` (then words get no span).
fn exact_span(doc: &Document, item: &TextItem) -> Option<Span> {
    value_span(&doc.source, item.span, &item.text)
}

/// Tokenise a text item: word spans when it is exact in the source, else its whole span.
#[must_use]
pub fn item_tokens(doc: &Document, item: &TextItem, lang: Lang) -> Tokens {
    let mut t = Tokens::new(lang);
    match exact_span(doc, item) {
        Some(s) => t.push_run(&item.text, Some(s), true, true),
        None => t.push_run(&item.text, Some(item.span), false, true),
    }
    t
}

/// The H1 of a page: the rendered front matter title, else the first main `#` heading.
#[must_use]
pub fn h1(cx: &DocContext<'_>) -> Option<TextItem> {
    cx.rendered_title_h1().or_else(|| {
        cx.main_headings().find(|h| h.level == 1).map(|h| TextItem {
            text: h.text.clone(),
            span: h.span,
        })
    })
}

/// Work out a page's keywords.
#[must_use]
pub fn page_keywords<'c>(cx: &DocContext<'_>, config: &'c Config) -> PageKeywords<'c> {
    let lang = Lang::from_code(cx.lang);
    let cluster = cluster_of(cx, config);
    let mut own = Vec::new();
    let mut primary = None;
    if let Some(fm) = cx.doc.front_matter.as_ref() {
        if let Some((path, node)) = config
            .frontmatter
            .keywords
            .iter()
            .find_map(|p| fm.root.get_path(p).map(|n| (p, n)))
        {
            own = list_items(node, &cx.doc.source);
            if !is_tag_path(path) {
                primary = own.iter().find_map(|r| {
                    Keyword::new(&r.text, lang).map(|k| (k, r.clone(), Source::FrontMatter))
                });
            }
        }
    }
    if primary.is_none() {
        if let Some((c, _)) = cluster {
            let title = title_tokens(cx, lang).map(|(t, _)| t);
            let h1 = h1(cx).map(|h| item_tokens(cx.doc, &h, lang));
            primary = c.keywords.iter().find_map(|k| {
                let kw = Keyword::new(k, lang)?;
                let hit = title.as_ref().and_then(|t| t.find_loose(&kw)).is_some()
                    || h1.as_ref().and_then(|t| t.find_loose(&kw)).is_some();
                hit.then(|| {
                    (
                        kw,
                        KeywordRef {
                            text: k.clone(),
                            span: None,
                        },
                        Source::Cluster,
                    )
                })
            });
        }
    }
    PageKeywords {
        lang,
        cluster,
        primary,
        own,
    }
}

/// The main prose of a page as tokens, one block per paragraph or heading (use
/// [`DocContext::body_tokens`], which computes them once per page).
#[must_use]
pub(crate) fn compute_body_tokens(doc: &Document, lang: Lang) -> Tokens {
    let mut t = Tokens::new(lang);
    let mut prev: Option<Span> = None;
    for run in doc.prose.iter().filter(|r| r.in_main) {
        let new_block = prev.is_none_or(|p| block_gap(doc, p, run.span));
        t.push_run(&run.text, Some(run.span), run.exact, new_block);
        prev = Some(run.span);
    }
    t
}

/// Whether the source between two runs ends a block (blank line, heading, block tag).
fn block_gap(doc: &Document, a: Span, b: Span) -> bool {
    if b.start < a.end || b.start - a.end > 400 {
        return true;
    }
    let Some(gap) = doc.source.get(a.end..b.start) else {
        return true;
    };
    if doc.format == Some(Format::Html) {
        let g = gap.to_ascii_lowercase();
        return [
            "</p", "<p", "</h", "<h", "</li", "<li", "<br", "</td", "</div", "<div", "</dd", "</dt",
        ]
        .iter()
        .any(|t| g.contains(t));
    }
    gap.contains("\n\n")
        || gap.contains("\n#")
        || gap.trim_start().starts_with('#')
        || gap.contains("\n-")
        || gap.contains("\n*")
        || gap.contains("\n|")
}

/// The introduction: the first main paragraph, and the prose after it up to `words` words.
/// Returns its tokens and the span of the first paragraph (where findings point).
#[must_use]
pub fn intro_tokens(doc: &Document, lang: Lang, words: usize) -> Option<(Tokens, Span)> {
    let first = doc.paragraphs.iter().find(|p| p.in_main)?;
    let mut t = Tokens::new(lang);
    let mut prev: Option<Span> = None;
    for run in doc
        .prose
        .iter()
        .filter(|r| r.in_main && r.span.start >= first.span.start)
    {
        if !first.span.contains(run.span) && t.len() >= words {
            break;
        }
        if doc.headings.iter().any(|h| h.span.contains(run.span)) {
            continue;
        }
        let new_block = prev.is_none_or(|p| block_gap(doc, p, run.span));
        t.push_run(&run.text, Some(run.span), run.exact, new_block);
        prev = Some(run.span);
    }
    (!t.is_empty()).then_some((t, first.span))
}

/// Report `rule` when the page's primary keyword is not in `place` (its tokens and the span to
/// point at; `None` span: the whole file).
pub fn check_placement(
    cx: &DocContext<'_>,
    rule: &'static str,
    place: &str,
    target: Option<(&Tokens, Option<Span>)>,
    help: &str,
    out: &mut Vec<crate::diagnostic::Finding>,
) {
    // Every place is judged whole: the words of the keyword may stand in different sentences
    // of the introduction (`In de bouw ... Toch is ISO 9001 ...` carries `ISO 9001 bouw`).
    let Some((kw, r, _)) = &cx.keywords().primary else {
        return;
    };
    let Some((tokens, span)) = target else {
        return;
    };
    if tokens.find_anywhere(kw).is_some() {
        return;
    }
    out.push(
        crate::diagnostic::Finding::new(
            rule,
            format!("primary keyword {} is not in the {place}", quoted(&r.text)),
        )
        .maybe_at(span)
        .help(help.replace("{kw}", &quoted(&r.text))),
    );
}

/// The option values with their defaults.
#[must_use]
pub fn density_bounds(config: &Config) -> (f64, f64) {
    (
        config.keyword.density_min.unwrap_or(0.5),
        config.keyword.density_max.unwrap_or(3.0),
    )
}

/// Density of the primary keyword in the main prose: (occurrences, words, percent).
#[must_use]
pub fn density(cx: &DocContext<'_>, kw: &Keyword, lang: Lang) -> (usize, usize, f64) {
    let body = cx.body_tokens(lang);
    let hits = body.count(kw);
    let words = body.len();
    #[allow(clippy::cast_precision_loss)]
    let pct = if words == 0 {
        0.0
    } else {
        hits as f64 * 100.0 / words as f64
    };
    (hits, words, pct)
}

/// Fewest words of prose for the density rules to judge a page.
pub const DENSITY_MIN_WORDS: usize = 300;

/// Quote a keyword for messages.
#[must_use]
pub fn quoted(k: &str) -> String {
    format!("`{k}`")
}

/// What the site rules and `geolint clusters` need of one page (plain data).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageSummary {
    /// The URL the page is published at (derived; see [`page_url`]).
    pub url: String,
    /// The SEO title.
    pub title: String,
    /// The name of the page's cluster.
    pub cluster: Option<String>,
    /// The span of the front matter `cluster` value.
    pub cluster_span: Option<Span>,
    /// The primary keyword as written, its comparison key and the span of its value.
    pub primary: Option<String>,
    pub primary_key: String,
    pub primary_span: Option<Span>,
    /// Whether the primary keyword was given in front matter (not inferred from the cluster).
    pub primary_explicit: bool,
    /// Which of its cluster's keywords the page carries, and where.
    pub coverage: Vec<Coverage>,
}

/// Where a page carries one cluster keyword.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coverage {
    pub keyword: String,
    pub title: bool,
    pub h1: bool,
    pub intro: bool,
    pub body: bool,
}

impl Coverage {
    /// Whether the page carries the keyword anywhere.
    #[must_use]
    pub fn any(&self) -> bool {
        self.title || self.h1 || self.intro || self.body
    }
}

/// Summarise a page for the site rules.
#[must_use]
pub fn summarise(cx: &DocContext<'_>) -> PageSummary {
    let pk = cx.keywords();
    let lang = pk.lang;
    let mut s = PageSummary {
        url: page_url(cx.doc),
        title: cx.seo_title().map(|t| t.text).unwrap_or_default(),
        ..PageSummary::default()
    };
    if let Some((kw, r, src)) = &pk.primary {
        s.primary = Some(r.text.clone());
        s.primary_key = kw.key();
        s.primary_span = r.span;
        s.primary_explicit = *src == Source::FrontMatter;
    }
    if let Some((c, span)) = pk.cluster {
        s.cluster = Some(c.name.clone());
        s.cluster_span = span;
        let title = title_tokens(cx, lang).map(|(t, _)| t);
        let h1 = h1(cx).map(|h| item_tokens(cx.doc, &h, lang));
        let intro = cx.intro_tokens(lang).map(|(t, _)| t);
        let body = cx.body_tokens(lang);
        for k in &c.keywords {
            let Some(kw) = Keyword::new(k, lang) else {
                continue;
            };
            let has = |t: Option<&Tokens>| t.and_then(|t| t.find_anywhere(&kw)).is_some();
            s.coverage.push(Coverage {
                keyword: k.clone(),
                title: has(title.as_ref()),
                h1: has(h1.as_ref()),
                intro: has(intro),
                // Whether it counts at all (`count(kw) > 0`), without counting every occurrence.
                body: body.find_loose(&kw).is_some(),
            });
        }
    }
    s
}

/// Words of the introduction (option `intro_words`).
#[must_use]
pub fn intro_words(config: &Config) -> usize {
    config.keyword.intro_words.unwrap_or(100)
}

/// The slug as tokens (no spans: a slug derived from the file name is not in the source).
#[must_use]
pub fn slug_tokens(slug: &TextItem, lang: Lang) -> Tokens {
    let span = (!slug.span.is_empty()).then_some(slug.span);
    let mut t = Tokens::new(lang);
    t.push_run(&slug_text(&slug.text), span, span.is_some(), true);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, doc};

    fn cx_keywords(path: &str, src: &str, cfg: &Config) -> (Option<String>, Option<String>) {
        let d = doc(path, src);
        let cx = DocContext::new(&d, cfg, None, &cfg.language);
        let pk = page_keywords(&cx, cfg);
        (
            pk.primary.map(|(_, r, _)| r.text),
            pk.cluster.map(|(c, _)| c.name.clone()),
        )
    }

    #[test]
    fn primary_from_keywords_never_from_tags() {
        let cfg = Config::builtin();
        let (p, _) = cx_keywords("a.md", "---\nkeywords: [\"AI workshop\", b]\n---\n", &cfg);
        assert_eq!(p.as_deref(), Some("AI workshop"));
        let (p, _) = cx_keywords("a.md", "---\nseo:\n  keywords: \"x, y\"\n---\n", &cfg);
        assert_eq!(p.as_deref(), Some("x"));
        let (p, _) = cx_keywords("a.md", "---\ntags: [seo, ai]\n---\n", &cfg);
        assert_eq!(p, None);
    }

    #[test]
    fn cluster_by_name_or_pillar_and_inferred_primary() {
        let cfg = config(
            "[[cluster]]\nname = \"AI-workshop kosten\"\npillar = \"/blog/kosten/\"\nkeywords = [\"prijs AI-training\", \"AI-workshop kosten\"]\n",
        );
        let src = "---\ntitle: Wat kosten AI-workshops?\ncluster: ai workshop kosten\n---\n";
        let (p, c) = cx_keywords("content/blog/x.md", src, &cfg);
        assert_eq!(c.as_deref(), Some("AI-workshop kosten"));
        assert_eq!(p.as_deref(), Some("AI-workshop kosten"));
        let (_, c) = cx_keywords("content/blog/kosten.md", "---\ntitle: T\n---\n", &cfg);
        assert_eq!(c.as_deref(), Some("AI-workshop kosten"));
    }

    #[test]
    fn urls_from_paths_and_front_matter() {
        let d = doc("content/blog/wat-kost.md", "---\ntitle: x\n---\n");
        assert_eq!(page_url(&d), "/blog/wat-kost/");
        let d = doc("site/src/content/artikelen/x/index.mdx", "");
        assert_eq!(page_url(&d), "/artikelen/x/");
        let d = doc("content/blog/a.md", "---\nslug: andere-naam\n---\n");
        assert_eq!(page_url(&d), "/blog/andere-naam/");
        assert_eq!(normalize_url("https://www.x.nl/Blog/A/#b"), "/blog/a/");
        assert_eq!(normalize_url(""), "/");
    }

    #[test]
    fn comma_separated_keywords_keep_spans() {
        let src = "---\nkeywords: \"AI, workshop kosten\"\n---\n";
        let d = doc("a.md", src);
        let fm = d.front_matter.as_ref().expect("front matter");
        let node = fm.root.get("keywords").expect("keywords");
        let items = list_items(node, src);
        let texts: Vec<_> = items
            .iter()
            .map(|r| r.span.and_then(|s| s.slice(src)).unwrap_or(""))
            .collect();
        assert_eq!(texts, ["AI", "workshop kosten"]);
    }
}
