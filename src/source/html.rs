//! HTML pages and raw HTML fragments, tokenized with source offsets.

use crate::document::Document;
use crate::span::Span;

/// Scan `source[range]` as HTML and append what it contains to `doc`.
///
/// `full_page` is true for `.html` files (sets title, description, lang, canonical, decides
/// main content); false for raw HTML blocks and inline HTML inside Markdown.
pub fn scan(source: &str, range: Span, full_page: bool, doc: &mut Document) {
    let _ = (source, range, full_page, doc);
}
