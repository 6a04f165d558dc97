use crate::crawl::page::{resolve, CrawlSite};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{locate, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Links in `/llms.txt` whose URL does not answer 200 (after redirects). Reported at the
    /// URL in llms.txt.
    ///
    /// ## Why it matters
    /// llms.txt points language models at the pages that answer questions about the site; a
    /// broken entry sends them to an error page instead.
    ///
    /// ## Example
    /// `- [Prijzen](https://example.nl/prijzen.md)` returns 404: publish the file or link the
    /// HTML page.
    pub struct LlmsTxtBrokenLink => "crawl/llms-txt-broken-link", Warning, "links in llms.txt must resolve"
}

impl Rule for LlmsTxtBrokenLink {}

impl CrawlRule for LlmsTxtBrokenLink {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for f in site
            .llms
            .iter()
            .filter(|f| f.status == Some(200) && f.url.ends_with("/llms.txt"))
        {
            let Ok(base) = url::Url::parse(&f.url) else {
                continue;
            };
            for (href, span) in crate::crawl::llms::parse(&f.text).links {
                let Some(target) = resolve(&base, &href) else {
                    continue;
                };
                let Some(status) = site.llms_links.get(target.as_str()) else {
                    continue;
                };
                let why = match status {
                    Some(200) => continue,
                    Some(s) => format!("returns HTTP {s}"),
                    None => "could not be fetched".to_string(),
                };
                out.push(CrawlFinding::new(
                    &f.url,
                    Some(locate(&f.text, span)),
                    Finding::new(
                        Self::ID,
                        format!("llms.txt links to `{target}`, which {why}"),
                    )
                    .help("link to a URL that exists, or remove the entry"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::page::TextFile;
    use crate::rules::crawl::testing::{run, site, texts};

    fn with(text: &str, links: &[(&str, Option<u16>)]) -> CrawlSite {
        let mut s = site();
        s.llms.push(TextFile {
            url: "https://x.nl/llms.txt".into(),
            status: Some(200),
            text: text.into(),
            error: None,
        });
        for (u, st) in links {
            s.llms_links.insert((*u).into(), *st);
        }
        s
    }

    #[test]
    fn fails_on_404_link() {
        let t = "# X\n## Docs\n- [A](/a): a\n- [B](https://x.nl/b)\n";
        let f = run(
            &LlmsTxtBrokenLink,
            &with(
                t,
                &[("https://x.nl/a", Some(404)), ("https://x.nl/b", None)],
            ),
        );
        assert_eq!(texts(t, &f), ["/a", "https://x.nl/b"]);
        assert_eq!(
            f[0].finding.message,
            "llms.txt links to `https://x.nl/a`, which returns HTTP 404"
        );
    }

    #[test]
    fn passes_on_working_links() {
        let t = "# X\n## Docs\n- [A](/a): a\n";
        assert!(run(
            &LlmsTxtBrokenLink,
            &with(t, &[("https://x.nl/a", Some(200))])
        )
        .is_empty());
    }
}
