//! HTML pages and raw HTML fragments, tokenized with source offsets.
//!
//! One pass of the `html5gum` tokenizer feeds a small element stack that mimics the parts of the
//! HTML tree builder that matter for content: implicitly closed `p`/`li`/`td`…, void elements,
//! stray end tags, raw text elements (`script`, `style`, `title`). Nothing recurses on nesting
//! depth; searches down the stack for implicit closing are bounded.

use std::collections::HashMap;
use std::mem::take;

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;

use crate::document::{
    slugify, Comment, Document, Heading, Image, Link, LinkKind, Paragraph, ScriptBlock, TextItem,
    TextRun,
};
use crate::span::Span;

/// Scan `source[range]` as HTML and append what it contains to `doc`.
///
/// `full_page` is true for `.html` files (sets title, description, lang, canonical, decides
/// main content); false for raw HTML blocks and inline HTML inside Markdown.
pub fn scan(source: &str, range: Span, full_page: bool, doc: &mut Document) {
    let Some(input) = source.get(range.start..range.end) else {
        return;
    };
    let mut emitter = CallbackEmitter::new(Collector::new(range.start));
    emitter.naively_switch_states(true);
    let mut scanner = Scanner::new(source, range, full_page, doc);
    for token in Tokenizer::new_with_emitter(input, emitter).flatten() {
        scanner.token(token);
    }
    scanner.finish();
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// An attribute with the decoded value and, when the value is not empty, the value's span.
#[derive(Debug)]
struct Attr {
    name: String,
    value: String,
    value_span: Option<Span>,
}

#[derive(Debug)]
enum Tok {
    Start {
        name: String,
        span: Span,
        attrs: Vec<Attr>,
        self_closing: bool,
    },
    End {
        name: String,
        span: Span,
    },
    Text {
        text: String,
        span: Span,
    },
    Comment {
        text: String,
        span: Span,
    },
}

/// Turns `html5gum` callback events into [`Tok`]s with absolute spans (and attribute value spans,
/// which the default emitter does not keep).
#[derive(Debug)]
struct Collector {
    base: usize,
    name: String,
    start: usize,
    attrs: Vec<Attr>,
    current: Option<usize>,
    in_start: bool,
}

impl Collector {
    fn new(base: usize) -> Self {
        Self {
            base,
            name: String::new(),
            start: 0,
            attrs: Vec::new(),
            current: None,
            in_start: false,
        }
    }
}

/// Attributes kept per tag (the duplicate check is quadratic; real tags have a handful).
const MAX_ATTRIBUTES: usize = 256;

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Callback<Tok, usize> for Collector {
    fn handle_event(
        &mut self,
        event: CallbackEvent<'_>,
        span: html5gum::Span<usize>,
    ) -> Option<Tok> {
        let span = Span::new(
            span.start.saturating_add(self.base),
            span.end.saturating_add(self.base),
        );
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.name = lossy(name);
                self.start = span.start;
                self.attrs.clear();
                self.current = None;
                self.in_start = true;
                None
            }
            CallbackEvent::AttributeName { name } => {
                self.current = None;
                if self.in_start && self.attrs.len() < MAX_ATTRIBUTES {
                    let name = lossy(name);
                    // Duplicate attributes: the first one wins, as in browsers.
                    if !self.attrs.iter().any(|a| a.name == name) {
                        self.current = Some(self.attrs.len());
                        self.attrs.push(Attr {
                            name,
                            value: String::new(),
                            value_span: None,
                        });
                    }
                }
                None
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(attr) = self.current.and_then(|i| self.attrs.get_mut(i)) {
                    attr.value.push_str(&String::from_utf8_lossy(value));
                    attr.value_span = Some(match attr.value_span {
                        Some(prev) => Span::new(prev.start, span.end),
                        None => span,
                    });
                }
                None
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if !self.in_start {
                    return None;
                }
                self.in_start = false;
                self.current = None;
                Some(Tok::Start {
                    name: take(&mut self.name),
                    span: Span::new(self.start, span.end),
                    attrs: take(&mut self.attrs),
                    self_closing,
                })
            }
            CallbackEvent::EndTag { name } => {
                self.in_start = false;
                self.current = None;
                Some(Tok::End {
                    name: lossy(name),
                    span,
                })
            }
            CallbackEvent::String { value } => Some(Tok::Text {
                text: lossy(value),
                span,
            }),
            CallbackEvent::Comment { value } => Some(Tok::Comment {
                text: lossy(value),
                span,
            }),
            CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Element classes

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose text is never prose (and never heading/link/paragraph text).
const HIDDEN: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "math",
    "title",
    "textarea",
    "iframe",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "object",
];

/// Elements the tokenizer reads as raw text: a self-closing slash on them is ignored.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "iframe",
    "xmp",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements that may stay inside `<head>`; any other start tag closes an open head.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
    "title", "head", "html",
];

/// Start tags that close an open `<p>` (in button scope).
const P_CLOSERS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Elements that bound the search for an open `<p>`.
const BUTTON_SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "th", "template",
    "svg", "math",
];

/// Elements that bound the search for an open `<li>`.
const LIST_SCOPE: &[&str] = &[
    "ul", "ol", "menu", "applet", "caption", "html", "marquee", "object", "table", "td", "th",
    "template", "svg", "math",
];

/// Elements that bound the search for an open `<dd>`/`<dt>`.
const DL_SCOPE: &[&str] = &[
    "dl", "applet", "caption", "html", "marquee", "object", "table", "td", "th", "template", "svg",
    "math",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements whose text makes a [`Paragraph`].
const BLOCKS: &[&str] = &["p", "li", "td", "th", "dd", "blockquote", "figcaption"];

/// Elements that separate words in collected plain text.
const BLOCKISH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// How far down the stack an implicit-close search looks (real pages need a handful of levels;
/// the bound keeps pathological nesting linear).
const MAX_SCOPE_SEARCH: usize = 256;

fn is(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn is_jsonld_type(value: &str) -> bool {
    let mime = value.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("application/ld+json")
}

/// Collapse runs of whitespace to one space and trim.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

use super::count_words;

// ---------------------------------------------------------------------------------------------
// The element stack

/// Frame flags: which context counters a frame incremented.
const F_HIDDEN: u8 = 1;
const F_CODE: u8 = 2;
const F_LANDMARK: u8 = 4;
const F_CHROME: u8 = 8;
const F_HEAD: u8 = 16;

/// Context bits recorded with every item, resolved to `in_main` at the end of the scan.
const C_LANDMARK: u8 = 1;
const C_CHROME: u8 = 2;

#[derive(Debug)]
enum Kind {
    Plain,
    Heading {
        level: u8,
        id: Option<String>,
        text: String,
        prev: Option<usize>,
    },
    Link {
        href: String,
        text: String,
        alt: String,
        prev: Option<usize>,
    },
    Block {
        text: String,
        prev: Option<usize>,
    },
    Title {
        text: String,
    },
    JsonLd,
}

#[derive(Debug)]
struct Frame {
    name: String,
    /// Start of the opening tag.
    start: usize,
    /// End of the opening tag.
    open_end: usize,
    flags: u8,
    ctx: u8,
    kind: Kind,
}

struct Scanner<'a> {
    src: &'a str,
    range: Span,
    full_page: bool,
    doc: &'a mut Document,
    stack: Vec<Frame>,
    /// Number of open elements per tag name (to ignore stray end tags in O(1)).
    open: HashMap<String, usize>,
    hidden: usize,
    code: usize,
    landmark: usize,
    chrome: usize,
    head: usize,
    saw_landmark: bool,
    /// Stack indices of the innermost open heading, link and paragraph block.
    heading: Option<usize>,
    link: Option<usize>,
    block: Option<usize>,
    headings: Vec<(Heading, u8)>,
    paragraphs: Vec<(Paragraph, u8)>,
    prose: Vec<(TextRun, u8)>,
    links: Vec<(Link, u8)>,
    images: Vec<(Image, u8)>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, range: Span, full_page: bool, doc: &'a mut Document) -> Self {
        Self {
            src,
            range,
            full_page,
            doc,
            stack: Vec::new(),
            open: HashMap::new(),
            hidden: 0,
            code: 0,
            landmark: 0,
            chrome: 0,
            head: 0,
            saw_landmark: false,
            heading: None,
            link: None,
            block: None,
            headings: Vec::new(),
            paragraphs: Vec::new(),
            prose: Vec::new(),
            links: Vec::new(),
            images: Vec::new(),
        }
    }

    fn ctx(&self) -> u8 {
        let mut ctx = 0;
        if self.landmark > 0 {
            ctx |= C_LANDMARK;
        }
        if self.chrome > 0 {
            ctx |= C_CHROME;
        }
        ctx
    }

    /// Inside `<head>`, `<script>`, `<svg>`, `<template>`…: no content items.
    fn suppressed(&self) -> bool {
        self.hidden > 0 || self.head > 0
    }

    fn token(&mut self, token: Tok) {
        match token {
            Tok::Start {
                name,
                span,
                attrs,
                self_closing,
            } => self.start_tag(name, span, &attrs, self_closing),
            Tok::End { name, span } => self.end_tag(&name, span),
            Tok::Text { text, span } => self.text(&text, span),
            Tok::Comment { text, span } => {
                // Prefer the raw inner text of a well-formed comment.
                let raw = self
                    .src
                    .get(span.start..span.end)
                    .and_then(|s| s.strip_prefix("<!--"))
                    .and_then(|s| s.strip_suffix("-->"));
                let text = raw.map_or(text, str::to_owned);
                self.doc.comments.push(Comment { text, span });
            }
        }
    }

    // --- text ---------------------------------------------------------------------------------

    fn text(&mut self, text: &str, span: Span) {
        if let Some(Frame {
            kind: Kind::Title { text: title },
            ..
        }) = self.stack.last_mut()
        {
            title.push_str(text);
            return;
        }
        if self.head > 0 && self.hidden == 0 && !text.trim_ascii().is_empty() {
            // Text cannot stay in <head>: a page that forgot `</head><body>` starts its body here.
            if let Some(i) = self.find_open(&["head"], &[]) {
                self.close_from(i, span.start);
            }
        }
        if self.suppressed() {
            return;
        }
        self.capture(text, false);
        if self.code > 0 {
            return;
        }
        let decoded = text.trim_matches(|c: char| c.is_ascii_whitespace());
        if decoded.is_empty() {
            return;
        }
        let (run_span, exact) = match self.src.get(span.start..span.end) {
            Some(raw) => {
                let lead = raw.len()
                    - raw
                        .trim_start_matches(|c: char| c.is_ascii_whitespace())
                        .len();
                let trimmed = raw.trim_matches(|c: char| c.is_ascii_whitespace());
                let start = span.start + lead;
                (Span::new(start, start + trimmed.len()), trimmed == decoded)
            }
            None => (span, false),
        };
        let ctx = self.ctx();
        self.prose.push((
            TextRun {
                text: decoded.to_owned(),
                span: run_span,
                exact,
                in_main: true,
            },
            ctx,
        ));
    }

    /// Append text to the open heading, link and innermost block. `alt`: image alt text, which
    /// only counts for links without text.
    fn capture(&mut self, text: &str, alt: bool) {
        if let Some(i) = self.heading {
            if !alt {
                if let Some(Frame {
                    kind: Kind::Heading { text: buf, .. },
                    ..
                }) = self.stack.get_mut(i)
                {
                    buf.push_str(text);
                }
            }
        }
        if let Some(i) = self.link {
            if let Some(Frame {
                kind:
                    Kind::Link {
                        text: buf,
                        alt: alt_buf,
                        ..
                    },
                ..
            }) = self.stack.get_mut(i)
            {
                if alt {
                    alt_buf.push(' ');
                    alt_buf.push_str(text);
                } else {
                    buf.push_str(text);
                }
            }
        }
        if let Some(b) = self.block {
            // Text of a heading inside a block belongs to the heading only.
            let in_heading = self.heading.is_some_and(|h| h > b);
            if !alt && !in_heading {
                if let Some(Frame {
                    kind: Kind::Block { text: buf, .. },
                    ..
                }) = self.stack.get_mut(b)
                {
                    buf.push_str(text);
                }
            }
        }
    }

    // --- start tags ---------------------------------------------------------------------------

    fn start_tag(&mut self, name: String, span: Span, attrs: &[Attr], self_closing: bool) {
        let attr = |n: &str| attrs.iter().find(|a| a.name == n);
        if attrs
            .iter()
            .any(|a| a.name == "itemscope" || a.name == "itemtype")
        {
            self.doc.has_microdata = true;
        }
        if attrs
            .iter()
            .any(|a| a.name == "typeof" || a.name == "vocab")
        {
            self.doc.has_rdfa = true;
        }
        if self.full_page {
            self.page_meta(&name, span, attrs);
        }

        self.implicit_close(&name, span.start);

        if !self.suppressed() && (name == "br" || is(BLOCKISH, &name) || name == "hr") {
            self.capture(" ", false);
        }
        if name == "img" {
            self.image(span, attrs);
        }
        if is(VOID, &name) {
            return;
        }

        let role = attr("role")
            .and_then(|a| a.value.split_whitespace().next())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let mut flags = 0;
        if is(HIDDEN, &name) {
            flags |= F_HIDDEN;
        }
        if name == "pre" || name == "code" {
            flags |= F_CODE;
        }
        if name == "main" || name == "article" || role == "main" {
            flags |= F_LANDMARK;
        }
        if matches!(name.as_str(), "nav" | "header" | "footer" | "aside")
            || matches!(
                role.as_str(),
                "navigation" | "banner" | "contentinfo" | "complementary"
            )
        {
            flags |= F_CHROME;
        }
        if name == "head" {
            flags |= F_HEAD;
        }

        let suppressed = self.suppressed();
        let mut kind = Kind::Plain;
        if name == "title" {
            if self.full_page && self.hidden == 0 && self.doc.html_title.is_none() {
                kind = Kind::Title {
                    text: String::new(),
                };
            }
        } else if name == "script" {
            if attr("type").is_some_and(|a| is_jsonld_type(&a.value)) {
                kind = Kind::JsonLd;
            }
        } else if !suppressed {
            if let Some(level) = heading_level(&name) {
                let id = attr("id")
                    .map(|a| a.value.trim())
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned);
                kind = Kind::Heading {
                    level,
                    id,
                    text: String::new(),
                    prev: self.heading,
                };
            } else if name == "a" {
                if let Some(href) = attr("href") {
                    kind = Kind::Link {
                        href: href.value.clone(),
                        text: String::new(),
                        alt: String::new(),
                        prev: self.link,
                    };
                }
            } else if is(BLOCKS, &name) {
                kind = Kind::Block {
                    text: String::new(),
                    prev: self.block,
                };
            }
        }

        if flags & F_HIDDEN != 0 {
            self.hidden += 1;
        }
        if flags & F_CODE != 0 {
            self.code += 1;
        }
        if flags & F_LANDMARK != 0 {
            self.landmark += 1;
            self.saw_landmark = true;
        }
        if flags & F_CHROME != 0 {
            self.chrome += 1;
        }
        if flags & F_HEAD != 0 {
            self.head += 1;
        }
        let index = self.stack.len();
        match kind {
            Kind::Heading { .. } => self.heading = Some(index),
            Kind::Link { .. } => self.link = Some(index),
            Kind::Block { .. } => self.block = Some(index),
            _ => {}
        }
        *self.open.entry(name.clone()).or_insert(0) += 1;
        let raw_text = is(RAW_TEXT, &name);
        self.stack.push(Frame {
            name,
            start: span.start,
            open_end: span.end,
            flags,
            ctx: self.ctx(),
            kind,
        });
        if self_closing && !raw_text {
            self.pop(span.end, span.end);
        }
    }

    fn page_meta(&mut self, name: &str, span: Span, attrs: &[Attr]) {
        let attr = |n: &str| attrs.iter().find(|a| a.name == n);
        let value_item = |a: Option<&Attr>| match a {
            Some(a) => TextItem {
                text: a.value.clone(),
                span: a.value_span.unwrap_or(span),
            },
            None => TextItem {
                text: String::new(),
                span,
            },
        };
        match name {
            "html" if self.doc.html_lang.is_none() => {
                self.doc.html_lang = attr("lang")
                    .map(|a| a.value.trim().to_owned())
                    .filter(|v| !v.is_empty());
            }
            "meta" => {
                let meta_name = attr("name")
                    .map(|a| a.value.trim().to_ascii_lowercase())
                    .unwrap_or_default();
                if meta_name == "description" && self.doc.html_description.is_none() {
                    self.doc.html_description = Some(value_item(attr("content")));
                } else if meta_name == "robots" && self.doc.robots.is_none() {
                    self.doc.robots = Some(value_item(attr("content")));
                }
            }
            "link" => {
                let canonical = attr("rel").is_some_and(|a| {
                    a.value
                        .split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if canonical && self.doc.canonical.is_none() {
                    self.doc.canonical = Some(value_item(attr("href")));
                }
            }
            _ => {}
        }
    }

    fn image(&mut self, span: Span, attrs: &[Attr]) {
        let attr = |n: &str| attrs.iter().find(|a| a.name == n);
        let alt = attr("alt").map(|a| a.value.clone());
        if let Some(alt) = alt.as_deref() {
            let alt = alt.to_owned();
            if !self.suppressed() {
                self.capture(&alt, true);
            }
        }
        if self.suppressed() {
            return;
        }
        let role = attr("role")
            .map(|a| a.value.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let aria_hidden =
            attr("aria-hidden").is_some_and(|a| a.value.trim().eq_ignore_ascii_case("true"));
        let decorative =
            alt.as_deref() == Some("") && (role == "presentation" || role == "none" || aria_hidden);
        let ctx = self.ctx();
        self.images.push((
            Image {
                src: attr("src").map(|a| a.value.clone()).unwrap_or_default(),
                alt,
                span,
                decorative,
                in_main: true,
            },
            ctx,
        ));
    }

    /// Close elements that a start tag `name` implicitly ends (a simplified tree builder).
    fn implicit_close(&mut self, name: &str, at: usize) {
        if self.head > 0 && !is(HEAD_CONTENT, name) {
            if let Some(i) = self.find_open(&["head"], &[]) {
                self.close_from(i, at);
            }
        }
        let target = match name {
            "li" => self.find_open(&["li"], LIST_SCOPE),
            "dd" | "dt" => self.find_open(&["dd", "dt"], DL_SCOPE),
            "td" | "th" => self.find_open(&["td", "th"], &["tr", "table", "template"]),
            "tr" => self.find_open(&["tr"], &["table", "tbody", "thead", "tfoot", "template"]),
            "tbody" | "thead" | "tfoot" => {
                self.find_open(&["tbody", "thead", "tfoot"], &["table", "template"])
            }
            "option" => self.find_open(&["option"], &["select", "datalist", "optgroup"]),
            "a" => self.find_open(&["a"], &["template", "svg", "math"]),
            _ if heading_level(name).is_some() => self.heading,
            _ => None,
        };
        if let Some(i) = target {
            self.close_from(i, at);
        }
        if is(P_CLOSERS, name) {
            if let Some(i) = self.find_open(&["p"], BUTTON_SCOPE) {
                self.close_from(i, at);
            }
        }
    }

    /// The index of the topmost open element named one of `names`, not looking past `stop`
    /// elements nor deeper than [`MAX_SCOPE_SEARCH`].
    fn find_open(&self, names: &[&str], stop: &[&str]) -> Option<usize> {
        if names
            .iter()
            .all(|n| self.open.get(*n).is_none_or(|&c| c == 0))
        {
            return None;
        }
        for (i, frame) in self.stack.iter().enumerate().rev().take(MAX_SCOPE_SEARCH) {
            if is(names, &frame.name) {
                return Some(i);
            }
            if is(stop, &frame.name) {
                return None;
            }
        }
        None
    }

    /// Implicitly close the element at stack index `i` and everything above it, at offset `at`.
    fn close_from(&mut self, i: usize, at: usize) {
        while self.stack.len() > i {
            let min = self.stack.last().map_or(0, |f| f.open_end);
            let end = self.trim_back(at, min);
            self.pop(end, end);
        }
    }

    /// `at` moved back over ASCII whitespace, not before `min`.
    fn trim_back(&self, at: usize, min: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut end = at.min(bytes.len());
        while end > min && bytes.get(end - 1).is_some_and(u8::is_ascii_whitespace) {
            end -= 1;
        }
        end
    }

    // --- end tags -----------------------------------------------------------------------------

    fn end_tag(&mut self, name: &str, span: Span) {
        if !self.suppressed() && (is(BLOCKISH, name) || name == "br") {
            self.capture(" ", false);
        }
        let target = match name {
            // `</body>`/`</html>` close what is open inside them but stay open themselves:
            // content after them still belongs to the body.
            "html" | "body" => {
                if let Some(i) = self.find_any(&[name]) {
                    self.close_from(i + 1, span.start);
                }
                None
            }
            "br" => None,
            "p" => self.find_open(&["p"], BUTTON_SCOPE),
            "li" => self.find_open(&["li"], LIST_SCOPE),
            "dd" | "dt" => self.find_open(&[name], DL_SCOPE),
            _ if heading_level(name).is_some() => self.find_any(HEADINGS),
            _ => self.find_any(&[name]),
        };
        let Some(i) = target else {
            return;
        };
        while self.stack.len() > i + 1 {
            let min = self.stack.last().map_or(0, |f| f.open_end);
            let end = self.trim_back(span.start, min);
            self.pop(end, end);
        }
        self.pop(span.start, span.end);
    }

    /// The topmost open element named one of `names` (unbounded: the caller pops everything
    /// above it, so the total work stays linear).
    fn find_any(&self, names: &[&str]) -> Option<usize> {
        if names
            .iter()
            .all(|n| self.open.get(*n).is_none_or(|&c| c == 0))
        {
            return None;
        }
        self.stack.iter().rposition(|f| is(names, &f.name))
    }

    /// Pop the top frame. `content_end` is where its content ends (the start of its end tag),
    /// `end` where the element ends.
    fn pop(&mut self, content_end: usize, end: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if frame.flags & F_HIDDEN != 0 {
            self.hidden = self.hidden.saturating_sub(1);
        }
        if frame.flags & F_LANDMARK != 0 {
            self.landmark = self.landmark.saturating_sub(1);
        }
        if frame.flags & F_CHROME != 0 {
            self.chrome = self.chrome.saturating_sub(1);
        }
        if frame.flags & F_HEAD != 0 {
            self.head = self.head.saturating_sub(1);
        }
        if frame.flags & F_CODE != 0 {
            self.code = self.code.saturating_sub(1);
            if self.code == 0 {
                self.doc.code.push(Span::new(frame.start, end));
            }
        }
        if let Some(count) = self.open.get_mut(&frame.name) {
            *count = count.saturating_sub(1);
        }
        let span = Span::new(frame.start, end.max(frame.start));
        match frame.kind {
            Kind::Plain => {}
            Kind::Heading {
                level,
                id,
                text,
                prev,
            } => {
                self.heading = prev;
                let text = collapse(&text);
                let id = id.unwrap_or_else(|| slugify(&text));
                self.headings.push((
                    Heading {
                        level,
                        text,
                        span,
                        id,
                        in_main: true,
                    },
                    frame.ctx,
                ));
            }
            Kind::Link {
                href,
                text,
                alt,
                prev,
            } => {
                self.link = prev;
                let mut text = collapse(&text);
                if text.is_empty() {
                    text = collapse(&alt);
                }
                self.links.push((
                    Link {
                        href,
                        text,
                        span,
                        kind: LinkKind::Html,
                        in_main: true,
                    },
                    frame.ctx,
                ));
            }
            Kind::Block { text, prev } => {
                self.block = prev;
                let text = collapse(&text);
                if !text.is_empty() {
                    let words = count_words(&text);
                    self.paragraphs.push((
                        Paragraph {
                            text,
                            span,
                            words,
                            in_main: true,
                        },
                        frame.ctx,
                    ));
                }
            }
            Kind::Title { text } => {
                if self.doc.html_title.is_none() {
                    let content = self.src.get(frame.open_end..content_end).unwrap_or("");
                    let lead = content.len()
                        - content
                            .trim_start_matches(|c: char| c.is_ascii_whitespace())
                            .len();
                    let trimmed = content.trim_matches(|c: char| c.is_ascii_whitespace());
                    let title_span = if trimmed.is_empty() {
                        span
                    } else {
                        let start = frame.open_end + lead;
                        Span::new(start, start + trimmed.len())
                    };
                    self.doc.html_title = Some(TextItem {
                        text: collapse(&text),
                        span: title_span,
                    });
                }
            }
            Kind::JsonLd => {
                let content_end = content_end.max(frame.open_end);
                let content = self
                    .src
                    .get(frame.open_end..content_end)
                    .unwrap_or("")
                    .to_owned();
                self.doc.jsonld.push(ScriptBlock {
                    content,
                    span: Span::new(frame.open_end, content_end),
                });
            }
        }
    }

    // --- end of input -------------------------------------------------------------------------

    fn finish(mut self) {
        let end_of_input = self.range.end.min(self.src.len());
        while let Some(frame) = self.stack.last() {
            // In a fragment (HTML inside Markdown) an unclosed script is a tag written in prose
            // ("we put a <script type=\"application/ld+json\"> in the page"), not markup.
            if !self.full_page && matches!(frame.kind, Kind::JsonLd) {
                self.stack.pop();
                continue;
            }
            // Raw text (an unclosed script) runs to the end of the input; other elements end
            // after their last non-blank content.
            let end = if matches!(frame.kind, Kind::JsonLd) {
                end_of_input
            } else {
                self.trim_back(end_of_input, frame.open_end)
            };
            self.pop(end, end);
        }

        let full_page = self.full_page;
        let saw_landmark = self.saw_landmark;
        let main = |ctx: u8| {
            if !full_page {
                true
            } else if saw_landmark {
                ctx & C_LANDMARK != 0
            } else {
                ctx & C_CHROME == 0
            }
        };

        self.paragraphs.sort_by_key(|(p, _)| p.span.start);
        let doc = self.doc;
        for (mut item, ctx) in self.headings {
            item.in_main = main(ctx);
            doc.headings.push(item);
        }
        for (mut item, ctx) in self.paragraphs {
            item.in_main = main(ctx);
            doc.paragraphs.push(item);
        }
        for (mut item, ctx) in self.links {
            item.in_main = main(ctx);
            doc.links.push(item);
        }
        for (mut item, ctx) in self.images {
            item.in_main = main(ctx);
            doc.images.push(item);
        }
        for (mut item, ctx) in self.prose {
            item.in_main = main(ctx);
            if full_page && item.in_main {
                doc.word_count += count_words(&item.text);
            }
            doc.prose.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn page(src: &str) -> Document {
        let mut doc = Document {
            source: src.to_owned(),
            ..Document::default()
        };
        scan(src, Span::new(0, src.len()), true, &mut doc);
        doc
    }

    fn fragment(src: &str, range: Span) -> Document {
        let mut doc = Document {
            source: src.to_owned(),
            ..Document::default()
        };
        scan(src, range, false, &mut doc);
        doc
    }

    fn at(src: &str, span: Span) -> &str {
        src.get(span.start..span.end).unwrap_or("<out of range>")
    }

    const DUTCH: &str = r#"<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>  AI-workshops voor teams &amp; managers  </title>
  <meta name="description" content="Leer in één dag hoe je AI inzet.">
  <meta name="robots" content="index, follow">
  <link rel="canonical" href="https://example.nl/ai-workshop">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article"}</script>
  <script type="Application/LD+JSON; charset=utf-8">
  {"@type": "BreadcrumbList"}
  </script>
  <script>var x = "<p>geen tekst</p>";</script>
  <style>p { color: red; }</style>
</head>
<body>
  <!-- geolint-disable heading/single-h1 -->
  <header>
    <nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
  </header>
  <main>
    <article>
      <h1 id="top">Wat kost een AI-workshop?</h1>
      <p>Een workshop kost &euro;&nbsp;1.500 per dag. Dat is
         inclusief lunch.</p>
      <h2>Praktisch<br>en direct &amp; toepasbaar</h2>
      <p>Bekijk de <a href="/prijzen?a=1&amp;b=2">prijzen &amp; voorwaarden</a> of
         <a href="/meer">lees meer</a>.</p>
      <img src="/img/team.jpg">
      <img src="/img/zaal.jpg" alt="Een volle zaal">
      <img src="/img/lijn.svg" alt="" role="presentation">
      <pre><code>let x = 1;</code></pre>
      <p>Gebruik <code>geolint</code> in je pipeline.</p>
    </article>
  </main>
  <footer>
    <h3>Contact</h3>
    <p>Bel ons.</p>
    <a href="/contact">Contact</a>
  </footer>
</body>
</html>
"#;

    #[test]
    fn dutch_page_metadata() {
        let doc = page(DUTCH);
        assert_eq!(doc.html_lang.as_deref(), Some("nl"));
        let title = doc.html_title.as_ref().expect("title");
        assert_eq!(title.text, "AI-workshops voor teams & managers");
        assert_eq!(
            at(DUTCH, title.span),
            "AI-workshops voor teams &amp; managers"
        );
        let desc = doc.html_description.as_ref().expect("description");
        assert_eq!(desc.text, "Leer in één dag hoe je AI inzet.");
        assert_eq!(at(DUTCH, desc.span), "Leer in één dag hoe je AI inzet.");
        let robots = doc.robots.as_ref().expect("robots");
        assert_eq!(robots.text, "index, follow");
        assert_eq!(at(DUTCH, robots.span), "index, follow");
        let canonical = doc.canonical.as_ref().expect("canonical");
        assert_eq!(canonical.text, "https://example.nl/ai-workshop");
        assert_eq!(at(DUTCH, canonical.span), "https://example.nl/ai-workshop");
    }

    #[test]
    fn dutch_page_jsonld_and_comments() {
        let doc = page(DUTCH);
        assert_eq!(doc.jsonld.len(), 2);
        assert_eq!(
            doc.jsonld[0].content,
            r#"{"@context":"https://schema.org","@type":"Article"}"#
        );
        assert_eq!(at(DUTCH, doc.jsonld[0].span), doc.jsonld[0].content);
        assert_eq!(
            doc.jsonld[1].content,
            "\n  {\"@type\": \"BreadcrumbList\"}\n  "
        );
        assert_eq!(at(DUTCH, doc.jsonld[1].span), doc.jsonld[1].content);
        assert_eq!(doc.comments.len(), 1);
        assert_eq!(doc.comments[0].text, " geolint-disable heading/single-h1 ");
        assert_eq!(
            at(DUTCH, doc.comments[0].span),
            "<!-- geolint-disable heading/single-h1 -->"
        );
    }

    #[test]
    fn dutch_page_headings() {
        let doc = page(DUTCH);
        let h: Vec<_> = doc
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str(), h.id.as_str(), h.in_main))
            .collect();
        assert_eq!(
            h,
            [
                (1, "Wat kost een AI-workshop?", "top", true),
                (
                    2,
                    "Praktisch en direct & toepasbaar",
                    "praktisch-en-direct--toepasbaar",
                    true
                ),
                (3, "Contact", "contact", false),
            ]
        );
        assert_eq!(
            at(DUTCH, doc.headings[1].span),
            "<h2>Praktisch<br>en direct &amp; toepasbaar</h2>"
        );
        assert_eq!(at(DUTCH, doc.headings[2].span), "<h3>Contact</h3>");
    }

    #[test]
    fn dutch_page_links_and_images() {
        let doc = page(DUTCH);
        let links: Vec<_> = doc
            .links
            .iter()
            .map(|l| (l.href.as_str(), l.text.as_str(), l.in_main))
            .collect();
        assert_eq!(
            links,
            [
                ("/", "Home", false),
                ("/blog", "Blog", false),
                ("/prijzen?a=1&b=2", "prijzen & voorwaarden", true),
                ("/meer", "lees meer", true),
                ("/contact", "Contact", false),
            ]
        );
        assert!(doc.links.iter().all(|l| l.kind == LinkKind::Html));
        assert_eq!(
            at(DUTCH, doc.links[2].span),
            r#"<a href="/prijzen?a=1&amp;b=2">prijzen &amp; voorwaarden</a>"#
        );
        assert_eq!(doc.images.len(), 3);
        assert_eq!(doc.images[0].alt, None);
        assert_eq!(doc.images[0].src, "/img/team.jpg");
        assert_eq!(
            at(DUTCH, doc.images[0].span),
            r#"<img src="/img/team.jpg">"#
        );
        assert_eq!(doc.images[1].alt.as_deref(), Some("Een volle zaal"));
        assert!(!doc.images[1].decorative);
        assert_eq!(doc.images[2].alt.as_deref(), Some(""));
        assert!(doc.images[2].decorative);
        assert!(doc.images.iter().all(|i| i.in_main));
    }

    #[test]
    fn dutch_page_prose_paragraphs_code() {
        let doc = page(DUTCH);
        let p: Vec<_> = doc
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.words, p.in_main))
            .collect();
        assert_eq!(
            p,
            [
                (
                    "Een workshop kost € 1.500 per dag. Dat is inclusief lunch.",
                    10,
                    true
                ),
                ("Bekijk de prijzen & voorwaarden of lees meer.", 7, true),
                ("Gebruik geolint in je pipeline.", 5, true),
                ("Bel ons.", 2, false),
            ]
        );
        assert!(at(DUTCH, doc.paragraphs[0].span).starts_with("<p>Een workshop"));
        assert!(at(DUTCH, doc.paragraphs[0].span).ends_with("lunch.</p>"));

        // Code is recorded and never prose; script/style/title text is never prose.
        let code: Vec<_> = doc.code.iter().map(|s| at(DUTCH, *s)).collect();
        assert_eq!(
            code,
            ["<pre><code>let x = 1;</code></pre>", "<code>geolint</code>"]
        );
        let texts: Vec<_> = doc.prose.iter().map(|r| r.text.as_str()).collect();
        assert!(!texts.iter().any(|t| t.contains("let x")));
        assert!(!texts
            .iter()
            .any(|t| t.contains("geolint") && !t.contains("Gebruik")));
        assert!(!texts
            .iter()
            .any(|t| t.contains("geen tekst") || t.contains("color")));
        assert!(!texts.iter().any(|t| t.contains("AI-workshops voor")));
        for run in &doc.prose {
            if run.exact {
                assert_eq!(at(DUTCH, run.span), run.text);
            }
        }
        let euro = doc
            .prose
            .iter()
            .find(|r| r.text.starts_with("Een workshop"))
            .expect("run");
        assert!(!euro.exact);
        assert!(euro.in_main);
        assert_eq!(
            at(DUTCH, euro.span),
            "Een workshop kost &euro;&nbsp;1.500 per dag. Dat is\n         inclusief lunch."
        );
        let home = doc.prose.iter().find(|r| r.text == "Home").expect("home");
        assert!(home.exact && !home.in_main);
        assert_eq!(at(DUTCH, home.span), "Home");
    }

    #[test]
    fn dutch_page_word_count() {
        let doc = page(DUTCH);
        // Main prose runs: "Wat kost een AI-workshop?" 4, "Een workshop … lunch." 10,
        // "Praktisch" + "en direct & toepasbaar" 4, "Bekijk de" + "prijzen & voorwaarden" + "of"
        // + "lees meer" + "." 7, "Gebruik" + "in je pipeline." 4 (code is not prose).
        assert_eq!(doc.word_count, 10 + 7 + 4 + 4 + 4);
    }

    #[test]
    fn fragment_with_offset_has_absolute_spans() {
        let src = "# Titel\n\nTekst.\n\n<div class=\"x\">\n<p>Hallo <a href=\"https://a.nl\">daar</a></p>\n<img src=\"a.png\" alt=\"\">\n<!-- c -->\n</div>\n\nMeer tekst.\n";
        let start = src.find("<div").expect("div");
        let end = src.find("</div>").expect("end") + "</div>".len();
        let doc = fragment(src, Span::new(start, end));
        assert_eq!(doc.links.len(), 1);
        assert_eq!(
            at(src, doc.links[0].span),
            "<a href=\"https://a.nl\">daar</a>"
        );
        assert!(doc.links[0].in_main);
        assert_eq!(doc.images.len(), 1);
        assert_eq!(at(src, doc.images[0].span), "<img src=\"a.png\" alt=\"\">");
        assert!(!doc.images[0].decorative);
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(
            at(src, doc.paragraphs[0].span),
            "<p>Hallo <a href=\"https://a.nl\">daar</a></p>"
        );
        assert_eq!(doc.comments.len(), 1);
        assert_eq!(at(src, doc.comments[0].span), "<!-- c -->");
        let runs: Vec<_> = doc
            .prose
            .iter()
            .map(|r| (r.text.as_str(), at(src, r.span)))
            .collect();
        assert_eq!(runs, [("Hallo", "Hallo"), ("daar", "daar")]);
        assert!(doc.prose.iter().all(|r| r.in_main && r.exact));
        assert_eq!(
            doc.word_count, 0,
            "fragments leave word counting to the caller"
        );
        assert!(doc.html_title.is_none());
    }

    #[test]
    fn unclosed_paragraphs_and_list_items() {
        let src =
            "<body><p>Eén\n<p>Twee <b>vet\n<ul><li>een<li>twee <p>in li</ul><p>laatste\n</body>";
        let doc = page(src);
        let p: Vec<_> = doc
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), at(src, p.span)))
            .collect();
        assert_eq!(
            p,
            [
                ("Eén", "<p>Eén"),
                ("Twee vet", "<p>Twee <b>vet"),
                ("een", "<li>een"),
                ("twee", "<li>twee <p>in li"),
                ("in li", "<p>in li"),
                ("laatste", "<p>laatste"),
            ]
        );
        assert_eq!(doc.paragraphs[1].words, 2);
    }

    #[test]
    fn deeply_nested_divs_do_not_overflow() {
        let mut src = String::from("<html><body>");
        for _ in 0..100_000 {
            src.push_str("<div>");
        }
        src.push_str("<p>diep</p><h2>kop</h2>");
        let doc = page(&src);
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(doc.word_count, 2);

        // Closed ones too, plus stray end tags.
        let mut src = String::new();
        for _ in 0..100_000 {
            src.push_str("<div><span>");
        }
        for _ in 0..100_000 {
            src.push_str("</p></li></div>");
        }
        let doc = page(&src);
        assert!(doc.paragraphs.is_empty());
    }

    #[test]
    fn page_without_main_excludes_chrome() {
        let src =
            "<html><body><nav><a href=\"/\">Home</a></nav><div role=\"navigation\">Menu</div>\
                   <h1>Titel</h1><p>Inhoud hier.</p><aside>Zijbalk</aside>\
                   <footer><p>Voet</p></footer></body></html>";
        let doc = page(src);
        let runs: Vec<_> = doc
            .prose
            .iter()
            .map(|r| (r.text.as_str(), r.in_main))
            .collect();
        assert_eq!(
            runs,
            [
                ("Home", false),
                ("Menu", false),
                ("Titel", true),
                ("Inhoud hier.", true),
                ("Zijbalk", false),
                ("Voet", false),
            ]
        );
        assert!(doc.headings[0].in_main);
        assert!(!doc.links[0].in_main);
        assert_eq!(doc.word_count, 3);
    }

    #[test]
    fn text_or_body_tags_close_an_unclosed_head() {
        let src = "<html><head><title>T</title><meta name=robots content=noindex>\nHallo wereld\n<p>Tekst</p>";
        let doc = page(src);
        let runs: Vec<_> = doc
            .prose
            .iter()
            .map(|r| (r.text.as_str(), r.in_main))
            .collect();
        assert_eq!(runs, [("Hallo wereld", true), ("Tekst", true)]);
        assert_eq!(
            doc.robots.as_ref().map(|r| r.text.as_str()),
            Some("noindex")
        );

        let src = "<head><title>T</title><h1>Kop</h1>";
        let doc = page(src);
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(at(src, doc.headings[0].span), "<h1>Kop</h1>");
    }

    #[test]
    fn self_closing_crlf_and_many_attributes() {
        let src = "<div/><p>Een\r\ntwee</p>\r\n<span/>drie";
        let doc = page(src);
        let p = &doc.paragraphs[0];
        assert_eq!(p.text, "Een twee");
        assert_eq!(at(src, p.span), "<p>Een\r\ntwee</p>");
        let run = &doc.prose[0];
        assert_eq!(run.text, "Een\ntwee");
        assert!(!run.exact);
        assert_eq!(at(src, run.span), "Een\r\ntwee");
        assert_eq!(doc.prose[1].text, "drie");

        let mut src = String::from("<p");
        for i in 0..20_000 {
            src.push_str(" a");
            src.push_str(&i.to_string());
            src.push_str("=x");
        }
        src.push_str(" itemscope>x</p>");
        let doc = page(&src);
        assert_eq!(doc.paragraphs.len(), 1);
    }

    #[test]
    fn role_main_is_a_landmark() {
        let src = "<body><div>Buiten</div><div role=\"main\"><p>Binnen</p></div></body>";
        let doc = page(src);
        let runs: Vec<_> = doc
            .prose
            .iter()
            .map(|r| (r.text.as_str(), r.in_main))
            .collect();
        assert_eq!(runs, [("Buiten", false), ("Binnen", true)]);
    }

    #[test]
    fn uppercase_tags_and_unquoted_attributes() {
        let src = "<HTML LANG=en-GB><HEAD><TITLE>Hi</TITLE></HEAD><BODY>\
                   <H1 ID=kop>Hello</H1><P>Text <A HREF=/x>link</A></P><IMG SRC=a.png ALT=Alt></BODY></HTML>";
        let doc = page(src);
        assert_eq!(doc.html_lang.as_deref(), Some("en-GB"));
        assert_eq!(doc.html_title.as_ref().map(|t| t.text.as_str()), Some("Hi"));
        assert_eq!(doc.headings[0].id, "kop");
        assert_eq!(at(src, doc.headings[0].span), "<H1 ID=kop>Hello</H1>");
        assert_eq!(doc.links[0].href, "/x");
        assert_eq!(at(src, doc.links[0].span), "<A HREF=/x>link</A>");
        assert_eq!(doc.images[0].alt.as_deref(), Some("Alt"));
        assert_eq!(
            at(src, doc.paragraphs[0].span),
            "<P>Text <A HREF=/x>link</A></P>"
        );
    }

    #[test]
    fn entities_in_link_text_and_image_alt_as_text() {
        let src = "<p><a href=\"/a?x=1&amp;y=2\">Caf&eacute;&#8217;s &amp; bars</a> \
                   <a href=\"/b\"><img src=\"b.png\" alt=\"Logo\"></a> <a name=\"anker\">geen link</a></p>";
        let doc = page(src);
        assert_eq!(doc.links.len(), 2);
        assert_eq!(doc.links[0].href, "/a?x=1&y=2");
        assert_eq!(doc.links[0].text, "Café’s & bars");
        assert_eq!(doc.links[1].text, "Logo");
        assert_eq!(
            at(src, doc.links[1].span),
            "<a href=\"/b\"><img src=\"b.png\" alt=\"Logo\"></a>"
        );
        let run = doc
            .prose
            .iter()
            .find(|r| r.text.starts_with("Caf"))
            .expect("run");
        assert!(!run.exact);
        assert_eq!(at(src, run.span), "Caf&eacute;&#8217;s &amp; bars");
    }

    #[test]
    fn microdata_and_rdfa() {
        let doc = page("<div itemscope itemtype=\"https://schema.org/Person\"><span itemprop=name>A</span></div>");
        assert!(doc.has_microdata);
        assert!(!doc.has_rdfa);
        let doc = page("<div vocab=\"https://schema.org/\" typeof=\"Person\">A</div>");
        assert!(doc.has_rdfa);
        assert!(!doc.has_microdata);
    }

    #[test]
    fn missing_and_empty_meta() {
        let src = "<html><head><title></title><meta name=description content=\"\"></head><body></body></html>";
        let doc = page(src);
        let title = doc.html_title.as_ref().expect("title");
        assert_eq!(title.text, "");
        assert_eq!(at(src, title.span), "<title></title>");
        let desc = doc.html_description.as_ref().expect("desc");
        assert_eq!(desc.text, "");
        assert_eq!(at(src, desc.span), "<meta name=description content=\"\">");
        assert!(doc.html_lang.is_none());
        assert!(doc.canonical.is_none());
        assert!(doc.robots.is_none());
    }

    #[test]
    fn unclosed_jsonld_and_garbage_do_not_panic() {
        let src = "<script type=application/ld+json>{\"a\":1}";
        let doc = page(src);
        assert_eq!(doc.jsonld.len(), 1);
        assert_eq!(doc.jsonld[0].content, "{\"a\":1}");
        for src in [
            "<",
            "</",
            "<a href",
            "<p><a href=x>t</p></a></a>",
            "<!--",
            "&",
            "<h1><h2>x</h1></h2>",
            "é<é>é",
        ] {
            let doc = page(src);
            for run in &doc.prose {
                assert!(src.get(run.span.start..run.span.end).is_some());
            }
        }
        // A range that is out of bounds or not on a char boundary is ignored.
        let mut doc = Document::default();
        scan("één", Span::new(1, 3), true, &mut doc);
        scan("één", Span::new(0, 99), true, &mut doc);
        assert!(doc.prose.is_empty());
    }

    #[test]
    fn words_skip_urls() {
        assert_eq!(count_words("zie https://example.com/a-b voor meer"), 3);
        assert_eq!(count_words("Lees https://example.com/a-b-c nu"), 2);
        assert_eq!(count_words("AI-workshop kost € 450,- per dag."), 5);
        assert_eq!(count_words("(www.example.nl) en"), 1);
        assert_eq!(
            count_words("日本語のテキスト"),
            "日本語のテキスト".unicode_words().count()
        );
    }
}
