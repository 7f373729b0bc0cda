//! A connection and the words used for its kind and status everywhere
//! (file, JSON, flags: `oauth2`/`custom`, `connected`/`not_connected`).

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::id::ConnectionId;

/// How a connection authenticates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthKind {
    #[serde(rename = "oauth2")]
    OAuth2,
    Custom,
}

impl AuthKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthKind::OAuth2 => "oauth2",
            AuthKind::Custom => "custom",
        }
    }
}

impl fmt::Display for AuthKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuthKind::OAuth2 => "OAuth2",
            AuthKind::Custom => "Custom",
        })
    }
}

/// Whether integrations using the connection can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Connected,
    NotConnected,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Connected => "connected",
            Status::NotConnected => "not_connected",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Connected => "Connected",
            Status::NotConnected => "Not Connected",
        })
    }
}

/// Where a connection's secret lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretBackend {
    /// The OS keychain.
    Keyring,
    /// `secrets.toml` in the config dir.
    File,
}

impl SecretBackend {
    pub fn as_str(self) -> &'static str {
        match self {
            SecretBackend::Keyring => "keyring",
            SecretBackend::File => "file",
        }
    }
}

impl fmt::Display for SecretBackend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the last check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    /// The app accepted the credentials.
    Ok,
    /// The secret was present; the app has no check endpoint or the check was skipped.
    SecretPresent,
    /// The secret is missing from the secret store.
    MissingSecret,
    /// The app rejected the credentials (401/403, or an error in the answer).
    Rejected,
    /// The token expired and could not be refreshed.
    Expired,
    /// The app could not be reached, or failed; the stored status was kept.
    Unreachable,
}

impl CheckResult {
    /// The result in words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            CheckResult::Ok => "accepted by the app",
            CheckResult::SecretPresent => "secret present (not checked with the app)",
            CheckResult::MissingSecret => "secret missing",
            CheckResult::Rejected => "rejected by the app",
            CheckResult::Expired => "token expired and could not be refreshed",
            CheckResult::Unreachable => "the app could not be asked",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CheckResult::Ok => "ok",
            CheckResult::SecretPresent => "secret_present",
            CheckResult::MissingSecret => "missing_secret",
            CheckResult::Rejected => "rejected",
            CheckResult::Expired => "expired",
            CheckResult::Unreachable => "unreachable",
        }
    }
}

/// The time and outcome of the last `status` check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastCheck {
    pub at: Timestamp,
    pub result: CheckResult,
    /// Why the connection is not connected (or could not be checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One authenticated link to one account of an app. Never holds a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    pub id: ConnectionId,
    pub name: String,
    pub app: String,
    pub auth: AuthKind,
    pub status: Status,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// Non-secret values: a subdomain, a realm ID.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_check: Option<LastCheck>,
    /// Where the secret lives; `None` for connections written before this
    /// was recorded (they use the store chosen for the run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<SecretBackend>,
    /// Failed token refreshes in a row (0 after a success).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub refresh_failures: u32,
    /// After a failed refresh, no process asks the app again before this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_retry_at: Option<Timestamp>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Connection {
    /// `app/name`: how a connection is shown and named unambiguously.
    /// Line breaks are escaped ([`one_line`]): a name from a team store
    /// is not validated like one from connections.toml.
    pub fn label(&self) -> String {
        format!("{}/{}", one_line(&self.app), one_line(&self.name))
    }

    /// `app/name (ID)`: used in lists of candidates.
    pub fn label_with_id(&self) -> String {
        format!("{} ({})", self.label(), one_line(self.id.as_str()))
    }

    /// For tests: a Custom connection, Connected, made at the Unix epoch,
    /// with a new ID and nothing else known. A test sets only what it is
    /// about: `Connection { account: …, ..Connection::sample("stripe", "prod") }`.
    #[doc(hidden)]
    pub fn sample(app: &str, name: &str) -> Connection {
        Connection {
            id: ConnectionId::generate(|_| false),
            name: name.into(),
            app: app.into(),
            auth: AuthKind::Custom,
            status: Status::Connected,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            account: None,
            expires_at: None,
            scopes: vec![],
            fields: BTreeMap::new(),
            last_check: None,
            store: None,
            refresh_failures: 0,
            refresh_retry_at: None,
        }
    }
}

/// `text` for a message, with each line break shown as `\u{a}` (as the
/// terminal sanitizer shows other control characters): messages are
/// sanitized line by line, so a value with a line break of its own could
/// print a line of its choosing, such as a forged `hint:`.
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\n') {
        text.replace('\n', "\\u{a}").into()
    } else {
        text.into()
    }
}

/// Checks a connection name: 1–64 characters from letters, digits and
/// `. _ - @ +`, starting with a letter or digit, and not shaped like an ID.
pub fn validate_name(name: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "._-@+".contains(c);
    if name.is_empty() {
        return Err("a connection name cannot be empty".into());
    }
    if name.len() > 64 {
        return Err(format!("`{}` is longer than 64 characters", one_line(name)));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) || !name.chars().all(ok_char) {
        return Err(format!(
            "`{}` is not a valid connection name: use letters, digits and `. _ - @ +`, starting with a letter or digit",
            one_line(name)
        ));
    }
    if ConnectionId::looks_like_id(name) {
        return Err(format!(
            "`{name}` looks like a connection ID; choose a name that does not"
        ));
    }
    Ok(())
}

/// Whether two connection names are the same name: names compare without
/// regard to case (`Prod` and `prod` are one name; the first spelling is
/// kept).
pub fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// A free name for a new connection of `app`: `default`, then `default-2`, …
pub fn suggest_name<'a>(
    existing: impl Iterator<Item = &'a Connection> + Clone,
    app: &str,
) -> String {
    let taken = |n: &str| {
        existing
            .clone()
            .any(|c| c.app == app && same_name(&c.name, n))
    };
    if !taken("default") {
        return "default".into();
    }
    (2..)
        .map(|i| format!("default-{i}"))
        .find(|n| !taken(n))
        .expect("an unbounded range always has a free name")
}

/// The current time, to the second (what the files and JSON show).
pub fn now() -> Timestamp {
    let t = Timestamp::now();
    t.round(jiff::Unit::Second).unwrap_or(t)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// [`Connection::sample`], short for the unit tests that use many.
    pub(crate) fn conn(app: &str, name: &str) -> Connection {
        Connection::sample(app, name)
    }

    #[test]
    fn names_are_validated() {
        assert!(validate_name("staging").is_ok());
        assert!(validate_name("prod.eu-1@acme+x").is_ok());
        assert!(validate_name("").is_err());
        assert!(validate_name("-x").is_err());
        assert!(validate_name("a/b").is_err());
        assert!(validate_name("has space").is_err());
        assert!(validate_name("c_7k2m9qx4").is_err());
        assert!(validate_name(&"a".repeat(65)).is_err());
        let err = validate_name("x\nhint: run this").unwrap_err();
        assert!(err.starts_with("`x\\u{a}hint: run this` is not"), "{err}");
    }

    #[test]
    fn names_compare_without_case() {
        assert!(same_name("Prod", "prod"));
        assert!(!same_name("prod", "prod-2"));
        let conns = [conn("stripe", "Default")];
        assert_eq!(suggest_name(conns.iter(), "stripe"), "default-2");
    }

    #[test]
    fn suggested_name_is_free_for_the_app() {
        let conns = [
            conn("stripe", "default"),
            conn("stripe", "default-2"),
            conn("slack", "default-3"),
        ];
        assert_eq!(suggest_name(conns.iter(), "stripe"), "default-3");
        assert_eq!(suggest_name(conns.iter(), "hubspot"), "default");
    }
}
