use std::path::{Path, PathBuf};

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::Format;
use crate::rules::{DocContext, Rule};
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// Links that point into the page or at files next to it, and do not resolve:
    /// - `#anchor` links to a heading id that the page does not have (Markdown pages);
    /// - relative links to a file (`../gids.md`, `img/schema.png`, `prijzen.html#kosten`) that
    ///   does not exist, or to a heading that the linked page does not have.
    ///
    /// A file link that the URL map resolves to a page (`post.html` on a site that publishes
    /// `post.md` as `post.html`, Zola's `@/blog/post.md`) is fine. Links to URLs without a file
    /// extension (`/contact/`, `../andere-post/`) are left to `link/broken-internal`.
    ///
    /// ## Why it matters
    /// A broken link is a dead end for readers and crawlers, and a broken anchor silently drops
    /// the reader at the top of the page.
    ///
    /// ## Example
    /// `[zie de kosten](#kostn)` → `[zie de kosten](#kosten)`.
    ///
    /// ## Fix
    /// None: the right target has to be chosen; the help suggests the closest heading id.
    pub struct BrokenRelative => "link/broken-relative", Error, "relative links and anchors must resolve"
}

/// A relative link split into its path and fragment, if it is a file or anchor link.
fn split(href: &str) -> Option<(&str, Option<&str>)> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('/')
        || href.starts_with("//")
        || href.contains(':')
        || href.starts_with('{')
    {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path = path.split(['?']).next().unwrap_or("");
    Some((path, fragment))
}

fn has_extension(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

impl Rule for BrokenRelative {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.format == Some(Format::Html) {
            return;
        }
        for l in &cx.doc.links {
            let Some(("", Some(fragment))) = split(&l.href) else {
                continue;
            };
            if fragment.is_empty() {
                continue;
            }
            let fragment = decode(fragment);
            if !cx
                .doc
                .headings
                .iter()
                .any(|h| same_anchor(&h.id, &fragment))
                && !html_ids(&cx.doc.source).any(|id| id == fragment)
            {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("no heading with id `{fragment}` on this page"),
                    )
                    .at(l.span)
                    .help(suggest(
                        &fragment,
                        cx.doc.headings.iter().map(|h| h.id.as_str()),
                    )),
                );
            }
        }
    }

    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = crate::rules::link::graph::Graph::checked(site);
        for (i, doc) in site.docs.iter().enumerate() {
            let dir = doc
                .path
                .parent()
                .map_or_else(PathBuf::new, Path::to_path_buf);
            let resolved = graph.links.get(i).map_or(&[][..], Vec::as_slice);
            for (li, l) in doc.links.iter().enumerate() {
                // A file link the URL map resolves (`post.html` for `post.md` on a site that
                // publishes `.html` URLs, Zola's `@/post.md`) is not broken.
                let by_url = resolved.get(li).map(|r| &r.target);
                let Some((path, fragment)) = split(&l.href) else {
                    continue;
                };
                if path.is_empty() || !has_extension(path) {
                    continue;
                }
                let target = dir.join(decode(path));
                let found = graph.map.doc_at(&target).or(match by_url {
                    Some(crate::urlmap::Target::Page(t)) => Some(*t),
                    _ => None,
                });
                if let Some(t) = found {
                    let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                        continue;
                    };
                    let target_doc = &site.docs[t];
                    if target_doc.format == Some(Format::Html) {
                        continue;
                    }
                    let fragment = decode(fragment);
                    if !target_doc
                        .heading_ids
                        .iter()
                        .any(|h| same_anchor(h, &fragment))
                    {
                        out.push((
                            i,
                            Finding::new(
                                Self::ID,
                                format!(
                                    "`{}` has no heading with id `{fragment}`",
                                    target_doc.display_path
                                ),
                            )
                            .at(l.span)
                            .help(suggest(
                                &fragment,
                                target_doc.heading_ids.iter().map(String::as_str),
                            )),
                        ));
                    }
                } else if !target.exists()
                    && matches!(by_url, None | Some(crate::urlmap::Target::Missing))
                {
                    out.push((
                        i,
                        Finding::new(Self::ID, format!("linked file `{path}` does not exist"))
                            .at(l.span)
                            .help("fix the path (it is relative to this file) or remove the link"),
                    ));
                }
            }
        }
    }
}

/// `id="…"` and `name="…"` attributes written as raw HTML (explicit anchors).
fn html_ids(source: &str) -> impl Iterator<Item = &str> {
    static ID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::rules::regex(r#"<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']"#)
    });
    ID.captures_iter(source)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
}

/// Generators slug headings differently ("Public/private" → `publicprivate` on GitHub and
/// Hugo, `public-private` in Zola): compare ids on their letters and digits only.
pub(crate) fn same_anchor(id: &str, fragment: &str) -> bool {
    id == fragment
        || id
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .eq(fragment
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase))
}

pub(crate) fn suggest<'a>(want: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let best = ids
        .map(|id| (crate::rules::registry::levenshtein(want, id), id))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, id)) => format!("did you mean `#{id}`?"),
        None => {
            "link to an existing heading id (the heading text in lowercase with hyphens)".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_missing_anchor() {
        let src = "# T\n\n## De kosten\n\nZie [kosten](#de-kostn).\n";
        let f = run(&BrokenRelative, "a.md", src);
        assert_eq!(texts(src, &f), ["[kosten](#de-kostn)"]);
        assert_eq!(f[0].help.as_deref(), Some("did you mean `#de-kosten`?"));
    }

    #[test]
    fn passes_on_existing_anchor_and_urls() {
        let src =
            "# T\n\n## De kosten\n\n## Public/private\n\n<a name=\"eigen\"></a>\n\n[a](#de-kosten) [b](/x) [c](https://x.nl/#y) [d](other.md#q) [e](#public-private) [f](#eigen)\n";
        assert!(run(&BrokenRelative, "a.md", src).is_empty());
    }

    #[test]
    fn site_pass_checks_files_and_their_anchors() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        std::fs::write(
            &a,
            "# A\n\n[b](b.md#sectie) [c](c.md) [d](b.md#mist) [e](img/x.png)\n",
        )
        .unwrap();
        std::fs::write(&b, "# B\n\n## Sectie\n").unwrap();
        // `sub/index.md` is published at `/sub/`, so `../a.html` is `/a.html`: page a.md.
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/index.md"), "# S\n\n[a](../a.html)\n").unwrap();
        let config = crate::config::Config::builtin();
        let outcome = crate::lint::run(
            &[dir.path().to_path_buf()],
            &config,
            crate::lint::RunOptions::default(),
        )
        .unwrap();
        let msgs: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.rule == BrokenRelative::ID)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("linked file `c.md` does not exist"));
        assert!(msgs[1].ends_with("has no heading with id `mist`"));
        assert!(msgs[2].starts_with("linked file `img/x.png`"));
    }
}
