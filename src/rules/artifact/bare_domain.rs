use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::artifact::PATTERNS;
use crate::rules::{find_in_text, DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Lines that hold nothing but a domain name, such as `smb-gr.com`: what is left of a chat
    /// tool's citation chips after copy and paste. Domains inside link text are fine.
    ///
    /// ## Why it matters
    /// The reader sees a stray domain in the middle of a paragraph, and the claim it was meant
    /// to source is left without a usable source.
    ///
    /// ## Example
    /// ```text
    /// 53% van de mkb-bedrijven gebruikt inmiddels AI
    /// smb-gr.com
    /// .
    /// ```
    /// → `53% van de mkb-bedrijven gebruikt inmiddels AI ([SMB Group](https://smb-gr.com/…)).`
    pub struct BareDomain => "artifact/bare-domain", Warning, "lines that are only a domain name are citation residue"
}

impl Rule for BareDomain {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for (span, text) in find_in_text(cx.doc, &PATTERNS.bare_domain) {
            if cx.doc.links.iter().any(|l| l.span.overlaps(span)) {
                continue;
            }
            let trimmed = text.trim();
            let start = span.start + (text.len() - text.trim_start().len());
            let span = crate::span::Span::new(start, start + trimmed.len());
            out.push(
                Finding::new(Self::ID, format!("line is only the domain `{trimmed}`"))
                    .at(span)
                    .help("turn it into a link on the claim it sources, or remove it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_domain_lines() {
        let src = "AI wordt goedkoper\nsmb-gr.com\n. Geen wonder dat 53% het gebruikt\n  www.nextiva.com  \n";
        let f = run(&BareDomain, "a.md", src);
        assert_eq!(texts(src, &f), ["smb-gr.com", "www.nextiva.com"]);
    }

    #[test]
    fn passes_on_links_prose_and_non_domains() {
        let src = "Kijk op smb-gr.com voor meer.\n\n[smb-gr.com](https://smb-gr.com)\n\nNode.js\n\n```\nexample.com\n```\n";
        assert!(run(&BareDomain, "a.md", src).is_empty());
    }
}
