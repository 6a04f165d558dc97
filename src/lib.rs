//! geolint: an SEO/GEO content linter and structured-data validator.
//!
//! Nothing in the library prints; the binary and the reporters do.

pub mod document;
pub mod source;
pub mod span;
