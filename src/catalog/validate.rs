//! Turning one app's definition (built-in, overlaid or the user's own) into
//! a [`Connector`], or the first thing wrong with it.
//!
//! [`connector`] reads as the list of checks, in the order their errors are
//! reported: the ID, the required keys, the fields, the OAuth2 or Custom
//! keys, the check call, the URL placeholders, the limits, the variables
//! `exec` sets and the git hosts. Each check returns the message that
//! [`super::Error::Invalid`] shows after the app's file and line.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::urls::{self, UrlRule};
use super::{
    CheckSpec, Connector, ConnectorDef, FieldSpec, GitSpec, HttpMethod, Lifetime, OAuthSpec,
    Source, default_env_var, placeholders, valid_env_name,
};
use crate::model::AuthKind;

/// The keys that only an OAuth2 app may set, as `connector` checks them.
const OAUTH_ONLY: &[&str] = &[
    "authorize_url",
    "token_url",
    "revoke_url",
    "scopes",
    "client_id",
    "redirect_port",
    "issuer",
    "refresh_token_lifetime",
];

/// Parameters fourgent sets on every authorization request: an
/// `authorize_params` entry could otherwise add a second `state` or
/// `redirect_uri`, or weaken PKCE.
const RESERVED_AUTHORIZE_PARAMS: &[&str] = &[
    "state",
    "redirect_uri",
    "code_challenge",
    "code_challenge_method",
    "client_id",
    "response_type",
];

/// The connector that `def` describes for the app `id`, after every check.
/// `env` looks up `FOURGENT_<APP>_CLIENT_ID` overrides.
pub(crate) fn connector(
    id: &str,
    def: ConnectorDef,
    source: Source,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Connector, String> {
    check_id(id)?;
    let name = def.name.clone().ok_or("is missing `name`")?;
    let auth = def
        .auth
        .ok_or("is missing `auth` (\"oauth2\" or \"custom\")")?;
    let fields = def.fields.clone().unwrap_or_default();
    check_fields(&fields)?;
    let names = FieldNames::of(&def, &fields);
    let oauth2 = match auth {
        AuthKind::OAuth2 => Some(oauth_spec(id, &def, &names, env)?),
        AuthKind::Custom => {
            check_custom(&def, &fields, &names)?;
            None
        }
    };
    let check = check_spec(&def, auth, &names)?;
    let url_rules = url_rules(id, &def, oauth2.as_ref(), check.as_ref())?;
    check_limits(&def)?;
    let env = exec_env(id, auth, &def, &fields, oauth2.as_ref())?;
    let git = git_spec(&def)?;
    Ok(Connector {
        id: id.to_owned(),
        name: shown(&name, 200),
        auth,
        source,
        docs_url: def.docs_url.as_deref().map(|u| shown(u, 1000)),
        notes: def.notes.iter().flatten().map(|n| shown(n, 2000)).collect(),
        oauth2,
        check,
        basic_auth: def.basic_auth,
        fields: fields.into_iter().map(shown_field).collect(),
        url_rules,
        max_concurrency: def.max_concurrency,
        env,
        git,
    })
}

/// Text that is only ever shown (a name, a label, a note, a link), from a
/// file anyone may have edited: made safe for a terminal once, here, so
/// that every message that quotes it is safe too. Line breaks are escaped:
/// a note cannot print a line of its own (a forged `hint:`).
fn shown(text: &str, max_chars: usize) -> String {
    crate::sanitize::sanitize(text, max_chars)
}

/// A field with its label and help made safe to show ([`shown`]). Its
/// values (`default`, `prefix`) are sent as they are, and sanitized where
/// they are shown.
fn shown_field(f: FieldSpec) -> FieldSpec {
    FieldSpec {
        label: shown(&f.label, 200),
        help: f.help.as_deref().map(|h| shown(h, 1000)),
        ..f
    }
}

/// App IDs: lowercase letters, digits and `-`, at most 40 characters.
fn check_id(id: &str) -> Result<(), String> {
    let valid = !id.is_empty()
        && id.len() <= 40
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err("the app ID must be lowercase letters, digits and `-`".into());
    }
    Ok(())
}

fn valid_field_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Field keys are well formed and unique, and a secret has no default.
fn check_fields(fields: &[FieldSpec]) -> Result<(), String> {
    let mut keys = HashSet::new();
    for f in fields {
        if !valid_field_key(&f.key) {
            return Err(format!(
                "field `{}`: keys are lowercase letters, digits and `_`",
                f.key
            ));
        }
        if !keys.insert(f.key.as_str()) {
            return Err(format!("field `{}` is defined twice", f.key));
        }
        if f.secret && f.default.is_some() {
            return Err(format!(
                "field `{}` is secret and cannot have a `default`",
                f.key
            ));
        }
    }
    Ok(())
}

/// What a template in an app's definition may name: the app's fields, and
/// the values its authorization brings back (`callback_fields`,
/// `token_fields`).
struct FieldNames<'a> {
    known: Vec<String>,
    secret: Vec<&'a str>,
}

impl<'a> FieldNames<'a> {
    fn of(def: &ConnectorDef, fields: &'a [FieldSpec]) -> FieldNames<'a> {
        let mut known: Vec<String> = fields.iter().map(|f| f.key.clone()).collect();
        known.extend(def.callback_fields.clone().unwrap_or_default());
        known.extend(def.token_fields.clone().unwrap_or_default().into_keys());
        let secret = fields
            .iter()
            .filter(|f| f.secret)
            .map(|f| f.key.as_str())
            .collect();
        FieldNames { known, secret }
    }

    /// Every `{name}` in the template of `key` is a known value (or in
    /// `allow`); in a URL (`in_url`), never a secret field.
    fn check_template(
        &self,
        key: &str,
        template: &str,
        allow: &[&str],
        in_url: bool,
    ) -> Result<(), String> {
        for p in placeholders(template) {
            if in_url && self.secret.contains(&p) {
                return Err(format!(
                    "`{key}` puts the secret field `{p}` in a URL, where it would be logged; send it in a header"
                ));
            }
            if !self.known.iter().any(|k| k == p) && !allow.contains(&p) {
                return Err(format!(
                    "`{key}` uses `{{{p}}}`, which is not a field of this app"
                ));
            }
        }
        Ok(())
    }
}

/// The OAuth2 keys of an OAuth2 app: its endpoints, token headers, issuer
/// and authorization parameters, checked, with the defaults filled in.
fn oauth_spec(
    id: &str,
    def: &ConnectorDef,
    names: &FieldNames,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<OAuthSpec, String> {
    let authorize_url = def
        .authorize_url
        .clone()
        .ok_or("is missing `authorize_url`")?;
    let token_url = def.token_url.clone().ok_or("is missing `token_url`")?;
    for (key, url) in [("authorize_url", &authorize_url), ("token_url", &token_url)]
        .into_iter()
        .chain(def.revoke_url.as_ref().map(|u| ("revoke_url", u)))
    {
        names.check_template(key, url, &[], true)?;
    }
    check_token_headers(def)?;
    if let Some(issuer) = &def.issuer {
        names.check_template("issuer", issuer, &[], true)?;
        check_issuer(issuer)?;
    }
    let authorize_params = def.authorize_params.clone().unwrap_or_default();
    check_authorize_params(&authorize_params)?;
    if def.basic_auth.is_some() {
        return Err("`basic_auth` is for Custom apps".into());
    }
    let scope_separator = def.scope_separator.clone().unwrap_or_else(|| " ".into());
    if scope_separator != " " && scope_separator != "," {
        return Err("`scope_separator` must be \" \" or \",\"".into());
    }
    Ok(OAuthSpec {
        authorize_url,
        token_url,
        revoke_url: def.revoke_url.clone(),
        revoke_method: def.revoke_method.unwrap_or(HttpMethod::Post),
        issuer: def.issuer.clone(),
        scopes: def.scopes.clone().unwrap_or_default(),
        scope_separator,
        scopes_in_request: def.scopes_in_request.unwrap_or(true),
        pkce: def.pkce.unwrap_or_default(),
        token_auth: def.token_auth.unwrap_or_default(),
        token_body: def.token_body.unwrap_or_default(),
        client_id: env(&crate::env::client_id_var(id)).or(def.client_id.clone()),
        redirect_host: def.redirect_host.unwrap_or_default(),
        redirect_port: def.redirect_port,
        redirect_rule: def.redirect_rule.unwrap_or_default(),
        authorize_params,
        token_params: def.token_params.clone().unwrap_or_default(),
        token_headers: def.token_headers.clone().unwrap_or_default(),
        callback_fields: def.callback_fields.clone().unwrap_or_default(),
        token_fields: def.token_fields.clone().unwrap_or_default(),
        rotating_refresh: def.rotating_refresh.unwrap_or(false),
        tokens_expire: def.tokens_expire.unwrap_or(true),
        refresh_token_lifetime: def
            .refresh_token_lifetime
            .as_deref()
            .map(Lifetime::parse)
            .transpose()
            .map_err(|e| format!("`refresh_token_lifetime`: {e}"))?,
    })
}

/// Each `token_headers` entry is a valid HTTP header name and value.
fn check_token_headers(def: &ConnectorDef) -> Result<(), String> {
    for (name, value) in def.token_headers.iter().flatten() {
        if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err()
            || reqwest::header::HeaderValue::from_str(value).is_err()
        {
            return Err(format!("`token_headers.{name}` is not a valid HTTP header"));
        }
    }
    Ok(())
}

/// An issuer identifier (RFC 8414 §2): a URL like the endpoints, without a
/// query or fragment.
fn check_issuer(issuer: &str) -> Result<(), String> {
    if issuer.contains(['?', '#']) {
        return Err(format!(
            "`issuer` must be a URL without a query or fragment, not `{issuer}`"
        ));
    }
    if placeholders(issuer).is_empty() {
        let url = url::Url::parse(issuer)
            .map_err(|e| format!("`issuer` is not a valid URL ({e}): `{issuer}`"))?;
        let plain_loopback = url.scheme() == "http" && urls::is_loopback(&url);
        if url.scheme() != "https" && !plain_loopback {
            return Err(format!(
                "`issuer` must be an https:// URL (plain http:// only for loopback), not `{issuer}`"
            ));
        }
    }
    Ok(())
}

/// `authorize_params` sets none of [`RESERVED_AUTHORIZE_PARAMS`].
fn check_authorize_params(params: &BTreeMap<String, String>) -> Result<(), String> {
    if let Some(key) = params.keys().find(|k| {
        RESERVED_AUTHORIZE_PARAMS
            .iter()
            .any(|r| r.eq_ignore_ascii_case(k.trim()))
    }) {
        return Err(format!(
            "`authorize_params` may not set `{key}`: fourgent sets it on every authorization"
        ));
    }
    Ok(())
}

/// A Custom app sets none of the OAuth2 keys, has a secret field, and its
/// `basic_auth` names its fields.
fn check_custom(
    def: &ConnectorDef,
    fields: &[FieldSpec],
    names: &FieldNames,
) -> Result<(), String> {
    let oauth_keys = [
        def.authorize_url.is_some(),
        def.token_url.is_some(),
        def.revoke_url.is_some(),
        def.scopes.is_some(),
        def.client_id.is_some(),
        def.redirect_port.is_some(),
        def.issuer.is_some(),
        def.refresh_token_lifetime.is_some(),
    ];
    if let Some(i) = oauth_keys.iter().position(|set| *set) {
        return Err(format!(
            "`{}` is for OAuth2 apps, but this app is Custom",
            OAUTH_ONLY[i]
        ));
    }
    if fields.iter().all(|f| !f.secret) {
        return Err("a Custom app needs at least one field with `secret = true`".into());
    }
    if let Some(b) = &def.basic_auth {
        names.check_template("basic_auth", b, &[], false)?;
    }
    Ok(())
}

/// The "who am I" call (`check_url` and its headers), when there is one.
/// An OAuth2 app's headers may name `{access_token}`, and default to a
/// bearer token.
fn check_spec(
    def: &ConnectorDef,
    auth: AuthKind,
    names: &FieldNames,
) -> Result<Option<CheckSpec>, String> {
    let Some(url) = def.check_url.clone() else {
        return Ok(None);
    };
    names.check_template("check_url", &url, &[], true)?;
    let allow: &[&str] = if auth == AuthKind::OAuth2 {
        &["access_token"]
    } else {
        &[]
    };
    let mut headers = def.check_headers.clone().unwrap_or_default();
    for (name, value) in &headers {
        names.check_template(&format!("check_headers.{name}"), value, allow, false)?;
    }
    if auth == AuthKind::OAuth2 && def.check_headers.is_none() {
        headers.insert("Authorization".into(), "Bearer {access_token}".into());
    }
    if let Some(p) = def.check_ok.as_deref().filter(|p| !p.starts_with('/')) {
        return Err(format!(
            "`check_ok` must be a JSON pointer starting with `/`, not `{p}`"
        ));
    }
    Ok(Some(CheckSpec {
        url,
        method: def.check_method.unwrap_or_default(),
        headers,
        body: def.check_body.clone(),
        ok: def.check_ok.clone(),
        account: def.check_account.clone().unwrap_or_default(),
    }))
}

/// What each placeholder of the app's URLs may hold (`catalog/urls.rs`
/// holds the policy).
fn url_rules(
    id: &str,
    def: &ConnectorDef,
    oauth2: Option<&OAuthSpec>,
    check: Option<&CheckSpec>,
) -> Result<BTreeMap<String, UrlRule>, String> {
    let mut templates: Vec<(&'static str, &str)> = Vec::new();
    if let Some(o) = oauth2 {
        templates.push(("authorize_url", &o.authorize_url));
        templates.push(("token_url", &o.token_url));
        if let Some(r) = &o.revoke_url {
            templates.push(("revoke_url", r));
        }
    }
    if let Some(c) = check {
        templates.push(("check_url", &c.url));
    }
    urls::resolve_rules(
        id,
        &templates,
        &def.placeholders.clone().unwrap_or_default(),
    )
}

/// `max_concurrency`, when set, lets at least one check run.
fn check_limits(def: &ConnectorDef) -> Result<(), String> {
    if def.max_concurrency == Some(0) {
        return Err("`max_concurrency` must be at least 1".into());
    }
    Ok(())
}

/// The variable for each value a connection of this app can hold.
fn exec_env(
    id: &str,
    auth: AuthKind,
    def: &ConnectorDef,
    fields: &[FieldSpec],
    oauth2: Option<&OAuthSpec>,
) -> Result<BTreeMap<String, String>, String> {
    let mut env = BTreeMap::new();
    if def.access_token_env.is_some() && auth != AuthKind::OAuth2 {
        return Err(
            "`access_token_env` is for OAuth2 apps; give a Custom field its own `env`".into(),
        );
    }
    if auth == AuthKind::OAuth2 {
        let name = def
            .access_token_env
            .clone()
            .unwrap_or_else(|| default_env_var(id, "access_token"));
        env.insert("access_token".to_owned(), name);
    }
    for f in fields {
        let name = f.env.clone().unwrap_or_else(|| default_env_var(id, &f.key));
        env.insert(f.key.clone(), name);
    }
    if let Some(o) = oauth2 {
        for key in o.callback_fields.iter().chain(o.token_fields.keys()) {
            env.entry(key.clone())
                .or_insert_with(|| default_env_var(id, key));
        }
    }
    let mut seen = HashMap::new();
    for (key, name) in &env {
        valid_env_name(name).map_err(|e| format!("the variable of `{key}`: {e}"))?;
        if let Some(other) = seen.insert(name.as_str(), key.as_str()) {
            return Err(format!(
                "`{other}` and `{key}` would both be given to programs as `{name}`; give one an `env` of its own"
            ));
        }
    }
    Ok(env)
}

/// The hosts `fourgent credential git` answers for, and the user name it
/// sends.
fn git_spec(def: &ConnectorDef) -> Result<Option<GitSpec>, String> {
    let Some(hosts) = &def.git_hosts else {
        if def.git_username.is_some() {
            return Err("`git_username` needs `git_hosts`".into());
        }
        return Ok(None);
    };
    let username = def
        .git_username
        .clone()
        .ok_or("`git_hosts` needs `git_username`, the user name git sends with the token")?;
    if username.is_empty() || username.chars().any(|c| c.is_control() || c == '=') {
        return Err("`git_username` must be a plain, non-empty name".into());
    }
    let mut out = Vec::new();
    for host in hosts {
        let (name, port) = match host.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host.as_str(), None),
        };
        let name_ok = !name.is_empty()
            && name.len() <= 253
            && name
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
        if !name_ok || !port_ok {
            return Err(format!(
                "`git_hosts` holds host names such as `github.com` (with `:port` if needed), not `{host}`"
            ));
        }
        out.push(host.to_ascii_lowercase());
    }
    if out.is_empty() {
        return Err("`git_hosts` is empty; remove it or name a host".into());
    }
    Ok(Some(GitSpec {
        hosts: out,
        username,
    }))
}
