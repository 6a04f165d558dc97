//! One renderer per `--format`.

pub mod github;
pub mod grouped;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use crate::diagnostic::Level;
use crate::lint::Outcome;

/// Counts for the summary line and the JSON summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    #[must_use]
    pub fn of(outcome: &Outcome) -> Self {
        Self {
            files: outcome.files,
            errors: outcome.count(Level::Error),
            warnings: outcome.count(Level::Warning),
            infos: outcome.count(Level::Info),
        }
    }
}

/// `n thing` / `n things`.
#[must_use]
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
