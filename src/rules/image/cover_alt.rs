use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// A cover or hero image in front matter (`cover.image`, `image.src`, `heroImage`, ... per
    /// `[frontmatter] image`) without alt text (`cover.alt`, `image.alt`, ... per
    /// `[frontmatter] image_alt`).
    ///
    /// ## Why it matters
    /// The cover image is the page's social and search preview; themes render its alt from
    /// front matter, and an empty one is an unlabelled image at the top of every page.
    ///
    /// ## Example
    /// ```yaml
    /// cover:
    ///   image: "/img/ai-video.jpg"
    /// ```
    /// Add `alt: "Een MKB-ondernemer bekijkt een AI-gegenereerde productvideo"`.
    ///
    /// ## Fix
    /// None, on purpose: alt text needs a human who sees the image.
    pub struct CoverAlt => "image/cover-alt", Warning, "cover images in front matter need alt text"
}

impl Rule for CoverAlt {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let Some(image) = cx.field("image") else {
            return;
        };
        // `image:` may be a map holding src and alt (Astro); the src is what matters.
        let Some(src) = image.node.as_str() else {
            return;
        };
        if src.trim().is_empty() {
            return;
        }
        let alt = cx.text_field("image_alt");
        if alt.as_ref().is_none_or(|a| a.text.trim().is_empty()) {
            out.push(
                Finding::new(Self::ID, format!("cover image `{src}` has no alt text"))
                    .at(alt.map_or(image.node.span, |a| a.span))
                    .help(format!(
                        "add alt text next to it: {}",
                        cx.config
                            .frontmatter
                            .image_alt
                            .first()
                            .map_or("alt", String::as_str)
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_without_alt() {
        let src = "---\ncover:\n  image: \"/img/a.jpg\"\n---\nT\n";
        assert_eq!(texts(src, &run(&CoverAlt, "a.md", src)), ["\"/img/a.jpg\""]);
        let src = "---\nimage:\n  src: /a.jpg\n  alt: \"\"\n---\nT\n";
        assert_eq!(texts(src, &run(&CoverAlt, "a.md", src)), ["\"\""]);
    }

    #[test]
    fn passes_with_alt() {
        let src = "---\ncover:\n  image: /a.jpg\n  alt: Een grafiek\n---\nT\n";
        assert!(run(&CoverAlt, "a.md", src).is_empty());
        let src = "---\nimage:\n  src: /a.jpg\n  alt: Futuristic visual\n---\nT\n";
        assert!(run(&CoverAlt, "a.md", src).is_empty());
    }
}
