//! A small JSON parser that keeps the byte span of every key and value, reports the exact byte
//! where invalid JSON breaks (with a message naming the usual mistakes: trailing commas, single
//! quotes, comments, raw line breaks, HTML entities) and finds duplicate keys, which most parsers
//! silently drop.

use crate::span::Span;

/// A JSON value with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Span of the value in the file (strings include their quotes).
    pub span: Span,
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// A `"key": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    /// Span of the key including its quotes.
    pub key_span: Span,
    pub value: Node,
}

/// Invalid JSON: where it breaks and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Span of the offending character(s) in the file.
    pub span: Span,
    pub message: String,
    pub help: String,
}

/// A key that appears twice in one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    pub first: Span,
    pub second: Span,
}

impl Node {
    /// The members of an object (empty for other values).
    #[must_use]
    pub fn members(&self) -> &[Member] {
        match &self.value {
            Value::Object(m) => m,
            _ => &[],
        }
    }

    /// The value of key `key` of an object (the last one when duplicated, as JSON-LD does).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.members()
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// The member of key `key`.
    #[must_use]
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.members().iter().rev().find(|m| m.key == key)
    }

    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The node itself, or the items of an array.
    #[must_use]
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Array(a) => a,
            _ => std::slice::from_ref(self),
        }
    }

    #[must_use]
    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }

    /// The node at JSON pointer `ptr` (RFC 6901), e.g. `/mainEntity/0/name`.
    #[must_use]
    pub fn pointer(&self, ptr: &str) -> Option<&Node> {
        if ptr.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for raw in ptr.strip_prefix('/')?.split('/') {
            let seg = raw.replace("~1", "/").replace("~0", "~");
            node = match &node.value {
                Value::Object(_) => node.get(&seg)?,
                Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Convert to a `serde_json::Value` (numbers that do not fit become strings).
    #[must_use]
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => serde_json::from_str::<serde_json::Number>(n)
                .map_or_else(|_| J::String(n.clone()), J::Number),
            Value::String(s) => J::String(s.clone()),
            Value::Array(a) => J::Array(a.iter().map(Node::to_serde).collect()),
            Value::Object(m) => J::Object(
                m.iter()
                    .map(|m| (m.key.clone(), m.value.to_serde()))
                    .collect(),
            ),
        }
    }
}

/// Parse `text`, which starts at byte `base` of the file. On success, the value and the
/// duplicate keys found.
pub fn parse(text: &str, base: usize) -> Result<(Node, Vec<DuplicateKey>), SyntaxError> {
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
        base,
        duplicates: Vec::new(),
        depth: 0,
    };
    p.skip_ws()?;
    if p.pos >= p.bytes.len() {
        return Err(p.error_at(
            0,
            0,
            "empty JSON-LD block",
            "remove the empty script or put the JSON-LD object in it",
        ));
    }
    let node = p.value()?;
    p.skip_ws()?;
    if p.pos < p.bytes.len() {
        let (msg, help) = if matches!(p.peek(), Some(b'{' | b'[')) {
            (
                "a second JSON value follows the first",
                "wrap several objects in an array `[…]` or in `{\"@graph\": […]}`, or use one script per object",
            )
        } else {
            (
                "unexpected text after the JSON value",
                "remove the text after the closing bracket",
            )
        };
        return Err(p.error_here(msg, help));
    }
    Ok((node, p.duplicates))
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    base: usize,
    duplicates: Vec<DuplicateKey>,
    depth: usize,
}

const MAX_DEPTH: usize = 256;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error_at(&self, start: usize, end: usize, message: &str, help: &str) -> SyntaxError {
        SyntaxError {
            span: self.span(start, end),
            message: message.to_string(),
            help: help.to_string(),
        }
    }

    /// An error at the character under the cursor (or at the end of the input).
    fn error_here(&self, message: &str, help: &str) -> SyntaxError {
        let len = self
            .src
            .get(self.pos..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
        self.error_at(self.pos, self.pos + len, message, help)
    }

    fn skip_ws(&mut self) -> Result<(), SyntaxError> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' if matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) => {
                    return Err(self.error_at(
                        self.pos,
                        self.pos + 2,
                        "comments are not allowed in JSON",
                        "remove the comment; JSON-LD is plain JSON",
                    ));
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// The error for an unexpected character where a value was expected.
    fn unexpected(&self, wanted: &str) -> SyntaxError {
        let rest = self.src.get(self.pos..).unwrap_or("");
        match self.peek() {
            None => self.error_at(
                self.pos,
                self.pos,
                &format!("JSON ends unexpectedly; expected {wanted}"),
                "close every `{` and `[` and finish the last value",
            ),
            Some(b'\'') => self.error_here(
                "strings must use double quotes, not single quotes",
                "replace the single quotes with double quotes",
            ),
            Some(b'&') => {
                let entity: String = rest
                    .chars()
                    .take_while(|c| *c != ';' && !c.is_whitespace())
                    .take(10)
                    .collect();
                let len = entity.len()
                    + usize::from(rest.get(entity.len()..).is_some_and(|r| r.starts_with(';')));
                self.error_at(
                    self.pos,
                    self.pos + len,
                    &format!("HTML entity `{}` in JSON-LD", rest.get(..len).unwrap_or("&")),
                    "write the character itself: script content is not HTML-decoded, so `&quot;` stays `&quot;`",
                )
            }
            Some(b'}' | b']') => self.error_here(
                &format!(
                    "unexpected `{}`; expected {wanted}",
                    char::from(self.peek().unwrap_or(b'?'))
                ),
                "remove the comma before it, or add the missing value",
            ),
            Some(_) => {
                let c = rest.chars().next().unwrap_or('?');
                self.error_here(
                    &format!("unexpected `{c}`; expected {wanted}"),
                    "check the JSON syntax at this position",
                )
            }
        }
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node {
                    value: Value::String(s),
                    span: self.span(start, self.pos),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't' | b'f' | b'n') => {
                for (word, value) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self
                        .src
                        .get(self.pos..)
                        .is_some_and(|r| r.starts_with(word))
                    {
                        self.pos += word.len();
                        return Ok(Node {
                            value,
                            span: self.span(start, self.pos),
                        });
                    }
                }
                Err(self.unexpected("a value"))
            }
            _ => Err(self.unexpected("a value")),
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here(
                "JSON nests too deeply",
                "flatten the structure or link entities with `@id`",
            ));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Node {
                value: Value::Object(members),
                span: self.span(start, self.pos),
            });
        }
        loop {
            self.skip_ws()?;
            let key_start = self.pos;
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                Some(b'}') if !members.is_empty() => {
                    return Err(self.trailing_comma('}'));
                }
                Some(c) if c.is_ascii_alphabetic() || c == b'@' || c == b'_' => {
                    return Err(self
                        .error_here("object keys must be quoted", "put the key in double quotes"));
                }
                _ => return Err(self.unexpected("a key in double quotes")),
            };
            let key_span = self.span(key_start, self.pos);
            self.skip_ws()?;
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:` after the key"));
            }
            self.pos += 1;
            self.skip_ws()?;
            let value = self.value()?;
            if let Some(first) = members.iter().find(|m| m.key == key) {
                self.duplicates.push(DuplicateKey {
                    key: key.clone(),
                    first: first.key_span,
                    second: key_span,
                });
            }
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Node {
                        value: Value::Object(members),
                        span: self.span(start, self.pos),
                    });
                }
                Some(b'"') => {
                    return Err(self.error_here(
                        "missing comma between object members",
                        "add a `,` after the previous value",
                    ))
                }
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
    }

    /// The error for `,` directly before a closing bracket; points at the comma.
    fn trailing_comma(&self, close: char) -> SyntaxError {
        let before = self.src.get(..self.pos).unwrap_or("");
        let comma = before.rfind(',').unwrap_or(self.pos);
        self.error_at(
            comma,
            comma + 1,
            &format!("trailing comma before `{close}`"),
            "remove the comma after the last item",
        )
    }

    fn array(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Node {
                value: Value::Array(items),
                span: self.span(start, self.pos),
            });
        }
        loop {
            self.skip_ws()?;
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.trailing_comma(']'));
            }
            items.push(self.value()?);
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Node {
                        value: Value::Array(items),
                        span: self.span(start, self.pos),
                    });
                }
                Some(b'"' | b'{' | b'[') => {
                    return Err(self.error_here(
                        "missing comma between array items",
                        "add a `,` after the previous item",
                    ))
                }
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
    }

    fn number(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let int_len = self.pos - int_start;
        let bad = |p: &Self| {
            p.error_at(
                start,
                p.pos.max(start + 1),
                "invalid number",
                "write numbers like 12, -3.5 or 1e6 (no leading zeros, `+` or trailing dot), or quote the value",
            )
        };
        if int_len == 0 || (int_len > 1 && self.bytes.get(int_start) == Some(&b'0')) {
            return Err(bad(self));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let s = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == s {
                return Err(bad(self));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let s = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == s {
                return Err(bad(self));
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or("").to_string();
        Ok(Node {
            value: Value::Number(text),
            span: self.span(start, self.pos),
        })
    }

    /// A string at the cursor (which is on the opening quote); the cursor ends after it.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = self.src.get(self.pos..).unwrap_or("");
            let Some(c) = rest.chars().next() else {
                return Err(self.error_at(
                    open,
                    open + 1,
                    "string is never closed",
                    "add the closing double quote",
                ));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    let esc = rest.get(1..2).unwrap_or("");
                    let simple = match esc {
                        "\"" => Some('"'),
                        "\\" => Some('\\'),
                        "/" => Some('/'),
                        "b" => Some('\u{8}'),
                        "f" => Some('\u{c}'),
                        "n" => Some('\n'),
                        "r" => Some('\r'),
                        "t" => Some('\t'),
                        _ => None,
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        self.pos += 2;
                    } else if esc == "u" {
                        let cp = self.hex4(self.pos + 2)?;
                        self.pos += 6;
                        if (0xD800..0xDC00).contains(&cp) {
                            // a surrogate pair
                            if self.src.get(self.pos..self.pos + 2) == Some("\\u") {
                                let lo = self.hex4(self.pos + 2)?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    self.pos += 6;
                                    let c = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                                    continue;
                                }
                            }
                            out.push('\u{fffd}');
                        } else {
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                    } else {
                        let len = 1 + esc.len();
                        return Err(self.error_at(
                            self.pos,
                            self.pos + len,
                            &format!("invalid escape `\\{esc}` in string"),
                            "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as `\\\\`",
                        ));
                    }
                }
                '\n' | '\r' => {
                    return Err(self.error_here(
                        "unescaped line break in string",
                        "write the line break as `\\n`, or join the lines",
                    ))
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error_here(
                        "unescaped control character in string",
                        "remove the control character or escape it as \\uXXXX",
                    ))
                }
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&self, at: usize) -> Result<u32, SyntaxError> {
        self.src
            .get(at..at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| {
                self.error_at(
                    at.saturating_sub(2),
                    (at + 4).min(self.src.len()),
                    "invalid `\\u` escape",
                    "write four hex digits after `\\u`",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (String, String) {
        let e = parse(src, 0).expect_err("invalid");
        (
            src.get(e.span.start..e.span.end).unwrap_or("").to_string(),
            e.message,
        )
    }

    #[test]
    fn parses_with_spans() {
        let src = r#"{"a": [1, "x", {"b": null}], "c": true}"#;
        let (n, d) = parse(src, 10).unwrap();
        assert!(d.is_empty());
        let b = n.pointer("/a/2/b").unwrap();
        assert_eq!(b.value, Value::Null);
        assert_eq!(b.span, Span::new(10 + 21, 10 + 25));
        let x = n.pointer("/a/1").unwrap();
        assert_eq!(x.as_str(), Some("x"));
        assert_eq!(n.member("c").unwrap().key_span, Span::new(10 + 29, 10 + 32));
        assert_eq!(n.to_serde()["a"][0], serde_json::json!(1));
    }

    #[test]
    fn errors_point_at_the_mistake() {
        assert_eq!(
            err("{\"a\": 1,\n}"),
            (",".into(), "trailing comma before `}`".into())
        );
        assert_eq!(
            err("[1, 2, ]"),
            (",".into(), "trailing comma before `]`".into())
        );
        assert_eq!(
            err("{'a': 1}"),
            (
                "'".into(),
                "strings must use double quotes, not single quotes".into()
            )
        );
        assert_eq!(
            err("{\"a\": \"x\ny\"}"),
            ("\n".into(), "unescaped line break in string".into())
        );
        assert_eq!(
            err("{\n // note\n\"a\": 1}"),
            ("//".into(), "comments are not allowed in JSON".into())
        );
        assert_eq!(
            err("{&quot;a&quot;: 1}"),
            ("&quot;".into(), "HTML entity `&quot;` in JSON-LD".into())
        );
        assert_eq!(
            err("{\"a\": 1 \"b\": 2}"),
            ("\"".into(), "missing comma between object members".into())
        );
        assert_eq!(err("{\"a\": 01}"), ("01".into(), "invalid number".into()));
        assert_eq!(err("{a: 1}").1, "object keys must be quoted");
        assert_eq!(
            err("{\"a\": 1").1,
            "JSON ends unexpectedly; expected `,` or `}`"
        );
        assert_eq!(err("{} {}").1, "a second JSON value follows the first");
        assert_eq!(err("   ").1, "empty JSON-LD block");
        assert_eq!(err("\"\\x\"").0, "\\x");
    }

    #[test]
    fn finds_duplicate_keys_and_decodes_escapes() {
        let src = r#"{"name": "a", "x": "\u00e9\ud83d\ude00\n", "name": "b"}"#;
        let (n, d) = parse(src, 0).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(&src[d[0].second.start..d[0].second.end], "\"name\"");
        assert_eq!(n.get("name").and_then(Node::as_str), Some("b"));
        assert_eq!(n.get("x").and_then(Node::as_str), Some("é😀\n"));
    }

    #[test]
    fn never_panics_on_garbage() {
        for src in [
            "{",
            "[",
            "\"",
            "{\"a\"",
            "{\"a\":",
            "-",
            "1.",
            "1e",
            "\"\\u12",
            "é",
            "[1,,2]",
            "{,}",
            "\"\\ud800\"",
        ] {
            let _ = parse(src, 0);
        }
        let deep = "[".repeat(10_000);
        assert_eq!(err(&deep).1, "JSON nests too deeply");
    }
}
