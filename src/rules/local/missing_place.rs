use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::keywords::Lang;
use crate::rules::keyword::{h1, item_tokens};
use crate::rules::local::{find_place, is_local_page, places};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// That a page with local intent names a place in its title, H1 or introduction (first
    /// paragraph / first 100 words). A page has local intent when its path matches
    /// `[local].paths` or its front matter says `intent: lokaal`. Places are those in
    /// `[local].places` plus the built-in Dutch data: the twelve provinces, all 342
    /// municipalities, regions (Randstad, Twente, Achterhoek, Veluwe, Westland, ...) and
    /// spelling variants (Den Haag / 's-Gravenhage, Den Bosch / 's-Hertogenbosch). A place must
    /// start with a capital in the text.
    ///
    /// ## Why it matters
    /// Local searches ("AI-workshop Utrecht") match pages that say where the business works;
    /// a regional landing page that never names its region cannot rank for it.
    ///
    /// ## Example
    /// `content/regio/workshop.md` titled "Een AI-workshop op locatie" → "Een AI-workshop op
    /// locatie in Utrecht en Amersfoort".
    ///
    /// ## Options
    /// `[local] places = [...]`, `paths = [...]`.
    pub struct MissingPlace => "local/missing-place", Warning, "a local page should name a place in its title, h1 or introduction"
}

impl Rule for MissingPlace {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        if !is_local_page(cx) || cx.doc.word_count == 0 {
            return;
        }
        let places = places(cx.config);
        let src = &cx.doc.source;
        let title = cx.seo_title();
        let mut texts = Vec::new();
        if let Some(t) = &title {
            texts.push(item_tokens(cx.doc, t, Lang::Nl));
        }
        if let Some(h) = h1(cx) {
            texts.push(item_tokens(cx.doc, &h, Lang::Nl));
        }
        if texts.iter().any(|t| find_place(t, &places, src).is_some())
            || cx
                .intro_tokens(Lang::Nl)
                .is_some_and(|(t, _)| find_place(t, &places, src).is_some())
        {
            return;
        }
        let example = cx
            .config
            .local
            .places
            .first()
            .map_or("Utrecht", String::as_str);
        out.push(
            Finding::new(
                Self::ID,
                "local page names no place in its title, H1 or introduction",
            )
            .maybe_at(title.map(|t| t.span))
            .help(format!(
                "name the town or region you serve, e.g. \"... in {example}\", in the title and the first paragraph"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{config, run_with, texts};

    const CFG: &str = "[local]\nplaces = [\"Kanaleneiland\"]\npaths = [\"content/regio/**\"]\n";

    #[test]
    fn fails_on_local_page_without_place() {
        let src = "---\ntitle: \"Een AI-workshop op locatie\"\n---\nWe komen naar jullie kantoor, en de buren ook.\n";
        let f = run_with(&MissingPlace, "site/content/regio/a.md", src, &config(CFG));
        assert_eq!(texts(src, &f), ["\"Een AI-workshop op locatie\""]);
        assert_eq!(
            f[0].message,
            "local page names no place in its title, H1 or introduction"
        );
        // intent in front matter, any path
        let src = "---\ntitle: Workshop\nintent: Lokaal\n---\nBij jullie op kantoor.\n";
        assert_eq!(
            run_with(&MissingPlace, "blog/a.md", src, &config(CFG)).len(),
            1
        );
    }

    #[test]
    fn passes_with_builtin_configured_and_variant_places() {
        let cfg = config(CFG);
        for body in [
            "Wij werken in Den Bosch.",
            "Ook in 's-Hertogenbosch.",
            "Vanuit Kanaleneiland.",
            "Overal in de Achterhoek.",
            "Kantoor in Súdwest-Fryslân.",
        ] {
            let src = format!("---\ntitle: Workshop\n---\n{body}\n");
            assert!(
                run_with(&MissingPlace, "content/regio/a.md", &src, &cfg).is_empty(),
                "{body}"
            );
        }
        // a common word that is also a municipality, at the start of a sentence
        let src = "---\ntitle: \"Best practices voor je team\"\n---\nGoes it well? Buren helpen.\n";
        assert_eq!(
            run_with(&MissingPlace, "content/regio/a.md", src, &cfg).len(),
            1
        );
        let src = "---\ntitle: Workshop\n---\nOns kantoor staat in Best.\n";
        assert!(run_with(&MissingPlace, "content/regio/a.md", src, &cfg).is_empty());
        // not a local page
        let src = "---\ntitle: Workshop\n---\nGeen plaats.\n";
        assert!(run_with(&MissingPlace, "content/blog/a.md", src, &cfg).is_empty());
    }
}
