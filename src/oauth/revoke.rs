//! Token revocation (RFC 7009), where the app has an endpoint for it.

use super::client::App;
use super::errors::Error;
use crate::catalog::TokenAuth;
use crate::sanitize;
use crate::secrets::{ExposeSecret, TokenSet};

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
