use anyhow::bail;

use super::{exit, write_stdout};
use crate::rules::registry::{self, ALL};

pub fn run(rule: Option<&str>) -> anyhow::Result<u8> {
    match rule {
        None => write_stdout(&registry::table())?,
        Some(id) => {
            let Some(r) = registry::find(id) else {
                let hint = registry::closest(id)
                    .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
                bail!(
                    "unknown rule `{id}`{hint}; `geolint rules` lists all {} rules",
                    ALL.len()
                );
            };
            write_stdout(&registry::explain(r.info()))?;
        }
    }
    Ok(exit::OK)
}
