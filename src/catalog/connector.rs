//! One app of the catalog, as written in TOML (`ConnectorDef`, every key
//! optional so a user's file can override one key) and as resolved
//! (`Connector`, checked and complete).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::urls::{PlaceholderDef, UrlRule};
use crate::model::AuthKind;

/// A `[connectors.<id>]` table, in the built-in catalog or a user's file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectorDef {
    pub name: Option<String>,
    pub auth: Option<AuthKind>,
    pub docs_url: Option<String>,
    pub notes: Option<Vec<String>>,
    // OAuth2
    pub authorize_url: Option<String>,
    pub token_url: Option<String>,
    pub revoke_url: Option<String>,
    pub revoke_method: Option<HttpMethod>,
    pub issuer: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub scope_separator: Option<String>,
    pub scopes_in_request: Option<bool>,
    pub pkce: Option<Pkce>,
    pub token_auth: Option<TokenAuth>,
    pub token_body: Option<TokenBody>,
    pub client_id: Option<String>,
    pub redirect_host: Option<RedirectHost>,
    pub redirect_port: Option<u16>,
    pub redirect_rule: Option<RedirectRule>,
    pub authorize_params: Option<BTreeMap<String, String>>,
    pub token_params: Option<BTreeMap<String, String>>,
    pub token_headers: Option<BTreeMap<String, String>>,
    pub callback_fields: Option<Vec<String>>,
    pub token_fields: Option<BTreeMap<String, String>>,
    pub rotating_refresh: Option<bool>,
    pub tokens_expire: Option<bool>,
    pub refresh_token_lifetime: Option<String>,
    // Limits
    pub max_concurrency: Option<u16>,
    // The "who am I" check
    pub check_url: Option<String>,
    pub check_method: Option<HttpMethod>,
    pub check_headers: Option<BTreeMap<String, String>>,
    pub check_body: Option<String>,
    pub check_ok: Option<String>,
    pub check_account: Option<Vec<String>>,
    // Custom
    pub basic_auth: Option<String>,
    pub fields: Option<Vec<FieldSpec>>,
    // What each `{placeholder}` of a URL may hold (see `urls.rs`)
    pub(crate) placeholders: Option<BTreeMap<String, PlaceholderDef>>,
    // `exec` and `credential git`
    pub access_token_env: Option<String>,
    pub git_hosts: Option<Vec<String>>,
    pub git_username: Option<String>,
}

macro_rules! overlay {
    ($base:ident, $top:ident, $($key:ident),* $(,)?) => {
        $( if $top.$key.is_some() { $base.$key = $top.$key; } )*
    };
}

impl ConnectorDef {
    /// `top`'s keys replace `self`'s, key by key (lists and tables whole).
    pub fn overlay(mut self, top: ConnectorDef) -> ConnectorDef {
        let base = &mut self;
        overlay!(
            base,
            top,
            name,
            auth,
            docs_url,
            notes,
            authorize_url,
            token_url,
            revoke_url,
            revoke_method,
            issuer,
            scopes,
            scope_separator,
            scopes_in_request,
            pkce,
            token_auth,
            token_body,
            client_id,
            redirect_host,
            redirect_port,
            redirect_rule,
            authorize_params,
            token_params,
            token_headers,
            callback_fields,
            token_fields,
            rotating_refresh,
            tokens_expire,
            refresh_token_lifetime,
            max_concurrency,
            check_url,
            check_method,
            check_headers,
            check_body,
            check_ok,
            check_account,
            basic_auth,
            fields,
            placeholders,
            access_token_env,
            git_hosts,
            git_username,
        );
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    #[default]
    Get,
    Post,
    Delete,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Pkce {
    Required,
    #[default]
    Supported,
    Unsupported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TokenAuth {
    Basic,
    #[default]
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TokenBody {
    #[default]
    Form,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
pub enum RedirectHost {
    #[default]
    #[serde(rename = "127.0.0.1")]
    Ip,
    #[serde(rename = "localhost")]
    Localhost,
}

impl RedirectHost {
    pub fn as_str(self) -> &'static str {
        match self {
            RedirectHost::Ip => "127.0.0.1",
            RedirectHost::Localhost => "localhost",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RedirectRule {
    /// Any loopback port works (RFC 8252 §7.3).
    AnyPort,
    /// The exact URI, port included, must be registered.
    Exact,
    /// Loopback redirects only with sandbox/development credentials.
    SandboxOnly,
    /// Only https redirects: authorize by pasting the final URL back.
    HttpsOnly,
    #[default]
    Unknown,
}

impl RedirectRule {
    pub fn describe(self) -> &'static str {
        match self {
            RedirectRule::AnyPort => "any loopback port is accepted",
            RedirectRule::Exact => "the exact redirect URI, port included, must be registered",
            RedirectRule::SandboxOnly => {
                "loopback redirects work with sandbox/development credentials only"
            }
            RedirectRule::HttpsOnly => "only https redirects are accepted",
            RedirectRule::Unknown => "not verified; register the exact URI to be safe",
        }
    }
}

/// A credential or parameter the user provides.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub key: String,
    pub label: String,
    pub secret: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The variable `exec` sets to this field's value (default
    /// `<APP>_<KEY>`); shown resolved in [`Connector::env`].
    #[serde(default, skip_serializing)]
    pub env: Option<String>,
}

/// Where a connector's definition came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Builtin,
    User,
    /// Built in, with keys overridden by the user's file.
    Overridden,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Builtin => "built-in",
            Source::User => "user",
            Source::Overridden => "built-in, overridden",
        }
    }
}

/// A resolved, checked connector.
#[derive(Clone, Debug, Serialize)]
pub struct Connector {
    pub id: String,
    pub name: String,
    pub auth: AuthKind,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth2: Option<OAuthSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basic_auth: Option<String>,
    pub fields: Vec<FieldSpec>,
    /// What each placeholder of the URL templates may hold, declared or
    /// inferred from where it stands; every URL is built through
    /// [`Connector::url`], which enforces these.
    #[serde(rename = "placeholders", skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) url_rules: BTreeMap<String, UrlRule>,
    /// At most this many checks against the app at once (on top of `--jobs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_concurrency: Option<u16>,
    /// The variable `exec` sets for each value of a connection, by key
    /// (`access_token`, field keys, callback and token fields).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    /// The git hosts this app's tokens push to (`fourgent credential git`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitSpec>,
}

/// What `fourgent credential git` answers for an app's hosts.
#[derive(Clone, Debug, Serialize)]
pub struct GitSpec {
    /// Host names (with a port when not 443), lower case, as git sends them.
    pub hosts: Vec<String>,
    /// The user name git sends with the token.
    pub username: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct OAuthSpec {
    pub authorize_url: String,
    pub token_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoke_url: Option<String>,
    pub revoke_method: HttpMethod,
    /// The authorization server's issuer identifier: a redirect whose `iss`
    /// differs is refused (RFC 9207).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    pub scopes: Vec<String>,
    pub scope_separator: String,
    pub scopes_in_request: bool,
    pub pkce: Pkce,
    pub token_auth: TokenAuth,
    pub token_body: TokenBody,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    pub redirect_host: RedirectHost,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_port: Option<u16>,
    pub redirect_rule: RedirectRule,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub authorize_params: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub token_params: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub token_headers: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub callback_fields: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub token_fields: BTreeMap<String, String>,
    pub rotating_refresh: bool,
    pub tokens_expire: bool,
    /// How long a refresh token lasts (unused, or since it was issued), when
    /// the app documents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token_lifetime: Option<Lifetime>,
}

/// A documented lifetime, such as a refresh token's `"100 days"`. Shown as
/// written in the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifetime {
    pub text: String,
    pub duration: jiff::SignedDuration,
}

impl Lifetime {
    /// Reads `"100 days"`, `"60d"`, `"12 hours"` (days are 24 hours; months
    /// and years are refused, as their length varies).
    pub fn parse(text: &str) -> Result<Lifetime, String> {
        let bad = || {
            format!(
                "`{text}` is not a lifetime: write it in days or hours, e.g. \"100 days\" or \"12h\""
            )
        };
        let span: jiff::Span = text.trim().parse().map_err(|_| bad())?;
        if span.get_years() != 0 || span.get_months() != 0 {
            return Err(bad());
        }
        let secs = span
            .total(jiff::SpanTotal::from(jiff::Unit::Second).days_are_24_hours())
            .map_err(|_| bad())?;
        if !(1.0..=(100.0 * 365.0 * 86_400.0)).contains(&secs) {
            return Err(bad());
        }
        Ok(Lifetime {
            text: text.trim().to_owned(),
            duration: jiff::SignedDuration::from_secs(secs as i64),
        })
    }
}

impl Serialize for Lifetime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl OAuthSpec {
    /// The redirect URI to register with the app, for a given port.
    pub fn redirect_uri(&self, port: Option<u16>) -> String {
        match port.or(self.redirect_port) {
            Some(p) => format!("http://{}:{p}/callback", self.redirect_host.as_str()),
            None => format!("http://{}/callback", self.redirect_host.as_str()),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckSpec {
    pub url: String,
    pub method: HttpMethod,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ok: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub account: Vec<String>,
}

impl Connector {
    pub fn secret_fields(&self) -> impl Iterator<Item = &FieldSpec> {
        self.fields.iter().filter(|f| f.secret)
    }

    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The variable `exec` sets for the value `key` of a connection: the
    /// catalog's name, or `<APP>_<KEY>` for values it does not list.
    pub fn env_var(&self, key: &str) -> String {
        self.env
            .get(key)
            .cloned()
            .unwrap_or_else(|| super::default_env_var(&self.id, key))
    }
}
