//! `geolint clusters [PATHS]`: the keyword-cluster coverage report.

use super::args::{ClustersArgs, Lang, ReportFormat as Format};
use super::exit;
use crate::config::Config;
use crate::diagnostic::Level;
use crate::lint::{self, RunOptions};

pub fn run(args: &ClustersArgs) -> anyhow::Result<u8> {
    let mut config = if let Some(path) = &args.config {
        Config::load(path)?
    } else {
        let mut starts = args.paths.clone();
        if let Ok(cwd) = std::env::current_dir() {
            starts.push(cwd);
        }
        Config::discover(&starts)?
    };
    if let Some(lang) = args.lang {
        config.language = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
        .to_string();
    }
    // Only the page summaries are needed: switch every rule off.
    for r in crate::rules::registry::ALL {
        config.levels.insert(r.info().id.to_string(), Level::Off);
    }
    for c in &mut config.custom {
        c.level = Level::Off;
    }
    let outcome = lint::run(&args.paths, &config, RunOptions::default())?;
    for e in &outcome.errors {
        eprintln_safe(&format!("geolint: error: {}: {}", e.path, e.message));
    }
    let report = crate::clusters::build(&outcome.docs, &config);
    let text = match args.format {
        Format::Json => crate::clusters::render_json(&report)?,
        Format::Human => crate::clusters::render_human(&report),
    };
    super::write_report(args.output.as_deref(), &text)?;
    Ok(if outcome.errors.is_empty() {
        exit::OK
    } else {
        exit::TROUBLE
    })
}

fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
