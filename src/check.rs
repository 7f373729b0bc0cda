//! The app's "who am I" check: sends the credentials the way the connector
//! says and reads the answer. Used by `add` (verify before saving),
//! `reauthorize` and `status`.

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::catalog::{Connector, HttpMethod, placeholders};
use crate::http::{self, summarize_body};
use crate::sanitize::{self, clean};
use crate::secrets::{Credentials, ExposeSecret};

/// What the app said about the credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted; the account the answer names, when it names one.
    Accepted { account: Option<String> },
    /// Refused (401/403, or an error flag in a 2xx answer), or the URL
    /// policy refused to send the credentials where the connection points.
    Rejected { reason: String },
    /// No usable answer: network failure, timeout, 5xx, unexpected status.
    Failed { reason: String },
    /// Not an answer about the credentials: the app asks to slow down (429,
    /// or 503 with `Retry-After`), for `retry_after` when it says how long.
    RateLimited {
        status: u16,
        retry_after: Option<std::time::Duration>,
    },
}

/// Whether an answer is a request to slow down, and for how long.
/// `retry_after` is the header's value, in seconds or an HTTP date (RFC 9110
/// §10.2.3); a date in the past means now, a value that is neither is ignored.
pub fn rate_limited(
    status: u16,
    retry_after: Option<&str>,
    now: jiff::Timestamp,
) -> Option<Outcome> {
    let wait = retry_after.and_then(|v| parse_retry_after(v, now));
    match status {
        429 => Some(Outcome::RateLimited {
            status,
            retry_after: wait,
        }),
        503 if wait.is_some() => Some(Outcome::RateLimited {
            status,
            retry_after: wait,
        }),
        _ => None,
    }
}

fn parse_retry_after(value: &str, now: jiff::Timestamp) -> Option<std::time::Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u64 is still "a very long time".
        return Some(std::time::Duration::from_secs(
            value.parse().unwrap_or(u64::MAX),
        ));
    }
    // IMF-fixdate, then the two obsolete forms recipients must accept.
    let at = jiff::fmt::rfc2822::parse(value)
        .map(|z| z.timestamp())
        .or_else(|_| {
            jiff::fmt::strtime::parse("%A, %d-%b-%y %H:%M:%S GMT", value)
                .and_then(|t| t.to_datetime())
                .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC))
                .map(|z| z.timestamp())
        })
        .or_else(|_| {
            jiff::fmt::strtime::parse("%a %b %e %H:%M:%S %Y", value)
                .and_then(|t| t.to_datetime())
                .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC))
                .map(|z| z.timestamp())
        })
        .ok()?;
    Some(at.duration_since(now).try_into().unwrap_or_default())
}

/// Replaces each `{key}` in `template` with its value (for headers; URLs
/// are built by `Connector::url`).
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = template.to_owned();
    for key in placeholders(template) {
        let v = value(key).ok_or_else(|| format!("no value for `{{{key}}}`"))?;
        out = out.replace(&format!("{{{key}}}"), &v);
    }
    Ok(out)
}

/// Tells the redactor about every secret of a connection.
pub(crate) fn remember(creds: &Credentials) {
    for s in creds.fields.values() {
        sanitize::remember(s.expose_secret());
    }
    if let Some(t) = &creds.token {
        sanitize::remember(t.access_token.expose_secret());
        if let Some(r) = &t.refresh_token {
            sanitize::remember(r.expose_secret());
        }
    }
}

/// Runs the connector's check with a connection's values and credentials.
/// `fields` holds the non-secret values (fields, callback and token fields).
pub async fn run(
    client: &reqwest::Client,
    connector: &Connector,
    fields: &BTreeMap<String, String>,
    creds: &Credentials,
) -> Outcome {
    let Some(check) = &connector.check else {
        return Outcome::Accepted { account: None };
    };
    remember(creds);
    let url = match connector.url("check_url", &check.url, |k| fields.get(k).cloned()) {
        Ok(u) => u,
        Err(e) => {
            return Outcome::Rejected {
                reason: format!("{e}; the credentials were not sent"),
            };
        }
    };
    let is_secret =
        |k: &str| (k == "access_token" && creds.token.is_some()) || creds.fields.contains_key(k);
    let secret_value = |k: &str| -> Option<String> {
        if k == "access_token"
            && let Some(t) = &creds.token
        {
            return Some(t.access_token.expose_secret().to_owned());
        }
        creds
            .fields
            .get(k)
            .map(|s| s.expose_secret().to_owned())
            .or_else(|| fields.get(k).cloned())
    };

    let mut headers = HeaderMap::new();
    let mut add_header = |name: &str, value: String, sensitive: bool| -> Result<(), String> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("`{name}` is not a valid header name"))?;
        let mut value = HeaderValue::from_str(&value).map_err(|_| {
            format!("the value for header `{name}` contains characters a header cannot hold")
        })?;
        value.set_sensitive(sensitive);
        headers.insert(name, value);
        Ok(())
    };
    let mut built = Ok(());
    for f in &connector.fields {
        if let (Some(h), Some(v)) = (&f.header, secret_value(&f.key)) {
            built = built.and(add_header(
                h,
                format!("{}{v}", f.prefix.as_deref().unwrap_or("")),
                f.secret,
            ));
        }
    }
    for (name, template) in &check.headers {
        let sensitive = placeholders(template).into_iter().any(is_secret);
        match fill(template, secret_value) {
            Ok(v) => built = built.and(add_header(name, v, sensitive)),
            Err(e) => built = built.and(Err(e)),
        }
    }
    if let Err(reason) = built {
        return Outcome::Failed { reason };
    }

    let method = match check.method {
        HttpMethod::Get => reqwest::Method::GET,
        HttpMethod::Post => reqwest::Method::POST,
        HttpMethod::Delete => reqwest::Method::DELETE,
    };
    let mut req = client
        .request(method, url.as_url().clone())
        .headers(headers);
    if let Some(template) = &connector.basic_auth {
        match fill(template, secret_value) {
            Ok(pair) => {
                let (user, pass) = pair.split_once(':').unwrap_or((&pair, ""));
                req = req.basic_auth(user, Some(pass));
            }
            Err(reason) => return Outcome::Failed { reason },
        }
    }
    if let Some(body) = &check.body {
        req = req.body(body.clone());
    }
    let reply = match req.build() {
        Ok(request) => http::send(client, &url, request).await,
        Err(e) => Err(http::Error::Send(http::describe_send_error(&e))),
    };
    match reply {
        Ok(reply) => {
            let retry_after = reply
                .headers
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok());
            if let Some(slow_down) = rate_limited(reply.status, retry_after, jiff::Timestamp::now())
            {
                return slow_down;
            }
            interpret(
                &connector.name,
                reply.status,
                &reply.text(),
                check.ok.as_deref(),
                &check.account,
            )
        }
        Err(e) => Outcome::Failed {
            reason: e.to_string(),
        },
    }
}

/// Reads a check answer. Pure, so every branch has a unit test.
pub fn interpret(
    app: &str,
    status: u16,
    body: &str,
    ok_pointer: Option<&str>,
    account: &[String],
) -> Outcome {
    let detail = || {
        summarize_body(body)
            .map(|s| format!(": {s}"))
            .unwrap_or_default()
    };
    match status {
        200..=299 => {
            let json: Option<serde_json::Value> = serde_json::from_str(body).ok();
            if let Some(pointer) = ok_pointer {
                let ok = json
                    .as_ref()
                    .and_then(|v| v.pointer(pointer))
                    .and_then(|v| v.as_bool());
                if ok != Some(true) {
                    return Outcome::Rejected {
                        reason: format!("{app} rejected the credentials{}", detail()),
                    };
                }
            }
            let account = json.as_ref().and_then(|v| {
                account.iter().find_map(|p| match v.pointer(p)? {
                    serde_json::Value::String(s) if !s.is_empty() => Some(clean(s, 100)),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
            });
            Outcome::Accepted { account }
        }
        401 | 403 => Outcome::Rejected {
            reason: format!("{app} rejected the credentials (HTTP {status}){}", detail()),
        },
        _ => Outcome::Failed {
            reason: format!("{app} answered the check with HTTP {status}{}", detail()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_answers_name_the_account() {
        let out = interpret(
            "HubSpot",
            200,
            r#"{"portalId": 1234}"#,
            None,
            &["/portalId".into()],
        );
        assert_eq!(
            out,
            Outcome::Accepted {
                account: Some("1234".into())
            }
        );
        let out = interpret("X", 200, "not json", None, &["/a".into()]);
        assert_eq!(out, Outcome::Accepted { account: None });
    }

    #[test]
    fn slack_style_ok_false_is_a_rejection() {
        let out = interpret(
            "Slack",
            200,
            r#"{"ok":false,"error":"invalid_auth"}"#,
            Some("/ok"),
            &[],
        );
        assert_eq!(
            out,
            Outcome::Rejected {
                reason: "Slack rejected the credentials: invalid_auth".into()
            }
        );
        let out = interpret(
            "Slack",
            200,
            r#"{"ok":true,"team":"Acme"}"#,
            Some("/ok"),
            &["/team".into()],
        );
        assert_eq!(
            out,
            Outcome::Accepted {
                account: Some("Acme".into())
            }
        );
    }

    #[test]
    fn auth_failures_and_server_errors_differ() {
        assert!(matches!(
            interpret("A", 401, "", None, &[]),
            Outcome::Rejected { .. }
        ));
        assert!(matches!(
            interpret("A", 403, "", None, &[]),
            Outcome::Rejected { .. }
        ));
        assert!(
            matches!(interpret("A", 500, "oops", None, &[]), Outcome::Failed { reason } if reason.contains("500"))
        );
    }

    #[test]
    fn secrets_quoted_by_the_app_are_redacted() {
        sanitize::remember("sk_live_check_canary");
        let out = interpret(
            "A",
            401,
            r#"{"message":"Invalid API key: sk_live_check_canary"}"#,
            None,
            &[],
        );
        assert_eq!(
            out,
            Outcome::Rejected {
                reason: "A rejected the credentials (HTTP 401): Invalid API key: [redacted]".into()
            }
        );
        let out = interpret(
            "A",
            200,
            "{\"name\":\"sk_live_check_canary \\u001b[2J\"}",
            None,
            &["/name".into()],
        );
        assert_eq!(
            out,
            Outcome::Accepted {
                account: Some("[redacted] \\u{1b}[2J".into())
            }
        );
    }

    #[test]
    fn rate_limits_are_not_rejections() {
        let now: jiff::Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
        let wait = |status, header| match rate_limited(status, header, now) {
            Some(Outcome::RateLimited { retry_after, .. }) => Some(retry_after),
            _ => None,
        };
        let secs = |s| Some(Some(std::time::Duration::from_secs(s)));
        assert_eq!(wait(429, Some("7")), secs(7));
        assert_eq!(wait(429, None), Some(None));
        assert_eq!(wait(429, Some("soon")), Some(None));
        assert_eq!(wait(429, Some("-3")), Some(None));
        assert_eq!(wait(429, Some("99999999999999999999999")), secs(u64::MAX));
        assert_eq!(wait(503, Some("2")), secs(2));
        assert_eq!(
            wait(503, None),
            None,
            "a 503 without Retry-After is an outage"
        );
        assert_eq!(wait(500, Some("2")), None);
        assert_eq!(wait(200, Some("2")), None);
        // HTTP dates: IMF-fixdate, RFC 850 and asctime; the past means now.
        assert_eq!(wait(429, Some("Sat, 21 Nov 2026 10:01:30 GMT")), secs(90));
        assert_eq!(wait(429, Some("Saturday, 21-Nov-26 10:00:05 GMT")), secs(5));
        assert_eq!(wait(429, Some("Sat Nov 21 10:00:10 2026")), secs(10));
        assert_eq!(wait(503, Some("Fri, 20 Nov 2026 10:00:00 GMT")), secs(0));
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let v = |k: &str| Some(k.to_uppercase());
        assert_eq!(fill("{a}/token:{b}", v).unwrap(), "A/token:B");
        assert!(fill("{a}", |_| None).is_err());
    }
}
