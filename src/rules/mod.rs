//! The rules engine: the [`Rule`] trait, the `declare_rule!` macro and the per-file context.

pub mod artifact;
pub mod content;
pub mod crawl;
pub mod custom;
pub mod faq;
pub mod frontmatter;
pub mod geo;
pub mod heading;
pub mod image;
pub mod keyword;
pub mod link;
pub mod local;
pub mod meta;
pub mod readability;
pub mod registry;
pub mod schema;

use std::cell::OnceCell;

use crate::config::{Config, ContentType};
use crate::diagnostic::{Finding, Level};
use crate::document::{Document, TextItem};
use crate::keywords::{Lang, Tokens};
use crate::site::Site;
use crate::source::frontmatter::{FmNode, FmValue};
use crate::span::Span;

/// The families of the SPEC; a rule id is `family/name`.
pub const FAMILIES: &[&str] = &[
    "frontmatter",
    "heading",
    "content",
    "meta",
    "keyword",
    "link",
    "local",
    "faq",
    "schema",
    "geo",
    "artifact",
    "readability",
    "image",
    "crawl",
];

/// Everything known about a rule, declared once with `declare_rule!`.
#[derive(Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    pub default_level: Level,
    /// One line, lowercase, no final period.
    pub summary: &'static str,
    /// Markdown: what it checks, why it matters, an example, options.
    pub docs: &'static str,
    /// The path of the file that declares it, for the registry test.
    pub file: &'static str,
}

impl RuleInfo {
    #[must_use]
    pub fn family(&self) -> &'static str {
        self.id.split_once('/').map_or(self.id, |(f, _)| f)
    }
}

/// Implemented by `declare_rule!`.
pub trait RuleMeta {
    fn info(&self) -> &'static RuleInfo;
}

/// A lint rule. Per-document rules implement `check_document`, site-wide rules `check_site`.
pub trait Rule: RuleMeta + Sync + Send {
    fn check_document(&self, _cx: &DocContext<'_>, _out: &mut Vec<Finding>) {}
    fn check_site(&self, _site: &Site, _out: &mut Vec<(usize, Finding)>) {}
    /// Whether the rule has a site pass.
    fn is_site_rule(&self) -> bool {
        false
    }
    /// Whether the site pass only makes sense over a whole site (a folder), not over files
    /// named one by one (e.g. content gaps of a cluster).
    fn needs_whole_site(&self) -> bool {
        false
    }
}

/// Declare a rule type with its id, default level, summary and docs (the doc comment).
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     pub struct SingleH1 => "heading/single-h1", Error, "a page should have exactly one h1"
/// }
/// ```
/// Declare the options of a rule family in one list: `RawOptions` (its `[table]` in
/// geolint.toml as written: every key optional, unknown keys rejected), `Options` (resolved,
/// with the defaults given here) and `Options::merge` (the user's table over the built-in one).
#[macro_export]
macro_rules! declare_options {
    ($table:literal { $( $(#[doc = $doc:literal])* $field:ident : $ty:ty = $default:expr ),* $(,)? }) => {
        #[doc = concat!("`[", $table, "]` in geolint.toml, as written (every key optional).")]
        #[derive(Debug, Clone, Copy, Default, serde::Deserialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        pub struct RawOptions {
            $( pub $field: Option<$ty>, )*
        }

        #[doc = concat!("The options of the `", $table, "/*` rules.")]
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct Options {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        impl Default for Options {
            fn default() -> Self {
                Self { $( $field: $default, )* }
            }
        }

        impl Options {
            /// Merge the user's table over the built-in one.
            #[must_use]
            pub fn merge(user: Option<RawOptions>, builtin: Option<RawOptions>) -> Self {
                let u = user.unwrap_or_default();
                let b = builtin.unwrap_or_default();
                let d = Self::default();
                Self { $( $field: u.$field.or(b.$field).unwrap_or(d.$field), )* }
            }
        }
    };
}

#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident => $id:literal, $level:ident, $summary:literal
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        pub struct $name;

        impl $name {
            pub const INFO: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
                id: $id,
                default_level: $crate::diagnostic::Level::$level,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                file: file!(),
            };
            pub const ID: &'static str = $id;
        }

        impl $crate::rules::RuleMeta for $name {
            fn info(&self) -> &'static $crate::rules::RuleInfo {
                &Self::INFO
            }
        }
    };
}

/// What a per-document rule sees.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    pub content_type: Option<&'a ContentType>,
    /// "nl" or "en".
    pub lang: &'a str,
    /// What several rules derive from the document, computed once on first use.
    cache: DocCache<'a>,
}

/// Analyses of one document that several rules share (tokens, prose blocks, keywords). Each is
/// computed on first use, so a run with those rules off pays nothing for them.
#[derive(Default)]
struct DocCache<'a> {
    keywords: OnceCell<keyword::PageKeywords<'a>>,
    /// Main prose as keyword tokens, per language ([`Lang::index`]).
    body: [OnceCell<Tokens>; 2],
    /// The introduction's tokens and the span of its first paragraph, per language.
    intro: [OnceCell<Option<(Tokens, Span)>>; 2],
    prose: OnceCell<readability::PageProse>,
    /// Phone numbers and postcodes in the text (the format rules and the NAP summary).
    phones: OnceCell<Vec<(Span, String)>>,
    postcodes: OnceCell<Vec<local::Postcode>>,
}

/// A front matter field found through the config mapping.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    /// The dotted path that matched.
    pub path: &'a str,
    pub node: &'a FmNode,
}

impl<'a> DocContext<'a> {
    /// The context of `doc` for rules of `content_type`, written in `lang` ("nl" or "en").
    #[must_use]
    pub fn new(
        doc: &'a Document,
        config: &'a Config,
        content_type: Option<&'a ContentType>,
        lang: &'a str,
    ) -> Self {
        Self {
            doc,
            config,
            content_type,
            lang,
            cache: DocCache::default(),
        }
    }

    /// The page's keywords (front matter and cluster; see [`keyword::page_keywords`]).
    #[must_use]
    pub fn keywords(&self) -> &keyword::PageKeywords<'a> {
        self.cache
            .keywords
            .get_or_init(|| keyword::page_keywords(self, self.config))
    }

    /// The main prose as keyword tokens in `lang`, one block per paragraph or heading.
    #[must_use]
    pub fn body_tokens(&self, lang: Lang) -> &Tokens {
        self.cache.body[lang.index()].get_or_init(|| keyword::compute_body_tokens(self.doc, lang))
    }

    /// The introduction (option `[keyword] intro_words`) as tokens in `lang`, with the span of
    /// its first paragraph.
    #[must_use]
    pub fn intro_tokens(&self, lang: Lang) -> Option<&(Tokens, Span)> {
        self.cache.intro[lang.index()]
            .get_or_init(|| {
                keyword::intro_tokens(self.doc, lang, keyword::intro_words(self.config))
            })
            .as_ref()
    }

    /// Phone numbers written in the text, with their spans.
    #[must_use]
    pub fn phones(&self) -> &[(Span, String)] {
        self.cache
            .phones
            .get_or_init(|| local::phones_in_text(self.doc))
    }

    /// Postcodes with a known place after them, in the text.
    #[must_use]
    pub fn postcodes(&self) -> &[local::Postcode] {
        self.cache
            .postcodes
            .get_or_init(|| local::postcodes_in_text(self.doc, self.config))
    }

    /// The prose of the main content as blocks and sentences.
    #[must_use]
    pub fn prose(&self) -> &readability::PageProse {
        self.cache
            .prose
            .get_or_init(|| readability::PageProse::of(self))
    }

    /// Look up a logical front matter field (`title`, `description`, ...): first present path.
    #[must_use]
    pub fn field(&self, name: &str) -> Option<Field<'a>> {
        let fm = self.doc.front_matter.as_ref()?;
        self.config.frontmatter.paths(name).iter().find_map(|p| {
            fm.root.get_path(p).and_then(|node| {
                (!matches!(node.value, FmValue::Null)).then_some(Field { path: p, node })
            })
        })
    }

    /// A string field's text and the span of its value.
    #[must_use]
    pub fn text_field(&self, name: &str) -> Option<TextItem> {
        let f = self.field(name)?;
        Some(TextItem {
            text: f.node.scalar_text()?,
            span: f.node.span,
        })
    }

    /// The SEO title: the front matter title field, else the HTML `<title>`.
    #[must_use]
    pub fn seo_title(&self) -> Option<TextItem> {
        self.text_field("title")
            .or_else(|| self.doc.html_title.clone())
    }

    /// The meta description: the front matter field, else `<meta name="description">`.
    #[must_use]
    pub fn description(&self) -> Option<TextItem> {
        self.text_field("description")
            .or_else(|| self.doc.html_description.clone())
    }

    /// The title a theme renders as H1 when `title_is_h1` is set (Markdown files only).
    #[must_use]
    pub fn rendered_title_h1(&self) -> Option<TextItem> {
        if !self.config.title_is_h1 || self.doc.format == Some(crate::document::Format::Html) {
            return None;
        }
        self.text_field("h1")
    }

    /// Whether `frontmatter/required-field` already reports `field` missing on this page (so
    /// the meta rules need not say it again).
    #[must_use]
    pub fn required_reports_missing(&self, field: &str) -> bool {
        self.doc.format != Some(crate::document::Format::Html)
            && self.doc.front_matter_error.is_none()
            && self.config.frontmatter.required.iter().any(|r| r == field)
            && self
                .config
                .level(crate::rules::frontmatter::required_field::RequiredField::ID)
                != crate::diagnostic::Level::Off
    }

    /// Whether the page is a draft (front matter `draft: true`).
    #[must_use]
    pub fn is_draft(&self) -> bool {
        self.field("draft").and_then(|f| f.node.as_bool()) == Some(true)
    }

    /// The headings of the main content.
    pub fn main_headings(&self) -> impl Iterator<Item = &'a crate::document::Heading> {
        self.doc.headings.iter().filter(|h| h.in_main)
    }
}

/// Source ranges that hold prose as written: for Markdown the body minus code, comments and
/// JSON-LD (so link URLs are included); for HTML the text nodes.
#[must_use]
pub fn text_regions(doc: &Document) -> Vec<crate::span::Span> {
    use crate::span::Span;
    if doc.format == Some(crate::document::Format::Html) {
        return doc.prose.iter().map(|r| r.span).collect();
    }
    let mut holes: Vec<Span> = doc
        .code
        .iter()
        .copied()
        .chain(doc.comments.iter().map(|c| c.span))
        .chain(doc.jsonld.iter().map(|j| j.span))
        .collect();
    holes.sort();
    let mut out = Vec::new();
    let mut pos = doc.body.start;
    for h in holes {
        if h.end <= pos {
            continue;
        }
        if h.start > pos {
            out.push(Span::new(pos, h.start.min(doc.body.end)));
        }
        pos = pos.max(h.end);
    }
    if pos < doc.body.end {
        out.push(Span::new(pos, doc.body.end));
    }
    out
}

/// Run `re` over the text regions and yield each match with its absolute span.
pub fn find_in_text<'d>(
    doc: &'d Document,
    re: &'d regex::Regex,
) -> impl Iterator<Item = (crate::span::Span, &'d str)> + 'd {
    text_regions(doc).into_iter().flat_map(move |region| {
        let text = doc.text(region);
        re.find_iter(text).map(move |m| {
            (
                crate::span::Span::new(region.start + m.start(), region.start + m.end()),
                m.as_str(),
            )
        })
    })
}

/// Compile the largest built-in regular expressions on another thread while the run starts
/// (config, walk, read, parse): they take ~12 ms of one core, most of a one-file run. They are
/// forced in about the reverse of the order the rules first use them, so that the two threads
/// meet in the middle rather than wait for each other.
pub fn warm_up() {
    use std::sync::LazyLock;
    let _ = std::thread::Builder::new()
        .name("geolint-warm-up".into())
        .spawn(|| {
            LazyLock::force(&geo::OWN_STUDY);
            LazyLock::force(&geo::SOURCE_CUE);
            LazyLock::force(&geo::STATISTIC);
            LazyLock::force(&local::PHONE_NATIONAL);
            LazyLock::force(&local::PHONE_INTL);
            LazyLock::force(&local::POSTCODE);
            LazyLock::force(&crate::faq::FAQ_HEADING);
            LazyLock::force(&crate::keywords::URL_LIKE);
            LazyLock::force(&artifact::PATTERNS);
        });
}

/// Compile a regex known at build time (every built-in one is tested).
#[must_use]
pub fn regex(pattern: &str) -> regex::Regex {
    match regex::Regex::new(pattern) {
        Ok(r) => r,
        Err(e) => unreachable!("invalid built-in regex {pattern}: {e}"),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: parse a snippet and run one rule on it.

    use super::{DocContext, Rule};
    use crate::config::Config;
    use crate::diagnostic::Finding;
    use crate::document::{Document, Format};

    pub fn doc(path: &str, src: &str) -> Document {
        let format = Format::from_path(path.as_ref()).unwrap_or(Format::Markdown);
        crate::source::parse(path.into(), path.to_string(), format, src.to_string())
    }

    pub fn config(toml: &str) -> Config {
        Config::parse(toml, "geolint.toml".as_ref()).expect("test config parses")
    }

    /// Findings of `rule` on `src` (a file at `path`) with the built-in config.
    pub fn run(rule: &dyn Rule, path: &str, src: &str) -> Vec<Finding> {
        run_with(rule, path, src, &Config::builtin())
    }

    pub fn run_with(rule: &dyn Rule, path: &str, src: &str, config: &Config) -> Vec<Finding> {
        let doc = doc(path, src);
        let cx = DocContext::new(
            &doc,
            config,
            config.content_type(&[path.to_string()]),
            &config.language,
        );
        let mut out = Vec::new();
        rule.check_document(&cx, &mut out);
        out
    }

    /// The diagnostics of rule `id` when a temporary folder holding `files` is linted whole with
    /// the built-in config (for site rules).
    pub fn site_diagnostics(
        id: &str,
        files: &[(&str, &str)],
    ) -> Vec<crate::diagnostic::Diagnostic> {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        crate::lint::run(
            &[dir.path().to_path_buf()],
            &Config::builtin(),
            crate::lint::RunOptions::default(),
        )
        .expect("run")
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == id)
        .collect()
    }

    /// The source text under each finding's span ("" for whole-file findings).
    pub fn texts<'a>(src: &'a str, findings: &[Finding]) -> Vec<&'a str> {
        findings
            .iter()
            .map(|f| f.span.and_then(|s| src.get(s.start..s.end)).unwrap_or(""))
            .collect()
    }
}
