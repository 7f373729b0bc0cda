//! The loopback listener that catches the authorization redirect.
//!
//! It binds loopback addresses only, answers stray requests (another path,
//! no `code`, a wrong `state`, an `iss` from another issuer) with a short
//! error page and keeps waiting, ends the flow on the app's `error=…` (with
//! the right `state`), accepts exactly one valid callback, and then stops
//! listening.
//!
//! For `localhost` redirects it listens on 127.0.0.1 and ::1 on one port, so
//! no other program can sit on the family the browser picks.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use crate::catalog::RedirectHost;
use crate::sanitize::sanitize;

/// The largest request head we read; anything longer is refused.
const MAX_REQUEST: usize = 16 * 1024;
/// How long one client may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// What a callback (or a pasted address) said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A valid callback: the code and every query parameter.
    Code {
        code: String,
        params: BTreeMap<String, String>,
    },
    /// The app refused: `error` and `error_description`, made safe to print.
    Denied {
        error: String,
        description: Option<String>,
    },
    /// Not ours (no or wrong `state`, no `code`): ignore and keep waiting.
    Stray(&'static str),
}

/// Judges a callback's query parameters against the expected `state` and,
/// when the app's issuer is known, the `iss` parameter (RFC 9207): a response
/// that names another issuer is someone else's, even with our `state`.
pub fn judge(
    params: BTreeMap<String, String>,
    expected_state: &str,
    expected_issuer: Option<&str>,
) -> Verdict {
    match params.get("state") {
        Some(s) if constant_time_eq(s.as_bytes(), expected_state.as_bytes()) => {}
        Some(_) => return Verdict::Stray("the state does not match the authorization in progress"),
        None => return Verdict::Stray("the request has no state"),
    }
    if let (Some(iss), Some(expected)) = (params.get("iss"), expected_issuer)
        && iss != expected
    {
        return Verdict::Stray("the issuer (iss) is not the app's");
    }
    if let Some(error) = params.get("error") {
        return Verdict::Denied {
            error: sanitize(error, 100),
            description: params.get("error_description").map(|d| sanitize(d, 300)),
        };
    }
    match params.get("code") {
        Some(code) if !code.is_empty() => Verdict::Code {
            code: code.clone(),
            params,
        },
        _ => Verdict::Stray("the request has no code"),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Parses an address (a callback request target or a pasted URL) into its
/// path and query parameters.
pub fn parse_target(target: &str) -> Option<(String, BTreeMap<String, String>)> {
    let url = if target.starts_with('/') {
        url::Url::parse(&format!("http://localhost{target}")).ok()?
    } else {
        url::Url::parse(target.trim()).ok()?
    };
    let params = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    Some((url.path().to_owned(), params))
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("port {port} on {host} is in use")]
    PortInUse { host: &'static str, port: u16 },
    #[error("cannot listen on {host} port {port}")]
    Bind {
        host: &'static str,
        port: u16,
        #[source]
        source: std::io::Error,
    },
}

const V4: &str = "127.0.0.1";
const V6: &str = "[::1]";
/// How many free ports to try for `localhost` before giving up, when ::1 has
/// the port the kernel gave us on 127.0.0.1 already taken.
const FREE_PORT_ATTEMPTS: usize = 8;

pub struct Listener {
    sockets: Vec<TcpListener>,
    port: u16,
    host: RedirectHost,
    issuer: Option<String>,
}

impl Listener {
    /// Binds 127.0.0.1 on `port`, or on a free port when `None`. For
    /// `localhost` it binds ::1 on the same port too: a browser may resolve
    /// `localhost` to either, and a program listening on the other family
    /// would receive the code. A fixed port taken on ::1 is refused; for a
    /// free port another one is tried. Without IPv6 it goes on with 127.0.0.1.
    pub async fn bind(host: RedirectHost, port: Option<u16>) -> Result<Listener, Error> {
        let attempts = match (host, port) {
            (RedirectHost::Localhost, None) => FREE_PORT_ATTEMPTS,
            _ => 1,
        };
        let mut last = None;
        for _ in 0..attempts {
            let v4 = bind_one(
                V4,
                SocketAddr::from((Ipv4Addr::LOCALHOST, port.unwrap_or(0))),
            )
            .await?;
            let port = v4
                .local_addr()
                .map(|a| a.port())
                .map_err(|source| Error::Bind {
                    host: V4,
                    port: port.unwrap_or(0),
                    source,
                })?;
            let mut sockets = vec![v4];
            if host == RedirectHost::Localhost {
                match bind_one(V6, SocketAddr::from((Ipv6Addr::LOCALHOST, port))).await {
                    Ok(v6) => sockets.push(v6),
                    Err(Error::Bind { source, .. }) if no_ipv6(&source) => {}
                    Err(e) => {
                        last = Some(e);
                        continue;
                    }
                }
            }
            return Ok(Listener {
                sockets,
                port,
                host,
                issuer: None,
            });
        }
        Err(last.expect("at least one attempt failed"))
    }

    /// Refuse callbacks whose `iss` is not `issuer` (RFC 9207).
    pub fn expecting_issuer(mut self, issuer: Option<String>) -> Listener {
        self.issuer = issuer;
        self
    }

    #[cfg(test)]
    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn redirect_uri(&self) -> String {
        format!("http://{}:{}/callback", self.host.as_str(), self.port)
    }

    /// Serves requests until one is a valid callback or the app's error for
    /// this `state`; then stops listening. `on_stray` hears about ignored
    /// requests (for `-v`).
    pub async fn wait(self, state: String, on_stray: impl Fn(&str)) -> Verdict {
        let (tx, mut rx) = mpsc::channel::<Verdict>(16);
        let mut accept_tasks = Vec::new();
        for socket in self.sockets {
            let tx = tx.clone();
            let state = state.clone();
            let issuer = self.issuer.clone();
            accept_tasks.push(tokio::spawn(async move {
                let mut backoff = Backoff::new();
                loop {
                    let stream = match socket.accept().await {
                        Ok((stream, _)) => {
                            backoff.reset();
                            stream
                        }
                        // Out of file descriptors and the like: the socket stays
                        // readable, so retrying at once would spin.
                        Err(_) => {
                            tokio::time::sleep(backoff.next_delay()).await;
                            continue;
                        }
                    };
                    let tx = tx.clone();
                    let state = state.clone();
                    let issuer = issuer.clone();
                    tokio::spawn(async move {
                        if let Some(verdict) = serve(stream, &state, issuer.as_deref()).await {
                            let _ = tx.send(verdict).await;
                        }
                    });
                }
            }));
        }
        drop(tx);
        let verdict = loop {
            match rx.recv().await {
                Some(Verdict::Stray(why)) => on_stray(why),
                Some(v) => break v,
                None => break Verdict::Stray("the listener stopped"),
            }
        };
        // Stop listening: the sockets close with their tasks.
        for task in accept_tasks {
            task.abort();
        }
        verdict
    }
}

async fn bind_one(host: &'static str, addr: SocketAddr) -> Result<TcpListener, Error> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => Error::PortInUse {
                host,
                port: addr.port(),
            },
            _ => Error::Bind {
                host,
                port: addr.port(),
                source,
            },
        })
}

/// Whether binding ::1 failed because this machine has no IPv6 loopback (so
/// no other program can listen there either).
fn no_ipv6(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::EAFNOSUPPORT) {
        return true;
    }
    e.kind() == std::io::ErrorKind::AddrNotAvailable
}

/// The wait between failed `accept` calls: 10 ms, doubling up to 1 s, and
/// back to 10 ms after a success.
#[derive(Debug)]
struct Backoff {
    next: Duration,
}

impl Backoff {
    const FIRST: Duration = Duration::from_millis(10);
    const MAX: Duration = Duration::from_secs(1);

    fn new() -> Backoff {
        Backoff { next: Self::FIRST }
    }

    fn next_delay(&mut self) -> Duration {
        let now = self.next;
        self.next = (self.next * 2).min(Self::MAX);
        now
    }

    fn reset(&mut self) {
        self.next = Self::FIRST;
    }
}

/// Reads one request, answers it, and returns what it meant (a stray
/// request's verdict too, so the waiter can log it).
async fn serve(mut stream: TcpStream, state: &str, issuer: Option<&str>) -> Option<Verdict> {
    let head = match tokio::time::timeout(READ_TIMEOUT, read_head(&mut stream)).await {
        Ok(Ok(head)) => head,
        Ok(Err(HeadError::TooLarge)) => {
            respond(
                &mut stream,
                431,
                "Request too large",
                "This request is too large.",
            )
            .await;
            return Some(Verdict::Stray("a request was too large"));
        }
        _ => return Some(Verdict::Stray("a client sent no complete request in time")),
    };
    let mut parts = head.lines().next().unwrap_or_default().split(' ');
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let Some((path, params)) = parse_target(target).filter(|_| method == "GET") else {
        respond(
            &mut stream,
            400,
            "Bad request",
            "fourgent is waiting for an authorization callback here.",
        )
        .await;
        return Some(Verdict::Stray(
            "a request was not a GET with a valid target",
        ));
    };
    if path != "/callback" {
        respond(
            &mut stream,
            404,
            "Not found",
            "fourgent is waiting for an authorization callback at /callback.",
        )
        .await;
        return Some(Verdict::Stray("a request was for another path"));
    }
    let verdict = judge(params, state, issuer);
    match &verdict {
        Verdict::Code { .. } => {
            respond(&mut stream, 200, "Authorized", "fourgent received the authorization. You can close this tab and return to the terminal.").await;
        }
        Verdict::Denied { error, .. } => {
            let text = format!(
                "The app did not grant access ({}). You can close this tab; fourgent shows the details in the terminal.",
                html_escape(error)
            );
            respond(&mut stream, 200, "Not authorized", &text).await;
        }
        Verdict::Stray(why) => {
            respond(
                &mut stream,
                400,
                "Not accepted",
                &format!("This request was not accepted: {why}."),
            )
            .await;
        }
    }
    Some(verdict)
}

enum HeadError {
    TooLarge,
    Io,
}

async fn read_head(stream: &mut TcpStream) -> Result<String, HeadError> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream.read(&mut chunk).await.map_err(|_| HeadError::Io)?;
        if n == 0 {
            return Err(HeadError::Io);
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            buf.truncate(end);
            return String::from_utf8(buf).map_err(|_| HeadError::Io);
        }
        if buf.len() > MAX_REQUEST {
            return Err(HeadError::TooLarge);
        }
    }
}

async fn respond(stream: &mut TcpStream, status: u16, title: &str, text: &str) {
    let body = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>fourgent: {title}</title></head>\
         <body style=\"font-family: sans-serif; margin: 3em\"><h1>{title}</h1><p>{text}</p></body></html>"
    );
    let reply = format!(
        "HTTP/1.1 {status} {title}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\
         cache-control: no-store\r\nreferrer-policy: no-referrer\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn judge_accepts_only_the_right_state_with_a_code() {
        assert!(matches!(
            judge(params(&[("code", "c"), ("state", "s")]), "s", None),
            Verdict::Code { .. }
        ));
        assert!(matches!(
            judge(params(&[("code", "c"), ("state", "x")]), "s", None),
            Verdict::Stray(_)
        ));
        assert!(matches!(
            judge(params(&[("code", "c")]), "s", None),
            Verdict::Stray(_)
        ));
        assert!(matches!(
            judge(params(&[("state", "s")]), "s", None),
            Verdict::Stray(_)
        ));
        assert!(matches!(
            judge(params(&[("state", "s"), ("code", "")]), "s", None),
            Verdict::Stray(_)
        ));
    }

    #[test]
    fn judge_reports_app_errors_safely() {
        let v = judge(
            params(&[
                ("state", "s"),
                ("error", "access_denied"),
                ("error_description", "no\x1b[2Jway"),
            ]),
            "s",
            None,
        );
        assert_eq!(
            v,
            Verdict::Denied {
                error: "access_denied".into(),
                description: Some("no\\u{1b}[2Jway".into())
            }
        );
        // An error without our state is someone else's: ignored.
        assert!(matches!(
            judge(params(&[("error", "access_denied")]), "s", None),
            Verdict::Stray(_)
        ));
    }

    #[test]
    fn judge_refuses_another_issuer_when_the_apps_is_known() {
        let ours = Some("https://idp.example");
        let with_iss = |iss: &str| params(&[("code", "c"), ("state", "s"), ("iss", iss)]);
        assert!(matches!(
            judge(with_iss("https://idp.example"), "s", ours),
            Verdict::Code { .. }
        ));
        for other in ["https://evil.example", "https://idp.example/", ""] {
            assert_eq!(
                judge(with_iss(other), "s", ours),
                Verdict::Stray("the issuer (iss) is not the app's"),
                "{other:?}"
            );
        }
        // An error response from another issuer does not end the flow either.
        assert!(matches!(
            judge(
                params(&[
                    ("state", "s"),
                    ("error", "access_denied"),
                    ("iss", "https://evil.example")
                ]),
                "s",
                ours
            ),
            Verdict::Stray(_)
        ));
        // No `iss`, or no known issuer: judged on the state alone.
        assert!(matches!(
            judge(params(&[("code", "c"), ("state", "s")]), "s", ours),
            Verdict::Code { .. }
        ));
        assert!(matches!(
            judge(with_iss("https://anyone.example"), "s", None),
            Verdict::Code { .. }
        ));
        // The state is checked first: a matching issuer does not rescue it.
        assert!(matches!(
            judge(
                params(&[
                    ("code", "c"),
                    ("state", "x"),
                    ("iss", "https://idp.example")
                ]),
                "s",
                ours
            ),
            Verdict::Stray("the state does not match the authorization in progress")
        ));
    }

    #[test]
    fn accept_failures_back_off_from_10_ms_to_1_s() {
        let mut b = Backoff::new();
        let delays: Vec<u64> = (0..10).map(|_| b.next_delay().as_millis() as u64).collect();
        assert_eq!(delays, [10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000]);
        b.reset();
        assert_eq!(b.next_delay(), Duration::from_millis(10));
    }

    #[test]
    fn targets_and_pasted_urls_parse_alike() {
        let (path, p) = parse_target("/callback?code=a%20b&state=s&iss=x").unwrap();
        assert_eq!(path, "/callback");
        assert_eq!(p["code"], "a b");
        let (path, p) = parse_target(" http://127.0.0.1:5555/callback?code=z&state=s \n").unwrap();
        assert_eq!((path.as_str(), p["code"].as_str()), ("/callback", "z"));
        assert!(parse_target("not a url").is_none());
    }

    async fn get(port: u16, target: &str) -> String {
        get_at(V4, port, target).await
    }

    async fn get_at(host: &str, port: u16, target: &str) -> String {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let mut s = TcpStream::connect((host, port)).await.unwrap();
        s.write_all(format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).await.unwrap();
        out
    }

    #[tokio::test]
    async fn listener_ignores_strays_and_accepts_one_valid_callback() {
        let listener = Listener::bind(RedirectHost::Ip, None).await.unwrap();
        let port = listener.port();
        assert!(listener.redirect_uri().starts_with("http://127.0.0.1:"));
        let strays = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = strays.clone();
        let waiter = tokio::spawn(listener.wait("good".into(), move |why| {
            seen.lock().unwrap().push(why.to_owned())
        }));
        assert!(get(port, "/favicon.ico").await.starts_with("HTTP/1.1 404"));
        assert!(
            get(port, "/callback?code=c&state=bad")
                .await
                .starts_with("HTTP/1.1 400")
        );
        assert!(
            get(port, "/callback?state=good")
                .await
                .starts_with("HTTP/1.1 400")
        );
        let ok = get(port, "/callback?code=the-code&state=good&iss=x").await;
        assert!(
            ok.starts_with("HTTP/1.1 200") && ok.contains("close this tab"),
            "{ok}"
        );
        let verdict = waiter.await.unwrap();
        assert!(
            matches!(&verdict, Verdict::Code { code, params } if code == "the-code" && params["iss"] == "x")
        );
        assert_eq!(strays.lock().unwrap().len(), 3);
        // It stopped listening.
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err());
    }

    #[tokio::test]
    async fn listener_ends_on_the_apps_error_and_survives_bad_clients() {
        let listener = Listener::bind(RedirectHost::Ip, None).await.unwrap();
        let port = listener.port();
        let waiter = tokio::spawn(listener.wait("s".into(), |_| {}));
        // An oversized request and a client that sends nothing.
        let mut big = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let _ = big
            .write_all(format!("GET /callback?x={} HTTP/1.1\r\n", "a".repeat(40_000)).as_bytes())
            .await;
        let _idle = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let page = get(
            port,
            "/callback?state=s&error=access_denied&error_description=User%20said%20no",
        )
        .await;
        assert!(page.contains("did not grant access"), "{page}");
        assert_eq!(
            waiter.await.unwrap(),
            Verdict::Denied {
                error: "access_denied".into(),
                description: Some("User said no".into())
            }
        );
    }

    #[tokio::test]
    async fn a_taken_port_is_reported() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let err = Listener::bind(RedirectHost::Ip, Some(port))
            .await
            .err()
            .unwrap();
        assert!(matches!(err, Error::PortInUse { port: p, .. } if p == port));
    }

    #[tokio::test]
    async fn localhost_listens_on_both_families_on_one_port() {
        let listener = Listener::bind(RedirectHost::Localhost, None).await.unwrap();
        let port = listener.port();
        assert_eq!(
            listener.redirect_uri(),
            format!("http://localhost:{port}/callback")
        );
        let waiter = tokio::spawn(listener.wait("s".into(), |_| {}));
        // A stray over ::1 is served (and ignored); the callback over
        // 127.0.0.1 ends the wait.
        assert!(
            get_at(V6, port, "/favicon.ico")
                .await
                .starts_with("HTTP/1.1 404")
        );
        assert!(
            get_at(V4, port, "/callback?code=c&state=s")
                .await
                .starts_with("HTTP/1.1 200")
        );
        assert!(matches!(waiter.await.unwrap(), Verdict::Code { .. }));

        let listener = Listener::bind(RedirectHost::Localhost, None).await.unwrap();
        let port = listener.port();
        let waiter = tokio::spawn(listener.wait("s".into(), |_| {}));
        assert!(
            get_at(V6, port, "/callback?code=v6&state=s")
                .await
                .starts_with("HTTP/1.1 200")
        );
        assert!(matches!(waiter.await.unwrap(), Verdict::Code { code, .. } if code == "v6"));
    }

    #[tokio::test]
    async fn a_fixed_port_taken_on_v6_is_refused_for_localhost() {
        let squatter =
            std::net::TcpListener::bind("[::1]:0").expect("this test needs an IPv6 loopback (::1)");
        let port = squatter.local_addr().unwrap().port();
        let err = Listener::bind(RedirectHost::Localhost, Some(port))
            .await
            .err()
            .expect("the port is taken on ::1");
        assert!(
            matches!(err, Error::PortInUse { host: V6, port: p } if p == port),
            "{err:?}"
        );
        assert_eq!(err.to_string(), format!("port {port} on [::1] is in use"));
        // And 127.0.0.1 was let go again.
        std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        // An app that redirects to 127.0.0.1 does not care about ::1.
        drop(
            Listener::bind(RedirectHost::Ip, Some(port))
                .await
                .expect("127.0.0.1 is free"),
        );
    }
}
