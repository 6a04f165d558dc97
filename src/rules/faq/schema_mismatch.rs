use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That the page's FAQPage markup and its visible FAQ agree:
    /// - every Question in the JSON-LD appears as visible text on the page, question and answer
    ///   (compared after removing HTML, decoding entities and normalising case, punctuation and
    ///   whitespace);
    /// - every visible FAQ question (headings or bold questions under a FAQ heading, or a front
    ///   matter FAQ list) is in the FAQPage markup, when the page has one.
    ///
    /// ## Why it matters
    /// Google requires FAQ markup to match content the reader can see; markup for questions that
    /// are not on the page is spam under its guidelines, and visible questions missing from the
    /// markup are lost to answer engines.
    ///
    /// ## Example
    /// The JSON-LD asks "Wat kost een workshop?" but the page's heading says "Wat kost een
    /// AI-workshop?": make them the same. `geolint faq-schema FILE` prints markup that matches.
    pub struct SchemaMismatch => "faq/schema-mismatch", Warning, "the FAQPage markup must match the visible FAQ"
}

impl Rule for SchemaMismatch {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.jsonld.is_empty() {
            return;
        }
        let a = crate::structured::analyze(cx.doc, &cx.config.schema_profiles);
        if a.faq_pages == 0 {
            return;
        }
        let page = crate::faq::visible_text(cx.doc);
        let hidden = a
            .questions
            .iter()
            .filter(|q| !page.contains(&q.question))
            .count();
        if hidden >= 2 && hidden == a.questions.len() {
            // none of them is on the page: one finding, not one per question
            if let Some(first) = a.questions.first() {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("none of the {hidden} FAQPage questions is visible on the page"),
                    )
                    .at(first.question_span)
                    .help(
                        "show the questions and answers on the page, or remove the FAQPage markup",
                    ),
                );
            }
            return;
        }
        for q in &a.questions {
            if !page.contains(&q.question) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("FAQPage question \"{}\" is not visible on the page", q.question),
                    )
                    .at(q.question_span)
                    .help("show the question and its answer on the page, or remove it from the markup"),
                );
            } else if let (Some(ans), Some(span)) = (&q.answer, q.answer_span) {
                if !page.mostly_contains(ans) {
                    out.push(
                        Finding::new(
                            Self::ID,
                            format!("the answer to \"{}\" in FAQPage is not the answer shown on the page", q.question),
                        )
                        .at(span)
                        .help("use the same answer text in the markup as on the page"),
                    );
                }
            }
        }
        let marked: Vec<String> = a
            .questions
            .iter()
            .map(|q| crate::structured::text::normalize(&q.question))
            .collect();
        for item in crate::faq::extract(cx.doc) {
            let n = crate::structured::text::normalize(&item.question);
            if !marked.contains(&n) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("visible FAQ question \"{}\" is missing from the FAQPage markup", item.question),
                    )
                    .at(item.question_span)
                    .help("add it to the FAQPage mainEntity (`geolint faq-schema FILE` prints matching markup)"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    const LD: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Wat kost een AI-workshop?","acceptedAnswer":{"@type":"Answer","text":"<p>Een dag kost 950 euro.</p>"}},{"@type":"Question","name":"Is er lunch?","acceptedAnswer":{"@type":"Answer","text":"Ja."}}]}</script>"#;

    #[test]
    fn fails_both_ways() {
        let src = format!("{LD}\n\n## Veelgestelde vragen\n\n### Wat kost een AI-workshop?\n\nEen dag kost 1200 euro.\n\n### Hoe lang duurt het?\n\nEen dag.\n");
        let f = run(&SchemaMismatch, "a.md", &src);
        assert_eq!(
            texts(&src, &f),
            [
                "<p>Een dag kost 950 euro.</p>",
                "Is er lunch?",
                "### Hoe lang duurt het?\n"
            ]
        );
        assert_eq!(
            f[1].message,
            "FAQPage question \"Is er lunch?\" is not visible on the page"
        );
        assert_eq!(
            f[2].message,
            "visible FAQ question \"Hoe lang duurt het?\" is missing from the FAQPage markup"
        );
    }

    #[test]
    fn fails_once_when_no_question_is_visible() {
        let src = format!("{LD}\n\n# Prijzen\n\nTekst.\n");
        let f = run(&SchemaMismatch, "a.md", &src);
        assert_eq!(texts(&src, &f), ["Wat kost een AI-workshop?"]);
        assert_eq!(
            f[0].message,
            "none of the 2 FAQPage questions is visible on the page"
        );
    }

    #[test]
    fn passes() {
        let src = format!("{LD}\n\n## Veelgestelde vragen\n\n### Wat kost een AI&#8209;workshop?\n\nEen dag kost **950 euro**.\n\n### Is er lunch?\n\nJa.\n");
        let src = src.replace("AI&#8209;workshop", "AI-workshop");
        assert!(run(&SchemaMismatch, "a.md", &src).is_empty());
        // no FAQPage markup: nothing to compare
        assert!(run(&SchemaMismatch, "a.md", "## FAQ\n\n### A?\n\nJa.\n").is_empty());
    }
}
