//! `geolint.toml`: discovery, parsing with line numbers, merge over the built-in defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Level;
use crate::span::LineIndex;

/// The built-in defaults, also what `geolint init` writes.
pub const DEFAULT_TOML: &str = include_str!("../rules/default.toml");

/// The config file name looked for.
pub const FILE_NAME: &str = "geolint.toml";

/// A configuration error, naming the file and the line of the offending key.
#[derive(Debug, thiserror::Error)]
#[error("{path}{location}: {message}")]
pub struct ConfigError {
    pub path: String,
    /// `:line:column` or empty.
    pub location: String,
    pub message: String,
}

impl ConfigError {
    fn at(path: &str, text: &str, span: Option<std::ops::Range<usize>>, message: String) -> Self {
        let location = span.map_or_else(String::new, |s| {
            let lc = LineIndex::new(text).line_col(text, s.start);
            format!(":{}:{}", lc.line, lc.column)
        });
        Self {
            path: path.to_string(),
            location,
            message,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<Spanned<String>>,
    site_url: Option<String>,
    exclude: Option<Vec<String>>,
    title_is_h1: Option<bool>,
    frontmatter: Option<RawFrontmatter>,
    content_type: Option<Vec<Spanned<RawContentType>>>,
    cluster: Option<Vec<Cluster>>,
    local: Option<Local>,
    heading: Option<HeadingOptions>,
    meta: Option<MetaOptions>,
    content: Option<ContentOptions>,
    urls: Option<crate::urlmap::RawUrls>,
    keyword: Option<KeywordOptions>,
    readability: Option<crate::rules::readability::RawOptions>,
    geo: Option<crate::rules::geo::RawOptions>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    custom: Option<Vec<Spanned<crate::rules::custom::RawCustomRule>>>,
    schema: Option<SchemaOptions>,
}

/// Options of the structured-data rules.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaOptions {
    /// Extra rich-result profiles: JSON Schema files, relative to the config file.
    profiles: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawFrontmatter {
    title: Option<Vec<String>>,
    h1: Option<Vec<String>>,
    description: Option<Vec<String>>,
    date: Option<Vec<String>>,
    updated: Option<Vec<String>>,
    cluster: Option<Vec<String>>,
    keywords: Option<Vec<String>>,
    draft: Option<Vec<String>>,
    lang: Option<Vec<String>>,
    image: Option<Vec<String>>,
    image_alt: Option<Vec<String>>,
    required: Option<Vec<Spanned<String>>>,
}

/// Where to find each logical field in front matter.
#[derive(Debug, Clone, Default)]
pub struct FrontmatterMap {
    pub title: Vec<String>,
    pub h1: Vec<String>,
    pub description: Vec<String>,
    pub date: Vec<String>,
    pub updated: Vec<String>,
    pub cluster: Vec<String>,
    pub keywords: Vec<String>,
    pub draft: Vec<String>,
    pub lang: Vec<String>,
    pub image: Vec<String>,
    pub image_alt: Vec<String>,
    /// Logical field names that must be present.
    pub required: Vec<String>,
}

impl FrontmatterMap {
    /// The dotted paths of a logical field name (`title`, `description`, ...).
    #[must_use]
    pub fn paths(&self, field: &str) -> &[String] {
        match field {
            "title" => &self.title,
            "h1" => &self.h1,
            "description" => &self.description,
            "date" => &self.date,
            "updated" => &self.updated,
            "cluster" => &self.cluster,
            "keywords" => &self.keywords,
            "draft" => &self.draft,
            "lang" => &self.lang,
            "image" => &self.image,
            "image_alt" => &self.image_alt,
            _ => &[],
        }
    }

    /// The logical field names.
    pub const FIELDS: &'static [&'static str] = &[
        "title",
        "h1",
        "description",
        "date",
        "updated",
        "cluster",
        "keywords",
        "draft",
        "lang",
        "image",
        "image_alt",
    ];
}

/// A numeric range `{ min, max }`.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    pub min: Option<usize>,
    pub max: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContentType {
    name: String,
    paths: Vec<String>,
    words: Option<Bounds>,
    faq: Option<Bounds>,
    internal_links: Option<Bounds>,
}

/// A content type: which files it covers and the bounds that apply to them.
#[derive(Debug, Clone)]
pub struct ContentType {
    pub name: String,
    pub paths: Vec<String>,
    pub words: Bounds,
    pub faq: Bounds,
    pub internal_links: Bounds,
    globs: GlobSet,
}

/// A keyword cluster.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    pub pillar: Option<String>,
    pub keywords: Vec<String>,
}

/// Local terms and the pages that must carry them.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Local {
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    /// The business name as it should be written everywhere (`local/nap-consistency`).
    pub name: Option<String>,
}

/// Options of the heading rules.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HeadingOptions {
    pub max_length: Option<usize>,
}

/// Options of the meta rules.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MetaOptions {
    pub title_min: Option<usize>,
    pub title_max: Option<usize>,
    pub title_max_px: Option<usize>,
    pub description_min: Option<usize>,
    pub description_max: Option<usize>,
}

/// Options of the content rules.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ContentOptions {
    pub paragraph_max_words: Option<usize>,
}

/// Options of the keyword rules.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KeywordOptions {
    /// Lowest keyword density in percent (`keyword/low-density`).
    pub density_min: Option<f64>,
    /// Highest keyword density in percent (`keyword/stuffing`).
    pub density_max: Option<f64>,
    /// Least share of H2 headings (0–1) that carry a keyword (`keyword/h2-coverage`).
    pub h2_min_share: Option<f64>,
    /// How many words of the body count as the introduction.
    pub intro_words: Option<usize>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Folder globs are relative to (the config file's folder, else the current folder).
    pub root: PathBuf,
    pub language: String,
    pub site_url: Option<String>,
    pub exclude: Vec<String>,
    pub exclude_set: GlobSet,
    pub title_is_h1: bool,
    pub frontmatter: FrontmatterMap,
    pub content_types: Vec<ContentType>,
    pub clusters: Vec<Cluster>,
    pub local: Local,
    pub heading_max_length: usize,
    pub title_min: usize,
    pub title_max: usize,
    pub title_max_px: usize,
    pub description_min: usize,
    pub description_max: usize,
    pub paragraph_max_words: usize,
    /// Where pages and static files are published (`[urls]`).
    pub urls: crate::urlmap::UrlOptions,
    /// Options of the keyword rules (unset values: the rules' defaults).
    pub keyword: KeywordOptions,
    pub readability: crate::rules::readability::Options,
    pub geo: crate::rules::geo::Options,
    /// Rule levels set in the file or on the command line.
    pub levels: BTreeMap<String, Level>,
    pub custom: Vec<crate::rules::custom::CustomRule>,
    /// Rich-result profiles added with `[schema] profiles`.
    pub schema_profiles: Vec<std::sync::Arc<crate::structured::profiles::Profile>>,
}

impl Config {
    /// The built-in defaults only.
    #[must_use]
    pub fn builtin() -> Self {
        match Self::from_sources(None) {
            Ok(c) => c,
            Err(e) => unreachable!("the built-in rules/default.toml is invalid: {e}"),
        }
    }

    /// Parse `text` (the contents of `path`) over the built-in defaults.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        Self::from_sources(Some((text, path)))
    }

    /// Find `geolint.toml` upward from each of `starts`, in order, and load the first found;
    /// built-in defaults when there is none.
    pub fn discover(starts: &[PathBuf]) -> Result<Self, ConfigError> {
        for start in starts {
            let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.clone());
            let mut dir = if start.is_file() {
                start.parent().map(Path::to_path_buf)
            } else {
                Some(start)
            };
            while let Some(d) = dir {
                let candidate = d.join(FILE_NAME);
                if candidate.is_file() {
                    return Self::load(&candidate);
                }
                dir = d.parent().map(Path::to_path_buf);
            }
        }
        Ok(Self::builtin())
    }

    /// Load a config file by path.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.display().to_string(),
            location: String::new(),
            message: format!("cannot read config file: {e}"),
        })?;
        Self::parse(&text, path)
    }

    fn from_sources(user: Option<(&str, &Path)>) -> Result<Self, ConfigError> {
        let default_raw = parse_raw(DEFAULT_TOML, "<built-in rules/default.toml>")?;
        let (user_raw, user_text, user_path) = match user {
            Some((text, path)) => (
                parse_raw(text, &path.display().to_string())?,
                text,
                Some(path.to_path_buf()),
            ),
            None => (RawConfig::default(), "", None),
        };
        let path_str = user_path
            .as_ref()
            .map_or_else(|| "<built-in>".to_string(), |p| p.display().to_string());
        let err = |span: Option<std::ops::Range<usize>>, msg: String| {
            ConfigError::at(&path_str, user_text, span, msg)
        };

        let root = user_path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));

        let language = match user_raw.language.or(default_raw.language) {
            Some(l) => {
                let span = l.span();
                let l = l.into_inner();
                if l != "nl" && l != "en" {
                    return Err(err(
                        Some(span),
                        format!("unsupported language `{l}`: use \"nl\" or \"en\""),
                    ));
                }
                l
            }
            None => "nl".to_string(),
        };

        let fm_default = default_raw.frontmatter.unwrap_or_default();
        let fm_user = user_raw.frontmatter.unwrap_or_default();
        let pick = |u: Option<Vec<String>>, d: Option<Vec<String>>| u.or(d).unwrap_or_default();
        let required_raw = fm_user.required.or(fm_default.required).unwrap_or_default();
        let mut required = Vec::new();
        for r in required_raw {
            let span = r.span();
            let name = r.into_inner();
            if !FrontmatterMap::FIELDS.contains(&name.as_str()) {
                return Err(err(
                    Some(span),
                    format!(
                        "unknown front matter field `{name}` in `required`: use one of {}",
                        FrontmatterMap::FIELDS.join(", ")
                    ),
                ));
            }
            required.push(name);
        }
        let frontmatter = FrontmatterMap {
            title: pick(fm_user.title, fm_default.title),
            h1: pick(fm_user.h1, fm_default.h1),
            description: pick(fm_user.description, fm_default.description),
            date: pick(fm_user.date, fm_default.date),
            updated: pick(fm_user.updated, fm_default.updated),
            cluster: pick(fm_user.cluster, fm_default.cluster),
            keywords: pick(fm_user.keywords, fm_default.keywords),
            draft: pick(fm_user.draft, fm_default.draft),
            lang: pick(fm_user.lang, fm_default.lang),
            image: pick(fm_user.image, fm_default.image),
            image_alt: pick(fm_user.image_alt, fm_default.image_alt),
            required,
        };

        let mut content_types = Vec::new();
        for ct in user_raw
            .content_type
            .or(default_raw.content_type)
            .unwrap_or_default()
        {
            let span = ct.span();
            let ct = ct.into_inner();
            let globs = build_globs(&ct.paths).map_err(|e| {
                err(
                    Some(span.clone()),
                    format!("content type `{}`: {e}", ct.name),
                )
            })?;
            content_types.push(ContentType {
                name: ct.name,
                paths: ct.paths,
                words: ct.words.unwrap_or_default(),
                faq: ct.faq.unwrap_or_default(),
                internal_links: ct.internal_links.unwrap_or_default(),
                globs,
            });
        }

        let exclude = user_raw.exclude.or(default_raw.exclude).unwrap_or_default();
        let exclude_set = build_globs(&exclude).map_err(|e| err(None, format!("exclude: {e}")))?;

        let hd = default_raw.heading.unwrap_or_default();
        let hu = user_raw.heading.unwrap_or_default();
        let md = default_raw.meta.unwrap_or_default();
        let mu = user_raw.meta.unwrap_or_default();
        let cd = default_raw.content.unwrap_or_default();
        let cu = user_raw.content.unwrap_or_default();
        let kd = default_raw.keyword.unwrap_or_default();
        let ku = user_raw.keyword.unwrap_or_default();
        let keyword = KeywordOptions {
            density_min: ku.density_min.or(kd.density_min),
            density_max: ku.density_max.or(kd.density_max),
            h2_min_share: ku.h2_min_share.or(kd.h2_min_share),
            intro_words: ku.intro_words.or(kd.intro_words),
        };

        let urls = crate::urlmap::UrlOptions::build(user_raw.urls, default_raw.urls)
            .map_err(|e| err(None, format!("urls: {e}")))?;

        let mut custom = Vec::new();
        for raw in user_raw.custom.unwrap_or_default() {
            let span = raw.span();
            let rule = crate::rules::custom::CustomRule::build(raw.into_inner())
                .map_err(|m| err(Some(span), m))?;
            if crate::rules::registry::find(rule.id).is_some()
                || custom
                    .iter()
                    .any(|c: &crate::rules::custom::CustomRule| c.id == rule.id)
            {
                return Err(err(
                    None,
                    format!("custom rule id `{}` is already taken", rule.id),
                ));
            }
            custom.push(rule);
        }

        let mut levels = BTreeMap::new();
        for table in [default_raw.rules, user_raw.rules].into_iter().flatten() {
            for (id, level) in table {
                let id_span = id.span();
                let id = id.into_inner();
                if crate::rules::registry::find(&id).is_none() && !custom.iter().any(|c| c.id == id)
                {
                    return Err(err(Some(id_span), unknown_rule_message(&id)));
                }
                let level_span = level.span();
                let Some(l) = Level::parse(level.get_ref()) else {
                    return Err(err(
                        Some(level_span),
                        format!(
                            "invalid level `{}` for `{id}`: use \"error\", \"warning\", \"info\" or \"off\"",
                            level.get_ref()
                        ),
                    ));
                };
                levels.insert(id, l);
            }
        }

        let mut schema_profiles = Vec::new();
        for p in user_raw
            .schema
            .and_then(|s| s.profiles)
            .or_else(|| default_raw.schema.and_then(|s| s.profiles))
            .unwrap_or_default()
        {
            let span = p.span();
            let file = root.join(p.get_ref());
            let profile = crate::structured::profiles::load(&file).map_err(|m| {
                err(
                    Some(span),
                    format!("schema profile `{}`: {m}", file.display()),
                )
            })?;
            schema_profiles.push(std::sync::Arc::new(profile));
        }

        Ok(Self {
            path: user_path,
            root,
            language,
            site_url: user_raw.site_url.or(default_raw.site_url),
            exclude,
            exclude_set,
            title_is_h1: user_raw
                .title_is_h1
                .or(default_raw.title_is_h1)
                .unwrap_or(true),
            frontmatter,
            content_types,
            clusters: user_raw.cluster.or(default_raw.cluster).unwrap_or_default(),
            local: user_raw.local.or(default_raw.local).unwrap_or_default(),
            heading_max_length: hu.max_length.or(hd.max_length).unwrap_or(70),
            title_min: mu.title_min.or(md.title_min).unwrap_or(30),
            title_max: mu.title_max.or(md.title_max).unwrap_or(70),
            title_max_px: mu.title_max_px.or(md.title_max_px).unwrap_or(600),
            description_min: mu.description_min.or(md.description_min).unwrap_or(120),
            description_max: mu.description_max.or(md.description_max).unwrap_or(160),
            paragraph_max_words: cu
                .paragraph_max_words
                .or(cd.paragraph_max_words)
                .unwrap_or(150),
            urls,
            keyword,
            readability: crate::rules::readability::Options::merge(
                user_raw.readability,
                default_raw.readability,
            ),
            geo: crate::rules::geo::Options::merge(user_raw.geo, default_raw.geo),
            levels,
            custom,
            schema_profiles,
        })
    }

    /// Apply `--rule id=level` overrides.
    pub fn apply_overrides(&mut self, overrides: &[String]) -> Result<(), ConfigError> {
        for o in overrides {
            let Some((id, level)) = o.split_once('=') else {
                return Err(ConfigError {
                    path: "--rule".into(),
                    location: String::new(),
                    message: format!("expected `<rule-id>=<level>`, got `{o}`"),
                });
            };
            let (id, level) = (id.trim(), level.trim());
            if !self.is_known_rule(id) {
                return Err(ConfigError {
                    path: "--rule".into(),
                    location: String::new(),
                    message: unknown_rule_message(id),
                });
            }
            let Some(l) = Level::parse(level) else {
                return Err(ConfigError {
                    path: "--rule".into(),
                    location: String::new(),
                    message: format!(
                        "invalid level `{level}` for `{id}`: use error, warning, info or off"
                    ),
                });
            };
            self.levels.insert(id.to_string(), l);
        }
        Ok(())
    }

    /// Whether `id` names a built-in or custom rule.
    #[must_use]
    pub fn is_known_rule(&self, id: &str) -> bool {
        crate::rules::registry::find(id).is_some() || self.custom.iter().any(|c| c.id == id)
    }

    /// The level a rule runs at.
    #[must_use]
    pub fn level(&self, id: &str) -> Level {
        if let Some(l) = self.levels.get(id) {
            return *l;
        }
        if let Some(r) = crate::rules::registry::find(id) {
            return r.info().default_level;
        }
        self.custom
            .iter()
            .find(|c| c.id == id)
            .map_or(Level::Off, |c| c.level)
    }

    /// The first content type whose globs match `rel_paths` (candidate relative paths of a file).
    #[must_use]
    pub fn content_type(&self, rel_paths: &[String]) -> Option<&ContentType> {
        self.content_types
            .iter()
            .find(|ct| rel_paths.iter().any(|p| ct.globs.is_match(p)))
    }

    /// Whether a file is excluded by `exclude`.
    #[must_use]
    pub fn is_excluded(&self, rel_paths: &[String]) -> bool {
        !self.exclude.is_empty() && rel_paths.iter().any(|p| self.exclude_set.is_match(p))
    }
}

fn unknown_rule_message(id: &str) -> String {
    let suggestion = crate::rules::registry::closest(id)
        .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
    format!("unknown rule `{id}`{suggestion}; `geolint rules` lists every rule")
}

fn parse_raw(text: &str, path: &str) -> Result<RawConfig, ConfigError> {
    toml::from_str::<RawConfig>(text)
        .map_err(|e| ConfigError::at(path, text, e.span(), e.message().trim().to_string()))
}

fn build_globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?;
        b.add(g);
        // `drafts/**` should also match the folder's files when written as `drafts`.
        if !p.contains('*') && !p.ends_with('/') {
            if let Ok(g) = Glob::new(&format!("{}/**", p.trim_end_matches('/'))) {
                b.add(g);
            }
        }
    }
    b.build().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let c = Config::builtin();
        assert_eq!(c.language, "nl");
        assert!(c.title_is_h1);
        assert_eq!(c.content_types[0].name, "blog");
        assert_eq!(c.content_types[0].words.min, Some(1000));
        assert_eq!(c.frontmatter.required, ["title", "description", "date"]);
    }

    #[test]
    fn unknown_key_names_its_line() {
        let text = "language = \"en\"\n\n[meta]\ntitle_mx = 50\n";
        let e = Config::parse(text, Path::new("geolint.toml")).unwrap_err();
        assert_eq!(e.location, ":4:1");
        assert!(
            e.message.contains("unknown field `title_mx`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_rule_id_names_its_line_and_suggests() {
        let text = "[rules]\n\"heading/single-h\" = \"off\"\n";
        let e = Config::parse(text, Path::new("geolint.toml")).unwrap_err();
        assert_eq!(e.location, ":2:1");
        assert!(e.message.contains("heading/single-h1"), "{}", e.message);
    }

    #[test]
    fn user_values_override_defaults() {
        let text = "language = \"en\"\ntitle_is_h1 = false\n[rules]\n\"heading/single-h1\" = \"warning\"\n[[content_type]]\nname = \"docs\"\npaths = [\"docs/**\"]\nwords = { min = 10 }\n";
        let c = Config::parse(text, Path::new("x/geolint.toml")).unwrap();
        assert_eq!(c.language, "en");
        assert!(!c.title_is_h1);
        assert_eq!(c.level("heading/single-h1"), Level::Warning);
        assert_eq!(c.content_types.len(), 1);
        assert_eq!(
            c.content_type(&["docs/a.md".into()])
                .map(|c| c.name.as_str()),
            Some("docs")
        );
        assert!(c.content_type(&["blog/a.md".into()]).is_none());
        assert_eq!(c.root, PathBuf::from("x"));
    }

    #[test]
    fn bad_level_is_an_error() {
        let text = "[rules]\n\"heading/single-h1\" = \"loud\"\n";
        let e = Config::parse(text, Path::new("g.toml")).unwrap_err();
        assert_eq!(e.location, ":2:23");
    }
}
