use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};
use crate::source::frontmatter::FmFormat;

declare_rule! {
    /// ## What it checks
    /// That the YAML (`---`) or TOML (`+++`) front matter at the top of a file parses, and is
    /// closed. The finding points at the exact line and column where the parser stopped.
    ///
    /// ## Why it matters
    /// Hugo, Astro and Eleventy refuse to build a page whose front matter is broken, or silently
    /// drop its title, date and description.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: "Wat kost een AI-workshop?
    /// date: 2026-01-12
    /// ---
    /// ```
    /// Close the quote: `title: "Wat kost een AI-workshop?"`.
    ///
    /// ## Fix
    /// None: the message points at the broken YAML or TOML; how to repair it needs a human.
    pub struct ParseError => "frontmatter/parse-error", Error, "front matter must parse as YAML or TOML"
}

impl Rule for ParseError {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if let Some(e) = &cx.doc.front_matter_error {
            let syntax = match e.format {
                FmFormat::Yaml => "YAML",
                FmFormat::Toml => "TOML",
            };
            out.push(
                Finding::new(Self::ID, format!("invalid {syntax} front matter: {}", e.message))
                    .at(e.span)
                    .help("fix the syntax at the marked position; the page's fields are ignored until it parses"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_unclosed_quote_and_unterminated_block() {
        let src = "---\ntitle: \"Wat kost\ndate: 2026-01-12\n---\nTekst\n";
        let f = run(&ParseError, "a.md", src);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.starts_with("invalid YAML front matter"));
        let src = "---\ntitle: x\nTekst zonder einde\n";
        let f = run(&ParseError, "a.md", src);
        assert_eq!(f.len(), 1);
        assert_eq!(texts(src, &f), ["---"]);
    }

    #[test]
    fn passes_on_valid_yaml_and_toml() {
        assert!(run(&ParseError, "a.md", "---\ntitle: x\n---\nTekst\n").is_empty());
        assert!(run(&ParseError, "a.md", "+++\ntitle = \"x\"\n+++\nTekst\n").is_empty());
        assert!(run(&ParseError, "a.md", "Geen front matter\n").is_empty());
    }
}
