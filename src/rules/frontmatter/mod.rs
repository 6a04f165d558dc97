//! `frontmatter/*`: YAML/TOML front matter.

pub mod draft;
pub mod invalid_date;
pub mod parse_error;
pub mod required_field;
pub mod wrong_type;
