//! CI integration end to end: `--format github` and `--format sarif` on the fixture site (SARIF
//! validated against the official 2.1.0 schema in `tests/sarif/`), `--changed-since` in a git
//! repository, baselines that survive shifted lines, and the GitHub Action's shell steps run as
//! a runner would run them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use tempfile::TempDir;

const TEST_CONFIG: &str = r#"language = "nl"

[[content_type]]
name = "page"
paths = ["**"]
words = { min = 1 }
"#;

const GOOD_FRONT_MATTER: &str = "---
title: \"Wat kost een AI-workshop voor het MKB?\"
date: 2026-02-10
description: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"
---
";

fn good_page(body: &str) -> String {
    format!("{GOOD_FRONT_MATTER}\n{body}\n")
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn geolint_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("geolint");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .timeout(Duration::from_secs(60));
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().expect("run geolint");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn json_of(r: &Run) -> Value {
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\n{}", r.stdout, r.stderr))
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dirs");
    }
    std::fs::write(path, text).expect("write file");
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=geolint",
            "-c",
            "user.email=ci@example.nl",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// SARIF

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_root().join("tests/sarif/sarif-schema-2.1.0.json"))
        .expect("read the SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF is invalid:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_of_the_fixture_site_validates_and_matches_the_json_report() {
    let root = repo_root();
    let sarif = run(geolint_in(&root).args(["check", "fixtures/site", "--format", "sarif"]));
    assert_eq!(sarif.code, 1, "{}", sarif.stderr);
    let log = json_of(&sarif);
    assert_valid_sarif(&log);

    let json = json_of(&run(geolint_in(&root).args([
        "check",
        "fixtures/site",
        "--format",
        "json",
    ])));
    let diags = json["diagnostics"].as_array().expect("diagnostics");
    let run0 = &log["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "geolint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_REPOSITORY"));
    let rules = driver["rules"].as_array().expect("rules");
    let listed = run(geolint_in(&root).arg("rules")).stdout;
    for line in listed.lines().take_while(|l| !l.is_empty()) {
        let id = line.split_whitespace().next().expect("rule id");
        let r = rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not in tool.driver.rules"));
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{id} {key}"
            );
        }
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    assert!(
        rules.iter().any(|r| r["id"] == "content/brand-spelling"),
        "custom rules of the fixture config are listed"
    );

    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), diags.len());
    let mut prints = std::collections::HashSet::new();
    for (r, d) in results.iter().zip(diags) {
        assert_eq!(r["ruleId"], d["rule"]);
        let idx = usize::try_from(r["ruleIndex"].as_u64().expect("ruleIndex")).expect("usize");
        assert_eq!(rules[idx]["id"], d["rule"]);
        let level = match d["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("severity"),
        };
        assert_eq!(r["level"], level);
        assert_eq!(r["message"]["text"], d["message"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(
            loc["artifactLocation"]["uri"], d["path"],
            "cwd is the repo root"
        );
        if d["line"].is_null() {
            assert!(loc.get("region").is_none());
        } else {
            let region = &loc["region"];
            assert_eq!(region["startLine"], d["line"]);
            assert_eq!(region["startColumn"], d["column"]);
            assert_eq!(region["endLine"], d["end_line"]);
            assert_eq!(region["endColumn"], d["end_column"]);
            assert_eq!(region["byteOffset"], d["byte_start"]);
        }
        let print = r["partialFingerprints"]["geolint/v1"]
            .as_str()
            .expect("fingerprint");
        assert!(prints.insert(print.to_string()), "duplicate {print}");
    }
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
}

#[test]
fn sarif_of_an_unreadable_file_is_a_notification_and_still_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "geolint.toml", TEST_CONFIG);
    write(dir.path(), "ok.md", &good_page("Tekst met [regio] erin."));
    std::fs::write(dir.path().join("kapot.md"), b"# Titel\n\xff\xfe\n").expect("write");
    let r = run(geolint_in(dir.path()).args(["check", ".", "--format", "sarif"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let log = json_of(&r);
    assert_valid_sarif(&log);
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert!(note["message"]["text"]
        .as_str()
        .expect("text")
        .starts_with("kapot.md: "));
    assert_eq!(
        log["runs"][0]["results"][0]["ruleId"], "artifact/placeholder",
        "the readable file is still reported"
    );
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// Parse a workflow command line as the runner does.
fn parse_command(line: &str) -> (String, BTreeMap<String, String>, String) {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("command has a message");
    let (cmd, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (cmd.to_string(), props, unescape(message))
}

#[test]
fn github_lines_of_the_fixture_site_parse_back_to_the_json_findings() {
    let root = repo_root();
    let gh = run(geolint_in(&root).args(["check", "fixtures/site", "--format", "github"]));
    assert_eq!(gh.code, 1, "{}", gh.stderr);
    let json = json_of(&run(geolint_in(&root).args([
        "check",
        "fixtures/site",
        "--format",
        "json",
    ])));
    let diags = json["diagnostics"].as_array().expect("diagnostics");
    let lines: Vec<&str> = gh.stdout.lines().collect();
    assert_eq!(lines.len(), diags.len());
    for (line, d) in lines.iter().zip(diags) {
        let (cmd, props, message) = parse_command(line);
        let want_cmd = match d["severity"].as_str() {
            Some("info") => "notice",
            other => other.expect("severity"),
        };
        assert_eq!(cmd, want_cmd);
        assert_eq!(props["file"], d["path"].as_str().expect("path"));
        assert_eq!(props["title"], d["rule"].as_str().expect("rule"));
        let num = |k: &str| props.get(k).map(|v| v.parse::<u64>().expect("number"));
        assert_eq!(num("line"), d["line"].as_u64(), "{line}");
        assert_eq!(num("col"), d["column"].as_u64(), "{line}");
        // A span that ends with a newline ends on the line before, without an end column.
        let ends_with_newline = d["end_column"] == 1 && d["end_line"] != d["line"];
        if ends_with_newline {
            assert_eq!(
                num("endLine"),
                d["end_line"].as_u64().map(|l| l - 1),
                "{line}"
            );
            assert_eq!(num("endColumn"), None, "{line}");
        } else {
            assert_eq!(num("endLine"), d["end_line"].as_u64(), "{line}");
            assert_eq!(num("endColumn"), d["end_column"].as_u64(), "{line}");
        }
        let (msg, help) = match message.split_once("\nhelp: ") {
            Some((m, h)) => (m.to_string(), Some(h.to_string())),
            None => (message.clone(), None),
        };
        assert_eq!(msg, d["message"].as_str().expect("message"));
        assert_eq!(help.as_deref(), d["help"].as_str());
    }
}

// ---------------------------------------------------------------------------------------------
// --changed-since

/// A git repository with a base commit of three pages; `b.md` has a `## Kosten` heading, `c.md`
/// an error. Returns the directory and the base commit.
fn repo_with_base() -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "geolint.toml", TEST_CONFIG);
    write(d, "content/a.md", &good_page("Een pagina over workshops."));
    write(
        d,
        "content/b.md",
        &good_page("## Kosten\n\nDe kosten van een workshop."),
    );
    write(
        d,
        "content/c.md",
        &good_page("Oude pagina met een [placeholder] erin."),
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    (dir, base)
}

/// The pull request: `a.md` gets a placeholder (error), a long title (warning) and a link to
/// an anchor of the unchanged `b.md`, which resolves only if the whole site is loaded.
fn change_a(d: &Path) {
    write(
        d,
        "content/a.md",
        "---\ntitle: \"Wat kost een AI-workshop voor het MKB in Utrecht, Amsterdam en Rotterdam in 2026?\"\ndate: 2026-02-10\ndescription: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"\n---\n\nZie [de kosten](b.md#kosten) voor [bedrijfsnaam].\n",
    );
    git(d, &["commit", "-q", "-am", "change a"]);
}

#[test]
fn changed_since_reports_only_changed_files_with_site_rules_intact() {
    let (dir, base) = repo_with_base();
    let d = dir.path();
    change_a(d);
    let all = json_of(&run(geolint_in(d).args(["check", "--format", "json"])));
    let paths = |j: &Value| -> Vec<String> {
        j["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|x| format!("{} {}", x["path"].as_str().unwrap_or(""), x["rule"]))
            .collect()
    };
    assert!(paths(&all).iter().any(|p| p.starts_with("content/c.md")));

    let r = run(geolint_in(d).args(["check", "--format", "json", "--changed-since", &base]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let changed = json_of(&r);
    assert_eq!(
        paths(&changed),
        [
            "content/a.md \"meta/title-length\"",
            "content/a.md \"artifact/placeholder\""
        ]
    );
    assert_eq!(changed["summary"]["files"], 1);

    // Same for a branch name, and from a subfolder.
    git(d, &["branch", "basis", &base]);
    let sub = run(geolint_in(&d.join("content")).args([
        "check",
        "--format",
        "json",
        "--changed-since",
        "basis",
    ]));
    assert_eq!(
        paths(&json_of(&sub)),
        [
            "a.md \"meta/title-length\"",
            "a.md \"artifact/placeholder\""
        ],
        "paths are relative to the current folder"
    );
}

#[test]
fn changed_since_an_unknown_ref_or_outside_git_exits_2() {
    let (dir, _) = repo_with_base();
    let r = run(geolint_in(dir.path()).args(["check", "--changed-since", "origin/bestaat-niet"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "geolint: error: --changed-since: unknown git ref `origin/bestaat-niet`; fetch it first (a shallow CI checkout may lack it)\n"
    );
    let plain = tempfile::tempdir().expect("temp dir");
    write(plain.path(), "a.md", &good_page("Tekst."));
    let r = run(geolint_in(plain.path()).args(["check", "--changed-since", "main"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("geolint: error: --changed-since needs a git repository: "),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Baselines

#[test]
fn baseline_hides_known_findings_even_when_lines_shift() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "geolint.toml", TEST_CONFIG);
    let old_body = "Een workshop voor [bedrijfsnaam].\n\nEn een tweede [bedrijfsnaam].";
    write(d, "content/a.md", &good_page(old_body));
    write(d, "content/b.md", &good_page("Schoon."));

    let w = run(geolint_in(d).args(["check", "--write-baseline", "geolint-baseline.json"]));
    assert_eq!(w.code, 0, "{}{}", w.stdout, w.stderr);
    assert_eq!(
        w.stderr,
        "geolint: wrote 2 findings to baseline geolint-baseline.json\n"
    );
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(d.join("geolint-baseline.json")).expect("baseline written"),
    )
    .expect("baseline is JSON");
    assert_eq!(baseline["tool"], "geolint");
    let entries = baseline["findings"].as_array().expect("findings");
    assert_eq!(entries.len(), 1, "two identical findings share one entry");
    assert_eq!(entries[0]["path"], "content/a.md");
    assert_eq!(entries[0]["rule"], "artifact/placeholder");
    assert_eq!(entries[0]["count"], 2);

    // Unrelated edits shift the old findings down; one new finding is added.
    let new_body =
        format!("Een nieuwe inleiding.\n\nNog een alinea.\n\n{old_body}\n\nNieuw: [plaatsnaam].");
    write(d, "content/a.md", &good_page(&new_body));
    let r = run(geolint_in(d).args([
        "check",
        "--format",
        "json",
        "--baseline",
        "geolint-baseline.json",
    ]));
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "geolint: 2 findings recorded in baseline geolint-baseline.json are not shown\n"
    );
    let j = json_of(&r);
    let diags = j["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0]["message"],
        "placeholder `[plaatsnaam]` left in the text"
    );
    assert_eq!(j["summary"]["errors"], 1);

    // From a subfolder the same baseline still matches (paths are relative to its folder).
    let sub = run(geolint_in(&d.join("content")).args([
        "check",
        ".",
        "--format",
        "json",
        "--baseline",
        "../geolint-baseline.json",
    ]));
    assert_eq!(
        json_of(&sub)["diagnostics"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn a_bad_baseline_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "geolint.toml", TEST_CONFIG);
    write(dir.path(), "a.md", &good_page("Tekst."));
    write(dir.path(), "b.json", "{\"findings\": 3}");
    let r = run(geolint_in(dir.path()).args(["check", "--baseline", "b.json"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("geolint: error: baseline b.json is not a geolint baseline: "),
        "{}",
        r.stderr
    );
    let r = run(geolint_in(dir.path()).args(["check", "--baseline", "missing.json"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("geolint: error: cannot read baseline missing.json: "),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots: one page in each CI format

#[test]
fn ci_formats_of_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "geolint.toml", TEST_CONFIG);
    write(
        d,
        "blog/één, twee.md",
        "---\ntitle: \"Wat kost een AI-workshop voor het MKB in Utrecht, Amsterdam en Rotterdam in 2026?\"\ndate: 2026-02-10\ndescription: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"\n---\n\nDe prijs: 100% maatwerk voor [bedrijfsnaam].\n\n# Tweede titel\n",
    );
    let gh = run(geolint_in(d).args(["check", "--format", "github"]));
    assert_eq!(gh.code, 1);
    insta::assert_snapshot!("github_one_page", gh.stdout);

    let elsewhere = tempfile::tempdir().expect("temp dir");
    let summary = elsewhere.path().join("summary.md");
    let sarif = run(geolint_in(d).args([
        "check",
        "--format",
        "sarif",
        "--step-summary",
        summary.to_str().expect("UTF-8 path"),
    ]));
    assert_eq!(sarif.code, 1);
    let log = json_of(&sarif);
    assert_valid_sarif(&log);
    // SARIF fingerprints are the baseline's (for a baseline at the root), plus a counter.
    let w = run(geolint_in(d).args(["check", "--write-baseline", "b.json"]));
    assert_eq!(w.code, 0);
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("b.json")).expect("baseline"))
            .expect("JSON");
    let mut from_baseline: Vec<String> = baseline["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|e| format!("{}:1", e["fingerprint"].as_str().expect("fingerprint")))
        .collect();
    let mut from_sarif: Vec<String> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["partialFingerprints"]["geolint/v1"]
                .as_str()
                .expect("fp")
                .to_string()
        })
        .collect();
    from_baseline.sort();
    from_sarif.sort();
    assert_eq!(from_sarif, from_baseline);

    let mut run0 = log["runs"][0].clone();
    // Rule indexes move whenever a rule is added; the fixture test above checks them.
    for r in run0["results"].as_array_mut().expect("results") {
        r["ruleIndex"] = Value::from("[index]");
    }
    insta::assert_json_snapshot!(
        "sarif_one_page_results",
        serde_json::json!({
            "invocations": run0["invocations"],
            "columnKind": run0["columnKind"],
            "results": run0["results"],
        })
    );
    insta::assert_snapshot!(
        "summary_one_page",
        std::fs::read_to_string(&summary).expect("summary written")
    );
}

#[test]
fn changed_since_finds_the_repository_of_the_linted_folder() {
    let outer = tempfile::tempdir().expect("temp dir");
    let d = outer.path().join("site");
    git(outer.path(), &["init", "-q", "site"]);
    write(&d, "geolint.toml", TEST_CONFIG);
    write(&d, "oud.md", &good_page("Oud met [bedrijfsnaam]."));
    write(&d, "nieuw.md", &good_page("Nieuw."));
    git(&d, &["add", "."]);
    git(&d, &["commit", "-q", "-m", "base"]);
    write(&d, "nieuw.md", &good_page("Nieuw met [plaatsnaam]."));
    let r = run(geolint_in(outer.path()).args([
        "check",
        "site",
        "--format",
        "sarif",
        "--changed-since",
        "HEAD",
    ]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log = json_of(&r);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({"uri": "nieuw.md", "uriBaseId": "%SRCROOT%"}),
        "relative to the site's repository root"
    );
}
