use std::sync::LazyLock;

use super::block_has_link_or_footnote;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::prose::words;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Quotations with no one to attribute them to. A quotation is text of at least
    /// `quote_min_words` words (default 6) between double quotes (“…”, „…”, "…", «…») that
    /// stands on its own as a paragraph or blockquote, and reads as someone's words: it says
    /// "ik", "wij", "we", "I" or "our", or it is at least twice that long. It is attributed when
    /// its paragraph or the start of the next one names who said it ("zegt", "aldus",
    /// "volgens", "said", "according to", "— Name") or links to the source. Quoted terms,
    /// titles, quoted questions, text introduced as an example or prompt ("bijvoorbeeld",
    /// "zoals", "vraag", "such as", "type") and pages that report their own survey (anonymous
    /// respondents) are left alone.
    ///
    /// ## Why it matters
    /// Quotations from named people were the single strongest lever in "GEO: Generative Engine
    /// Optimization" (Aggarwal et al., KDD 2024). A quote without a speaker gives an engine
    /// nothing to cite and readers no reason to trust it.
    ///
    /// ## Example
    /// "“We besparen nu elke week een dag.”" → "“We besparen nu elke week een dag,” zegt Anna de
    /// Vries, eigenaar van Bakkerij De Vries."
    ///
    /// ## Options
    /// `[geo] quote_min_words = 6`
    pub struct UnattributedQuote => "geo/unattributed-quote", Warning, "quotations should say who said them"
}

static QUOTE: LazyLock<regex::Regex> =
    LazyLock::new(|| crate::rules::regex(r#"“([^”“]+)”|„([^”“„]+)[”“]|"([^"]+)"|«([^»]+)»"#));

static ATTRIBUTION: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(concat!(
        r"(?i)(?-u:\b)(?:zegt|zei|zeggen|zeiden|aldus|volgens|vertelt|vertelde|schrijft|schreef|stelt|stelde|",
        r"legt\s+\w+\s+uit|licht\s+\w+\s+toe|benadrukt|citaat|quote|said|says|say|according\s+to|",
        r"bevestigt|waarschuwt|reageert|vindt|merkt\s+op|",
        r"writes|wrote|explains|explained|told|tells|notes|noted|adds|added|recalls|confirms|warns)(?-u:\b)",
        r"|(?:^|\s)(?:--?|[—–])\s*\p{Lu}"
    ))
});

/// Words that introduce an example, a question to ask or a prompt, not someone's words.
static EXAMPLE_INTRO: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(concat!(
        r"(?i)(?-u:\b)(?:bijvoorbeeld|bijv|zoals|vraag|vragen|vraagt|opdracht|prompt\w*|stel|typ|tik|zoek\w*|",
        r"zeg|communiceer\w*|mail\w*|schrijf|schrijven|aangeven|specificeer\w*|formuleer\w*|denk\s+aan|",
        r"optie|bericht|tekst|zin|kop|titel|antwoord|reageer|reageren|write|say|tell|reply|",
        r"noem|noemen|van|naar|als|like|such\s+as|e\.g|example|ask|asks|asking|type|search\w*|prompt)(?-u:\b)",
        r"[^.!?]{0,40}$"
    ))
});

static FIRST_PERSON: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(r"(?i)(?-u:\b)(?:ik|wij|we|mijn|ons|onze|i|i'm|i've|my|our|us)(?-u:\b)")
});

impl Rule for UnattributedQuote {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        // Survey reports quote their anonymous respondents.
        if super::reports_own_study(cx) {
            return;
        }
        let min = cx.config.geo.quote_min_words;
        let blocks = &cx.prose().blocks;
        for (i, block) in blocks.iter().enumerate() {
            // Table cells hold examples and data, not quotations.
            if super::is_table_cell(cx, block) {
                continue;
            }
            for caps in QUOTE.captures_iter(&block.text) {
                let (Some(whole), Some(inner)) = (
                    caps.get(0),
                    caps.get(1)
                        .or_else(|| caps.get(2))
                        .or_else(|| caps.get(3))
                        .or_else(|| caps.get(4)),
                ) else {
                    continue;
                };
                let quoted = inner.as_str();
                if words(quoted).len() < min {
                    continue;
                }
                // Example questions and prompts: "vraag: “Waar kan ik … kopen?”".
                let before = block.text.get(..whole.start()).unwrap_or("");
                let before_sentence = before
                    .rfind(['.', '!', '?'])
                    .and_then(|i| before.get(i + 1..))
                    .unwrap_or(before);
                if quoted.trim_end_matches(['.', ' ', '"']).ends_with('?')
                    || EXAMPLE_INTRO.is_match(before)
                    || super::is_hypothetical(before_sentence)
                {
                    continue;
                }
                let whole_paragraph = block.text.trim().len() <= whole.as_str().len() + 2;
                // Only a quotation that stands on its own (a paragraph or blockquote of its own)
                // reads as someone's words: quoted text inside a sentence is, on real sites,
                // mostly suggested phrasing, prompts and example questions.
                if !whole_paragraph
                    || !FIRST_PERSON.is_match(quoted) && words(quoted).len() < 2 * min
                {
                    continue;
                }
                // Attribution outside the quote: the rest of the paragraph, or the next one.
                let outside = format!(
                    "{} {}",
                    block.text.get(..whole.start()).unwrap_or(""),
                    block.text.get(whole.end()..).unwrap_or("")
                );
                let next = blocks
                    .get(i + 1)
                    .map(|b| b.text.chars().take(80).collect::<String>())
                    .unwrap_or_default();
                if ATTRIBUTION.is_match(&outside)
                    || ATTRIBUTION.is_match(&next)
                    || block_has_link_or_footnote(cx, block)
                    || cite_follows(cx, block)
                {
                    continue;
                }
                out.push(
                    Finding::new(
                        Self::ID,
                        format!(
                            "quotation of {} words does not say who said it",
                            words(quoted).len()
                        ),
                    )
                    .at(block.source_span(whole.start(), whole.end()))
                    .help("name the speaker and their role (\"…,\" zegt Anna de Vries, eigenaar van …) or link to the source"),
                );
            }
        }
    }
}

/// An HTML `<cite>` or `<footer>` right after the paragraph (blockquote attribution).
fn cite_follows(cx: &DocContext<'_>, block: &crate::prose::Block) -> bool {
    let after = cx.doc.source.get(block.span.end..).unwrap_or("");
    let head: String = after.chars().take(120).collect::<String>().to_lowercase();
    head.contains("<cite") || head.contains("<figcaption") || head.contains("<footer")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_quotes_without_speaker() {
        let src = "# T\n\n“We besparen nu elke week een hele dag.”\n\n> \"Ik had nooit gedacht dat het zo snel zou gaan.\"\n";
        let f = run(&UnattributedQuote, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "“We besparen nu elke week een hele dag.”",
                "\"Ik had nooit gedacht dat het zo snel zou gaan.\""
            ]
        );
        assert_eq!(
            f[0].message,
            "quotation of 8 words does not say who said it"
        );
    }

    #[test]
    fn passes_on_attributed_quotes_and_terms() {
        let src = "# T\n\n“We besparen nu elke week een hele dag,” zegt Anna de Vries.\n\n\
                   “Onze klanten merken het meteen aan de snelheid.”\n\n— Piet Jansen, directeur\n\n\
                   Zoek op \"beste AI tools voor mkb in Nederland\" in Google.\n\n\
                   Het woord \"prompt\" is kort.\n\n\
                   De klant was blij: \"ik had nooit gedacht dat het zo snel zou gaan\". Mooi.\n\n\
                   Vraag bijvoorbeeld: “Ik zoek een loodgieter in Utrecht voor mijn badkamer”.\n\n\
                   | Stijl | Voorbeeld |\n|---|---|\n| Eigen | \"Ik doe het voor mijn eigen veiligheid en die van jou\" |\n\n\
                   Klanten vragen: “Waar kan ik mijn auto laten repareren in Utrecht?”\n\n\
                   > \"I think a big part of why we succeed is the tooling we use.\" -- Executive at a tools company\n";
        assert!(run(&UnattributedQuote, "a.md", src).is_empty());
    }
}
