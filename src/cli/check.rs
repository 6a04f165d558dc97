use std::io::IsTerminal;

use anyhow::Context;

use super::args::{CheckArgs, Format, Lang};
use super::{exit, write_stdout};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{self, RunOptions};
use crate::report;

pub fn run(args: &CheckArgs) -> anyhow::Result<u8> {
    let mut config = if let Some(path) = &args.config {
        Config::load(path)?
    } else {
        let mut starts = args.paths.clone();
        if let Ok(cwd) = std::env::current_dir() {
            starts.push(cwd);
        }
        Config::discover(&starts)?
    };
    config.apply_overrides(&args.rules)?;
    if let Some(lang) = args.lang {
        config.language = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
        .to_string();
    }
    if let Some(jobs) = args.jobs.filter(|j| *j > 0) {
        // Only the first call in a process can set the global pool; later calls keep it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }

    let human = args.format == Format::Human;
    let outcome = lint::run(
        &args.paths,
        &config,
        RunOptions {
            keep_sources: human,
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
    let text = match args.format {
        Format::Human => report::human::render(&outcome, &shown, color, args.quiet),
        Format::Json => report::json::render(&outcome, &shown),
        Format::Html => report::html::render(&report::html::HtmlReport {
            title: format!("geolint check {}", paths_label(&args.paths)),
            notes: vec![format!("geolint {}", env!("CARGO_PKG_VERSION"))],
            summary: report::Summary::of(&outcome),
            unit: "files",
            diagnostics: &shown,
            sections: Vec::new(),
        }),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write report to {}", path.display()))?,
        None => write_stdout(&text)?,
    }

    let summary = report::Summary::of(&outcome);
    Ok(if !outcome.errors.is_empty() {
        exit::TROUBLE
    } else if summary.errors > 0 || args.max_warnings.is_some_and(|m| summary.warnings > m) {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn paths_label(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}
