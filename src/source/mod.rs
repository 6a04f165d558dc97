//! Loading and parsing source files.

pub mod frontmatter;
pub mod html;
