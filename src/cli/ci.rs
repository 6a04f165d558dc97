//! The CI options of `check`: `--changed-since`, `--baseline`, `--write-baseline`,
//! `--sarif-file` and `--step-summary`.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;

use super::args::CheckArgs;
use crate::baseline::Baseline;
use crate::changed::{self, ChangedSet};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::lint::{self, Outcome};
use crate::report;

/// Narrow the outcome to what the run should report: changed files only, then findings not in
/// the baseline. Writes the baseline when asked. Returns notes for the step summary.
pub fn narrow(
    args: &CheckArgs,
    config: &Config,
    outcome: &mut Outcome,
) -> anyhow::Result<Vec<String>> {
    let mut notes = Vec::new();
    if let Some(reference) = &args.changed_since {
        let dir = git_folder(args)?;
        let mut set = ChangedSet::new(changed::changed_files(reference, &dir)?);
        outcome.diagnostics.retain(|d| set.contains(&d.path));
        let (walked, _) = lint::walk(&args.paths, config)?;
        let linted = walked.len();
        outcome.files = walked.iter().filter(|p| set.contains_path(p)).count();
        // A full commit id is shown short, as git does.
        let shown = if reference.len() == 40 && reference.chars().all(|c| c.is_ascii_hexdigit()) {
            reference.get(..12).unwrap_or(reference)
        } else {
            reference.as_str()
        };
        notes.push(format!(
            "Only files changed since `{shown}` are reported: {} of {} linted.",
            outcome.files, linted
        ));
    }
    if let Some(file) = &args.write_baseline {
        let baseline = Baseline::record(&outcome.diagnostics, &outcome.sources, file);
        baseline.save(file)?;
        if !args.quiet {
            eprint_line(&format!(
                "geolint: wrote {} findings to baseline {}",
                baseline.len(),
                file.display()
            ));
        }
        notes.push(format!(
            "{} findings were written to the baseline `{}`.",
            baseline.len(),
            file.display()
        ));
        outcome.diagnostics.clear();
    }
    if let Some(file) = &args.baseline {
        let baseline = Baseline::load(file)?;
        let hidden = baseline.filter(&mut outcome.diagnostics, &outcome.sources, file);
        if hidden > 0 {
            notes.push(format!(
                "{hidden} known findings recorded in the baseline `{}` are not shown.",
                file.display()
            ));
            if !args.quiet {
                eprint_line(&format!(
                    "geolint: {hidden} findings recorded in baseline {} are not shown",
                    file.display()
                ));
            }
        }
    }
    Ok(notes)
}

/// The folder whose git repository counts: the current folder when it is in one, else the
/// first linted path's folder (`geolint check ../site --changed-since main`).
fn git_folder(args: &CheckArgs) -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    if changed::repo_root(&cwd).is_some() {
        return Ok(cwd);
    }
    let first = args.paths.first().map(|p| {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf)
        }
    });
    Ok(first.unwrap_or(cwd))
}

/// The repository root SARIF paths are relative to: the git root around the current folder
/// (or the first linted path), else the current folder.
fn sarif_root(args: &CheckArgs) -> Option<PathBuf> {
    let dir = git_folder(args).ok()?;
    changed::repo_root(&dir).or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|c| std::fs::canonicalize(c).ok())
    })
}

/// The SARIF report.
pub fn sarif(
    args: &CheckArgs,
    outcome: &Outcome,
    shown: &[&Diagnostic],
    config: &Config,
) -> String {
    report::sarif::render(outcome, shown, config, sarif_root(args).as_deref())
}

/// Write `--sarif-file` and append `--step-summary`.
pub fn side_reports(
    args: &CheckArgs,
    outcome: &Outcome,
    shown: &[&Diagnostic],
    config: &Config,
    notes: &[String],
) -> anyhow::Result<()> {
    if let Some(path) = &args.sarif_file {
        std::fs::write(path, sarif(args, outcome, shown, config))
            .with_context(|| format!("cannot write SARIF report to {}", path.display()))?;
    }
    if let Some(path) = &args.step_summary {
        let text = report::summary::render(outcome, shown, notes);
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .with_context(|| format!("cannot append the summary to {}", path.display()))?;
    }
    Ok(())
}

fn eprint_line(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}
