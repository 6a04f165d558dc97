//! Property tests of the fix machinery: whatever the text and the spans, applying edits and
//! tidying deletions never panics, stays on char boundaries, and fixing a fixed text again
//! changes nothing.

use geolint::config::Config;
use geolint::document::Format;
use geolint::fix::{apply_once, delete_from_text, fix_text, Applicability, Edit, Fix};
use geolint::span::Span;
use proptest::prelude::*;

/// Text made of the pieces that matter here: Dutch and emoji text, line breaks, headings,
/// fences, front matter markers and chat-tool residue.
fn content() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Eén",
            " ",
            "\n",
            "\n\n",
            "# ",
            "#### ",
            "```\n",
            "---\n",
            "café 🚀",
            ".",
            "citeturn0search3",
            "[web:1]",
            "smb-gr.com",
            "[x](https://x.nl/?utm_source=chatgpt.com)",
            "Ik hoop dat dit helpt!",
            "<h4>",
            "</h4>",
            "title: x\n",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #[test]
    fn deleting_from_text_stays_in_bounds(text in content(), a in 0usize..400, b in 0usize..400, then in any::<bool>()) {
        let (s, e) = (boundary(&text, a.min(b)), boundary(&text, a.max(b)));
        let edit = delete_from_text(&text, Span::new(s, e), then);
        prop_assert!(edit.span.start <= s && edit.span.end >= e);
        prop_assert!(edit.span.end <= text.len());
        prop_assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
    }

    #[test]
    fn applying_arbitrary_edits_never_panics(text in content(), spans in prop::collection::vec((0usize..400, 0usize..400, "[a-z]{0,3}"), 0..6)) {
        let fixes: Vec<Fix> = spans
            .into_iter()
            .map(|(a, b, r)| Fix::safe("x", vec![Edit::replace(Span::new(a.min(b), a.max(b)), r)]))
            .collect();
        let refs: Vec<&Fix> = fixes.iter().collect();
        let (out, n) = apply_once(&text, &refs, &[]);
        prop_assert!(n <= fixes.len());
        if n == 0 {
            prop_assert_eq!(out, text);
        }
    }

    #[test]
    fn fixing_is_idempotent(text in content()) {
        let config = Config::builtin();
        let doc = geolint::source::parse("a.md".into(), "a.md".into(), Format::Markdown, text);
        let once = fix_text(&doc, &config, &[], Applicability::All, None);
        let again = geolint::source::parse("a.md".into(), "a.md".into(), Format::Markdown, once.text.clone());
        let twice = fix_text(&again, &config, &[], Applicability::All, None);
        if once.converged && !once.refused {
            prop_assert_eq!(twice.text, once.text);
        }
    }
}
