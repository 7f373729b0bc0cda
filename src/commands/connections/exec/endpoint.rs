//! The token endpoint: a small HTTP server on 127.0.0.1 that serves the
//! child fresh tokens for as long as it runs.
//!
//! `GET /<app>/<name>` (or `/<app>/<name>/<field>` for one of several
//! secrets) with `Authorization: Bearer <FOURGENT_TOKEN_AUTH>` answers
//! `{"token", "expires_at", "expires_in"}`. Only the connections given to
//! `exec` are served; anything else, and a missing or wrong bearer, is 403.
//! Requests are read with a timeout and a size limit, one thread each (a
//! bounded number at once), and answered with `Connection: close`.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::Scope;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::tokens::{Failure, Shared, Source};
use crate::secrets::ExposeSecret;

/// The longest request head read.
const MAX_HEAD: usize = 8 * 1024;
/// How long a client may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Requests served at once; more are answered 503 at once.
const MAX_ACTIVE: usize = 32;

pub(crate) struct Endpoint {
    listener: TcpListener,
    addr: SocketAddr,
    bearer: String,
    stop: AtomicBool,
    active: AtomicUsize,
}

impl Endpoint {
    /// Binds a free port on 127.0.0.1 and draws a new bearer token.
    pub(crate) fn bind() -> std::io::Result<Endpoint> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        let bearer = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Endpoint {
            listener,
            addr,
            bearer,
            stop: AtomicBool::new(false),
            active: AtomicUsize::new(0),
        })
    }

    /// `FOURGENT_TOKEN_URL`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `FOURGENT_TOKEN_AUTH`.
    pub(crate) fn bearer(&self) -> &str {
        &self.bearer
    }

    /// Answers requests until [`Endpoint::stop`].
    pub(crate) fn serve<'scope, 'env>(
        &'env self,
        scope: &'scope Scope<'scope, 'env>,
        sources: &'env [Source<'env>],
        shared: &'env Shared<'env>,
    ) {
        for stream in self.listener.incoming() {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            let Ok(stream) = stream else {
                // Out of descriptors or similar: wait a little, go on.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            };
            if self.active.fetch_add(1, Ordering::SeqCst) >= MAX_ACTIVE {
                self.active.fetch_sub(1, Ordering::SeqCst);
                let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
                respond(stream, 503, &json!({"error": "too many requests at once"}));
                continue;
            }
            let spawned = std::thread::Builder::new()
                .name("token-endpoint".into())
                .spawn_scoped(scope, move || {
                    self.handle(stream, sources, shared);
                    self.active.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.active.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Ends [`Endpoint::serve`]; requests being answered are finished.
    pub(crate) fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }

    fn handle(&self, mut stream: TcpStream, sources: &[Source<'_>], shared: &Shared<'_>) {
        let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
        let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
        let Some(head) = read_head(&mut stream) else {
            return respond(stream, 400, &json!({"error": "bad request"}));
        };
        let (status, body) = self.answer(&head, sources, shared);
        respond(stream, status, &body);
    }

    /// The status and JSON body for one request head.
    fn answer(
        &self,
        head: &str,
        sources: &[Source<'_>],
        shared: &Shared<'_>,
    ) -> (u16, serde_json::Value) {
        let Some(req) = Request::parse(head) else {
            return (400, json!({"error": "bad request"}));
        };
        if req.method != "GET" {
            return (405, json!({"error": "only GET is served"}));
        }
        if let Some(host) = req.host
            && !host_is_ours(host, self.addr.port())
        {
            return (403, json!({"error": "forbidden"}));
        }
        let authorized = req
            .bearer
            .is_some_and(|b| constant_time_eq(b.as_bytes(), self.bearer.as_bytes()));
        if !authorized {
            return (403, json!({"error": "forbidden"}));
        }
        let Some((app, name, field)) = req.target() else {
            return (403, json!({"error": "forbidden"}));
        };
        let Some(source) = sources
            .iter()
            .find(|s| s.conn.app == app && s.conn.name == name)
        else {
            return (403, json!({"error": "forbidden"}));
        };
        match source.get(shared, field.as_deref()) {
            Ok(served) => {
                let expires_in = served.expires_at.map(|t| {
                    t.duration_since(Timestamp::now())
                        .max(SignedDuration::ZERO)
                        .as_secs()
                });
                (
                    200,
                    json!({
                        "token": served.secret.expose_secret(),
                        "expires_at": served.expires_at,
                        "expires_in": expires_in,
                    }),
                )
            }
            Err(Failure::NoSuchSecret) => (
                404,
                json!({"error": format!("{} has no such secret", source.conn.label())}),
            ),
            Err(Failure::WhichSecret) => (
                404,
                json!({"error": format!(
                    "{} has several secrets: ask for /{}/{}/<field>",
                    source.conn.label(), source.conn.app, source.conn.name
                )}),
            ),
            Err(Failure::Refresh(reason)) => (503, json!({ "error": reason })),
        }
    }
}

/// Reads up to the blank line that ends the head of an HTTP request.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find_end(&buf) {
            buf.truncate(end);
            return String::from_utf8(buf).ok();
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
    }
}

fn find_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| buf.windows(2).position(|w| w == b"\n\n"))
}

fn respond(mut stream: TcpStream, status: u16, body: &serde_json::Value) {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let body = format!("{body}\n");
    let text = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncache-control: no-store\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(text.as_bytes());
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

#[derive(Debug, PartialEq)]
struct Request<'a> {
    method: &'a str,
    path: &'a str,
    host: Option<&'a str>,
    bearer: Option<&'a str>,
}

impl<'a> Request<'a> {
    fn parse(head: &'a str) -> Option<Request<'a>> {
        let mut lines = head.lines();
        let mut first = lines.next()?.split(' ');
        let (method, path, version) = (first.next()?, first.next()?, first.next()?);
        if first.next().is_some() || !version.starts_with("HTTP/1.") || !path.starts_with('/') {
            return None;
        }
        let mut host = None;
        let mut bearer = None;
        for line in lines {
            let (name, value) = line.split_once(':')?;
            let value = value.trim();
            if name.eq_ignore_ascii_case("host") {
                host = Some(value);
            } else if name.eq_ignore_ascii_case("authorization") {
                let (scheme, token) = value.split_once(' ')?;
                if scheme.eq_ignore_ascii_case("bearer") {
                    bearer = Some(token.trim());
                }
            }
        }
        Some(Request {
            method,
            path,
            host,
            bearer,
        })
    }

    /// `/<app>/<name>[/<field>]`, percent-decoded.
    fn target(&self) -> Option<(String, String, Option<String>)> {
        let path = self.path.split(['?', '#']).next()?;
        let parts: Vec<String> = path
            .strip_prefix('/')?
            .split('/')
            .map(percent_decode)
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [app, name] => Some((app.clone(), name.clone(), None)),
            [app, name, field] if !field.is_empty() => {
                Some((app.clone(), name.clone(), Some(field.clone())))
            }
            _ => None,
        }
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A request from a page that reached the port through DNS rebinding
/// names another host: refused even before the bearer is checked.
fn host_is_ours(host: &str, port: u16) -> bool {
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_parsed_strictly() {
        let req = Request::parse(
            "GET /hubspot/prod HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nAuthorization: Bearer abc\r\n",
        )
        .unwrap();
        assert_eq!(req.method, "GET");
        assert_eq!(req.host, Some("127.0.0.1:4000"));
        assert_eq!(req.bearer, Some("abc"));
        assert_eq!(req.target(), Some(("hubspot".into(), "prod".into(), None)));
        let req = Request::parse("GET /acme/a%40b/api_key?x=1 HTTP/1.0\n").unwrap();
        assert_eq!(
            req.target(),
            Some(("acme".into(), "a@b".into(), Some("api_key".into())))
        );
        assert_eq!(req.bearer, None);
        for bad in [
            "GET /x HTTP/1.1 extra",
            "GET x HTTP/1.1",
            "GET /x SPDY/3",
            "GET /x HTTP/1.1\r\nno colon here",
        ] {
            assert!(Request::parse(bad).is_none(), "{bad}");
        }
        for path in ["/", "/a", "/a/b/c/d", "/a/b/", "/a/%zz"] {
            let head = format!("GET {path} HTTP/1.1");
            assert!(Request::parse(&head).unwrap().target().is_none(), "{path}");
        }
    }

    #[test]
    fn only_our_host_and_the_exact_bearer_pass() {
        assert!(host_is_ours("127.0.0.1:4000", 4000));
        assert!(host_is_ours("localhost:4000", 4000));
        assert!(!host_is_ours("evil.example:4000", 4000));
        assert!(!host_is_ours("127.0.0.1:4001", 4000));
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }

    #[test]
    fn the_head_ends_at_the_blank_line() {
        assert_eq!(find_end(b"GET / HTTP/1.1\r\nA: b\r\n\r\nbody"), Some(20));
        assert_eq!(find_end(b"GET / HTTP/1.1\nA: b\n\n"), Some(19));
        assert_eq!(find_end(b"GET / HTTP/1.1\r\n"), None);
    }
}
