use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::broken_relative::{same_anchor, suggest};
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;
use crate::urlmap::{LinkForm, Target};

declare_rule! {
    /// ## What it checks
    /// Links to a place on another page of the site (`/blog/ai-kosten/#subsidie`,
    /// `https://www.example.nl/faq/#privacy`, `../ai-kosten/#subsidie`) where that page has no
    /// heading with that id and no element with that `id` or `name`. Heading ids are compared
    /// on their letters and digits, as generators slug headings differently. Text fragments
    /// (`#:~:text=…`) are not anchors and are skipped, and so are links to pages without any
    /// heading or anchor in their source (their content comes from a template).
    ///
    /// Anchors on the same page and in file links (`gids.md#stap-2`) are checked by
    /// `link/broken-relative`.
    ///
    /// ## Why it matters
    /// The page exists, so nothing looks broken, but the reader lands at the top of a long page
    /// instead of at the answer the link promised.
    ///
    /// ## Example
    /// `[subsidie](/blog/ai-kosten/#subsidy)` → `[subsidie](/blog/ai-kosten/#subsidie)`.
    pub struct BrokenAnchor => "link/broken-anchor", Error, "links to another page's section must name an existing anchor"
}

impl Rule for BrokenAnchor {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        for (i, doc) in site.docs.iter().enumerate() {
            for (l, r) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
            {
                let (Target::Page(t), Some(fragment)) = (&r.target, &r.fragment) else {
                    continue;
                };
                if matches!(r.form, LinkForm::SamePage | LinkForm::File) {
                    continue;
                }
                // A text fragment (`#:~:text=…`) scrolls to text, not to an anchor.
                let fragment = fragment.split(":~:").next().unwrap_or("");
                if fragment.is_empty() {
                    continue;
                }
                // A page without headings or anchors gets its content from a template (an event
                // list, a search page): its anchors are not in the source.
                let Some(target) = site
                    .docs
                    .get(*t)
                    .filter(|d| !d.heading_ids.is_empty() || !d.page.anchors.is_empty())
                else {
                    continue;
                };
                let found = target
                    .heading_ids
                    .iter()
                    .chain(&target.page.anchors)
                    .any(|id| same_anchor(id, fragment));
                if !found {
                    let url = target.page.url.as_deref().unwrap_or(&target.display_path);
                    out.push((
                        i,
                        Finding::new(
                            Self::ID,
                            format!("`{url}` has no heading or anchor with id `{fragment}`"),
                        )
                        .at(l.span)
                        .help(suggest(
                            fragment,
                            target.heading_ids.iter().map(String::as_str),
                        )),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    #[test]
    fn fails_on_missing_anchor_on_another_page() {
        let a = "# A\n\nLees over [subsidie](/blog/b/#subsidy) en [privacy](https://www.x.nl/blog/b#weg).\n";
        let b = "# B\n\n## Subsidie\n";
        let hits = run_site(
            BrokenAnchor::ID,
            &[("content/blog/a.md", a), ("content/blog/b.md", b)],
            "site_url = \"https://www.x.nl\"\n",
        );
        let texts: Vec<_> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "[subsidie](/blog/b/#subsidy)",
                "[privacy](https://www.x.nl/blog/b#weg)"
            ]
        );
        assert_eq!(
            hits[0].message,
            "`/blog/b/` has no heading or anchor with id `subsidy`"
        );
        assert_eq!(hits[0].help.as_deref(), Some("did you mean `#subsidie`?"));
    }

    #[test]
    fn passes_on_headings_html_ids_and_other_checks() {
        let a = "# A\n\n[s](/blog/b/#subsidie) [e](../b/#eigen-anker) [h](/over.html#team) [same](#nergens) [file](b.md#nergens) [tekst](/blog/b/#:~:text=subsidie) [x](https://elders.nl/#nergens) [lijst](/agenda/#12-maart)\n";
        let b = "# B\n\n## Subsidie\n\n<div id=\"eigen-anker\"></div>\n";
        let over = "<html><body><h1>Over</h1><section id=\"team\">t</section></body></html>";
        let agenda = "---\ntitle: Agenda\n---\n";
        let hits = run_site(
            BrokenAnchor::ID,
            &[
                ("content/blog/a.md", a),
                ("content/blog/b.md", b),
                ("public/over.html", over),
                ("content/agenda.md", agenda),
            ],
            "",
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
