use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::document::Heading;
use crate::fix::{Edit, Fix};
use crate::rules::{DocContext, Rule};
use crate::span::Span;

declare_rule! {
    /// ## What it checks
    /// That heading levels go down one step at a time: an H2 may be followed by an H3, not by
    /// an H4. The front matter title counts as the H1 when `title_is_h1` is set.
    ///
    /// ## Why it matters
    /// Screen readers, search engines and generative engines read the outline from the levels;
    /// a skipped level makes a section look like it belongs somewhere it does not.
    ///
    /// ## Example
    /// `## Kosten` followed by `#### Per dag` → make it `### Per dag`.
    ///
    /// ## Fix
    /// Safe: `--fix` raises the heading to one level below its parent and moves the rest of the
    /// parent's section with it (siblings at the same skipped level, and the headings under
    /// them), so the outline keeps its shape: `##`, `#####`, `######`, `#####`, `##` becomes
    /// `##`, `###`, `####`, `###`, `##`. Markdown `#` headings and HTML `<hN>` elements are
    /// fixed; where a heading is written otherwise (setext) there is no fix.
    pub struct SkippedLevel => "heading/skipped-level", Warning, "heading levels should not skip"
}

impl Rule for SkippedLevel {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let base = cx.rendered_title_h1().map(|_| 1);
        let mut prev: Option<u8> = base;
        let headings: Vec<&Heading> = cx.main_headings().collect();
        let levels: Vec<u8> = headings.iter().map(|h| h.level).collect();
        let normal = normalised_levels(&levels, base);
        for (i, h) in headings.iter().enumerate() {
            if let Some(p) = prev {
                if h.level > p + 1 {
                    let fix = subtree_fix(&cx.doc.source, &headings, &normal, i, p);
                    out.push(
                        Finding::new(
                            Self::ID,
                            format!("heading level skips from H{p} to H{}", h.level),
                        )
                        .at(h.span)
                        .help(format!(
                            "make this an H{} or add the missing level above it",
                            p + 1
                        ))
                        .fix(fix),
                    );
                }
            }
            prev = Some(h.level);
        }
    }
}

/// The outline without skips: each heading becomes one level below its parent (the nearest
/// heading before it with a lower level), and never deeper than it was. Headings without a
/// parent keep their level. `base` is a level above all headings (the rendered title H1).
fn normalised_levels(levels: &[u8], base: Option<u8>) -> Vec<u8> {
    let mut stack: Vec<(u8, u8)> = base.map(|b| (b, b)).into_iter().collect();
    levels
        .iter()
        .map(|&level| {
            while stack.last().is_some_and(|&(orig, _)| orig >= level) {
                stack.pop();
            }
            let new = stack
                .last()
                .map_or(level, |&(_, parent)| level.min(parent + 1));
            stack.push((level, new));
            new
        })
        .collect()
}

/// The fix for the skip at heading `i` below a heading of level `parent`: every heading from `i`
/// up to the next one at the parent's level or higher (the skipped heading, its siblings and
/// everything under them) takes its normalised level, so that siblings stay siblings. `None`
/// when a heading's markup is not recognised.
fn subtree_fix(
    source: &str,
    headings: &[&Heading],
    normal: &[u8],
    i: usize,
    parent: u8,
) -> Option<Fix> {
    let mut edits = Vec::new();
    for (j, h) in headings.iter().enumerate().skip(i) {
        if h.level <= parent {
            break;
        }
        let new = *normal.get(j)?;
        if new != h.level {
            edits.extend(level_edits(source, h, new)?);
        }
    }
    let new = *normal.get(i)?;
    Some(Fix::safe(
        format!("make this an H{new} and move the rest of the section up with it"),
        edits,
    ))
}

/// Edits that change heading `h` to level `new`: the `#` run of a Markdown heading, or the
/// names in the start and end tags of an HTML heading.
fn level_edits(source: &str, h: &Heading, new: u8) -> Option<Vec<Edit>> {
    let text = source.get(h.span.start..h.span.end)?;
    let old = usize::from(h.level);
    if text.starts_with('#') {
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        let after = text.as_bytes().get(hashes).copied();
        if hashes != old || after.is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            return None;
        }
        let span = Span::new(h.span.start, h.span.start + hashes);
        return Some(vec![Edit::replace(span, "#".repeat(usize::from(new)))]);
    }
    let name = format!("h{old}");
    let open = text.get(1..3)?;
    let open_ok = text.starts_with('<')
        && open.eq_ignore_ascii_case(&name)
        && text
            .as_bytes()
            .get(3)
            .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
    let close_at = text.rfind("</")?;
    let close = text.get(close_at + 2..close_at + 4)?;
    let close_ok = close.eq_ignore_ascii_case(&name)
        && text.get(close_at + 4..)?.trim_start().starts_with('>');
    if !open_ok || !close_ok {
        return None;
    }
    let tag = format!("h{new}");
    Some(vec![
        Edit::replace(Span::new(h.span.start + 1, h.span.start + 3), tag.clone()),
        Edit::replace(
            Span::new(h.span.start + close_at + 2, h.span.start + close_at + 4),
            tag,
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::testing::assert_fix;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_skip() {
        let src = "# T\n\n## A\n\n#### B\n";
        let f = run(&SkippedLevel, "a.md", src);
        assert_eq!(texts(src, &f), ["#### B\n"]);
        assert_eq!(f[0].message, "heading level skips from H2 to H4");
        let src = "---\ntitle: T\n---\n### Te diep\n";
        assert_eq!(
            texts(src, &run(&SkippedLevel, "a.md", src)),
            ["### Te diep\n"]
        );
    }

    #[test]
    fn normalises_subtrees() {
        assert_eq!(normalised_levels(&[2, 4, 5, 3], None), [2, 3, 4, 3]);
        assert_eq!(
            normalised_levels(&[1, 3, 6, 6, 2, 4], None),
            [1, 2, 3, 3, 2, 3]
        );
        assert_eq!(normalised_levels(&[3, 4], Some(1)), [2, 3]);
        assert_eq!(normalised_levels(&[3, 2, 4], None), [3, 2, 3]);
    }

    #[test]
    fn fix_moves_the_subtree_up() {
        assert_fix(
            &SkippedLevel,
            "a.md",
            "# T\n\n## A\n\n#### B\n\n##### C ####\n\n```\n#### code\n```\n\n### D\n\n## E\n",
            "# T\n\n## A\n\n### B\n\n#### C ####\n\n```\n#### code\n```\n\n### D\n\n## E\n",
        );
        assert_fix(
            &SkippedLevel,
            "a.md",
            "---\ntitle: T\n---\n### Te diep\n\n#### Dieper\n",
            "---\ntitle: T\n---\n## Te diep\n\n### Dieper\n",
        );
        assert_fix(
            &SkippedLevel,
            "a.html",
            "<html><body><main><h1>T</h1><H4 id=\"x\">B</H4 ><h5>C</h5></main></body></html>",
            "<html><body><main><h1>T</h1><h2 id=\"x\">B</h2 ><h3>C</h3></main></body></html>",
        );
    }

    #[test]
    fn siblings_stay_siblings() {
        let src = "## Implementation\n##### Polishing\ntekst\n##### Merging\n###### Detail\n## Design\n##### Script\n";
        let f = run(&SkippedLevel, "a.md", src);
        assert_eq!(texts(src, &f), ["##### Polishing\n", "##### Script\n"]);
        let edits: Vec<_> = f[0]
            .fix
            .as_ref()
            .expect("a fix")
            .edits
            .iter()
            .map(|e| (&src[e.span.start..e.span.end], e.replacement.as_str()))
            .collect();
        assert_eq!(
            edits,
            [("#####", "###"), ("#####", "###"), ("######", "####")]
        );
        assert_fix(
            &SkippedLevel,
            "a.md",
            src,
            "## Implementation\n### Polishing\ntekst\n### Merging\n#### Detail\n## Design\n### Script\n",
        );
    }

    #[test]
    fn one_fix_covers_nested_skips() {
        let src = "## A\n#### B\n###### C\n";
        let f = run(&SkippedLevel, "a.md", src);
        assert_eq!(f.len(), 2);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(
            fix.description,
            "make this an H3 and move the rest of the section up with it"
        );
        let edits: Vec<_> = fix
            .edits
            .iter()
            .map(|e| (e.span.start, e.span.end, e.replacement.as_str()))
            .collect();
        assert_eq!(edits, [(5, 9, "###"), (12, 18, "####")]);
    }

    #[test]
    fn passes_on_steps_and_going_up() {
        assert!(run(&SkippedLevel, "a.md", "# T\n## A\n### B\n## C\n#### x\n").len() == 1);
        assert!(run(&SkippedLevel, "a.md", "# T\n## A\n### B\n## C\n").is_empty());
        assert!(run(&SkippedLevel, "a.md", "## Geen H1\n### B\n").is_empty());
    }
}
