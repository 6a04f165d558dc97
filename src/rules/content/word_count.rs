use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The number of words of the main text against the page's content type (`[[content_type]]`
    /// in the config): by default blogs need 1000–1800 words, other pages at least 300. Words
    /// are counted with Unicode word boundaries, leaving out front matter, code and URLs.
    /// Pages with no body text at all (list pages such as Hugo's `_index.md`) are skipped.
    ///
    /// ## Why it matters
    /// Thin pages rarely rank or get cited; very long ones bury the answer. The bounds come
    /// from your content plan.
    ///
    /// ## Example
    /// A 450-word post under `content/blog/` → expand it to at least 1000 words, or give it
    /// another content type.
    ///
    /// ## Options
    /// `[[content_type]] words = { min = 1000, max = 1800 }`
    ///
    /// ## Fix
    /// None: this needs writing or cutting.
    pub struct WordCount => "content/word-count", Warning, "pages should have the word count of their content type"
}

impl Rule for WordCount {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let Some(ct) = cx.content_type else { return };
        let n = cx.doc.word_count;
        if n == 0 {
            return;
        }
        if let Some(min) = ct.words.min {
            if n < min {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "{n} words; content type `{}` asks for at least {min}",
                            ct.name
                        ),
                    )
                    .help(format!(
                        "add {} words of substance, or assign another content type",
                        min - n
                    )),
                );
            }
        }
        if let Some(max) = ct.words.max {
            if n > max {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "{n} words; content type `{}` asks for at most {max}",
                            ct.name
                        ),
                    )
                    .help("split the page or cut sections that do not serve its question"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn fails_on_short_blog_and_long_blog() {
        let f = run(
            &WordCount,
            "content/blog/a.md",
            "# T\n\nKort stukje tekst.\n",
        );
        assert_eq!(
            f[0].message,
            "4 words; content type `blog` asks for at least 1000"
        );
        let long = "woord ".repeat(1900);
        let f = run(&WordCount, "content/blog/a.md", &long);
        assert_eq!(
            f[0].message,
            "1900 words; content type `blog` asks for at most 1800"
        );
    }

    #[test]
    fn passes_in_bounds_and_ignores_code() {
        let body = format!(
            "{}\n\n```\n{}\n```\n",
            "woord ".repeat(1200),
            "code ".repeat(5000)
        );
        assert!(run(&WordCount, "content/blog/a.md", &body).is_empty());
        assert!(run(&WordCount, "content/blog/_index.md", "---\ntitle: x\n---\n").is_empty());
    }
}
