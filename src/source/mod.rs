//! Loading and parsing source files: size cap, UTF-8, front matter, Markdown, HTML.

pub mod frontmatter;
pub mod html;
pub mod markdown;

use std::io::Read;
use std::path::{Path, PathBuf};

use unicode_segmentation::UnicodeSegmentation;

use crate::document::{Document, Format};
use crate::span::{LineIndex, Span};

/// Files larger than this are not linted (reported as unreadable).
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Why a file could not be linted.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    #[error("file is {size} bytes, over the {max} byte limit")]
    TooLarge { size: u64, max: u64 },
    #[error("binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("not valid UTF-8 at line {line}, byte {offset}: save the file as UTF-8")]
    NotUtf8 { line: usize, offset: usize },
}

/// Read a file as UTF-8 text with a size cap.
pub fn read(path: &Path) -> Result<String, LoadError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            size,
            max: MAX_FILE_SIZE,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            max: MAX_FILE_SIZE,
        });
    }
    decode(bytes)
}

/// Check and convert bytes to a String.
pub fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e
            .as_bytes()
            .iter()
            .take(offset)
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        LoadError::NotUtf8 { line, offset }
    })
}

/// Parse a file's text into a [`Document`].
#[must_use]
pub fn parse(path: PathBuf, display_path: String, format: Format, source: String) -> Document {
    let lines = LineIndex::new(&source);
    let mut doc = Document {
        path,
        display_path,
        format: Some(format),
        lines,
        ..Document::default()
    };
    match format {
        Format::Html => {
            doc.source = source;
            let all = Span::new(0, doc.source.len());
            doc.body = all;
            let src = std::mem::take(&mut doc.source);
            html::scan(&src, all, true, &mut doc);
            doc.source = src;
        }
        Format::Markdown | Format::Mdx => {
            let fm = frontmatter::parse(&source);
            let body_start = fm.body_start().min(source.len());
            match fm {
                frontmatter::Parsed::None => {}
                frontmatter::Parsed::Ok(f) => doc.front_matter = Some(f),
                frontmatter::Parsed::Err(e) => doc.front_matter_error = Some(e),
            }
            doc.source = source;
            doc.body = Span::new(body_start, doc.source.len());
            let body = doc.body;
            markdown::parse(&mut doc, body, format == Format::Mdx);
            doc.word_count = doc
                .prose
                .iter()
                .filter(|r| r.in_main)
                .map(|r| count_words(&r.text))
                .sum();
        }
    }
    doc
}

/// The part of a whitespace-separated token before a URL in it (`https://…`, `http://…`,
/// `www.…`), matched case-insensitively.
pub(crate) fn before_url(token: &str) -> &str {
    let bytes = token.as_bytes();
    let starts = |i: usize, p: &str| {
        bytes
            .get(i..i + p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    // The patterns are ASCII, so where one starts is a character boundary.
    let cut = (0..bytes.len())
        .find(|&i| {
            matches!(bytes.get(i), Some(b'h' | b'H' | b'w' | b'W'))
                && (starts(i, "https://") || starts(i, "http://") || starts(i, "www."))
        })
        .unwrap_or(token.len());
    token.get(..cut).unwrap_or(token)
}

/// Count words as a word processor does: whitespace-separated
/// tokens that hold at least one Unicode word, leaving out URLs ("AI-workshop" is one word, "€"
/// none). Tokens in scripts written without spaces (CJK) count each Unicode word.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(before_url)
        .map(|token| {
            if token
                .chars()
                .any(|c| ('\u{2E80}'..='\u{9FFF}').contains(&c))
            {
                token.unicode_words().count()
            } else {
                // A letter or digit is (part of) a Unicode word.
                usize::from(
                    token.bytes().any(|b| b.is_ascii_alphanumeric())
                        || token.unicode_words().next().is_some(),
                )
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_leave_out_urls() {
        assert_eq!(count_words("Lees https://example.com/a-b-c nu"), 2);
        assert_eq!(count_words("AI-workshop kost € 450,- per dag."), 5);
    }

    #[test]
    fn decode_reports_line_of_bad_utf8() {
        let e = decode(b"ok\nok\n\xff\xfe".to_vec()).unwrap_err();
        assert!(matches!(e, LoadError::NotUtf8 { line: 3, offset: 6 }));
        assert!(matches!(
            decode(b"a\0b".to_vec()),
            Err(LoadError::Binary { offset: 1 })
        ));
    }
}
