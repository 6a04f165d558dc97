use crate::crawl::bots::BotKind;
use crate::crawl::page::CrawlSite;
use crate::declare_rule;
use crate::rules::crawl::{ai_access, CrawlFinding, CrawlRule};
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Whether robots.txt blocks AI training crawlers: `GPTBot`, `ClaudeBot`, `Google-Extended`,
    /// `Applebot-Extended`, `CCBot`, `Bytespider`, `meta-externalagent`
    /// (`rules/ai-crawlers.toml`).
    /// Reported at the robots.txt line that blocks, as information.
    ///
    /// ## Why it matters
    /// Blocking training is a legitimate choice, but it has a price: models learn less about
    /// the brand, and Google-Extended also governs use in Gemini. The report makes the choice
    /// visible so it is a decision, not an accident.
    ///
    /// ## Example
    /// `User-agent: GPTBot` / `Disallow: /` keeps `OpenAI`'s training crawler out while
    /// `OAI-SearchBot` may still cite the site.
    pub struct AiTrainingBlocked => "crawl/ai-training-blocked", Info, "which ai training crawlers robots.txt blocks"
}

impl Rule for AiTrainingBlocked {}

impl CrawlRule for AiTrainingBlocked {
    fn check_crawl(&self, site: &CrawlSite, out: &mut Vec<CrawlFinding>) {
        ai_access(site, Self::ID, &[BotKind::Training], out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::crawl::testing::{html, robots, run, site, texts};

    #[test]
    fn fails_on_blocked_training_bot() {
        let txt = "User-agent: GPTBot\nUser-agent: CCBot\nDisallow: /\n";
        let mut s = site();
        robots(&mut s, txt);
        html(&mut s, "https://x.nl/", "<title>Home</title>");
        let f = run(&AiTrainingBlocked, &s);
        assert_eq!(texts(txt, &f), ["Disallow: /", "Disallow: /"]);
        assert!(f[0]
            .finding
            .message
            .starts_with("robots.txt blocks GPTBot (OpenAI training crawler"));
        assert!(f[1]
            .finding
            .message
            .starts_with("robots.txt blocks CCBot (Common Crawl training"));
    }

    #[test]
    fn passes_on_open_robots() {
        let mut s = site();
        robots(&mut s, "User-agent: *\nDisallow: /admin/\n");
        html(&mut s, "https://x.nl/", "<title>Home</title>");
        assert!(run(&AiTrainingBlocked, &s).is_empty());
    }
}
