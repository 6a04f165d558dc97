//! `geolint check --watch`: wait for changes to the files geolint reads, debounced.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};

use crate::document::Format;

/// How long a burst of file events may last before it counts as one change (editors write a
/// file in several steps: temporary file, rename, metadata).
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// What changed in one debounced burst.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Change {
    /// Content files (Markdown, MDX, HTML) that changed, were created or were removed, sorted.
    pub files: Vec<PathBuf>,
    /// Whether a `geolint.toml` changed.
    pub config: bool,
}

/// Watches folders and files recursively.
pub struct Watcher {
    rx: Receiver<DebounceEventResult>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl Watcher {
    /// Start watching `paths` (files or folders).
    pub fn new(
        paths: &[PathBuf],
        delay: Duration,
    ) -> Result<Self, notify_debouncer_mini::notify::Error> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(delay, tx)?;
        for p in paths {
            let mode = if p.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer.watcher().watch(p, mode)?;
        }
        Ok(Self {
            rx,
            _debouncer: debouncer,
        })
    }

    /// Block until content files or the config change. `None` when the watcher has stopped;
    /// watcher errors are passed to `on_error` and waiting goes on.
    pub fn next_change(&self, mut on_error: impl FnMut(String)) -> Option<Change> {
        loop {
            let events = match self.rx.recv().ok()? {
                Ok(events) => events,
                Err(e) => {
                    on_error(e.to_string());
                    continue;
                }
            };
            let change = classify(events.iter().map(|e| e.path.as_path()));
            if !change.files.is_empty() || change.config {
                return Some(change);
            }
        }
    }
}

/// Sort event paths into content files and config changes; everything else is ignored.
pub fn classify<'a>(paths: impl Iterator<Item = &'a Path>) -> Change {
    let mut change = Change::default();
    for p in paths {
        if p.components().any(|c| c.as_os_str() == ".git") {
            continue;
        }
        if p.file_name().is_some_and(|n| n == "geolint.toml") {
            change.config = true;
        } else if Format::from_path(p).is_some() {
            change.files.push(p.to_path_buf());
        }
    }
    change.files.sort();
    change.files.dedup();
    change
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_keeps_content_and_config() {
        let paths = [
            Path::new("site/content/a.md"),
            Path::new("site/content/a.md"),
            Path::new("site/.git/index"),
            Path::new("site/.git/x.md"),
            Path::new("site/geolint.toml"),
            Path::new("site/content/.geolint-fix-a1b2"),
            Path::new("site/public/b.html"),
        ];
        let c = classify(paths.iter().copied());
        assert_eq!(
            c,
            Change {
                files: vec![
                    PathBuf::from("site/content/a.md"),
                    PathBuf::from("site/public/b.html")
                ],
                config: true,
            }
        );
    }
}
