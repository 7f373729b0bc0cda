//! The OAuth2 authorization-code flow with PKCE (the `oauth2` crate), token
//! refresh and revocation. Commands coordinate these with the stores.

pub mod browser;
pub mod loopback;
pub mod refresh;

use std::collections::BTreeMap;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet,
    EndpointSet, ExtraTokenFields, PkceCodeChallenge, RedirectUrl, RefreshToken, RequestTokenError,
    StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};

use crate::catalog::{Connector, OAuthSpec, Pkce, SafeUrl, TokenAuth, TokenBody, UrlError};
use crate::sanitize::{self, clean};
use crate::secrets::{ExposeSecret, Secret, TokenSet};

/// Refresh this long before the access token expires (or a quarter of the
/// token's lifetime, for short-lived tokens).
pub const REFRESH_SKEW: SignedDuration = SignedDuration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{app} has no OAuth client ID configured")]
    NoClientId { app: String },
    #[error("{app} refused the authorization: {error}{}", description.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Denied {
        app: String,
        error: String,
        description: Option<String>,
    },
    #[error("no authorization arrived within {} seconds", .0.as_secs())]
    TimedOut(Duration),
    #[error("{app}'s {what} refused the request: {error}{}", description.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Rejected {
        app: String,
        what: &'static str,
        error: String,
        description: Option<String>,
    },
    #[error("cannot reach {app}'s {what}: {reason}")]
    Network {
        app: String,
        what: &'static str,
        reason: String,
    },
    /// The request went out and no answer came back (timeout, connection
    /// reset): the app may have acted on it.
    #[error("{app}'s {what} did not answer: {reason}")]
    NoAnswer {
        app: String,
        what: &'static str,
        reason: String,
    },
    #[error("{app}'s token endpoint answered with something that is not a token response")]
    Malformed { app: String },
    /// A URL the policy refused to build from the connector and the
    /// connection's values: nothing was sent.
    #[error(transparent)]
    Url(Box<UrlError>),
    /// The app's answer (the redirect or the token response) holds a value
    /// the connection's URLs may not use: nothing was saved.
    #[error("{} answered with a value fourgent will not use: {}", .0.app, .0.problem)]
    UnsafeAnswer(Box<UrlError>),
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Listener(#[from] loopback::Error),
    #[error("the pasted address is not the authorization callback: {0}")]
    BadPaste(&'static str),
}

impl Error {
    /// `invalid_grant`: the refresh token (or code) is no longer valid.
    pub fn is_invalid_grant(&self) -> bool {
        matches!(self, Error::Rejected { error, .. } if error == "invalid_grant")
    }

    /// Whether the request may have reached the app although no answer came
    /// back (so a rotating refresh token may already be spent).
    pub fn maybe_sent(&self) -> bool {
        matches!(self, Error::NoAnswer { .. })
    }
}

/// Non-standard fields of a token response (Slack's `team`, HubSpot's
/// `hub_id`). Its `Debug` shows only the keys: values may hold tokens.
#[derive(Clone, Deserialize, Serialize, Default)]
pub struct Extra {
    #[serde(flatten)]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.fields.keys()).finish()
    }
}

impl ExtraTokenFields for Extra {}

type Response = StandardTokenResponse<Extra, BasicTokenType>;
type Client = oauth2::Client<
    BasicErrorResponse,
    Response,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// The client credentials and connection values a token request needs.
pub struct App<'a> {
    pub connector: &'a Connector,
    pub client_id: String,
    pub client_secret: Option<Secret>,
    /// Non-secret connection values for URL templates (`{subdomain}`).
    pub fields: &'a BTreeMap<String, String>,
}

impl App<'_> {
    fn spec(&self) -> &OAuthSpec {
        self.connector
            .oauth2
            .as_ref()
            .expect("App is built for OAuth2 connectors only")
    }

    /// One of the connector's URLs, filled with the connection's values and
    /// checked against the URL policy.
    fn url(&self, key: &'static str, template: &str) -> Result<SafeUrl, Error> {
        self.connector
            .url(key, template, |k| self.fields.get(k).cloned())
            .map_err(|e| Error::Url(Box::new(e)))
    }

    /// Tells the redactor about the client secret.
    fn remember_secrets(&self) {
        if let Some(s) = &self.client_secret {
            sanitize::remember(s.expose_secret());
        }
    }

    /// The `oauth2` client and the token endpoint it sends to.
    fn client(&self, redirect_uri: Option<&str>) -> Result<(Client, SafeUrl), Error> {
        let spec = self.spec();
        if spec.token_body == TokenBody::Json {
            return Err(Error::Config(format!(
                "{}'s token endpoint takes JSON bodies, which this version of fourgent does not send yet",
                self.connector.name
            )));
        }
        let bad = |what: &str, e: oauth2::url::ParseError| {
            Error::Config(format!(
                "{}'s {what} is not a valid URL: {e}",
                self.connector.name
            ))
        };
        let token_url = self.url("token_url", &spec.token_url)?;
        let auth_url = self.url("authorize_url", &spec.authorize_url)?;
        let mut client = oauth2::Client::new(ClientId::new(self.client_id.clone()))
            .set_auth_uri(AuthUrl::from_url(auth_url.as_url().clone()))
            .set_token_uri(TokenUrl::from_url(token_url.as_url().clone()));
        client = match &self.client_secret {
            Some(secret) => client
                .set_client_secret(ClientSecret::new(secret.expose_secret().to_owned()))
                .set_auth_type(match spec.token_auth {
                    TokenAuth::Basic => AuthType::BasicAuth,
                    TokenAuth::Body => AuthType::RequestBody,
                }),
            // A public client sends its ID in the body, with PKCE as its proof.
            None => client.set_auth_type(AuthType::RequestBody),
        };
        if let Some(uri) = redirect_uri {
            client = client.set_redirect_uri(
                RedirectUrl::new(uri.to_owned()).map_err(|e| bad("redirect URI", e))?,
            );
        }
        Ok((client, token_url))
    }

    /// Checks the values an app's answer adds to the connection against the
    /// URL policy, before anything is built from them or stored.
    fn check_answer(&self, fields: &BTreeMap<String, String>) -> Result<(), Error> {
        for (name, value) in fields {
            self.connector
                .check_url_value(name, value)
                .map_err(|e| Error::UnsafeAnswer(Box::new(e)))?;
        }
        Ok(())
    }
}

/// What a finished authorization gives.
pub struct Authorized {
    pub token: TokenSet,
    /// Non-secret values from the redirect (`callback_fields`) and the token
    /// response (`token_fields`).
    pub fields: BTreeMap<String, String>,
}

/// How the user takes part in the flow.
pub struct Interaction<'a> {
    pub scopes: Vec<String>,
    pub port: Option<u16>,
    pub timeout: Duration,
    /// Prints the URL and opens the browser (called once the listener is up).
    pub present: &'a dyn Fn(&str, &str),
    /// Lines pasted at the terminal, when the user can paste.
    pub pasted: Option<tokio::sync::mpsc::Receiver<String>>,
    /// Hears about stray requests to the listener.
    pub on_stray: &'a dyn Fn(&str),
    /// Hears why a pasted address was not accepted (the wait goes on).
    pub on_bad_paste: &'a dyn Fn(&str),
}

/// Runs the authorization-code flow: listener, browser, callback, exchange.
pub async fn authorize(
    http: &reqwest::Client,
    app: &App<'_>,
    mut how: Interaction<'_>,
) -> Result<Authorized, Error> {
    let spec = app.spec();
    app.remember_secrets();
    let port = how.port.or(spec.redirect_port);
    // The issuer as the app writes it: a filled template, without the `/`
    // that URL parsing adds to a bare origin.
    let issuer = spec
        .issuer
        .as_deref()
        .map(|i| -> Result<String, Error> {
            let url = app.url("issuer", i)?.as_url().to_string();
            Ok(if i.ends_with('/') {
                url
            } else {
                url.trim_end_matches('/').to_owned()
            })
        })
        .transpose()?;
    let listener = loopback::Listener::bind(spec.redirect_host, port)
        .await?
        .expecting_issuer(issuer.clone());
    let redirect_uri = listener.redirect_uri();
    let (client, token_url) = app.client(Some(&redirect_uri))?;

    let mut request = client.authorize_url(CsrfToken::new_random);
    let scopes = if how.scopes.is_empty() {
        spec.scopes.clone()
    } else {
        how.scopes.clone()
    };
    if spec.scopes_in_request && !scopes.is_empty() {
        request = request.add_extra_param("scope", scopes.join(&spec.scope_separator));
    }
    let verifier = if spec.pkce == Pkce::Unsupported {
        None
    } else {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        sanitize::remember(verifier.secret());
        request = request.set_pkce_challenge(challenge);
        Some(verifier)
    };
    for (k, v) in &spec.authorize_params {
        request = request.add_extra_param(k.as_str(), v.as_str());
    }
    let (url, state) = request.url();
    (how.present)(url.as_str(), &redirect_uri);

    let state = state.secret().clone();
    let expected = state.clone();
    let wait = async {
        let from_browser = listener.wait(state, how.on_stray);
        tokio::pin!(from_browser);
        loop {
            let pasted = async {
                match how.pasted.as_mut() {
                    Some(rx) => rx.recv().await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                v = &mut from_browser => return v,
                line = pasted => match line {
                    Some(line) => match loopback::parse_target(&line) {
                        Some((_, params)) => match loopback::judge(params, &expected, issuer.as_deref()) {
                            loopback::Verdict::Stray(why) => (how.on_bad_paste)(why),
                            v => return v,
                        },
                        None => (how.on_bad_paste)("it is not a URL"),
                    },
                    None => how.pasted = None,
                },
            }
        }
    };
    let verdict = tokio::time::timeout(how.timeout, wait)
        .await
        .map_err(|_| Error::TimedOut(how.timeout))?;
    let (code, params) = match verdict {
        loopback::Verdict::Code { code, params } => (code, params),
        loopback::Verdict::Denied { error, description } => {
            return Err(Error::Denied {
                app: app.connector.name.clone(),
                error: clean(&error, 100),
                description: description.map(|d| clean(&d, 300)),
            });
        }
        loopback::Verdict::Stray(why) => return Err(Error::BadPaste(why)),
    };

    sanitize::remember(&code);
    let mut exchange = client.exchange_code(AuthorizationCode::new(code));
    if let Some(v) = verifier {
        exchange = exchange.set_pkce_verifier(v);
    }
    for (k, v) in &spec.token_params {
        exchange = exchange.add_extra_param(k.as_str(), v.as_str());
    }
    let response = exchange
        .request_async(&crate::http::for_oauth2(
            http,
            &token_url,
            &spec.token_headers,
        ))
        .await
        .map_err(|e| request_error(app, e))?;
    let token = token_set(&response, None, &scopes);
    let mut fields = BTreeMap::new();
    for key in &spec.callback_fields {
        if let Some(v) = params.get(key) {
            fields.insert(key.clone(), clean(v, 200));
        }
    }
    fields.extend(token_fields(spec, &response));
    app.check_answer(&fields)?;
    Ok(Authorized { token, fields })
}

/// Exchanges a refresh token for new tokens. The old refresh token is kept
/// when the app does not send a new one.
pub async fn refresh(
    http: &reqwest::Client,
    app: &App<'_>,
    old: &TokenSet,
) -> Result<TokenSet, Error> {
    let refresh = old
        .refresh_token
        .as_ref()
        .ok_or_else(|| Error::Config("there is no refresh token".into()))?;
    app.remember_secrets();
    sanitize::remember(refresh.expose_secret());
    sanitize::remember(old.access_token.expose_secret());
    let (client, token_url) = app.client(None)?;
    let token = RefreshToken::new(refresh.expose_secret().to_owned());
    let mut request = client.exchange_refresh_token(&token);
    let spec = app.spec();
    for (k, v) in &spec.token_params {
        request = request.add_extra_param(k.as_str(), v.as_str());
    }
    let response = request
        .request_async(&crate::http::for_oauth2(
            http,
            &token_url,
            &spec.token_headers,
        ))
        .await
        .map_err(|e| request_error(app, e))?;
    let mut new = token_set(&response, old.refresh_token.as_ref(), &old.scopes);
    if new.refresh_obtained_at.is_none() {
        new.refresh_obtained_at = old.refresh_obtained_at;
    }
    if new.scopes.is_empty() {
        new.scopes = old.scopes.clone();
    }
    Ok(new)
}

/// Revokes a token at the app (RFC 7009): the refresh token when there is
/// one (which ends the whole grant at most apps), else the access token.
/// `Ok(false)` when the app has no revocation endpoint.
///
/// The client authenticates as at the token endpoint: HTTP Basic with the
/// form-urlencoded ID and secret (RFC 6749 §2.3.1, RFC 7009 §2.1), or both
/// in the body. Sent by hand rather than through the `oauth2` crate, which
/// refuses non-https revocation URLs (local test servers) and only POSTs.
pub async fn revoke(
    http: &reqwest::Client,
    app: &App<'_>,
    token: &TokenSet,
) -> Result<bool, Error> {
    const WHAT: &str = "revocation endpoint";
    let spec = app.spec();
    let Some(url) = &spec.revoke_url else {
        return Ok(false);
    };
    app.remember_secrets();
    sanitize::remember(token.access_token.expose_secret());
    if let Some(r) = &token.refresh_token {
        sanitize::remember(r.expose_secret());
    }
    let url = app.url("revoke_url", url)?;
    let (value, hint) = match &token.refresh_token {
        Some(r) => (r.expose_secret(), "refresh_token"),
        None => (token.access_token.expose_secret(), "access_token"),
    };
    let mut form = vec![("token", value), ("token_type_hint", hint)];
    let method = match spec.revoke_method {
        crate::catalog::HttpMethod::Delete => reqwest::Method::DELETE,
        _ => reqwest::Method::POST,
    };
    let mut request = http.request(method, url.as_url().clone());
    match (&app.client_secret, spec.token_auth) {
        (Some(secret), TokenAuth::Basic) => {
            let encode = |s: &str| -> String {
                url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
            };
            request =
                request.basic_auth(encode(&app.client_id), Some(encode(secret.expose_secret())));
        }
        (Some(secret), TokenAuth::Body) => {
            form.push(("client_id", &app.client_id));
            form.push(("client_secret", secret.expose_secret()));
        }
        (None, _) => form.push(("client_id", &app.client_id)),
    }
    let name = app.connector.name.clone();
    let network = |reason: String| Error::Network {
        app: name.clone(),
        what: WHAT,
        reason,
    };
    let request = request
        .form(&form)
        .build()
        .map_err(|e| network(crate::http::describe_send_error(&e)))?;
    let reply = crate::http::send(http, &url, request)
        .await
        .map_err(|e| network(e.to_string()))?;
    if (200..300).contains(&reply.status) {
        return Ok(true);
    }
    let error = crate::http::summarize_body(&reply.text())
        .unwrap_or_else(|| format!("HTTP {}", reply.status));
    if reply.status >= 500 {
        Err(network(error))
    } else {
        Err(Error::Rejected {
            app: name,
            what: WHAT,
            error,
            description: None,
        })
    }
}

fn token_set(response: &Response, old_refresh: Option<&Secret>, requested: &[String]) -> TokenSet {
    let expires_at = response
        .expires_in()
        .and_then(|d| SignedDuration::try_from(d).ok())
        .and_then(|d| Timestamp::now().checked_add(d).ok())
        .map(|t| t.round(jiff::Unit::Second).unwrap_or(t));
    sanitize::remember(response.access_token().secret());
    if let Some(r) = response.refresh_token() {
        sanitize::remember(r.secret());
    }
    let now = crate::model::connection::now();
    TokenSet {
        obtained_at: Some(now),
        access_token: Secret::from(response.access_token().secret().clone()),
        refresh_token: response
            .refresh_token()
            .map(|r| Secret::from(r.secret().clone()))
            .or_else(|| old_refresh.map(|r| Secret::from(r.expose_secret().to_owned()))),
        // Only a refresh token that arrived now is new; `refresh` keeps the
        // old one's time otherwise.
        refresh_obtained_at: response.refresh_token().map(|_| now),
        token_type: Some(clean(response.token_type().as_ref(), 40)),
        expires_at,
        // Scopes are shown by `show` and stored in connections.toml.
        scopes: match response.scopes() {
            Some(s) => s.iter().map(|s| clean(s, 200)).collect(),
            None => requested.to_vec(),
        },
    }
}

fn token_fields(spec: &OAuthSpec, response: &Response) -> BTreeMap<String, String> {
    let extra = serde_json::Value::Object(response.extra_fields().fields.clone());
    spec.token_fields
        .iter()
        .filter_map(|(name, pointer)| {
            let v = match extra.pointer(pointer)? {
                serde_json::Value::String(s) => clean(s, 200),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some((name.clone(), v))
        })
        .collect()
}

type TokenRequestError = RequestTokenError<crate::http::Error, BasicErrorResponse>;

/// What a failed token request (code exchange or refresh) tells the user;
/// everything the app said is redacted and sanitized.
fn request_error(app: &App<'_>, e: TokenRequestError) -> Error {
    const WHAT: &str = "token endpoint";
    let name = app.connector.name.clone();
    match e {
        RequestTokenError::ServerResponse(r) => Error::Rejected {
            app: name,
            what: WHAT,
            error: clean(r.error().as_ref(), 100),
            description: r.error_description().map(|d| clean(d, 300)),
        },
        RequestTokenError::Request(crate::http::Error::Lost(reason)) => Error::NoAnswer {
            app: name,
            what: WHAT,
            reason,
        },
        RequestTokenError::Request(e) => Error::Network {
            app: name,
            what: WHAT,
            reason: e.to_string(),
        },
        // Some apps (Slack) answer errors with 200 and `{"ok": false, "error": …}`.
        // Only the `error` field is read: the body may hold tokens.
        RequestTokenError::Parse(_, body) => {
            match serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned))
            {
                Some(error) => Error::Rejected {
                    app: name,
                    what: WHAT,
                    error: clean(&error, 100),
                    description: None,
                },
                None => Error::Malformed { app: name },
            }
        }
        RequestTokenError::Other(_) => Error::Malformed { app: name },
    }
}

/// Whether a token is due for refresh: it expires within a minute, or
/// within a quarter of its lifetime when that is shorter.
pub fn is_due(token: &TokenSet, now: Timestamp) -> bool {
    let Some(exp) = token.expires_at else {
        return false;
    };
    let skew = match token.obtained_at {
        Some(got) => (exp.duration_since(got) / 4).clamp(SignedDuration::ZERO, REFRESH_SKEW),
        None => REFRESH_SKEW,
    };
    now.checked_add(skew).map_or(true, |t| t >= exp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(expires_in: Option<i64>) -> TokenSet {
        TokenSet {
            obtained_at: None,
            access_token: Secret::from("a".to_owned()),
            refresh_token: None,
            refresh_obtained_at: None,
            token_type: None,
            expires_at: expires_in.map(|s| Timestamp::now() + SignedDuration::from_secs(s)),
            scopes: vec![],
        }
    }

    #[test]
    fn tokens_are_due_a_minute_before_expiry() {
        let now = Timestamp::now();
        assert!(!is_due(&token(None), now));
        assert!(!is_due(&token(Some(3600)), now));
        assert!(is_due(&token(Some(30)), now));
        assert!(is_due(&token(Some(-5)), now));
        // A 8-second token is due in its last 2 seconds, not from the start.
        let mut short = token(Some(8));
        short.obtained_at = Some(now);
        assert!(!is_due(&short, now));
        assert!(is_due(&short, now + SignedDuration::from_secs(7)));
    }

    #[test]
    fn extra_fields_debug_shows_keys_only() {
        let extra: Extra = serde_json::from_str(
            r#"{"authed_user":{"access_token":"xoxp-canary"},"team":{"name":"Acme"}}"#,
        )
        .unwrap();
        let debug = format!("{extra:?}");
        assert!(
            !debug.contains("canary") && debug.contains("authed_user"),
            "{debug}"
        );
    }
}
