use std::collections::BTreeSet;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;
use crate::urlmap::{key, LinkForm, Target};

declare_rule! {
    /// ## What it checks
    /// The number of other pages of the site a page links to from its content, against the
    /// `internal_links = { min, max }` of its content type. Each target counts once; links to
    /// the page itself, broken links and links in HTML page chrome (nav, footer) do not count.
    /// Drafts, list pages and the home page are skipped.
    ///
    /// ## Why it matters
    /// Internal links help readers go on reading and tell search engines which pages belong
    /// together; a content plan usually asks every post to link to its pillar and a few related
    /// posts ("Verder lezen"). A page with too many links dilutes each of them.
    ///
    /// ## Example
    /// A blog post with one internal link, where `blog` has `internal_links = { min = 2 }`: add a
    /// link to a related post or to the pillar page of its cluster.
    ///
    /// ## Options
    /// `internal_links = { min = 2, max = 20 }` per `[[content_type]]`.
    pub struct TooFewInternal => "link/too-few-internal", Warning, "pages should have as many internal links as their content type asks"
}

impl Rule for TooFewInternal {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::checked(site);
        for (i, doc) in site.docs.iter().enumerate() {
            if doc.draft || doc.page.url.is_none() || doc.page.list || doc.page.home {
                continue;
            }
            let Some(ct) = doc
                .page
                .content_type
                .as_deref()
                .and_then(|name| site.config.content_types.iter().find(|c| c.name == name))
            else {
                continue;
            };
            let bounds = ct.internal_links;
            if bounds.min.is_none() && bounds.max.is_none() {
                continue;
            }
            let mut targets = BTreeSet::new();
            for (l, r) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
            {
                if !l.in_main || r.form == LinkForm::SamePage {
                    continue;
                }
                match &r.target {
                    Target::Page(t) if *t != i => {
                        targets.insert(
                            site.docs
                                .get(*t)
                                .and_then(|d| d.page.url.as_deref())
                                .map_or_else(|| format!("#{t}"), key),
                        );
                    }
                    Target::Generated | Target::Unknown => {
                        targets.insert(r.path.as_deref().map_or_else(|| l.href.clone(), key));
                    }
                    _ => {}
                }
            }
            let n = targets.len();
            let plural = |n: usize| if n == 1 { "link" } else { "links" };
            if let Some(min) = bounds.min.filter(|m| n < *m) {
                out.push((
                    i,
                    Finding::new(
                        Self::ID,
                        format!(
                            "found {n} internal {} to other pages; content type `{}` asks for at least {min}",
                            plural(n),
                            ct.name
                        ),
                    )
                    .help("link to related pages of the site, such as the pillar page of the cluster"),
                ));
            } else if let Some(max) = bounds.max.filter(|m| n > *m) {
                out.push((
                    i,
                    Finding::new(
                        Self::ID,
                        format!(
                            "found {n} internal links to other pages; content type `{}` allows at most {max}",
                            ct.name
                        ),
                    )
                    .help("keep the links that help the reader most"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const CONFIG: &str = "[[content_type]]\nname = \"blog\"\npaths = [\"content/blog/**\"]\ninternal_links = { min = 2, max = 3 }\n";

    #[test]
    fn fails_below_min_and_above_max() {
        let few = "# A\n\n[b](/blog/b/) en nog eens [b](../b/) en [kop](#a) en [extern](https://elders.nl/) en [kapot](/blog/weg/).\n";
        let many = "# B\n\n[a](/blog/a/) [c](/blog/c/) [d](/blog/d/) [lijst](/blog/)\n";
        let hits = run_site(
            TooFewInternal::ID,
            &[
                ("content/blog/a.md", few),
                ("content/blog/b.md", many),
                ("content/blog/c.md", "# C\n\n[a](/blog/a/) [b](/blog/b/)\n"),
                ("content/blog/d.md", "# D\n\n[a](/blog/a/) [b](/blog/b/)\n"),
            ],
            CONFIG,
        );
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.file.as_str(), h.text.as_str(), h.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "content/blog/a.md",
                    "",
                    "found 1 internal link to other pages; content type `blog` asks for at least 2"
                ),
                (
                    "content/blog/b.md",
                    "",
                    "found 4 internal links to other pages; content type `blog` allows at most 3"
                )
            ]
        );
    }

    #[test]
    fn passes_within_bounds_and_outside_content_types() {
        let hits = run_site(
            TooFewInternal::ID,
            &[
                ("content/blog/a.md", "# A\n\n[b](/blog/b/) [over](/over/)\n"),
                ("content/blog/b.md", "---\ndraft: true\n---\n# B\n"),
                ("content/over.md", "# Over\n\nGeen links.\n"),
            ],
            CONFIG,
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
