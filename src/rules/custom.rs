//! Team rules from `[[custom]]` in the config, Vale-style: existence, substitution,
//! occurrence and repetition.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;

use crate::diagnostic::{Finding, Level};
use crate::fix::{Edit, Fix};
use crate::rules::DocContext;
use crate::span::Span;

/// A `[[custom]]` table as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomRule {
    id: String,
    kind: String,
    level: Option<String>,
    message: Option<String>,
    /// existence, occurrence, repetition: words or regexes.
    tokens: Option<Vec<String>>,
    /// substitution: wrong → right.
    swap: Option<BTreeMap<String, String>>,
    scope: Option<String>,
    /// occurrence: at most this many per scope item (per file for text).
    max: Option<usize>,
    /// occurrence: at least this many per file.
    min: Option<usize>,
    #[serde(default)]
    ignorecase: Option<bool>,
    /// Treat tokens as regular expressions (default: literal words).
    #[serde(default)]
    regex: Option<bool>,
    help: Option<String>,
}

/// What a custom rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Text,
    Heading,
    Title,
    Description,
    LinkText,
}

#[derive(Debug, Clone)]
enum Kind {
    Existence(Regex),
    Substitution(Vec<(Regex, String)>),
    Occurrence {
        re: Regex,
        min: Option<usize>,
        max: Option<usize>,
    },
    Repetition(Regex),
}

/// A compiled custom rule.
#[derive(Debug, Clone)]
pub struct CustomRule {
    /// Leaked once when the config is built, so findings can carry it like built-in ids.
    pub id: &'static str,
    pub level: Level,
    pub message: String,
    pub help: Option<String>,
    scope: Scope,
    kind: Kind,
}

fn word_pattern(token: &str, is_regex: bool) -> String {
    if is_regex {
        format!("(?:{token})")
    } else {
        let escaped = regex::escape(token);
        // An ASCII word boundary keeps the regex on its fast DFA path; a Unicode one is
        // needed only where the token starts or ends with a non-ASCII letter.
        let boundary = |c: Option<char>| match c {
            Some(c) if c.is_ascii_alphanumeric() => r"(?-u:\b)",
            Some(c) if c.is_alphanumeric() => r"\b",
            _ => "",
        };
        let start = boundary(token.chars().next());
        let end = boundary(token.chars().next_back());
        format!("{start}{escaped}{end}")
    }
}

impl CustomRule {
    /// Validate and compile; the error message is shown with the table's line.
    pub fn build(raw: RawCustomRule) -> Result<Self, String> {
        let id = raw.id;
        let Some((family, name)) = id.split_once('/') else {
            return Err(format!("custom rule id `{id}` must be `family/name`"));
        };
        if !crate::rules::FAMILIES.contains(&family) {
            return Err(format!(
                "custom rule `{id}`: unknown family `{family}`; use one of {}",
                crate::rules::FAMILIES.join(", ")
            ));
        }
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(format!(
                "custom rule `{id}`: the name must be lowercase words joined by hyphens"
            ));
        }
        let level = match raw.level.as_deref() {
            None => Level::Warning,
            Some(l) => {
                Level::parse(l).ok_or_else(|| format!("custom rule `{id}`: invalid level `{l}`"))?
            }
        };
        let scope = match raw.scope.as_deref().unwrap_or("text") {
            "text" => Scope::Text,
            "heading" => Scope::Heading,
            "title" => Scope::Title,
            "description" => Scope::Description,
            "link-text" => Scope::LinkText,
            other => {
                return Err(format!(
                    "custom rule `{id}`: unknown scope `{other}`; use text, heading, title, description or link-text"
                ))
            }
        };
        let flags = if raw.ignorecase.unwrap_or(true) {
            "(?i)"
        } else {
            ""
        };
        let is_regex = raw.regex.unwrap_or(false);
        let compile = |p: &str| {
            Regex::new(&format!("{flags}{p}"))
                .map_err(|e| format!("custom rule `{id}`: invalid pattern: {e}"))
        };
        let tokens = |what: &str| -> Result<String, String> {
            let t = raw
                .tokens
                .as_ref()
                .filter(|t| !t.is_empty())
                .ok_or_else(|| format!("custom rule `{id}`: kind `{what}` needs `tokens`"))?;
            Ok(t.iter()
                .map(|t| word_pattern(t, is_regex))
                .collect::<Vec<_>>()
                .join("|"))
        };
        let (kind, default_message) = match raw.kind.as_str() {
            "existence" => (Kind::Existence(compile(&tokens("existence")?)?), "avoid '%s'"),
            "substitution" => {
                let swap = raw.swap.as_ref().filter(|s| !s.is_empty()).ok_or_else(|| format!("custom rule `{id}`: kind `substitution` needs `swap`"))?;
                let mut pairs = Vec::new();
                for (wrong, right) in swap {
                    pairs.push((compile(&word_pattern(wrong, is_regex))?, right.clone()));
                }
                (Kind::Substitution(pairs), "use '%s' instead of '%s'")
            }
            "occurrence" => {
                if raw.min.is_none() && raw.max.is_none() {
                    return Err(format!("custom rule `{id}`: kind `occurrence` needs `max` or `min`"));
                }
                (Kind::Occurrence { re: compile(&tokens("occurrence")?)?, min: raw.min, max: raw.max }, "'%s' appears too often")
            }
            "repetition" => {
                let base = raw.tokens.as_ref().map_or_else(|| r"[\p{L}\p{N}]+".to_string(), |t| t.iter().map(|t| word_pattern(t, is_regex)).collect::<Vec<_>>().join("|"));
                (Kind::Repetition(compile(&format!("(?:{base})"))?), "'%s' is repeated")
            }
            other => {
                return Err(format!(
                    "custom rule `{id}`: unknown kind `{other}`; use existence, substitution, occurrence or repetition"
                ))
            }
        };
        Ok(Self {
            message: raw.message.unwrap_or_else(|| default_message.to_string()),
            help: raw.help,
            id: Box::leak(id.into_boxed_str()),
            level,
            scope,
            kind,
        })
    }

    /// Format the message: each `%s` takes the next argument.
    fn format(&self, args: &[&str]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.message.split("%s").peekable();
        while let Some(part) = parts.next() {
            out.push_str(part);
            if parts.peek().is_some() {
                out.push_str(args.next().copied().unwrap_or(""));
            }
        }
        out
    }

    /// The (span, text) pieces the rule looks at.
    fn pieces(&self, cx: &DocContext<'_>) -> Vec<(Span, String)> {
        let doc = cx.doc;
        match self.scope {
            Scope::Text => crate::rules::text_regions(doc)
                .into_iter()
                .map(|s| (s, doc.text(s).to_string()))
                .collect(),
            Scope::Heading => doc
                .headings
                .iter()
                .map(|h| (h.span, doc.text(h.span).to_string()))
                .collect(),
            Scope::Title => cx
                .seo_title()
                .map(|t| (t.span, doc.text(t.span).to_string()))
                .into_iter()
                .collect(),
            Scope::Description => cx
                .description()
                .map(|t| (t.span, doc.text(t.span).to_string()))
                .into_iter()
                .collect(),
            Scope::LinkText => doc
                .links
                .iter()
                .map(|l| (l.span, doc.text(l.span).to_string()))
                .collect(),
        }
    }

    /// Run the rule on a document.
    pub fn check(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let pieces = self.pieces(cx);
        let mut found = Vec::new();
        let mut fixes: Vec<(Span, Fix)> = Vec::new();
        match &self.kind {
            Kind::Existence(re) => {
                for (span, text) in &pieces {
                    for m in re.find_iter(text) {
                        found.push((
                            Span::new(span.start + m.start(), span.start + m.end()),
                            self.format(&[m.as_str()]),
                        ));
                    }
                }
            }
            Kind::Substitution(pairs) => {
                for (span, text) in &pieces {
                    for (re, right) in pairs {
                        for m in re.find_iter(text) {
                            if m.as_str() == right {
                                continue;
                            }
                            let at = Span::new(span.start + m.start(), span.start + m.end());
                            fixes.push((
                                at,
                                Fix::safe(
                                    format!("write '{right}'"),
                                    vec![Edit::replace(at, right.clone())],
                                ),
                            ));
                            found.push((at, self.format(&[right, m.as_str()])));
                        }
                    }
                }
            }
            Kind::Occurrence { re, min, max } => {
                let hits: Vec<(Span, String)> = pieces
                    .iter()
                    .flat_map(|(span, text)| {
                        re.find_iter(text).map(move |m| {
                            (
                                Span::new(span.start + m.start(), span.start + m.end()),
                                m.as_str().to_string(),
                            )
                        })
                    })
                    .collect();
                if let Some(max) = max {
                    if hits.len() > *max {
                        if let Some((span, text)) = hits.get(*max) {
                            found.push((
                                *span,
                                format!(
                                    "{} ({} times, at most {max})",
                                    self.format(&[text]),
                                    hits.len()
                                ),
                            ));
                        }
                    }
                }
                if let Some(min) = min {
                    if hits.len() < *min && !doc_is_empty(cx) {
                        out.push(Finding::new(
                            self.id,
                            format!(
                                "{} ({} times, at least {min})",
                                self.format(&[""]),
                                hits.len()
                            ),
                        ));
                    }
                }
            }
            Kind::Repetition(re) => {
                for (span, text) in &pieces {
                    let mut prev: Option<(usize, usize, String)> = None;
                    for m in re.find_iter(text) {
                        let word = m.as_str().to_lowercase();
                        if let Some((ps, pe, pw)) = &prev {
                            let between = text.get(*pe..m.start()).unwrap_or("x");
                            if *pw == word && between.chars().all(char::is_whitespace) {
                                let at = Span::new(span.start + ps, span.start + m.end());
                                // "dat dat" can be right in Dutch: unsafe.
                                let del = Span::new(span.start + pe, span.start + m.end());
                                fixes.push((
                                    at,
                                    Fix::unsafe_(
                                        "remove the repeated word",
                                        vec![Edit::delete(del)],
                                    ),
                                ));
                                found.push((at, self.format(&[m.as_str()])));
                            }
                        }
                        prev = Some((m.start(), m.end(), word));
                    }
                }
            }
        }
        if found.is_empty() {
            return;
        }
        let id = self.id;
        for (span, message) in found {
            if cx.doc.in_code(span) {
                continue;
            }
            let mut f = Finding::new(id, message).at(span);
            if let Some(h) = &self.help {
                f = f.help(h.clone());
            }
            // Only where the piece is the source text as written, and outside front matter.
            let fix = fixes
                .iter()
                .find(|(at, _)| *at == span)
                .map(|(_, fix)| fix.clone())
                .filter(|fix| {
                    span.start >= cx.doc.body.start
                        && fix.edits.iter().all(|e| {
                            pieces.iter().any(|(p, text)| {
                                p.contains(e.span) && cx.doc.text(*p) == text.as_str()
                            })
                        })
                });
            out.push(f.fix(fix));
        }
    }
}

fn doc_is_empty(cx: &DocContext<'_>) -> bool {
    cx.doc.word_count == 0
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{config, doc};
    use crate::rules::DocContext;

    fn run(cfg: &str, src: &str) -> Vec<(String, String)> {
        let config = config(cfg);
        let d = doc("a.md", src);
        let cx = DocContext::new(&d, &config, None, "nl");
        let mut out = Vec::new();
        for c in &config.custom {
            c.check(&cx, &mut out);
        }
        out.into_iter()
            .map(|f| {
                (
                    f.message,
                    f.span.map_or("", |s| &src[s.start..s.end]).to_string(),
                )
            })
            .collect()
    }

    /// Apply every fix of the custom rules in `cfg` to `src` (one pass).
    fn fixed(cfg: &str, src: &str, which: crate::fix::Applicability) -> String {
        let config = config(cfg);
        let d = doc("a.md", src);
        let cx = DocContext::new(&d, &config, None, "nl");
        let mut out = Vec::new();
        for c in &config.custom {
            c.check(&cx, &mut out);
        }
        let fixes: Vec<&crate::fix::Fix> = out
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .filter(|f| which.allows(f.safety))
            .collect();
        crate::fix::apply_once(src, &fixes, &crate::fix::protected_regions(&d)).0
    }

    #[test]
    fn substitution_fix_writes_the_swap_and_repetition_fix_is_unsafe() {
        use crate::fix::Applicability::{All, Safe};
        let cfg = "[[custom]]\nid = \"content/brand-spelling\"\nkind = \"substitution\"\nswap = { \"AI workshop\" = \"AI-workshop\" }\n\n[[custom]]\nid = \"content/dubbel\"\nkind = \"repetition\"\n";
        let src = "---\ntitle: AI workshop\n---\nEen AI workshop, de de prijs.\n\n`AI workshop`\n";
        assert_eq!(
            fixed(cfg, src, Safe),
            "---\ntitle: AI workshop\n---\nEen AI-workshop, de de prijs.\n\n`AI workshop`\n"
        );
        assert_eq!(
            fixed(cfg, src, All),
            "---\ntitle: AI workshop\n---\nEen AI-workshop, de prijs.\n\n`AI workshop`\n"
        );
    }

    #[test]
    fn substitution() {
        let cfg = "[[custom]]\nid = \"content/brand-spelling\"\nkind = \"substitution\"\nmessage = \"schrijf '%s' in plaats van '%s'\"\nswap = { \"AI workshop\" = \"AI-workshop\", \"e-mail\" = \"mail\" }\n";
        let got = run(
            cfg,
            "# T\n\nEen AI workshop per e-mail. Een AI-workshop.\n\n`AI workshop`\n",
        );
        assert_eq!(
            got,
            [
                (
                    "schrijf 'AI-workshop' in plaats van 'AI workshop'".to_string(),
                    "AI workshop".to_string()
                ),
                (
                    "schrijf 'mail' in plaats van 'e-mail'".to_string(),
                    "e-mail".to_string()
                ),
            ]
        );
    }

    #[test]
    fn existence_occurrence_repetition() {
        let cfg = "[[custom]]\nid = \"content/forbidden\"\nkind = \"existence\"\nmessage = \"vermijd '%s'\"\ntokens = [\"synergie\", \"game changer\"]\n\n[[custom]]\nid = \"content/max-ai\"\nkind = \"occurrence\"\ntokens = [\"revolutie\"]\nmax = 1\n\n[[custom]]\nid = \"content/dubbel\"\nkind = \"repetition\"\nmessage = \"'%s' staat er twee keer\"\n";
        let got = run(
            cfg,
            "# T\n\nSynergie is een game changer. De de revolutie, revolutie.\n",
        );
        let msgs: Vec<_> = got.iter().map(|(m, t)| format!("{m} | {t}")).collect();
        assert_eq!(
            msgs,
            [
                "vermijd 'Synergie' | Synergie",
                "vermijd 'game changer' | game changer",
                "'revolutie' appears too often (2 times, at most 1) | revolutie",
                "'de' staat er twee keer | De de",
            ]
        );
    }

    #[test]
    fn bad_custom_rules_are_config_errors_with_line() {
        for (cfg, want) in [
            ("[[custom]]\nid = \"brand/x\"\nkind = \"existence\"\ntokens = [\"a\"]\n", "unknown family `brand`"),
            ("\n[[custom]]\nid = \"content/x\"\nkind = \"exist\"\n", "unknown kind `exist`"),
            ("[[custom]]\nid = \"content/x\"\nkind = \"existence\"\ntokens = [\"(\"]\nregex = true\n", "invalid pattern"),
            ("[[custom]]\nid = \"content/x\"\nkind = \"substitution\"\n", "needs `swap`"),
        ] {
            let e = crate::config::Config::parse(cfg, "g.toml".as_ref()).unwrap_err();
            assert!(e.message.contains(want), "{}", e.message);
            assert!(!e.location.is_empty());
        }
        let e = crate::config::Config::parse(
            "\n[[custom]]\nid = \"content/x\"\nkind = \"exist\"\n",
            "g.toml".as_ref(),
        )
        .unwrap_err();
        assert_eq!(e.location, ":2:1");
    }
}
