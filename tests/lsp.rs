//! Drives `geolint lsp` over stdio with real JSON-RPC messages: initialize, didOpen of a Dutch
//! draft with Unicode before the finding, publishDiagnostics with UTF-16 ranges, codeAction,
//! hover, didChangeWatchedFiles for a site-wide finding, didChange clearing a diagnostic,
//! shutdown and exit.

#![allow(clippy::needless_pass_by_value)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

/// Fails a hung server instead of blocking the test run.
const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    /// Messages read while waiting for another one.
    backlog: Vec<Value>,
}

impl Client {
    fn start(dir: &std::path::Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_geolint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start geolint lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length header")];
                reader.read_exact(&mut body).expect("message body");
                let msg: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin: Some(stdin),
            rx,
            backlog: Vec::new(),
        }
    }

    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The first message (earlier ones kept aside included) that `want` accepts.
    fn wait_for(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        loop {
            let msg = self
                .rx
                .recv_timeout(WAIT)
                .expect("the server answers in time");
            if want(&msg) {
                return msg;
            }
            self.backlog.push(msg);
        }
    }

    /// The next diagnostics published for `uri` with at least document `version` that `want`
    /// accepts (the workspace is read in the background, so site-wide findings may come in a
    /// later message than the per-file ones).
    fn diagnostics(
        &mut self,
        uri: &str,
        version: i64,
        want: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let msg = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"].as_i64() >= Some(version)
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| want(d))
        });
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed assertion must not leave the server running.
        let _ = self.child.kill();
    }
}

fn file_uri(path: &std::path::Path) -> String {
    let s = path.to_str().expect("utf-8 path");
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = std::fmt::Write::write_fmt(&mut out, format_args!("%{b:02X}"));
        }
    }
    out
}

fn by_rule<'a>(diags: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == rule).collect()
}

const DRAFT: &str = "---\ntitle: \"Wat kost AI voor een café? Een eerlijk overzicht\"\ndescription: \"Wat kost AI voor een café of restaurant? Prijzen per maand, wat erin zit en hoe je de investering terugverdient met slimmere planning.\"\ndate: 2026-02-10\n---\n\nEén 🚀 op de drie cafés gebruikt AI citeturn0search3 voor de planning.\n\nLees ook [de prijzen](prijzen.md).\n";

#[test]
fn lsp_session_over_stdio() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("geolint.toml"), "language = \"nl\"\n").expect("config");
    let path = root.join("concept café.md");
    std::fs::write(&path, DRAFT).expect("draft");
    let uri = file_uri(&path);
    let mut c = Client::start(&root);

    let init = c.request(
        1,
        "initialize",
        json!({
            "processId": null,
            "rootUri": file_uri(&root),
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}},
        }),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.geolint"])
    );
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let diags = c.diagnostics(&uri, 1, |d| !by_rule(d, "link/broken-relative").is_empty());
    let cite = by_rule(&diags, "artifact/citation-token");
    assert_eq!(cite.len(), 1, "{diags:#?}");
    // Line 7 (0-based 6); "Eén 🚀 op de drie cafés gebruikt AI " is 36 UTF-16 units (40 bytes):
    // é counts 1, the rocket 2.
    assert_eq!(
        cite[0]["range"],
        json!({"start": {"line": 6, "character": 36}, "end": {"line": 6, "character": 52}})
    );
    assert_eq!(cite[0]["severity"], 1);
    assert_eq!(cite[0]["source"], "geolint");
    assert!(cite[0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("chat-tool citation marker `citeturn0search3`")));
    // A site-wide finding: prijzen.md does not exist.
    assert_eq!(
        by_rule(&diags, "link/broken-relative").len(),
        1,
        "{diags:#?}"
    );

    let actions = c.request(
        2,
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 6, "character": 40}, "end": {"line": 6, "character": 40}},
            "context": {"diagnostics": []},
        }),
    );
    let list = actions["result"].as_array().expect("actions");
    let quick: Vec<&Value> = list
        .iter()
        .filter(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .collect();
    assert_eq!(quick.len(), 1, "{list:#?}");
    let disable: Vec<&Value> = list
        .iter()
        .filter(|a| a["title"] == "Disable artifact/citation-token for this line")
        .collect();
    assert_eq!(
        disable[0]["edit"]["changes"][&uri],
        json!([{"range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}}, "newText": "<!-- geolint-disable-next-line artifact/citation-token -->\n"}])
    );
    assert_eq!(
        quick[0]["title"],
        "Remove the citation marker (artifact/citation-token)"
    );
    assert_eq!(quick[0]["isPreferred"], true);
    assert_eq!(
        quick[0]["edit"]["changes"][&uri],
        json!([{"range": {"start": {"line": 6, "character": 35}, "end": {"line": 6, "character": 52}}, "newText": ""}])
    );
    let fix_all: Vec<&Value> = list
        .iter()
        .filter(|a| a["kind"] == "source.fixAll.geolint")
        .collect();
    assert_eq!(fix_all.len(), 1);

    let hover = c.request(
        3,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 6, "character": 40}}),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .expect("hover");
    assert!(
        text.starts_with("**artifact/citation-token** (error)"),
        "{text}"
    );
    assert!(text.contains("## What it checks"), "{text}");
    assert!(text.contains("## Fix"), "{text}");

    // The linked page is created on disk: the site-wide finding goes.
    std::fs::write(root.join("prijzen.md"), "# Prijzen\n").expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("prijzen.md")), "type": 1}]}),
    );
    let diags = c.diagnostics(&uri, 1, |d| by_rule(d, "link/broken-relative").is_empty());
    assert_eq!(by_rule(&diags, "artifact/citation-token").len(), 1);

    // The writer deletes the marker (an incremental change): its diagnostic goes.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 6, "character": 35}, "end": {"line": 6, "character": 52}}, "text": ""}],
        }),
    );
    let diags = c.diagnostics(&uri, 2, |_| true);
    assert!(
        by_rule(&diags, "artifact/citation-token").is_empty(),
        "{diags:#?}"
    );

    // Saving publishes again.
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let saved = c.diagnostics(&uri, 2, |_| true);
    assert_eq!(saved, diags);

    let shutdown = c.request(4, "shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    c.notify("exit", Value::Null);
    drop(c.stdin.take());
    let status = c.child.wait().expect("exit");
    assert!(status.success());
}
