use std::collections::HashMap;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;
use crate::urlmap::{key, LinkForm, Target};

declare_rule! {
    /// ## What it checks
    /// Internal links to a URL where the site publishes nothing: root-relative links
    /// (`/blog/ai-kosten/`), links relative to the page's URL (`../ai-kosten/`) and absolute
    /// links on `site_url` (with or without `www.`). Each is resolved through the URL map
    /// (see `[urls]`): the URLs of the pages in the run (from front matter `url`/`slug`/
    /// `aliases` or their path), the home page and section lists the generator makes, and
    /// static files in `static/`, `public/` or next to a page bundle. The help names the
    /// closest existing URL.
    ///
    /// Links written as file paths (`../gids.md`) are checked by `link/broken-relative`. A link
    /// to a page source the run did not include (a single-file run, an excluded file), to a page
    /// template (`src/pages/contact.astro`) or to a URL a dynamic route serves
    /// (`src/pages/cases/[slug].astro`) is not reported.
    ///
    /// ## Why it matters
    /// A link to a page that does not exist is a 404 for readers and a dead end for crawlers;
    /// internal 404s waste crawl budget and the link's value.
    ///
    /// ## Example
    /// `[prijzen](/blog/wat-kost-een-ai-worshop/)` → `[prijzen](/blog/wat-kost-een-ai-workshop/)`.
    ///
    /// ## Options
    /// `site_url` (which absolute links are internal) and `[urls]` (where pages are published).
    pub struct BrokenInternal => "link/broken-internal", Error, "internal links must lead to an existing page or file"
}

impl Rule for BrokenInternal {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::checked(site);
        let mut suggestions: HashMap<String, Option<String>> = HashMap::new();
        for (i, doc) in site.docs.iter().enumerate() {
            for (l, r) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
            {
                if r.target != Target::Missing || r.form == LinkForm::File {
                    continue;
                }
                let Some(path) = r.path.as_deref() else {
                    continue;
                };
                let closest = suggestions
                    .entry(key(path))
                    .or_insert_with(|| graph.map.closest(path).map(str::to_string))
                    .clone();
                let is_file = path
                    .rsplit('/')
                    .next()
                    .and_then(|last| last.rsplit_once('.'))
                    .is_some_and(|(_, ext)| {
                        !matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm" | "php")
                    });
                let finding = if let Some(status) = r.redirect {
                    Finding::new(
                        Self::ID,
                        format!("`{path}` is gone: the site's redirects answer {status}"),
                    )
                    .help(match closest {
                        Some(u) => {
                            format!("link to a page that exists, such as `{u}`, or remove the link")
                        }
                        None => "link to a page that exists, or remove the link".to_string(),
                    })
                } else if is_file {
                    Finding::new(Self::ID, format!("linked file `{path}` does not exist"))
                        .help(match closest {
                            Some(u) => format!("did you mean `{u}`? otherwise add the file to the static folder or remove the link"),
                            None => "add the file to the static folder (`static/` or `public/`) or remove the link".to_string(),
                        })
                } else {
                    Finding::new(Self::ID, format!("no page is published at `{path}`")).help(
                        match closest {
                            Some(u) => format!("did you mean `{u}`?"),
                            None => "link to an existing page, or remove the link".to_string(),
                        },
                    )
                };
                out.push((i, finding.at(l.span)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::link::graph::testing::run_site;

    const CONFIG: &str = "site_url = \"https://www.kompas-ai.nl\"\n";

    #[test]
    fn fails_on_missing_pages_and_files() {
        let a = "# A\n\nZie [de prijzen](/blog/wat-kost-een-ai-worshop/), [b](https://kompas-ai.nl/blog/c/), [gids](/files/gids.pdf) en [d](../bestaat-niet/).\n";
        let hits = run_site(
            BrokenInternal::ID,
            &[
                ("content/blog/a.md", a),
                ("content/blog/wat-kost-een-ai-workshop.md", "# W\n"),
            ],
            CONFIG,
        );
        let texts: Vec<_> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "[de prijzen](/blog/wat-kost-een-ai-worshop/)",
                "[b](https://kompas-ai.nl/blog/c/)",
                "[gids](/files/gids.pdf)",
                "[d](../bestaat-niet/)"
            ]
        );
        assert_eq!(
            hits[0].message,
            "no page is published at `/blog/wat-kost-een-ai-worshop/`"
        );
        assert_eq!(
            hits[0].help.as_deref(),
            Some("did you mean `/blog/wat-kost-een-ai-workshop/`?")
        );
        assert_eq!(
            hits[2].message,
            "linked file `/files/gids.pdf` does not exist"
        );
        assert_eq!(
            hits[3].message,
            "no page is published at `/blog/bestaat-niet/`"
        );
        assert!(hits.iter().all(|h| h.file == "content/blog/a.md"));
    }

    #[test]
    fn fails_on_links_the_redirects_call_gone() {
        let hits = run_site(
            BrokenInternal::ID,
            &[
                (
                    "content/a.md",
                    "# A\n\n[oud](/congres/2014/) [nieuw](/blog/b/)\n",
                ),
                ("content/nl/blog/b.md", "# B\n"),
                (
                    "static/_redirects",
                    "/congres/2014 /nl/congres 410\n/blog/* /nl/blog/:splat 301\n",
                ),
            ],
            "",
        );
        let got: Vec<_> = hits
            .iter()
            .map(|h| (h.text.as_str(), h.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [(
                "[oud](/congres/2014/)",
                "`/congres/2014/` is gone: the site's redirects answer 410"
            )]
        );
    }

    #[test]
    fn passes_when_suppressed() {
        let a = "---\ntitle: A\n---\n<!-- geolint-disable-next-line link/broken-internal -->\n[oud](/weg/)\n";
        let b = "---\ngeolint: { disable: [link/broken-internal] }\n---\n[oud](/weg/)\n";
        let hits = run_site(
            BrokenInternal::ID,
            &[("content/a.md", a), ("content/b.md", b)],
            "",
        );
        assert!(hits.is_empty(), "{hits:?}");
    }

    #[test]
    fn passes_on_existing_pages_lists_assets_and_external_links() {
        let a = "# A\n\n[b](/blog/b/) [b2](../b/) [b3](https://www.kompas-ai.nl/blog/b) [lijst](/blog/) [home](/) [tag](/tags/ai/) [pdf](/files/gids.pdf) [x](https://example.com/nope/) [m](mailto:a@b.nl) [file](b.md) [oud](/oude-url/) [c](/contact/) [case](/cases/bakkerij/) [doc](/docs/a/b/)\n";
        let hits = run_site(
            BrokenInternal::ID,
            &[
                ("content/blog/a.md", a),
                (
                    "content/blog/b.md",
                    "---\naliases: [/oude-url/]\n---\n# B\n",
                ),
                ("static/files/gids.pdf", "%PDF-1.4"),
                // A page source that is not linted is still a page.
                ("src/pages/contact.astro", "---\n---\n<h1>Contact</h1>"),
                // Dynamic routes serve URLs the map cannot list.
                ("src/pages/cases/[slug].astro", "---\n---\n"),
                ("src/pages/docs/[...path].astro", "---\n---\n"),
            ],
            CONFIG,
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
