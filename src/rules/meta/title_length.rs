use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::meta::title_pixels;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// The SEO title's length: at least `title_min` characters (default 30), and at most
    /// `title_max_px` pixels (default 600, estimated from Arial 20 px glyph widths, the way
    /// search results cut titles) and `title_max` characters (default 70).
    ///
    /// ## Why it matters
    /// Titles that are too long are cut off with "…" in search results; titles that are too
    /// short waste the most visible line of the result.
    ///
    /// ## Example
    /// `title: "AI"` → `title: "AI voor het MKB: 5 snelle wins die tijd besparen"`.
    ///
    /// ## Options
    /// `[meta] title_min = 30`, `title_max = 70`, `title_max_px = 600`
    ///
    /// ## Fix
    /// None: shortening or lengthening needs a writer.
    pub struct TitleLength => "meta/title-length", Warning, "seo titles should fit search results"
}

impl Rule for TitleLength {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let Some(t) = cx.seo_title() else { return };
        let text = t.text.trim();
        if text.is_empty() {
            return;
        }
        let c = cx.config;
        let chars = text.chars().count();
        let px = title_pixels(text);
        if chars > c.title_max || px > c.title_max_px {
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "SEO title is {chars} characters (~{px} px); search results cut titles at about {} px",
                        c.title_max_px
                    ),
                )
                .at(t.span)
                .help("put the keyword first and cut the rest; the brand can go"),
            );
        } else if chars < c.title_min {
            out.push(
                Finding::new(
                    Self::ID,
                    format!(
                        "SEO title is {chars} characters; use at least {}",
                        c.title_min
                    ),
                )
                .at(t.span)
                .help("name the subject and what the reader gets: topic, benefit, place"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_long_wide_and_short() {
        let src = "---\ntitle: \"Wat kost een AI-workshop voor MKB-bedrijven in Amsterdam en Utrecht in 2026?\"\n---\nT\n";
        let f = run(&TitleLength, "a.md", src);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.starts_with("SEO title is 76 characters"),
            "{}",
            f[0].message
        );
        assert_eq!(texts(src, &f)[0].len(), 78);
        // 55 characters of wide capitals exceed 600 px
        let wide = format!("---\ntitle: \"{}\"\n---\nT\n", "WOMBAT ".repeat(8).trim());
        assert_eq!(run(&TitleLength, "a.md", &wide).len(), 1);
        let f = run(&TitleLength, "a.md", "---\ntitle: Kort\n---\nT\n");
        assert_eq!(f[0].message, "SEO title is 4 characters; use at least 30");
    }

    #[test]
    fn passes_in_range() {
        let src = "---\ntitle: \"AI voor het MKB: 5 snelle wins die tijd besparen\"\n---\nT\n";
        assert!(run(&TitleLength, "a.md", src).is_empty());
    }
}
