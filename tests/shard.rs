//! `--shard K/N` + `geolint merge` give exactly the findings of one run.

use std::path::{Path, PathBuf};

use geolint::config::Config;
use geolint::index::{self, SiteIndex};
use geolint::lint::{self, RunOptions, Shard};

#[allow(dead_code)]
#[path = "../examples/gen-corpus.rs"]
mod gen_corpus;

fn single(root: &Path, config: &Config) -> lint::Outcome {
    lint::run(&[root.to_path_buf()], config, RunOptions::default()).expect("single run")
}

fn sharded(root: &Path, config: &Config, n: u32) -> lint::Outcome {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut indexes = Vec::new();
    let mut files = 0;
    for k in 1..=n {
        let shard = Shard { index: k, count: n };
        let opts = RunOptions {
            shard: Some(shard),
            keep_index: true,
            ..RunOptions::default()
        };
        let outcome = lint::run(&[root.to_path_buf()], config, opts).expect("shard run");
        files += outcome.files;
        // Through the file, as CI jobs hand it on.
        let path = dir.path().join(format!("shard-{k}.json"));
        let json = SiteIndex::of(&outcome, Some(shard))
            .to_json()
            .expect("json");
        std::fs::write(&path, json).expect("write index");
        indexes.push((path.clone(), SiteIndex::read(&path).expect("read index")));
    }
    let merged = index::merge(indexes, config, RunOptions::default()).expect("merge");
    assert_eq!(merged.files, files);
    merged
}

fn assert_same(root: &Path) {
    let config = Config::discover(&[root.to_path_buf()]).expect("config");
    let one = single(root, &config);
    assert!(!one.diagnostics.is_empty());
    for n in [2, 4] {
        let merged = sharded(root, &config, n);
        assert_eq!(merged.files, one.files, "{n} shards");
        assert_eq!(merged.errors, one.errors, "{n} shards");
        assert_eq!(merged.diagnostics, one.diagnostics, "{n} shards");
    }
}

#[test]
fn four_shards_merge_to_the_single_run_on_the_fixtures() {
    assert_same(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/site"));
}

#[test]
fn four_shards_merge_to_the_single_run_on_a_generated_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    gen_corpus::run(60, dir.path()).expect("generate");
    assert_same(dir.path());
}

#[test]
fn shards_split_the_files_without_overlap() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/site");
    let config = Config::discover(std::slice::from_ref(&root)).expect("config");
    let total = single(&root, &config).files;
    let mut sum = 0;
    let mut nonempty = 0;
    for k in 1..=4 {
        let opts = RunOptions {
            shard: Some(Shard { index: k, count: 4 }),
            ..RunOptions::default()
        };
        let n = lint::run(std::slice::from_ref(&root), &config, opts)
            .expect("run")
            .files;
        sum += n;
        nonempty += usize::from(n > 0);
    }
    assert_eq!(sum, total);
    assert!(nonempty >= 3, "the hash spreads files over the shards");
}

#[test]
fn shard_syntax_is_checked() {
    assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
    for bad in ["0/4", "5/4", "1/0", "a/b", "3", ""] {
        assert!(bad.parse::<Shard>().is_err(), "{bad}");
    }
}

#[test]
fn overlapping_indexes_are_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/site");
    let config = Config::discover(std::slice::from_ref(&root)).expect("config");
    let opts = RunOptions {
        keep_index: true,
        ..RunOptions::default()
    };
    let outcome = lint::run(&[root], &config, opts).expect("run");
    let index = SiteIndex::of(&outcome, None);
    let err = index::merge(
        vec![("a.json".into(), index.clone()), ("b.json".into(), index)],
        &config,
        RunOptions::default(),
    )
    .expect_err("overlap");
    assert!(err.to_string().contains("more than one index"), "{err}");
}

/// The CLI path a GitHub Actions matrix takes: `check --shard K/N --emit-index`, then `merge`.
#[test]
fn cli_shards_and_merge_give_the_single_run_json() {
    use assert_cmd::Command;
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = Command::cargo_bin("geolint")
            .expect("binary")
            .current_dir(&repo)
            .args(args)
            .output()
            .expect("run geolint");
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json output")
    };
    let single = json(&["check", "--format", "json", "fixtures/site"]);
    let mut indexes = Vec::new();
    for k in 1..=4 {
        let index = dir.path().join(format!("shard-{k}.json"));
        let index_arg = index.display().to_string();
        let shard = format!("{k}/4");
        json(&[
            "check",
            "--format",
            "json",
            "--shard",
            &shard,
            "--emit-index",
            &index_arg,
            "fixtures/site",
        ]);
        indexes.push(index_arg);
    }
    let mut args = vec!["merge", "--format", "json"];
    args.extend(indexes.iter().map(String::as_str));
    let merged = json(&args);
    assert_eq!(merged, single);
}

#[test]
fn cli_rejects_a_bad_shard_and_a_missing_index() {
    use assert_cmd::Command;
    let out = Command::cargo_bin("geolint")
        .expect("binary")
        .args(["check", "--shard", "5/4", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid shard"));
    let out = Command::cargo_bin("geolint")
        .expect("binary")
        .args(["merge", "no-such-index.json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read index no-such-index.json"));
}
