//! The client side of the token endpoint: the client credentials and
//! connection values (`App`), the `oauth2` client built from them, the
//! refresh request, and what a token response gives.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, ClientId, ClientSecret, EndpointNotSet, EndpointSet, ExtraTokenFields,
    RedirectUrl, RefreshToken, StandardRevocableToken, StandardTokenResponse, TokenResponse,
    TokenUrl,
};
use serde::{Deserialize, Serialize};

use super::errors::Error;

/// Adds the app's `token_params` to a token request (the code exchange or a
/// refresh: the `oauth2` crate gives them no common trait) and sends it
/// through `http::for_oauth2` with the app's `token_headers`.
macro_rules! send_token_request {
    ($request:expr, $app:expr, $http:expr, $token_url:expr) => {{
        let spec = $app.spec();
        let mut request = $request;
        for (k, v) in &spec.token_params {
            request = request.add_extra_param(k.as_str(), v.as_str());
        }
        request
            .request_async(&crate::http::for_oauth2(
                $http,
                &$token_url,
                &spec.token_headers,
            ))
            .await
            .map_err(|e| super::errors::request_error($app, e))
    }};
}
use crate::catalog::{Connector, OAuthSpec, SafeUrl, TokenAuth, TokenBody};
use crate::sanitize::{self, clean};
use crate::secrets::{ExposeSecret, Secret, TokenSet};
pub(super) use send_token_request;

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

pub(super) type Response = StandardTokenResponse<Extra, BasicTokenType>;
pub(super) type Client = oauth2::Client<
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
    pub(super) fn spec(&self) -> &OAuthSpec {
        self.connector
            .oauth2
            .as_ref()
            .expect("App is built for OAuth2 connectors only")
    }

    /// One of the connector's URLs, filled with the connection's values and
    /// checked against the URL policy.
    pub(super) fn url(&self, key: &'static str, template: &str) -> Result<SafeUrl, Error> {
        self.connector
            .url(key, template, |k| self.fields.get(k).cloned())
            .map_err(|e| Error::Url(Box::new(e)))
    }

    /// Tells the redactor about the client secret.
    pub(super) fn remember_secrets(&self) {
        if let Some(s) = &self.client_secret {
            sanitize::remember(s.expose_secret());
        }
    }

    /// The `oauth2` client and the token endpoint it sends to.
    pub(super) fn client(&self, redirect_uri: Option<&str>) -> Result<(Client, SafeUrl), Error> {
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
    pub(super) fn check_answer(&self, fields: &BTreeMap<String, String>) -> Result<(), Error> {
        for (name, value) in fields {
            self.connector
                .check_url_value(name, value)
                .map_err(|e| Error::UnsafeAnswer(Box::new(e)))?;
        }
        Ok(())
    }
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
    let request = client.exchange_refresh_token(&token);
    let response = send_token_request!(request, app, http, token_url)?;
    let mut new = token_set(&response, old.refresh_token.as_ref(), &old.scopes);
    if new.refresh_obtained_at.is_none() {
        new.refresh_obtained_at = old.refresh_obtained_at;
    }
    if new.scopes.is_empty() {
        new.scopes = old.scopes.clone();
    }
    Ok(new)
}

pub(super) fn token_set(
    response: &Response,
    old_refresh: Option<&Secret>,
    requested: &[String],
) -> TokenSet {
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

pub(super) fn token_fields(spec: &OAuthSpec, response: &Response) -> BTreeMap<String, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
