use std::io::IsTerminal;

use anyhow::Context;

use super::args::{CheckArgs, Format, Lang};
use super::{ci, exit, write_stdout};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{self, RunOptions};
use crate::report;

pub fn run(args: &CheckArgs) -> anyhow::Result<u8> {
    crate::rules::warm_up();
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

    if args.unsafe_fixes && !args.fix && !args.diff {
        anyhow::bail!("--unsafe-fixes only works with --fix or --diff");
    }
    if args.watch && (args.fix || args.diff || args.output.is_some()) {
        anyhow::bail!("--watch cannot be combined with --fix, --diff or --output");
    }
    let mut fix_trouble = false;
    if args.fix || args.diff {
        let fixed = super::fix_cmd::run(args, &config)?;
        for e in &fixed.errors {
            eprintln_safe(&format!("geolint: error: {e}"));
        }
        for p in &fixed.refused {
            eprintln_safe(&format!(
                "geolint: warning: {p}: some fixes were not applied because they would have broken front matter or a code block"
            ));
        }
        for p in &fixed.not_converged {
            eprintln_safe(&format!(
                "geolint: warning: {p}: fixes did not settle after {} passes; run again and check the result",
                crate::fix::MAX_PASSES
            ));
        }
        if args.diff {
            write_stdout(&fixed.diff)?;
            return Ok(if !fixed.errors.is_empty() {
                exit::TROUBLE
            } else if fixed.files > 0 {
                exit::FINDINGS
            } else {
                exit::OK
            });
        }
        if !args.quiet {
            eprintln_safe(&format!(
                "geolint: applied {} to {}",
                crate::report::plural(fixed.applied, "fix", "fixes"),
                crate::report::plural(fixed.files, "file", "files")
            ));
        }
        fix_trouble = !fixed.errors.is_empty();
    }
    if args.watch {
        return super::watch_cmd::run(args, &config);
    }

    let human = args.format == Format::Human;
    let mut outcome = lint::run(
        &args.paths,
        &config,
        RunOptions {
            keep_sources: human,
            shard: args.shard,
            keep_index: args.emit_index.is_some(),
        },
    )?;
    if let Some(path) = &args.emit_index {
        let index = crate::index::SiteIndex::of(&outcome, args.shard);
        std::fs::write(path, index.to_json()?)
            .with_context(|| format!("cannot write index to {}", path.display()))?;
    }

    for e in &outcome.errors {
        eprintln_safe(&format!("geolint: error: {}: {}", e.path, e.message));
    }

    let notes = ci::narrow(args, &config, &mut outcome)?;

    let shown: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| !args.quiet || d.severity == Level::Error)
        .collect();
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = human && to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    ci::side_reports(args, &outcome, &shown, &config, &notes)?;
    super::emit_files_report(
        args.format,
        &outcome,
        &shown,
        (color, args.quiet),
        format!("geolint check {}", paths_label(&args.paths)),
        || ci::sarif(args, &outcome, &shown, &config),
        args.output.as_deref(),
    )?;

    if human && !args.quiet && !args.fix {
        let fixable = outcome
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.safety == crate::fix::Safety::Safe)
            })
            .count();
        if fixable > 0 {
            eprintln_safe(&format!(
                "geolint: {} can be fixed with `geolint check --fix`",
                report::plural(fixable, "finding", "findings")
            ));
        }
    }

    let summary = report::Summary::of(&outcome);
    Ok(super::exit_code(
        summary,
        !outcome.errors.is_empty() || fix_trouble,
        args.max_warnings,
    ))
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
