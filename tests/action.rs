//! The GitHub Action (`action.yml`) run as a runner would run it: its `run:` steps are read from
//! `action.yml`, their `${{ … }}` expressions filled in, and run with bash in a small git
//! repository (a base commit and a pull request change), with temporary `GITHUB_OUTPUT` and
//! `GITHUB_STEP_SUMMARY` files and `GITHUB_ACTION_PATH` pointing at this checkout. The install
//! step (`cargo install`) is replaced by putting the test build of geolint on `PATH`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A step of the composite action.
#[derive(Debug, Default)]
struct Step {
    id: String,
    run: Option<String>,
    uses: Option<String>,
    env: BTreeMap<String, String>,
}

/// What the runner reads of `action.yml`: input defaults, output expressions, steps.
#[derive(Debug, Default)]
struct Action {
    inputs: BTreeMap<String, String>,
    outputs: BTreeMap<String, String>,
    steps: Vec<Step>,
}

/// A YAML node, built from saphyr-parser's events (so a file that is not valid YAML fails).
#[derive(Debug, Clone)]
enum Yaml {
    Scalar(String),
    Seq(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Yaml::Scalar(s)) => Some(s),
            _ => None,
        }
    }

    fn entries(&self) -> &[(String, Yaml)] {
        match self {
            Yaml::Map(e) => e,
            _ => &[],
        }
    }

    fn items(&self) -> &[Yaml] {
        match self {
            Yaml::Seq(items) => items,
            _ => &[],
        }
    }
}

fn parse_yaml(path: &str) -> Yaml {
    use saphyr_parser::{Event, Parser};
    let text = std::fs::read_to_string(repo_root().join(path)).expect("read YAML file");
    let mut parser = Parser::new_from_str(&text);
    let mut stack: Vec<(Yaml, Option<String>)> = Vec::new();
    let mut root = None;
    while let Some(next) = parser.next_event() {
        let (event, _) = next.unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}"));
        let node = match event {
            Event::Scalar(v, ..) => Yaml::Scalar(v.into_owned()),
            Event::SequenceStart(..) => {
                stack.push((Yaml::Seq(Vec::new()), None));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push((Yaml::Map(Vec::new()), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop().expect("open node").0,
            Event::Alias(_) => panic!("{path}: no aliases expected"),
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((Yaml::Seq(items), _)) => items.push(node),
            Some((Yaml::Map(entries), key)) => match key.take() {
                None => {
                    let Yaml::Scalar(k) = node else {
                        panic!("{path}: a non-scalar key")
                    };
                    *key = Some(k);
                }
                Some(k) => entries.push((k, node)),
            },
            Some((Yaml::Scalar(_), _)) => unreachable!("scalars hold no children"),
        }
    }
    root.unwrap_or_else(|| panic!("{path} has no document"))
}

/// The parts of `action.yml` the runner uses.
fn parse_action() -> Action {
    let doc = parse_yaml("action.yml");
    assert_eq!(
        doc.get("runs").and_then(|r| r.str("using")),
        Some("composite")
    );
    let mut a = Action::default();
    for (name, input) in doc.get("inputs").map(Yaml::entries).unwrap_or_default() {
        a.inputs
            .insert(name.clone(), input.str("default").unwrap_or("").to_string());
    }
    for (name, output) in doc.get("outputs").map(Yaml::entries).unwrap_or_default() {
        a.outputs.insert(
            name.clone(),
            output.str("value").expect("value").to_string(),
        );
    }
    for step in doc
        .get("runs")
        .and_then(|r| r.get("steps"))
        .map(Yaml::items)
        .unwrap_or_default()
    {
        if step.str("run").is_some() {
            assert_eq!(step.str("shell"), Some("bash"), "run steps use bash");
        }
        a.steps.push(Step {
            id: step.str("id").unwrap_or("").to_string(),
            run: step.str("run").map(str::to_string),
            uses: step.str("uses").map(str::to_string),
            env: step
                .get("env")
                .map(Yaml::entries)
                .unwrap_or_default()
                .iter()
                .map(|(k, v)| match v {
                    Yaml::Scalar(v) => (k.clone(), v.clone()),
                    _ => panic!("env {k} is a scalar"),
                })
                .collect(),
        });
    }
    a
}

/// Fill in `${{ … }}` expressions.
fn expand(s: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("${{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let end = after.find("}}").expect("closing }}");
        let expr = after[..end].trim();
        let value = vars
            .get(expr)
            .unwrap_or_else(|| panic!("the test does not know `{expr}`"));
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
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

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

const CONFIG: &str = "language = \"nl\"\n\n[[content_type]]\nname = \"page\"\npaths = [\"**\"]\nwords = { min = 1 }\n";

fn page(title: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: 2026-02-10\ndescription: \"Wat kost een AI-workshop voor je team? Een eerlijk overzicht van prijzen per dagdeel, wat erin zit en hoe je de investering terugverdient.\"\n---\n\n{body}\n"
    )
}

const GOOD_TITLE: &str = "Wat kost een AI-workshop voor het MKB?";
const LONG_TITLE: &str =
    "Wat kost een AI-workshop voor het MKB in Utrecht, Amsterdam en Rotterdam in 2026?";

/// A site repository: a base commit where `oud.md` has an error, then a pull request commit
/// that changes `nieuw.md` (with an error unless `warning_only`, and always a warning).
fn site_repo(warning_only: bool) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "geolint.toml", CONFIG);
    write(
        d,
        "content/oud.md",
        &page(GOOD_TITLE, "Voor [bedrijfsnaam]."),
    );
    write(
        d,
        "content/nieuw.md",
        &page(GOOD_TITLE, "## Kosten\n\nPrima."),
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    let base = git(d, &["rev-parse", "HEAD"]);
    git(d, &["checkout", "-q", "-b", "pr"]);
    let body = if warning_only {
        "## Kosten\n\nPrima, zie [oud](oud.md)."
    } else {
        "## Kosten\n\nPrima voor [bedrijfsnaam], zie [oud](oud.md)."
    };
    write(d, "content/nieuw.md", &page(LONG_TITLE, body));
    git(d, &["commit", "-q", "-am", "pr"]);
    (dir, base)
}

struct StepRun {
    code: i32,
    stdout: String,
    outputs: BTreeMap<String, String>,
}

/// What the runner knows: inputs (defaults overridden by `with`), contexts.
fn contexts(
    action: &Action,
    with: &[(&str, &str)],
    base: &str,
    temp: &Path,
) -> BTreeMap<String, String> {
    let mut vars = BTreeMap::new();
    for (k, v) in &action.inputs {
        vars.insert(format!("inputs.{k}"), v.clone());
    }
    for (k, v) in with {
        assert!(action.inputs.contains_key(*k), "action has no input {k}");
        vars.insert(format!("inputs.{k}"), (*v).to_string());
    }
    vars.insert(
        "github.event.pull_request.base.sha".into(),
        base.to_string(),
    );
    vars.insert("runner.temp".into(), temp.display().to_string());
    vars
}

/// Run one `run:` step as the runner does: `bash --noprofile --norc -eo pipefail` on a script
/// file, in the workspace, with the step's env and a fresh `GITHUB_OUTPUT`.
fn run_step(
    step: &Step,
    vars: &BTreeMap<String, String>,
    workspace: &Path,
    temp: &Path,
    event: &str,
    summary: &Path,
) -> StepRun {
    let script = temp.join(format!("{}.sh", step.id));
    std::fs::write(
        &script,
        expand(step.run.as_deref().expect("a run step"), vars),
    )
    .expect("write step script");
    let output = temp.join(format!("{}.output", step.id));
    std::fs::write(&output, "").expect("create GITHUB_OUTPUT");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_geolint"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(workspace);
    for (k, _) in std::env::vars() {
        if k.starts_with("GITHUB_") || k.starts_with("GEOLINT_") || k.starts_with("RUNNER_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GITHUB_ACTION_PATH", repo_root())
        .env("GITHUB_WORKSPACE", workspace)
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_STEP_SUMMARY", summary)
        .env("GITHUB_EVENT_NAME", event)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_TEMP", temp);
    for (k, v) in &step.env {
        cmd.env(k, expand(v, vars));
    }
    let out = cmd.output().expect("bash runs");
    let outputs = std::fs::read_to_string(&output)
        .expect("read GITHUB_OUTPUT")
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    StepRun {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        outputs,
    }
}

struct ActionRun {
    /// The run step's result.
    run: StepRun,
    /// The action's outputs, resolved from `outputs.*.value`.
    outputs: BTreeMap<String, String>,
    summary: String,
    workspace: PathBuf,
    _temp: tempfile::TempDir,
}

/// Run the action's steps in order, skipping `uses:` steps (the cache) and the install step.
fn run_action(repo: &Path, base: &str, event: &str, with: &[(&str, &str)]) -> ActionRun {
    let action = parse_action();
    let temp = tempfile::tempdir().expect("runner temp");
    let summary = temp.path().join("step_summary.md");
    std::fs::write(&summary, "").expect("create summary");
    let mut vars = contexts(&action, with, base, temp.path());
    let mut last = None;
    for step in &action.steps {
        if step.uses.is_some() || step.id == "install" {
            continue;
        }
        let r = run_step(step, &vars, repo, temp.path(), event, &summary);
        for (k, v) in &r.outputs {
            vars.insert(format!("steps.{}.outputs.{k}", step.id), v.clone());
        }
        if step.id == "key" {
            assert_eq!(r.code, 0, "cache key step: {}", r.stdout);
            let key = &r.outputs["key"];
            assert!(key.starts_with(&r.outputs["prefix"]), "{key}");
            assert!(key.starts_with("geolint-Linux-rust"), "{key}");
        }
        last = Some((step.id.clone(), r));
    }
    let (id, run) = last.expect("a run step");
    assert_eq!(id, "run", "the run step comes last");
    let outputs = action
        .outputs
        .iter()
        .map(|(k, v)| {
            let value = vars
                .get(v.trim_start_matches("${{").trim_end_matches("}}").trim())
                .cloned()
                .unwrap_or_default();
            (k.clone(), value)
        })
        .collect();
    ActionRun {
        run,
        outputs,
        summary: std::fs::read_to_string(&summary).expect("read summary"),
        workspace: repo.to_path_buf(),
        _temp: temp,
    }
}

fn annotations(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|l| l.starts_with("::")).collect()
}

#[test]
fn action_yml_runs_its_scripts_and_passes_every_input() {
    let action = parse_action();
    assert_eq!(
        action.inputs.keys().collect::<Vec<_>>(),
        [
            "args",
            "changed-only",
            "config",
            "fail-on",
            "paths",
            "sarif"
        ]
    );
    assert_eq!(
        action.outputs.keys().collect::<Vec<_>>(),
        ["errors", "sarif-file", "warnings"]
    );
    let ids: Vec<&str> = action.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["key", "", "install", "run"]);
    for step in &action.steps {
        if let Some(run) = &step.run {
            let script = run
                .strip_prefix("bash \"$GITHUB_ACTION_PATH/")
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or_else(|| panic!("step {} runs a script of the action: {run}", step.id));
            assert!(repo_root().join(script).is_file(), "{script} exists");
        }
    }
    let run = action.steps.iter().find(|s| s.id == "run").expect("run");
    for input in action.inputs.keys() {
        assert!(
            run.env
                .values()
                .any(|v| v.contains(&format!("inputs.{input} "))),
            "input {input} reaches the run step"
        );
    }
    let install =
        std::fs::read_to_string(repo_root().join(".github/action/install.sh")).expect("install.sh");
    assert!(install.contains("cargo install --locked --force --path \"$GITHUB_ACTION_PATH\""));
}

#[test]
fn pull_request_with_an_error_fails_on_error_and_warning_but_not_never() {
    let (repo, base) = site_repo(false);
    for (fail_on, want) in [("error", 1), ("warning", 1), ("never", 0)] {
        let a = run_action(
            repo.path(),
            &base,
            "pull_request",
            &[("fail-on", fail_on), ("sarif", "out/geolint.sarif")],
        );
        assert_eq!(a.run.code, want, "fail-on {fail_on}:\n{}", a.run.stdout);
        let notes = annotations(&a.run.stdout);
        assert_eq!(notes.len(), 2, "{notes:#?}");
        assert!(
            notes.iter().all(|l| l.contains("file=content/nieuw.md,")),
            "only the changed file is annotated: {notes:#?}"
        );
        assert!(notes[0].starts_with("::warning file=content/nieuw.md,line=2,"));
        assert!(notes[0].contains("title=meta/title-length::"));
        assert!(notes[1].starts_with("::error file=content/nieuw.md,line=9,"));
        assert!(notes[1].contains("title=artifact/placeholder::placeholder `[bedrijfsnaam]`"));
        assert!(
            !a.run.stdout.contains("link/broken-relative"),
            "the link to the unchanged oud.md resolves: the whole site was loaded"
        );
        assert_eq!(a.outputs["errors"], "1");
        assert_eq!(a.outputs["warnings"], "1");
        assert_eq!(a.outputs["sarif-file"], "out/geolint.sarif");
        let sarif: Value = serde_json::from_str(
            &std::fs::read_to_string(a.workspace.join("out/geolint.sarif")).expect("SARIF file"),
        )
        .expect("SARIF is JSON");
        let results = sarif["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), 2);
        assert_eq!(
            results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "content/nieuw.md"
        );
        assert!(
            a.summary.starts_with(
                "## geolint\n\n❌ 1 file checked: **1 error**, **1 warning**, 0 infos\n\n\
                 Only files changed since `"
            ),
            "{}",
            a.summary
        );
        assert!(a.summary.contains("| `artifact/placeholder` | error | 1 |"));
        assert!(a.summary.contains("| `content/nieuw.md` | 1 | 1 | 0 |"));
        assert!(!a.summary.contains("oud.md"));
        assert!(a.run.stdout.ends_with(&format!(
            "geolint: 1 errors, 1 warnings (fail-on: {fail_on}, exit code 1)\n"
        )));
    }
}

#[test]
fn pull_request_with_only_a_warning_fails_on_warning_only() {
    let (repo, base) = site_repo(true);
    for (fail_on, want) in [("error", 0), ("warning", 1), ("never", 0)] {
        let a = run_action(repo.path(), &base, "pull_request", &[("fail-on", fail_on)]);
        assert_eq!(a.run.code, want, "fail-on {fail_on}:\n{}", a.run.stdout);
        assert_eq!(a.outputs["errors"], "0");
        assert_eq!(a.outputs["warnings"], "1");
        assert_eq!(a.outputs["sarif-file"], "");
        assert_eq!(annotations(&a.run.stdout).len(), 1);
        assert!(a
            .summary
            .contains("⚠️ 1 file checked: **0 errors**, **1 warning**"));
    }
}

#[test]
fn push_events_report_every_file_and_args_pass_through() {
    let (repo, base) = site_repo(true);
    let a = run_action(repo.path(), &base, "push", &[]);
    assert_eq!(a.run.code, 1, "oud.md has an error:\n{}", a.run.stdout);
    assert_eq!(a.outputs["errors"], "1");
    assert!(annotations(&a.run.stdout)
        .iter()
        .any(|l| l.starts_with("::error file=content/oud.md,")));
    assert!(a.summary.contains("2 files checked"));

    // `changed-only: true` forces the changed-files mode; extra args and paths reach geolint.
    let a = run_action(
        repo.path(),
        &base,
        "push",
        &[
            ("changed-only", "true"),
            ("args", "--rule meta/title-length=off"),
            ("paths", "content"),
        ],
    );
    assert_eq!(a.run.code, 0, "{}", a.run.stdout);
    assert_eq!(a.outputs["warnings"], "0");
    assert!(annotations(&a.run.stdout).is_empty());
}

#[test]
fn bad_inputs_and_geolint_failures_fail_the_step() {
    let (repo, base) = site_repo(true);
    let a = run_action(
        repo.path(),
        &base,
        "pull_request",
        &[("fail-on", "sometimes")],
    );
    assert_eq!(a.run.code, 2);
    assert!(a.run.stdout.contains(
        "::error title=geolint action::input fail-on must be error, warning or never, not 'sometimes'"
    ));
    // A missing config is geolint's exit 2, which fails the step even with fail-on: never.
    let a = run_action(
        repo.path(),
        &base,
        "pull_request",
        &[("fail-on", "never"), ("config", "bestaat-niet.toml")],
    );
    assert_eq!(a.run.code, 2, "{}", a.run.stdout);
    assert_eq!(a.outputs["errors"], "0");
}
