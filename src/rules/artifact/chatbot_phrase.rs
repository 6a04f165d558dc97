use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{whole_line, Edit, Fix};
use crate::rules::artifact::PATTERNS;
use crate::rules::{find_in_text, DocContext, Rule};
use crate::span::Span;

declare_rule! {
    /// ## What it checks
    /// Phrases of a chatbot talking to its user, pasted along with the answer, in Dutch and
    /// English: "Ik hoop dat dit helpt", "Als AI-taalmodel", "Laat me weten als je ...",
    /// "Certainly! Here's", "I hope this helps", "As an AI language model". The list lives in
    /// `rules/artifacts.toml`.
    ///
    /// ## Why it matters
    /// Nothing marks a page as unedited AI output more clearly; readers and reviewers stop
    /// trusting the rest.
    ///
    /// ## Example
    /// `... en dat scheelt uren per week. Ik hoop dat dit helpt!` → end with your own
    /// conclusion or call to action.
    ///
    /// ## Fix
    /// Unsafe (`--fix --unsafe-fixes`): removes the whole sentence that holds the phrase, or the
    /// paragraph when the sentence is all of it. A sentence may carry meaning that should stay,
    /// so read the result. There is no fix where the sentence holds markup (links, emphasis,
    /// code), so no Markdown is ever left half open.
    pub struct ChatbotPhrase => "artifact/chatbot-phrase", Error, "chatbot phrases must be removed"
}

impl Rule for ChatbotPhrase {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for (span, text) in find_in_text(cx.doc, &PATTERNS.chatbot) {
            out.push(
                Finding::new(Self::ID, format!("chatbot phrase \"{text}\""))
                    .at(span)
                    .help("remove the chatbot's words to its user; end with your own sentence")
                    .fix(sentence_fix(cx, span)),
            );
        }
    }
}

/// An unsafe fix that deletes the sentence around `span` (inside its paragraph).
fn sentence_fix(cx: &DocContext<'_>, span: Span) -> Option<Fix> {
    let src = &cx.doc.source;
    let para = cx.doc.paragraphs.iter().find(|p| p.span.contains(span))?;
    let ptext = src.get(para.span.start..para.span.end)?;
    let pend = para.span.start + ptext.trim_end().len();
    let before = src.get(para.span.start..span.start)?;
    // The sentence starts after the last terminator + white space before the phrase.
    let start = before
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '…')
                && before
                    .get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .map_or(para.span.start, |i| {
            let rest = before.get(i..).unwrap_or("");
            para.span.start + i + (rest.len() - rest.trim_start().len())
        });
    // It ends after the first terminator (with closing quotes) at or after the phrase's end.
    let after = src.get(span.end..pend)?;
    let end = after
        .char_indices()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
        .map_or(pend, |(i, _)| {
            let tail = after.get(i..).unwrap_or("");
            let punct = tail
                .char_indices()
                .find(|&(_, c)| !matches!(c, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')'))
                .map_or(tail.len(), |(j, _)| j);
            span.end + i + punct
        });
    let sentence = src.get(start..end)?;
    if sentence.contains(['*', '_', '[', ']', '`', '<', '>']) {
        return None;
    }
    let whole_para = start == para.span.start && end >= pend;
    let del = if whole_para {
        let line = whole_line(src, Span::new(start, end));
        if line.start != start || line.end < end {
            return None;
        }
        // And the blank line after the paragraph.
        let blank = src.get(line.end..).is_some_and(|r| r.starts_with('\n'));
        Span::new(line.start, line.end + usize::from(blank))
    } else if end >= pend {
        // The last sentence: take the white space before it.
        let lead = src.get(..start)?;
        Span::new(lead.trim_end_matches([' ', '\t']).len(), end)
    } else {
        // Take the white space after it.
        let rest = src.get(end..pend)?;
        Span::new(
            start,
            end + (rest.len() - rest.trim_start_matches([' ', '\t']).len()),
        )
    };
    Some(Fix::unsafe_("remove the sentence", vec![Edit::delete(del)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::testing::assert_fix;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_dutch_and_english_phrases() {
        let src = "Dat scheelt uren. Ik hoop dat dit helpt!\n\nCertainly! Here's the text. Als AI-taalmodel kan ik dat niet.\n";
        let f = run(&ChatbotPhrase, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "Ik hoop dat dit helpt",
                "Certainly! Here's",
                "Als AI-taalmodel kan ik"
            ]
        );
    }

    #[test]
    fn unsafe_fix_removes_the_sentence() {
        assert_fix(
            &ChatbotPhrase,
            "a.md",
            "# AI\n\nDat scheelt uren. Ik hoop dat dit helpt!\n\nCertainly! Here's the text. Het werkt.\n\nIk hoop dat dit helpt.\n\nWe zijn klaar. Ik hoop dat dit **helpt**.\n",
            "# AI\n\nDat scheelt uren.\n\nHet werkt.\n\nWe zijn klaar. Ik hoop dat dit **helpt**.\n",
        );
        let src = "Klaar. Ik hoop dat dit helpt, zie [hier](x.md).\n";
        assert_eq!(run(&ChatbotPhrase, "a.md", src)[0].fix, None);
    }

    #[test]
    fn sentence_fix_is_unsafe() {
        let f = run(&ChatbotPhrase, "a.md", "Klaar. Ik hoop dat dit helpt!\n");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.safety, crate::fix::Safety::Unsafe);
        assert_eq!(fix.edits[0].span, Span::new(6, 29));
    }

    #[test]
    fn passes_on_normal_text() {
        let src = "Wij hopen dat u dit nuttig vindt. Een taalmodel voorspelt woorden.\n";
        assert!(run(&ChatbotPhrase, "a.md", src).is_empty());
    }
}
