//! Sending requests to apps and reading what comes back, without ever
//! putting a secret in a message.
//!
//! Every request that carries credentials (the check, the token endpoint,
//! the revocation endpoint) goes through [`send`]: only to a URL that passed
//! the URL policy ([`SafeUrl`]), remembering the secrets it carries for the
//! redactor, never following a redirect, and reading at most [`MAX_BODY`]
//! bytes of the answer. The `oauth2` crate's token requests come through
//! [`for_oauth2`], which hands them to [`send`].

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};

use crate::catalog::SafeUrl;
use crate::sanitize::{self, clean};

/// The most bytes of an answer fourgent reads (1 MiB); a longer one is an
/// error.
pub(crate) const MAX_BODY: usize = 1024 * 1024;

/// Form fields that hold secrets in OAuth2 requests (RFC 6749, RFC 7009,
/// RFC 7636).
const SECRET_FORM_FIELDS: [&str; 7] = [
    "client_secret",
    "code",
    "code_verifier",
    "refresh_token",
    "access_token",
    "token",
    "password",
];

/// The HTTP client for every request to an app: a timeout, and no
/// redirects (a 307 from a token endpoint would resend the client secret to
/// wherever it points).
pub(crate) fn client(timeout: Duration) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(concat!("fourgent/", env!("CARGO_PKG_VERSION")))
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .redirect(reqwest::redirect::Policy::none())
        .build()
}

/// Why a request got no usable answer, in words for the user.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// No request reached the app (it could not be connected to).
    #[error("{0}")]
    Send(String),
    /// The request went out and no whole answer came back (a timeout, a
    /// connection reset): the app may have acted on it.
    #[error("{0}")]
    Lost(String),
    #[error("{host} answered with more than 1 MiB; fourgent reads no more than that")]
    TooLarge { host: String },
    #[error(
        "{host} answered with a redirect (HTTP {status}), which fourgent does not follow with credentials"
    )]
    Redirect { host: String, status: u16 },
    #[error("the request to {host} is not the one the URL policy checked; nothing was sent")]
    Unchecked { host: String },
    /// A token endpoint that failed (5xx) or is rate limiting (429): the
    /// app said nothing about the credentials. `said` is a sanitized
    /// summary of its body.
    #[error(
        "{host} {} (HTTP {status}{})",
        if *status == 429 { "is rate limiting" } else { "is unavailable" },
        said.as_ref().map(|s| format!(": {s}")).unwrap_or_default()
    )]
    Unavailable {
        host: String,
        status: u16,
        said: Option<String>,
    },
}

/// An answer: status, headers and at most [`MAX_BODY`] bytes of body.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Where `-v` request lines go (set once by the UI): the verbosity and a
/// writer of one line. Nothing is logged when unset.
static LOG: std::sync::OnceLock<(u8, LineWriter)> = std::sync::OnceLock::new();

/// Writes one line of the request log.
pub(crate) type LineWriter = Box<dyn Fn(&str) + Send + Sync>;

/// Logs each request at `-v` (method, URL, status, time) and its headers
/// at `-vv`, secrets redacted.
pub(crate) fn set_logger(verbosity: u8, line: LineWriter) {
    if verbosity > 0 {
        let _ = LOG.set((verbosity, line));
    }
}

fn log(level: u8, text: impl FnOnce() -> String) {
    if let Some((verbosity, line)) = LOG.get()
        && *verbosity >= level
    {
        line(&sanitize::redact(&text()));
    }
}

/// A header as `-vv` shows it: credentials and cookies never.
fn shown_header(name: &reqwest::header::HeaderName, value: &HeaderValue) -> String {
    let secret = value.is_sensitive()
        || [
            AUTHORIZATION.as_str(),
            "cookie",
            "set-cookie",
            "proxy-authorization",
        ]
        .contains(&name.as_str());
    if secret {
        format!("{name}: [redacted]")
    } else {
        format!("{name}: {}", String::from_utf8_lossy(value.as_bytes()))
    }
}

/// Sends `request`, which must go to `url`, and reads the answer.
pub(crate) async fn send(
    client: &reqwest::Client,
    url: &SafeUrl,
    request: reqwest::Request,
) -> Result<Reply, Error> {
    let host = url.host().to_owned();
    if request.url() != url.as_url() {
        return Err(Error::Unchecked { host });
    }
    remember_secrets(&request);
    let (method, shown_url) = (request.method().clone(), url.as_url().clone());
    log(2, || {
        request
            .headers()
            .iter()
            .map(|(n, v)| format!("> {}", shown_header(n, v)))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let started = std::time::Instant::now();
    let sent = client.execute(request).await;
    let took = started.elapsed().as_millis();
    match &sent {
        Ok(r) => log(1, || {
            format!(
                "{method} {shown_url} -> HTTP {} in {took} ms",
                r.status().as_u16()
            )
        }),
        Err(e) => log(1, || {
            format!(
                "{method} {shown_url} -> no answer after {took} ms ({})",
                describe_send_error(e)
            )
        }),
    }
    if let Ok(r) = &sent {
        log(2, || {
            r.headers()
                .iter()
                .map(|(n, v)| format!("< {}", shown_header(n, v)))
                .collect::<Vec<_>>()
                .join("\n")
        });
    }
    let response = sent.map_err(|e| {
        if e.is_connect() {
            Error::Send(describe_send_error(&e))
        } else {
            Error::Lost(describe_send_error(&e))
        }
    })?;
    let status = response.status();
    if status.is_redirection() {
        return Err(Error::Redirect {
            host,
            status: status.as_u16(),
        });
    }
    let headers = response.headers().clone();
    let body = read_capped(response, &host).await?;
    Ok(Reply {
        status: status.as_u16(),
        headers,
        body,
    })
}

async fn read_capped(mut response: reqwest::Response, host: &str) -> Result<Vec<u8>, Error> {
    let too_large = || Error::TooLarge {
        host: host.to_owned(),
    };
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| Error::Lost(describe_send_error(&e)))?
    {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Remembers every secret a request carries, for the redactor: the
/// `Authorization` header and headers marked sensitive, and the secret
/// fields of a form body.
fn remember_secrets(request: &reqwest::Request) {
    for (name, value) in request.headers() {
        if (name == AUTHORIZATION || value.is_sensitive())
            && let Ok(v) = value.to_str()
        {
            sanitize::remember(v);
            if let Some((_scheme, credential)) = v.split_once(' ') {
                sanitize::remember(credential.trim());
            }
        }
    }
    let form = request.headers().get(CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes()
            .starts_with(b"application/x-www-form-urlencoded")
    });
    if let (true, Some(body)) = (form, request.body().and_then(|b| b.as_bytes())) {
        for (k, v) in url::form_urlencoded::parse(body) {
            if SECRET_FORM_FIELDS.contains(&k.as_ref()) {
                sanitize::remember(&v);
            }
        }
    }
}

type OAuthFuture<'a> = Pin<Box<dyn Future<Output = Result<oauth2::HttpResponse, Error>> + 'a>>;

/// The HTTP client the `oauth2` crate's token requests use: each request
/// must go to `url` (the token endpoint, as the URL policy built it), gets
/// the connector's `token_headers`, and goes through [`send`].
pub(crate) fn for_oauth2<'a>(
    client: &'a reqwest::Client,
    url: &'a SafeUrl,
    headers: &'a BTreeMap<String, String>,
) -> impl Fn(oauth2::HttpRequest) -> OAuthFuture<'a> + 'a {
    move |request: oauth2::HttpRequest| {
        Box::pin(async move {
            let mut request = reqwest::Request::try_from(request)
                .map_err(|e| Error::Send(describe_send_error(&e)))?;
            for (name, value) in headers {
                // Checked when the catalog was loaded.
                if let (Ok(name), Ok(value)) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    request.headers_mut().insert(name, value);
                }
            }
            let reply = send(client, url, request).await?;
            // A 5xx or 429 is the app's trouble, never a verdict on the
            // credentials, whatever OAuth error its body names.
            if reply.status >= 500 || reply.status == 429 {
                return Err(Error::Unavailable {
                    host: url.host().to_owned(),
                    status: reply.status,
                    said: summarize_body(&reply.text()),
                });
            }
            let mut response = oauth2::http::Response::builder().status(reply.status);
            for (name, value) in &reply.headers {
                response = response.header(name, value);
            }
            response
                .body(reply.body)
                .map_err(|e| Error::Send(clean(&e.to_string(), 200)))
        })
    }
}

/// Why a request did not get an answer, in words for the user.
pub(crate) fn describe_send_error(e: &reqwest::Error) -> String {
    let host = e
        .url()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "the app".into());
    if e.is_timeout() {
        format!("{host} did not answer in time")
    } else if e.is_connect() {
        format!("cannot connect to {host}")
    } else {
        format!("the request to {host} failed")
    }
}

/// A short, terminal-safe summary of an error body: the `message`, `error`
/// or `error_description` of a JSON answer, else the start of the text.
/// Secrets it quotes are redacted.
pub(crate) fn summarize_body(body: &str) -> Option<String> {
    let text = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(v) => [
            "/message",
            "/error_description",
            "/error/message",
            "/error",
            "/errors/0/message",
        ]
        .iter()
        .find_map(|p| v.pointer(p).and_then(|x| x.as_str()).map(str::to_owned))?,
        Err(_) => body.trim().lines().next()?.to_owned(),
    };
    (!text.trim().is_empty()).then(|| clean(text.trim(), 200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_summarized_safely() {
        assert_eq!(
            summarize_body(r#"{"message":"Bad credentials"}"#).as_deref(),
            Some("Bad credentials")
        );
        assert_eq!(
            summarize_body(r#"{"ok":false,"error":"invalid_auth"}"#).as_deref(),
            Some("invalid_auth")
        );
        assert_eq!(
            summarize_body("<html>\x1b[2J</html>").as_deref(),
            Some("<html>\\u{1b}[2J</html>")
        );
        assert_eq!(summarize_body("  "), None);
        sanitize::remember("http-test-quoted-secret");
        assert_eq!(
            summarize_body(r#"{"error_description":"bad token http-test-quoted-secret"}"#)
                .as_deref(),
            Some("bad token [redacted]")
        );
    }

    #[test]
    fn requests_remember_the_secrets_they_carry() {
        let client = reqwest::Client::new();
        let request = client
            .post("http://127.0.0.1:9/token")
            .basic_auth("http-test-client", Some("http-test-basic-pass"))
            .form(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", "http-test-refresh+/="),
                ("client_secret", "http-test-client-secret"),
            ])
            .build()
            .unwrap();
        remember_secrets(&request);
        let text = "grant_type refresh_token http-test-refresh+/= http-test-refresh%2B%2F%3D \
                    http-test-client-secret";
        assert_eq!(
            sanitize::redact(text),
            "grant_type refresh_token [redacted] [redacted] [redacted]"
        );
        let basic = request.headers()[AUTHORIZATION]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(sanitize::redact(&basic), "[redacted]");
    }

    #[test]
    fn the_client_follows_no_redirects() {
        // A listener that answers every request with a 307 to another host.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            use std::io::{Read, Write};
            for mut stream in listener.incoming().flatten() {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                let _ = stream.write_all(
                    b"HTTP/1.1 307 Temporary Redirect\r\nlocation: http://127.0.0.2:9/steal\r\ncontent-length: 0\r\n\r\n",
                );
            }
        });
        let client = client(Duration::from_secs(5)).unwrap();
        let url = crate::catalog::SafeUrl::for_tests(&format!("http://127.0.0.1:{port}/token"));
        let request = client
            .post(url.as_url().clone())
            .form(&[("client_secret", "x")])
            .build()
            .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let err = rt
            .block_on(send(&client, &url, request))
            .err()
            .expect("a redirect is an error");
        assert!(matches!(err, Error::Redirect { status: 307, .. }), "{err}");
    }

    #[test]
    fn a_request_to_another_url_is_not_sent() {
        let client = reqwest::Client::new();
        let url = crate::catalog::SafeUrl::for_tests("http://127.0.0.1:9/token");
        let request = client.post("http://127.0.0.2:9/token").build().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let err = rt.block_on(send(&client, &url, request)).err().unwrap();
        assert!(matches!(err, Error::Unchecked { .. }), "{err}");
    }
}
