//! `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.
//!
//! One run whose `tool.driver.rules` lists every rule of the registry (plus the config's custom
//! rules), results with `ruleId`/`ruleIndex`, level, message, a physical location relative to
//! the repository root (`uriBaseId` `%SRCROOT%`) with 1-based lines and Unicode-scalar columns
//! (`columnKind` `unicodeCodePoints`, end column exclusive as SARIF wants), byte offsets, and
//! line-independent `partialFingerprints` (see [`crate::baseline`]). Rule levels changed by the
//! config appear as `ruleConfigurationOverrides`; files that could not be read as
//! `toolExecutionNotifications`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;
use serde_json::{json, Value};

use crate::baseline::{Fingerprinter, PathKeys};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::Outcome;
use crate::rules::registry::ALL;

/// Where geolint's docs live (`tool.driver.informationUri`).
pub const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// The `uriBaseId` of repository-relative paths.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of geolint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "geolint/v1";

/// A SARIF level.
#[must_use]
pub const fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
        Level::Off => "none",
    }
}

struct RuleDesc {
    id: String,
    default_level: Level,
    short: String,
    full: String,
    help: String,
    family: String,
}

/// The "What it checks" section of a rule's docs as one paragraph of plain text.
fn what_it_checks(docs: &str) -> Option<String> {
    let mut lines = docs.lines().map(str::trim);
    lines.find(|l| l.eq_ignore_ascii_case("## what it checks"))?;
    let text = lines
        .take_while(|l| !l.starts_with("## "))
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn rule_descriptors(config: &Config) -> Vec<RuleDesc> {
    let mut out: Vec<RuleDesc> = ALL
        .iter()
        .map(|r| {
            let i = r.info();
            let help = crate::rules::registry::explain(i);
            RuleDesc {
                id: i.id.to_string(),
                default_level: i.default_level,
                short: i.summary.to_string(),
                full: what_it_checks(i.docs).unwrap_or_else(|| i.summary.to_string()),
                help,
                family: i.family().to_string(),
            }
        })
        .collect();
    for c in &config.custom {
        if out.iter().any(|d| d.id == c.id) {
            continue;
        }
        let source = config
            .path
            .as_ref()
            .map_or_else(|| "geolint.toml".to_string(), |p| p.display().to_string());
        let mut help = format!("A custom rule defined in {source}: {}.", c.message);
        if let Some(h) = &c.help {
            help.push_str("\n\n");
            help.push_str(h);
        }
        out.push(RuleDesc {
            id: c.id.to_string(),
            default_level: c.level,
            short: format!("custom rule: {}", c.message),
            full: format!("custom rule from {source}: {}", c.message),
            help,
            family: c.id.split_once('/').map_or(c.id, |(f, _)| f).to_string(),
        });
    }
    out
}

/// Percent-encode a path for a URI reference (keeping `/`).
#[must_use]
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A `file://` URI of an absolute path (with a trailing slash for folders when `dir`).
fn file_uri(path: &Path, dir: bool) -> String {
    let mut s = path.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    if dir && !s.ends_with('/') {
        s.push('/');
    }
    format!("file://{}", encode_path(&s))
}

/// A SARIF `artifactLocation`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// The artifact location of a reported path: repository-relative with `%SRCROOT%` when the
/// file lies in the repository, a `file://` URI otherwise, and the URL itself for web pages.
fn artifact_location(path: &str, keys: &mut PathKeys, root: Option<&Path>) -> ArtifactLocation {
    let at = |uri: String, base: Option<&'static str>| ArtifactLocation {
        uri,
        uri_base_id: base,
    };
    if path.contains("://") {
        return at(path.to_string(), None);
    }
    if let Some(rel) = keys.relative(path).filter(|_| root.is_some()) {
        return at(encode_path(&rel), Some(SRCROOT));
    }
    match std::fs::canonicalize(path) {
        Ok(abs) => at(file_uri(&abs, false), None),
        Err(_) => at(encode_path(&path.replace('\\', "/")), None),
    }
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "geolint/v1")]
    v1: String,
}

#[derive(Serialize)]
struct HelpProperty<'a> {
    help: &'a str,
}

/// A SARIF result, borrowed from a diagnostic (typed, so large runs need no JSON tree).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<HelpProperty<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    invocations: [Value; 1],
    column_kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<Value>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

/// Render a SARIF log. `root` is the repository root (canonical) that URIs are relative to.
#[must_use]
pub fn render(
    outcome: &Outcome,
    diagnostics: &[&Diagnostic],
    config: &Config,
    root: Option<&Path>,
) -> String {
    let log = build(outcome, diagnostics, config, root);
    let mut s =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The SARIF log as a JSON value.
#[must_use]
pub fn log(
    outcome: &Outcome,
    diagnostics: &[&Diagnostic],
    config: &Config,
    root: Option<&Path>,
) -> Value {
    serde_json::to_value(build(outcome, diagnostics, config, root)).unwrap_or(Value::Null)
}

fn build<'a>(
    outcome: &Outcome,
    diagnostics: &[&'a Diagnostic],
    config: &Config,
    root: Option<&Path>,
) -> Log<'a> {
    let mut descs = rule_descriptors(config);
    // Findings of rules the registry does not know (none today) still get a descriptor.
    for d in diagnostics {
        if !descs.iter().any(|r| r.id == d.rule) {
            descs.push(RuleDesc {
                id: d.rule.clone(),
                default_level: d.severity,
                short: d.rule.clone(),
                full: d.rule.clone(),
                help: d.rule.clone(),
                family: d.rule.split_once('/').map_or("", |(f, _)| f).to_string(),
            });
        }
    }
    let index: HashMap<String, usize> = descs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();

    let rules: Vec<Value> = descs
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.short },
                "fullDescription": { "text": r.full },
                "help": { "text": r.help, "markdown": r.help },
                "defaultConfiguration": {
                    "enabled": r.default_level != Level::Off,
                    "level": level(r.default_level),
                },
                "properties": { "tags": [r.family] },
            })
        })
        .collect();

    let overrides: Vec<Value> = descs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let now = config.level(&r.id);
            (now != r.default_level).then(|| {
                json!({
                    "descriptor": { "id": r.id, "index": i },
                    "configuration": { "enabled": now != Level::Off, "level": level(now) },
                })
            })
        })
        .collect();

    let mut keys = PathKeys::relative_to(root.map(Path::to_path_buf));
    let mut fp = Fingerprinter::new(&outcome.sources);
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let results: Vec<SarifResult<'a>> = diagnostics
        .iter()
        .map(|d| {
            let location = artifact_location(&d.path, &mut keys, root);
            // Keyed like a baseline at the repository root: the same finding, the same hash.
            let print = fp.fingerprint(d, &keys.key(&d.path));
            let n = seen
                .entry((location.uri.clone(), print.clone()))
                .or_insert(0);
            *n += 1;
            let region = match (d.start, d.end, d.span) {
                (Some(s), Some(e), Some(span)) => Some(Region {
                    start_line: s.line,
                    start_column: s.column,
                    end_line: e.line,
                    end_column: e.column,
                    byte_offset: span.start,
                    byte_length: span.len(),
                }),
                _ => None,
            };
            SarifResult {
                rule_id: &d.rule,
                rule_index: index.get(&d.rule).copied().unwrap_or(0),
                level: level(d.severity),
                message: Text { text: &d.message },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: location,
                        region,
                    },
                }],
                partial_fingerprints: Fingerprints {
                    v1: format!("{print}:{n}"),
                },
                properties: d.help.as_deref().map(|help| HelpProperty { help }),
            }
        })
        .collect();

    let notifications: Vec<Value> = outcome
        .errors
        .iter()
        .map(|e| {
            let location = artifact_location(&e.path, &mut keys, root);
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": location } }],
            })
        })
        .collect();
    let mut invocation = json!({ "executionSuccessful": outcome.errors.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    if !overrides.is_empty() {
        invocation["ruleConfigurationOverrides"] = Value::Array(overrides);
    }

    Log {
        schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({
                "driver": {
                    "name": "geolint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            }),
            invocations: [invocation],
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: root.map(|r| json!({ SRCROOT: { "uri": file_uri(r, true) } })),
            results,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::span::{LineIndex, Span};

    #[test]
    fn encodes_paths_for_uris() {
        assert_eq!(encode_path("content/blog/a b.md"), "content/blog/a%20b.md");
        assert_eq!(encode_path("café/#1?.md"), "caf%C3%A9/%231%3F.md");
    }

    #[test]
    fn what_it_checks_is_the_first_section() {
        let docs = " ## What it checks\n That a page has\n one H1.\n\n ## Why it matters\n x\n";
        assert_eq!(
            what_it_checks(docs).as_deref(),
            Some("That a page has one H1.")
        );
        assert_eq!(what_it_checks("no sections"), None);
    }

    #[test]
    fn every_registry_rule_is_a_descriptor_with_docs() {
        let descs = rule_descriptors(&Config::builtin());
        assert_eq!(descs.len(), ALL.len());
        for (d, r) in descs.iter().zip(ALL) {
            assert_eq!(d.id, r.info().id);
            assert!(!d.full.is_empty() && d.full != d.short, "{}", d.id);
            assert!(d.help.contains("## Why it matters"), "{}", d.id);
        }
    }

    #[test]
    fn results_point_at_repository_relative_regions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        let file = root.join("content").join("a b.md");
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        let src = "# Één\n\n# Twee\n";
        std::fs::write(&file, src).expect("write");
        let start = src.find("# Twee").expect("heading");
        let d = Diagnostic::from_finding(
            Finding::new("heading/single-h1", "found 2 h1 headings")
                .at(Span::new(start, start + 6))
                .help("make it an h2"),
            Level::Error,
            &file.to_string_lossy(),
            src,
            &LineIndex::new(src),
        );
        let outcome = Outcome::default();
        let v = log(&outcome, &[&d], &Config::builtin(), Some(&root));
        let run = &v["runs"][0];
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "heading/single-h1");
        let idx = usize::try_from(result["ruleIndex"].as_u64().expect("index")).expect("usize");
        assert_eq!(
            run["tool"]["driver"]["rules"][idx]["id"],
            "heading/single-h1"
        );
        assert_eq!(result["level"], "error");
        let loc = &result["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "content/a%20b.md");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], SRCROOT);
        assert_eq!(
            loc["region"],
            json!({"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 7,
                   "byteOffset": start, "byteLength": 6})
        );
        let print = result["partialFingerprints"][FINGERPRINT_KEY]
            .as_str()
            .expect("fingerprint");
        assert_eq!(
            print,
            format!(
                "{}:1",
                crate::baseline::fingerprint("heading/single-h1", "content/a b.md", "# Twee")
            )
        );
        assert_eq!(result["properties"]["help"], "make it an h2");
        assert!(run["originalUriBaseIds"][SRCROOT]["uri"]
            .as_str()
            .expect("uri")
            .starts_with("file:///"));
    }

    #[test]
    fn changed_levels_are_overrides_and_urls_stay_urls() {
        let mut config = Config::builtin();
        config
            .apply_overrides(&["heading/single-h1=warning".to_string()])
            .expect("override");
        let d = Diagnostic::from_finding(
            Finding::new("meta/title-missing", "page has no title"),
            Level::Error,
            "https://www.example.nl/over/",
            "",
            &LineIndex::new(""),
        );
        let v = log(&Outcome::default(), &[&d], &config, None);
        let inv = &v["runs"][0]["invocations"][0];
        assert_eq!(inv["executionSuccessful"], true);
        let o = &inv["ruleConfigurationOverrides"][0];
        assert_eq!(o["descriptor"]["id"], "heading/single-h1");
        assert_eq!(o["configuration"]["level"], "warning");
        let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"],
            json!({"uri": "https://www.example.nl/over/"})
        );
        assert!(loc.get("region").is_none());
    }
}
