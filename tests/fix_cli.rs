//! End-to-end tests of `geolint check --fix`, `--unsafe-fixes`, `--diff` and `--watch`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use tempfile::TempDir;

const CONFIG: &str = "language = \"nl\"\ntitle_is_h1 = false\n\n[[content_type]]\nname = \"page\"\npaths = [\"**\"]\nwords = { min = 1 }\n";

/// A Dutch draft with residue every safe fix removes, a chatbot sentence (unsafe fix) and front
/// matter and code that must stay as they are.
const DRAFT: &str = "---
title: \"Wat kost een AI-workshop voor het MKB? citeturn0search3\"
date: 2026-02-10
description: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"
---
# Wat kost een AI-workshop?

#### Prijzen per dagdeel

Een workshop kost € 1.500 per dagdeel citeturn0search3
smb-gr.com
. Zie ook [CBS](https://www.cbs.nl/nl-nl/nieuws?utm_source=chatgpt.com). Ik hoop dat dit helpt!

```text
citeturn0search3 en https://x.nl/?utm_source=chatgpt.com
```
";

const FIXED_SAFE: &str = "---
title: \"Wat kost een AI-workshop voor het MKB? citeturn0search3\"
date: 2026-02-10
description: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"
---
# Wat kost een AI-workshop?

## Prijzen per dagdeel

Een workshop kost € 1.500 per dagdeel (bron: smb-gr.com). Zie ook [CBS](https://www.cbs.nl/nl-nl/nieuws). Ik hoop dat dit helpt!

```text
citeturn0search3 en https://x.nl/?utm_source=chatgpt.com
```
";

fn geolint_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("geolint");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .timeout(Duration::from_secs(60));
    cmd
}

fn site(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("geolint.toml"), CONFIG).expect("config");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Out {
    let o = cmd.output().expect("run");
    Out {
        code: o.status.code().expect("exit code"),
        stdout: String::from_utf8(o.stdout).expect("utf-8"),
        stderr: String::from_utf8(o.stderr).expect("utf-8"),
    }
}

fn read(dir: &TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).expect("read")
}

#[test]
fn fix_applies_safe_fixes_in_place_and_reports_what_is_left() {
    let dir = site(&[("post.md", DRAFT)]);
    let r = run(geolint_in(dir.path()).args(["check", "--fix", "--format", "json", "."]));
    assert_eq!(read(&dir, "post.md"), FIXED_SAFE);
    assert_eq!(r.stderr, "geolint: applied 4 fixes to 1 file\n");
    let json: Value = serde_json::from_str(&r.stdout).expect("json");
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["artifact/chatbot-phrase"], "{}", r.stdout);
    assert_eq!(r.code, 1, "the chatbot phrase is an error");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");

    // Fixing again changes nothing.
    let r = run(geolint_in(dir.path()).args(["check", "--fix", "--quiet", "."]));
    assert_eq!(read(&dir, "post.md"), FIXED_SAFE);
    assert_eq!(r.code, 1);
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let dir = site(&[("post.md", DRAFT)]);
    let r = run(geolint_in(dir.path()).args(["check", "--fix", "--unsafe-fixes", "."]));
    assert_eq!(
        read(&dir, "post.md"),
        FIXED_SAFE.replace(" Ik hoop dat dit helpt!", "")
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stderr.starts_with("geolint: applied 5 fixes to 1 file"));

    let r = run(geolint_in(dir.path()).args(["check", "--unsafe-fixes", "."]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "geolint: error: --unsafe-fixes only works with --fix or --diff\n"
    );
}

#[test]
fn diff_prints_without_writing() {
    let dir = site(&[
        ("post.md", DRAFT),
        ("schoon.md", "# Schoon\n\nNiets te doen.\n"),
    ]);
    let r = run(geolint_in(dir.path()).args(["check", "--diff", "."]));
    assert_eq!(read(&dir, "post.md"), DRAFT, "--diff writes nothing");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "--- a/post.md
+++ b/post.md
@@ -5,11 +5,9 @@
 ---
 # Wat kost een AI-workshop?
 
-#### Prijzen per dagdeel
+## Prijzen per dagdeel
 
-Een workshop kost € 1.500 per dagdeel citeturn0search3
-smb-gr.com
-. Zie ook [CBS](https://www.cbs.nl/nl-nl/nieuws?utm_source=chatgpt.com). Ik hoop dat dit helpt!
+Een workshop kost € 1.500 per dagdeel (bron: smb-gr.com). Zie ook [CBS](https://www.cbs.nl/nl-nl/nieuws). Ik hoop dat dit helpt!
 
 ```text
 citeturn0search3 en https://x.nl/?utm_source=chatgpt.com
"
    );
    let r = run(geolint_in(dir.path()).args(["check", "--diff", "schoon.md"]));
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

#[test]
fn json_has_a_fix_field_only_when_there_is_a_fix() {
    let dir = site(&[("post.md", DRAFT)]);
    let r = run(geolint_in(dir.path()).args(["check", "--format", "json", "post.md"]));
    let json: Value = serde_json::from_str(&r.stdout).expect("json");
    let diags = json["diagnostics"].as_array().expect("array");
    let cite = diags
        .iter()
        .find(|d| d["rule"] == "artifact/citation-token")
        .expect("citation finding");
    let start = DRAFT.find(" citeturn0search3\nsmb").expect("in draft");
    assert_eq!(
        cite["fix"],
        serde_json::json!({
            "description": "remove the citation marker",
            "safety": "safe",
            "edits": [{"byte_start": start, "byte_end": start + 17, "replacement": ""}],
        })
    );
    let chat = diags
        .iter()
        .find(|d| d["rule"] == "artifact/chatbot-phrase")
        .expect("chatbot finding");
    assert_eq!(chat["fix"]["safety"], "unsafe");
    let dir = site(&[("a.md", "# A\n\n![](x.png)\n")]);
    let r = run(geolint_in(dir.path()).args(["check", "--format", "json", "a.md"]));
    let json: Value = serde_json::from_str(&r.stdout).expect("json");
    let alt = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["rule"] == "image/missing-alt")
        .expect("missing alt");
    assert!(alt.get("fix").is_none(), "no fix, no field: {alt}");
}

#[test]
fn fixture_site_diff() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let r = run(geolint_in(&root).args(["check", "--diff", "fixtures/site"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("fixture_site_diff", r.stdout);
}

#[test]
fn watch_relints_when_a_file_changes() {
    let dir = site(&[("post.md", "# Post\n\nSchone tekst.\n")]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_geolint"))
        .args(["check", "--watch", "--format", "json", "."])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        // Each report is one pretty-printed JSON object ending in a line "}".
        let mut report = String::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            report.push_str(&line);
            report.push('\n');
            if line == "}" && tx.send(std::mem::take(&mut report)).is_err() {
                return;
            }
        }
    });
    let wait = Duration::from_secs(60);
    let first: Value =
        serde_json::from_str(&rx.recv_timeout(wait).expect("first report")).expect("json");
    let rules = |v: &Value| -> Vec<String> {
        v["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|d| d["rule"].as_str().map(str::to_string))
            .collect()
    };
    assert!(!rules(&first).contains(&"artifact/citation-token".to_string()));
    // A report may come from the moment the file was truncated, before its text was written:
    // wait (bounded) for the report that has read the whole file.
    std::fs::write(
        dir.path().join("post.md"),
        "# Post\n\nTekst citeturn0search3.\n",
    )
    .expect("write");
    let deadline = std::time::Instant::now() + wait;
    let mut second = Value::Null;
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        let Ok(report) = rx.recv_timeout(left) else {
            break;
        };
        second = serde_json::from_str(&report).expect("json");
        if rules(&second).contains(&"artifact/citation-token".to_string()) {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        rules(&second).contains(&"artifact/citation-token".to_string()),
        "{second}"
    );
}
