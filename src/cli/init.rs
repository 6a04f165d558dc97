use anyhow::{bail, Context};

use super::{exit, write_stdout};
use crate::config::FILE_NAME;

pub fn run(force: bool) -> anyhow::Result<u8> {
    let path = std::path::Path::new(FILE_NAME);
    if path.exists() && !force {
        bail!("{FILE_NAME} already exists here; use --force to overwrite it");
    }
    std::fs::write(path, crate::rules::registry::default_config())
        .with_context(|| format!("cannot write {FILE_NAME}"))?;
    write_stdout(&format!(
        "wrote {FILE_NAME}: edit it to match your site, then run `geolint check`\n"
    ))?;
    Ok(exit::OK)
}
