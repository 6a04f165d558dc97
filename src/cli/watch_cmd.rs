//! `check --watch`: lint, then re-lint the changed files and reprint whenever content files
//! change.

use std::io::IsTerminal;

use super::args::{CheckArgs, Format};
use super::{exit, write_stdout};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{self, RunOptions};
use crate::watch::{Incremental, Watcher, DEBOUNCE};

pub fn run(args: &CheckArgs, config: &Config) -> anyhow::Result<u8> {
    // Check the paths before watching them: a missing path is exit 2 as in a plain check.
    lint::walk(&args.paths, config)?;
    let watcher = Watcher::new(&args.paths, DEBOUNCE)
        .map_err(|e| anyhow::anyhow!("cannot watch the files: {e}"))?;
    let to_terminal = std::io::stdout().is_terminal();
    let mut results = Incremental::new(&args.paths, config)?;
    print(args, &results, to_terminal, None)?;
    while let Some(change) = watcher.next_change(|e| eprintln_safe(&format!("geolint: watch: {e}")))
    {
        if change.config {
            eprintln_safe(
                "geolint: geolint.toml changed; restart `geolint check --watch` to use the new config",
            );
        }
        if change.files.is_empty() {
            continue;
        }
        let names: Vec<String> = change.files.iter().map(|p| lint::display_path(p)).collect();
        if let Err(e) = results.update(&change.files) {
            eprintln_safe(&format!("geolint: error: {e}"));
            continue;
        }
        print(args, &results, to_terminal, Some(&names))?;
    }
    Ok(exit::OK)
}

fn print(
    args: &CheckArgs,
    results: &Incremental<'_>,
    to_terminal: bool,
    changed: Option<&[String]>,
) -> anyhow::Result<()> {
    let human = args.format == Format::Human;
    let outcome = results.outcome(RunOptions {
        keep_sources: human,
        ..RunOptions::default()
    });
    let mut text = String::new();
    if human {
        if to_terminal {
            // Clear the screen and move home, as `cargo watch -c` does.
            text.push_str("\x1b[2J\x1b[H");
        }
        if let Some(names) = changed {
            text.push_str("changed: ");
            text.push_str(&names.join(", "));
            text.push_str("\n\n");
        }
    }
    for e in &outcome.errors {
        eprintln_safe(&format!("geolint: error: {}: {}", e.path, e.message));
    }
    let shown: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| !args.quiet || d.severity == Level::Error)
        .collect();
    let color = human && to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // SARIF is one document per run; in watch mode each re-lint prints a fresh one.
    text.push_str(&super::render_files_report(
        args.format,
        &outcome,
        &shown,
        (color, args.quiet),
        "geolint check --watch".into(),
        || super::ci::sarif(args, &outcome, &shown, results.config()),
    ));
    if human && !args.quiet {
        text.push_str("watching for changes (Ctrl-C stops)\n");
    }
    write_stdout(&text)
}

fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
