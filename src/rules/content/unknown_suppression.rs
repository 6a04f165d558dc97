use crate::declare_rule;
use crate::rules::Rule;

declare_rule! {
    /// ## What it checks
    /// Suppression comments (`<!-- geolint-disable … -->`, `geolint: { disable: [...] }` in
    /// front matter) that name a rule geolint does not know, or use an unknown directive.
    ///
    /// ## Why it matters
    /// A misspelt rule id suppresses nothing: the finding you meant to silence still fires, and
    /// the comment misleads the next writer.
    ///
    /// ## Example
    /// `<!-- geolint-disable heading/singel-h1 -->` → `<!-- geolint-disable heading/single-h1 -->`.
    ///
    /// ## Fix
    /// None: the help names the closest known rule id when the id looks misspelt.
    pub struct UnknownSuppression => "content/unknown-suppression", Warning, "suppressions must name known rules"
}

// The findings are made while suppressions are collected (see `suppress.rs`).
impl Rule for UnknownSuppression {}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::testing::doc;

    fn run(src: &str) -> Vec<String> {
        let d = doc("a.md", src);
        let (diags, _) = crate::lint::lint_document(&d, &Config::builtin(), &["a.md".into()]);
        diags
            .into_iter()
            .filter(|d| d.rule == super::UnknownSuppression::ID)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fails_on_unknown_rule_and_directive() {
        assert_eq!(
            run("# T\n<!-- geolint-disable heading/singel-h1 -->\n"),
            ["suppression names unknown rule `heading/singel-h1` (did you mean `heading/single-h1`?)"]
        );
        assert_eq!(
            run("# T\n<!-- geolint-silence -->\n"),
            ["unknown directive `geolint-silence`"]
        );
    }

    #[test]
    fn passes_on_known_rules() {
        assert!(run("# T\n<!-- geolint-disable-next-line heading/single-h1 -->\n").is_empty());
    }
}
