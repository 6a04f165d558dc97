use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::local::{check_phone, jsonld_values};
use crate::rules::{DocContext, Rule};

declare_rule! {
    /// ## What it checks
    /// Dutch phone numbers: `+31` followed by nine digits (no 0 after +31, no `+31 (0)`), or
    /// ten digits starting with 0 (`030 123 4567`, `06 12345678`); service numbers 0800/0900
    /// have 7–10 digits after the 0. In text, `+31`/`0031` numbers are always checked and
    /// national numbers only after a cue such as `tel`, `telefoon`, `bel`, `T:` or ☎ (so dates
    /// and amounts are left alone); in JSON-LD every `telephone`; and every `tel:` link.
    ///
    /// ## Why it matters
    /// A number with a digit too many or too few cannot be called, and `+31 (0)` fails when
    /// dialled from abroad or tapped on a phone.
    ///
    /// ## Example
    /// `Bel 030 123 456` (nine digits) → `030 123 4567`; `+31 (0)30 123 4567` → `+31 30 123 4567`.
    pub struct PhoneFormat => "local/phone-format", Warning, "dutch phone numbers should have the right digits and prefix"
}

impl Rule for PhoneFormat {
    fn check_document(&self, cx: &DocContext<'_>, out: &mut Vec<Finding>) {
        let help = "write Dutch numbers as `030 123 4567` or `+31 30 123 4567`";
        for (span, written) in cx.phones() {
            if let Some(p) = check_phone(written).problem {
                out.push(Finding::new(Self::ID, p).at(*span).help(help));
            }
        }
        for l in &cx.doc.links {
            let Some(number) = l.href.trim().strip_prefix("tel:") else {
                continue;
            };
            let number = number.replace("%20", " ");
            if let Some(p) = check_phone(&number).problem {
                out.push(
                    Finding::new(Self::ID, format!("tel: link {p}"))
                        .at(l.span)
                        .help(help),
                );
            }
        }
        for v in jsonld_values(cx.doc, &["telephone"]) {
            if let Some(p) = check_phone(v.value.trim()).problem {
                out.push(
                    Finding::new(Self::ID, format!("JSON-LD telephone {p}"))
                        .maybe_at(v.span)
                        .help("use the international form `+31 30 123 4567` in structured data"),
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
    fn fails_on_wrong_digit_counts_and_trunk_zero() {
        let src = "Bel 030 123 456 of +31 (0)30 1234567.\n\n[bel ons](tel:+310301234567)\n\n<script type=\"application/ld+json\">{\"@type\":\"LocalBusiness\",\"telephone\":\"06-1234567\"}</script>\n";
        let f = run(&PhoneFormat, "a.md", src);
        assert_eq!(
            texts(src, &f),
            [
                "030 123 456",
                "+31 (0)30 1234567",
                "[bel ons](tel:+310301234567)",
                "06-1234567"
            ]
        );
        assert_eq!(
            f[0].message,
            "`030 123 456` has 9 digits; Dutch numbers have ten digits starting with 0"
        );
    }

    #[test]
    fn passes_on_good_numbers_dates_and_foreign_numbers() {
        let src = "Bel 030 123 4567 of +31 6 12345678. Op 06-12-2024 om 0800 uur. Brussel: +32 2 123 45 67.\n";
        assert!(run(&PhoneFormat, "a.md", src).is_empty());
    }
}
