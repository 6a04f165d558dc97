//! `image/*`: images and their alt text.

pub mod cover_alt;
pub mod missing_alt;
