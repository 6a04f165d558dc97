use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::artifact::PATTERNS;
use crate::rules::{find_in_text, DocContext, Rule};

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
    pub struct ChatbotPhrase => "artifact/chatbot-phrase", Error, "chatbot phrases must be removed"
}

impl Rule for ChatbotPhrase {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for (span, text) in find_in_text(cx.doc, &PATTERNS.chatbot) {
            out.push(
                Finding::new(Self::ID, format!("chatbot phrase \"{text}\""))
                    .at(span)
                    .help("remove the chatbot's words to its user; end with your own sentence"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn passes_on_normal_text() {
        let src = "Wij hopen dat u dit nuttig vindt. Een taalmodel voorspelt woorden.\n";
        assert!(run(&ChatbotPhrase, "a.md", src).is_empty());
    }
}
