//! The HTML report opened in headless Chromium (Debian's `chromium`): it renders the summary and
//! the findings table (its script runs) and makes no network requests. `.ci/run` installs
//! Chromium; elsewhere the test is skipped with a note when Chromium is missing.

#![allow(clippy::unwrap_used)]

#[path = "support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// Open `page` in headless Chromium: (the DOM after scripts ran, URLs the page requested).
fn open(browser: &Path, page: &Path) -> (String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let netlog = dir.path().join("net.json");
    let dom = dir.path().join("dom.html");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Nothing may leave the machine, whatever the browser itself wants to fetch.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdout(std::fs::File::create(&dom).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&netlog).unwrap()).unwrap();
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].clone();
    // Requests the page made have the page as initiator; the browser's own have none.
    let requests = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == start_job && e["params"]["initiator"] != "not an origin")
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_string))
        .collect();
    (std::fs::read_to_string(dom).unwrap(), requests)
}

#[test]
fn html_report_renders_in_chromium_without_network_requests() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing: .ci/run installs it"
        );
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let site = server::start(server::Llms::Valid);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_geolint"))
        .current_dir(dir.path())
        .args(["crawl", &site.base, "--format", "html", "--output"])
        .arg(&report)
        .args([
            "--no-progress",
            "--rate",
            "0",
            "--timeout",
            "1",
            "--max-body",
            "1000000",
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));

    let (dom, requests) = open(&browser, &report);
    assert_eq!(requests, Vec::<String>::new(), "the report loads nothing");
    assert!(
        dom.contains(
            "<section id=\"summary\" class=\"cards\"><div class=\"card \"><b>17</b>pages</div>"
        ),
        "{dom}"
    );
    assert!(dom.contains("AI crawler access (robots.txt)"));
    let rows = dom.matches("<tr data-sev=").count();
    assert!(rows > 30, "{rows} finding rows");
    // The script ran: it counted the rows it can filter.
    assert!(
        dom.contains(&format!(
            "<span id=\"count\">{rows} of {rows} findings shown</span>"
        )),
        "{dom}"
    );
    assert!(dom.contains("data-rule=\"crawl/broken-link\""));

    // `check` writes the same report for files.
    let checked = dir.path().join("check.html");
    Command::new(env!("CARGO_BIN_EXE_geolint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "fixtures/site", "--format", "html", "--output"])
        .arg(&checked)
        .status()
        .unwrap();
    let (dom, requests) = open(&browser, &checked);
    assert!(requests.is_empty(), "{requests:?}");
    assert!(
        dom.contains("files</div>") && dom.contains("findings shown</span>"),
        "{dom}"
    );

    // The request check itself works: a page that loads an image is caught.
    let control = dir.path().join("control.html");
    std::fs::write(&control, "<img src=\"http://127.0.0.1:9/x.png\">").unwrap();
    let (_, requests) = open(&browser, &control);
    assert_eq!(requests, ["http://127.0.0.1:9/x.png"]);
}
