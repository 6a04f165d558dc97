//! The parse-only floor of the benchmark: the same walk, read and parse as `geolint check`,
//! without rules, so `bench/run.sh` can show how close the full check is to the parser's limit.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Config;
use crate::document::Format;
use crate::lint::{display_path, walk, RunError};
use crate::source;

/// What a parse-only pass saw.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ParseStats {
    /// Files read and parsed.
    pub files: usize,
    /// Bytes of those files.
    pub bytes: u64,
    /// Headings, links and words found: printed so that the parse cannot be optimised away.
    pub headings: usize,
    pub links: usize,
    pub words: usize,
    /// Files that could not be read.
    pub errors: usize,
}

/// Walk `paths`, read and parse every file in parallel, and count what was found.
pub fn run(paths: &[PathBuf], config: &Config) -> Result<ParseStats, RunError> {
    let (files, errors) = walk(paths, config)?;
    let stats = files
        .par_iter()
        .map(|path| {
            let Some(format) = Format::from_path(path) else {
                return ParseStats::default();
            };
            let Ok(text) = source::read(path) else {
                return ParseStats {
                    errors: 1,
                    ..ParseStats::default()
                };
            };
            let bytes = text.len() as u64;
            let doc = source::parse(path.clone(), display_path(path), format, text);
            ParseStats {
                files: 1,
                bytes,
                headings: doc.headings.len(),
                links: doc.links.len(),
                words: doc.word_count,
                errors: 0,
            }
        })
        .reduce(ParseStats::default, |a, b| ParseStats {
            files: a.files + b.files,
            bytes: a.bytes + b.bytes,
            headings: a.headings + b.headings,
            links: a.links + b.links,
            words: a.words + b.words,
            errors: a.errors + b.errors,
        });
    Ok(ParseStats {
        errors: stats.errors + errors.len(),
        ..stats
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_fixture_site() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/site");
        let config = Config::discover(std::slice::from_ref(&root)).expect("fixture config");
        let stats = run(&[root], &config).expect("walk");
        assert!(stats.files >= 10, "{stats:?}");
        assert!(stats.headings > stats.files, "{stats:?}");
        assert!(stats.words > 1000, "{stats:?}");
    }
}
