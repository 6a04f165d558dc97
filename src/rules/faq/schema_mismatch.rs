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
    ///
    /// ## Fix
    /// Unsafe (`--fix --unsafe-fixes`): when the page has a visible FAQ and a JSON-LD block that
    /// holds the FAQPage alone, the block is replaced by markup generated from the visible FAQ
    /// (what `geolint faq-schema` prints). Unsafe because the visible FAQ may be the side that
    /// is wrong; blocks with other entities (`@graph`) and MDX pages get no fix.
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
        let first_finding = out.len();
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
        // One unsafe fix per page, on its first finding: markup generated from the visible FAQ
        // replaces the block, when that block holds the FAQPage alone (never other entities).
        if out.len() > first_finding {
            if let Some(fix) = generated_markup_fix(cx) {
                if let Some(f) = out.get_mut(first_finding) {
                    f.fix = Some(fix);
                }
            }
        }
    }
}

/// The unsafe fix that replaces a FAQPage-only JSON-LD block with markup generated from the
/// page's visible FAQ (what `geolint faq-schema` prints).
fn generated_markup_fix(cx: &DocContext<'_>) -> Option<crate::fix::Fix> {
    if cx.doc.format == Some(crate::document::Format::Mdx) {
        return None;
    }
    let visible = crate::faq::extract(cx.doc);
    if visible.is_empty() {
        return None;
    }
    let block = cx.doc.jsonld.iter().find(|b| {
        serde_json::from_str::<serde_json::Value>(&b.content)
            .ok()
            .is_some_and(|v| v.get("@type").and_then(serde_json::Value::as_str) == Some("FAQPage"))
    })?;
    crate::fix::jsonld_fix(
        cx.doc,
        &crate::faq::faq_page_jsonld(&visible),
        Some(block.span),
    )
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

    #[test]
    fn fails_then_the_generated_markup_fix_passes() {
        let src = format!("{LD}\n\n## Veelgestelde vragen\n\n### Wat kost een AI-workshop?\n\nEen dag kost 1200 euro.\n\n### Hoe lang duurt het?\n\nEen dag.\n");
        let f = run(&SchemaMismatch, "a.md", &src);
        assert!(!f.is_empty());
        let fix = f
            .first()
            .and_then(|f| f.fix.as_ref())
            .expect("a fix on the first finding");
        assert_eq!(fix.safety, crate::fix::Safety::Unsafe);
        assert_eq!(f.iter().filter(|f| f.fix.is_some()).count(), 1);
        let out = crate::fix::testing::fixed(&SchemaMismatch, "a.md", &src);
        assert!(out.contains("\"name\": \"Hoe lang duurt het?\""), "{out}");
        assert!(run(&SchemaMismatch, "a.md", &out).is_empty(), "{out}");
        assert_eq!(
            crate::fix::testing::fixed(&SchemaMismatch, "a.md", &out),
            out
        );
    }

    #[test]
    fn passes_without_a_fix_when_the_block_holds_more_than_the_faq() {
        let graph = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Is er lunch?","acceptedAnswer":{"@type":"Answer","text":"Ja."}}]},{"@type":"Organization","name":"Kompas AI"}]}</script>"#;
        let src =
            format!("{graph}\n\n## Veelgestelde vragen\n\n### Hoe lang duurt het?\n\nEen dag.\n");
        let f = run(&SchemaMismatch, "a.md", &src);
        assert!(f.iter().all(|f| f.fix.is_none()), "{f:?}");
    }
}
