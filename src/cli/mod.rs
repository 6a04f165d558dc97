//! The command line: parse arguments, run, print, map to exit codes 0/1/2.

mod args;
mod check;
mod ci;
mod clusters;
mod crawl;
mod faq_schema;
mod fix_cmd;
mod init;
mod merge;
mod rules_cmd;
mod watch_cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// Exit codes of the SPEC.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const TROUBLE: u8 = 2;
}

/// Run the command line with the process arguments.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::TROUBLE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = run(cli);
    crate::timings::report();
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "geolint: error: {e:#}");
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Crawl(args) => crawl::run(&args),
        Command::Rules { rule } => rules_cmd::run(rule.as_deref()),
        Command::Init { force } => init::run(force),
        Command::Clusters(args) => clusters::run(&args),
        Command::FaqSchema { file, script } => faq_schema::run(&file, script),
        Command::Merge(args) => merge::run(&args),
        Command::Lsp => crate::lsp::run().map(|()| exit::OK).map_err(Into::into),
    }
}

/// Render the findings of a file run (`check`, `check --watch`, `merge`) in a `--format`.
/// `sarif` builds the SARIF document (its URIs depend on where the repository root is).
pub(crate) fn render_files_report(
    format: args::Format,
    outcome: &crate::lint::Outcome,
    shown: &[&crate::diagnostic::Diagnostic],
    style: (bool, bool),
    html_title: String,
    sarif: impl FnOnce() -> String,
) -> String {
    let (color, quiet) = style;
    match format {
        args::Format::Human => crate::report::human::render(outcome, shown, color, quiet),
        args::Format::Json => crate::report::json::render(outcome, shown),
        args::Format::Github => crate::report::github::render(shown),
        args::Format::Sarif => sarif(),
        args::Format::Html => crate::report::html::render(&crate::report::html::HtmlReport {
            title: html_title,
            notes: vec![format!("geolint {}", env!("CARGO_PKG_VERSION"))],
            summary: crate::report::Summary::of(outcome),
            unit: "files",
            diagnostics: shown,
            sections: Vec::new(),
        }),
    }
}

/// Render the report of a file run and write it to `--output FILE` or stdout; JSON is streamed.
pub(crate) fn emit_files_report(
    format: args::Format,
    outcome: &crate::lint::Outcome,
    shown: &[&crate::diagnostic::Diagnostic],
    style: (bool, bool),
    html_title: String,
    sarif: impl FnOnce() -> String,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    if format != args::Format::Json {
        let text = render_files_report(format, outcome, shown, style, html_title, sarif);
        return write_report(output, &text);
    }
    if let Some(path) = output {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot write report to {}", path.display()))?;
        return crate::report::json::write(outcome, shown, std::io::BufWriter::new(file))
            .with_context(|| format!("cannot write report to {}", path.display()));
    }
    let stdout = std::io::stdout().lock();
    match crate::report::json::write(outcome, shown, std::io::BufWriter::new(stdout)) {
        Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => Ok(()),
        other => Ok(other?),
    }
}

/// Write a report to `--output FILE`, or to stdout.
pub(crate) fn write_report(output: Option<&std::path::Path>, text: &str) -> anyhow::Result<()> {
    use anyhow::Context as _;
    match output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write report to {}", path.display())),
        None => write_stdout(text),
    }
}

/// The SPEC's exit code: 2 when geolint could not check everything (`trouble`), 1 for an error
/// finding or more warnings than `--max-warnings`, else 0.
pub(crate) fn exit_code(
    summary: crate::report::Summary,
    trouble: bool,
    max_warnings: Option<usize>,
) -> u8 {
    if trouble {
        exit::TROUBLE
    } else if summary.errors > 0 || max_warnings.is_some_and(|m| summary.warnings > m) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Write to stdout, treating a closed pipe (`geolint … | head`) as success.
pub(crate) fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
