//! geolint: an SEO/GEO content linter and structured-data validator.
//!
//! Nothing in the library prints; the binary and the reporters do.

pub mod cli;
pub mod config;
pub mod crawl;
pub mod diagnostic;
pub mod document;
pub mod lint;
pub mod report;
pub mod rules;
pub mod site;
pub mod source;
pub mod span;
pub mod suppress;
