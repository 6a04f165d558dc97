//! `heading/*`: the outline of a page.

pub mod duplicate;
pub mod empty;
pub mod single_h1;
pub mod skipped_level;
pub mod too_long;
