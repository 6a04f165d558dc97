//! `check --fix`, `--unsafe-fixes` and `--diff`: apply the fixes of a run, or show them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::args::CheckArgs;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::fix::{self, Applicability};
use crate::lint::{self, RunOptions};
use crate::source;

/// What fixing did.
#[derive(Debug, Default)]
pub struct FixReport {
    /// Fixes applied (or, with `--diff`, that would be).
    pub applied: usize,
    /// Files changed (or that would change).
    pub files: usize,
    /// Unified diffs (with `--diff`).
    pub diff: String,
    /// Files that still had fixes after the last pass.
    pub not_converged: Vec<String>,
    /// Files where a pass was dropped because it would have broken front matter or code.
    pub refused: Vec<String>,
    /// Files that could not be read or written, as messages naming the file.
    pub errors: Vec<String>,
}

struct FileFix {
    path: PathBuf,
    display: String,
    original: String,
    fixed: fix::Fixed,
}

/// Lint `args.paths`, fix every file with fixable findings, and write the results (or, with
/// `--diff`, collect a diff).
pub fn run(args: &CheckArgs, config: &Config) -> anyhow::Result<FixReport> {
    let which = if args.unsafe_fixes {
        Applicability::All
    } else {
        Applicability::Safe
    };
    let outcome = lint::run(&args.paths, config, RunOptions::default())?;
    let mut by_path: BTreeMap<&str, Vec<Diagnostic>> = BTreeMap::new();
    for d in &outcome.diagnostics {
        by_path.entry(d.path.as_str()).or_default().push(d.clone());
    }
    by_path.retain(|_, ds| {
        ds.iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| which.allows(f.safety)))
    });
    let (files, _) = lint::walk(&args.paths, config)?;
    let targets: Vec<(PathBuf, String, Vec<Diagnostic>)> = files
        .into_iter()
        .filter_map(|p| {
            let display = lint::display_path(&p);
            let diags = by_path.remove(display.as_str())?;
            Some((p, display, diags))
        })
        .collect();

    let results: Vec<Result<FileFix, String>> = targets
        .par_iter()
        .map(|(path, display, diags)| {
            let err = |e: String| format!("{display}: {e}");
            let format = Format::from_path(path).unwrap_or(Format::Markdown);
            let text = source::read(path).map_err(|e| err(e.to_string()))?;
            let doc = source::parse(path.clone(), display.clone(), format, text);
            let rel: Vec<String> = args
                .paths
                .iter()
                .flat_map(|r| lint::relative_candidates(path, config, r))
                .collect();
            let fixed = fix::fix_text(&doc, config, &rel, which, Some(diags));
            Ok(FileFix {
                path: path.clone(),
                display: display.clone(),
                original: doc.source,
                fixed,
            })
        })
        .collect();

    let mut report = FixReport::default();
    for r in results {
        let f = match r {
            Ok(f) => f,
            Err(e) => {
                report.errors.push(e);
                continue;
            }
        };
        if !f.fixed.converged {
            report.not_converged.push(f.display.clone());
        }
        if f.fixed.refused {
            report.refused.push(f.display.clone());
        }
        if f.fixed.text == f.original {
            continue;
        }
        if args.diff {
            report
                .diff
                .push_str(&fix::unified_diff(&f.display, &f.original, &f.fixed.text));
        } else if let Err(e) = fix::write_atomic(&f.path, &f.original, &f.fixed.text) {
            report.errors.push(e.to_string());
            continue;
        }
        report.applied += f.fixed.applied;
        report.files += 1;
    }
    Ok(report)
}
