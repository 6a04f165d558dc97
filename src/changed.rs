//! `--changed-since <REF>`: the files changed since a git ref, so a pull request's run reports
//! only its own files while the whole site is still loaded for the site-wide rules.
//!
//! "Changed" is what `git diff` shows between the merge base of REF and HEAD (or REF itself
//! when there is no merge base, as in shallow clones) and the working tree, without deleted
//! files, plus untracked files that are not ignored: the files a pull request or a commit in
//! progress adds or edits.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum ChangedError {
    #[error("--changed-since needs git, which could not be run: {0}")]
    NoGit(std::io::Error),
    #[error("--changed-since needs a git repository: {0}")]
    NotARepository(String),
    #[error("--changed-since: unknown git ref `{0}`; fetch it first (a shallow CI checkout may lack it)")]
    UnknownRef(String),
    #[error("--changed-since: `git {args}` failed: {message}")]
    Git { args: String, message: String },
}

/// Run git in `dir`, returning stdout, or stderr's first line as the error.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, ChangedError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(ChangedError::NoGit)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(ChangedError::Git {
            args: args.join(" "),
            message: stderr
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("no message")
                .trim()
                .to_string(),
        })
    }
}

/// The root folder of the git repository around `dir` (canonical), if there is one.
#[must_use]
pub fn repo_root(dir: &Path) -> Option<PathBuf> {
    let out = git(dir, &["rev-parse", "--show-toplevel"]).ok()?;
    let text = String::from_utf8(out).ok()?;
    std::fs::canonicalize(text.trim_end_matches(['\n', '\r'])).ok()
}

/// Canonical paths of the files changed since `reference` in the repository around `dir`.
pub fn changed_files(reference: &str, dir: &Path) -> Result<HashSet<PathBuf>, ChangedError> {
    let root = match git(dir, &["rev-parse", "--show-toplevel"]) {
        Ok(out) => PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r'])),
        Err(ChangedError::Git { message, .. }) => {
            return Err(ChangedError::NotARepository(message))
        }
        Err(e) => return Err(e),
    };
    let commit = format!("{reference}^{{commit}}");
    if git(dir, &["rev-parse", "--verify", "--quiet", &commit]).is_err() {
        return Err(ChangedError::UnknownRef(reference.to_string()));
    }
    let base = git(dir, &["merge-base", reference, "HEAD"])
        .ok()
        .map(|o| String::from_utf8_lossy(&o).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| reference.to_string());
    let diff = git(
        &root,
        &[
            "-c",
            "core.quotepath=off",
            "diff",
            "--name-only",
            "-z",
            "--diff-filter=d",
            &base,
            "--",
        ],
    )?;
    let untracked = git(
        &root,
        &["ls-files", "--others", "--exclude-standard", "-z", "--"],
    )?;
    let mut out = HashSet::new();
    for name in diff.split(|b| *b == 0).chain(untracked.split(|b| *b == 0)) {
        if name.is_empty() {
            continue;
        }
        let Ok(name) = std::str::from_utf8(name) else {
            continue;
        };
        if let Ok(abs) = std::fs::canonicalize(root.join(name)) {
            out.insert(abs);
        }
    }
    Ok(out)
}

/// Tests whether reported paths are among the changed files, canonicalising each path once.
pub struct ChangedSet {
    files: HashSet<PathBuf>,
    cache: std::collections::HashMap<String, bool>,
}

impl ChangedSet {
    #[must_use]
    pub fn new(files: HashSet<PathBuf>) -> Self {
        Self {
            files,
            cache: std::collections::HashMap::new(),
        }
    }

    /// Whether the file at `path` (as reported, relative to the current folder) changed.
    pub fn contains(&mut self, path: &str) -> bool {
        if let Some(c) = self.cache.get(path) {
            return *c;
        }
        let hit = std::fs::canonicalize(path).is_ok_and(|abs| self.files.contains(&abs));
        self.cache.insert(path.to_string(), hit);
        hit
    }

    /// Whether the file at `path` changed.
    #[must_use]
    pub fn contains_path(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|abs| self.files.contains(&abs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.nl",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn lists_edited_and_new_files_but_not_deleted_or_ignored_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        run(d, &["init", "-q", "-b", "main"]);
        for f in ["same.md", "edited.md", "gone.md", ".gitignore"] {
            std::fs::write(d.join(f), "# x\n").expect("write");
        }
        std::fs::write(d.join(".gitignore"), "ignored.md\n").expect("write");
        run(d, &["add", "."]);
        run(d, &["commit", "-q", "-m", "base"]);
        run(d, &["checkout", "-q", "-b", "pr"]);
        std::fs::write(d.join("edited.md"), "# y\n").expect("write");
        std::fs::create_dir(d.join("sub dir")).expect("mkdir");
        std::fs::write(d.join("sub dir/nieuw é.md"), "# z\n").expect("write");
        std::fs::write(d.join("committed.md"), "# c\n").expect("write");
        run(d, &["add", "committed.md"]);
        run(d, &["commit", "-q", "-m", "pr"]);
        std::fs::remove_file(d.join("gone.md")).expect("rm");
        std::fs::write(d.join("ignored.md"), "# i\n").expect("write");

        let files = changed_files("main", d).expect("changed files");
        let root = std::fs::canonicalize(d).expect("canonical");
        let mut names: Vec<String> = files
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        assert_eq!(names, ["committed.md", "edited.md", "sub dir/nieuw é.md"]);
        assert_eq!(repo_root(&d.join("sub dir")), Some(root));
    }

    #[test]
    fn unknown_ref_and_no_repository_are_clear_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = changed_files("main", dir.path()).expect_err("not a repository");
        assert!(
            err.to_string()
                .starts_with("--changed-since needs a git repository: "),
            "{err}"
        );
        run(dir.path(), &["init", "-q", "-b", "main"]);
        std::fs::write(dir.path().join("a.md"), "# a\n").expect("write");
        run(dir.path(), &["add", "."]);
        run(dir.path(), &["commit", "-q", "-m", "base"]);
        let err = changed_files("origin/nope", dir.path()).expect_err("unknown ref");
        assert_eq!(
            err.to_string(),
            "--changed-since: unknown git ref `origin/nope`; fetch it first (a shallow CI checkout may lack it)"
        );
    }
}
