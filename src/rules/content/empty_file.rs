use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Files that are empty or hold only white space.
    ///
    /// ## Why it matters
    /// An empty content file publishes an empty page (or breaks the build), and is usually a
    /// left-over of a rename.
    ///
    /// ## Example
    /// An empty `content/blog/nieuw.md` → write the page or delete the file.
    ///
    /// ## Fix
    /// None.
    pub struct EmptyFile => "content/empty-file", Warning, "content files should not be empty"
}

impl Rule for EmptyFile {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if cx.doc.source.trim().is_empty() {
            out.push(
                Finding::new(Self::ID, "file is empty").help("write the page or delete the file"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn fails_and_passes() {
        assert_eq!(run(&EmptyFile, "a.md", " \n\n").len(), 1);
        assert_eq!(run(&EmptyFile, "a.html", "").len(), 1);
        assert!(run(&EmptyFile, "a.md", "x").is_empty());
    }
}
