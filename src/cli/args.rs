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
    /// Write a commented geolint.toml for the current folder
    Init {
        /// Overwrite an existing geolint.toml
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Nl,
    En,
}

#[derive(Debug, Args)]
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
