//! `crawl/*` rules: checks that only a live site allows. They run on the crawl's site model
//! ([`CrawlSite`]) after the crawl, through [`CrawlRule`]; every page rule of `geolint check`
//! runs on each crawled page as well.

pub mod ai_search_blocked;
pub mod ai_training_blocked;
pub mod broken_link;
pub mod canonical_broken;
pub mod canonical_elsewhere;
pub mod canonical_missing;
pub mod duplicate_description;
pub mod duplicate_title;
pub mod fetch_error;
pub mod http_status;
pub mod link_to_redirect;
pub mod llms_txt_broken_link;
pub mod llms_txt_invalid;
pub mod llms_txt_missing;
pub mod mixed_content;
pub mod noindex_in_sitemap;
pub mod not_in_sitemap;
pub mod orphan_page;
pub mod redirect_chain;
pub mod redirect_loop;
pub mod robots_txt_unreachable;
pub mod sitemap_error;
pub mod sitemap_url_failing;
pub mod slow_response;
pub mod soft_404;

use std::collections::HashMap;

use crate::config::Config;
use crate::crawl::page::{CrawlSite, Located};
use crate::diagnostic::{Diagnostic, Finding, Level};
use crate::span::{LineIndex, Span};

/// A finding of a crawl rule: about a URL (a page, robots.txt, a sitemap, llms.txt) and,
/// when it concerns a place in that URL's body, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrawlFinding {
    pub url: String,
    pub at: Option<Located>,
    pub finding: Finding,
}

impl CrawlFinding {
    #[must_use]
    pub fn new(url: &str, at: Option<Located>, finding: Finding) -> Self {
        Self {
            url: url.to_string(),
            at,
            finding,
        }
    }
}

/// A rule over the whole crawl.
pub trait CrawlRule: super::Rule {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>);
}

/// Every crawl rule, in display order (the registry lists the same rules).
pub static CRAWL_RULES: &[&dyn CrawlRule] = &[
    &http_status::HttpStatus,
    &fetch_error::FetchError,
    &soft_404::Soft404,
    &redirect_chain::RedirectChain,
    &redirect_loop::RedirectLoop,
    &broken_link::BrokenLink,
    &link_to_redirect::LinkToRedirect,
    &canonical_missing::CanonicalMissing,
    &canonical_elsewhere::CanonicalElsewhere,
    &canonical_broken::CanonicalBroken,
    &noindex_in_sitemap::NoindexInSitemap,
    &sitemap_url_failing::SitemapUrlFailing,
    &sitemap_error::SitemapError,
    &not_in_sitemap::NotInSitemap,
    &orphan_page::OrphanPage,
    &duplicate_title::DuplicateTitle,
    &duplicate_description::DuplicateDescription,
    &mixed_content::MixedContent,
    &slow_response::SlowResponse,
    &robots_txt_unreachable::RobotsTxtUnreachable,
    &ai_search_blocked::AiSearchBlocked,
    &ai_training_blocked::AiTrainingBlocked,
    &llms_txt_missing::LlmsTxtMissing,
    &llms_txt_invalid::LlmsTxtInvalid,
    &llms_txt_broken_link::LlmsTxtBrokenLink,
];

/// Locate `span` in a text file of the crawl (robots.txt, llms.txt).
#[must_use]
pub fn locate(text: &str, span: Span) -> Located {
    Located::new(text, &LineIndex::new(text), span)
}

/// Run the crawl rules that are not off and resolve their levels.
#[must_use]
pub fn run(site: &CrawlSite, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in CRAWL_RULES {
        let configured = config.level(rule.info().id);
        if configured == Level::Off {
            continue;
        }
        let mut found = Vec::new();
        rule.check_crawl(site, &mut found);
        for f in found {
            let level = f.finding.level.unwrap_or(configured);
            out.push(Diagnostic {
                rule: f.finding.rule.to_string(),
                severity: level,
                message: f.finding.message,
                path: f.url.clone(),
                span: f.at.map(|a| a.span),
                start: f.at.map(|a| a.start),
                end: f.at.map(|a| a.end),
                help: f.finding.help,
                url: Some(f.url),
                fix: None,
            });
        }
    }
    out
}

/// URLs of pages grouped by a normalised text (duplicate titles and descriptions): only 200 HTML
/// pages that may be indexed and are their own canonical (a page that names another canonical
/// declares itself a duplicate), each group of two or more.
fn duplicates<'a>(
    site: &'a CrawlSite,
    text: impl Fn(&'a crate::crawl::page::HtmlInfo) -> Option<&'a crate::crawl::page::Value>,
) -> Vec<Vec<(&'a str, &'a crate::crawl::page::Value)>> {
    let mut groups: HashMap<String, Vec<(&str, &crate::crawl::page::Value)>> = HashMap::new();
    for p in &site.pages {
        if !p.ok() || p.noindex() {
            continue;
        }
        let Some(h) = &p.html else { continue };
        if h.canonical
            .as_ref()
            .is_some_and(|(_, c)| !crate::crawl::page::canonical_is_self(&p.url, c.as_deref()))
        {
            continue;
        }
        let Some(v) = text(h) else {
            continue;
        };
        let key = v
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if key.is_empty() {
            continue;
        }
        groups.entry(key).or_default().push((&p.url, v));
    }
    let mut out: Vec<_> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort_by(|a, b| a.0.cmp(b.0));
    }
    out.sort_by(|a, b| a[0].0.cmp(b[0].0));
    out
}

/// Report every page of each group of [`duplicates`] at its value: `finding` gets the value and
/// the other pages of the group, listed for the message.
pub(crate) fn report_duplicates<'a>(
    site: &'a CrawlSite,
    text: impl Fn(&'a crate::crawl::page::HtmlInfo) -> Option<&'a crate::crawl::page::Value>,
    finding: impl Fn(&crate::crawl::page::Value, &str) -> Finding,
    out: &mut Vec<CrawlFinding>,
) {
    for group in duplicates(site, text) {
        for (url, value) in &group {
            let others: Vec<&str> = group.iter().map(|g| g.0).filter(|u| u != url).collect();
            out.push(CrawlFinding::new(
                url,
                Some(value.at),
                finding(value, &list_urls(&others, 3)),
            ));
        }
    }
}

/// Every link from a crawled page to a crawled page: (page, link, target), each target once per
/// page (its first link).
pub(crate) fn page_links(
    site: &CrawlSite,
) -> impl Iterator<
    Item = (
        &crate::crawl::page::Page,
        &crate::crawl::page::PageLink,
        &crate::crawl::page::Page,
    ),
> {
    site.pages.iter().flat_map(move |p| {
        let mut seen = std::collections::HashSet::new();
        p.html.iter().flat_map(|h| &h.links).filter_map(move |l| {
            let t = site.page(&l.url)?;
            seen.insert(l.url.as_str()).then_some((p, l, t))
        })
    })
}

/// "a, b and 3 more" for messages.
pub(crate) fn list_urls(urls: &[&str], max: usize) -> String {
    let shown: Vec<String> = urls.iter().take(max).map(|u| format!("`{u}`")).collect();
    let more = urls.len().saturating_sub(max);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// Findings of robots.txt for the AI crawlers of the given kinds: one per bot blocked from the
/// whole site, one per bot and robots.txt line that blocks some crawled pages.
pub(crate) fn ai_access(
    site: &CrawlSite,
    rule: &'static str,
    kinds: &[crate::crawl::bots::BotKind],
    out: &mut Vec<CrawlFinding>,
) {
    use crate::crawl::bots::{access, Access, BOTS};
    let Some(robots) = site.robots.as_ref().filter(|r| r.status == Some(200)) else {
        return;
    };
    let mut paths = vec!["/".to_string()];
    for p in site.pages.iter().filter(|p| p.ok() && p.is_html()) {
        if let Ok(u) = url::Url::parse(&p.url) {
            let path = match u.query() {
                Some(q) => format!("{}?{q}", u.path()),
                None => u.path().to_string(),
            };
            if path != "/" {
                paths.push(path);
            }
        }
    }
    for bot in BOTS.iter().filter(|b| kinds.contains(&b.kind)) {
        let what = format!(
            "{} ({} {} crawler: {})",
            bot.token,
            bot.owner,
            bot.kind.as_str(),
            bot.product
        );
        match access(&site.robots_parsed, bot, &paths) {
            Access::Allowed => {}
            Access::Blocked(r) => out.push(CrawlFinding::new(
                &robots.url,
                Some(locate(&robots.text, r.span)),
                Finding::new(
                    rule,
                    format!("robots.txt blocks {what} from the whole site"),
                )
                .help(format!(
                    "allow {} in robots.txt if the site should appear there",
                    bot.token
                )),
            )),
            Access::Partly(blocked) => {
                let mut by_rule: Vec<(&crate::crawl::robots::RobotsRule, Vec<&str>)> = Vec::new();
                for (path, r) in &blocked {
                    match by_rule.iter_mut().find(|(x, _)| std::ptr::eq(*x, *r)) {
                        Some((_, v)) => v.push(path),
                        None => by_rule.push((r, vec![path])),
                    }
                }
                for (r, ps) in by_rule {
                    out.push(CrawlFinding::new(
                        &robots.url,
                        Some(locate(&robots.text, r.span)),
                        Finding::new(
                            rule,
                            format!(
                                "robots.txt blocks {what} from {} of {} crawled pages, under {}",
                                ps.len(),
                                paths.len(),
                                crate::crawl::bots::path_groups(&ps, 3)
                            ),
                        )
                        .help(format!(
                            "check that {} may read the pages you want cited",
                            bot.token
                        )),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Build a crawl site by hand from real page sources, and run one rule on it.

    use super::{CrawlFinding, CrawlRule};
    use crate::crawl::fetch::{FetchError, Hop};
    use crate::crawl::page::{self, CrawlSite, Page, SitemapEntry, TextFile};
    use crate::document::Format;

    pub fn site() -> CrawlSite {
        CrawlSite {
            start: "https://x.nl/".into(),
            host: "x.nl".into(),
            slow_ms: 1000,
            ..CrawlSite::default()
        }
    }

    fn push(site: &mut CrawlSite, page: Page) {
        site.index.insert(page.url.clone(), site.pages.len());
        site.pages.push(page);
    }

    fn bare(url: &str, status: Option<u16>) -> Page {
        Page {
            url: url.into(),
            depth: 0,
            final_url: url.into(),
            status,
            redirects: Vec::new(),
            content_type: Some("text/html".into()),
            elapsed_ms: 20,
            error: None,
            bytes: 0,
            header_noindex: false,
            html: None,
        }
    }

    /// A 200 HTML page with this source.
    pub fn html(site: &mut CrawlSite, url: &str, src: &str) {
        let doc = crate::source::parse(url.into(), url.into(), Format::Html, src.into());
        let mut p = bare(url, Some(200));
        p.bytes = src.len();
        p.html = Some(page::summarize(
            &doc,
            &url::Url::parse(url).expect("test url"),
        ));
        push(site, p);
    }

    /// A page that answered `status` with no HTML.
    pub fn status(site: &mut CrawlSite, url: &str, status: u16) {
        push(site, bare(url, Some(status)));
    }

    /// A URL that redirected through `hops` (url, status) to `final_url`.
    pub fn redirect(site: &mut CrawlSite, url: &str, hops: &[(&str, u16)], final_url: &str) {
        let mut p = bare(url, Some(200));
        p.redirects = hops
            .iter()
            .map(|(u, s)| Hop {
                url: (*u).into(),
                status: *s,
            })
            .collect();
        p.final_url = final_url.into();
        push(site, p);
    }

    /// A URL that gave no response.
    pub fn failed(site: &mut CrawlSite, url: &str, error: FetchError) {
        let mut p = bare(url, None);
        p.error = Some(error);
        push(site, p);
    }

    /// Set the last page's response time.
    pub fn elapsed(site: &mut CrawlSite, ms: u64) {
        if let Some(p) = site.pages.last_mut() {
            p.elapsed_ms = ms;
        }
    }

    /// A sitemap at `sitemap` listing `urls` (its text is generated, spans are real).
    pub fn sitemap(site: &mut CrawlSite, sitemap: &str, urls: &[&str]) -> String {
        let mut text = String::from("<urlset>\n");
        for u in urls {
            text.push_str("  <url><loc>");
            text.push_str(u);
            text.push_str("</loc></url>\n");
        }
        text.push_str("</urlset>\n");
        let parsed = crate::crawl::sitemap::parse(&text).expect("test sitemap");
        for (u, span) in parsed.urls {
            site.sitemap_entries.push(SitemapEntry {
                url: u,
                sitemap: sitemap.into(),
                at: super::locate(&text, span),
            });
        }
        site.sitemaps.push(page::SitemapFile {
            url: sitemap.into(),
            status: Some(200),
            error: None,
        });
        text
    }

    pub fn robots(site: &mut CrawlSite, text: &str) {
        site.robots = Some(TextFile {
            url: "https://x.nl/robots.txt".into(),
            status: Some(200),
            error: None,
            text: text.into(),
        });
        site.robots_parsed = crate::crawl::robots::Robots::parse(text);
    }

    pub fn run(rule: &dyn CrawlRule, site: &CrawlSite) -> Vec<CrawlFinding> {
        let mut out = Vec::new();
        rule.check_crawl(site, &mut out);
        out
    }

    /// (url, message) of each finding.
    pub fn messages(found: &[CrawlFinding]) -> Vec<(String, String)> {
        found
            .iter()
            .map(|f| (f.url.clone(), f.finding.message.clone()))
            .collect()
    }

    /// The text under each finding's span in `src`.
    pub fn texts<'a>(src: &'a str, found: &[CrawlFinding]) -> Vec<&'a str> {
        found
            .iter()
            .map(|f| {
                f.at.and_then(|a| src.get(a.span.start..a.span.end))
                    .unwrap_or("")
            })
            .collect()
    }
}
