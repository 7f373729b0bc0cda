//! The catalog of apps: the built-in one compiled into the binary, with a
//! user's `connectors.toml` laid over it key by key. Both use one format,
//! documented in `docs/connectors.md`.

mod connector;
mod urls;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
    /// The file may not be used: others could change it, or it is not a
    /// regular file.
    #[error(transparent)]
    File(#[from] crate::fsutil::Error),
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
        // Held to connections.toml's rules: it decides where secrets go, and
        // a FIFO or a device in its place would be read forever.
        let target = crate::fsutil::checked_target(user_file, crate::fsutil::Holds::Metadata)?;
        let user_text = match std::fs::read_to_string(&target) {
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
            let c = validate::connector(id, def, source, &env)
                .map_err(|message| invalid(path, text, span.start, id, message))?;
            connectors.insert(id.clone(), c);
        }
        for (id, def) in &user {
            if builtin.contains_key(id) {
                continue;
            }
            let text = user_text.as_deref().unwrap_or_default();
            let c = validate::connector(id, def.get_ref().clone(), Source::User, &env)
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
    crate::fsutil::line_col(text, offset).0
}

fn parse_file(
    path: &Path,
    text: &str,
) -> Result<BTreeMap<String, toml::Spanned<ConnectorDef>>, Error> {
    let file: CatalogFile = toml::from_str(text).map_err(|e| {
        let (line, column) = crate::fsutil::error_position(text, &e);
        Error::Parse {
            path: path.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })?;
    Ok(file.connectors)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AuthKind;

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
