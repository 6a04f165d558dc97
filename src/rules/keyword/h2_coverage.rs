use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::item_tokens;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That at least 30% of a page's H2 headings carry one of its keywords: the primary
    /// keyword, its other front matter keywords or a keyword of its cluster (inflections,
    /// hyphen and compound variants count). A heading carries a keyword of several words when
    /// it holds at least half of them (`Waarom MDM het verschil maakt` carries `MDM beleid`):
    /// subheadings are short and should not repeat the whole phrase. Pages with fewer than two
    /// H2s or without keywords are skipped.
    ///
    /// ## Why it matters
    /// Subheadings are the outline that search engines, generative engines and skimming
    /// readers use to see whether a page covers the topic; headings that never name it read as
    /// a page about something else.
    ///
    /// ## Example
    /// Six H2s ("Inleiding", "Stap 1", ...) on a page about `AI-workshop kosten` → rename one or
    /// two: "Wat kost een AI-workshop?", "Prijs van een AI-training per dagdeel".
    ///
    /// ## Options
    /// `[keyword] h2_min_share = 0.3`.
    pub struct H2Coverage => "keyword/h2-coverage", Info, "enough h2 headings should carry a keyword"
}

impl Rule for H2Coverage {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let pk = cx.keywords();
        if pk.primary.is_none() && pk.cluster.is_none() {
            return;
        }
        let terms = pk.terms();
        if terms.is_empty() {
            return;
        }
        let lang = Lang::from_code(cx.lang);
        let h2s: Vec<_> = cx.main_headings().filter(|h| h.level == 2).collect();
        if h2s.len() < 2 {
            return;
        }
        let carrying = h2s
            .iter()
            .filter(|h| {
                let item = crate::document::TextItem {
                    text: h.text.clone(),
                    span: h.span,
                };
                let t = item_tokens(cx.doc, &item, lang);
                terms.iter().any(|k| {
                    t.find_anywhere(k).is_some() || (k.len() > 1 && t.words_found(k) * 2 >= k.len())
                })
            })
            .count();
        let share = cx.config.keyword.h2_min_share.unwrap_or(0.3);
        #[allow(clippy::cast_precision_loss)]
        let actual = carrying as f64 / h2s.len() as f64;
        if actual >= share {
            return;
        }
        let Some(first) = h2s.first() else {
            return;
        };
        let names: Vec<String> = terms
            .iter()
            .take(3)
            .map(|k| format!("`{}`", k.text))
            .collect();
        out.push(
            Finding::new(
                Self::ID,
                format!(
                    "{carrying} of {} H2 headings carry a keyword of the page ({:.0}%); aim for at least {:.0}%",
                    h2s.len(),
                    actual * 100.0,
                    share * 100.0
                ),
            )
            .at(first.span)
            .help(format!(
                "name the topic in more subheadings, e.g. with {}",
                names.join(" or ")
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_when_few_h2s_carry_a_keyword() {
        let src = "---\nkeywords: [AI-workshop]\n---\nIntro.\n\n## Inleiding\n\n## Stap 1\n\n## Stap 2\n\n## Tot slot\n";
        let f = run(&H2Coverage, "a.md", src);
        assert_eq!(texts(src, &f), ["## Inleiding\n"]);
        assert_eq!(
            f[0].message,
            "0 of 4 H2 headings carry a keyword of the page (0%); aim for at least 30%"
        );
    }

    #[test]
    fn passes_with_variants_and_without_keywords() {
        let src = "---\nkeywords: [AI-workshop]\n---\n## Wat kosten AIworkshops?\n\n## Stap 1\n\n## Stap 2\n";
        assert!(run(&H2Coverage, "a.md", src).is_empty());
        let src =
            "---\nkeywords: [x, MDM beleid]\n---\n## Waarom MDM telt\n\n## Stap 1\n\n## Stap 2\n";
        assert!(run(&H2Coverage, "a.md", src).is_empty());
        let src = "## A\n\n## B\n\n## C\n";
        assert!(run(&H2Coverage, "a.md", src).is_empty());
    }
}
