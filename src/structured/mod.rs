//! Structured data: JSON-LD blocks parsed with spans, checked against the schema.org vocabulary,
//! against Google's rich-result profiles, and FAQPage markup collected for comparison with the
//! visible page.
//!
//! [`analyze`] runs every check once per document and caches the result for the rules of the
//! `schema` and `faq` families, which each pick their own findings.

// schema.org type names (FAQPage, LocalBusiness …) are prose in these docs.
#![allow(clippy::doc_markdown)]

pub mod json;
pub mod profiles;
pub mod text;
pub mod vocab;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::{Arc, LazyLock};

use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rules::schema as r;
use crate::span::Span;
use json::{Node, Value};
use profiles::Profile;
use vocab::Vocabulary;

/// A Question of FAQPage markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaQuestion {
    pub question: String,
    /// Span of the question's `name` value (or of the Question object).
    pub question_span: Span,
    pub answer: Option<String>,
    pub answer_span: Option<Span>,
}

/// Everything the structured-data checks found on one page.
#[derive(Debug, Default)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    /// Questions of every FAQPage on the page.
    pub questions: Vec<SchemaQuestion>,
    /// Number of FAQPage entities.
    pub faq_pages: usize,
}

thread_local! {
    static CACHE: RefCell<Option<(u64, Rc<Analysis>)>> = const { RefCell::new(None) };
}

/// The structured-data analysis of `doc` (computed once per document and thread).
#[must_use]
pub fn analyze(doc: &Document, extra_profiles: &[Arc<Profile>]) -> Rc<Analysis> {
    if doc.jsonld.is_empty() && !doc.has_microdata && !doc.has_rdfa {
        return Rc::new(Analysis::default());
    }
    // the analysis depends on the JSON-LD blocks and the markup flags only: hash exactly those
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for b in &doc.jsonld {
        b.content.hash(&mut h);
        b.span.hash(&mut h);
    }
    (doc.has_microdata, doc.has_rdfa).hash(&mut h);
    extra_profiles.len().hash(&mut h);
    for p in extra_profiles {
        (Arc::as_ptr(p) as usize).hash(&mut h);
    }
    let key = h.finish();
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, a)| Rc::clone(a))
    }) {
        return hit;
    }
    let a = Rc::new(run(doc, extra_profiles));
    CACHE.with(|c| *c.borrow_mut() = Some((key, Rc::clone(&a))));
    a
}

/// Run every structured-data check on `doc` (uncached).
#[must_use]
pub fn run(doc: &Document, extra_profiles: &[Arc<Profile>]) -> Analysis {
    let mut out = Analysis::default();
    if doc.has_microdata || doc.has_rdfa {
        let what = match (doc.has_microdata, doc.has_rdfa) {
            (true, true) => "Microdata and RDFa",
            (true, false) => "Microdata",
            _ => "RDFa",
        };
        out.findings.push(
            Finding::new(r::microdata::Microdata::ID, format!("page carries {what} markup"))
                .help("geolint checks JSON-LD only; Google recommends JSON-LD, which is easier to keep correct"),
        );
    }
    let mut roots: Vec<Node> = Vec::new();
    for block in &doc.jsonld {
        // a theme template (Hugo, Jinja, Liquid, ERB): the JSON exists only once rendered
        if ["{{", "{%", "<%"].iter().any(|t| block.content.contains(t)) {
            continue;
        }
        match json::parse(&block.content, block.span.start) {
            Ok((node, dups)) => {
                for d in dups {
                    out.findings.push(
                        Finding::new(
                            r::duplicate_key::DuplicateKey::ID,
                            format!("duplicate key `{}` in one object", d.key),
                        )
                        .at(d.second)
                        .help("parsers keep only one of the values silently; merge the two into one key (use an array for several values)"),
                    );
                }
                roots.push(node);
            }
            Err(e) => out.findings.push(
                Finding::new(
                    r::json_syntax::JsonSyntax::ID,
                    format!("invalid JSON-LD: {}", e.message),
                )
                .at(e.span)
                .help(e.help),
            ),
        }
    }
    if roots.is_empty() {
        return out;
    }
    let vocab = vocab::get();
    let mut cx = Checker {
        vocab,
        src: &doc.source,
        ids: HashMap::new(),
        out: &mut out,
        lenient: false,
    };
    let mut tops: Vec<(&Node, bool)> = Vec::new();
    for root in &roots {
        for item in root.items() {
            if !item.is_object() {
                continue;
            }
            let Some(lenient) = cx.check_context(item) else {
                continue;
            };
            if let Some(graph) = item.get("@graph") {
                for g in graph.items() {
                    if g.is_object() {
                        tops.push((g, lenient));
                    }
                }
                if item.get("@type").is_some() {
                    tops.push((item, lenient));
                }
            } else {
                tops.push((item, lenient));
            }
        }
    }
    for (t, _) in &tops {
        index_ids(t, &mut cx.ids);
    }
    for (t, lenient) in &tops {
        cx.lenient = *lenient;
        cx.entity(t, None);
    }
    // Rich-result profiles: top-level entities and the main entity of a page.
    let mut targets: Vec<&Node> = Vec::new();
    for (t, _) in &tops {
        targets.push(t);
        if let Some(me) = t.get("mainEntity") {
            for m in me.items() {
                let m = cx.resolve(m);
                if m.is_object() && m.get("@type").is_some() {
                    targets.push(m);
                }
            }
        }
    }
    let mut seen: HashSet<Span> = HashSet::new();
    targets.retain(|t| seen.insert(t.span));
    let all: Vec<&Arc<Profile>> = profiles::builtin().iter().chain(extra_profiles).collect();
    for t in &targets {
        cx.faq(t);
        let types = cx.types(t);
        for p in &all {
            if types.iter().any(|ty| {
                p.types.iter().any(|pt| {
                    if p.subtypes {
                        vocab.is_a(ty, pt)
                    } else {
                        ty == pt
                    }
                })
            }) {
                cx.profile(t, p);
            }
        }
    }
    out.findings
        .sort_by(|a, b| a.span.cmp(&b.span).then(a.rule.cmp(b.rule)));
    out.findings.dedup();
    out
}

/// The `@type` of an entity (schema.org's context also maps `type` to `@type`).
fn type_of(node: &Node) -> Option<&Node> {
    node.get("@type").or_else(|| node.get("type"))
}

/// Index every object with an `@id` and more than an `@id`, recursively.
fn index_ids<'a>(node: &'a Node, ids: &mut HashMap<String, &'a Node>) {
    match &node.value {
        Value::Object(members) => {
            if let Some(id) = node.get("@id").and_then(Node::as_str) {
                if members.len() > 1 {
                    ids.entry(id.to_string()).or_insert(node);
                }
            }
            for m in members {
                index_ids(&m.value, ids);
            }
        }
        Value::Array(items) => {
            for i in items {
                index_ids(i, ids);
            }
        }
        _ => {}
    }
}

/// The span of a string value without its quotes (the whole span for other values).
#[must_use]
pub fn inner(node: &Node) -> Span {
    if matches!(node.value, Value::String(_)) && node.span.len() >= 2 {
        Span::new(node.span.start + 1, node.span.end - 1)
    } else {
        node.span
    }
}

/// The schema.org term of a type or property name: `schema:X` and `https://schema.org/X` give
/// `X`; terms of other vocabularies (prefixed or absolute) give `None`.
#[must_use]
pub fn schema_term(name: &str) -> Option<&str> {
    for prefix in [
        "schema:",
        "https://schema.org/",
        "http://schema.org/",
        "https://www.schema.org/",
        "http://www.schema.org/",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return Some(rest);
        }
    }
    if name.contains(':') || name.contains('/') || name.contains('#') {
        return None;
    }
    Some(name)
}

/// `https://schema.org` and `http://schema.org` (with or without `/`), the context document, and
/// schema.org's hosted extensions (`https://pending.schema.org`, `http://health-lifesci.schema.org/`).
fn is_schema_context_url(s: &str) -> bool {
    let s = s.trim().trim_end_matches('/');
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or("");
    let path = rest.get(host.len()..).unwrap_or("");
    (host == "schema.org" || host.ends_with(".schema.org"))
        && (path.is_empty()
            || path == "/docs/jsonldcontext.json"
            || path == "/docs/jsonldcontext.jsonld")
}

/// `schema.org` written in a way JSON-LD processors do not resolve.
fn looks_like_schema_org(s: &str) -> bool {
    s.to_ascii_lowercase().contains("schema.org")
}

static DATE: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::rules::regex(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$"));
static DATETIME: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    )
});
static TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(r"^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
});

fn in_range(caps: &regex::Captures<'_>, i: usize, lo: u32, hi: u32) -> bool {
    caps.get(i).is_none_or(|m| {
        m.as_str()
            .parse::<u32>()
            .is_ok_and(|v| (lo..=hi).contains(&v))
    })
}

/// Whether `s` is an ISO 8601 date (`2024-03-05`, also `2024-03` and `2024`).
#[must_use]
pub fn is_iso_date(s: &str) -> bool {
    DATE.captures(s)
        .is_some_and(|c| in_range(&c, 2, 1, 12) && in_range(&c, 3, 1, 31))
}

/// Whether `s` is an ISO 8601 date-time (a date alone is accepted too).
#[must_use]
pub fn is_iso_datetime(s: &str) -> bool {
    DATETIME.captures(s).is_some_and(|c| {
        in_range(&c, 2, 1, 12)
            && in_range(&c, 3, 1, 31)
            && in_range(&c, 4, 0, 24)
            && in_range(&c, 5, 0, 59)
            && in_range(&c, 6, 0, 60)
    })
}

fn is_iso_time(s: &str) -> bool {
    TIME.captures(s)
        .is_some_and(|c| in_range(&c, 1, 0, 24) && in_range(&c, 2, 0, 59) && in_range(&c, 3, 0, 60))
}

fn is_absolute_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && !rest.is_empty()
        && !s.contains(char::is_whitespace)
}

fn is_relative_url(s: &str) -> bool {
    (s.starts_with('/') && !s.starts_with("//")) || s.starts_with("./") || s.starts_with("../")
}

struct Checker<'a, 'o> {
    vocab: &'static Vocabulary,
    src: &'a str,
    ids: HashMap<String, &'a Node>,
    out: &'o mut Analysis,
    /// The block mixes schema.org with other vocabularies: unknown terms are not reported.
    lenient: bool,
}

/// What a property's range accepts.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)]
struct RangeKinds {
    text: bool,
    url: bool,
    number: bool,
    date: bool,
    datetime: bool,
    time: bool,
    boolean: bool,
    entity: bool,
}

impl<'a> Checker<'a, '_> {
    fn push(&mut self, f: Finding) {
        self.out.findings.push(f);
    }

    /// Check the `@context` of a top-level object. `None` when the block uses another vocabulary
    /// (then it is left alone); `Some(true)` when schema.org is mixed with other vocabularies or
    /// term definitions (then unknown terms may be theirs and are not reported).
    fn check_context(&mut self, node: &Node) -> Option<bool> {
        let Some(ctx) = node.get("@context") else {
            let at = node
                .get("@type")
                .map_or(Span::new(node.span.start, node.span.start + 1), inner);
            self.push(
                Finding::new(r::context::Context::ID, "JSON-LD has no `@context`")
                    .at(at)
                    .help("add \"@context\": \"https://schema.org\" so that processors know the vocabulary"),
            );
            return Some(false);
        };
        let mut strings: Vec<&Node> = Vec::new();
        let mut vocab_ok = false;
        let mut terms = false;
        for c in ctx.items() {
            match &c.value {
                Value::String(_) => strings.push(c),
                Value::Object(m) => {
                    terms |= m.iter().any(|m| {
                        !matches!(
                            m.key.as_str(),
                            "@vocab" | "@language" | "@base" | "@version"
                        )
                    });
                    if c.get("@vocab")
                        .and_then(Node::as_str)
                        .is_some_and(is_schema_context_url)
                    {
                        vocab_ok = true;
                    }
                    if c.get("schema")
                        .and_then(Node::as_str)
                        .is_some_and(is_schema_context_url)
                    {
                        vocab_ok = true;
                    }
                }
                _ => {}
            }
        }
        if vocab_ok
            || strings
                .iter()
                .any(|s| s.as_str().is_some_and(is_schema_context_url))
        {
            let others = strings
                .iter()
                .any(|s| !s.as_str().is_some_and(is_schema_context_url));
            return Some(terms || others);
        }
        if let Some(bad) = strings
            .iter()
            .find(|s| s.as_str().is_some_and(looks_like_schema_org))
        {
            let v = bad.as_str().unwrap_or("");
            self.push(
                Finding::new(
                    r::context::Context::ID,
                    format!("`@context` is `{v}`, not a schema.org context"),
                )
                .at(inner(bad))
                .help("write \"@context\": \"https://schema.org\" (http://schema.org works too)"),
            );
            return Some(false);
        }
        if strings.is_empty() && !vocab_ok && ctx.items().iter().all(|c| !c.is_object()) {
            self.push(
                Finding::new(
                    r::context::Context::ID,
                    "`@context` does not name a vocabulary",
                )
                .at(ctx.span)
                .help("write \"@context\": \"https://schema.org\""),
            );
            return Some(false);
        }
        // another vocabulary: not ours to check
        None
    }

    /// The node a `{"@id": …}` reference points to (the node itself otherwise).
    fn resolve(&self, node: &'a Node) -> &'a Node {
        if let Value::Object(m) = &node.value {
            if m.len() == 1 {
                if let Some(id) = node.get("@id").and_then(Node::as_str) {
                    if let Some(target) = self.ids.get(id) {
                        return target;
                    }
                }
            }
        }
        node
    }

    /// Known schema.org types of an entity.
    fn types(&self, node: &Node) -> Vec<&'static str> {
        let Some(t) = type_of(node) else {
            return Vec::new();
        };
        t.items()
            .iter()
            .filter_map(Node::as_str)
            .filter_map(schema_term)
            .filter_map(|n| self.vocab.types.get_key_value(n).map(|(k, _)| *k))
            .collect()
    }

    fn entity(&mut self, node: &'a Node, parent_prop: Option<&str>) {
        let mut known: Vec<&'static str> = Vec::new();
        if let Some(t) = type_of(node) {
            for tn in t.items() {
                let Some(name) = tn.as_str() else {
                    continue;
                };
                let Some(term) = schema_term(name) else {
                    continue;
                };
                if let Some((k, info)) = self.vocab.types.get_key_value(term) {
                    known.push(k);
                    if let Some(new) = info.superseded_by {
                        self.push(
                            Finding::new(
                                r::superseded::Superseded::ID,
                                format!("type `{term}` is superseded by `{new}`"),
                            )
                            .at(inner(tn))
                            .help(format!("use `{new}` instead")),
                        );
                    }
                } else if self.lenient {
                } else if self.vocab.properties.contains_key(term)
                    || self.vocab.members.contains_key(term)
                {
                    self.push(
                        Finding::new(
                            r::unknown_type::UnknownType::ID,
                            format!("`{term}` is not a schema.org type"),
                        )
                        .at(inner(tn))
                        .help("`@type` takes a type such as Article, Person or Organization; this name is a property or an enumeration value"),
                    );
                } else {
                    let help = self.vocab.suggest_type(term).map_or_else(
                        || "use a type from https://schema.org/docs/full.html".to_string(),
                        |s| format!("did you mean `{s}`?"),
                    );
                    self.push(
                        Finding::new(
                            r::unknown_type::UnknownType::ID,
                            format!("unknown schema.org type `{term}`"),
                        )
                        .at(inner(tn))
                        .help(help),
                    );
                }
            }
        }
        let is_role = known.iter().any(|t| self.vocab.is_a(t, "Role"));
        for m in node.members() {
            if m.key.starts_with('@') || m.key == "type" || m.key == "id" {
                continue;
            }
            let Some(term) = schema_term(&m.key) else {
                continue;
            };
            // `query-input` and `name-output`: action annotations of a property
            if let Some(base) = term
                .strip_suffix("-input")
                .or_else(|| term.strip_suffix("-output"))
            {
                if self.vocab.properties.contains_key(base) {
                    continue;
                }
            }
            let key_inner = Span::new(m.key_span.start + 1, m.key_span.end.saturating_sub(1));
            let Some((pname, prop)) = self.vocab.properties.get_key_value(term) else {
                // `answer` on a Question is reported by schema/faq-answer-form
                if self.lenient || (term == "answer" && known.contains(&"Question")) {
                    continue;
                }
                let help = self.vocab.suggest_property(term).map_or_else(
                    || {
                        "use a property from https://schema.org/docs/full.html, or remove it"
                            .to_string()
                    },
                    |s| format!("did you mean `{s}`?"),
                );
                let msg = if self.vocab.types.contains_key(term) {
                    format!("`{term}` is a type, not a property")
                } else {
                    format!("unknown schema.org property `{term}`")
                };
                self.push(
                    Finding::new(r::unknown_property::UnknownProperty::ID, msg)
                        .at(key_inner)
                        .help(help),
                );
                // still look into nested entities
                for item in m.value.items() {
                    if item.is_object() {
                        self.entity(item, None);
                    }
                }
                continue;
            };
            if let Some(new) = prop.superseded_by {
                self.push(
                    Finding::new(
                        r::superseded::Superseded::ID,
                        format!("property `{term}` is superseded by `{new}`"),
                    )
                    .at(key_inner)
                    .help(format!("rename it to `{new}`")),
                );
            }
            let role_self = is_role && parent_prop == Some(term);
            if !known.is_empty() && !role_self && !known.iter().any(|t| self.vocab.allows(t, term))
            {
                let mut domains: Vec<&str> = prop.domains.clone();
                domains.truncate(4);
                let more = if prop.domains.len() > 4 { ", …" } else { "" };
                self.push(
                    Finding::new(
                        r::property_not_for_type::PropertyNotForType::ID,
                        format!(
                            "property `{term}` is not defined for `{}`",
                            known.join("`, `")
                        ),
                    )
                    .at(key_inner)
                    .help(format!(
                        "schema.org defines `{term}` for {}{more}; move it to the right entity or pick a property of this type",
                        domains.join(", ")
                    )),
                );
            }
            self.value(pname, &m.value);
        }
    }

    fn kinds(&self, ranges: &[&'static str]) -> RangeKinds {
        let mut k = RangeKinds::default();
        for r in ranges {
            match *r {
                "Text" | "CssSelectorType" | "XPathType" | "PronounceableText" => k.text = true,
                "URL" => k.url = true,
                "Number" | "Integer" | "Float" => k.number = true,
                "Date" => k.date = true,
                "DateTime" => k.datetime = true,
                "Time" => k.time = true,
                "Boolean" => k.boolean = true,
                other => {
                    if self.vocab.is_data_type(other) {
                        k.text = true;
                    } else {
                        k.entity = true;
                    }
                }
            }
        }
        k
    }

    fn value(&mut self, prop: &'static str, node: &'a Node) {
        let ranges = self
            .vocab
            .properties
            .get(prop)
            .map(|p| p.ranges.clone())
            .unwrap_or_default();
        let k = self.kinds(&ranges);
        let expects = || ranges.join(" or ");
        match &node.value {
            Value::Array(items) => {
                for i in items {
                    self.value(prop, i);
                }
            }
            Value::Null => {}
            Value::Object(members) => {
                if node.get("@value").is_some() {
                    return;
                }
                let only_ref =
                    members.iter().all(|m| m.key.starts_with('@')) && node.get("@type").is_none();
                if only_ref {
                    return;
                }
                if !k.entity && node.get("@type").is_some() {
                    let types = self.types(node);
                    if !types.is_empty() && !types.iter().any(|t| self.vocab.is_data_type(t)) {
                        self.push(
                            Finding::new(
                                r::value_kind::ValueKind::ID,
                                format!("`{prop}` expects {}, found a `{}` entity", expects(), types.join(", ")),
                            )
                            .at(node.get("@type").map_or(node.span, inner))
                            .help(format!("give `{prop}` a plain value, or move the entity to a property that takes it")),
                        );
                    }
                }
                self.entity(node, Some(prop));
            }
            // a plain-text acceptedAnswer is reported by schema/faq-answer-form
            Value::String(_) if prop == "acceptedAnswer" => {}
            Value::String(s) => self.string_value(prop, node, s, &k, &expects()),
            Value::Number(_) => {
                if !(k.number || k.text || ranges.is_empty()) {
                    self.push(
                        Finding::new(
                            r::value_kind::ValueKind::ID,
                            format!("`{prop}` expects {}, found a number", expects()),
                        )
                        .at(node.span)
                        .help(format!("give `{prop}` a value of the expected kind")),
                    );
                }
            }
            Value::Bool(_) => {
                if !(k.boolean || k.text || ranges.is_empty()) {
                    self.push(
                        Finding::new(
                            r::value_kind::ValueKind::ID,
                            format!("`{prop}` expects {}, found true/false", expects()),
                        )
                        .at(node.span)
                        .help(format!("give `{prop}` a value of the expected kind")),
                    );
                }
            }
        }
    }

    fn string_value(&mut self, prop: &str, node: &Node, s: &str, k: &RangeKinds, expects: &str) {
        let s = s.trim();
        let at = inner(node);
        let bad = |msg: String, help: String| {
            Finding::new(r::value_kind::ValueKind::ID, msg)
                .at(at)
                .help(help)
        };
        let relative = is_relative_url(s)
            || (k.url
                && !k.text
                && !is_absolute_url(s)
                && !s.contains(char::is_whitespace)
                && !schema_term(s).is_some_and(|t| self.vocab.members.contains_key(t)));
        if (k.url || k.entity) && relative {
            self.push(
                Finding::new(r::relative_url::RelativeUrl::ID, format!("relative URL `{s}` in `{prop}`"))
                    .at(at)
                    .help("write the full URL with https:// and the host; structured data is often read without the page's base URL"),
            );
            return;
        }
        if k.text || s.is_empty() {
            return;
        }
        if k.date || k.datetime || k.time {
            let ok = (k.date && is_iso_date(s))
                || (k.datetime && is_iso_datetime(s))
                || (k.time && is_iso_time(s))
                || (k.url && is_absolute_url(s))
                || (k.entity && is_absolute_url(s));
            if !ok {
                let fmt = if k.datetime {
                    "2024-03-05 or 2024-03-05T09:30:00+01:00"
                } else if k.date {
                    "2024-03-05"
                } else {
                    "09:30:00"
                };
                self.push(bad(
                    format!(
                        "`{prop}` expects an ISO 8601 {}, found `{s}`",
                        if k.datetime {
                            "date or date-time"
                        } else if k.date {
                            "date"
                        } else {
                            "time"
                        }
                    ),
                    format!("write it as {fmt}"),
                ));
            }
            return;
        }
        if k.number && !k.entity && !k.url {
            let help = "write the number without quotes, with a dot for decimals".to_string();
            if s.parse::<f64>().is_ok() {
                // schema.org and Google accept numbers in quotes: a note, not a warning
                self.push(
                    bad(
                        format!("`{prop}` expects a Number, found the text \"{s}\""),
                        help,
                    )
                    .level(crate::diagnostic::Level::Info),
                );
            } else {
                self.push(bad(format!("`{prop}` expects a Number, found `{s}`"), help));
            }
            return;
        }
        if k.boolean && !k.entity && !k.url {
            let ok = matches!(
                s.to_ascii_lowercase().as_str(),
                "true"
                    | "false"
                    | "https://schema.org/true"
                    | "https://schema.org/false"
                    | "http://schema.org/true"
                    | "http://schema.org/false"
            );
            if !ok {
                self.push(bad(
                    format!("`{prop}` expects a Boolean, found `{s}`"),
                    "write true or false".into(),
                ));
            }
            return;
        }
        if k.url && !k.entity {
            if !is_absolute_url(s) {
                self.push(bad(
                    format!("`{prop}` expects a URL, found `{s}`"),
                    "write a full URL such as https://www.example.nl/pagina/".into(),
                ));
            }
            return;
        }
        if k.entity && !k.url && !is_absolute_url(s) {
            let member = schema_term(s).is_some_and(|t| self.vocab.members.contains_key(t));
            if !member {
                self.push(
                    bad(
                        format!("`{prop}` expects {expects}, found the text `{}`", truncate(s, 40)),
                        format!("give `{prop}` an object with \"@type\" (e.g. {{\"@type\": \"{}\", \"name\": …}}) or an @id reference", expects.split(" or ").next().unwrap_or("Thing")),
                    )
                    .level(crate::diagnostic::Level::Info),
                );
            }
        }
    }

    /// FAQPage checks and the questions it holds.
    fn faq(&mut self, node: &'a Node) {
        if !self.types(node).contains(&"FAQPage") {
            return;
        }
        self.out.faq_pages += 1;
        if self.out.faq_pages > 1 {
            self.push(
                Finding::new(
                    r::faq_multiple::FaqMultiple::ID,
                    "page has more than one FAQPage",
                )
                .at(node.get("@type").map_or(node.span, inner))
                .help("put all questions in one FAQPage; Google reads only one per page"),
            );
        }
        let Some(main) = node.get("mainEntity") else {
            return;
        };
        for q in main.items() {
            let q = self.resolve(q);
            if !q.is_object() {
                continue;
            }
            let name = q.get("name").or_else(|| q.get("text"));
            let question = name.and_then(Node::as_str).unwrap_or("").to_string();
            let question_span = name.map_or(q.span, inner);
            let mut answer = None;
            let mut answer_span = None;
            match (q.member("acceptedAnswer"), q.member("answer")) {
                (None, Some(m)) => {
                    self.push(
                        Finding::new(r::faq_answer_form::FaqAnswerForm::ID, "question uses `answer` instead of `acceptedAnswer`")
                            .at(Span::new(m.key_span.start + 1, m.key_span.end.saturating_sub(1)))
                            .help("rename the key to `acceptedAnswer`: Google's FAQ markup reads only acceptedAnswer"),
                    );
                }
                (None, None) => {}
                (Some(m), _) => {
                    for a in m.value.items() {
                        let a = self.resolve(a);
                        match &a.value {
                            Value::String(s) => {
                                self.push(
                                    Finding::new(r::faq_answer_form::FaqAnswerForm::ID, "`acceptedAnswer` is plain text, not an Answer object")
                                        .at(inner(a))
                                        .help("write \"acceptedAnswer\": {\"@type\": \"Answer\", \"text\": \"…\"}"),
                                );
                                answer.get_or_insert_with(|| s.clone());
                                answer_span.get_or_insert(inner(a));
                            }
                            Value::Object(_) => {
                                let text = a.get("text");
                                let t = text.and_then(Node::as_str).unwrap_or("");
                                if text::strip_html(t).trim().is_empty() {
                                    self.push(
                                        Finding::new(r::faq_empty_answer::FaqEmptyAnswer::ID, format!("the answer to \"{}\" is empty", truncate(&question, 60)))
                                            .at(text.map_or(a.span, inner))
                                            .help("write the answer in `text`, the same answer that is visible on the page"),
                                    );
                                } else if let Some(tag) = text::disallowed_tag(t) {
                                    self.push(
                                        Finding::new(r::faq_answer_html::FaqAnswerHtml::ID, format!("answer text contains the HTML tag `<{tag}>`, which Google ignores"))
                                            .maybe_at(text.map(inner))
                                            .help("answers may use only <h1>–<h6>, <br>, <ol>, <ul>, <li>, <a>, <p>, <div>, <b>, <strong>, <i> and <em>"),
                                    );
                                }
                                if answer.is_none() {
                                    answer = Some(t.to_string());
                                    answer_span = Some(text.map_or(a.span, inner));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            if !question.is_empty() {
                self.out.questions.push(SchemaQuestion {
                    question,
                    question_span,
                    answer,
                    answer_span,
                });
            }
        }
    }

    /// Validate an entity against a rich-result profile.
    fn profile(&mut self, node: &'a Node, p: &Profile) {
        let mut visiting = HashSet::new();
        let instance = self.to_serde(node, 0, &mut visiting);
        let ty = self
            .types(node)
            .first()
            .copied()
            .unwrap_or("entity")
            .to_string();
        if let Some(note) = &p.note {
            self.push(
                Finding::new(
                    r::rich_result_display::RichResultDisplay::ID,
                    format!("{} markup: {note}", p.name),
                )
                .at(node.get("@type").map_or(node.span, inner))
                .help(p.docs.clone().map_or_else(
                    || "keep the markup if it matches the page".to_string(),
                    |d| format!("keep the markup if it matches the page; see {d}"),
                )),
            );
        }
        let faq_spans: Vec<Span> = self
            .out
            .findings
            .iter()
            .filter(|f| {
                f.rule == r::faq_answer_form::FaqAnswerForm::ID
                    || f.rule == r::faq_empty_answer::FaqEmptyAnswer::ID
            })
            .filter_map(|f| f.span)
            .collect();
        let mut found = Vec::new();
        for e in p.validator.iter_errors(&instance) {
            let recommended = profiles::is_recommended(&e.evaluation_path().to_string());
            let rule = if recommended {
                r::google_recommended::GoogleRecommended::ID
            } else {
                r::google_required::GoogleRequired::ID
            };
            let ipath = e.instance_path().to_string();
            let target = self.locate(node, &ipath);
            let what = if recommended {
                "recommended"
            } else {
                "required"
            };
            let (msg, span) =
                if let jsonschema::error::ValidationErrorKind::Required { property } = e.kind() {
                    let prop = property.as_str().unwrap_or("?");
                    let owner = self
                        .types(target)
                        .first()
                        .copied()
                        .map_or_else(|| ty.clone(), str::to_string);
                    (
                        format!(
                            "`{owner}` is missing `{prop}`, {what} for Google's {} rich result",
                            p.name
                        ),
                        target
                            .get("@type")
                            .map_or(Span::new(target.span.start, target.span.start + 1), inner),
                    )
                } else {
                    let desc = profiles::description(&p.schema, &e.schema_path().to_string())
                        .unwrap_or_else(|| e.to_string());
                    (format!("{desc} ({} rich result)", p.name), inner(target))
                };
            if faq_spans
                .iter()
                .any(|s| target.span.contains(*s) || s.contains(target.span))
            {
                continue;
            }
            let help = p.docs.clone().map_or_else(
                || format!("add or fix the property as the {} profile asks", p.name),
                |d| format!("see {d}"),
            );
            found.push(Finding::new(rule, msg).at(span).help(help));
        }
        self.out.findings.extend(found);
        if p.types.iter().any(|t| t == "LocalBusiness") {
            self.geo_decimals(node);
        }
    }

    /// LocalBusiness `geo`: latitude and longitude need at least five decimals.
    fn geo_decimals(&mut self, node: &'a Node) {
        let Some(geo) = node.get("geo").map(|g| self.resolve(g)) else {
            return;
        };
        for key in ["latitude", "longitude"] {
            let Some(v) = geo.get(key) else { continue };
            let raw = match &v.value {
                Value::Number(n) => n.as_str(),
                Value::String(s) => s.as_str(),
                _ => continue,
            };
            let decimals = raw.split_once('.').map_or(0, |(_, d)| {
                d.chars().take_while(char::is_ascii_digit).count()
            });
            if decimals < 5 {
                self.push(
                    Finding::new(r::google_recommended::GoogleRecommended::ID, format!("`{key}` has {decimals} decimals; Google asks for at least 5 (LocalBusiness rich result)"))
                        .at(inner(v))
                        .help("give the coordinate with five or more decimals, e.g. 52.37403"),
                );
            }
        }
    }

    /// The node at `ptr` inside `node`, following `@id` references like `to_serde` inlines them.
    fn locate(&self, node: &'a Node, ptr: &str) -> &'a Node {
        let mut cur = self.resolve(node);
        if ptr.is_empty() {
            return cur;
        }
        for raw in ptr.trim_start_matches('/').split('/') {
            let seg = raw.replace("~1", "/").replace("~0", "~");
            let next = match &cur.value {
                Value::Object(_) => cur.get(&seg),
                Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            };
            match next {
                Some(n) => cur = self.resolve(n),
                None => break,
            }
        }
        cur
    }

    /// JSON for the validator, with `{"@id": …}` references replaced by the entity they name.
    fn to_serde(
        &self,
        node: &'a Node,
        depth: usize,
        visiting: &mut HashSet<Span>,
    ) -> serde_json::Value {
        use serde_json::Value as J;
        let target = self.resolve(node);
        if target.span != node.span && (depth > 4 || visiting.contains(&target.span)) {
            return node.to_serde();
        }
        let entered = visiting.insert(target.span);
        let v = match &target.value {
            Value::Object(m) => J::Object(
                m.iter()
                    .map(|m| (m.key.clone(), self.to_serde(&m.value, depth + 1, visiting)))
                    .collect(),
            ),
            Value::Array(a) => J::Array(
                a.iter()
                    .map(|i| self.to_serde(i, depth + 1, visiting))
                    .collect(),
            ),
            _ => target.to_serde(),
        };
        if entered {
            visiting.remove(&target.span);
        }
        let _ = self.src;
        v
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::doc;

    fn page(json: &str) -> String {
        format!("<html><head><script type=\"application/ld+json\">{json}</script></head><body><h1>T</h1></body></html>")
    }

    /// `(rule, source text under the span, message)` of every finding.
    fn found(src: &str) -> Vec<(&'static str, String, String)> {
        let a = run(&doc("a.html", src), &[]);
        a.findings
            .iter()
            .map(|f| {
                let at = f.span.and_then(|s| src.get(s.start..s.end)).unwrap_or("");
                (f.rule, at.to_string(), f.message.clone())
            })
            .collect()
    }

    #[test]
    fn fenced_code_is_not_markup() {
        let md = "# T\n\n```html\n<script type=\"application/ld+json\">{\"@type\": \"Queston\"}</script>\n```\n";
        let d = doc("a.md", md);
        assert!(d.jsonld.is_empty());
        let md = "# T\n\n<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Queston\"}</script>\n";
        let a = run(&doc("a.md", md), &[]);
        assert_eq!(a.findings.len(), 1);
        assert_eq!(a.findings[0].rule, "schema/unknown-type");
    }

    #[test]
    fn graph_and_id_references_are_followed() {
        let src = page(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"BlogPosting","headline":"H","image":"https://x.example/a.png","datePublished":"2024-03-05","dateModified":"2024-03-06","author":{"@id":"#anne"}},
              {"@type":"Person","@id":"#anne","name":"Anne","url":"https://x.example/anne","jobTitel":"schrijver"}]}"##,
        );
        let f = found(&src);
        // the author reference resolves to a Person with name and url: no Article finding;
        // the Person in the graph is checked as its own type
        assert_eq!(
            f,
            [(
                "schema/unknown-property",
                "jobTitel".to_string(),
                "unknown schema.org property `jobTitel`".to_string()
            )]
        );
    }

    #[test]
    fn article_author_must_be_one_person() {
        let src = page(
            r#"{"@context":"https://schema.org","@type":"Article","headline":"H","image":"https://x.example/a.png","datePublished":"2024-03-05","dateModified":"2024-03-06","author":{"@type":"Person","name":"Anne en Joris","url":"https://x.example/team"}}"#,
        );
        let f = found(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "schema/google-required");
        assert_eq!(f[0].1, "Anne en Joris");
        assert!(f[0].2.starts_with("author name must name one person"));
    }

    #[test]
    fn breadcrumbs_need_two_items_numbered_from_one() {
        let src = page(
            r#"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[
              {"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"},
              {"@type":"ListItem","position":3,"name":"Blog","item":"https://x.example/blog/"}]}"#,
        );
        let f = found(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), ("schema/google-required", "3"));
        assert!(f[0].2.starts_with("ListItem positions must run 1, 2, 3"));
        let one = page(
            r#"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"}]}"#,
        );
        assert!(found(&one)[0]
            .2
            .starts_with("a breadcrumb trail needs at least two ListItems"));
    }

    #[test]
    fn local_business_address_phone_and_price_range() {
        let src = page(
            r#"{"@context":"https://schema.org","@type":"Dentist","name":"Tandarts Zuid","url":"https://x.example/","telephone":"+31 20 123 4567",
               "geo":{"@type":"GeoCoordinates","latitude":52.370216,"longitude":4.895168},"openingHoursSpecification":[],
               "priceRange":"€€","logo":"https://x.example/l.png","sameAs":["https://x.example/fb"]}"#,
        );
        let f = found(&src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].2,
            "`Dentist` is missing `address`, required for Google's LocalBusiness rich result"
        );
    }

    #[test]
    fn context_variants() {
        for ctx in [
            "\"http://schema.org\"",
            "\"https://schema.org/\"",
            "{\"@vocab\":\"https://schema.org/\"}",
            "[\"https://schema.org\",{\"ex\":\"https://example.org/\"}]",
        ] {
            let src = page(&format!(
                r#"{{"@context":{ctx},"@type":"Person","name":"A","url":"https://x.example/a"}}"#
            ));
            assert_eq!(found(&src), [], "{ctx}");
        }
        let src = page(r#"{"@context":"https://www.w3.org/ns/activitystreams","type":"Note"}"#);
        assert_eq!(found(&src), [], "another vocabulary is left alone");
        let src = page(
            r#"{"@context":"schema.org","@type":"Person","name":"A","url":"https://x.example/a"}"#,
        );
        assert_eq!(
            found(&src)[0].2,
            "`@context` is `schema.org`, not a schema.org context"
        );
    }

    #[test]
    fn value_kinds() {
        let src = page(
            r#"{"@context":"https://schema.org","@type":"Event","name":"E","startDate":"2024-13-01","location":{"@type":"Place","address":"Utrecht"},
               "maximumAttendeeCapacity":"veel","isAccessibleForFree":"misschien","url":"geen url"}"#,
        );
        let kinds: Vec<String> = found(&src)
            .into_iter()
            .filter(|f| f.0 == "schema/value-kind")
            .map(|f| f.2)
            .collect();
        assert_eq!(
            kinds,
            [
                "`startDate` expects an ISO 8601 date or date-time, found `2024-13-01`",
                "`maximumAttendeeCapacity` expects a Number, found `veel`",
                "`isAccessibleForFree` expects a Boolean, found `misschien`",
                "`url` expects a URL, found `geen url`",
            ]
        );
        assert!(is_iso_datetime("2024-03-05T09:30:00+01:00"));
        assert!(is_iso_date("2024-03"));
        assert!(!is_iso_date("05-03-2024"));
    }

    #[test]
    fn templates_are_skipped() {
        let src = page(
            r#"{"@context":"https://schema.org","@type":"Article","headline":{{ .Title | jsonify }}}"#,
        );
        assert_eq!(found(&src), []);
    }

    #[test]
    fn analysis_is_cached_per_document() {
        let d = doc(
            "a.html",
            &page(r#"{"@context":"https://schema.org","@type":"Queston"}"#),
        );
        let a = analyze(&d, &[]);
        let b = analyze(&d, &[]);
        assert!(Rc::ptr_eq(&a, &b));
        let other = doc(
            "a.html",
            &page(r#"{"@context":"https://schema.org","@type":"Persn"}"#),
        );
        assert!(!Rc::ptr_eq(&a, &analyze(&other, &[])));
    }
}
