use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// geolint: lint articles and pages for SEO, GEO (generative engines) and structured data.
#[derive(Debug, Parser)]
#[command(name = "geolint", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process
pub enum Command {
    /// Lint Markdown/MDX/HTML files and folders (default: .)
    Check(CheckArgs),
    /// Audit a live site: fetch robots.txt, sitemaps and pages, lint each page, add site-wide checks
    Crawl(Box<CrawlArgs>),
    /// List every rule with its default level, or explain one rule
    Rules {
        /// A rule id such as heading/single-h1
        rule: Option<String>,
    },
    /// Print the `FAQPage` JSON-LD that matches the visible FAQ of a page
    FaqSchema {
        /// A Markdown, MDX or HTML file with a visible FAQ
        file: PathBuf,
        /// Wrap the JSON-LD in a <script type="application/ld+json"> element
        #[arg(long)]
        script: bool,
    },
    /// Write a commented geolint.toml for the current folder
    Init {
        /// Overwrite an existing geolint.toml
        #[arg(long)]
        force: bool,
    },
    /// Keyword-cluster coverage report: pages, gaps, cannibalisation, links
    Clusters(ClustersArgs),
    /// Language server over stdio for editors
    Lsp,
    /// Run site-wide rules over indexes written by sharded runs and report all findings
    Merge(MergeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// SARIF 2.1.0 for code scanning
    Sarif,
    /// One self-contained HTML report
    Html,
}

/// Formats of the report commands (`clusters`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Nl,
    En,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)]
pub struct CheckArgs {
    /// Files and folders to lint
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Use this config file instead of looking for geolint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report errors only, and no summary line
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Show no progress indicator
    #[arg(long)]
    pub no_progress: bool,
    /// Number of parallel jobs (default: number of CPUs)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Set a rule's level: --rule heading/single-h1=warning (repeatable)
    #[arg(long = "rule", value_name = "ID=LEVEL")]
    pub rules: Vec<String>,
    /// Default language of the content (front matter `lang` still wins)
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Report only findings not recorded in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (a baseline), then report none of them
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Lint the whole site but report only files changed since this git ref
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Also write a SARIF 2.1.0 report to FILE
    #[arg(long, value_name = "FILE")]
    pub sarif_file: Option<PathBuf>,
    /// Append a Markdown summary to FILE (e.g. `$GITHUB_STEP_SUMMARY`)
    #[arg(long, value_name = "FILE")]
    pub step_summary: Option<PathBuf>,
    /// Apply safe fixes in place, then report what is left
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: apply unsafe fixes too
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them (exit 1 when there are any)
    #[arg(long)]
    pub diff: bool,
    /// Lint, then re-lint and reprint whenever a file changes (Ctrl-C stops)
    #[arg(long, short = 'w')]
    pub watch: bool,
    /// Lint only the K-th of N stable subsets of the files (site rules wait for `geolint merge`)
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::lint::Shard>,
    /// Write the per-file findings and summaries that `geolint merge` needs to FILE
    #[arg(long, value_name = "FILE")]
    pub emit_index: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Index files written by `geolint check --shard K/N --emit-index FILE`
    #[arg(required = true, value_name = "INDEX")]
    pub indexes: Vec<PathBuf>,
    /// Use this config file instead of looking for geolint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report errors only, and no summary line
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Set a rule's level: --rule heading/single-h1=warning (repeatable)
    #[arg(long = "rule", value_name = "ID=LEVEL")]
    pub rules: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ClustersArgs {
    /// Files and folders of the site
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Use this config file instead of looking for geolint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Default language of the content (front matter `lang` still wins)
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct CrawlArgs {
    /// The start URL (`example.nl` means `https://example.nl/`)
    pub url: String,
    /// Use this config file instead of looking for geolint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report errors only, and no summary line
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Show no progress bar
    #[arg(long)]
    pub no_progress: bool,
    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Set a rule's level: --rule crawl/slow-response=off (repeatable)
    #[arg(long = "rule", value_name = "ID=LEVEL")]
    pub rules: Vec<String>,
    /// Default language of the pages (`<html lang>` still wins)
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Fetch at most N pages
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_pages: usize,
    /// Follow links at most N clicks from the start URL (sitemap URLs count as depth 1)
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max_depth: u32,
    /// Parallel requests
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub concurrency: usize,
    /// Requests per second to the host (0: no limit); a larger robots.txt Crawl-delay wins
    #[arg(long, value_name = "N", default_value_t = 10.0)]
    pub rate: f64,
    /// Only crawl URLs whose path matches this glob, e.g. '/blog/**' (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip URLs whose path matches this glob, e.g. '/tag/**' (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Seconds to wait for a response
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Largest page body read, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 5 * 1024 * 1024)]
    pub max_body: u64,
    /// Redirects followed per URL
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_redirects: u32,
    /// Responses slower than this many milliseconds are reported (crawl/slow-response)
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub slow: u64,
}
