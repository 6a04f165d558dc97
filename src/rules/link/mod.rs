//! `link/*`: links in the content.

pub mod broken_relative;
pub mod empty_href;
pub mod generic_text;
pub mod graph;

pub mod ambiguous_text;
pub mod broken_anchor;
pub mod broken_internal;
pub mod cluster_pillar;
pub mod insecure_internal;
pub mod orphan;
pub mod pillar_cluster;
pub mod to_draft;
pub mod too_few_internal;
