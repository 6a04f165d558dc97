//! `geolint faq-schema FILE`: print `FAQPage` JSON-LD for the page's visible FAQ.

use anyhow::{bail, Context};

use super::{exit, write_stdout};
use crate::document::Format;

pub fn run(file: &std::path::Path, script: bool) -> anyhow::Result<u8> {
    let Some(format) = Format::from_path(file) else {
        bail!(
            "{}: unknown file type: geolint reads .md, .markdown, .mdx, .html and .htm",
            file.display()
        );
    };
    let text =
        crate::source::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let display = crate::lint::display_path(file);
    let doc = crate::source::parse(file.to_path_buf(), display, format, text);
    let items = crate::faq::extract(&doc);
    if items.is_empty() {
        bail!(
            "{}: no visible FAQ found: geolint looks for question headings or bold questions under a heading such as \"Veelgestelde vragen\" or \"FAQ\", and for a front matter `faq` list",
            file.display()
        );
    }
    let json = crate::faq::faq_page_jsonld(&items);
    let out = if script {
        format!("<script type=\"application/ld+json\">\n{json}\n</script>\n")
    } else {
        format!("{json}\n")
    };
    write_stdout(&out)?;
    Ok(exit::OK)
}
