//! The URL map: the URL each page is published at, and which page (or static file) a link
//! points at.
//!
//! A page's URL comes from its front matter (`url`, `permalink`, `path` — the full path;
//! `slug` — the last segment; `aliases`/`redirect_from` — extra URLs), else from a
//! `[[urls.permalink]]` pattern whose globs match the file, else from its path below the first
//! content folder that holds it (`[urls] content_dirs`, by default Hugo/Zola `content/`, Astro
//! `src/content/` and `src/pages/`, Eleventy `src/`, and `public/`/`static/`):
//!
//! | file | URL |
//! |---|---|
//! | `content/blog/ai-kosten.md` | `/blog/ai-kosten/` |
//! | `content/blog/ai-kosten/index.md` (page bundle) | `/blog/ai-kosten/` |
//! | `content/blog/_index.md` (section) | `/blog/` |
//! | `src/content/artikelen/agents.mdx` | `/artikelen/agents/` |
//! | `public/over-ons.html` | `/over-ons.html` |
//!
//! What the map needs of each document is computed once per file ([`PageInfo::new`]) and kept in
//! [`crate::site::DocSummary::page`]. [`UrlMap::new`] indexes a run's pages; [`UrlMap::resolve`]
//! tells where a link goes. Look-ups ignore case, a trailing slash, `index.html` and the `.html`
//! extension, so `/Over-Ons`, `/over-ons/` and `/over-ons.html` are the same page.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::config::Config;
use crate::document::{slugify, Document, Format};
use crate::rules::DocContext;
use crate::site::Site;
use crate::source::frontmatter::FmValue;

/// Folders whose files are published below the site root, when the config names none.
pub const DEFAULT_CONTENT_DIRS: &[&str] = &[
    "content",
    "src/content",
    "src/pages",
    "src",
    "public",
    "static",
];

/// Redirect files (`from to [status]` per line, as Netlify and Cloudflare Pages read them).
pub const DEFAULT_REDIRECTS: &[&str] = &["_redirects", "static/_redirects", "public/_redirects"];

/// Folders of static files (images, PDFs) served from the site root.
pub const DEFAULT_STATIC_DIRS: &[&str] = &["static", "public", "assets", "src/assets"];

/// `[urls]` as written in `geolint.toml`.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawUrls {
    content_dirs: Option<Vec<String>>,
    static_dirs: Option<Vec<String>>,
    redirects: Option<Vec<String>>,
    permalink: Option<Vec<RawPermalink>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawPermalink {
    paths: Vec<String>,
    pattern: String,
}

/// A permalink pattern and the files it applies to.
#[derive(Debug, Clone)]
pub struct Permalink {
    pub paths: Vec<String>,
    /// E.g. `/:year/:month/:slug/`; see [`expand`] for the tokens.
    pub pattern: String,
    globs: GlobSet,
}

/// Where pages and static files are published (`[urls]`).
#[derive(Debug, Clone)]
pub struct UrlOptions {
    pub content_dirs: Vec<String>,
    pub static_dirs: Vec<String>,
    /// Netlify/Cloudflare-style `_redirects` files, relative to the site root.
    pub redirects: Vec<String>,
    pub permalinks: Vec<Permalink>,
}

impl Default for UrlOptions {
    fn default() -> Self {
        Self {
            content_dirs: DEFAULT_CONTENT_DIRS
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            static_dirs: DEFAULT_STATIC_DIRS
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            redirects: DEFAULT_REDIRECTS.iter().map(|s| (*s).to_string()).collect(),
            permalinks: Vec::new(),
        }
    }
}

/// The tokens a permalink pattern may use.
pub const TOKENS: &[&str] = &[
    ":year",
    ":month",
    ":day",
    ":slug",
    ":title",
    ":filename",
    ":section",
    ":sections",
    ":path",
    ":slugorfilename",
    ":contentbasename",
];

impl UrlOptions {
    /// Merge the user's `[urls]` over the built-in one; the error says what is wrong.
    pub fn build(user: Option<RawUrls>, default: Option<RawUrls>) -> Result<Self, String> {
        let user = user.unwrap_or_default();
        let default = default.unwrap_or_default();
        let base = Self::default();
        let clean = |dirs: Vec<String>| -> Vec<String> {
            dirs.into_iter()
                .map(|d| d.trim_matches('/').to_string())
                .collect()
        };
        let mut permalinks = Vec::new();
        for p in user.permalink.or(default.permalink).unwrap_or_default() {
            if !p.pattern.starts_with('/') {
                return Err(format!(
                    "permalink pattern `{}` must start with `/`",
                    p.pattern
                ));
            }
            for seg in p.pattern.split('/').filter(|s| s.starts_with(':')) {
                // `:filename.html`: a token and a literal suffix.
                let token = seg.split_once('.').map_or(seg, |(t, _)| t);
                if !TOKENS.contains(&token) {
                    return Err(format!(
                        "unknown token `{token}` in permalink pattern `{}`: use {}",
                        p.pattern,
                        TOKENS.join(", ")
                    ));
                }
            }
            let mut b = GlobSetBuilder::new();
            for g in &p.paths {
                b.add(Glob::new(g).map_err(|e| format!("invalid glob `{g}`: {e}"))?);
            }
            let globs = b.build().map_err(|e| e.to_string())?;
            permalinks.push(Permalink {
                paths: p.paths,
                pattern: p.pattern,
                globs,
            });
        }
        Ok(Self {
            content_dirs: user
                .content_dirs
                .or(default.content_dirs)
                .map_or(base.content_dirs, clean),
            static_dirs: user
                .static_dirs
                .or(default.static_dirs)
                .map_or(base.static_dirs, clean),
            redirects: user
                .redirects
                .or(default.redirects)
                .map_or(base.redirects, clean),
            permalinks,
        })
    }
}

/// What the URL map keeps of one document (small plain data, see `DocSummary`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageInfo {
    /// The URL path the page is published at (`/blog/ai-kosten/`); `None` when the file is not
    /// a page (a partial such as `_includes/x.md`, or `permalink: false`).
    pub url: Option<String>,
    /// Extra URLs that lead to the page (front matter `aliases`, `redirect_from`).
    pub aliases: Vec<String>,
    /// The folder the site is published from (holding `content/`, `src/`, `public/` ...).
    pub site_root: Option<PathBuf>,
    /// The content folder the page was found in, relative to the site root (`content`).
    pub content_dir: Option<String>,
    /// The home page (`/`).
    pub home: bool,
    /// A list page: a section `_index.md`.
    pub list: bool,
    /// The run walked the page's whole site root (so a missing inbound link means something).
    pub whole_site: bool,
    /// The cluster named in front matter (the config's `cluster` mapping).
    pub cluster: Option<String>,
    /// Span of the cluster value in front matter.
    pub cluster_span: Option<crate::span::Span>,
    /// The name of the page's content type.
    pub content_type: Option<String>,
    /// The page's title (front matter `h1`/`title` mapping, else the HTML `<title>`).
    pub title: Option<String>,
    /// Explicit anchors in raw HTML (`id="…"`, `name="…"`), besides the heading ids.
    pub anchors: Vec<String>,
}

impl PageInfo {
    /// Work out where `doc` (the file at `path`, walked from one of `roots`) is published.
    #[must_use]
    pub fn new(
        doc: &Document,
        config: &Config,
        path: &Path,
        roots: &[PathBuf],
        rel_paths: &[String],
    ) -> Self {
        let content_type = config.content_type(rel_paths);
        let cx = DocContext::new(doc, config, content_type, &config.language);
        let cluster_field = cx.text_field("cluster");
        let common = Self {
            cluster: cluster_field.as_ref().map(|t| t.text.clone()),
            cluster_span: cluster_field.map(|t| t.span),
            content_type: content_type.map(|c| c.name.clone()),
            title: cx
                .text_field("h1")
                .or_else(|| cx.text_field("title"))
                .or_else(|| doc.html_title.clone())
                .map(|t| t.text),
            anchors: html_anchor_ids(&doc.source),
            ..Self::default()
        };
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let abs_roots: Vec<PathBuf> = roots
            .iter()
            .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
            .collect();
        let config_root =
            std::fs::canonicalize(&config.root).unwrap_or_else(|_| config.root.clone());
        let placed = place(&abs, &config.urls.content_dirs, &config_root, &abs_roots);
        let Some(placed) = placed else {
            return common;
        };
        let whole_site = abs_roots
            .iter()
            .any(|r| placed.site_root.starts_with(r) || r == &placed.site_root);
        let fm = doc.front_matter.as_ref().map(|f| &f.root);
        let fm_str = |key: &str| {
            fm.and_then(|r| r.get(key))
                .and_then(|n| n.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        // An empty file (reported by `content/empty-file`) is not a page yet.
        let not_a_page = placed.partial
            || doc.source.trim().is_empty()
            || fm
                .and_then(|r| r.get("permalink"))
                .and_then(crate::source::frontmatter::FmNode::as_bool)
                == Some(false);
        let mut aliases = Vec::new();
        for key in ["aliases", "redirect_from"] {
            match fm.and_then(|r| r.get(key)).map(|n| &n.value) {
                Some(FmValue::Seq(items)) => aliases.extend(
                    items
                        .iter()
                        .filter_map(|n| n.as_str())
                        .filter_map(|s| clean_path(s, false)),
                ),
                Some(FmValue::String(s)) => aliases.extend(clean_path(s, false)),
                _ => {}
            }
        }
        let url = if not_a_page {
            None
        } else if let Some(u) = ["url", "permalink", "path"]
            .iter()
            .find_map(|k| fm_str(k))
            .filter(|u| !u.contains('{'))
        {
            clean_path(u, doc.format != Some(Format::Html))
        } else {
            let title = common.title.clone();
            let date = cx.text_field("date").map(|t| t.text);
            let vars = Vars {
                sub: &placed.sub,
                slug: fm_str("slug"),
                title: title.as_deref(),
                date: date.as_deref(),
            };
            let rel = format!(
                "{}/{}",
                placed.content_dir.trim_end_matches('/'),
                placed.sub
            );
            let rel = rel.trim_start_matches('/');
            config
                .urls
                .permalinks
                .iter()
                .find(|p| p.globs.is_match(rel))
                .and_then(|p| expand(&p.pattern, &vars))
                .or_else(|| {
                    // Hugo's own `[permalinks]`, per section, for regular pages.
                    let section =
                        placed.sub.split('/').next().filter(|_| {
                            placed.content_dir == "content" && placed.sub.contains('/')
                        })?;
                    let stem = Path::new(&placed.sub).file_stem()?;
                    if stem == "_index" {
                        return None;
                    }
                    hugo_permalinks(&placed.site_root)
                        .into_iter()
                        .find(|(s, _)| s == section)
                        .and_then(|(_, pattern)| expand(&pattern, &vars))
                })
                .or_else(|| Some(path_url(&vars, doc.format)))
        };
        let list = Path::new(&placed.sub)
            .file_stem()
            .is_some_and(|s| s == "_index");
        Self {
            home: url.as_deref() == Some("/"),
            url,
            aliases,
            site_root: Some(placed.site_root),
            content_dir: Some(placed.content_dir),
            list,
            whole_site,
            ..common
        }
    }
}

/// `id="…"` and `name="…"` attributes of raw HTML tags (explicit anchors).
fn html_anchor_ids(source: &str) -> Vec<String> {
    static ID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::rules::regex(r#"<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']"#)
    });
    let mut ids: Vec<String> = ID
        .captures_iter(source)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Where a file sits: its site root, content folder and path below it.
struct Placed {
    site_root: PathBuf,
    content_dir: String,
    /// Path below the content folder, `/` separated (`blog/ai-kosten.md`).
    sub: String,
    /// A file no one visits: a folder or file whose name starts with `_` (except `_index`).
    partial: bool,
}

fn components(p: &Path) -> Vec<String> {
    p.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Find the content folder of `abs`: first relative to the config's folder and the walked
/// roots (the folder must start there), then anywhere in the path (its last occurrence).
/// Without one, the file is placed below the walked root (a plain HTML or Markdown site).
fn place(abs: &Path, dirs: &[String], config_root: &Path, roots: &[PathBuf]) -> Option<Placed> {
    let bases: Vec<&Path> = std::iter::once(config_root)
        .chain(roots.iter().map(PathBuf::as_path))
        .filter(|b| abs.starts_with(b) && *b != abs)
        .collect();
    let parts = components(abs);
    let make = |site_root: PathBuf, dir: &str, rest: &[String]| {
        let partial = rest
            .iter()
            .any(|s| s.starts_with('_') && !s.starts_with("_index."));
        Placed {
            site_root,
            content_dir: dir.to_string(),
            sub: rest.join("/"),
            partial,
        }
    };
    for dir in dirs {
        let dir_parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        for base in &bases {
            let base_len = components(base).len();
            let rest = parts.get(base_len..).unwrap_or_default();
            if rest.len() > dir_parts.len() && dir_parts.iter().zip(rest).all(|(a, b)| a == b) {
                let rest = rest.get(dir_parts.len()..).unwrap_or_default();
                return Some(make(base.to_path_buf(), dir, rest));
            }
        }
    }
    for dir in dirs {
        let dir_parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        if dir_parts.is_empty() {
            continue;
        }
        let n = dir_parts.len();
        let found = (0..parts.len().saturating_sub(n)).rev().find(|&i| {
            parts
                .get(i..i + n)
                .is_some_and(|w| w.iter().eq(dir_parts.iter()))
        });
        if let Some(i) = found {
            let root: PathBuf = abs
                .components()
                .take(abs.components().count() - (parts.len() - i))
                .collect();
            let rest = parts.get(i + n..).unwrap_or_default();
            return Some(make(root, dir, rest));
        }
    }
    // No content folder: below the walked root, or the config's folder. When that folder has
    // a content folder, a file outside it (`archetypes/`, `layouts/`, `README.md`) is no page.
    let base = bases.iter().max_by_key(|b| b.components().count())?;
    let rest = parts.get(components(base).len()..).unwrap_or_default();
    let mut placed = make(base.to_path_buf(), "", rest);
    if dirs.iter().any(|d| base.join(d).is_dir()) {
        placed.partial = true;
    }
    Some(placed)
}

/// What permalink tokens are filled from.
struct Vars<'a> {
    sub: &'a str,
    slug: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<&'a str>,
}

impl Vars<'_> {
    /// Folders below the content folder, and the page's own name (the folder of a bundle).
    fn split(&self) -> (Vec<&str>, &str, bool) {
        let mut folders: Vec<&str> = self.sub.split('/').filter(|s| !s.is_empty()).collect();
        let file = folders.pop().unwrap_or("");
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let stem = stem.rsplit_once('.').map_or(stem, |(s, lang)| {
            // Hugo translations: `post.en.md`
            if lang.len() == 2 {
                s
            } else {
                stem
            }
        });
        if stem == "index" || stem == "_index" {
            let name = folders.pop().unwrap_or("");
            (folders, name, true)
        } else {
            (folders, stem, false)
        }
    }
}

/// Expand a permalink pattern; `None` when a token has no value (then the path decides).
fn expand(pattern: &str, v: &Vars<'_>) -> Option<String> {
    let (folders, name, _) = v.split();
    let date = v.date.and_then(|d| d.get(..10)).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    let mut out = String::new();
    for seg in pattern.split('/').filter(|s| !s.is_empty()) {
        let (seg, suffix) = match seg.split_once('.') {
            Some((token, suffix)) if token.starts_with(':') => (token, Some(suffix)),
            _ => (seg, None),
        };
        let value = match seg {
            ":year" => date?.get(..4)?.to_string(),
            ":month" => date?.get(5..7)?.to_string(),
            ":day" => date?.get(8..10)?.to_string(),
            ":slug" => v
                .slug
                .map(str::to_string)
                .or_else(|| v.title.map(slugify))
                .unwrap_or_else(|| name.to_string()),
            ":title" => v.title.map_or_else(|| name.to_string(), slugify),
            ":filename" | ":contentbasename" => name.to_string(),
            ":slugorfilename" => v.slug.unwrap_or(name).to_string(),
            ":section" => (*folders.first()?).to_string(),
            ":path" => {
                // Folders and file name without extension, `index` kept (Eleventy's
                // `page.filePathStem`).
                let stem = v.sub.rsplit_once('.').map_or(v.sub, |(s, _)| s);
                stem.trim_matches('/').to_string()
            }
            ":sections" => {
                if folders.is_empty() {
                    continue;
                }
                folders.join("/")
            }
            literal => literal.to_string(),
        };
        out.push('/');
        out.push_str(&value);
        if let Some(suffix) = suffix {
            out.push('.');
            out.push_str(suffix);
        }
    }
    if !pattern.ends_with('/') && out.rsplit('/').next().is_some_and(|l| l.contains('.')) {
        return Some(out);
    }
    out.push('/');
    Some(out)
}

/// The URL of a file from its path below the content folder.
fn path_url(v: &Vars<'_>, format: Option<Format>) -> String {
    let (folders, name, bundle) = v.split();
    let mut segs: Vec<&str> = folders;
    if format == Some(Format::Html) {
        let file = v.sub.rsplit('/').next().unwrap_or("");
        if bundle {
            segs.push(name);
        } else {
            let mut s = segs.join("/");
            if !s.is_empty() {
                s.push('/');
            }
            s.push_str(file);
            return format!("/{s}");
        }
    } else {
        let name = v.slug.unwrap_or(name);
        if !name.is_empty() {
            segs.push(name);
        }
    }
    let segs: Vec<&str> = segs.into_iter().filter(|s| !s.is_empty()).collect();
    if segs.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", segs.join("/"))
    }
}

/// A URL path from front matter: leading `/`, trailing `/` for pages without an extension.
fn clean_path(raw: &str, pretty: bool) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.contains('{') {
        return None;
    }
    let path = match url::Url::parse(raw) {
        Ok(u) if u.has_host() => u.path().to_string(),
        _ => raw.to_string(),
    };
    let mut p = format!("/{}", path.trim_start_matches('/'));
    let has_ext = p.rsplit('/').next().is_some_and(|last| last.contains('.'));
    if pretty && !p.ends_with('/') && !has_ext {
        p.push('/');
    }
    Some(p)
}

/// The look-up key of a URL path: decoded, lowercase, no trailing slash, `index.html` or
/// `.html`.
#[must_use]
pub fn key(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut k = decoded.to_lowercase();
    for suffix in ["/index.html", "/index.htm", "/index.php"] {
        if let Some(s) = k.strip_suffix(suffix) {
            k = format!("{s}/");
        }
    }
    for ext in [".html", ".htm"] {
        if let Some(s) = k.strip_suffix(ext) {
            k = s.to_string();
        }
    }
    while k.contains("//") {
        k = k.replace("//", "/");
    }
    let k = k.trim_end_matches('/');
    if k.is_empty() {
        "/".to_string()
    } else if k.starts_with('/') {
        k.to_string()
    } else {
        format!("/{k}")
    }
}

/// How a link is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkForm {
    /// `#kosten`: a place on the same page.
    SamePage,
    /// `../gids.md`, `img/x.png`: a file path relative to the file (with an extension).
    File,
    /// `../andere-post/`: relative to the page's URL.
    Relative,
    /// `/blog/andere-post/`.
    RootRelative,
    /// `https://www.example.nl/blog/` on the site's own host.
    Absolute,
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Not a link into the site: another host, `mailto:`, a template expression.
    External,
    /// A page of the run.
    Page(usize),
    /// A page the generator makes without a source file: the home page, a section or
    /// taxonomy list.
    Generated,
    /// A static file that exists.
    Asset(PathBuf),
    /// Nothing is published at this URL.
    Missing,
    /// Cannot tell (a generated feed, or no site root known).
    Unknown,
}

/// A link resolved through the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub target: Target,
    pub form: LinkForm,
    /// The URL path linked to (`/blog/x/`), for internal links.
    pub path: Option<String>,
    /// The `#fragment`, decoded, if any.
    pub fragment: Option<String>,
    /// Written with `http://` on a site served over https.
    pub insecure: bool,
    /// The status of the redirect rule the URL matched, if any.
    pub redirect: Option<u16>,
}

impl Resolved {
    fn external() -> Self {
        Self {
            target: Target::External,
            form: LinkForm::Absolute,
            path: None,
            fragment: None,
            insecure: false,
            redirect: None,
        }
    }

    /// Whether the link points into the site (resolved or not).
    #[must_use]
    pub fn is_internal(&self) -> bool {
        self.target != Target::External
    }
}

/// File extensions of page sources and outputs: a link to one is a link to a page.
const PAGE_EXTENSIONS: &[&str] = &["md", "mdx", "markdown", "html", "htm", "php"];

/// Outputs generators make that no source file backs.
const GENERATED_EXTENSIONS: &[&str] = &["xml", "json", "txt", "webmanifest", "rss", "atom"];

/// The map of a run: every page's URLs, and the site's own hosts.
pub struct UrlMap<'s> {
    site: &'s Site<'s>,
    by_key: HashMap<String, usize>,
    by_path: HashMap<PathBuf, usize>,
    generated: HashSet<String>,
    generated_prefixes: Vec<String>,
    /// Redirect rules per site root.
    redirects: Vec<(PathBuf, Redirect)>,
    /// Hosts of `site_url` without `www.`.
    host: Option<String>,
    https: bool,
    /// Known URLs for suggestions, sorted.
    urls: Vec<String>,
    /// Per folder, the names in it that start with `[` (dynamic routes), read once: a content
    /// folder can hold thousands of pages and many links may be looked up in it.
    bracket_names: std::sync::Mutex<HashMap<PathBuf, std::sync::Arc<Vec<String>>>>,
}

impl<'s> UrlMap<'s> {
    /// Index every page of `site`.
    #[must_use]
    pub fn new(site: &'s Site<'s>) -> Self {
        let mut by_key = HashMap::new();
        let mut generated = HashSet::new();
        let mut prefixes = Vec::new();
        let mut urls = Vec::new();
        let mut by_path = HashMap::new();
        for (i, d) in site.docs.iter().enumerate() {
            by_path.entry(crate::site::normalize(&d.path)).or_insert(i);
            let Some(url) = &d.page.url else { continue };
            by_key.entry(key(url)).or_insert(i);
            urls.push(url.clone());
            for a in &d.page.aliases {
                by_key.entry(key(a)).or_insert(i);
            }
            generated.insert("/".to_string());
            // Hugo makes a list page for every top-level section, and taxonomy pages.
            if d.page.content_dir.as_deref() == Some("content") {
                if let Some(first) = url.trim_matches('/').split('/').next() {
                    if url.trim_matches('/').contains('/') {
                        generated.insert(format!("/{}", first.to_lowercase()));
                    }
                }
                for p in ["/tags/", "/categories/"] {
                    if !prefixes.iter().any(|x| x == p) {
                        prefixes.push(p.to_string());
                    }
                }
            }
        }
        urls.sort();
        urls.dedup();
        let mut roots: Vec<&Path> = site
            .docs
            .iter()
            .filter_map(|d| d.page.site_root.as_deref())
            .collect();
        roots.sort();
        roots.dedup();
        let mut redirects = Vec::new();
        let site_url = site
            .config
            .site_url
            .clone()
            .or_else(|| roots.iter().find_map(|r| generator_site_url(r)))
            .and_then(|u| url::Url::parse(&u).ok());
        for root in roots {
            for file in &site.config.urls.redirects {
                if let Ok(text) = std::fs::read_to_string(root.join(file)) {
                    redirects.extend(
                        parse_redirects(&text)
                            .into_iter()
                            .map(|r| (root.to_path_buf(), r)),
                    );
                }
            }
        }
        Self {
            site,
            by_key,
            by_path,
            generated,
            generated_prefixes: prefixes,
            redirects,
            host: site_url
                .as_ref()
                .and_then(|u| u.host_str())
                .map(|h| h.trim_start_matches("www.").to_lowercase()),
            https: site_url.is_some_and(|u| u.scheme() == "https"),
            urls,
            bracket_names: std::sync::Mutex::default(),
        }
    }

    /// The document at this file path (compared after normalising `.` and `..`), in O(1).
    #[must_use]
    pub fn doc_at(&self, path: &Path) -> Option<usize> {
        self.by_path.get(&crate::site::normalize(path)).copied()
    }

    /// The document published at `path` (a URL path, any of the equivalent forms).
    #[must_use]
    pub fn lookup(&self, path: &str) -> Option<usize> {
        self.by_key.get(&key(path)).copied()
    }

    /// Every page URL of the run, sorted.
    #[must_use]
    pub fn urls(&self) -> &[String] {
        &self.urls
    }

    /// The URL of document `doc`.
    #[must_use]
    pub fn url_of(&self, doc: usize) -> Option<&str> {
        self.site.docs.get(doc)?.page.url.as_deref()
    }

    /// Whether the site is served over https (`site_url`, else the generator's config).
    #[must_use]
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// Whether `host` is the site's own (ignoring `www.` and case).
    #[must_use]
    pub fn is_own_host(&self, host: &str) -> bool {
        self.host
            .as_deref()
            .is_some_and(|h| h == host.trim_start_matches("www.").to_lowercase())
    }

    /// The existing URL closest to `path` by edit distance, if close enough to be a typo or a
    /// moved page.
    #[must_use]
    pub fn closest(&self, path: &str) -> Option<&str> {
        let want = key(path);
        let last = |s: &str| s.rsplit('/').next().unwrap_or("").to_string();
        let want_last = last(&want);
        let limit = (want.chars().count() / 3).max(2);
        let mut best: Option<(usize, &str)> = None;
        for u in &self.urls {
            let k = key(u);
            let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
            if k.len().abs_diff(want.len()) <= bound {
                if let Some(d) = bounded_levenshtein(&want, &k, bound) {
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, u));
                    }
                }
            }
        }
        // A page that moved to another folder keeps its last segment.
        if best.is_none() && want_last.len() >= 4 {
            best = self
                .urls
                .iter()
                .find(|u| last(&key(u)) == want_last)
                .map(|u| (0, u.as_str()));
        }
        best.map(|(_, u)| u)
    }

    /// Resolve link `href` written on document `from`.
    #[must_use]
    pub fn resolve(&self, from: usize, href: &str) -> Resolved {
        let href = href.trim();
        let Some(doc) = self.site.docs.get(from) else {
            return Resolved::external();
        };
        if href.is_empty() || href.contains("{{") || href.contains("{%") || href.starts_with('{') {
            return Resolved::external();
        }
        let (without_frag, fragment) = match href.split_once('#') {
            Some((p, f)) => (p, Some(decode(f)).filter(|f| !f.is_empty())),
            None => (href, None),
        };
        if without_frag.is_empty() {
            return Resolved {
                target: Target::Page(from),
                form: LinkForm::SamePage,
                path: doc.page.url.clone(),
                fragment,
                insecure: false,
                redirect: None,
            };
        }
        let mut insecure = false;
        let (form, path) = if let Some(rest) = without_frag.strip_prefix("//") {
            let host = rest.split(['/', '?']).next().unwrap_or("");
            if !self.is_own_host(host) {
                return Resolved::external();
            }
            (
                LinkForm::Absolute,
                format!(
                    "/{}",
                    rest.get(host.len()..).unwrap_or("").trim_start_matches('/')
                ),
            )
        } else if without_frag.starts_with('/') {
            (LinkForm::RootRelative, without_frag.to_string())
        } else if has_scheme(without_frag) {
            let Ok(u) = url::Url::parse(without_frag) else {
                return Resolved::external();
            };
            if !matches!(u.scheme(), "http" | "https")
                || !u.host_str().is_some_and(|h| self.is_own_host(h))
            {
                return Resolved::external();
            }
            insecure = u.scheme() == "http" && self.https;
            (LinkForm::Absolute, u.path().to_string())
        } else {
            // Relative: a file next to this one, or a URL relative to the page's URL.
            let file_part = without_frag.split('?').next().unwrap_or("");
            if let Some(ext) = extension(file_part) {
                let dir = doc.path.parent().unwrap_or(Path::new(""));
                // Zola's `@/blog/post.md` is relative to the content folder.
                let on_disk = match (
                    file_part.strip_prefix("@/"),
                    &doc.page.site_root,
                    &doc.page.content_dir,
                ) {
                    (Some(rest), Some(root), Some(content)) => {
                        root.join(content).join(decode(rest))
                    }
                    _ => dir.join(decode(file_part)),
                };
                if let Some(&t) = self.by_path.get(&crate::site::normalize(&on_disk)) {
                    return Resolved {
                        target: Target::Page(t),
                        form: LinkForm::File,
                        path: self.url_of(t).map(str::to_string),
                        fragment,
                        insecure,
                        redirect: None,
                    };
                }
                if on_disk.is_file() {
                    // A static file, or a page source the run did not include.
                    let target = if PAGE_EXTENSIONS.contains(&ext.as_str()) {
                        Target::Unknown
                    } else {
                        Target::Asset(on_disk)
                    };
                    return Resolved {
                        target,
                        form: LinkForm::File,
                        path: None,
                        fragment,
                        insecure,
                        redirect: None,
                    };
                }
            }
            let Some(base) = doc.page.url.as_deref() else {
                return Resolved {
                    target: Target::Unknown,
                    form: LinkForm::Relative,
                    path: None,
                    fragment,
                    insecure,
                    redirect: None,
                };
            };
            let joined = url::Url::parse("http://site.invalid")
                .and_then(|b| b.join(base))
                .and_then(|b| b.join(without_frag));
            let Ok(joined) = joined else {
                return Resolved::external();
            };
            let form = if extension(file_part).is_some() {
                LinkForm::File
            } else {
                LinkForm::Relative
            };
            (form, joined.path().to_string())
        };
        let path = path.split('?').next().unwrap_or("").to_string();
        let (target, redirect) = self.target(from, &path);
        Resolved {
            target,
            form,
            path: Some(path),
            fragment,
            insecure,
            redirect,
        }
    }

    /// [`UrlMap::resolve`], then look on disk for what a URL the map does not know may be: a
    /// static file, or a page source the run did not include.
    #[must_use]
    pub fn resolve_checked(&self, from: usize, href: &str) -> Resolved {
        let mut r = self.resolve(from, href);
        if r.target == Target::Missing && r.redirect.is_none() {
            if let Some(path) = &r.path {
                r.target = self.on_disk(from, path);
            }
        }
        r
    }

    /// What the map says is published at URL `path` (linked from document `from`), and the
    /// status of the redirect rule that matched. `Missing` until [`Self::on_disk`] says more.
    fn target(&self, from: usize, path: &str) -> (Target, Option<u16>) {
        let k = key(path);
        if let Some(&i) = self.by_key.get(&k) {
            return (Target::Page(i), None);
        }
        if self.generated.contains(&k)
            || self
                .generated_prefixes
                .iter()
                .any(|p| k.starts_with(p.trim_end_matches('/')))
        {
            return (Target::Generated, None);
        }
        let root = self
            .site
            .docs
            .get(from)
            .and_then(|d| d.page.site_root.as_deref());
        if let Some((to, status)) = self
            .redirects
            .iter()
            .filter(|(r, _)| Some(r.as_path()) == root)
            .find_map(|(_, rule)| rule.apply(&k))
        {
            if (400..500).contains(&status) {
                return (Target::Missing, Some(status));
            }
            let target = match url::Url::parse(&to) {
                Ok(u) if u.has_host() && !u.host_str().is_some_and(|h| self.is_own_host(h)) => {
                    Target::External
                }
                Ok(u) if u.has_host() => self
                    .by_key
                    .get(&key(u.path()))
                    .map_or(Target::Generated, |&i| Target::Page(i)),
                _ => self
                    .by_key
                    .get(&key(&to))
                    .map_or(Target::Generated, |&i| Target::Page(i)),
            };
            return (target, Some(status));
        }
        (Target::Missing, None)
    }

    /// Look on disk for URL `path` linked from document `from`: a static file (in a static
    /// folder or next to a page bundle), or a page source the run did not include.
    #[must_use]
    pub fn on_disk(&self, from: usize, path: &str) -> Target {
        let Some(root) = self
            .site
            .docs
            .get(from)
            .and_then(|d| d.page.site_root.as_deref())
        else {
            return Target::Unknown;
        };
        let rel = decode(path.trim_start_matches('/'));
        let rel = rel.trim_end_matches('/');
        let ext = extension(rel);
        // A static file, or a resource of a page bundle.
        if ext
            .as_deref()
            .is_some_and(|e| !PAGE_EXTENSIONS.contains(&e))
        {
            for dir in self
                .site
                .config
                .urls
                .static_dirs
                .iter()
                .chain(&self.site.config.urls.content_dirs)
            {
                // `src/_downloads=/downloads`: a folder served under a URL prefix.
                let (dir, prefix) = dir.split_once('=').unwrap_or((dir, ""));
                let Some(below) = rel.strip_prefix(prefix.trim_matches('/')) else {
                    continue;
                };
                let p = root
                    .join(dir.trim_matches('/'))
                    .join(below.trim_start_matches('/'));
                if p.is_file() {
                    return Target::Asset(p);
                }
            }
            let p = root.join(rel);
            if p.is_file() {
                return Target::Asset(p);
            }
            if let Some((parent, file)) = rel.rsplit_once('/') {
                if let Some(&i) = self.by_key.get(&key(parent)) {
                    if let Some(dir) = self.site.docs.get(i).and_then(|d| d.path.parent()) {
                        let p = dir.join(file);
                        if p.is_file() {
                            return Target::Asset(p);
                        }
                    }
                }
            }
            if ext
                .as_deref()
                .is_some_and(|e| GENERATED_EXTENSIONS.contains(&e))
            {
                return Target::Unknown;
            }
            return Target::Missing;
        }
        // A page source the run did not include (a partial run, or an excluded file).
        let stem = rel
            .strip_suffix(".html")
            .or_else(|| rel.strip_suffix(".htm"))
            .unwrap_or(rel);
        for dir in &self.site.config.urls.content_dirs {
            let base = root.join(dir);
            let candidates = [
                base.join(format!("{stem}.md")),
                base.join(format!("{stem}.mdx")),
                base.join(format!("{stem}.html")),
                base.join(stem).join("index.md"),
                base.join(stem).join("_index.md"),
                base.join(stem).join("index.html"),
                base.join(format!("{stem}.astro")),
                base.join(stem).join("index.astro"),
            ];
            if candidates.iter().any(|c| c.is_file()) || self.dynamic_route(&base, stem) {
                return Target::Unknown;
            }
        }
        Target::Missing
    }

    /// Whether a dynamic route under `base` serves `stem` (`blog/ai-kosten`): Astro/Next
    /// `blog/[slug].astro` or `blog/[slug]/` for one segment, `[...slug].astro` in `blog/` or any
    /// folder above it for any depth.
    fn dynamic_route(&self, base: &Path, stem: &str) -> bool {
        let segs: Vec<&str> = stem.split('/').filter(|s| !s.is_empty()).collect();
        let mut folder = base.to_path_buf();
        for (i, seg) in segs.iter().enumerate() {
            let names = self.bracket_names_in(&folder);
            if names
                .iter()
                .any(|name| name.starts_with("[...") || i + 1 == segs.len())
            {
                return true;
            }
            folder.push(seg);
        }
        false
    }

    /// The names in `folder` that start with `[`.
    fn bracket_names_in(&self, folder: &Path) -> std::sync::Arc<Vec<String>> {
        let cached = self
            .bracket_names
            .lock()
            .ok()
            .and_then(|c| c.get(folder).cloned());
        if let Some(hit) = cached {
            return hit;
        }
        let names: Vec<String> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('['))
            .collect();
        let names = std::sync::Arc::new(names);
        if let Ok(mut c) = self.bracket_names.lock() {
            c.insert(folder.to_path_buf(), std::sync::Arc::clone(&names));
        }
        names
    }
}

/// Hugo's `[permalinks]` (section → pattern) from `hugo.toml` or `config.toml` in `root`, read
/// once per site root. Patterns with tokens geolint does not know are left out.
fn hugo_permalinks(root: &Path) -> Vec<(String, String)> {
    type Cache = std::sync::Mutex<HashMap<PathBuf, Vec<(String, String)>>>;
    static CACHE: std::sync::LazyLock<Cache> = std::sync::LazyLock::new(Cache::default);
    if let Some(hit) = CACHE.lock().ok().and_then(|c| c.get(root).cloned()) {
        return hit;
    }
    let mut out = Vec::new();
    for name in ["hugo.toml", "config.toml"] {
        let Ok(text) = std::fs::read_to_string(root.join(name)) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        let Some(perma) = table.get("permalinks").and_then(toml::Value::as_table) else {
            continue;
        };
        // `[permalinks] posts = "…"` or `[permalinks.page] posts = "…"`.
        let sections = perma
            .get("page")
            .and_then(toml::Value::as_table)
            .unwrap_or(perma);
        for (section, pattern) in sections {
            let Some(pattern) = pattern.as_str() else {
                continue;
            };
            let known = pattern
                .split('/')
                .filter(|s| s.starts_with(':'))
                .all(|s| TOKENS.contains(&s.split_once('.').map_or(s, |(t, _)| t)));
            if known && pattern.starts_with('/') {
                out.push((section.clone(), pattern.to_string()));
            }
        }
        break;
    }
    if let Ok(mut c) = CACHE.lock() {
        c.insert(root.to_path_buf(), out.clone());
    }
    out
}

/// Generator config files that name the site's URL, in the site root.
const GENERATOR_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "config.toml",
    "config.yaml",
    "astro.config.mjs",
    "astro.config.ts",
    "_config.yml",
];

/// The site URL a generator config in `root` declares: Hugo `baseURL`, Zola `base_url`, Astro
/// `site`, Jekyll `url` (used when `site_url` is not set).
#[must_use]
pub fn generator_site_url(root: &Path) -> Option<String> {
    static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::rules::regex(
            r#"(?m)^\s*(?:baseURL|baseurl|base_url|site|url)\s*[:=]\s*["']?(https?://[^"'\s,]+)"#,
        )
    });
    GENERATOR_CONFIGS.iter().find_map(|name| {
        let text = std::fs::read_to_string(root.join(name)).ok()?;
        URL.captures(&text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
    })
}

/// One rule of a `_redirects` file: `/blog/* /nl/blog/:splat 302`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// Lowercase segments of the source; `:name` matches one segment.
    from: Vec<String>,
    /// The source ends in `*`.
    splat: bool,
    to: String,
    status: u16,
}

impl Redirect {
    /// The target and status when look-up key `k` matches.
    fn apply(&self, k: &str) -> Option<(String, u16)> {
        let segs: Vec<&str> = k.split('/').filter(|s| !s.is_empty()).collect();
        if segs.len() < self.from.len() || (!self.splat && segs.len() != self.from.len()) {
            return None;
        }
        let mut to = self.to.clone();
        for (pat, seg) in self.from.iter().zip(&segs) {
            if let Some(name) = pat.strip_prefix(':') {
                to = to.replace(&format!(":{name}"), seg);
            } else if pat != seg {
                return None;
            }
        }
        if self.splat {
            let rest = segs.get(self.from.len()..).unwrap_or_default().join("/");
            to = to.replace(":splat", &rest);
        }
        Some((to, self.status))
    }
}

/// Parse a Netlify/Cloudflare `_redirects` file: `from to [status][!]` per line, `#` comments.
#[must_use]
pub fn parse_redirects(text: &str) -> Vec<Redirect> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut parts = line.split_whitespace();
        let (Some(from), Some(to)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !from.starts_with('/') {
            continue;
        }
        let status = parts
            .find_map(|p| p.trim_end_matches('!').parse::<u16>().ok())
            .unwrap_or(301);
        let splat = from.ends_with('*');
        let from = key(from.trim_end_matches('*'));
        out.push(Redirect {
            from: from
                .split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            splat,
            to: to.to_string(),
            status,
        });
    }
    out
}

fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The lowercase extension of the last path segment (`pdf`), if it has a short one.
fn extension(path: &str) -> Option<String> {
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    (!ext.is_empty() && ext.len() <= 8 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| ext.to_ascii_lowercase())
}

/// Percent-decode a path or fragment (invalid UTF-8 is kept as written).
#[must_use]
pub fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .map_or_else(|_| s.to_string(), std::borrow::Cow::into_owned)
}

/// Levenshtein distance over chars when it is at most `max`.
fn bounded_levenshtein(a: &str, b: &str, max: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let v = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::DocSummary;

    /// Parse and summarise every file under `roots`, as a run does.
    pub(crate) fn summaries(roots: &[PathBuf], config: &Config) -> Vec<DocSummary> {
        let (files, _) = crate::lint::walk(roots, config).unwrap();
        files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap();
                let format = Format::from_path(path).unwrap();
                let doc =
                    crate::source::parse(path.clone(), path.display().to_string(), format, text);
                let (_, mut summary) = crate::lint::lint_document(&doc, config, &[]);
                summary.page = PageInfo::new(&doc, config, path, roots, &[]);
                summary
            })
            .collect()
    }

    /// Lint a temporary site and return its summaries' URLs by display path suffix.
    fn site(files: &[(&str, &str)], config: &str) -> (tempfile::TempDir, Vec<DocSummary>, Config) {
        let dir = tempfile::tempdir().unwrap();
        for (p, text) in files {
            let p = dir.path().join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        std::fs::write(dir.path().join("geolint.toml"), config).unwrap();
        let config = Config::load(&dir.path().join("geolint.toml")).unwrap();
        let docs = summaries(&[dir.path().to_path_buf()], &config);
        (dir, docs, config)
    }

    fn url_of<'a>(docs: &'a [DocSummary], suffix: &str) -> Option<&'a str> {
        docs.iter()
            .find(|d| d.display_path.ends_with(suffix))
            .and_then(|d| d.page.url.as_deref())
    }

    #[test]
    fn urls_from_paths_and_front_matter() {
        let (_dir, docs, _) = site(
            &[
                ("content/_index.md", "# Home\n"),
                ("content/blog/_index.md", "# Blog\n"),
                ("content/blog/ai-kosten.md", "# A\n"),
                ("content/blog/bundel/index.md", "# B\n"),
                ("content/blog/eigen.md", "---\nslug: mijn-slug\n---\n# C\n"),
                ("content/vast.md", "---\nurl: /over/ons\naliases: [/oud/]\n---\n# D\n"),
                ("content/posts/datum.md", "---\ntitle: Hallo Wereld\ndate: 2024-03-05\n---\n"),
                ("src/content/artikelen/agents.mdx", "# E\n"),
                ("src/_includes/deel.md", "# F\n"),
                ("src/nl/blog/x.md", "# X\n"),
                ("src/nl/leden/index.md", "# L\n"),
                ("public/over-ons.html", "<h1>G</h1>"),
            ],
            "[[urls.permalink]]\npaths = [\"content/posts/**\"]\npattern = \"/:year/:month/:slug/\"\n[[urls.permalink]]\npaths = [\"src/nl/**\"]\npattern = \"/:path.html\"\n",
        );
        assert_eq!(url_of(&docs, "content/_index.md"), Some("/"));
        assert_eq!(url_of(&docs, "blog/_index.md"), Some("/blog/"));
        assert_eq!(url_of(&docs, "ai-kosten.md"), Some("/blog/ai-kosten/"));
        assert_eq!(url_of(&docs, "bundel/index.md"), Some("/blog/bundel/"));
        assert_eq!(url_of(&docs, "eigen.md"), Some("/blog/mijn-slug/"));
        assert_eq!(url_of(&docs, "vast.md"), Some("/over/ons/"));
        assert_eq!(url_of(&docs, "datum.md"), Some("/2024/03/hallo-wereld/"));
        assert_eq!(url_of(&docs, "agents.mdx"), Some("/artikelen/agents/"));
        assert_eq!(url_of(&docs, "deel.md"), None);
        assert_eq!(url_of(&docs, "blog/x.md"), Some("/nl/blog/x.html"));
        assert_eq!(
            url_of(&docs, "leden/index.md"),
            Some("/nl/leden/index.html")
        );
        assert_eq!(url_of(&docs, "over-ons.html"), Some("/over-ons.html"));
        let vast = docs
            .iter()
            .find(|d| d.display_path.ends_with("vast.md"))
            .unwrap();
        assert_eq!(vast.page.aliases, ["/oud/"]);
        let home = docs
            .iter()
            .find(|d| d.display_path.ends_with("content/_index.md"))
            .unwrap();
        assert!(home.page.home && home.page.list && home.page.whole_site);
    }

    #[test]
    fn resolves_every_link_form() {
        let (dir, docs, config) = site(
            &[
                ("content/blog/a.md", "# A\n"),
                ("content/blog/b.md", "# B\n"),
                ("static/files/gids.pdf", "%PDF"),
            ],
            "site_url = \"https://www.example.nl\"\n",
        );
        let site = Site::new(docs, &config);
        let map = UrlMap::new(&site);
        let a = site
            .docs
            .iter()
            .position(|d| d.display_path.ends_with("a.md"))
            .unwrap();
        let b = site
            .docs
            .iter()
            .position(|d| d.display_path.ends_with("b.md"))
            .unwrap();
        let t = |href: &str| map.resolve_checked(a, href).target;
        assert_eq!(t("/blog/b/"), Target::Page(b));
        assert_eq!(t("/Blog/B"), Target::Page(b));
        assert_eq!(t("/blog/b.html"), Target::Page(b));
        assert_eq!(t("../b/"), Target::Page(b));
        assert_eq!(t("b.md"), Target::Page(b));
        assert_eq!(t("@/blog/b.md"), Target::Page(b));
        assert_eq!(t("https://example.nl/blog/b/"), Target::Page(b));
        assert_eq!(t("//www.example.nl/blog/b/"), Target::Page(b));
        assert_eq!(t("https://elders.nl/blog/b/"), Target::External);
        assert_eq!(t("mailto:info@example.nl"), Target::External);
        assert_eq!(t("/blog/"), Target::Generated);
        assert_eq!(t("/tags/ai/"), Target::Generated);
        assert_eq!(t("/blog/c/"), Target::Missing);
        assert_eq!(t("/feed.xml"), Target::Unknown);
        assert_eq!(
            t("/files/gids.pdf"),
            Target::Asset(dir.path().join("static/files/gids.pdf"))
        );
        assert_eq!(t("/files/weg.pdf"), Target::Missing);
        let mut mounted = config.clone();
        mounted.urls.static_dirs = vec!["static/files=/downloads".into()];
        let site2 = Site::new(site.docs.clone(), &mounted);
        let map2 = UrlMap::new(&site2);
        assert_eq!(
            map2.resolve_checked(a, "/downloads/gids.pdf").target,
            Target::Asset(dir.path().join("static/files/gids.pdf"))
        );
        let r = map.resolve(a, "http://www.example.nl/blog/b/#kop");
        assert!(r.insecure);
        assert_eq!(r.fragment.as_deref(), Some("kop"));
        assert_eq!(map.closest("/blog/bb/"), Some("/blog/b/"));
        assert_eq!(map.closest("/over/ons/"), None);
    }

    #[test]
    fn redirects_lead_on_or_say_gone() {
        let (_dir, docs, config) = site(
            &[
                ("src/nl/blog/a.md", "# A\n"),
                ("src/nl/blog/b.md", "# B\n"),
                (
                    "_redirects",
                    "# oude URLs\n/blog/* /nl/blog/:splat 302\n/leden /nl/leden/\n/congres/2014 /nl/congres 410\n/post/:id/x /nl/blog/:id 301!\n",
                ),
            ],
            "",
        );
        let site = Site::new(docs, &config);
        let map = UrlMap::new(&site);
        let b = site
            .docs
            .iter()
            .position(|d| d.display_path.ends_with("b.md"))
            .unwrap();
        let r = |href: &str| {
            let r = map.resolve_checked(0, href);
            (r.target, r.redirect)
        };
        assert_eq!(r("/blog/b/"), (Target::Page(b), Some(302)));
        assert_eq!(r("/post/b/x"), (Target::Page(b), Some(301)));
        assert_eq!(r("/leden"), (Target::Generated, Some(301)));
        assert_eq!(r("/congres/2014/"), (Target::Missing, Some(410)));
        assert_eq!(r("/congres/2015/"), (Target::Missing, None));
    }

    #[test]
    fn site_url_from_the_generator_config() {
        let (_dir, docs, config) = site(
            &[
                (
                    "hugo.toml",
                    "title = \"x\"\nbaseURL = \"https://geprompt.nl/\"\n",
                ),
                ("content/a.md", "# A\n"),
                ("content/b.md", "# B\n"),
            ],
            "",
        );
        let site = Site::new(docs, &config);
        let map = UrlMap::new(&site);
        assert!(map.is_https() && map.is_own_host("www.geprompt.nl"));
        let r = map.resolve(0, "http://geprompt.nl/b/");
        assert!(matches!(r.target, Target::Page(_)) && r.insecure);
    }

    #[test]
    fn hugo_permalinks_from_its_config() {
        let (_dir, docs, _) = site(
            &[
                (
                    "hugo.toml",
                    "baseURL = \"https://x.nl/\"\n[permalinks]\nposts = \"/:year/:month/:slugorfilename/\"\nraar = \"/:onbekend/\"\n",
                ),
                ("content/posts/hallo.md", "---\ndate: 2025-06-01\n---\n# H\n"),
                ("content/posts/_index.md", "# Posts\n"),
                ("content/raar/x.md", "# X\n"),
            ],
            "",
        );
        assert_eq!(url_of(&docs, "hallo.md"), Some("/2025/06/hallo/"));
        assert_eq!(url_of(&docs, "posts/_index.md"), Some("/posts/"));
        assert_eq!(url_of(&docs, "raar/x.md"), Some("/raar/x/"));
    }

    #[test]
    fn keys_ignore_equivalent_forms() {
        assert_eq!(key("/Over-Ons/"), "/over-ons");
        assert_eq!(key("/over-ons.html"), "/over-ons");
        assert_eq!(key("/a/index.html"), "/a");
        assert_eq!(key("/caf%C3%A9/?x=1#y"), "/café");
        assert_eq!(key(""), "/");
    }

    #[test]
    fn bad_permalink_patterns_are_config_errors() {
        let e = Config::parse(
            "[[urls.permalink]]\npaths = [\"x/**\"]\npattern = \"/:jaar/\"\n",
            "geolint.toml".as_ref(),
        )
        .unwrap_err();
        assert!(e.message.contains("unknown token `:jaar`"), "{}", e.message);
    }
}
