//! Site-wide data: a small summary of every document, for rules that look across files.

use std::path::PathBuf;

use crate::config::Config;
use crate::document::{Document, Format};
use crate::span::Span;
use crate::suppress::Suppressions;

/// A link as site rules need it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkSummary {
    pub href: String,
    pub span: Span,
    /// Visible text of the link.
    pub text: String,
    /// False for links in HTML page chrome (nav, footer ...).
    pub in_main: bool,
}

/// What site rules need of one document (kept small: no body text).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct DocSummary {
    pub path: PathBuf,
    pub display_path: String,
    pub format: Option<Format>,
    pub heading_ids: Vec<String>,
    pub links: Vec<LinkSummary>,
    pub draft: bool,
    pub suppressions: Suppressions,
    /// Where the page is published (filled in by the run, see [`crate::urlmap::PageInfo`]).
    pub page: crate::urlmap::PageInfo,
    /// Keywords, cluster and URL of the page (`keyword/*` site rules, `geolint clusters`).
    pub keywords: crate::rules::keyword::PageSummary,
    /// Name, address and phone mentions of the page (`local/nap-consistency`).
    pub nap: Vec<crate::rules::local::NapMention>,
}

impl DocSummary {
    #[must_use]
    pub fn new(doc: &Document, draft: bool, suppressions: Suppressions) -> Self {
        Self {
            path: doc.path.clone(),
            display_path: doc.display_path.clone(),
            format: doc.format,
            heading_ids: doc.headings.iter().map(|h| h.id.clone()).collect(),
            links: doc
                .links
                .iter()
                .map(|l| LinkSummary {
                    href: l.href.clone(),
                    span: l.span,
                    text: l.text.clone(),
                    in_main: l.in_main,
                })
                .collect(),
            draft,
            suppressions,
            page: crate::urlmap::PageInfo::default(),
            keywords: crate::rules::keyword::PageSummary::default(),
            nap: Vec::new(),
        }
    }
}

/// All documents of a run.
pub struct Site<'a> {
    pub docs: Vec<DocSummary>,
    pub config: &'a Config,
    /// Every link of every document resolved through the URL map, without and with a look on
    /// disk: the link rules share them (see [`crate::rules::link::graph::Graph`]).
    links: [std::sync::OnceLock<Vec<Vec<crate::urlmap::Resolved>>>; 2],
}

impl<'a> Site<'a> {
    /// The site of `docs` (in walk order) under `config`.
    #[must_use]
    pub fn new(docs: Vec<DocSummary>, config: &'a Config) -> Self {
        Self {
            docs,
            config,
            links: Default::default(),
        }
    }

    /// The links resolved in memory (`checked`: and on disk), computed by `resolve` on first use.
    pub fn resolved_links(
        &self,
        checked: bool,
        resolve: impl FnOnce() -> Vec<Vec<crate::urlmap::Resolved>>,
    ) -> &[Vec<crate::urlmap::Resolved>] {
        self.links[usize::from(checked)].get_or_init(resolve)
    }
}

impl Site<'_> {
    /// Index of the document at `path` (compared after normalising `.` and `..`).
    #[must_use]
    pub fn find(&self, path: &std::path::Path) -> Option<usize> {
        let want = normalize(path);
        self.docs.iter().position(|d| normalize(&d.path) == want)
    }
}

/// Lexically normalise a path: drop `.`, resolve `..` against earlier parts.
#[must_use]
pub fn normalize(path: &std::path::Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
