//! `geolint crawl`: fetch robots.txt, sitemaps and pages of a live site, lint every HTML page
//! with the page rules, and keep a small summary per page for the `crawl/*` rules.
//!
//! Threads: `concurrency` workers fetch, parse and lint pages (so parsing uses every core);
//! the calling thread owns the frontier (breadth-first by depth), the seen set and the
//! results. Bodies are dropped as soon as a page is summarised, so memory grows with the
//! number of pages and findings, not with their size.

pub mod bots;
pub mod fetch;
pub mod llms;
pub mod page;
pub mod robots;
pub mod sitemap;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use globset::GlobSet;
use url::Url;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::lint;
use fetch::{FetchOptions, Fetcher, Response};
use page::{CrawlSite, Page, SitemapEntry, SitemapFile, TextFile};

/// Settings of a crawl.
#[derive(Clone, Debug)]
pub struct CrawlOptions {
    pub start: Url,
    pub max_pages: usize,
    pub max_depth: u32,
    pub concurrency: usize,
    /// Globs on the URL path (`/blog/**`); a URL must match one when set.
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    pub fetch: FetchOptions,
    /// Responses slower than this (ms) are reported by `crawl/slow-response`.
    pub slow_ms: u64,
}

impl CrawlOptions {
    #[must_use]
    pub fn new(start: Url) -> Self {
        Self {
            start,
            max_pages: 10_000,
            max_depth: 50,
            concurrency: 8,
            include: None,
            exclude: None,
            fetch: FetchOptions::default(),
            slow_ms: 1_000,
        }
    }
}

/// How far a crawl is, for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub queued: usize,
    pub errors: usize,
}

/// The result of a crawl: the site model and the page-rule diagnostics.
#[derive(Debug, Default)]
pub struct Crawl {
    pub site: CrawlSite,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a crawl could not start.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    #[error("invalid URL `{0}`: {1}")]
    BadUrl(String, String),
}

/// Parse a start URL given on the command line (`example.nl` means `https://example.nl/`).
pub fn parse_start(input: &str) -> Result<Url, CrawlError> {
    // `mailto:…` is a URL of another scheme; `localhost:8080` is a host and a port.
    let other_scheme = Url::parse(input)
        .is_ok_and(|u| u.cannot_be_a_base() && !u.path().chars().all(|c| c.is_ascii_digit()));
    let with_scheme = if input.contains("://") || other_scheme {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    let url =
        Url::parse(&with_scheme).map_err(|e| CrawlError::BadUrl(input.into(), e.to_string()))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(CrawlError::BadUrl(
            input.into(),
            "only http and https URLs can be crawled".into(),
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(CrawlError::BadUrl(input.into(), "no host".into()));
    }
    Ok(url)
}

const MAX_SITEMAP_FILES: usize = 1_000;
const MAX_SITEMAP_URLS: usize = 200_000;
const MAX_LLMS_LINKS: usize = 500;

struct Job {
    url: Url,
    depth: u32,
}

struct Done {
    page: Page,
    diagnostics: Vec<Diagnostic>,
}

/// Crawl the site at `opts.start`. `stop` ends the crawl early (Ctrl-C): what was fetched is
/// still returned. `progress` is called after every page.
pub fn crawl(
    opts: &CrawlOptions,
    config: &Config,
    stop: &Arc<AtomicBool>,
    progress: &(dyn Fn(Progress) + Sync),
) -> Crawl {
    let fetcher = Fetcher::new(opts.fetch.clone(), Arc::clone(stop));
    let start = opts.start.clone();
    let host = start.host_str().unwrap_or("").to_string();
    let mut site = CrawlSite {
        start: start.to_string(),
        host: host.clone(),
        slow_ms: opts.slow_ms,
        ..CrawlSite::default()
    };

    // robots.txt
    let robots_url = start.join("/robots.txt").unwrap_or_else(|_| start.clone());
    let robots = fetch_text(&fetcher, &robots_url, 512 * 1024);
    let robots_blocks_all = robots.error.is_some() || robots.status.is_some_and(|s| s >= 500);
    if robots.status == Some(200) {
        site.robots_parsed = robots::Robots::parse(&robots.text);
    }
    site.robots = Some(robots);
    let robots_parsed = site.robots_parsed.clone();
    let our_rules = robots_parsed.rules_for(fetch::ROBOTS_TOKEN);
    if let Some(delay) = our_rules.crawl_delay.filter(|d| *d > 0.0) {
        fetcher.set_min_interval(&host, Duration::from_secs_f64(delay.min(60.0)));
    }
    let allowed = |u: &Url| {
        if robots_blocks_all {
            return false;
        }
        let path = match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        };
        our_rules.allowed(&path)
    };

    // sitemaps
    read_sitemaps(&fetcher, &start, &mut site, stop);

    // the frontier
    let in_scope = |u: &Url| {
        u.host_str() == Some(host.as_str())
            && opts.include.as_ref().is_none_or(|g| g.is_match(u.path()))
            && !opts.exclude.as_ref().is_some_and(|g| g.is_match(u.path()))
    };
    let mut queue: BinaryHeap<Reverse<(u32, usize, String)>> = BinaryHeap::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut seq = 0usize;
    let mut cut = false;
    let mut push = |queue: &mut BinaryHeap<Reverse<(u32, usize, String)>>,
                    seen: &mut HashSet<String>,
                    blocked: &mut Vec<String>,
                    u: &Url,
                    depth: u32| {
        if !in_scope(u) || seen.contains(u.as_str()) {
            return;
        }
        if depth > opts.max_depth {
            cut = true;
            return;
        }
        seen.insert(u.to_string());
        if !allowed(u) {
            blocked.push(u.to_string());
            return;
        }
        seq += 1;
        queue.push(Reverse((depth, seq, u.to_string())));
    };
    let mut blocked = Vec::new();
    push(&mut queue, &mut seen, &mut blocked, &start, 0);
    let sitemap_urls: Vec<String> = site.sitemap_entries.iter().map(|e| e.url.clone()).collect();
    for s in &sitemap_urls {
        if let Ok(u) = Url::parse(s) {
            push(&mut queue, &mut seen, &mut blocked, &u, 1);
        }
    }

    let mut diagnostics = Vec::new();
    let mut left = 0;
    let concurrency = opts.concurrency.max(1);
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..concurrency {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            let fetcher = &fetcher;
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok(job) = job else { break };
                let done = fetch_page(fetcher, &job, config);
                if done_tx.send(done).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut in_flight = 0usize;
        let mut dispatched = 0usize;
        let mut state = Progress::default();
        loop {
            while in_flight < concurrency * 2
                && dispatched < opts.max_pages
                && !stop.load(Ordering::Relaxed)
            {
                let Some(Reverse((depth, _, url))) = queue.pop() else {
                    break;
                };
                let Ok(url) = Url::parse(&url) else { continue };
                if job_tx.send(Job { url, depth }).is_err() {
                    break;
                }
                in_flight += 1;
                dispatched += 1;
            }
            if in_flight == 0 {
                break;
            }
            let Ok(done) = done_rx.recv() else { break };
            in_flight -= 1;
            if done.page.error == Some(fetch::FetchError::Stopped) {
                continue;
            }
            let page = done.page;
            let depth = page.depth;
            if let Some(html) = &page.html {
                let canonical = html.canonical.as_ref().and_then(|(_, c)| c.as_deref());
                for l in html.links.iter().map(|l| l.url.as_str()).chain(canonical) {
                    if let Ok(u) = Url::parse(l) {
                        push(&mut queue, &mut seen, &mut blocked, &u, depth + 1);
                    }
                }
            }
            if !page.redirects.is_empty() {
                if let Ok(u) = Url::parse(&page.final_url) {
                    push(&mut queue, &mut seen, &mut blocked, &u, depth);
                }
            }
            state.done += 1;
            if page.error.is_some() || page.status.is_some_and(|s| s >= 400) {
                state.errors += 1;
            }
            state.queued = queue.len().min(opts.max_pages.saturating_sub(dispatched));
            progress(state);
            diagnostics.extend(done.diagnostics);
            site.index.insert(page.url.clone(), site.pages.len());
            site.pages.push(page);
        }
        drop(job_tx);
        left = queue.len();
    });
    site.blocked = blocked;
    site.interrupted = stop.load(Ordering::Relaxed);
    site.complete = !site.interrupted && left == 0 && !cut;
    if !site.interrupted {
        read_llms(&fetcher, &start, &mut site);
    }
    Crawl { site, diagnostics }
}

/// GET a small text file whole.
fn fetch_text(fetcher: &Fetcher, url: &Url, cap: u64) -> TextFile {
    let r = fetcher.get(url, Some(cap), true, |_| true);
    TextFile {
        url: url.to_string(),
        status: r.status,
        text: r
            .body
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default(),
        error: r.error,
    }
}

fn read_sitemaps(fetcher: &Fetcher, start: &Url, site: &mut CrawlSite, stop: &AtomicBool) {
    let mut todo: Vec<(String, bool)> = site
        .robots_parsed
        .sitemaps
        .iter()
        .map(|(u, _)| {
            // A relative Sitemap line is resolved against robots.txt's URL.
            let abs = start.join(u).map_or_else(|_| u.clone(), |a| a.to_string());
            (abs, true)
        })
        .collect();
    if let Ok(default) = start.join("/sitemap.xml") {
        if !todo.iter().any(|(u, _)| *u == default.as_str()) {
            todo.push((default.to_string(), false));
        }
    }
    let mut done: HashSet<String> = HashSet::new();
    let mut i = 0;
    while let Some((url, listed)) = todo.get(i).cloned() {
        i += 1;
        if done.len() >= MAX_SITEMAP_FILES || stop.load(Ordering::Relaxed) {
            break;
        }
        if !done.insert(url.clone()) {
            continue;
        }
        let Ok(u) = Url::parse(&url) else {
            site.sitemaps.push(SitemapFile {
                url,
                status: None,
                error: Some("not a valid URL".into()),
            });
            continue;
        };
        // The crawl talks to one host only; a sitemap elsewhere is not fetched.
        if u.host_str() != start.host_str() {
            continue;
        }
        let r = fetcher.get(&u, Some(sitemap::MAX_UNCOMPRESSED), true, |_| true);
        let mut file = SitemapFile {
            url: url.clone(),
            status: r.status,
            error: r.error.as_ref().map(ToString::to_string),
        };
        if r.status != Some(200) {
            // An unlisted /sitemap.xml that is not there is no problem.
            if listed || r.status.is_some_and(|s| s >= 500) || r.error.is_some() {
                site.sitemaps.push(file);
            }
            continue;
        }
        let parsed = r
            .body
            .ok_or(sitemap::SitemapError::Root(String::new()))
            .and_then(sitemap::maybe_gunzip)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .and_then(|text| sitemap::parse(&text).map(|s| (s, text)));
        match parsed {
            Ok((map, text)) => {
                let lines = crate::span::LineIndex::new(&text);
                let mut locator = page::Locator::new(&text, &lines);
                for (child, _) in map.sitemaps {
                    if let Ok(c) = u.join(&child) {
                        todo.push((c.to_string(), true));
                    }
                }
                for (loc, span) in map.urls {
                    if site.sitemap_entries.len() >= MAX_SITEMAP_URLS {
                        break;
                    }
                    let Some(mut lu) = page::resolve(&u, &loc) else {
                        continue;
                    };
                    lu.set_fragment(None);
                    site.sitemap_entries.push(SitemapEntry {
                        url: lu.to_string(),
                        sitemap: url.clone(),
                        at: locator.locate(span),
                    });
                }
            }
            Err(e) => file.error = Some(e.to_string()),
        }
        site.sitemaps.push(file);
    }
}

fn read_llms(fetcher: &Fetcher, start: &Url, site: &mut CrawlSite) {
    for name in ["/llms.txt", "/llms-full.txt"] {
        let Ok(u) = start.join(name) else { continue };
        let file = fetch_text(fetcher, &u, 4 * 1024 * 1024);
        let present = file.status == Some(200);
        if name == "/llms.txt" || present {
            if present && name == "/llms.txt" {
                let links = llms::parse(&file.text).links;
                for (href, _) in links.into_iter().take(MAX_LLMS_LINKS) {
                    let Some(target) = page::resolve(&u, &href) else {
                        continue;
                    };
                    // Only links to the crawled host are checked: the crawl talks to one host.
                    if target.host_str() != start.host_str() {
                        continue;
                    }
                    let key = target.to_string();
                    if site.llms_links.contains_key(&key) {
                        continue;
                    }
                    let status = match site.page(&key) {
                        Some(p) if p.error.is_none() => p.status,
                        _ => {
                            let r = fetcher.get(&target, None, true, |_| false);
                            r.status.filter(|_| r.error.is_none())
                        }
                    };
                    site.llms_links.insert(key, status);
                }
            }
            site.llms.push(file);
        }
    }
}

fn fetch_page(fetcher: &Fetcher, job: &Job, config: &Config) -> Done {
    // Only pages that answer 2xx are read: an error page's content is not the page's.
    let r: Response = fetcher.get(&job.url, None, false, |ct| {
        ct.is_none_or(|c| c == "text/html" || c == "application/xhtml+xml")
    });
    let r = Response {
        body: r
            .body
            .filter(|_| r.status.is_some_and(|s| (200..300).contains(&s))),
        ..r
    };
    let url = job.url.to_string();
    let mut page = Page {
        url: url.clone(),
        depth: job.depth,
        final_url: r.final_url,
        status: r.status,
        redirects: r.redirects,
        content_type: r.content_type,
        elapsed_ms: u64::try_from(r.elapsed.as_millis()).unwrap_or(u64::MAX),
        error: r.error,
        bytes: r.body.as_ref().map_or(0, Vec::len),
        header_noindex: r.x_robots.as_deref().is_some_and(page::has_noindex),
        html: None,
    };
    let mut diagnostics = Vec::new();
    if let Some(body) = r.body.filter(|_| page.redirects.is_empty()) {
        let html = page.content_type.is_none()
            || page.is_html()
            || body.get(..512).is_some_and(|b| {
                String::from_utf8_lossy(b)
                    .to_ascii_lowercase()
                    .contains("<html")
            });
        if html {
            let text = fetch::decode_html(&body, r.charset.as_deref());
            drop(body);
            let rel = job.url.path().trim_start_matches('/').to_string();
            let (doc, mut diags, _) = lint::lint_source(
                std::path::PathBuf::from(job.url.path()),
                url.clone(),
                Format::Html,
                text,
                config,
                &[rel],
            );
            for d in &mut diags {
                d.url = Some(url.clone());
            }
            diagnostics = diags;
            page.html = Some(page::summarize(&doc, &job.url));
        }
    }
    Done { page, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_urls() {
        assert_eq!(
            parse_start("example.nl").unwrap().as_str(),
            "https://example.nl/"
        );
        assert_eq!(
            parse_start("http://127.0.0.1:8080/blog").unwrap().as_str(),
            "http://127.0.0.1:8080/blog"
        );
        let e = parse_start("mailto:a@b.nl").unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid URL `mailto:a@b.nl`: only http and https URLs can be crawled"
        );
        assert_eq!(
            parse_start("localhost:8080").unwrap().as_str(),
            "https://localhost:8080/"
        );
        assert!(parse_start("https://").is_err());
        assert!(parse_start("http://exa mple.nl").is_err());
    }
}
