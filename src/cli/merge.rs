//! `geolint merge INDEX…`: join the indexes of sharded runs, run the site-wide rules once, and
//! report every finding as one unsharded `geolint check` would.

use std::io::IsTerminal;

use super::args::{Format, MergeArgs};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::index::{self, SiteIndex};
use crate::lint::RunOptions;
use crate::report;

pub fn run(args: &MergeArgs) -> anyhow::Result<u8> {
    let mut indexes = Vec::new();
    for path in &args.indexes {
        indexes.push((path.clone(), SiteIndex::read(path)?));
    }
    // The config of the site: the one named, else the one the indexed files would find.
    let mut config = if let Some(path) = &args.config {
        Config::load(path)?
    } else {
        let mut starts: Vec<_> = indexes
            .iter()
            .filter_map(|(_, i)| i.docs.first().map(|d| d.path.clone()))
            .collect();
        if let Ok(cwd) = std::env::current_dir() {
            starts.push(cwd);
        }
        Config::discover(&starts)?
    };
    config.apply_overrides(&args.rules)?;

    let human = args.format == Format::Human;
    let outcome = index::merge(
        indexes,
        &config,
        RunOptions {
            keep_sources: human,
            ..RunOptions::default()
        },
    )?;
    for e in &outcome.errors {
        eprintln_safe(&format!("geolint: error: {}: {}", e.path, e.message));
    }

    let shown: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| !args.quiet || d.severity == Level::Error)
        .collect();
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = human && to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    super::emit_files_report(
        args.format,
        &outcome,
        &shown,
        (color, args.quiet),
        format!("geolint merge ({} indexes)", args.indexes.len()),
        || {
            let root = std::env::current_dir()
                .ok()
                .and_then(|c| std::fs::canonicalize(c).ok());
            report::sarif::render(&outcome, &shown, &config, root.as_deref())
        },
        args.output.as_deref(),
    )?;

    let summary = report::Summary::of(&outcome);
    Ok(super::exit_code(
        summary,
        !outcome.errors.is_empty(),
        args.max_warnings,
    ))
}

fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
