//! A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) serving `fixtures/crawl/` plus the
//! special routes the crawl tests need: redirects (a chain and a loop), 404/500, a page slower
//! than the time-out, an oversized page, non-HTML files, a gzip sitemap, a gzip-encoded page.
//! Keep-alive connections, one thread per connection. Every request is logged with its time.

#![allow(dead_code, clippy::unwrap_used, clippy::pedantic)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Which llms.txt the server publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Llms {
    Valid,
    Invalid,
    Missing,
}

/// A running server.
pub struct Server {
    pub base: String,
    pub log: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl Server {
    /// Paths requested so far, in order.
    pub fn paths(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
}

impl Reply {
    fn new(status: u16, ctype: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), ctype.into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    fn redirect(status: u16, to: &str) -> Self {
        let mut r = Self::new(status, "text/html", "moved");
        r.headers.push(("Location".into(), to.into()));
        r
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/crawl")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn file(path: &str, base: &str) -> Option<Vec<u8>> {
    let rel = path.trim_start_matches('/');
    let mut p = root().join(rel);
    if path.ends_with('/') {
        p = p.join("index.html");
    }
    if !p.starts_with(root()) || !p.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(p).ok()?;
    let host = base.trim_start_matches("http://");
    Some(
        text.replace("{{base}}", base)
            .replace("{{host}}", host)
            .into_bytes(),
    )
}

fn ctype(path: &str) -> &'static str {
    if path.ends_with(".xml") {
        "application/xml"
    } else if path.ends_with(".txt") {
        "text/plain; charset=utf-8"
    } else {
        "text/html; charset=utf-8"
    }
}

fn route(path: &str, base: &str, llms: Llms, accepts_gzip: bool) -> Reply {
    match path {
        "/contact" => Reply::redirect(301, "/contact/"),
        "/oud-1" => Reply::redirect(301, "/oud-2"),
        "/oud-2" => Reply::redirect(302, &format!("{base}/diensten/")),
        "/lus-a" => Reply::redirect(301, "/lus-b"),
        "/lus-b" => Reply::redirect(301, "/lus-a"),
        "/kapot/" => Reply::new(500, "text/html", "<h1>Internal Server Error</h1>"),
        "/traag/" => {
            let mut r = Reply::new(200, "text/html", "<title>traag</title>");
            r.delay = Duration::from_millis(1500);
            r
        }
        "/langzaam/" => {
            let mut r = Reply::new(200, "text/html; charset=utf-8", file(path, base).unwrap());
            r.delay = Duration::from_millis(300);
            r
        }
        "/groot/" => {
            let mut body = String::from("<!DOCTYPE html><title>Groot</title><p>");
            while body.len() < 1_500_000 {
                body.push_str("Heel veel tekst over AI-trainingen. ");
            }
            Reply::new(200, "text/html", body)
        }
        "/brochure.pdf" => Reply::new(
            200,
            "application/pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec(),
        ),
        "/logo.png" => Reply::new(200, "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        "/sitemap-pages.xml.gz" => Reply::new(
            200,
            "application/gzip",
            gzip(&file("/sitemap-pages.xml", base).unwrap()),
        ),
        "/llms.txt" => match llms {
            Llms::Valid => Reply::new(200, "text/plain", file("/llms.txt", base).unwrap()),
            Llms::Invalid => {
                Reply::new(200, "text/plain", file("/llms-invalid.txt", base).unwrap())
            }
            Llms::Missing => Reply::new(404, "text/html", "not found"),
        },
        "/llms-invalid.txt" | "/sitemap-pages.xml" => Reply::new(404, "text/html", "not found"),
        "/diensten/" if accepts_gzip => {
            let mut r = Reply::new(
                200,
                "text/html; charset=utf-8",
                gzip(&file(path, base).unwrap()),
            );
            r.headers.push(("Content-Encoding".into(), "gzip".into()));
            r
        }
        _ => match file(path, base) {
            Some(body) => Reply::new(200, ctype(path), body),
            None => Reply::new(404, "text/html", "<title>404 Not Found</title>"),
        },
    }
}

fn serve(stream: TcpStream, base: String, llms: Llms, log: Arc<Mutex<Vec<(String, Instant)>>>) {
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    out.set_nodelay(true).ok();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut accepts_gzip = false;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            if h.trim().is_empty() {
                break;
            }
            let lower = h.to_ascii_lowercase();
            if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
                accepts_gzip = true;
            }
        }
        log.lock().unwrap().push((path.clone(), Instant::now()));
        let reply = route(&path, &base, llms, accepts_gzip);
        std::thread::sleep(reply.delay);
        let mut head = format!(
            "HTTP/1.1 {} X\r\nContent-Length: {}\r\n",
            reply.status,
            reply.body.len()
        );
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        // One write per response (two small writes would wait for a delayed ACK).
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&reply.body);
        if out.write_all(&bytes).is_err() {
            return;
        }
    }
}

/// Start a server on 127.0.0.1 with an ephemeral port.
pub fn start(llms: Llms) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let (b, l) = (base.clone(), Arc::clone(&log));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (b, l) = (b.clone(), Arc::clone(&l));
            std::thread::spawn(move || serve(stream, b, llms, l));
        }
    });
    Server { base, log }
}
