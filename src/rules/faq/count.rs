use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The number of questions in a visible FAQ block (question headings or bold questions under
    /// a "Veelgestelde vragen" / "FAQ" heading, or a front matter `faq` list) against the
    /// content type's `faq = { min, max }`. Pages without a FAQ block are not reported.
    ///
    /// ## Why it matters
    /// A content plan asks for a few focused questions per article: one question is not a FAQ,
    /// and a long list buries the answers readers and answer engines look for.
    ///
    /// ## Example
    /// A blog post with a FAQ of one question, while `faq = { min = 3, max = 5 }`: add two more
    /// questions readers ask, or fold the one answer into the text.
    ///
    /// ## Options
    /// `faq = { min = 3, max = 5 }` per `[[content_type]]`.
    pub struct Count => "faq/count", Warning, "a FAQ block should have as many questions as its content type asks"
}

impl Rule for Count {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let Some(ct) = cx.content_type else {
            return;
        };
        let (min, max) = (ct.faq.min, ct.faq.max);
        if min.is_none() && max.is_none() {
            return;
        }
        for block in crate::faq::blocks(cx.doc) {
            let n = block.items.len();
            if n == 0 {
                continue;
            }
            let span = block
                .heading
                .or_else(|| block.items.first().map(|i| i.question_span));
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            let q = if n == 1 { "question" } else { "questions" };
            if min.is_some_and(|m| n < m) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("FAQ has {n} {q}; {} pages ask for {range}", ct.name),
                    )
                    .maybe_at(span)
                    .help(
                        "add questions your readers really ask, or fold the answers into the text",
                    ),
                );
            } else if max.is_some_and(|m| n > m) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("FAQ has {n} {q}; {} pages ask for {range}", ct.name),
                    )
                    .maybe_at(span)
                    .help("keep the questions that matter most, or move the rest to a FAQ page"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_too_few_and_too_many() {
        let src = "## Veelgestelde vragen\n\n### Wat kost het?\n\nVeel.\n";
        let f = run(&Count, "content/blog/a.md", src);
        assert_eq!(texts(src, &f), ["## Veelgestelde vragen\n"]);
        assert_eq!(f[0].message, "FAQ has 1 question; blog pages ask for 3–5");
        let src = "---\nfaq:\n  - {vraag: a?, antwoord: b}\n  - {vraag: c?, antwoord: d}\n  - {vraag: e?, antwoord: f}\n  - {vraag: g?, antwoord: h}\n  - {vraag: i?, antwoord: j}\n  - {vraag: k?, antwoord: l}\n---\nTekst.\n";
        let f = run(&Count, "content/blog/a.md", src);
        assert_eq!(texts(src, &f), ["a?"]);
        assert_eq!(f[0].message, "FAQ has 6 questions; blog pages ask for 3–5");
    }

    #[test]
    fn passes() {
        let src = "## FAQ\n\n### A?\n\nJa.\n\n### B?\n\nNee.\n\n### C?\n\nMisschien.\n";
        assert!(run(&Count, "content/blog/a.md", src).is_empty());
        // no FAQ block, or a content type without bounds
        assert!(run(&Count, "content/blog/a.md", "## Kosten\n\nVeel.\n").is_empty());
        assert!(run(&Count, "over-ons.md", "## FAQ\n\n### A?\n\nJa.\n").is_empty());
    }
}
