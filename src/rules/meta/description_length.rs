use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The meta description's length: between `description_min` and `description_max`
    /// characters (default 120–160). Too long is a warning (the snippet is cut off); too short
    /// is an `info`, as a short description still works.
    ///
    /// ## Why it matters
    /// Longer descriptions are cut off in search results; shorter ones leave the snippet to
    /// chance and undersell the page.
    ///
    /// ## Example
    /// `description: "Over AI."` → a sentence or two that answers the question of the page.
    ///
    /// ## Options
    /// `[meta] description_min = 120`, `description_max = 160`
    ///
    /// ## Fix
    /// None: shortening or lengthening needs a writer.
    pub struct DescriptionLength => "meta/description-length", Warning, "meta descriptions should be 120-160 characters"
}

impl Rule for DescriptionLength {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let Some(d) = cx.description() else { return };
        let n = d.text.trim().chars().count();
        if n == 0 {
            return;
        }
        let (min, max) = (cx.config.description_min, cx.config.description_max);
        let finding = if n < min {
            Finding::new(
                Self::ID,
                format!("meta description is {n} characters; use {min}-{max}"),
            )
            .level(Level::Info)
            .help("answer the searcher's question in one or two sentences with the main keyword")
        } else if n > max {
            Finding::new(
                Self::ID,
                format!("meta description is {n} characters; search results cut it off after about {max}"),
            )
            .help(format!(
                "shorten it by {} or more; keep the answer and the main keyword in the first sentence",
                if n - max == 1 { "1 character".to_string() } else { format!("{} characters", n - max) }
            ))
        } else {
            return;
        };
        out.push(finding.at(d.span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_and_passes() {
        let src = "---\ndescription: \"Over AI.\"\n---\nT\n";
        let f = run(&DescriptionLength, "a.md", src);
        assert_eq!(texts(src, &f), ["\"Over AI.\""]);
        assert_eq!(
            f[0].message,
            "meta description is 8 characters; use 120-160"
        );
        assert_eq!(f[0].level, Some(Level::Info));
        let long = format!("---\ndescription: \"{}\"\n---\nT\n", "a".repeat(170));
        let f = run(&DescriptionLength, "a.md", &long);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].help.as_deref(),
            Some("shorten it by 10 characters or more; keep the answer and the main keyword in the first sentence")
        );
        let ok = format!("---\ndescription: \"{}\"\n---\nT\n", "a".repeat(140));
        assert!(run(&DescriptionLength, "a.md", &ok).is_empty());
    }
}
