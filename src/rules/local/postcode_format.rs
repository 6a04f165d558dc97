use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::local::{is_dutch_country, jsonld_values, postcode_problem};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Dutch postcodes, written `1234 AB`: four digits not starting with 0, one space, two
    /// capitals, never SA, SD or SS. A postcode that only lacks the space or the capitals
    /// (`1017PK`) is reported as info, one that cannot exist as a warning. In text, a postcode counts when a known place follows it
    /// (`3511 AB Utrecht`), so years and amounts (`2024 AI`) are left alone; in JSON-LD, every
    /// `postalCode` of an address in the Netherlands (or without a country).
    ///
    /// ## Why it matters
    /// A wrong or sloppy postcode breaks NAP consistency (the same name, address and phone
    /// everywhere), which search engines use to trust a local business, and confuses
    /// visitors and navigation apps.
    ///
    /// ## Example
    /// `3511ab Utrecht` → `3511 AB Utrecht`; `"postalCode": "0123 AB"` is no Dutch postcode.
    pub struct PostcodeFormat => "local/postcode-format", Warning, "dutch postcodes should be written as 1234 ab"
}

impl Rule for PostcodeFormat {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        for (span, _, code, _) in cx.postcodes() {
            if let Some((p, notation)) = postcode_problem(code) {
                let f = Finding::new(Self::ID, p)
                    .at(*span)
                    .help("write Dutch postcodes as `1234 AB`");
                out.push(if notation { f.level(Level::Info) } else { f });
            }
        }
        for v in jsonld_values(cx.doc, &["postalCode"]) {
            if !is_dutch_country(v.country.as_deref()) {
                continue;
            }
            if let Some((p, notation)) = postcode_problem(v.value.trim()) {
                let f = Finding::new(Self::ID, format!("JSON-LD postalCode: {p}"));
                let f = if notation { f.level(Level::Info) } else { f };
                out.push(
                    f
                        .maybe_at(v.span)
                        .help("write Dutch postcodes as `1234 AB`, or set addressCountry for a foreign address"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, texts};

    #[test]
    fn fails_on_bad_postcodes_in_text_and_jsonld() {
        let src = "Adres: Oudegracht 1, 3511  AB Utrecht. Of 0123 AB Amsterdam.\n\n<script type=\"application/ld+json\">{\"@type\":\"LocalBusiness\",\"address\":{\"postalCode\":\"3511 SS\"}}</script>\n";
        let f = run(&PostcodeFormat, "a.md", src);
        assert_eq!(texts(src, &f), ["3511  AB", "0123 AB", "3511 SS"]);
        assert_eq!(
            f[0].message,
            "write `3511  AB` as `3511 AB`, with one space"
        );
        assert!(f[2]
            .message
            .starts_with("JSON-LD postalCode: `3511 SS` uses the letters SS"));
    }

    #[test]
    fn passes_on_good_postcodes_years_and_foreign_addresses() {
        let src = "Adres: 3511 AB Utrecht. In 2024 AI werd groot. Sinds 2023 Google. Het congres 2026 in Maarssen.\n\n<script type=\"application/ld+json\">{\"address\":{\"postalCode\":\"1000\",\"addressCountry\":\"BE\"}}</script>\n";
        assert!(run(&PostcodeFormat, "a.md", src).is_empty());
    }
}
