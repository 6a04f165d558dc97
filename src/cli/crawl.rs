//! `geolint crawl <URL>`.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use globset::{Glob, GlobSet, GlobSetBuilder};

use super::args::{CrawlArgs, Format, Lang};
use crate::config::Config;
use crate::crawl::{self, CrawlOptions, Progress};
use crate::diagnostic::{self, Diagnostic, Level};
use crate::lint::Outcome;
use crate::report;

pub fn run(args: &CrawlArgs) -> anyhow::Result<u8> {
    let mut config = if let Some(path) = &args.config {
        Config::load(path)?
    } else {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        Config::discover(&[cwd])?
    };
    config.apply_overrides(&args.rules)?;
    if let Some(lang) = args.lang {
        config.language = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
        .to_string();
    }
    let start = crawl::parse_start(&args.url)?;
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    if !(args.rate.is_finite() && args.rate >= 0.0) {
        anyhow::bail!("--rate must be 0 (no limit) or a positive number of requests per second");
    }
    let mut opts = CrawlOptions::new(start.clone());
    opts.max_pages = args.max_pages;
    opts.max_depth = args.max_depth;
    opts.concurrency = args.concurrency.clamp(1, 256);
    opts.include = globs(&args.include, "--include")?;
    opts.exclude = globs(&args.exclude, "--exclude")?;
    opts.fetch.timeout = Duration::from_secs_f64(args.timeout);
    opts.fetch.max_body = args.max_body;
    opts.fetch.max_redirects = args.max_redirects;
    opts.fetch.rate = args.rate;
    opts.slow_ms = args.slow;

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // A second Ctrl-C ends the process at once.
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                b"\ngeolint: stopping: finishing requests under way, then writing the report (Ctrl-C again to quit)\n",
            );
        });
    }

    let show_progress = !args.no_progress
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false");
    let bar = show_progress.then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let began = Instant::now();
    let on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            let secs = began.elapsed().as_secs_f64().max(0.001);
            #[allow(clippy::cast_precision_loss)]
            let rate = p.done as f64 / secs;
            bar.set_message(format!(
                "{} pages done, {} queued, {} errors, {rate:.1} pages/s",
                p.done, p.queued, p.errors
            ));
        }
    };
    let result = crawl::crawl(&opts, &config, &stop, &on_progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let site = &result.site;
    // No HTTP answer at all, not even for robots.txt: the site cannot be reached (exit 2).
    if site.pages.is_empty() {
        if let Some(crawl::fetch::FetchError::Connection(e)) =
            site.robots.as_ref().and_then(|r| r.error.as_ref())
        {
            anyhow::bail!("cannot reach {start}: {e}");
        }
    }
    let mut diagnostics = result.diagnostics;
    diagnostics.extend(crate::rules::crawl::run(site, &config));
    diagnostic::sort(&mut diagnostics);
    let outcome = Outcome {
        files: site.pages.len(),
        diagnostics,
        ..Outcome::default()
    };
    if site.interrupted {
        eprintln_safe(&format!(
            "geolint: crawl stopped after {} pages; the report covers those",
            site.pages.len()
        ));
    }

    let shown: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| !args.quiet || d.severity == Level::Error)
        .collect();
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let summary = report::Summary::of(&outcome);
    let text = match args.format {
        Format::Human => {
            let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let mut t = String::new();
            if !args.quiet {
                t.push_str(&crawl_notes(site).join("\n"));
                t.push_str("\n\n");
            }
            t.push_str(&report::grouped::render(&shown, color));
            if !args.quiet {
                t.push_str(&report::grouped::summary_line(summary, color));
            }
            t
        }
        Format::Json => report::json::render(&outcome, &shown),
        // Annotations and SARIF name the page URL as the file: useful for a crawl run in CI.
        Format::Github => report::github::render(&shown),
        Format::Sarif => report::sarif::render(&outcome, &shown, &config, None),
        Format::Html => report::html::render(&report::html::HtmlReport {
            title: format!("geolint crawl {start}"),
            notes: crawl_notes(site),
            summary,
            unit: "pages",
            diagnostics: &shown,
            sections: crawl_sections(site),
        }),
    };
    super::write_report(args.output.as_deref(), &text)?;
    Ok(super::exit_code(summary, false, args.max_warnings))
}

fn globs(patterns: &[String], flag: &str) -> anyhow::Result<Option<GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).with_context(|| format!("invalid {flag} pattern `{p}`"))?;
        b.add(g);
    }
    Ok(Some(
        b.build()
            .with_context(|| format!("invalid {flag} patterns"))?,
    ))
}

/// What was crawled, in a few lines.
fn crawl_notes(site: &crawl::page::CrawlSite) -> Vec<String> {
    let html = site.pages.iter().filter(|p| p.html.is_some()).count();
    let redirects = site
        .pages
        .iter()
        .filter(|p| !p.redirects.is_empty())
        .count();
    let failed = site
        .pages
        .iter()
        .filter(|p| {
            p.redirects.is_empty() && (p.error.is_some() || p.status.is_none_or(|s| s >= 400))
        })
        .count();
    let other = site.pages.len() - html - redirects - failed;
    let robots = match &site.robots {
        Some(r) => match (r.status, &r.error) {
            (_, Some(e)) => format!("robots.txt: {e}"),
            (Some(200), None) => {
                let delay = site
                    .robots_parsed
                    .rules_for(crawl::fetch::ROBOTS_TOKEN)
                    .crawl_delay
                    .map_or(String::new(), |d| format!(", crawl-delay {d}s honoured"));
                format!(
                    "robots.txt: {} groups, {} URLs blocked for geolint{delay}",
                    site.robots_parsed.groups.len(),
                    site.blocked.len()
                )
            }
            (Some(s), None) => format!("robots.txt: HTTP {s}"),
            (None, None) => "robots.txt: no response".into(),
        },
        None => "robots.txt: not fetched".into(),
    };
    let mut blocked = Vec::new();
    let mut partly = Vec::new();
    let paths: Vec<String> = std::iter::once("/".to_string())
        .chain(
            site.pages
                .iter()
                .filter(|p| p.ok())
                .filter_map(|p| url::Url::parse(&p.url).ok().map(|u| u.path().to_string())),
        )
        .collect();
    for b in crawl::bots::BOTS.iter() {
        match crawl::bots::access(&site.robots_parsed, b, &paths) {
            crawl::bots::Access::Allowed => {}
            crawl::bots::Access::Blocked(_) => blocked.push(b.token.as_str()),
            crawl::bots::Access::Partly(_) => partly.push(b.token.as_str()),
        }
    }
    let ai = match (blocked.is_empty(), partly.is_empty()) {
        (true, true) => "AI crawlers: all allowed".to_string(),
        _ => format!(
            "AI crawlers blocked: {}; partly blocked: {}",
            if blocked.is_empty() {
                "none".into()
            } else {
                blocked.join(", ")
            },
            if partly.is_empty() {
                "none".into()
            } else {
                partly.join(", ")
            }
        ),
    };
    vec![
        format!(
            "crawled {} URLs from {}: {html} HTML pages, {other} other files, {redirects} redirects, {failed} failed{}",
            site.pages.len(),
            site.start,
            if site.interrupted { " (stopped early)" } else if site.complete { "" } else { " (limits reached)" }
        ),
        format!(
            "{robots}; sitemaps: {} files, {} URLs",
            site.sitemaps.len(),
            site.sitemap_entries.len()
        ),
        ai,
    ]
}

/// The crawl's extra tables for the HTML report: AI crawler access and every URL fetched.
fn crawl_sections(site: &crawl::page::CrawlSite) -> Vec<report::html::Section> {
    use crawl::bots::{access, Access, BOTS};
    let paths: Vec<String> = std::iter::once("/".to_string())
        .chain(
            site.pages
                .iter()
                .filter(|p| p.ok())
                .filter_map(|p| url::Url::parse(&p.url).ok().map(|u| u.path().to_string())),
        )
        .collect();
    let bots = report::html::Section {
        title: "AI crawler access (robots.txt)".into(),
        headers: ["crawler", "owner", "kind", "access"]
            .map(String::from)
            .to_vec(),
        rows: BOTS
            .iter()
            .map(|b| {
                let a = match access(&site.robots_parsed, b, &paths) {
                    Access::Allowed => "allowed".to_string(),
                    Access::Blocked(_) => "blocked".to_string(),
                    Access::Partly(v) => {
                        let blocked: Vec<&str> = v.iter().map(|(p, _)| p.as_str()).collect();
                        format!(
                            "blocked from {} of {} pages, under {}",
                            v.len(),
                            paths.len(),
                            crawl::bots::path_groups(&blocked, 5).replace('`', "")
                        )
                    }
                };
                vec![
                    b.token.clone(),
                    b.owner.clone(),
                    b.kind.as_str().to_string(),
                    a,
                ]
            })
            .collect(),
    };
    let pages = report::html::Section {
        title: "Crawled URLs".into(),
        headers: ["url", "status", "type", "ms", "depth", "redirects to"]
            .map(String::from)
            .to_vec(),
        rows: site
            .pages
            .iter()
            .map(|p| {
                vec![
                    p.url.clone(),
                    p.error.as_ref().map_or_else(
                        || p.status.map_or(String::new(), |s| s.to_string()),
                        ToString::to_string,
                    ),
                    p.content_type.clone().unwrap_or_default(),
                    p.elapsed_ms.to_string(),
                    p.depth.to_string(),
                    if p.redirects.is_empty() {
                        String::new()
                    } else {
                        p.final_url.clone()
                    },
                ]
            })
            .collect(),
    };
    vec![bots, pages]
}

fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
