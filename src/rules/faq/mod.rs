//! Visible FAQ rules: number of questions per content type, question form, answer length, and
//! agreement with the page's FAQPage markup. They build on [`crate::faq`].

// schema.org type names (FAQPage, LocalBusiness …) are prose in these docs.
#![allow(clippy::doc_markdown)]

pub mod count;
pub mod question_form;
pub mod schema_mismatch;
pub mod short_answer;
