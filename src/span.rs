//! Byte spans and the line index that turns them into 1-based lines and columns.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the file as read.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies wholly inside `self`.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub const fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Shift the span by `by` bytes.
    #[must_use]
    pub const fn offset(self, by: usize) -> Self {
        Self {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The text the span covers, or `None` when it is out of range or not on char boundaries.
    #[must_use]
    pub fn slice(self, source: &str) -> Option<&str> {
        source.get(self.start..self.end)
    }
}

/// Start offsets of every line, for offset → (line, column) conversion.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    #[must_use]
    pub fn new(source: &str) -> Self {
        let mut starts = Vec::with_capacity(source.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(source).map(|i| i + 1));
        Self { starts }
    }

    /// Number of lines (a trailing newline opens an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// 1-based line and column of a byte offset. Offsets past the end clamp to the end; offsets
    /// inside a multi-byte character count as that character.
    #[must_use]
    pub fn line_col(&self, source: &str, offset: usize) -> LineCol {
        let offset = offset.min(source.len());
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line_idx).copied().unwrap_or(0);
        let column = source.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|(i, _)| start + i < offset)
                .count()
        });
        LineCol {
            line: line_idx + 1,
            column: column + 1,
        }
    }

    /// Byte offset of a 1-based line and a 1-based column (in chars), if it exists.
    #[must_use]
    pub fn offset(&self, source: &str, line: usize, column: usize) -> Option<usize> {
        let start = self.line_start(line)?;
        let rest = source.get(start..)?;
        let col0 = column.checked_sub(1)?;
        if col0 == 0 {
            return Some(start);
        }
        rest.char_indices()
            .nth(col0)
            .map(|(i, _)| start + i)
            .or_else(|| (rest.chars().count() == col0).then_some(source.len()))
    }
}

fn memchr_newlines(source: &str) -> impl Iterator<Item = usize> + '_ {
    source
        .bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let src = "één\nx ü y\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), LineCol { line: 1, column: 1 });
        // "één" is 5 bytes: é(2) é(2) n(1)
        assert_eq!(idx.line_col(src, 4), LineCol { line: 1, column: 3 });
        assert_eq!(idx.line_col(src, 5), LineCol { line: 1, column: 4 });
        let y = src.find('y').unwrap();
        assert_eq!(idx.line_col(src, y), LineCol { line: 2, column: 5 });
        assert_eq!(idx.offset(src, 2, 5), Some(y));
        assert_eq!(idx.line_col(src, src.len()), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(Span::new(3, 5)));
        assert!(!s.contains(Span::new(3, 6)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(s.slice("abcdefg"), Some("cde"));
    }
}
