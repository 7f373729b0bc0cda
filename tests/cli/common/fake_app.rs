//! A tiny HTTP server on 127.0.0.1:0 that plays an app's check endpoint.
//! Real enough for the client (HTTP/1.1 over TCP), small enough to make it
//! answer 401, 500, slowly, with garbage, with a redirect or with a body
//! that does not end, on demand. It records each request so a test can
//! prove the endpoint was hit and what was sent.
//!
//! [`Recorder`] is "another host": a listener on 127.0.0.2 that records
//! every connection made to it, so a test can prove nothing reached it.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Request {
    #[allow(dead_code)]
    pub method: String,
    #[allow(dead_code)]
    pub path: String,
    /// Header names in lower case.
    pub headers: BTreeMap<String, String>,
    #[allow(dead_code)]
    pub body: String,
}

pub struct Response {
    pub status: u16,
    #[allow(dead_code)]
    pub body: String,
    pub delay: Duration,
}

impl Response {
    pub fn json(status: u16, body: &str) -> Response {
        Response {
            status,
            body: body.to_owned(),
            delay: Duration::ZERO,
        }
    }
}

/// Extra response headers, as (name, value).
pub type Headers = Vec<(&'static str, String)>;

/// What the fake does with a request, beyond a plain [`Response`].
pub enum Answer {
    Plain(Response),
    /// A response with extra headers (`Retry-After`).
    WithHeaders(Response, Headers),
    /// A redirect (`status` 301/302/307/308) to `location`.
    #[allow(dead_code)]
    Redirect {
        status: u16,
        location: String,
    },
    /// 200 with a body that does not end (it stops after 64 MiB, far past
    /// what fourgent may read, and then closes the connection).
    #[allow(dead_code)]
    Endless,
}

type Handler = dyn Fn(&Request) -> Answer + Send + Sync;

pub struct FakeApp {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeApp {
    /// Starts the server; it runs until the test process ends.
    pub fn start(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> FakeApp {
        FakeApp::start_with(move |req| Answer::Plain(handler(req)))
    }

    /// Like `start`, for answers that carry headers (`Retry-After`).
    pub fn start_with_headers(
        handler: impl Fn(&Request) -> (Response, Headers) + Send + Sync + 'static,
    ) -> FakeApp {
        FakeApp::start_with(move |req| {
            let (resp, headers) = handler(req);
            Answer::WithHeaders(resp, headers)
        })
    }

    /// Starts a server that may also redirect or stream without end.
    pub fn start_with(handler: impl Fn(&Request) -> Answer + Send + Sync + 'static) -> FakeApp {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let recorded = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let handler = handler.clone();
                let recorded = recorded.clone();
                std::thread::spawn(move || serve(stream, &*handler, &recorded));
            }
        });
        FakeApp { port, requests }
    }

    /// An app that accepts `X-Api-Key: <key>` and names the account "Acme Inc".
    pub fn accepting_key(key: &'static str) -> FakeApp {
        FakeApp::start(move |req| match req.headers.get("x-api-key") {
            Some(k) if k == key => {
                Response::json(200, r#"{"account":{"name":"Acme Inc","id":42}}"#)
            }
            _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    pub fn hits(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

fn serve(stream: TcpStream, handler: &Handler, recorded: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, path) = (
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
        );
        let mut headers = BTreeMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
        }
        let len: usize = headers
            .get("content-length")
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let req = Request {
            method,
            path,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        };
        recorded.lock().unwrap().push(req.clone());
        let (resp, extra) = match handler(&req) {
            Answer::Plain(resp) => (resp, Vec::new()),
            Answer::WithHeaders(resp, headers) => (resp, headers),
            Answer::Redirect { status, location } => {
                let text = format!(
                    "HTTP/1.1 {status} X\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n"
                );
                if stream.write_all(text.as_bytes()).is_err() {
                    return;
                }
                continue;
            }
            Answer::Endless => {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n";
                if stream.write_all(head.as_bytes()).is_err() {
                    return;
                }
                let chunk = vec![b'x'; 64 * 1024];
                for _ in 0..1024 {
                    if stream.write_all(&chunk).is_err() {
                        return;
                    }
                }
                return;
            }
        };
        std::thread::sleep(resp.delay);
        let extra: String = extra.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
        let text = format!(
            "HTTP/1.1 {} X\r\ncontent-type: application/json\r\n{extra}content-length: {}\r\n\r\n{}",
            resp.status,
            resp.body.len(),
            resp.body
        );
        if stream.write_all(text.as_bytes()).is_err() {
            return;
        }
    }
}

/// A listener on 127.0.0.2 ("another host") that records every connection
/// and the bytes sent on it. It answers nothing.
pub struct Recorder {
    port: u16,
    seen: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Recorder {
    pub fn start() -> Recorder {
        let listener = TcpListener::bind("127.0.0.2:0").expect("bind 127.0.0.2:0");
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let index = {
                    let mut seen = record.lock().unwrap();
                    seen.push(Vec::new());
                    seen.len() - 1
                };
                let record = record.clone();
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                    let mut buf = [0u8; 4096];
                    while let Ok(n) = stream.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        record.lock().unwrap()[index].extend_from_slice(&buf[..n]);
                    }
                });
            }
        });
        Recorder { port, seen }
    }

    /// `host:port`, for building hostile values.
    pub fn addr(&self) -> String {
        format!("127.0.0.2:{}", self.port)
    }

    /// Every connection made to it, with what was sent.
    pub fn seen(&self) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect()
    }
}
