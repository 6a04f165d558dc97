use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a page has exactly one H1. With `title_is_h1 = true` (the default, as most Hugo
    /// and Astro themes print the front matter `title` as the H1) the title counts as the H1,
    /// and a `#` heading in the body is a second one.
    ///
    /// ## Why it matters
    /// The H1 tells readers, search engines and generative engines what the page is about. Two
    /// H1s blur that; none leaves it to guesswork.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: "5 AI-trends voor het MKB"
    /// ---
    /// # Inleiding
    /// ```
    /// Make the body heading an H2: `## Inleiding`.
    ///
    /// ## Fix
    /// None: which heading is the page's title (demote it, delete it, or make it the title) is a
    /// judgement call.
    pub struct SingleH1 => "heading/single-h1", Error, "a page should have exactly one h1"
}

impl Rule for SingleH1 {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.source.trim().is_empty() {
            return;
        }
        let title = cx.rendered_title_h1();
        let h1s: Vec<_> = cx.main_headings().filter(|h| h.level == 1).collect();
        let total = h1s.len() + usize::from(title.is_some());
        if total == 0 {
            // A body-less list page (e.g. Hugo _index.md) gets its heading from the theme.
            if cx.doc.word_count == 0 {
                return;
            }
            out.push(Finding::new(Self::ID, "page has no H1 heading").help(
                "start the page with one `# heading` (or an HTML <h1>) that names its subject",
            ));
            return;
        }
        if total == 1 {
            return;
        }
        let skip = usize::from(title.is_none());
        for h in h1s.iter().skip(skip) {
            let help = if title.is_some() {
                "the front matter title is already shown as the H1; make this an H2 (`##`), or set title_is_h1 = false if your theme does not print the title"
            } else {
                "keep one H1 and turn the others into H2 headings"
            };
            out.push(
                Finding::new(
                    Self::ID,
                    format!("found {total} H1 headings; a page should have exactly one"),
                )
                .at(h.span)
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run, run_with, texts};

    #[test]
    fn fails_on_second_h1_after_title() {
        let src = "---\ntitle: AI-trends\n---\n# Inleiding\n\nTekst.\n";
        let f = run(&SingleH1, "a.md", src);
        assert_eq!(texts(src, &f), ["# Inleiding\n"]);
        assert!(f[0].message.contains("found 2 H1"));
    }

    #[test]
    fn fails_on_two_body_h1_and_on_none() {
        let src = "# Een\n\nTekst.\n\n# Twee\n";
        assert_eq!(texts(src, &run(&SingleH1, "a.md", src)), ["# Twee\n"]);
        let f = run(&SingleH1, "a.md", "Alleen tekst.\n");
        assert_eq!(f[0].message, "page has no H1 heading");
        let f = run(&SingleH1, "a.html", "<body><p>x</p></body>");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn passes() {
        assert!(run(
            &SingleH1,
            "a.md",
            "---\ntitle: T\n---\n## Sectie\n\nTekst.\n"
        )
        .is_empty());
        assert!(run(&SingleH1, "a.md", "# Titel\n\n## Sectie\n").is_empty());
        let cfg = config("title_is_h1 = false\n");
        assert!(run_with(&SingleH1, "a.md", "---\ntitle: T\n---\n# Titel\n", &cfg).is_empty());
        // code blocks are not headings
        assert!(run(&SingleH1, "a.md", "# T\n\n```\n# comment\n```\n").is_empty());
        // an empty list page
        assert!(run(&SingleH1, "_index.md", "---\nlayout: list\n---\n").is_empty());
    }
}
