use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Content images without alt text: `![](grafiek.png)`, `<img src="x.jpg">` or `alt=""`.
    /// Images marked decorative (`alt=""` with `role="presentation"` or `aria-hidden="true"`)
    /// and images in page chrome (header, footer) are fine.
    ///
    /// ## Why it matters
    /// Alt text is what screen readers read and what image search and AI engines understand of
    /// a picture.
    ///
    /// ## Example
    /// `![](roi-grafiek.png)` → `![ROI van AI-automatisering per kwartaal](roi-grafiek.png)`.
    ///
    /// ## Fix
    /// None, on purpose: alt text needs a human who sees the image. An empty or placeholder `alt`
    /// would only hide the finding.
    pub struct MissingAlt => "image/missing-alt", Warning, "content images need alt text"
}

impl Rule for MissingAlt {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for img in cx.doc.images.iter().filter(|i| i.in_main && !i.decorative) {
            let msg = match img.alt.as_deref().map(str::trim) {
                None => "image has no alt attribute",
                Some("") => "image has empty alt text",
                Some(_) => continue,
            };
            out.push(
                Finding::new(Self::ID, msg)
                    .at(img.span)
                    .help("describe what the image shows in a short sentence"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_missing_and_empty_alt() {
        let src = "![](a.png)\n\n<img src=\"b.png\">\n";
        let f = run(&MissingAlt, "a.md", src);
        assert_eq!(texts(src, &f), ["![](a.png)", "<img src=\"b.png\">"]);
    }

    #[test]
    fn passes_on_alt_and_decorative() {
        let src = "![Grafiek](a.png)\n\n<img src=\"b.png\" alt=\"\" role=\"presentation\">\n";
        assert!(run(&MissingAlt, "a.md", src).is_empty());
    }
}
