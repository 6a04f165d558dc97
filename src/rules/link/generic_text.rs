use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Links whose whole text is generic: "klik hier", "hier", "lees meer", "meer info",
    /// "click here", "here", "read more", "learn more", "link", ... (compared without case and
    /// punctuation).
    ///
    /// ## Why it matters
    /// Anchor text tells search engines and screen-reader users where a link goes. "Klik hier"
    /// says nothing, and a page of "lees meer" links is a list of identical entries.
    ///
    /// ## Example
    /// `Bekijk de prijzen [hier](/prijzen).` → `Bekijk de [prijzen van een AI-workshop](/prijzen).`
    ///
    /// ## Fix
    /// None: descriptive link text has to be written.
    pub struct GenericText => "link/generic-text", Warning, "link text should describe the target"
}

/// Generic anchor texts, Dutch and English, lowercase without punctuation.
pub const GENERIC: &[&str] = &[
    "klik hier",
    "klik",
    "hier",
    "lees meer",
    "lees verder",
    "meer",
    "meer info",
    "meer informatie",
    "bekijk",
    "bekijk hier",
    "deze link",
    "link",
    "deze pagina",
    "ga naar",
    "verder lezen",
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "learn more",
    "more info",
    "this link",
    "this page",
    "continue reading",
    "go",
    "details",
];

impl Rule for GenericText {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for l in cx.doc.links.iter().filter(|l| l.in_main) {
            let norm: String = l
                .text
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == ' ' {
                        c
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if GENERIC.contains(&norm.as_str()) {
                out.push(
                    Finding::new(
                        Self::ID,
                        format!("link text \"{}\" does not say where it goes", l.text.trim()),
                    )
                    .at(l.span)
                    .help(
                        "use words that name the target page, e.g. \"prijzen van een AI-workshop\"",
                    ),
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
    fn fails_on_generic_text() {
        let src = "Zie [klik hier](/a), [Lees meer »](/b) en <a href=\"/c\">Click here</a>.\n";
        let f = run(&GenericText, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "[klik hier](/a)",
                "[Lees meer »](/b)",
                "<a href=\"/c\">Click here</a>"
            ]
        );
    }

    #[test]
    fn passes_on_descriptive_text() {
        assert!(run(
            &GenericText,
            "a.md",
            "Zie [prijzen van een workshop](/a) en [hier ligt ons kantoor](/b).\n"
        )
        .is_empty());
    }
}
