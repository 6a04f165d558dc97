//! Structured data rules: JSON-LD syntax, schema.org vocabulary, Google rich-result profiles and
//! FAQPage markup. All of them read one shared [`crate::structured::analyze`] result.

// schema.org type names (FAQPage, LocalBusiness …) are prose in these docs.
#![allow(clippy::doc_markdown)]

pub mod context;
pub mod duplicate_key;
pub mod faq_answer_form;
pub mod faq_answer_html;
pub mod faq_empty_answer;
pub mod faq_multiple;
pub mod google_recommended;
pub mod google_required;
pub mod json_syntax;
pub mod microdata;
pub mod property_not_for_type;
pub mod relative_url;
pub mod rich_result_display;
pub mod superseded;
pub mod unknown_property;
pub mod unknown_type;
pub mod value_kind;

use crate::diagnostic::Finding;
use crate::rules::DocContext;

/// Push the findings of rule `id` from the page's structured-data analysis.
pub(crate) fn emit(cx: &DocContext<'_>, id: &str, out: &mut Vec<Finding>) {
    if cx.doc.jsonld.is_empty() && !cx.doc.has_microdata && !cx.doc.has_rdfa {
        return;
    }
    let a = crate::structured::analyze(cx.doc, &cx.config.schema_profiles);
    out.extend(a.findings.iter().filter(|f| f.rule == id).cloned());
}
