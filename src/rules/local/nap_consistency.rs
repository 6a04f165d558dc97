use std::collections::{BTreeMap, BTreeSet};

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Rule;
use crate::site::Site;

declare_rule! {
    /// ## What it checks
    /// NAP consistency across the site: the same business name, address and phone number
    /// written the same way on every page and in the LocalBusiness/Organization JSON-LD.
    /// Mentions are grouped by what they identify (the phone number's digits, the postcode,
    /// the name's letters); the way most mentions write it is taken as the standard and every
    /// other spelling is reported where it occurs. Only the business's own NAP counts: what its
    /// JSON-LD names, or what at least a quarter of the pages with NAP data repeat (a footer),
    /// so a site that lists venues or customers' addresses is not asked to unify those.
    ///
    /// ## Options
    /// `[local] name = "Kompas AI"`: the business name as it should be written; every mention
    /// in titles and text that differs only in case, hyphens or spaces (`Kompas Ai`,
    /// `Kompas-AI`) is reported against it. Phone numbers compare national forms
    /// (`030 123 4567`) with national forms and `+31` forms with `+31` forms, since structured
    /// data rightly uses the international form. Drafts are left out.
    ///
    /// ## Why it matters
    /// Search engines cross-check a local business's name, address and phone across pages and
    /// directories; variants (`030-1234567`, `030 123 4567`, `Kompas Ai`) weaken that trust
    /// and look careless to visitors.
    ///
    /// ## Example
    /// `030 123 4567` on nine pages and `030-1234567` on the contact page → write the contact
    /// page's number as `030 123 4567`.
    pub struct NapConsistency => "local/nap-consistency", Warning, "name, address and phone should be written the same way on every page"
}

impl Rule for NapConsistency {
    fn is_site_rule(&self) -> bool {
        true
    }

    fn check_site(&self, site: &Site<'_>, out: &mut Vec<(usize, Finding)>) {
        // (kind, key, style) → written form → mentions (page, span)
        type Mentions = Vec<(usize, Option<crate::span::Span>)>;
        let mut groups: BTreeMap<(&str, &str, bool), BTreeMap<&str, Mentions>> = BTreeMap::new();
        // Which keys are the business's own: in its JSON-LD, or repeated site-wide (a footer).
        let mut structured: BTreeSet<&str> = BTreeSet::new();
        let mut pages_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut nap_pages = 0;
        for (i, d) in site.docs.iter().enumerate() {
            if d.draft || d.nap.is_empty() {
                continue;
            }
            nap_pages += 1;
            for m in &d.nap {
                if m.structured {
                    structured.insert(m.key.as_str());
                }
                pages_of.entry(m.key.as_str()).or_default().insert(i);
            }
        }
        let own = |key: &str| {
            structured.contains(key)
                || pages_of
                    .get(key)
                    .is_some_and(|p| p.len() >= 3 && p.len() * 4 >= nap_pages)
        };
        for (i, d) in site.docs.iter().enumerate() {
            if d.draft {
                continue;
            }
            for m in d
                .nap
                .iter()
                .filter(|m| m.kind != "address-ld" && own(&m.key))
            {
                let intl = m.kind == "phone"
                    && (m.written.starts_with('+') || m.written.starts_with("00"));
                groups
                    .entry((m.kind.as_str(), m.key.as_str(), intl))
                    .or_default()
                    .entry(m.written.as_str())
                    .or_default()
                    .push((i, m.span));
            }
        }
        for ((kind, _, _), forms) in groups {
            if forms.len() < 2 {
                continue;
            }
            // A configured business name is the standard, however often it is misspelt.
            let configured = site.config.local.name.as_deref().filter(|n| {
                kind == "name"
                    && forms
                        .contains_key(n.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
            });
            let Some((standard, count)) =
                forms.iter().map(|(w, ms)| (*w, ms.len())).max_by(|a, b| {
                    (Some(a.0) == configured)
                        .cmp(&(Some(b.0) == configured))
                        .then(a.1.cmp(&b.1))
                        .then(b.0.cmp(a.0))
                })
            else {
                continue;
            };
            let what = match kind {
                "phone" => "phone number",
                "address" => "postcode and place",
                _ => "business name",
            };
            for (written, mentions) in &forms {
                if *written == standard {
                    continue;
                }
                for (i, span) in mentions {
                    out.push((
                        *i,
                        Finding::new(
                            Self::ID,
                            format!(
                                "{what} written as `{written}` here but as `{standard}` in {count} other place{}",
                                if count == 1 { "" } else { "s" }
                            ),
                        )
                        .maybe_at(*span)
                        .help(format!("write the {what} the same way everywhere: `{standard}`")),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(files: &[(&str, &str)]) -> Vec<crate::diagnostic::Diagnostic> {
        crate::rules::testing::site_diagnostics(NapConsistency::ID, files)
    }

    #[test]
    fn fails_on_odd_spellings_of_phone_address_and_name() {
        let ld = |name: &str| {
            format!("<script type=\"application/ld+json\">{{\"@type\":\"LocalBusiness\",\"name\":\"{name}\",\"telephone\":\"+31 30 123 4567\"}}</script>")
        };
        let f = lint(&[
            (
                "a.md",
                &format!(
                    "Bel 030 123 4567. Oudegracht 1, 3511 AB Utrecht.\n\n{}\n",
                    ld("Kompas AI")
                ),
            ),
            (
                "b.md",
                &format!(
                    "Bel 030 123 4567. Oudegracht 1, 3511 AB Utrecht.\n\n{}\n",
                    ld("Kompas AI")
                ),
            ),
            (
                "c.md",
                &format!(
                    "Bel 030-1234567. Oudegracht 1, 3511AB Utrecht.\n\n{}\n",
                    ld("Kompas Ai")
                ),
            ),
        ]);
        let msgs: Vec<_> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "phone number written as `030-1234567` here but as `030 123 4567` in 2 other places",
                "postcode and place written as `3511AB Utrecht` here but as `3511 AB Utrecht` in 2 other places",
                "business name written as `Kompas Ai` here but as `Kompas AI` in 2 other places",
            ]
        );
        assert!(f.iter().all(|d| d.path.ends_with("c.md")));
    }

    #[test]
    fn fails_on_misspelt_configured_business_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("geolint.toml"),
            "[local]\nname = \"Kompas AI\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            "# Over Kompas AI\n\nKompas AI helpt.\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.md"),
            "# Kompas Ai\n\nBij KOMPAS-AI werken we. Zie kompas-ai.nl.\n",
        )
        .unwrap();
        let config = crate::config::Config::load(&dir.path().join("geolint.toml")).unwrap();
        let f: Vec<_> = crate::lint::run(
            &[dir.path().to_path_buf()],
            &config,
            crate::lint::RunOptions::default(),
        )
        .unwrap()
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == NapConsistency::ID)
        .map(|d| d.message)
        .collect();
        assert_eq!(
            f,
            [
                "business name written as `Kompas Ai` here but as `Kompas AI` in 2 other places",
                "business name written as `KOMPAS-AI` here but as `Kompas AI` in 2 other places",
            ]
        );
    }

    #[test]
    fn passes_on_consistent_nap_and_international_form_in_jsonld() {
        let page = "Bel 030 123 4567.\n\n<script type=\"application/ld+json\">{\"@type\":\"LocalBusiness\",\"name\":\"Kompas AI\",\"telephone\":\"+31 30 123 4567\"}</script>\n";
        assert!(lint(&[("a.md", page), ("b.md", page)]).is_empty());
    }
}
