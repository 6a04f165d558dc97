use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::link::graph::Graph;
use crate::rules::Rule;
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// Links to the site's own pages written with `http://` while `site_url` is `https://`
    /// (`http://www.example.nl/contact/` on `https://www.example.nl`).
    ///
    /// ## Why it matters
    /// Every such click goes through a redirect to https (slower, and a redirect hop for
    /// crawlers), or lands on an insecure page when the redirect is missing. Old posts often
    /// keep links from before the move to https.
    ///
    /// ## Example
    /// `[contact](http://www.example.nl/contact/)` → `[contact](/contact/)` or
    /// `[contact](https://www.example.nl/contact/)`.
    ///
    /// ## Options
    /// `site_url` (else the generator's: Hugo `baseURL`, Zola `base_url`, Astro `site`): without
    /// an `https://` site URL the rule has nothing to check.
    pub struct InsecureInternal => "link/insecure-internal", Warning, "internal links should use https when the site does"
}

impl Rule for InsecureInternal {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        let graph = Graph::new(site);
        if !graph.map.is_https() {
            return;
        }
        for (i, doc) in site.docs.iter().enumerate() {
            for (l, r) in doc
                .links
                .iter()
                .zip(graph.links.get(i).into_iter().flatten())
            {
                if r.insecure {
                    out.push((
                        i,
                        Finding::new(
                            Self::ID,
                            "internal link uses `http://` while the site is served over https",
                        )
                        .at(l.span)
                        .help(format!(
                            "write a root-relative link (`{}`) or use `https://`",
                            r.path.as_deref().unwrap_or("/")
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
    fn fails_on_http_links_to_the_own_site() {
        let a = "# A\n\nNeem [contact](http://www.x.nl/contact/) op of lees <a href=\"http://x.nl/blog/b/\">b</a>.\n";
        let hits = run_site(
            InsecureInternal::ID,
            &[("content/blog/a.md", a), ("content/blog/b.md", "# B\n")],
            "site_url = \"https://www.x.nl\"\n",
        );
        let texts: Vec<_> = hits.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "[contact](http://www.x.nl/contact/)",
                "<a href=\"http://x.nl/blog/b/\">b</a>"
            ]
        );
        assert_eq!(
            hits[0].help.as_deref(),
            Some("write a root-relative link (`/contact/`) or use `https://`")
        );
    }

    #[test]
    fn passes_on_https_relative_and_external_http_links() {
        let a = "# A\n\n[b](https://www.x.nl/blog/b/) [c](/blog/b/) [ander](http://elders.nl/)\n";
        let hits = run_site(
            InsecureInternal::ID,
            &[("content/blog/a.md", a), ("content/blog/b.md", "# B\n")],
            "site_url = \"https://www.x.nl\"\n",
        );
        assert!(hits.is_empty(), "{hits:?}");
        // An http site has nothing to upgrade.
        let hits = run_site(
            InsecureInternal::ID,
            &[("content/blog/a.md", "# A\n\n[c](http://www.x.nl/c/)\n")],
            "site_url = \"http://www.x.nl\"\n",
        );
        assert!(hits.is_empty(), "{hits:?}");
    }
}
