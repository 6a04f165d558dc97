use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// H2 headings with the same text as an earlier H2, and H3 headings repeated within the
    /// same H2 section (compared case-insensitively). H3s such as "Voorbeeld" that recur under
    /// different H2s are fine.
    ///
    /// ## Why it matters
    /// Two sections with the same title compete for the same question and give the same
    /// anchor id, so links and AI citations land on the wrong one.
    ///
    /// ## Example
    /// Two `## Kosten` sections → merge them or name them apart (`## Kosten per dag`).
    ///
    /// ## Fix
    /// None: the headings need distinct wording.
    pub struct Duplicate => "heading/duplicate", Warning, "h2 and h3 headings should be unique"
}

impl Rule for Duplicate {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let mut h2s: Vec<(String, usize)> = Vec::new();
        let mut h3s: Vec<(String, usize)> = Vec::new();
        for h in cx.main_headings() {
            let key = h.text.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            let seen = match h.level {
                2 => {
                    h3s.clear();
                    &mut h2s
                }
                3 => &mut h3s,
                _ => continue,
            };
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let line = cx.doc.lines.line_col(&cx.doc.source, *first).line;
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "duplicate H{} heading \"{}\" (first on line {line})",
                            h.level, h.text
                        ),
                    )
                    .at(h.span)
                    .help("merge the sections or give each a distinct title"),
                );
            } else {
                seen.push((key, h.span.start));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_repeated_h2_and_h3_in_one_section() {
        let src = "# T\n## Kosten\n### A\n### a\n## kosten\n";
        let f = run(&Duplicate, "a.md", src);
        assert_eq!(texts(src, &f), ["### a\n", "## kosten\n"]);
        assert_eq!(
            f[1].message,
            "duplicate H2 heading \"kosten\" (first on line 2)"
        );
    }

    #[test]
    fn passes_on_h3_repeated_under_other_h2() {
        assert!(run(
            &Duplicate,
            "a.md",
            "# T\n## Een\n### Voorbeeld\n## Twee\n### Voorbeeld\n"
        )
        .is_empty());
    }
}
