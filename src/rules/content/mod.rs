//! `content/*`: length and freshness of the text.

pub mod empty_file;
pub mod long_paragraph;
pub mod stale_year;
pub mod unknown_suppression;
pub mod word_count;
