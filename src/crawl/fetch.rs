//! The HTTP client: `ureq` with rustls, gzip and brotli; redirects followed by hand so that
//! every hop is recorded; a time-out, a body-size cap and a per-host rate limit.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use url::Url;

/// The User-Agent geolint sends; robots.txt groups for `geolint` apply to it.
pub const USER_AGENT: &str = concat!(
    "geolint/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/geolint/geolint)"
);

/// The product token robots.txt groups are matched against.
pub const ROBOTS_TOKEN: &str = "geolint";

/// One redirect: the URL that answered with a 3xx and its status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub url: String,
    pub status: u16,
}

/// Why a fetch gave no response.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("no response within {0} ms")]
    Timeout(u64),
    #[error("body is over the {0} byte limit")]
    TooLarge(u64),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("redirect loop back to {0}")]
    RedirectLoop(String),
    #[error("redirect without a valid Location header")]
    BadRedirect,
    #[error("{0}")]
    Connection(String),
    #[error("stopped")]
    Stopped,
}

/// What a GET returned after following redirects.
#[derive(Clone, Debug)]
pub struct Response {
    /// The URL asked for.
    pub url: String,
    /// The URL that answered last (after redirects).
    pub final_url: String,
    /// Final status, `None` when there was no final response (see `error`).
    pub status: Option<u16>,
    pub redirects: Vec<Hop>,
    /// The media type, lowercased, without parameters.
    pub content_type: Option<String>,
    /// The `charset` parameter of the Content-Type header.
    pub charset: Option<String>,
    /// `X-Robots-Tag` header.
    pub x_robots: Option<String>,
    /// The body, when asked for and the answer was not a redirect.
    pub body: Option<Vec<u8>>,
    /// Time on the network for all hops (rate-limit waits not included).
    pub elapsed: Duration,
    pub error: Option<FetchError>,
}

/// Client settings.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    pub timeout: Duration,
    pub max_body: u64,
    pub max_redirects: u32,
    /// Requests per second per host; 0 for no limit.
    pub rate: f64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_body: 5 * 1024 * 1024,
            max_redirects: 10,
            rate: 10.0,
        }
    }
}

/// A shareable client with a per-host rate limiter.
#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
    /// Per host: the earliest time the next request may start, and the interval.
    slots: Arc<Mutex<HashMap<String, (Instant, Duration)>>>,
    stop: Arc<AtomicBool>,
}

impl Fetcher {
    #[must_use]
    pub fn new(opts: FetchOptions, stop: Arc<AtomicBool>) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .timeout_global(Some(opts.timeout))
            .max_idle_connections(256)
            .max_idle_connections_per_host(256)
            .build()
            .into();
        Self {
            agent,
            opts,
            slots: Arc::new(Mutex::new(HashMap::new())),
            stop,
        }
    }

    /// Set the interval between requests to `host` to at least `delay` (robots.txt
    /// Crawl-delay).
    pub fn set_min_interval(&self, host: &str, delay: Duration) {
        if let Ok(mut slots) = self.slots.lock() {
            let e = slots
                .entry(host.to_string())
                .or_insert((Instant::now(), Duration::ZERO));
            e.1 = e.1.max(delay);
        }
    }

    fn interval(&self) -> Duration {
        if self.opts.rate > 0.0 {
            Duration::from_secs_f64(1.0 / self.opts.rate)
        } else {
            Duration::ZERO
        }
    }

    /// Wait for this host's next slot. Returns false when the crawl was stopped meanwhile.
    fn wait_turn(&self, url: &Url) -> bool {
        let host = url.host_str().unwrap_or("").to_string();
        let at = {
            let Ok(mut slots) = self.slots.lock() else {
                return true;
            };
            let base = self.interval();
            let now = Instant::now();
            let e = slots.entry(host).or_insert((now, Duration::ZERO));
            let at = e.0.max(now);
            e.0 = at + e.1.max(base);
            at
        };
        while Instant::now() < at {
            if self.stop.load(Ordering::Relaxed) {
                return false;
            }
            let left = at.saturating_duration_since(Instant::now());
            std::thread::sleep(left.min(Duration::from_millis(100)));
        }
        !self.stop.load(Ordering::Relaxed)
    }

    /// GET `url`, following redirects. The body is read (up to `cap` bytes, or the configured
    /// cap) when `want_body` says yes to the content type, and after a redirect only when
    /// `follow` is set (a crawl fetches the redirect target as a page of its own).
    pub fn get(
        &self,
        url: &Url,
        cap: Option<u64>,
        follow: bool,
        want_body: impl Fn(Option<&str>) -> bool,
    ) -> Response {
        // Time spent on the network (waiting for a rate-limit slot does not count).
        let mut busy = Duration::ZERO;
        let mut resp = Response {
            url: url.to_string(),
            final_url: url.to_string(),
            status: None,
            redirects: Vec::new(),
            content_type: None,
            charset: None,
            x_robots: None,
            body: None,
            elapsed: Duration::ZERO,
            error: None,
        };
        let mut current = url.clone();
        loop {
            if !self.wait_turn(&current) {
                resp.error = Some(FetchError::Stopped);
                break;
            }
            let sent = Instant::now();
            let result = self.agent.get(current.as_str()).call();
            busy += sent.elapsed();
            let mut r = match result {
                Ok(r) => r,
                Err(e) => {
                    resp.error = Some(self.map_error(&e));
                    break;
                }
            };
            let status = r.status().as_u16();
            let header = |name: &str| {
                r.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            if (300..400).contains(&status) && status != 304 {
                let next = header("location").and_then(|l| current.join(l.trim()).ok());
                resp.redirects.push(Hop {
                    url: current.to_string(),
                    status,
                });
                let Some(mut next) = next else {
                    resp.status = Some(status);
                    resp.error = Some(FetchError::BadRedirect);
                    break;
                };
                next.set_fragment(None);
                if next == *url || resp.redirects.iter().any(|h| h.url == next.as_str()) {
                    resp.final_url = next.to_string();
                    resp.error = Some(FetchError::RedirectLoop(next.to_string()));
                    break;
                }
                if resp.redirects.len() > self.opts.max_redirects as usize {
                    resp.final_url = next.to_string();
                    resp.error = Some(FetchError::TooManyRedirects(self.opts.max_redirects));
                    break;
                }
                current = next;
                resp.final_url = current.to_string();
                continue;
            }
            resp.status = Some(status);
            resp.content_type = header("content-type").map(|c| {
                c.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
            resp.charset = header("content-type").and_then(|c| {
                c.split(';').skip(1).find_map(|p| {
                    let (k, v) = p.split_once('=')?;
                    k.trim()
                        .eq_ignore_ascii_case("charset")
                        .then(|| v.trim().trim_matches('"').to_string())
                })
            });
            resp.x_robots = header("x-robots-tag");
            if (follow || resp.redirects.is_empty()) && want_body(resp.content_type.as_deref()) {
                let reading = Instant::now();
                let body = r
                    .body_mut()
                    .with_config()
                    .limit(cap.unwrap_or(self.opts.max_body))
                    .read_to_vec();
                busy += reading.elapsed();
                match body {
                    Ok(b) => resp.body = Some(b),
                    Err(e) => resp.error = Some(self.map_error(&e)),
                }
            }
            break;
        }
        resp.elapsed = busy;
        resp
    }

    fn map_error(&self, e: &ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(
                u64::try_from(self.opts.timeout.as_millis()).unwrap_or(u64::MAX),
            ),
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(*n),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(u64::try_from(self.opts.timeout.as_millis()).unwrap_or(0))
            }
            ureq::Error::HostNotFound => FetchError::Connection("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Connection("connection failed".into()),
            other => FetchError::Connection(other.to_string()),
        }
    }
}

/// Decode an HTML body to text: the charset of the Content-Type header, else a BOM, else a
/// `<meta charset>` (or `http-equiv`) in the first 1024 bytes, else UTF-8. Bytes that are not
/// valid in the encoding become U+FFFD.
#[must_use]
pub fn decode_html(body: &[u8], header_charset: Option<&str>) -> String {
    let from_header = header_charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let encoding = from_header
        .or_else(|| encoding_rs::Encoding::for_bom(body).map(|(e, _)| e))
        .or_else(|| meta_charset(body.get(..1024).unwrap_or(body)))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(body);
    text.into_owned()
}

/// The charset a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` names.
fn meta_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = lower.get(at + "charset=".len()..)?;
    let label: String = rest
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard's rule).
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            encoding
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_legacy_and_default_charsets() {
        // "café" in windows-1252.
        let latin = b"<title>caf\xe9</title>";
        assert_eq!(
            decode_html(latin, Some("ISO-8859-1")),
            "<title>café</title>"
        );
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\xe9\xeb</p>";
        assert!(decode_html(meta, None).ends_with("<p>éë</p>"));
        assert_eq!(decode_html("<p>één</p>".as_bytes(), None), "<p>één</p>");
        assert_eq!(
            decode_html(b"<p>\xff</p>", Some("utf-8")),
            "<p>\u{fffd}</p>"
        );
        assert_eq!(
            decode_html(b"<meta charset=\"utf-16\"><p>x</p>", None),
            "<meta charset=\"utf-16\"><p>x</p>"
        );
    }
}
