//! The AI crawlers of `rules/ai-crawlers.toml` and what a robots.txt lets each of them fetch.

use std::sync::LazyLock;

use serde::Deserialize;

use super::robots::{Robots, RobotsRule};

/// What a crawler is for.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BotKind {
    /// Indexes pages for an AI search engine.
    Search,
    /// Fetches a page when a user asks an assistant about it.
    Answer,
    /// Collects text for model training.
    Training,
}

impl BotKind {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Search => "search",
            Self::Answer => "answer",
            Self::Training => "training",
        }
    }
}

/// One crawler.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Bot {
    /// The user-agent product token robots.txt groups name.
    pub token: String,
    pub owner: String,
    pub kind: BotKind,
    pub product: String,
}

#[derive(Deserialize)]
struct File {
    bot: Vec<Bot>,
}

/// The built-in list.
pub static BOTS: LazyLock<Vec<Bot>> =
    LazyLock::new(
        || match toml::from_str::<File>(include_str!("../../rules/ai-crawlers.toml")) {
            Ok(f) => f.bot,
            Err(e) => unreachable!("rules/ai-crawlers.toml is invalid: {e}"),
        },
    );

/// How much of a site a bot may fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access<'a> {
    Allowed,
    /// Blocked from the whole site (`/` is disallowed), by this rule.
    Blocked(&'a RobotsRule),
    /// Blocked from some of the given paths: (path, rule) for each blocked one.
    Partly(Vec<(String, &'a RobotsRule)>),
}

/// What `robots` lets `bot` fetch of `paths` (the crawled pages' paths).
#[must_use]
pub fn access<'a>(robots: &'a Robots, bot: &Bot, paths: &[String]) -> Access<'a> {
    let rules = robots.rules_for(&bot.token);
    if let Some(rule) = rules.decide("/").filter(|r| !r.allow) {
        if paths.iter().all(|p| !rules.allowed(p)) {
            return Access::Blocked(rule);
        }
    }
    let blocked: Vec<(String, &RobotsRule)> = paths
        .iter()
        .filter_map(|p| rules.decide(p).filter(|r| !r.allow).map(|r| (p.clone(), r)))
        .collect();
    if blocked.is_empty() {
        Access::Allowed
    } else {
        Access::Partly(blocked)
    }
}

/// The first path segments of `paths` as "`/blog/`, `/zoek`" (at most `max`, then "and N more").
#[must_use]
pub fn path_groups<S: AsRef<str>>(paths: &[S], max: usize) -> String {
    let mut groups: Vec<String> = Vec::new();
    for p in paths {
        let p = p.as_ref();
        let rest = p.strip_prefix('/').unwrap_or(p);
        let group = match rest.split_once('/') {
            Some((first, _)) => format!("/{first}/"),
            None => format!("/{}", rest.split(['?', '#']).next().unwrap_or(rest)),
        };
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    let shown: Vec<String> = groups.iter().take(max).map(|g| format!("`{g}`")).collect();
    match groups.len().saturating_sub(max) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_has_the_issue_bots() {
        let tokens: Vec<&str> = BOTS.iter().map(|b| b.token.as_str()).collect();
        for t in [
            "GPTBot",
            "OAI-SearchBot",
            "ChatGPT-User",
            "ClaudeBot",
            "Claude-SearchBot",
            "Claude-User",
            "PerplexityBot",
            "Perplexity-User",
            "Google-Extended",
            "Applebot-Extended",
            "CCBot",
            "Bytespider",
            "meta-externalagent",
        ] {
            assert!(tokens.contains(&t), "{t}");
        }
        let search = BOTS.iter().find(|b| b.token == "OAI-SearchBot").unwrap();
        assert_eq!(search.kind, BotKind::Search);
    }

    #[test]
    fn groups_of_paths() {
        let paths = ["/blog/a", "/blog/b/c", "/zoek?q=1", "/a/", "/b/x", "/c/y"];
        assert_eq!(
            path_groups(&paths, 3),
            "`/blog/`, `/zoek`, `/a/` and 2 more"
        );
        assert_eq!(path_groups(&["/"], 3), "`/`");
    }

    #[test]
    fn blocked_partly_and_allowed() {
        let r = Robots::parse("User-agent: GPTBot\nDisallow: /\n\nUser-agent: PerplexityBot\nDisallow: /blog/\n\nUser-agent: *\nAllow: /\n");
        let bot = |t: &str| BOTS.iter().find(|b| b.token == t).unwrap().clone();
        let paths = vec!["/".to_string(), "/blog/a".to_string()];
        assert!(matches!(
            access(&r, &bot("GPTBot"), &paths),
            Access::Blocked(_)
        ));
        match access(&r, &bot("PerplexityBot"), &paths) {
            Access::Partly(b) => assert_eq!(b[0].0, "/blog/a"),
            other => panic!("{other:?}"),
        }
        assert_eq!(access(&r, &bot("ClaudeBot"), &paths), Access::Allowed);
    }
}
