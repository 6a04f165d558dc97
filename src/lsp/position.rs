//! LSP positions (0-based line, UTF-16 code units) to byte offsets and back, and `file:` URIs to
//! paths and back.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

use crate::span::{LineIndex, Span};

/// The LSP position of byte `offset` in `text` (clamped to the text; an offset inside a
/// character counts as that character's start).
#[must_use]
pub fn position(text: &str, lines: &LineIndex, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let lc = lines.line_col(text, offset);
    let start = lines.line_start(lc.line).unwrap_or(0);
    let character: usize = text
        .get(start..offset)
        .map_or(0, |s| s.chars().map(char::len_utf16).sum());
    Position {
        line: u32::try_from(lc.line - 1).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The LSP range of a byte span.
#[must_use]
pub fn range(text: &str, lines: &LineIndex, span: Span) -> Range {
    Range {
        start: position(text, lines, span.start),
        end: position(text, lines, span.end),
    }
}

/// The byte offset of an LSP position. A character past the end of its line means the line's
/// end, a line past the last one means the end of the text, as the LSP specification asks.
#[must_use]
pub fn offset(text: &str, lines: &LineIndex, pos: Position) -> usize {
    let Some(start) = lines.line_start(pos.line as usize + 1) else {
        return text.len();
    };
    let line = text.get(start..).unwrap_or("");
    let line = line.split_inclusive('\n').next().unwrap_or("");
    let content = line.trim_end_matches(['\n', '\r']);
    let want = pos.character as usize;
    let mut units = 0;
    for (i, c) in content.char_indices() {
        if units >= want {
            return start + i;
        }
        units += c.len_utf16();
    }
    start + content.len()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The local path of a `file:` URI, percent-decoded. `None` for other schemes.
#[must_use]
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("file:"))
        .and_then(|_| s.get(5..))?;
    // file:///path, file://localhost/path, file:/path
    let path = match rest.strip_prefix("//") {
        Some(r) => {
            let slash = r.find('/').unwrap_or(r.len());
            let host = r.get(..slash)?;
            if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
                return None;
            }
            r.get(slash..)?
        }
        None => rest,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    // file:///C:/x on Windows.
    if cfg!(windows) && decoded.starts_with('/') && decoded.get(2..3) == Some(":") {
        return Some(PathBuf::from(decoded.get(1..)?));
    }
    Some(PathBuf::from(decoded))
}

/// A `file:` URI for an absolute path.
#[must_use]
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out.parse().ok()
}

fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hi = char::from(bytes.next()?).to_digit(16)?;
            let lo = char::from(bytes.next()?).to_digit(16)?;
            out.push(u8::try_from(hi * 16 + lo).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        // é is 2 bytes and 1 UTF-16 unit; 🚀 is 4 bytes and 2 units.
        let text = "Café 🚀 citeturn0\nregel twee\n";
        let lines = LineIndex::new(text);
        let at = text.find("cite").expect("in text");
        assert_eq!(at, 11);
        let p = position(text, &lines, at);
        assert_eq!((p.line, p.character), (0, 8));
        assert_eq!(offset(text, &lines, p), at);
        let twee = text.find("twee").expect("in text");
        let p = position(text, &lines, twee);
        assert_eq!((p.line, p.character), (1, 6));
        assert_eq!(offset(text, &lines, p), twee);
        // Past the line end: the line's end; past the last line: the end.
        let eol = text.find('\n').expect("newline");
        assert_eq!(offset(text, &lines, Position::new(0, 99)), eol);
        assert_eq!(offset(text, &lines, Position::new(9, 0)), text.len());
        // Inside a character: its start.
        assert_eq!(position(text, &lines, 4).character, 3);
    }

    #[test]
    fn file_uris_round_trip() {
        let uri: Uri = "file:///tmp/site/Caf%C3%A9%20blog.md".parse().expect("uri");
        let path = uri_to_path(&uri).expect("file uri");
        assert_eq!(path, PathBuf::from("/tmp/site/Café blog.md"));
        let back = path_to_uri(&path).expect("uri");
        assert_eq!(back.as_str(), "file:///tmp/site/Caf%C3%A9%20blog.md");
        let other: Uri = "untitled:Untitled-1".parse().expect("uri");
        assert_eq!(uri_to_path(&other), None);
    }
}
