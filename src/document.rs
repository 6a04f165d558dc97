//! The format-independent document model. Every file is parsed once into a [`Document`]; every
//! part carries the byte span it came from so that findings point at the exact source.

use std::path::PathBuf;

use crate::source::frontmatter::{FmError, FrontMatter};
use crate::span::{LineIndex, Span};

/// The source format of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Markdown,
    Mdx,
    Html,
}

impl Format {
    /// The format for a file name, from its extension.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "mdx" => Some(Self::Mdx),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }
}

/// A piece of text with the span it was taken from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextItem {
    pub text: String,
    pub span: Span,
}

/// A heading `h1`–`h6` (Markdown `#` or HTML).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// Plain text of the heading (inline markup removed, entities decoded).
    pub text: String,
    /// Span of the whole heading in the source.
    pub span: Span,
    /// Anchor id: an explicit `{#id}` / `id="…"`, else the slug of the text.
    pub id: String,
    /// False for headings in HTML page chrome (nav, header outside article, footer, aside).
    pub in_main: bool,
}

/// A run of prose text (never code, front matter, comments or script content).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextRun {
    pub text: String,
    pub span: Span,
    /// True when `source[span] == text` byte for byte, so sub-spans can be computed by offset.
    pub exact: bool,
    /// False for text in HTML page chrome (nav, footer, aside ...).
    pub in_main: bool,
}

/// A paragraph (or list item / table cell paragraph) of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
    pub words: usize,
    pub in_main: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](url)`, `[text][ref]`, `<https://…>` in Markdown.
    Markdown,
    /// An `<a href>` in HTML (a page, or raw HTML inside Markdown).
    Html,
}

/// A hyperlink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    /// Visible text of the link (plain text, may be empty).
    pub text: String,
    /// Span of the whole link.
    pub span: Span,
    pub kind: LinkKind,
    pub in_main: bool,
}

/// An image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    /// `None`: no alt attribute at all (HTML). `Some("")`: empty alt.
    pub alt: Option<String>,
    pub span: Span,
    /// False for images in page chrome; `alt=""` with `role="presentation"` counts as decorative.
    pub decorative: bool,
    pub in_main: bool,
}

/// The content of a `<script type="application/ld+json">` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptBlock {
    pub content: String,
    /// Span of the content between the tags.
    pub span: Span,
}

/// An HTML comment `<!-- … -->` (also in Markdown), for suppression directives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The text between `<!--` and `-->`.
    pub text: String,
    /// Span of the whole comment.
    pub span: Span,
}

/// One parsed file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The path as walked (used for file-system look-ups).
    pub path: PathBuf,
    /// The path shown in reports (relative to the current folder where possible, `/` separators).
    pub display_path: String,
    pub format: Option<Format>,
    pub source: String,
    pub lines: LineIndex,
    pub front_matter: Option<FrontMatter>,
    pub front_matter_error: Option<FmError>,
    /// Span of the body (everything after the front matter).
    pub body: Span,
    /// `<html lang>` for HTML pages.
    pub html_lang: Option<String>,
    /// `<title>` of an HTML page.
    pub html_title: Option<TextItem>,
    /// `<meta name="description" content>` of an HTML page (span of the content value).
    pub html_description: Option<TextItem>,
    /// `<link rel="canonical" href>` of an HTML page.
    pub canonical: Option<TextItem>,
    /// `<meta name="robots" content>` of an HTML page.
    pub robots: Option<TextItem>,
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    pub prose: Vec<TextRun>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// Spans of code blocks, inline code, `<pre>`/`<code>`, MDX import/export/JSX lines.
    pub code: Vec<Span>,
    pub comments: Vec<Comment>,
    pub jsonld: Vec<ScriptBlock>,
    /// Microdata (`itemscope`) or `RDFa` (`typeof`/`property`) attributes seen.
    pub has_microdata: bool,
    pub has_rdfa: bool,
    /// Words of main prose, counted with Unicode word boundaries (no code, URLs, front matter).
    pub word_count: usize,
}

impl Document {
    /// Whether `span` lies inside code (a code block, inline code, pre/code).
    #[must_use]
    pub fn in_code(&self, span: Span) -> bool {
        self.code.iter().any(|c| c.overlaps(span))
    }

    /// The text of the source under `span` (empty when out of range).
    #[must_use]
    pub fn text(&self, span: Span) -> &str {
        span.slice(&self.source).unwrap_or("")
    }
}

/// Lowercase URL slug of heading text, as Hugo/GitHub make anchor ids: letters and digits kept
/// (Unicode aware), spaces and hyphens to `-`, other punctuation dropped.
#[must_use]
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' || c == '-' {
            out.push('-');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_like_github() {
        assert_eq!(
            slugify("Wat kost een AI-workshop?"),
            "wat-kost-een-ai-workshop"
        );
        assert_eq!(slugify("Één  stap"), "één--stap");
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path("a/b.MD".as_ref()), Some(Format::Markdown));
        assert_eq!(Format::from_path("x.mdx".as_ref()), Some(Format::Mdx));
        assert_eq!(Format::from_path("x.htm".as_ref()), Some(Format::Html));
        assert_eq!(Format::from_path("x.txt".as_ref()), None);
    }
}
