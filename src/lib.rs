//! geolint: an SEO/GEO content linter and structured-data validator.
//!
//! Nothing in the library prints; the binary and the reporters do.

pub mod baseline;
pub mod changed;
pub mod cli;
pub mod clusters;
pub mod config;
pub mod crawl;
pub mod diagnostic;
pub mod document;
pub mod faq;
pub mod fix;
pub mod index;
pub mod keywords;
pub mod lint;
pub mod lsp;
pub mod parse_only;
pub mod prose;
pub mod report;
pub mod rules;
pub mod site;
pub mod source;
pub mod span;
pub mod structured;
pub mod suppress;
pub mod timings;
pub mod urlmap;
pub mod watch;
