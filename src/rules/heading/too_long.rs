use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Headings longer than `[heading] max_length` characters (default 70).
    ///
    /// ## Why it matters
    /// Long headings are skimmed past, get cut off in table-of-contents widgets and featured
    /// snippets, and usually hide two ideas in one.
    ///
    /// ## Example
    /// `## Waarom het voor MKB-bedrijven in Nederland zo belangrijk is om nu al met AI-automatisering te beginnen`
    /// → `## Waarom nu beginnen met AI-automatisering`.
    ///
    /// ## Options
    /// `[heading] max_length = 70`
    ///
    /// ## Fix
    /// None: shortening needs a writer.
    pub struct TooLong => "heading/too-long", Warning, "headings should be short"
}

impl Rule for TooLong {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let max = cx.config.heading_max_length;
        for h in cx.main_headings() {
            let n = h.text.chars().count();
            if n > max {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "H{} heading is {n} characters; keep headings under {max}",
                            h.level
                        ),
                    )
                    .at(h.span)
                    .help("shorten it to the one idea of the section"),
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
    fn fails_and_passes() {
        let long = format!("## {}\n", "woord ".repeat(13).trim());
        let src = format!("# T\n{long}");
        assert_eq!(texts(&src, &run(&TooLong, "a.md", &src)), [long.as_str()]);
        assert!(run(&TooLong, "a.md", "# T\n## Kort en duidelijk\n").is_empty());
    }
}
