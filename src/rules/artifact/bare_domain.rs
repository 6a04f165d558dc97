use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{whole_line, Edit, Fix};
use crate::rules::artifact::PATTERNS;
use crate::rules::{find_in_text, text_regions, DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Lines that hold nothing but a domain name, such as `smb-gr.com`: what is left of a chat
    /// tool's citation chips after copy and paste, in the middle of a paragraph. Domains inside
    /// link text, alone in a paragraph, a table cell or an HTML element are names and fine.
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
    ///
    /// ## Fix
    /// Safe: `--fix` drops the line. When the next line starts with the punctuation that closed
    /// the sentence, the sentence is joined back (`AI` / `smb-gr.com` / `.` → `AI.`). Linking the
    /// claim to its source is left to you.
    pub struct BareDomain => "artifact/bare-domain", Warning, "lines that are only a domain name are citation residue"
}

impl Rule for BareDomain {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let regions = text_regions(cx.doc);
        for (span, text) in find_in_text(cx.doc, &PATTERNS.bare_domain) {
            if cx.doc.links.iter().any(|l| l.span.overlaps(span)) {
                continue;
            }
            // Residue sits inside running text: a domain alone in a table cell, a paragraph of
            // its own or an HTML element is a name, not a broken citation.
            let Some(region) = regions.iter().find(|r| r.contains(span)) else {
                continue;
            };
            let before = cx
                .doc
                .text(crate::span::Span::new(region.start, span.start));
            let after = cx.doc.text(crate::span::Span::new(span.end, region.end));
            let prev_line = before
                .trim_end_matches([' ', '\t'])
                .strip_suffix('\n')
                .map(|b| b.rsplit('\n').next().unwrap_or(""));
            let next_line = after
                .trim_start_matches([' ', '\t'])
                .strip_prefix('\n')
                .map(|a| a.split('\n').next().unwrap_or(""));
            let in_paragraph = prev_line.is_some_and(|l| !l.trim().is_empty())
                || next_line.is_some_and(|l| !l.trim().is_empty());
            if !in_paragraph {
                continue;
            }
            let trimmed = text.trim();
            let start = span.start + (text.len() - text.trim_start().len());
            let span = crate::span::Span::new(start, start + trimmed.len());
            let fix = Fix::safe(
                "remove the domain line",
                vec![Edit::delete(residue_line(&cx.doc.source, span))],
            );
            out.push(
                Finding::new(Self::ID, format!("line is only the domain `{trimmed}`"))
                    .at(span)
                    .help("turn it into a link on the claim it sources, or remove it")
                    .fix(Some(fix)),
            );
        }
    }
}

/// What to delete for a domain line at `span`: the line with its line break, or, when the next
/// line starts with closing punctuation, the line break before it as well, so the sentence joins.
fn residue_line(source: &str, span: crate::span::Span) -> crate::span::Span {
    let line = whole_line(source, span);
    let joins = source
        .get(line.end..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')'));
    let (Some(before), Some(last)) = (line.start.checked_sub(1), line.end.checked_sub(1)) else {
        return line;
    };
    let newline_before = source.get(before..line.start) == Some("\n");
    if joins && newline_before && source.get(last..line.end) == Some("\n") {
        crate::span::Span::new(before, line.end)
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::testing::assert_fix;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_domain_lines() {
        let src = "AI wordt goedkoper\nsmb-gr.com\n. Geen wonder dat 53% het gebruikt\n  www.nextiva.com  \n";
        let f = run(&BareDomain, "a.md", src);
        assert_eq!(texts(src, &f), ["smb-gr.com", "www.nextiva.com"]);
    }

    #[test]
    fn fix_drops_the_line_and_joins_the_sentence() {
        assert_fix(
            &BareDomain,
            "a.md",
            "AI wordt goedkoper\nsmb-gr.com\n. Geen wonder dat 53% het gebruikt\n  www.nextiva.com  \nen dat blijft zo.\n\n```\nAI\nexample.com\n```\n",
            "AI wordt goedkoper. Geen wonder dat 53% het gebruikt\nen dat blijft zo.\n\n```\nAI\nexample.com\n```\n",
        );
        let src = "Tekst\nsmb-gr.com";
        let f = run(&BareDomain, "a.md", src);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].span, crate::span::Span::new(5, 16));
    }

    #[test]
    fn passes_on_links_prose_and_non_domains() {
        let src = "Kijk op smb-gr.com voor meer.\n\n[smb-gr.com](https://smb-gr.com)\n\nNode.js\n\nbylder.nl\n\n```\nexample.com\n```\n";
        assert!(run(&BareDomain, "a.md", src).is_empty());
    }

    #[test]
    fn passes_on_shop_names_in_html_cells() {
        let src = "<html><body><main><table><tr><td>\nDebouwmarktshop.nl\n</td></tr></table></main></body></html>";
        assert!(run(&BareDomain, "a.html", src).is_empty());
    }
}
