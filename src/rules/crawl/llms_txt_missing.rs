use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::crawl::{CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Whether the site publishes `/llms.txt` (the llmstxt.org proposal).
    ///
    /// ## Why it matters
    /// llms.txt gives language models a short map of the site: what it is, and which pages
    /// hold the answers. It is young and optional, hence only information.
    ///
    /// ## Example
    /// Publish `/llms.txt`:
    /// ```text
    /// # Bedrijf
    /// > AI-trainingen voor mkb-teams in Utrecht.
    /// ## Diensten
    /// - [AI-training](https://example.nl/ai-training/): programma en prijzen
    /// ```
    pub struct LlmsTxtMissing => "crawl/llms-txt-missing", Info, "the site should publish llms.txt"
}

impl Rule for LlmsTxtMissing {}

impl CrawlRule for LlmsTxtMissing {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        let Some(f) = site.llms.iter().find(|f| f.url.ends_with("/llms.txt")) else {
            return;
        };
        if f.status != Some(200) {
            let got = match (f.status, &f.error) {
                (_, Some(e)) => e.to_string(),
                (Some(s), None) => format!("HTTP {s}"),
                (None, None) => "no response".into(),
            };
            out.push(CrawlFinding::new(
                &f.url,
                None,
                Finding::new(Self::ID, format!("no llms.txt ({got})"))
                    .help("publish /llms.txt: an H1 with the site name, a > summary, H2 sections of links"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crawl::page::TextFile;
    use crate::rules::crawl::testing::{messages, run, site};

    #[test]
    fn fails_on_404() {
        let mut s = site();
        s.llms.push(TextFile {
            url: "https://x.nl/llms.txt".into(),
            status: Some(404),
            ..TextFile::default()
        });
        assert_eq!(
            messages(&run(&LlmsTxtMissing, &s)),
            [(
                "https://x.nl/llms.txt".into(),
                "no llms.txt (HTTP 404)".into()
            )]
        );
    }

    #[test]
    fn passes_when_present() {
        let mut s = site();
        s.llms.push(TextFile {
            url: "https://x.nl/llms.txt".into(),
            status: Some(200),
            text: "# X\n".into(),
            error: None,
        });
        assert!(run(&LlmsTxtMissing, &s).is_empty());
    }
}
