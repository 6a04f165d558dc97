use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::TextItem;
use crate::keywords::Keyword;
use crate::rules::keyword::item_tokens;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a page in a keyword cluster (front matter `cluster`, or the cluster's pillar page)
    /// names at least one of the cluster's keywords somewhere: title, headings or body
    /// (inflections, hyphen and compound variants count; code and URLs do not).
    ///
    /// ## Why it matters
    /// A cluster page that never uses the cluster's search terms does not support the cluster:
    /// it will not rank for them and does not strengthen the pillar.
    ///
    /// ## Example
    /// `cluster: "AI-workshop kosten"` on a post about chatbots → use one of the cluster's
    /// keywords, or move the page to the cluster it belongs to.
    pub struct NoClusterKeyword => "keyword/no-cluster-keyword", Warning, "a page in a cluster should use at least one cluster keyword"
}

impl Rule for NoClusterKeyword {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let pk = cx.keywords();
        let Some((cluster, span)) = pk.cluster else {
            return;
        };
        let kws: Vec<Keyword> = cluster
            .keywords
            .iter()
            .filter_map(|k| Keyword::new(k, pk.lang))
            .collect();
        if kws.is_empty() {
            return;
        }
        let body = cx.body_tokens(pk.lang);
        let mut texts = Vec::new();
        if let Some(t) = cx.seo_title() {
            texts.push(item_tokens(cx.doc, &t, pk.lang));
        }
        for h in cx.main_headings() {
            let item = TextItem {
                text: h.text.clone(),
                span: h.span,
            };
            texts.push(item_tokens(cx.doc, &item, pk.lang));
        }
        // The introduction is judged whole, as `keyword/missing-in-intro` does; the rest of
        // the body sentence by sentence.
        let intro = cx.intro_tokens(pk.lang).map(|(t, _)| t);
        if kws.iter().any(|k| {
            body.find_loose(k).is_some()
                || texts.iter().any(|t| t.find_loose(k).is_some())
                || intro.is_some_and(|t| t.find_anywhere(k).is_some())
        }) {
            return;
        }
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "page is in cluster `{}` but uses none of its keywords",
                    cluster.name
                ),
            )
            .maybe_at(span)
            .help(format!(
                "use one of {} in the title, a heading or the text, or assign the page to another cluster",
                cluster
                    .keywords
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run_with, texts};

    const CFG: &str = "[[cluster]]\nname = \"Kosten\"\nkeywords = [\"AI-workshop kosten\", \"prijs AI-training\"]\n";

    #[test]
    fn fails_when_no_cluster_keyword_is_used() {
        let src = "---\ntitle: Chatbots\ncluster: Kosten\n---\nOver chatbots.\n\n```\nAI-workshop kosten\n```\n";
        let f = run_with(&NoClusterKeyword, "a.md", src, &config(CFG));
        assert_eq!(texts(src, &f), ["Kosten"]);
        assert_eq!(
            f[0].message,
            "page is in cluster `Kosten` but uses none of its keywords"
        );
    }

    #[test]
    fn passes_with_an_inflected_keyword_in_the_body() {
        let src = "---\ntitle: Chatbots\ncluster: Kosten\n---\nDe prijzen van AI-trainingen.\n";
        assert!(run_with(&NoClusterKeyword, "a.md", src, &config(CFG)).is_empty());
    }
}
