//! The catalog of apps: the built-in one compiled into the binary, with a
//! user's `connectors.toml` laid over it key by key. Both use one format,
//! documented in `docs/connectors.md`.

mod connector;
mod urls;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::AuthKind;
pub use connector::{
    CheckSpec, Connector, ConnectorDef, FieldSpec, GitSpec, HttpMethod, Lifetime, OAuthSpec, Pkce,
    RedirectHost, RedirectRule, Source, TokenAuth, TokenBody,
};
pub(crate) use urls::{SafeUrl, UrlError};

const BUILTIN: &str = include_str!("builtin.toml");

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {} at line {line}, column {column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{} line {line}: [connectors.{app}] {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        app: String,
        message: String,
    },
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    connectors: BTreeMap<String, toml::Spanned<ConnectorDef>>,
}

/// Every app fourgent knows, sorted by ID.
#[derive(Debug)]
pub struct Catalog {
    connectors: BTreeMap<String, Connector>,
}

impl Catalog {
    /// The built-in catalog with the user's `connectors.toml` (when present)
    /// over it. `env` looks up `FOURGENT_<APP>_CLIENT_ID` overrides.
    pub fn load(user_file: &Path, env: impl Fn(&str) -> Option<String>) -> Result<Catalog, Error> {
        Catalog::load_from(None, user_file, env)
    }

    /// Like [`Catalog::load`], with only the built-in apps in `ids` (and
    /// every app of the user's file): the rest of the built-in catalog is
    /// not parsed, which saves most of the time a command that needs one
    /// or two apps would spend on it.
    pub fn load_only(
        user_file: &Path,
        env: impl Fn(&str) -> Option<String>,
        ids: &[&str],
    ) -> Result<Catalog, Error> {
        Catalog::load_from(Some(ids), user_file, env)
    }

    /// The catalog, with only the built-in apps in `only` (and those the
    /// user's file overrides) when given.
    fn load_from(
        only: Option<&[&str]>,
        user_file: &Path,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Catalog, Error> {
        let user_text = match std::fs::read_to_string(user_file) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(Error::Io {
                    path: user_file.to_owned(),
                    source,
                });
            }
        };
        let user = match &user_text {
            Some(text) => parse_file(user_file, text)?,
            None => BTreeMap::new(),
        };
        let subset;
        let builtin_text = match only {
            None => BUILTIN,
            Some(ids) => {
                let mut ids = ids.to_vec();
                ids.extend(user.keys().map(String::as_str));
                subset = builtin_subset(BUILTIN, &ids);
                &subset
            }
        };
        let builtin = parse_file(Path::new("<built-in catalog>"), builtin_text)?;

        let mut connectors = BTreeMap::new();
        for (id, def) in &builtin {
            let (def, source, path, text) = match user.get(id) {
                Some(top) => (
                    def.get_ref().clone().overlay(top.get_ref().clone()),
                    Source::Overridden,
                    user_file,
                    user_text.as_deref().unwrap_or_default(),
                ),
                None => (
                    def.get_ref().clone(),
                    Source::Builtin,
                    Path::new("<built-in catalog>"),
                    builtin_text,
                ),
            };
            let span = user.get(id).map_or(builtin[id].span(), |t| t.span());
            let c = resolve(id, def, source, &env)
                .map_err(|message| invalid(path, text, span.start, id, message))?;
            connectors.insert(id.clone(), c);
        }
        for (id, def) in &user {
            if builtin.contains_key(id) {
                continue;
            }
            let text = user_text.as_deref().unwrap_or_default();
            let c = resolve(id, def.get_ref().clone(), Source::User, &env)
                .map_err(|message| invalid(user_file, text, def.span().start, id, message))?;
            connectors.insert(id.clone(), c);
        }
        Ok(Catalog { connectors })
    }

    pub fn get(&self, id: &str) -> Option<&Connector> {
        self.connectors.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Connector> {
        self.connectors.values()
    }

    /// Up to three app IDs close to `typed`, for "did you mean".
    pub fn suggest(&self, typed: &str) -> Vec<String> {
        let mut scored: Vec<(f64, &String)> = self
            .connectors
            .keys()
            .map(|id| (strsim::jaro_winkler(typed, id), id))
            .filter(|(s, id)| *s >= 0.8 || id.starts_with(typed))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| id.clone())
            .collect()
    }
}

/// The tables of the apps in `ids` from a catalog's text: each
/// `[connectors.<id>]` and `[[connectors.<id>.fields]]` with the lines that
/// follow it. (The built-in catalog has its headers at the start of a line
/// and no other line that starts with `[connectors.`; a test compares every
/// app loaded this way with the whole catalog.)
fn builtin_subset(text: &str, ids: &[&str]) -> String {
    let mut out = String::with_capacity(4096 * ids.len().max(1));
    let mut keep = false;
    for line in text.lines() {
        let header = line
            .strip_prefix("[[connectors.")
            .or_else(|| line.strip_prefix("[connectors."));
        if let Some(rest) = header {
            let id = rest.split(['.', ']']).next().unwrap_or_default();
            keep = ids.contains(&id);
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn invalid(path: &Path, text: &str, offset: usize, app: &str, message: String) -> Error {
    Error::Invalid {
        path: path.to_owned(),
        line: header_line(text, app, offset),
        app: app.to_owned(),
        message,
    }
}

/// The line of `[connectors.<app>]` (the span of a table value starts at its
/// first key, so the header is looked up by name first).
fn header_line(text: &str, app: &str, fallback_offset: usize) -> usize {
    let header = format!("[connectors.{app}]");
    let offset = text.find(&header).unwrap_or(fallback_offset);
    crate::store::line_col(text, offset).0
}

fn parse_file(
    path: &Path,
    text: &str,
) -> Result<BTreeMap<String, toml::Spanned<ConnectorDef>>, Error> {
    let file: CatalogFile = toml::from_str(text).map_err(|e| {
        let (line, column) = crate::store::error_position(text, &e);
        Error::Parse {
            path: path.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })?;
    Ok(file.connectors)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn valid_field_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `{name}` placeholders in a template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

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

fn resolve(
    id: &str,
    def: ConnectorDef,
    source: Source,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Connector, String> {
    if !valid_id(id) {
        return Err("the app ID must be lowercase letters, digits and `-`".into());
    }
    let name = def.name.clone().ok_or("is missing `name`")?;
    let auth = def
        .auth
        .ok_or("is missing `auth` (\"oauth2\" or \"custom\")")?;
    let fields = def.fields.clone().unwrap_or_default();
    let mut keys = std::collections::HashSet::new();
    for f in &fields {
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
    let secret_keys: Vec<&str> = fields
        .iter()
        .filter(|f| f.secret)
        .map(|f| f.key.as_str())
        .collect();
    let mut known: Vec<String> = fields.iter().map(|f| f.key.clone()).collect();
    known.extend(def.callback_fields.clone().unwrap_or_default());
    known.extend(def.token_fields.clone().unwrap_or_default().into_keys());

    let check_template = |key: &str,
                          template: &str,
                          allow: &[&str],
                          in_url: bool|
     -> Result<(), String> {
        for p in placeholders(template) {
            if in_url && secret_keys.contains(&p) {
                return Err(format!(
                    "`{key}` puts the secret field `{p}` in a URL, where it would be logged; send it in a header"
                ));
            }
            if !known.iter().any(|k| k == p) && !allow.contains(&p) {
                return Err(format!(
                    "`{key}` uses `{{{p}}}`, which is not a field of this app"
                ));
            }
        }
        Ok(())
    };

    let oauth2 = match auth {
        AuthKind::OAuth2 => {
            let authorize_url = def
                .authorize_url
                .clone()
                .ok_or("is missing `authorize_url`")?;
            let token_url = def.token_url.clone().ok_or("is missing `token_url`")?;
            for (key, url) in [("authorize_url", &authorize_url), ("token_url", &token_url)]
                .into_iter()
                .chain(def.revoke_url.as_ref().map(|u| ("revoke_url", u)))
            {
                check_template(key, url, &[], true)?;
            }
            for (name, value) in def.token_headers.iter().flatten() {
                if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err()
                    || reqwest::header::HeaderValue::from_str(value).is_err()
                {
                    return Err(format!("`token_headers.{name}` is not a valid HTTP header"));
                }
            }
            if let Some(issuer) = &def.issuer {
                check_template("issuer", issuer, &[], true)?;
                check_issuer(issuer)?;
            }
            let authorize_params = def.authorize_params.clone().unwrap_or_default();
            if let Some(key) = authorize_params.keys().find(|k| {
                RESERVED_AUTHORIZE_PARAMS
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(k.trim()))
            }) {
                return Err(format!(
                    "`authorize_params` may not set `{key}`: fourgent sets it on every authorization"
                ));
            }
            if def.basic_auth.is_some() {
                return Err("`basic_auth` is for Custom apps".into());
            }
            let scope_separator = def.scope_separator.clone().unwrap_or_else(|| " ".into());
            if scope_separator != " " && scope_separator != "," {
                return Err("`scope_separator` must be \" \" or \",\"".into());
            }
            Some(OAuthSpec {
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
        AuthKind::Custom => {
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
                check_template("basic_auth", b, &[], false)?;
            }
            None
        }
    };

    let check = match def.check_url.clone() {
        Some(url) => {
            check_template("check_url", &url, &[], true)?;
            let allow: &[&str] = if auth == AuthKind::OAuth2 {
                &["access_token"]
            } else {
                &[]
            };
            let mut headers = def.check_headers.clone().unwrap_or_default();
            for (name, value) in &headers {
                check_template(&format!("check_headers.{name}"), value, allow, false)?;
            }
            if auth == AuthKind::OAuth2 && def.check_headers.is_none() {
                headers.insert("Authorization".into(), "Bearer {access_token}".into());
            }
            if let Some(p) = def.check_ok.as_deref().filter(|p| !p.starts_with('/')) {
                return Err(format!(
                    "`check_ok` must be a JSON pointer starting with `/`, not `{p}`"
                ));
            }
            Some(CheckSpec {
                url,
                method: def.check_method.unwrap_or_default(),
                headers,
                body: def.check_body.clone(),
                ok: def.check_ok.clone(),
                account: def.check_account.clone().unwrap_or_default(),
            })
        }
        None => None,
    };

    let mut templates: Vec<(&'static str, &str)> = Vec::new();
    if let Some(o) = &oauth2 {
        templates.push(("authorize_url", &o.authorize_url));
        templates.push(("token_url", &o.token_url));
        if let Some(r) = &o.revoke_url {
            templates.push(("revoke_url", r));
        }
    }
    if let Some(c) = &check {
        templates.push(("check_url", &c.url));
    }
    let url_rules = urls::resolve_rules(
        id,
        &templates,
        &def.placeholders.clone().unwrap_or_default(),
    )?;
    if def.max_concurrency == Some(0) {
        return Err("`max_concurrency` must be at least 1".into());
    }

    let env = exec_env(id, auth, &def, &fields, oauth2.as_ref())?;
    let git = git_spec(&def)?;
    Ok(Connector {
        id: id.to_owned(),
        name,
        auth,
        source,
        docs_url: def.docs_url,
        notes: def.notes.unwrap_or_default(),
        oauth2,
        check,
        basic_auth: def.basic_auth,
        fields,
        url_rules,
        max_concurrency: def.max_concurrency,
        env,
        git,
    })
}

/// `<APP>_<KEY>`: the connector ID and the key in upper case, `-` as `_`,
/// and a camelCase key split at its humps (`quickbooks` + `realmId` →
/// `QUICKBOOKS_REALM_ID`).
pub fn default_env_var(app: &str, key: &str) -> String {
    let mut out = String::with_capacity(app.len() + key.len() + 4);
    for c in app.chars() {
        out.push(if c == '-' {
            '_'
        } else {
            c.to_ascii_uppercase()
        });
    }
    out.push('_');
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(match c {
            '-' | '.' => '_',
            c => c.to_ascii_uppercase(),
        });
    }
    out
}

/// Whether `name` can be an environment variable that `exec` sets:
/// letters, digits and `_`, not starting with a digit, and not one of
/// fourgent's own `FOURGENT_*`.
pub fn valid_env_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        return Err(format!(
            "`{name}` is not a valid variable name: use letters, digits and `_`, not starting with a digit"
        ));
    }
    if name.to_ascii_uppercase().starts_with("FOURGENT_") {
        return Err(format!(
            "`{name}` is a fourgent variable; choose a name without the `FOURGENT_` prefix"
        ));
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
    let mut seen = std::collections::HashMap::new();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn load(user: &str) -> Result<Catalog, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("connectors.toml");
        std::fs::write(&path, user).unwrap();
        Catalog::load(&path, |_| None)
    }

    #[test]
    fn builtin_catalog_loads_and_has_the_core_apps() {
        let cat = load("").unwrap();
        for id in ["hubspot", "quickbooks", "slack", "visma-economic"] {
            assert!(cat.get(id).is_some(), "{id} missing");
        }
        assert!(cat.iter().count() >= 30);
        let visma = cat.get("visma-economic").unwrap();
        assert_eq!(visma.auth, AuthKind::Custom);
        assert_eq!(visma.secret_fields().count(), 2);
    }

    #[test]
    fn user_file_adds_apps_and_overrides_key_by_key() {
        let cat = load(
            r#"
[connectors.acme]
name = "Acme"
auth = "custom"
check_url = "http://127.0.0.1:9/whoami"
[[connectors.acme.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"

[connectors.hubspot]
client_id = "my-client"
redirect_port = 8123
"#,
        )
        .unwrap();
        let acme = cat.get("acme").unwrap();
        assert_eq!(acme.source, Source::User);
        assert_eq!(acme.fields[0].header.as_deref(), Some("X-Api-Key"));
        let hubspot = cat.get("hubspot").unwrap();
        assert_eq!(hubspot.source, Source::Overridden);
        let oauth = hubspot.oauth2.as_ref().unwrap();
        assert_eq!(oauth.client_id.as_deref(), Some("my-client"));
        assert_eq!(oauth.redirect_port, Some(8123));
        assert!(oauth.authorize_url.starts_with("https://app.hubspot.com/"));
    }

    #[test]
    fn client_id_comes_from_the_environment_first() {
        let dir = tempfile::tempdir().unwrap();
        let cat = Catalog::load(&dir.path().join("none.toml"), |var| {
            (var == "FOURGENT_HUBSPOT_CLIENT_ID").then(|| "from-env".to_owned())
        })
        .unwrap();
        assert_eq!(
            cat.get("hubspot")
                .unwrap()
                .oauth2
                .as_ref()
                .unwrap()
                .client_id
                .as_deref(),
            Some("from-env")
        );
    }

    #[test]
    fn bad_entries_name_file_line_and_key() {
        let err = load("\n[connectors.acme]\nname = \"Acme\"\nauth = \"custom\"\ncolour = 1\n")
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 5") && msg.contains("colour"), "{msg}");

        let err = load("[connectors.x]\nname = \"X\"\n\n[connectors.acme]\nname = \"Acme\"\n")
            .unwrap_err();
        assert!(
            matches!(&err, Error::Invalid { line: 4, app, .. } if app == "acme"),
            "{err:?}"
        );
        assert!(err.to_string().contains("`auth`"), "{err}");
    }

    #[test]
    fn secrets_in_urls_and_plain_http_are_refused() {
        let err = load(
            "[connectors.acme]\nname = \"A\"\nauth = \"custom\"\ncheck_url = \"https://x/{api_key}\"\n[[connectors.acme.fields]]\nkey = \"api_key\"\nlabel = \"K\"\nsecret = true\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("secret field `api_key`"), "{err}");
        let err = load(
            "[connectors.acme]\nname = \"A\"\nauth = \"custom\"\ncheck_url = \"http://example.com/me\"\n[[connectors.acme.fields]]\nkey = \"api_key\"\nlabel = \"K\"\nsecret = true\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("https://"), "{err}");
    }

    const OAUTH_APP: &str = "[connectors.idp]\nname = \"IdP\"\nauth = \"oauth2\"\nauthorize_url = \"https://idp.example/auth\"\ntoken_url = \"https://idp.example/token\"\n";

    #[test]
    fn authorize_params_may_not_set_what_fourgent_sets() {
        for key in [
            "state",
            "redirect_uri",
            "code_challenge",
            "code_challenge_method",
            "client_id",
            "response_type",
            "State",
        ] {
            let err = load(&format!(
                "\n{OAUTH_APP}authorize_params = {{ {key} = \"x\" }}\n"
            ))
            .unwrap_err();
            assert!(
                matches!(&err, Error::Invalid { line: 2, app, .. } if app == "idp"),
                "{err:?}"
            );
            assert!(
                err.to_string()
                    .contains(&format!("`authorize_params` may not set `{key}`")),
                "{err}"
            );
        }
        // Overriding a built-in app is checked the same way.
        let err = load("[connectors.hubspot]\nauthorize_params = { redirect_uri = \"https://evil.example/\" }\n")
            .unwrap_err();
        assert!(err.to_string().contains("`redirect_uri`"), "{err}");
        // Other parameters are the app's business.
        let cat = load(&format!(
            "{OAUTH_APP}authorize_params = {{ prompt = \"consent\", access_type = \"offline\" }}\n"
        ))
        .unwrap();
        assert_eq!(
            cat.get("idp")
                .unwrap()
                .oauth2
                .as_ref()
                .unwrap()
                .authorize_params["prompt"],
            "consent"
        );
    }

    #[test]
    fn issuer_is_an_oauth_url_without_query() {
        let cat = load(&format!("{OAUTH_APP}issuer = \"https://idp.example\"\n")).unwrap();
        let spec = cat.get("idp").unwrap().oauth2.clone().unwrap();
        assert_eq!(spec.issuer.as_deref(), Some("https://idp.example"));
        for (bad, says) in [
            ("http://idp.example", "https://"),
            ("https://idp.example/?x=1", "without a query"),
            ("https://{tenant}.idp.example", "not a field"),
        ] {
            let err = load(&format!("{OAUTH_APP}issuer = \"{bad}\"\n")).unwrap_err();
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
        let err = load("[connectors.acme]\nname = \"A\"\nauth = \"custom\"\nissuer = \"https://x\"\n[[connectors.acme.fields]]\nkey = \"k\"\nlabel = \"K\"\nsecret = true\n").unwrap_err();
        assert!(
            err.to_string().contains("`issuer` is for OAuth2 apps"),
            "{err}"
        );
    }

    /// Every built-in connector against the URL policy: each URL builds with
    /// good values, and no hostile value moves a URL to another host.
    #[test]
    fn every_builtin_url_follows_the_policy() {
        use urls::UrlRule;
        let cat = load("").unwrap();
        let hostile = [
            "evil.test:1234/x?",
            "evil.test",
            "127.0.0.2",
            "127.0.0.2:4000/x?",
            "https://evil.test",
            "http://127.0.0.2:4000",
            "http://127.0.0.1:1@evil.test/",
            "https://acme.pipedrive.com.evil.test",
            "acme.salesforce.com.evil.test",
            "x@evil.test",
            "..",
            "a/../../b",
            "x#",
            "\\evil.test",
        ];
        let mut checked = 0;
        for c in cat.iter() {
            let good = |name: &str| -> Option<String> {
                Some(match c.url_rules.get(name)? {
                    UrlRule::HostLabel | UrlRule::PathSegment => "acme".into(),
                    UrlRule::Host { host_suffixes } => {
                        format!("acme.{}", host_suffixes[0].trim_start_matches('.'))
                    }
                    UrlRule::BaseUrl { host_suffixes } => {
                        format!("https://acme.{}", host_suffixes[0].trim_start_matches('.'))
                    }
                    UrlRule::OneOf { one_of } => one_of[0].clone(),
                })
            };
            let mut templates: Vec<(&'static str, &str)> = Vec::new();
            if let Some(o) = &c.oauth2 {
                templates.push(("authorize_url", &o.authorize_url));
                templates.push(("token_url", &o.token_url));
                templates.extend(o.revoke_url.as_deref().map(|u| ("revoke_url", u)));
            }
            templates.extend(c.check.as_ref().map(|k| ("check_url", k.url.as_str())));
            for (key, template) in templates {
                let url = c
                    .url(key, template, good)
                    .unwrap_or_else(|e| panic!("{}: {e}", c.id));
                assert_eq!(url.as_url().scheme(), "https", "{} {key}", c.id);
                for name in placeholders(template) {
                    let rule = &c.url_rules[name];
                    for bad in hostile {
                        let built = c.url(key, template, |n| {
                            if n == name {
                                Some(bad.to_owned())
                            } else {
                                good(n)
                            }
                        });
                        match (&built, rule) {
                            (Err(_), _) => {}
                            (Ok(u), UrlRule::PathSegment) => {
                                assert_eq!(
                                    u.as_url().host(),
                                    url.as_url().host(),
                                    "{} {key} {name}={bad}",
                                    c.id
                                );
                            }
                            (Ok(u), _) => {
                                panic!("{} {key}: `{name}` = `{bad}` gave {}", c.id, u.as_url())
                            }
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked >= 20, "only {checked} placeholders checked");
    }

    #[test]
    fn limits_and_lifetimes_are_read_and_checked() {
        let cat = load("").unwrap();
        let qb = cat.get("quickbooks").unwrap();
        assert_eq!(qb.max_concurrency, Some(10));
        let lifetime = qb.oauth2.as_ref().unwrap().refresh_token_lifetime.as_ref();
        assert_eq!(
            lifetime.map(|l| l.duration),
            Some(jiff::SignedDuration::from_hours(100 * 24))
        );
        assert_eq!(cat.get("xero").unwrap().max_concurrency, Some(5));
        assert_eq!(cat.get("visma-economic").unwrap().max_concurrency, None);

        for (text, hours) in [
            ("100 days", 2400),
            ("60d", 1440),
            ("12h", 12),
            ("2 weeks", 336),
        ] {
            assert_eq!(
                Lifetime::parse(text).unwrap().duration,
                jiff::SignedDuration::from_hours(hours),
                "{text}"
            );
        }
        for bad in ["3 months", "1 year", "soon", "0 days", "-5 days", ""] {
            assert!(Lifetime::parse(bad).is_err(), "{bad}");
        }

        let custom = |extra: &str| {
            format!(
                "[connectors.acme]\nname = \"A\"\nauth = \"custom\"\n{extra}\n[[connectors.acme.fields]]\nkey = \"k\"\nlabel = \"K\"\nsecret = true\n"
            )
        };
        let err = load(&custom("max_concurrency = 0")).unwrap_err();
        assert!(err.to_string().contains("at least 1"), "{err}");
        let err = load(&custom("refresh_token_lifetime = \"5 days\"")).unwrap_err();
        assert!(err.to_string().contains("for OAuth2 apps"), "{err}");
        let err = load("[connectors.xero]\nrefresh_token_lifetime = \"a while\"\n").unwrap_err();
        assert!(err.to_string().contains("refresh_token_lifetime"), "{err}");
        let cat = load("[connectors.xero]\nmax_concurrency = 2\n").unwrap();
        assert_eq!(cat.get("xero").unwrap().max_concurrency, Some(2));
    }

    #[test]
    fn exec_variables_are_derived_or_declared() {
        assert_eq!(
            default_env_var("hubspot", "access_token"),
            "HUBSPOT_ACCESS_TOKEN"
        );
        assert_eq!(
            default_env_var("quickbooks", "realmId"),
            "QUICKBOOKS_REALM_ID"
        );
        assert_eq!(
            default_env_var("hubspot-private-app", "access_token"),
            "HUBSPOT_PRIVATE_APP_ACCESS_TOKEN"
        );
        let cat = load("").unwrap();
        let env = |app: &str, key: &str| cat.get(app).unwrap().env_var(key);
        assert_eq!(env("hubspot", "access_token"), "HUBSPOT_ACCESS_TOKEN");
        assert_eq!(env("hubspot", "hub_id"), "HUBSPOT_HUB_ID");
        assert_eq!(env("stripe", "api_key"), "STRIPE_API_KEY");
        assert_eq!(env("quickbooks", "realmId"), "QUICKBOOKS_REALM_ID");
        assert_eq!(
            env("visma-economic", "app_secret_token"),
            "ECONOMIC_APP_SECRET_TOKEN"
        );
        assert_eq!(
            cat.get("quickbooks").unwrap().env["realmId"],
            "QUICKBOOKS_REALM_ID"
        );
        // Every built-in app has a variable for each of its values.
        for c in cat.iter() {
            if c.auth == AuthKind::OAuth2 {
                assert!(c.env.contains_key("access_token"), "{}", c.id);
            }
            for f in &c.fields {
                assert!(c.env.contains_key(&f.key), "{} {}", c.id, f.key);
            }
        }

        let cat = load(&format!(
            "{OAUTH_APP}access_token_env = \"IDP_TOKEN\"\n[[connectors.idp.fields]]\nkey = \"tenant\"\nlabel = \"T\"\nsecret = false\nenv = \"IDP_TENANT_NAME\"\n"
        ))
        .unwrap();
        let idp = cat.get("idp").unwrap();
        assert_eq!(idp.env["access_token"], "IDP_TOKEN");
        assert_eq!(idp.env["tenant"], "IDP_TENANT_NAME");
        for (bad, says) in [
            ("access_token_env = \"FOURGENT_X\"", "fourgent variable"),
            ("access_token_env = \"1X\"", "not a valid variable name"),
            (
                "access_token_env = \"IDP_TENANT\"\n[[connectors.idp.fields]]\nkey = \"tenant\"\nlabel = \"T\"\nsecret = false",
                "would both",
            ),
        ] {
            let err = load(&format!("{OAUTH_APP}{bad}\n")).unwrap_err();
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
        let err = load("[connectors.acme]\nname = \"A\"\nauth = \"custom\"\naccess_token_env = \"A_T\"\n[[connectors.acme.fields]]\nkey = \"k\"\nlabel = \"K\"\nsecret = true\n").unwrap_err();
        assert!(err.to_string().contains("for OAuth2 apps"), "{err}");
    }

    #[test]
    fn git_hosts_need_a_user_name_and_plain_host_names() {
        let cat = load("").unwrap();
        let git = cat.get("github").unwrap().git.clone().unwrap();
        assert_eq!(git.hosts, vec!["github.com"]);
        let cat = load(&format!(
            "{OAUTH_APP}git_hosts = [\"Git.Example.com:8443\"]\ngit_username = \"oauth2\"\n"
        ))
        .unwrap();
        let git = cat.get("idp").unwrap().git.clone().unwrap();
        assert_eq!(git.hosts, vec!["git.example.com:8443"]);
        assert_eq!(git.username, "oauth2");
        for (bad, says) in [
            ("git_hosts = [\"github.com\"]", "needs `git_username`"),
            ("git_username = \"x\"", "needs `git_hosts`"),
            (
                "git_hosts = [\"https://github.com\"]\ngit_username = \"x\"",
                "host names",
            ),
            ("git_hosts = [\"a..b\"]\ngit_username = \"x\"", "host names"),
            ("git_hosts = []\ngit_username = \"x\"", "is empty"),
        ] {
            let err = load(&format!("{OAUTH_APP}{bad}\n")).unwrap_err();
            assert!(err.to_string().contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn loading_some_apps_gives_the_same_connectors_as_the_whole_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("connectors.toml");
        std::fs::write(&user, "[connectors.hubspot]\nclient_id = \"mine\"\n").unwrap();
        let whole = Catalog::load(&user, |_| None).unwrap();
        let json = |c: &Connector| serde_json::to_string(c).unwrap();
        for c in whole.iter() {
            let some = Catalog::load_only(&user, |_| None, &[c.id.as_str(), "stripe"]).unwrap();
            assert_eq!(json(some.get(&c.id).unwrap()), json(c), "{}", c.id);
        }
        let some = Catalog::load_only(&user, |_| None, &["stripe"]).unwrap();
        assert_eq!(
            some.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["hubspot", "stripe"],
            "the user's apps, and the ones asked for"
        );
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("https://{a}.x/{b}/c"), vec!["a", "b"]);
        assert!(placeholders("https://x").is_empty());
    }
}
