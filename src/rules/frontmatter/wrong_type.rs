use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};
use crate::source::frontmatter::FmValue;

declare_rule! {
    /// ## What it checks
    /// That well-known front matter fields have the type generators expect: `title`, `h1` and
    /// `description` are text, `keywords`/`tags` are a list, `draft` is `true` or `false`.
    ///
    /// ## Why it matters
    /// `tags: "ai, marketing"` becomes one tag named "ai, marketing"; `draft: "false"` is a
    /// non-empty string that some generators treat as true, and the page disappears.
    ///
    /// ## Example
    /// `tags: "ai video, marketing"` → `tags: ["ai video", "marketing"]`.
    ///
    /// ## Fix
    /// None: the right value has to be chosen.
    pub struct WrongType => "frontmatter/wrong-type", Warning, "front matter fields must have the expected type"
}

impl Rule for WrongType {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for name in ["title", "h1", "description"] {
            if let Some(f) = cx.field(name) {
                if matches!(f.node.value, FmValue::Seq(_) | FmValue::Map(_)) {
                    out.push(
                        Finding::new(
                            Self::ID,
                            format!("`{}` is a {}, expected text", f.path, f.node.type_name()),
                        )
                        .at(f.node.span)
                        .help("write it as one quoted string"),
                    );
                }
            }
        }
        if let Some(f) = cx.field("keywords") {
            if let FmValue::String(s) = &f.node.value {
                let example = s
                    .split(',')
                    .map(|p| format!("\"{}\"", p.trim()))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("`{}` is a string, expected a list", f.path),
                    )
                    .at(f.node.span)
                    .help(format!("write a list: {}: [{example}]", f.path)),
                );
            }
        }
        if let Some(f) = cx.field("draft") {
            if !matches!(f.node.value, FmValue::Bool(_)) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "`{}` is a {}, expected true or false",
                            f.path,
                            f.node.type_name()
                        ),
                    )
                    .at(f.node.span)
                    .help("write draft: true or draft: false without quotes"),
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
    fn fails_on_string_tags_and_quoted_draft() {
        let src = "---\ntitle: x\ntags: \"ai, marketing\"\ndraft: \"false\"\n---\nT\n";
        let f = run(&WrongType, "a.md", src);
        assert_eq!(texts(src, &f), ["\"ai, marketing\"", "\"false\""]);
        assert_eq!(
            f[0].help.as_deref(),
            Some("write a list: tags: [\"ai\", \"marketing\"]")
        );
    }

    #[test]
    fn passes_on_expected_types() {
        let src = "---\ntitle: x\ntags: [a, b]\ndraft: false\n---\nT\n";
        assert!(run(&WrongType, "a.md", src).is_empty());
    }
}
