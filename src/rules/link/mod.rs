//! `link/*`: links in the content.

pub mod broken_relative;
pub mod empty_href;
pub mod generic_text;
