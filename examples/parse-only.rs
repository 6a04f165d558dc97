//! The parse-only floor for `bench/run.sh`: walk, read and parse like `geolint check`, no rules.
//!
//! ```text
//! cargo run --release --example parse-only -- DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: parse-only PATH...");
        return ExitCode::from(2);
    }
    let config = match geolint::config::Config::discover(&paths) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("parse-only: {e}");
            return ExitCode::from(2);
        }
    };
    match geolint::parse_only::run(&paths, &config) {
        Ok(s) => {
            eprintln!(
                "parsed {} files ({} bytes): {} headings, {} links, {} words, {} errors",
                s.files, s.bytes, s.headings, s.links, s.words, s.errors
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse-only: {e}");
            ExitCode::from(2)
        }
    }
}
