//! robots.txt as RFC 9309 defines it: groups of user agents with `allow`/`disallow` rules
//! (`*` and `$` patterns, the longest match wins, `allow` wins a tie), plus the `crawl-delay`
//! and `sitemap` extensions. Every rule keeps the span of its line, for findings.

use crate::span::Span;

/// One `allow` or `disallow` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RobotsRule {
    pub allow: bool,
    pub pattern: String,
    /// Span of the whole line (without the line break).
    pub span: Span,
}

/// A group: the user agents it names and its rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Lowercased product tokens (`*` for the default group).
    pub agents: Vec<String>,
    pub rules: Vec<RobotsRule>,
    pub crawl_delay: Option<f64>,
    /// Span of the first `user-agent` line.
    pub span: Span,
}

/// A parsed robots.txt.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Robots {
    pub groups: Vec<Group>,
    /// `sitemap:` URLs with the span of their value.
    pub sitemaps: Vec<(String, Span)>,
}

/// What applies to one crawler: the rules of every group that names it (or of `*`).
#[derive(Clone, Debug, Default)]
pub struct Rules<'a> {
    pub rules: Vec<&'a RobotsRule>,
    pub crawl_delay: Option<f64>,
    /// Whether a group names the agent (false: the `*` group or nothing applies).
    pub named: bool,
}

impl Robots {
    /// Parse robots.txt text. Unknown lines are ignored, as crawlers do.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut robots = Self::default();
        let mut current: Option<Group> = None;
        // Whether the last line of the current group was a user-agent line (a group's
        // user-agent lines come together; a user-agent after rules starts a new group).
        let mut in_agents = false;
        let mut offset = 0;
        for raw in text.split_inclusive('\n') {
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let span = Span::new(start, start + line.len());
            let content = line.split('#').next().unwrap_or("");
            let Some((key, value)) = content.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" | "useragent" | "user agent" => {
                    let token = value
                        .split(['/', ' ', '\t'])
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if in_agents {
                        if let Some(g) = current.as_mut() {
                            g.agents.push(token);
                            continue;
                        }
                    }
                    if let Some(g) = current.take() {
                        robots.groups.push(g);
                    }
                    current = Some(Group {
                        agents: vec![token],
                        span,
                        ..Group::default()
                    });
                    in_agents = true;
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = current.as_mut() {
                        g.rules.push(RobotsRule {
                            allow: key == "allow",
                            pattern: value.to_string(),
                            span,
                        });
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = current.as_mut() {
                        g.crawl_delay = value
                            .parse::<f64>()
                            .ok()
                            .filter(|d| d.is_finite() && *d >= 0.0);
                    }
                }
                "sitemap" => {
                    let vstart = start + line.find(value).unwrap_or(0);
                    robots
                        .sitemaps
                        .push((value.to_string(), Span::new(vstart, vstart + value.len())));
                }
                _ => {}
            }
        }
        if let Some(g) = current {
            robots.groups.push(g);
        }
        robots
    }

    /// The rules for `agent` (a product token such as `GPTBot`): every group naming it, else
    /// every `*` group.
    #[must_use]
    pub fn rules_for(&self, agent: &str) -> Rules<'_> {
        let agent = agent.to_ascii_lowercase();
        let named: Vec<&Group> = self
            .groups
            .iter()
            .filter(|g| g.agents.contains(&agent))
            .collect();
        let (groups, is_named) = if named.is_empty() {
            (
                self.groups
                    .iter()
                    .filter(|g| g.agents.iter().any(|a| a == "*"))
                    .collect(),
                false,
            )
        } else {
            (named, true)
        };
        Rules {
            rules: groups.iter().flat_map(|g| g.rules.iter()).collect(),
            crawl_delay: groups.iter().find_map(|g| g.crawl_delay),
            named: is_named,
        }
    }
}

impl<'a> Rules<'a> {
    /// The rule that decides `path` (path and query of a URL), if any: the longest matching
    /// pattern, `allow` on a tie. `None` means allowed.
    #[must_use]
    pub fn decide(&self, path: &str) -> Option<&'a RobotsRule> {
        let mut best: Option<&'a RobotsRule> = None;
        for r in &self.rules {
            if r.pattern.is_empty() || !matches(&r.pattern, path) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => {
                    r.pattern.len() > b.pattern.len()
                        || (r.pattern.len() == b.pattern.len() && r.allow && !b.allow)
                }
            };
            if better {
                best = Some(r);
            }
        }
        best
    }

    /// Whether `path` may be fetched. `/robots.txt` always may.
    #[must_use]
    pub fn allowed(&self, path: &str) -> bool {
        path == "/robots.txt" || self.decide(path).is_none_or(|r| r.allow)
    }
}

/// Whether a robots.txt path pattern matches `path`: `*` is any run of characters, a final `$`
/// anchors at the end, everything else is a prefix match. Compared after normalising
/// percent-encoding case.
#[must_use]
pub fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pattern = normalize_escapes(pattern);
    let path = normalize_escapes(path);
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = parts.split_first() else {
        return true;
    };
    let Some(mut remaining) = path.strip_prefix(first) else {
        return false;
    };
    if rest.is_empty() {
        return !anchored || remaining.is_empty();
    }
    let last_index = rest.len() - 1;
    for (i, part) in rest.iter().enumerate() {
        if i == last_index && anchored {
            return remaining.ends_with(part);
        }
        match remaining.find(part) {
            Some(at) => remaining = remaining.get(at + part.len()..).unwrap_or(""),
            None => return false,
        }
    }
    true
}

/// Uppercase the hex digits of `%xx` escapes so `%c3%a9` and `%C3%A9` compare equal.
fn normalize_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '%' {
            for _ in 0..2 {
                if let Some(h) = chars.next_if(char::is_ascii_hexdigit) {
                    out.push(h.to_ascii_uppercase());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "# robots\nUser-agent: *\nDisallow: /admin/\nAllow: /admin/public\nCrawl-delay: 0.5\n\nUser-agent: GPTBot\nUser-agent: CCBot\nDisallow: /\n\nUser-agent: geolint\nDisallow: /*.pdf$\nDisallow: /zoek?\n\nSitemap: https://x.nl/sitemap_index.xml\n";

    #[test]
    fn groups_agents_and_sitemaps() {
        let r = Robots::parse(TXT);
        assert_eq!(r.groups.len(), 3);
        assert_eq!(r.groups[1].agents, ["gptbot", "ccbot"]);
        assert_eq!(r.sitemaps.len(), 1);
        let (url, span) = &r.sitemaps[0];
        assert_eq!(url, "https://x.nl/sitemap_index.xml");
        assert_eq!(&TXT[span.start..span.end], "https://x.nl/sitemap_index.xml");
    }

    #[test]
    fn longest_match_and_allow_on_tie() {
        let r = Robots::parse(TXT);
        let star = r.rules_for("SomeBot");
        assert!(!star.named);
        assert_eq!(star.crawl_delay, Some(0.5));
        assert!(!star.allowed("/admin/x"));
        assert!(star.allowed("/admin/public/a"));
        assert!(star.allowed("/blog/"));
        let rule = star.decide("/admin/x").unwrap();
        assert_eq!(&TXT[rule.span.start..rule.span.end], "Disallow: /admin/");
    }

    #[test]
    fn named_group_replaces_star() {
        let r = Robots::parse(TXT);
        let gpt = r.rules_for("gptbot");
        assert!(gpt.named);
        assert!(!gpt.allowed("/"));
        assert!(gpt.allowed("/robots.txt"));
        let ours = r.rules_for("geolint");
        assert!(ours.allowed("/admin/x"), "the * group does not apply");
        assert!(!ours.allowed("/files/a.pdf"));
        assert!(ours.allowed("/files/a.pdf?x=1"));
        assert!(!ours.allowed("/zoek?q=ai"));
        assert_eq!(ours.crawl_delay, None);
    }

    #[test]
    fn patterns() {
        assert!(matches("/", "/x"));
        assert!(matches("/*/p", "/a/b/p"));
        assert!(!matches("/a$", "/ab"));
        assert!(matches("/a$", "/a"));
        assert!(matches("*.php$", "/index.php"));
        assert!(matches("/caf%c3%a9", "/caf%C3%A9/menu"));
        assert!(!matches("/x*y$", "/xay/z"));
    }

    #[test]
    fn empty_disallow_allows_everything_and_junk_is_ignored() {
        let r = Robots::parse("garbage\nUser-agent: *\nDisallow:\nCrawl-delay: soon\n");
        assert!(r.rules_for("geolint").allowed("/anything"));
        assert_eq!(r.rules_for("geolint").crawl_delay, None);
        assert_eq!(Robots::parse(""), Robots::default());
    }
}
