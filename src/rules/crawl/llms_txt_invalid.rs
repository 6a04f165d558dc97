use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{locate, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// The structure of `/llms.txt` against the llmstxt.org proposal: it starts with one H1
    /// naming the site, may have a `>` summary and prose, then H2 sections whose lines are link
    /// list items `- [name](url): notes` (an `Optional` section is allowed). Reported at the
    /// offending line.
    ///
    /// ## Why it matters
    /// Tools that read llms.txt parse exactly this shape; a section of prose or a missing title
    /// makes them skip the links you meant to offer.
    ///
    /// ## Example
    /// `Welkom op onze site` as the first line: start with `# Bedrijf` instead.
    pub struct LlmsTxtInvalid => "crawl/llms-txt-invalid", Warning, "llms.txt must follow the llmstxt.org format"
}

impl Rule for LlmsTxtInvalid {}

impl CrawlRule for LlmsTxtInvalid {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        for f in site
            .llms
            .iter()
            .filter(|f| f.status == Some(200) && f.url.ends_with("/llms.txt"))
        {
            for p in crate::crawl::llms::parse(&f.text).problems {
                out.push(CrawlFinding::new(
                    &f.url,
                    Some(locate(&f.text, p.span)),
                    Finding::new(Self::ID, p.message).help(p.help),
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

    fn with(text: &str) -> CrawlSite {
        let mut s = site();
        s.llms.push(TextFile {
            url: "https://x.nl/llms.txt".into(),
            status: Some(200),
            text: text.into(),
            error: None,
        });
        s
    }

    #[test]
    fn fails_on_missing_title_and_prose_section() {
        let t = "Welkom\n## Diensten\nWij doen veel.\n";
        let f = run(&LlmsTxtInvalid, &with(t));
        assert_eq!(texts(t, &f), ["Welkom", "Wij doen veel.", "## Diensten"]);
        assert_eq!(f[1].at.unwrap().start.line, 3);
    }

    #[test]
    fn passes_on_valid_file() {
        assert!(run(&LlmsTxtInvalid, &with("# X\n> Y\n## Docs\n- [A](/a): a\n")).is_empty());
    }
}
