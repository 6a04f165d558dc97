use crate::crawl::bots::BotKind;
use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::rules::crawl::{ai_access, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Whether robots.txt blocks the crawlers of AI search and answer engines, from the whole
    /// site or from crawled pages: `OAI-SearchBot` and `ChatGPT-User` (`OpenAI`),
    /// `Claude-SearchBot` and `Claude-User` (Anthropic), `PerplexityBot` and `Perplexity-User`.
    /// The list, with each bot's kind, is `rules/ai-crawlers.toml`. Reported at the robots.txt
    /// line that blocks.
    ///
    /// ## Why it matters
    /// These bots fetch pages to cite them in answers. Blocking them takes the site out of
    /// `ChatGPT` search, Claude and Perplexity answers, usually by accident through a
    /// `User-agent: *` rule or a copied block list.
    ///
    /// ## Example
    /// `User-agent: OAI-SearchBot` / `Disallow: /`: remove the group (keep blocking `GPTBot` if
    /// you do not want to be used for training; see `crawl/ai-training-blocked`).
    pub struct AiSearchBlocked => "crawl/ai-search-blocked", Warning, "robots.txt should let ai search and answer bots in"
}

impl Rule for AiSearchBlocked {}

impl CrawlRule for AiSearchBlocked {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        ai_access(site, Self::ID, &[BotKind::Search, BotKind::Answer], out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, robots, run, site, texts};

    #[test]
    fn fails_on_blocked_search_bots() {
        let txt = "User-agent: OAI-SearchBot\nDisallow: /\n\nUser-agent: PerplexityBot\nDisallow: /blog/\n\nUser-agent: *\nAllow: /\n";
        let mut s = site();
        robots(&mut s, txt);
        html(&mut s, "https://x.nl/", "<title>Home</title>");
        html(&mut s, "https://x.nl/blog/a", "<title>A</title>");
        let f = run(&AiSearchBlocked, &s);
        assert_eq!(texts(txt, &f), ["Disallow: /", "Disallow: /blog/"]);
        assert_eq!(
            f[0].finding.message,
            "robots.txt blocks OAI-SearchBot (OpenAI search crawler: ChatGPT search) from the whole site"
        );
        assert_eq!(
            f[1].finding.message,
            "robots.txt blocks PerplexityBot (Perplexity search crawler: Perplexity search) from 1 of 2 crawled pages, under `/blog/`"
        );
        assert_eq!(f[0].url, "https://x.nl/robots.txt");
    }

    #[test]
    fn passes_when_only_training_is_blocked() {
        let mut s = site();
        robots(&mut s, "User-agent: GPTBot\nDisallow: /\n");
        html(&mut s, "https://x.nl/", "<title>Home</title>");
        assert!(run(&AiSearchBlocked, &s).is_empty());
    }
}
