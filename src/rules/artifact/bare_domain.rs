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
    /// Safe: `--fix` keeps the source and moves it into the sentence it cites, as text:
    /// `AI` / `smb-gr.com` / `.` → `AI (bron: smb-gr.com).` (`source:` on English pages). A run
    /// of domain lines becomes one citation, each domain once. Turning it into a link to the
    /// page that holds the claim is left to you. A domain line that starts its paragraph has no
    /// sentence before it: there the fix only removes the line, and is unsafe because the
    /// source name is lost.
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
            let fix = match citation(&cx.doc.source, span, cx.lang) {
                Some(edit) => Fix::safe(
                    "move the domain into the sentence as its source",
                    vec![edit],
                ),
                None => Fix::unsafe_(
                    "remove the domain line",
                    vec![Edit::delete(whole_line(&cx.doc.source, span))],
                ),
            };
            out.push(
                Finding::new(Self::ID, format!("line is only the domain `{trimmed}`"))
                    .at(span)
                    .help("make the claim it sources a link to the page that supports it")
                    .fix(Some(fix)),
            );
        }
    }
}

/// The edit that turns the run of domain lines around `span` into a citation at the end of the
/// line before it: `text` / `a.com` / `a.com` / `b.nl` / `. More` → `text (bron: a.com,
/// b.nl). More`. `None` when no text line comes before the run.
fn citation(source: &str, span: crate::span::Span, lang: &str) -> Option<Edit> {
    let is_domain = |line: &str| {
        let t = line.trim();
        !t.is_empty()
            && PATTERNS
                .bare_domain
                .find(t)
                .is_some_and(|m| m.as_str().trim() == t)
    };
    let line = whole_line(source, span);
    let line_start = if source
        .get(line.start..)
        .is_some_and(|l| l.starts_with('\n'))
    {
        line.start + 1
    } else {
        line.start
    };
    // The run: this line and the domain lines right before and after it.
    let mut first = line_start;
    while let Some(prev_end) = first.checked_sub(1) {
        let prev_start = source
            .get(..prev_end)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        if !source.get(prev_start..prev_end).is_some_and(is_domain) {
            break;
        }
        first = prev_start;
    }
    let mut last = source
        .get(line_start..)
        .and_then(|r| r.find('\n'))
        .map_or(source.len(), |i| line_start + i);
    while let Some(next) = source.get(last + 1..).filter(|_| last < source.len()) {
        let next_end = next.find('\n').map_or(source.len(), |i| last + 1 + i);
        if !source.get(last + 1..next_end).is_some_and(is_domain) {
            break;
        }
        last = next_end;
    }
    // The sentence it cites ends on the line before the run.
    let text_end = first.checked_sub(1)?;
    let before = source.get(..text_end)?;
    let prev_line = before.rsplit('\n').next().unwrap_or(before);
    if prev_line.trim().is_empty() {
        return None;
    }
    let text_end = text_end - (prev_line.len() - prev_line.trim_end().len());
    let mut domains: Vec<&str> = Vec::new();
    for d in source.get(first..last)?.lines().map(str::trim) {
        if !d.is_empty() && !domains.contains(&d) {
            domains.push(d);
        }
    }
    // When the next line closes the sentence, it joins the citation.
    let joins = source
        .get(last..)
        .and_then(|rest| rest.strip_prefix('\n'))
        .and_then(|next| next.chars().next())
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')'));
    let end = if joins { last + 1 } else { last };
    // A sentence that already ended takes the citation before its full stop.
    let stop = prev_line
        .trim_end()
        .chars()
        .last()
        .filter(|c| !joins && matches!(c, '.' | '!' | '?'));
    let start = text_end - stop.map_or(0, char::len_utf8);
    let label = if lang == "en" { "source" } else { "bron" };
    Some(Edit::replace(
        crate::span::Span::new(start, end),
        format!(
            " ({label}: {}){}",
            domains.join(", "),
            stop.map(String::from).unwrap_or_default()
        ),
    ))
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
    fn fix_moves_the_source_into_the_sentence() {
        assert_fix(
            &BareDomain,
            "a.md",
            "AI wordt goedkoper\nsmb-gr.com\n. Geen wonder dat 53% het gebruikt\n  www.nextiva.com  \nen dat blijft zo.\n\n```\nAI\nexample.com\n```\n",
            "AI wordt goedkoper (bron: smb-gr.com). Geen wonder dat 53% het gebruikt (bron: www.nextiva.com)\nen dat blijft zo.\n\n```\nAI\nexample.com\n```\n",
        );
        // A run of domain lines is one citation, each domain once; at the end of the file too.
        assert_fix(
            &BareDomain,
            "a.md",
            "Dit scheelt werk\nsuperfast-it.com\nsuperfast-it.com\nnextiva.com\n. Verder lezen.\n\nTekst\nsmb-gr.com",
            "Dit scheelt werk (bron: superfast-it.com, nextiva.com). Verder lezen.\n\nTekst (bron: smb-gr.com)",
        );
        // A sentence that already ended takes the citation before its full stop.
        assert_fix(
            &BareDomain,
            "a.md",
            "53% gebruikt AI.\nsmb-gr.com\nEn dat groeit.\n",
            "53% gebruikt AI (bron: smb-gr.com).\nEn dat groeit.\n",
        );
        let src = "Tekst\nsmb-gr.com";
        let f = run(&BareDomain, "a.md", src);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.safety, crate::fix::Safety::Safe);
        assert_eq!(fix.edits[0].span, crate::span::Span::new(5, 16));
    }

    #[test]
    fn fix_cites_in_the_page_language_and_only_removes_when_no_sentence_precedes() {
        let cfg = crate::rules::testing::config("language = \"en\"\n");
        let src = "AI is cheaper\nsmb-gr.com\n. More text.\n";
        let f = crate::rules::testing::run_with(&BareDomain, "a.md", src, &cfg);
        let edit = &f[0].fix.as_ref().expect("a fix").edits[0];
        assert_eq!(edit.replacement, " (source: smb-gr.com)");
        // At the start of a paragraph there is no sentence to cite: the line goes, unsafely.
        let src = "Intro.\n\nsmb-gr.com\nDe tekst gaat door.\n";
        let f = run(&BareDomain, "a.md", src);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.safety, crate::fix::Safety::Unsafe);
        assert_fix(&BareDomain, "a.md", src, "Intro.\n\nDe tekst gaat door.\n");
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
