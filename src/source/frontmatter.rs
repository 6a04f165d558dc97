//! YAML (`---`) and TOML (`+++`) front matter with the byte span of every key and value.

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

/// Find and parse front matter at the start of `source`.
#[must_use]
pub fn parse(source: &str) -> Parsed {
    let _ = source;
    Parsed::None
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
