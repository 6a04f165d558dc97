//! A generated site on 127.0.0.1 for the crawl benchmark (`scripts/bench-crawl.sh`): N Dutch
//! article pages of about 9 KB, each linking to 20 others, plus robots.txt and a sitemap.
//! Prints its base URL on the first line of stdout, then serves until killed.
//!
//! `cargo run --release --example crawl_bench_site -- 2000`

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

fn page(i: usize, n: usize) -> String {
    let mut links = String::new();
    for k in 1..=20 {
        let j = (i * 7 + k * 13) % n;
        let _ = write!(
            links,
            "<li><a href=\"/artikel/{j}/\">Artikel {j} over AI</a></li>"
        );
    }
    let para = "Een AI-training helpt teams in het mkb om sneller te werken met assistenten, \
        met eigen voorbeelden uit de praktijk en duidelijke afspraken over privacy en kosten. ";
    let mut body = String::new();
    for p in 0..12 {
        let _ = write!(body, "<h2>Onderdeel {p}</h2><p>{}</p>", para.repeat(3));
    }
    format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">\
         <title>Artikel {i}: AI-training voor mkb-teams in de praktijk</title>\
         <meta name=\"description\" content=\"Artikel {i} over AI-trainingen voor teams in het mkb: wat het kost, wat het oplevert en hoe u begint met eigen voorbeelden.\">\
         <link rel=\"canonical\" href=\"/artikel/{i}/\"></head><body>\
         <nav><ul>{links}</ul></nav><main><h1>Artikel {i}</h1>{body}</main></body></html>"
    )
}

fn serve(stream: TcpStream, n: usize, base: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    out.set_nodelay(true).ok();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            if h.trim().is_empty() {
                break;
            }
        }
        let (status, ctype, body) = if path == "/robots.txt" {
            (
                200,
                "text/plain",
                format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"),
            )
        } else if path == "/sitemap.xml" {
            let mut s =
                String::from("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
            for i in 0..n {
                let _ = write!(s, "<url><loc>{base}/artikel/{i}/</loc></url>");
            }
            s.push_str("</urlset>");
            (200, "application/xml", s)
        } else if path == "/" {
            (200, "text/html", page(0, n))
        } else if let Some(i) = path
            .strip_prefix("/artikel/")
            .and_then(|r| r.strip_suffix('/'))
            .and_then(|r| r.parse::<usize>().ok())
            .filter(|i| *i < n)
        {
            (200, "text/html; charset=utf-8", page(i, n))
        } else {
            (404, "text/html", "<title>Niet gevonden</title>".to_string())
        };
        // One write per response: a head and a body in two small writes would wait for the
        // client's delayed ACK (Nagle).
        let reply = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        if out.write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = Arc::new(format!("http://{}", listener.local_addr().unwrap()));
    println!("{base}");
    std::io::stdout().flush().unwrap();
    for stream in listener.incoming().flatten() {
        let base = Arc::clone(&base);
        std::thread::spawn(move || serve(stream, n, &base));
    }
}
