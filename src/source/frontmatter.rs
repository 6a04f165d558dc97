//! YAML (`---`) and TOML (`+++`) front matter with the byte span of every key and value.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

use crate::span::Span;

/// Which syntax the front matter uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FmFormat {
    Yaml,
    Toml,
}

/// A front matter value.
#[derive(Clone, Debug, PartialEq)]
pub enum FmValue {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    /// A TOML date/time literal (kept as written), or never produced for YAML (YAML dates are
    /// plain strings).
    Datetime(String),
    Seq(Vec<FmNode>),
    Map(Vec<FmEntry>),
}

/// A value with the span of its source text (for strings: the scalar including quotes).
#[derive(Clone, Debug, PartialEq)]
pub struct FmNode {
    pub value: FmValue,
    pub span: Span,
}

/// A key of a mapping with its span, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct FmEntry {
    pub key: String,
    pub key_span: Span,
    pub value: FmNode,
}

/// Parsed front matter.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    pub format: FmFormat,
    /// The whole block including both fences.
    pub span: Span,
    /// The text between the fences.
    pub inner: Span,
    pub root: FmNode,
}

/// A front matter that could not be parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct FmError {
    pub format: FmFormat,
    pub message: String,
    /// Where the parser stopped (a point or a range in the file).
    pub span: Span,
    /// The whole block (or up to the end of the file when unterminated).
    pub block: Span,
}

/// Result of looking for front matter at the start of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// The file has no front matter; the body starts at 0.
    None,
    Ok(FrontMatter),
    Err(FmError),
}

impl Parsed {
    /// Byte offset where the body starts.
    #[must_use]
    pub fn body_start(&self) -> usize {
        match self {
            Parsed::None => 0,
            Parsed::Ok(fm) => fm.span.end,
            Parsed::Err(e) => e.block.end,
        }
    }
}

impl FmNode {
    /// Look up a dotted path (`seo.metaTitle`) through nested maps.
    #[must_use]
    pub fn get_path(&self, dotted: &str) -> Option<&FmNode> {
        let mut node = self;
        for part in dotted.split('.') {
            node = node.get(part)?;
        }
        Some(node)
    }

    /// The value of `key` when this node is a map.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&FmNode> {
        match &self.value {
            FmValue::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The entry (with key span) of `key` when this node is a map.
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&FmEntry> {
        match &self.value {
            FmValue::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// String content of a string or datetime scalar.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            FmValue::String(s) | FmValue::Datetime(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar rendered as text (strings, numbers, booleans, dates).
    #[must_use]
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            FmValue::String(s) | FmValue::Datetime(s) => Some(s.clone()),
            FmValue::Integer(i) => Some(i.to_string()),
            FmValue::Float(f) => Some(f.to_string()),
            FmValue::Bool(b) => Some(b.to_string()),
            FmValue::Null | FmValue::Seq(_) | FmValue::Map(_) => None,
        }
    }

    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            FmValue::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// A short name of the value's type for messages ("string", "list", ...).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self.value {
            FmValue::Null => "null",
            FmValue::Bool(_) => "boolean",
            FmValue::Integer(_) => "integer",
            FmValue::Float(_) => "number",
            FmValue::String(_) => "string",
            FmValue::Datetime(_) => "date",
            FmValue::Seq(_) => "list",
            FmValue::Map(_) => "map",
        }
    }
}

/// Most values (including those produced by expanding aliases) one front matter may hold.
const MAX_NODES: usize = 100_000;
/// Deepest nesting of maps and lists one front matter may have.
const MAX_DEPTH: usize = 64;

/// Find and parse front matter at the start of `source`.
#[must_use]
pub fn parse(source: &str) -> Parsed {
    let fence = match find_fences(source) {
        None => return Parsed::None,
        Some(Err(e)) => return Parsed::Err(e),
        Some(Ok(f)) => f,
    };
    let inner_text = source.get(fence.inner.start..fence.inner.end).unwrap_or("");
    let root = match fence.format {
        FmFormat::Yaml => parse_yaml(inner_text, fence.inner.start),
        FmFormat::Toml => parse_toml(inner_text, fence.inner.start),
    };
    match root {
        Ok(root) => Parsed::Ok(FrontMatter {
            format: fence.format,
            span: fence.block,
            inner: fence.inner,
            root,
        }),
        Err(e) => Parsed::Err(FmError {
            format: fence.format,
            message: e.message,
            span: e.span,
            block: fence.block,
        }),
    }
}

/// The fences of a front matter block.
struct Fences {
    format: FmFormat,
    block: Span,
    inner: Span,
}

/// An error found while parsing the content between the fences (spans are file offsets).
struct InnerError {
    message: String,
    span: Span,
}

impl InnerError {
    fn new(message: impl Into<String>, span: Span) -> Self {
        Self {
            message: message.into(),
            span,
        }
    }
}

/// The line starting at `start`: the end of its text (before `\n`) and the start of the next.
fn line_at(source: &str, start: usize) -> (usize, usize) {
    match source.get(start..).and_then(|rest| rest.find('\n')) {
        Some(i) => (start + i, start + i + 1),
        None => (source.len(), source.len()),
    }
}

/// The text of a line without trailing blanks and `\r`.
fn fence_text(source: &str, start: usize, end: usize) -> &str {
    source
        .get(start..end)
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '\r'])
}

fn find_fences(source: &str) -> Option<Result<Fences, FmError>> {
    let bom = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let (open_end, inner_start) = line_at(source, bom);
    let (format, fence) = match fence_text(source, bom, open_end) {
        "---" => (FmFormat::Yaml, "---"),
        "+++" => (FmFormat::Toml, "+++"),
        _ => return None,
    };
    let mut pos = inner_start;
    while pos < source.len() {
        let (end, next) = line_at(source, pos);
        let text = fence_text(source, pos, end);
        let closes = match format {
            FmFormat::Yaml => text == "---" || text == "...",
            FmFormat::Toml => text == "+++",
        };
        if closes {
            return Some(Ok(Fences {
                format,
                block: Span::new(bom, next),
                inner: Span::new(inner_start, pos),
            }));
        }
        pos = next;
    }
    Some(Err(FmError {
        format,
        message: format!("front matter opened with `{fence}` on line 1 is never closed"),
        span: Span::new(bom, bom + fence.len()),
        block: Span::new(0, source.len()),
    }))
}

// ---------------------------------------------------------------------------------------------
// YAML

/// A finished node with what its parent needs to know about it.
#[derive(Clone)]
struct Built {
    node: FmNode,
    /// Nodes in this subtree, itself included.
    count: usize,
    /// Levels of this subtree (a scalar is 1).
    height: usize,
    /// The text of a scalar as parsed (before type resolution), used when it is a key.
    raw: Option<String>,
    /// Whether this is the plain scalar `<<` (a merge key).
    merge_key: bool,
}

/// A map or list being built.
struct Frame {
    is_map: bool,
    anchor: usize,
    /// Where the `[` or `{` of a flow collection is.
    open_bracket: Option<usize>,
    /// Where the collection starts when it has no children.
    fallback: usize,
    first_start: Option<usize>,
    last_end: usize,
    items: Vec<FmNode>,
    entries: Vec<FmEntry>,
    keys: HashSet<String>,
    pending_key: Option<(String, Span, bool)>,
    merges: Vec<FmNode>,
    count: usize,
    height: usize,
}

struct YamlBuilder<'a> {
    inner: &'a str,
    base: usize,
    /// Byte offset in `inner` of every char index (plus one past the end).
    offsets: Vec<usize>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Built>,
    nodes: usize,
    root: Option<FmNode>,
    /// End (byte offset in `inner`) of the previous event.
    prev_end: usize,
    /// Whether an alias has been expanded (for the message when the budget runs out).
    expanded: bool,
}

fn parse_yaml(inner: &str, base: usize) -> Result<FmNode, InnerError> {
    let mut offsets: Vec<usize> = inner.char_indices().map(|(i, _)| i).collect();
    offsets.push(inner.len());
    let mut b = YamlBuilder {
        inner,
        base,
        offsets,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
        prev_end: 0,
        expanded: false,
    };
    b.run()?;
    let whole = Span::new(base, base + inner.len());
    match b.root {
        None => Ok(FmNode {
            value: FmValue::Map(Vec::new()),
            span: whole,
        }),
        Some(node) => match node.value {
            FmValue::Map(_) => Ok(node),
            FmValue::Null => Ok(FmNode {
                value: FmValue::Map(Vec::new()),
                span: whole,
            }),
            _ => Err(InnerError::new(
                "front matter must be a map of keys to values",
                node.span,
            )),
        },
    }
}

impl YamlBuilder<'_> {
    /// Byte offset in `inner` of a char index.
    fn rel(&self, char_index: usize) -> usize {
        self.offsets
            .get(char_index)
            .copied()
            .unwrap_or(self.inner.len())
    }

    fn abs(&self, rel: usize) -> usize {
        self.base + rel
    }

    fn point(&self, rel: usize) -> Span {
        Span::new(self.abs(rel), self.abs(rel))
    }

    fn byte_at(&self, rel: usize) -> Option<u8> {
        self.inner.as_bytes().get(rel).copied()
    }

    fn run(&mut self) -> Result<(), InnerError> {
        let mut parser = Parser::new_from_str(self.inner);
        let mut documents = 0usize;
        while let Some(next) = parser.next_event() {
            let (event, yspan) = match next {
                Ok(ok) => ok,
                Err(e) => {
                    let at = self.rel(e.marker().index());
                    return Err(InnerError::new(e.info().to_string(), self.point(at)));
                }
            };
            let start = self.rel(yspan.start.index());
            let end = self.rel(yspan.end.index()).max(start);
            match event {
                Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return Err(InnerError::new(
                            "front matter must hold a single YAML document",
                            Span::new(self.abs(start), self.abs(end)),
                        ));
                    }
                }
                Event::Scalar(value, style, anchor, tag) => {
                    self.count_nodes(1, false, start)?;
                    let built = self.scalar(&value, style, tag.as_deref(), start, end);
                    self.finish(built, anchor)?;
                }
                Event::Alias(id) => {
                    let Some((count, height)) = self.anchors.get(&id).map(|a| (a.count, a.height))
                    else {
                        return Err(InnerError::new(
                            "alias refers to an unknown anchor",
                            Span::new(self.abs(start), self.abs(end)),
                        ));
                    };
                    self.count_nodes(count, true, start)?;
                    self.expanded = true;
                    // `height` counts the scalars at the bottom; only collections nest.
                    if self.stack.len() + height.saturating_sub(1) > MAX_DEPTH {
                        return Err(InnerError::new(
                            "front matter is too deeply nested",
                            self.point(start),
                        ));
                    }
                    let Some(mut built) = self.anchors.get(&id).cloned() else {
                        return Ok(());
                    };
                    built.node.span = Span::new(self.abs(start), self.abs(end));
                    built.merge_key = false;
                    if built.raw.is_none() {
                        built.raw = built.node.scalar_text();
                    }
                    self.finish(built, 0)?;
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                    let is_map = matches!(event, Event::MappingStart(..));
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(InnerError::new(
                            "front matter is too deeply nested",
                            self.point(start),
                        ));
                    }
                    self.count_nodes(1, false, start)?;
                    let bracket = if is_map { b'{' } else { b'[' };
                    let open_bracket =
                        (end > start && end > 0 && self.byte_at(end - 1) == Some(bracket))
                            .then(|| self.abs(end - 1));
                    let fallback = self.abs(self.skip_properties(start, end));
                    self.stack.push(Frame {
                        is_map,
                        anchor,
                        open_bracket,
                        fallback,
                        first_start: None,
                        last_end: fallback,
                        items: Vec::new(),
                        entries: Vec::new(),
                        keys: HashSet::new(),
                        pending_key: None,
                        merges: Vec::new(),
                        count: 1,
                        height: 1,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(frame) = self.stack.pop() else {
                        return Err(InnerError::new(
                            "unbalanced YAML collection",
                            self.point(start),
                        ));
                    };
                    let built = self.close(frame, start, end);
                    let anchor = built.1;
                    self.finish(built.0, anchor)?;
                }
            }
            self.prev_end = end;
        }
        Ok(())
    }

    fn count_nodes(&mut self, n: usize, alias: bool, at: usize) -> Result<(), InnerError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            self.expanded |= alias;
            let message = if self.expanded {
                format!("front matter expands aliases beyond {MAX_NODES} nodes (alias bomb?)")
            } else {
                format!("front matter has more than {MAX_NODES} values")
            };
            return Err(InnerError::new(message, self.point(at)));
        }
        Ok(())
    }

    /// Skip anchors (`&a`), tags (`!!str`) and comments before a node's content.
    fn skip_properties(&self, start: usize, end: usize) -> usize {
        let bytes = self.inner.as_bytes();
        let mut pos = start;
        loop {
            match bytes.get(pos) {
                Some(b'&' | b'!') if pos < end => {
                    while pos < end && bytes.get(pos).is_some_and(|c| !c.is_ascii_whitespace()) {
                        pos += 1;
                    }
                    while pos < end && bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
                        pos += 1;
                    }
                }
                Some(b'#') if pos < end && pos > start => {
                    while pos < end && bytes.get(pos).is_some_and(|&c| c != b'\n') {
                        pos += 1;
                    }
                    while pos < end && bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
                        pos += 1;
                    }
                }
                _ => return pos,
            }
        }
    }

    /// Where the `|` or `>` of a block scalar whose content starts at `content` is.
    fn block_indicator(&self, content: usize) -> Option<usize> {
        let bytes = self.inner.as_bytes();
        let mut pos = self.prev_end.min(content);
        while pos < content {
            match bytes.get(pos)? {
                b'|' | b'>' => return Some(pos),
                b'#' => {
                    while pos < content && bytes.get(pos).is_some_and(|&c| c != b'\n') {
                        pos += 1;
                    }
                }
                b'&' | b'!' => {
                    while pos < content && bytes.get(pos).is_some_and(|c| !c.is_ascii_whitespace())
                    {
                        pos += 1;
                    }
                }
                _ => pos += 1,
            }
        }
        None
    }

    fn scalar(
        &self,
        value: &str,
        style: ScalarStyle,
        tag: Option<&Tag>,
        start: usize,
        end: usize,
    ) -> Built {
        let (s, e) = match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let content_len = self.inner.get(start..end).map_or(0, |t| t.trim_end().len());
                let content_end = if content_len == 0 {
                    0
                } else {
                    start + content_len
                };
                match self.block_indicator(start) {
                    Some(ind) => {
                        let header = self.inner.get(ind + 1..).map_or(0, |t| {
                            t.bytes()
                                .take_while(|c| matches!(c, b'-' | b'+' | b'0'..=b'9'))
                                .count()
                        });
                        (ind, content_end.max(ind + 1 + header))
                    }
                    None => (start, content_end),
                }
            }
            _ => (self.skip_properties(start, end), end),
        };
        let span = Span::new(self.abs(s), self.abs(e.max(s)));
        let plain = matches!(style, ScalarStyle::Plain);
        let value_kind = match tag {
            Some(t) if t.is_yaml_core_schema() && t.suffix == "str" => {
                FmValue::String(value.into())
            }
            Some(t) if t.handle == "!" && t.suffix.is_empty() => FmValue::String(value.into()),
            _ if plain => resolve_plain(value),
            _ => FmValue::String(value.into()),
        };
        Built {
            node: FmNode {
                value: value_kind,
                span,
            },
            count: 1,
            height: 1,
            raw: Some(value.to_string()),
            merge_key: plain && tag.is_none() && value == "<<",
        }
    }

    fn close(&self, mut frame: Frame, start: usize, end: usize) -> (Built, usize) {
        let span = match (frame.open_bracket, end > start) {
            (Some(open), true) => Span::new(open, self.abs(end)),
            _ => match frame.first_start {
                Some(first) => Span::new(first, frame.last_end.max(first)),
                None => Span::new(frame.fallback, frame.fallback),
            },
        };
        let value = if frame.is_map {
            if let Some((key, key_span, _)) = frame.pending_key.take() {
                // A key without a value (should not happen: the parser emits an empty scalar).
                if frame.keys.insert(key.clone()) {
                    frame.entries.push(FmEntry {
                        key,
                        key_span,
                        value: FmNode {
                            value: FmValue::Null,
                            span: Span::new(key_span.end, key_span.end),
                        },
                    });
                }
            }
            for merged in std::mem::take(&mut frame.merges) {
                let maps: Vec<FmNode> = match merged.value {
                    FmValue::Map(_) => vec![merged],
                    FmValue::Seq(items) => items,
                    _ => Vec::new(),
                };
                for map in maps {
                    if let FmValue::Map(entries) = map.value {
                        for entry in entries {
                            if frame.keys.insert(entry.key.clone()) {
                                frame.entries.push(entry);
                            }
                        }
                    }
                }
            }
            FmValue::Map(frame.entries)
        } else {
            FmValue::Seq(frame.items)
        };
        (
            Built {
                node: FmNode { value, span },
                count: frame.count,
                height: frame.height,
                raw: None,
                merge_key: false,
            },
            frame.anchor,
        )
    }

    /// Place a finished node in its parent (or make it the root).
    fn finish(&mut self, built: Built, anchor: usize) -> Result<(), InnerError> {
        if anchor != 0 {
            self.count_nodes(
                built.count,
                false,
                built.node.span.start.saturating_sub(self.base),
            )?;
            self.anchors.insert(anchor, built.clone());
        }
        let Some(frame) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(built.node);
            }
            return Ok(());
        };
        frame.count = frame.count.saturating_add(built.count);
        frame.height = frame.height.max(built.height + 1);
        let span = built.node.span;
        if frame.first_start.is_none() {
            frame.first_start = Some(span.start);
        }
        frame.last_end = frame.last_end.max(span.end);
        if !frame.is_map {
            frame.items.push(built.node);
            return Ok(());
        }
        match frame.pending_key.take() {
            None => {
                let key = if let Some(raw) = built.raw {
                    raw
                } else {
                    let rel = Span::new(
                        span.start.saturating_sub(self.base),
                        span.end.saturating_sub(self.base),
                    );
                    self.inner.get(rel.start..rel.end).unwrap_or("").to_string()
                };
                frame.pending_key = Some((key, span, built.merge_key));
            }
            Some((key, key_span, merge)) => {
                if merge {
                    frame.merges.push(built.node);
                } else if frame.keys.insert(key.clone()) {
                    frame.entries.push(FmEntry {
                        key,
                        key_span,
                        value: built.node,
                    });
                }
            }
        }
        Ok(())
    }
}

/// Resolve a plain scalar per the YAML 1.2 core schema.
fn resolve_plain(text: &str) -> FmValue {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return FmValue::Null,
        "true" | "True" | "TRUE" => return FmValue::Bool(true),
        "false" | "False" | "FALSE" => return FmValue::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return FmValue::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return FmValue::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return FmValue::Float(f64::NAN),
        _ => {}
    }
    let (radix, digits) = if let Some(hex) = text.strip_prefix("0x") {
        (16, hex)
    } else if let Some(oct) = text.strip_prefix("0o") {
        (8, oct)
    } else {
        (10, "")
    };
    if radix != 10 {
        if !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)) {
            if let Ok(i) = i64::from_str_radix(digits, radix) {
                return FmValue::Integer(i);
            }
        }
        return FmValue::String(text.to_string());
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !unsigned.is_empty() && unsigned.bytes().all(|c| c.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return FmValue::Integer(i);
        }
        if let Ok(f) = text.parse::<f64>() {
            return FmValue::Float(f);
        }
    }
    if is_core_float(unsigned) {
        if let Ok(f) = text.parse::<f64>() {
            return FmValue::Float(f);
        }
    }
    FmValue::String(text.to_string())
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (the sign already stripped).
fn is_core_float(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let int_digits = bytes.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = bytes
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = bytes
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == bytes.len()
}

// ---------------------------------------------------------------------------------------------
// TOML

fn parse_toml(inner: &str, base: usize) -> Result<FmNode, InnerError> {
    let clamp = |r: std::ops::Range<usize>| -> Span {
        let mut start = r.start.min(inner.len());
        while start > 0 && !inner.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = r.end.clamp(start, inner.len());
        while end < inner.len() && !inner.is_char_boundary(end) {
            end += 1;
        }
        Span::new(base + start, base + end)
    };
    let table = toml::de::DeTable::parse(inner).map_err(|e| {
        let span = e.span().map_or(Span::new(base, base), clamp);
        InnerError::new(e.message().trim_end().to_string(), span)
    })?;
    let mut ctx = TomlCtx {
        inner,
        base,
        nodes: 0,
        clamp: &clamp,
    };
    let whole = Span::new(base, base + inner.len());
    ctx.table(table.get_ref(), whole, 1)
}

struct TomlCtx<'a> {
    inner: &'a str,
    base: usize,
    nodes: usize,
    clamp: &'a dyn Fn(std::ops::Range<usize>) -> Span,
}

impl TomlCtx<'_> {
    fn bump(&mut self, span: Span, depth: usize) -> Result<(), InnerError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(InnerError::new(
                format!("front matter has more than {MAX_NODES} values"),
                Span::new(span.start, span.start),
            ));
        }
        if depth > MAX_DEPTH {
            return Err(InnerError::new(
                "front matter is too deeply nested",
                Span::new(span.start, span.start),
            ));
        }
        Ok(())
    }

    fn table(
        &mut self,
        table: &toml::de::DeTable<'_>,
        span: Span,
        depth: usize,
    ) -> Result<FmNode, InnerError> {
        self.bump(span, depth)?;
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table {
            let key_span = (self.clamp)(key.span());
            let value = self.value(value, depth + 1)?;
            entries.push(FmEntry {
                key: key.get_ref().to_string(),
                key_span,
                value,
            });
        }
        // Tables are kept sorted by key; restore the order of the source.
        entries.sort_by_key(|e| e.key_span.start);
        Ok(FmNode {
            value: FmValue::Map(entries),
            span,
        })
    }

    fn value(
        &mut self,
        value: &toml::Spanned<toml::de::DeValue<'_>>,
        depth: usize,
    ) -> Result<FmNode, InnerError> {
        use toml::de::DeValue;
        let span = (self.clamp)(value.span());
        let kind = match value.get_ref() {
            DeValue::Table(table) => return self.table(table, span, depth),
            DeValue::Array(items) => {
                self.bump(span, depth)?;
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.value(item, depth + 1)?);
                }
                return Ok(FmNode {
                    value: FmValue::Seq(out),
                    span,
                });
            }
            DeValue::String(s) => FmValue::String(s.to_string()),
            DeValue::Boolean(b) => FmValue::Bool(*b),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => FmValue::Integer(n),
                Err(_) => FmValue::String(i.to_string()),
            },
            DeValue::Float(f) => {
                let text = f.as_str();
                match text.parse::<f64>() {
                    Ok(n) => FmValue::Float(n),
                    Err(_) if text.contains("nan") => FmValue::Float(f64::NAN),
                    Err(_) => FmValue::String(text.to_string()),
                }
            }
            DeValue::Datetime(d) => {
                let written = self
                    .inner
                    .get(span.start.saturating_sub(self.base)..span.end.saturating_sub(self.base))
                    .map(str::trim)
                    .filter(|t| !t.is_empty());
                FmValue::Datetime(written.map_or_else(|| d.to_string(), str::to_string))
            }
        };
        self.bump(span, depth)?;
        Ok(FmNode { value: kind, span })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn ok(source: &str) -> FrontMatter {
        match parse(source) {
            Parsed::Ok(fm) => fm,
            other => panic!("expected front matter, got {other:?}"),
        }
    }

    fn err(source: &str) -> FmError {
        match parse(source) {
            Parsed::Err(e) => e,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    fn text(source: &str, span: Span) -> &str {
        source
            .get(span.start..span.end)
            .expect("span on char boundaries")
    }

    fn val<'a>(source: &'a str, fm: &FrontMatter, path: &str) -> &'a str {
        let node = fm.root.get_path(path).expect(path);
        text(source, node.span)
    }

    fn key<'a>(source: &'a str, node: &FmNode, name: &str) -> &'a str {
        text(source, node.entry(name).expect(name).key_span)
    }

    /// 1-based line of a byte offset.
    fn line_of(source: &str, offset: usize) -> usize {
        source
            .get(..offset)
            .expect("boundary")
            .matches('\n')
            .count()
            + 1
    }

    /// Every span of the tree lies on char boundaries inside the source.
    fn check_spans(source: &str, node: &FmNode) {
        assert!(
            source.get(node.span.start..node.span.end).is_some(),
            "{node:?}"
        );
        match &node.value {
            FmValue::Map(entries) => {
                for e in entries {
                    assert!(source.get(e.key_span.start..e.key_span.end).is_some());
                    check_spans(source, &e.value);
                }
            }
            FmValue::Seq(items) => items.iter().for_each(|i| check_spans(source, i)),
            _ => {}
        }
    }

    #[test]
    fn hugo_yaml() {
        let src = "---\ntitle: \"Hello wörld\"\ndate: 2024-01-20\ndraft: false\ncover:\n  image: \"/img/a.png\"\n  alt: A café\ntags: [\"a\", \"b\"]\ncategories:\n  - Tech\n  - 'Rust'\n---\n# Body\n";
        let fm = ok(src);
        assert_eq!(fm.format, FmFormat::Yaml);
        assert_eq!(text(src, fm.span), &src[..src.find("# Body").unwrap()]);
        assert!(text(src, fm.inner).starts_with("title:"));
        assert!(text(src, fm.inner).ends_with("'Rust'\n"));
        assert_eq!(
            Parsed::Ok(fm.clone()).body_start(),
            src.find("# Body").unwrap()
        );
        assert_eq!(val(src, &fm, "title"), "\"Hello wörld\"");
        assert_eq!(fm.root.get("title").unwrap().as_str(), Some("Hello wörld"));
        assert_eq!(key(src, &fm.root, "title"), "title");
        let date = fm.root.get("date").unwrap();
        assert_eq!(date.value, FmValue::String("2024-01-20".into()));
        assert_eq!(text(src, date.span), "2024-01-20");
        assert_eq!(fm.root.get("draft").unwrap().as_bool(), Some(false));
        assert_eq!(val(src, &fm, "draft"), "false");
        assert_eq!(val(src, &fm, "cover.image"), "\"/img/a.png\"");
        assert_eq!(val(src, &fm, "cover.alt"), "A café");
        assert_eq!(key(src, fm.root.get("cover").unwrap(), "alt"), "alt");
        assert_eq!(
            val(src, &fm, "cover"),
            "image: \"/img/a.png\"\n  alt: A café"
        );
        let tags = fm.root.get("tags").unwrap();
        assert_eq!(text(src, tags.span), "[\"a\", \"b\"]");
        let FmValue::Seq(items) = &tags.value else {
            panic!("tags is a list")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(text(src, items[1].span), "\"b\"");
        assert_eq!(items[1].as_str(), Some("b"));
        let cats = fm.root.get("categories").unwrap();
        let FmValue::Seq(cats_items) = &cats.value else {
            panic!("categories is a list")
        };
        assert_eq!(text(src, cats_items[0].span), "Tech");
        assert_eq!(text(src, cats_items[1].span), "'Rust'");
        assert_eq!(text(src, cats.span), "Tech\n  - 'Rust'");
        let keys: Vec<&str> = match &fm.root.value {
            FmValue::Map(e) => e.iter().map(|e| e.key.as_str()).collect(),
            _ => panic!("map"),
        };
        assert_eq!(
            keys,
            ["title", "date", "draft", "cover", "tags", "categories"]
        );
    }

    #[test]
    fn flow_map_cover() {
        let src = "---\ncover: {image: x.png, alt: 'ÿes'}\n---\n";
        let fm = ok(src);
        assert_eq!(val(src, &fm, "cover"), "{image: x.png, alt: 'ÿes'}");
        assert_eq!(val(src, &fm, "cover.image"), "x.png");
        assert_eq!(val(src, &fm, "cover.alt"), "'ÿes'");
        assert_eq!(key(src, fm.root.get("cover").unwrap(), "alt"), "alt");
    }

    #[test]
    fn multibyte_spans() {
        let src = "---\ntitle: één coöperatie 🎉🎉\nemoji: \"🦀 rust\"\nafter: ok\n---\n";
        let fm = ok(src);
        assert_eq!(val(src, &fm, "title"), "één coöperatie 🎉🎉");
        assert_eq!(val(src, &fm, "emoji"), "\"🦀 rust\"");
        assert_eq!(val(src, &fm, "after"), "ok");
        assert_eq!(key(src, &fm.root, "after"), "after");
    }

    #[test]
    fn astro_seo_block_map() {
        let src = "---\ntitle: Über\nseo:\n  metaTitle: \"Meta — title\"\n  metaDescription: Some description here\npubDate: 2026-02-24T21:42:14.665Z\n---\n";
        let fm = ok(src);
        let d = fm.root.get_path("seo.metaDescription").unwrap();
        assert_eq!(d.as_str(), Some("Some description here"));
        assert_eq!(text(src, d.span), "Some description here");
        assert_eq!(val(src, &fm, "seo.metaTitle"), "\"Meta — title\"");
        let seo = fm.root.get("seo").unwrap();
        assert_eq!(key(src, seo, "metaDescription"), "metaDescription");
        assert_eq!(
            text(src, seo.span),
            "metaTitle: \"Meta — title\"\n  metaDescription: Some description here"
        );
        let pub_date = fm.root.get("pubDate").unwrap();
        assert_eq!(
            pub_date.value,
            FmValue::String("2026-02-24T21:42:14.665Z".into())
        );
    }

    #[test]
    fn scalar_types() {
        let src = "---\na: \"2024\"\nb: 2024\nc: 0x1F\nd: 0o17\ne: 1.5\nf: .inf\ng: -.Inf\nh: .nan\ni: ~\nj: null\nk:\nl: True\nm: FALSE\nn: 'true'\no: 1e3\np: -7\nq: 1.2.3\nr: !!str 12\ns: 99999999999999999999\nt: yes\n---\n";
        let fm = ok(src);
        let v = |k: &str| fm.root.get(k).unwrap().value.clone();
        assert_eq!(v("a"), FmValue::String("2024".into()));
        assert_eq!(v("b"), FmValue::Integer(2024));
        assert_eq!(v("c"), FmValue::Integer(31));
        assert_eq!(v("d"), FmValue::Integer(15));
        assert_eq!(v("e"), FmValue::Float(1.5));
        assert_eq!(v("f"), FmValue::Float(f64::INFINITY));
        assert_eq!(v("g"), FmValue::Float(f64::NEG_INFINITY));
        assert!(matches!(v("h"), FmValue::Float(f) if f.is_nan()));
        assert_eq!(v("i"), FmValue::Null);
        assert_eq!(v("j"), FmValue::Null);
        assert_eq!(v("k"), FmValue::Null);
        assert_eq!(v("l"), FmValue::Bool(true));
        assert_eq!(v("m"), FmValue::Bool(false));
        assert_eq!(v("n"), FmValue::String("true".into()));
        assert_eq!(v("o"), FmValue::Float(1000.0));
        assert_eq!(v("p"), FmValue::Integer(-7));
        assert_eq!(v("q"), FmValue::String("1.2.3".into()));
        assert_eq!(v("r"), FmValue::String("12".into()));
        assert_eq!(val(src, &fm, "r"), "12");
        assert!(matches!(v("s"), FmValue::Float(_)));
        assert_eq!(v("t"), FmValue::String("yes".into()));
        assert_eq!(val(src, &fm, "a"), "\"2024\"");
        assert_eq!(val(src, &fm, "b"), "2024");
    }

    #[test]
    fn block_scalars() {
        let src = "---\ndescription: >\n  A folded\n  description.\n\nbody: |-\n  line 1\n  line 2\nempty: |\nnext: 1\n---\n";
        let fm = ok(src);
        let d = fm.root.get("description").unwrap();
        assert_eq!(d.as_str(), Some("A folded description.\n"));
        assert_eq!(text(src, d.span), ">\n  A folded\n  description.");
        assert_eq!(val(src, &fm, "body"), "|-\n  line 1\n  line 2");
        assert_eq!(val(src, &fm, "empty"), "|");
        assert_eq!(val(src, &fm, "next"), "1");
    }

    #[test]
    fn anchors_and_aliases() {
        let src = "---\nbase: &b\n  x: 1\ncopy: *b\nval: &v \"q\"\nother: *v\nmerged:\n  <<: *b\n  y: 2\n---\n";
        let fm = ok(src);
        assert_eq!(val(src, &fm, "base"), "x: 1");
        assert_eq!(val(src, &fm, "copy"), "*b");
        assert_eq!(
            fm.root.get_path("copy.x").unwrap().value,
            FmValue::Integer(1)
        );
        assert_eq!(val(src, &fm, "val"), "\"q\"");
        assert_eq!(fm.root.get("other").unwrap().as_str(), Some("q"));
        assert_eq!(
            fm.root.get_path("merged.x").unwrap().value,
            FmValue::Integer(1)
        );
        assert_eq!(
            fm.root.get_path("merged.y").unwrap().value,
            FmValue::Integer(2)
        );
    }

    #[test]
    fn duplicate_and_non_string_keys() {
        let src = "---\na: 1\na: 2\n1: one\ntrue: yes\n---\n";
        let fm = ok(src);
        assert_eq!(fm.root.get("a").unwrap().value, FmValue::Integer(1));
        assert_eq!(fm.root.get("1").unwrap().as_str(), Some("one"));
        assert_eq!(fm.root.get("true").unwrap().as_str(), Some("yes"));
    }

    #[test]
    fn toml_front_matter() {
        let src = "+++\ntitle = \"Héllo\"\ndate = 2024-01-02T03:04:05Z\nday = 2024-01-02\ndraft = true\nweight = 10\nratio = 0.5\ntags = [\"a\", 'b']\n\n[extra]\nauthor = \"Zoë\"\nnested.deep = 1_000\n+++\nBody\n";
        let fm = ok(src);
        assert_eq!(fm.format, FmFormat::Toml);
        assert_eq!(text(src, fm.span), &src[..src.find("Body").unwrap()]);
        assert_eq!(val(src, &fm, "title"), "\"Héllo\"");
        assert_eq!(fm.root.get("title").unwrap().as_str(), Some("Héllo"));
        let date = fm.root.get("date").unwrap();
        assert_eq!(date.value, FmValue::Datetime("2024-01-02T03:04:05Z".into()));
        assert_eq!(text(src, date.span), "2024-01-02T03:04:05Z");
        assert_eq!(
            fm.root.get("day").unwrap().value,
            FmValue::Datetime("2024-01-02".into())
        );
        assert_eq!(fm.root.get("draft").unwrap().as_bool(), Some(true));
        assert_eq!(fm.root.get("weight").unwrap().value, FmValue::Integer(10));
        assert_eq!(fm.root.get("ratio").unwrap().value, FmValue::Float(0.5));
        assert_eq!(val(src, &fm, "tags"), "[\"a\", 'b']");
        assert_eq!(val(src, &fm, "extra.author"), "\"Zoë\"");
        assert_eq!(key(src, fm.root.get("extra").unwrap(), "author"), "author");
        assert_eq!(
            fm.root.get_path("extra.nested.deep").unwrap().value,
            FmValue::Integer(1000)
        );
        let keys: Vec<&str> = match &fm.root.value {
            FmValue::Map(e) => e.iter().map(|e| e.key.as_str()).collect(),
            _ => panic!("map"),
        };
        assert_eq!(
            keys,
            ["title", "date", "day", "draft", "weight", "ratio", "tags", "extra"]
        );
    }

    #[test]
    fn toml_error_span() {
        let src = "+++\ntitle = \"ok\"\nbad = \n+++\n";
        let e = err(src);
        assert_eq!(e.format, FmFormat::Toml);
        assert!(!e.message.is_empty());
        assert_eq!(line_of(src, e.span.start), 3);
        assert_eq!(e.span.start, src.find("bad = ").unwrap() + "bad = ".len());
        assert_eq!(text(src, e.block), src);

        let src = "+++\ntitle = \"é\"\ntitle = \"x\"\n+++\n";
        let e = err(src);
        assert_eq!(line_of(src, e.span.start), 3);
        assert!(text(src, e.span).contains("title"), "{e:?}");
    }

    #[test]
    fn crlf_and_bom() {
        let src = "\u{feff}---\r\ntitle: Crème\r\ntags:\r\n  - x\r\n---\r\nBody";
        let fm = ok(src);
        assert_eq!(fm.span.start, 3);
        assert_eq!(
            text(src, fm.span),
            "---\r\ntitle: Crème\r\ntags:\r\n  - x\r\n---\r\n"
        );
        assert_eq!(val(src, &fm, "title"), "Crème");
        assert_eq!(fm.root.get("title").unwrap().as_str(), Some("Crème"));
        assert_eq!(Parsed::Ok(fm).body_start(), src.find("Body").unwrap());

        let src = "+++\r\ntitle = \"a\"\r\n+++\r\n";
        let fm = ok(src);
        assert_eq!(val(src, &fm, "title"), "\"a\"");
        assert_eq!(fm.span.end, src.len());
    }

    #[test]
    fn fences() {
        assert_eq!(parse("# Title\n---\na: 1\n---\n"), Parsed::None);
        assert_eq!(parse("\n---\na: 1\n---\n"), Parsed::None);
        assert_eq!(parse(""), Parsed::None);
        assert_eq!(parse("----\na: 1\n----\n"), Parsed::None);
        // Trailing blanks after a fence, `...` closing, no trailing newline.
        let src = "--- \na: 1\n...";
        let fm = ok(src);
        assert_eq!(fm.span, Span::new(0, src.len()));
        assert_eq!(text(src, fm.inner), "a: 1\n");
        // Empty front matter.
        let src = "---\n---\nbody";
        let fm = ok(src);
        assert_eq!(fm.root.value, FmValue::Map(Vec::new()));
        assert_eq!(fm.inner, Span::new(4, 4));
        assert_eq!(fm.root.span, Span::new(4, 4));
        let fm = ok("---\n# just a comment\n\n---\n");
        assert_eq!(fm.root.value, FmValue::Map(Vec::new()));
    }

    #[test]
    fn unterminated() {
        let src = "---\ntitle: x\n\nBody text";
        let e = err(src);
        assert_eq!(
            e.message,
            "front matter opened with `---` on line 1 is never closed"
        );
        assert_eq!(text(src, e.span), "---");
        assert_eq!(e.block, Span::new(0, src.len()));
        let e = err("+++\n");
        assert!(e.message.contains("`+++`"));
        assert_eq!(e.format, FmFormat::Toml);
        let e = err("---");
        assert_eq!(e.span, Span::new(0, 3));
    }

    #[test]
    fn yaml_syntax_errors() {
        // Unclosed quote: the scanner stops at the opening quote on line 2.
        let src = "---\ntitle: \"unclosed\nx: 1\n---\n";
        let e = err(src);
        assert_eq!(e.format, FmFormat::Yaml);
        assert_eq!(line_of(src, e.span.start), 2);
        assert!(src[e.span.start..].starts_with("\"unclosed"), "{e:?}");
        assert!(!e.message.contains("line"), "{}", e.message);
        assert_eq!(e.block, Span::new(0, src.len()));

        // Bad indentation: `b: 2` indented under a scalar; error at its `:` on line 3.
        let src = "---\ntitle: é\n  b: 2\n---\n";
        let e = err(src);
        assert_eq!(line_of(src, e.span.start), 3);
        assert!(src[e.span.start..].starts_with(": 2"), "{e:?}");
        assert!(e.message.contains("mapping values"), "{}", e.message);

        // After multi-byte text, the error offset is still a byte offset.
        let src = "---\na: 🦀🦀🦀\nb: [1, 2\n---\n";
        let e = err(src);
        assert!(src.get(e.span.start..e.span.end).is_some());
        assert!(e.span.start >= src.find("b: [").unwrap());
    }

    #[test]
    fn non_map_roots_and_documents() {
        let e = err("---\njust a string\n---\n");
        assert_eq!(e.message, "front matter must be a map of keys to values");
        let src = "---\n- a\n- b\n---\n";
        let e = err(src);
        assert_eq!(e.message, "front matter must be a map of keys to values");
        assert_eq!(text(src, e.span), "a\n- b");
        let e = err("---\na: 1\n--- # second\nb: 2\n---\n");
        assert!(e.message.contains("single YAML document"), "{}", e.message);
    }

    #[test]
    fn alias_bomb() {
        let mut src = String::from("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for w in names.windows(2) {
            let refs = vec![format!("*{}", w[0]); 9].join(",");
            writeln!(src, "{}: &{} [{refs}]", w[1], w[1]).unwrap();
        }
        src.push_str("---\n");
        let started = std::time::Instant::now();
        let e = err(&src);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert!(e.message.contains("alias bomb"), "{}", e.message);
        assert!(src.get(e.span.start..e.span.end).is_some());
    }

    #[test]
    fn deep_nesting() {
        let src = format!("---\na: {}\n---\n", "[".repeat(10_000));
        let e = err(&src);
        assert!(!e.message.is_empty());
        let src = format!("---\na: {}1{}\n---\n", "[".repeat(100), "]".repeat(100));
        let e = err(&src);
        assert_eq!(e.message, "front matter is too deeply nested");
        let src = format!("---\na: {}1{}\n---\n", "[".repeat(60), "]".repeat(60));
        ok(&src);
        let src = format!("---\na: {}\n---\n", "{a: ".repeat(10_000));
        err(&src);
        let mut src = String::from("---\n");
        for i in 0..500 {
            writeln!(src, "{}k{i}:", " ".repeat(i)).unwrap();
        }
        src.push_str("---\n");
        let e = err(&src);
        assert_eq!(e.message, "front matter is too deeply nested");
        let src = format!("+++\na = {}\n+++\n", "[".repeat(10_000));
        err(&src);
        let src = format!("+++\na = {}1{}\n+++\n", "[".repeat(100), "]".repeat(100));
        err(&src);
        // Nesting through aliases.
        let mut src = String::from("---\nx0: &x0 [1]\n");
        for i in 1..40 {
            writeln!(src, "x{i}: &x{i} [*x{}, [*x{}]]", i - 1, i - 1).unwrap();
        }
        src.push_str("---\n");
        let e = err(&src);
        assert!(e.message.contains("deeply nested") || e.message.contains("alias"));
    }

    #[test]
    fn spans_always_valid() {
        let inputs = [
            "---\ntitle: één\ncoöp: \"🎉\"\nlist:\n  - ü\n  - 'ß'\n---\n",
            "---\r\nx: |\r\n  één\r\n  🎉\r\ny: >-\r\n  ö\r\n---\r\n",
            "\u{feff}---\nk: {a: é, b: [ü, \"🦀\"]}\n---\n",
            "---\n? [é, ü]\n: complex\n---\n",
            "---\na: &é 1\nb: *é\n---\n",
            "---\né: !!str ö\nü: !custom 🦀\n---\n",
            "---\n\"ключ\": значение\n'日本': 語\n---\n",
            "---\na: 'it''s é'\nb: \"esc \\u00e9 \\\"q\\\"\"\n---\n",
            "---\nbad: [é\n---\n",
            "---\nbad: \"🦀\n---\n",
            "---\n\tbad: tab\n---\n",
            "---\na: b: c\n---\n",
            "+++\nt = \"é\"\n[é]\nx = 'ü'\n+++\n",
            "+++\nt = \"é\nx = 1\n+++\n",
            "+++\nt = 🦀\n+++\n",
            "---\n- é\n---\n",
            "---\n🦀\n---\n",
            "---\n",
            "+++",
            "\u{feff}",
            "\u{feff}---\n",
            "---\n...\n",
        ];
        for src in inputs {
            match parse(src) {
                Parsed::None => {}
                Parsed::Ok(fm) => {
                    for s in [fm.span, fm.inner] {
                        assert!(src.get(s.start..s.end).is_some(), "{src:?}");
                    }
                    check_spans(src, &fm.root);
                }
                Parsed::Err(e) => {
                    assert!(src.get(e.span.start..e.span.end).is_some(), "{src:?} {e:?}");
                    assert!(src.get(e.block.start..e.block.end).is_some(), "{src:?}");
                    assert!(e.block.contains(e.span), "{src:?} {e:?}");
                }
            }
        }
    }

    /// Random soup of YAML/TOML fragments: never panics, spans always valid.
    #[test]
    fn random_inputs_never_panic() {
        const PIECES: [&str; 30] = [
            "---\n", "+++\n", "...\n", "a: ", "é: ", "🦀", "\"", "'", "[", "]", "{", "}", ",",
            "\n", "\r\n", "  ", "- ", "&x ", "*x", "|", ">-", "#", "!!str ", "? ", ": ", "=", "1",
            "ü", "\t", "\u{feff}",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut src = String::from(if seed % 2 == 0 { "---\n" } else { "+++\n" });
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = seed % 40;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src.push_str(PIECES[usize::try_from(seed % 30).unwrap()]);
            }
            src.push_str(if seed % 3 == 0 { "+++\n" } else { "---\n" });
            match parse(&src) {
                Parsed::None => {}
                Parsed::Ok(fm) => check_spans(&src, &fm.root),
                Parsed::Err(e) => {
                    assert!(src.get(e.span.start..e.span.end).is_some(), "{src:?}");
                    assert!(src.get(e.block.start..e.block.end).is_some(), "{src:?}");
                }
            }
        }
    }
}
