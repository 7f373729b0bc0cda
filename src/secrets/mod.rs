//! Secrets: API keys, tokens and OAuth client secrets. They live in the OS
//! keychain (one entry per connection: service `fourgent`, account = the
//! connection ID), or, only when the user opts in, in an owner-only
//! `secrets.toml`. A secret is a [`Secret`] from the moment it is read until
//! it is handed to the store or an HTTP header: redacted `Debug`, no
//! `Display`, and reading it takes a greppable `expose_secret()`.

mod file;
mod keyring;

use std::collections::BTreeMap;
use std::time::Duration;

use jiff::Timestamp;
pub use secrecy::{ExposeSecret, SecretString as Secret};
use serde::{Deserialize, Serialize};

pub use file::FileStore;
pub use keyring::KeyringStore;

/// The keychain service name all entries are stored under.
pub const SERVICE: &str = "fourgent";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No keychain to talk to (no D-Bus session, no Secret Service provider).
    #[error("the OS keychain is not available")]
    Unavailable {
        reason: String,
        /// What to do about it, on this platform.
        hint: &'static str,
    },
    /// The keychain is there but locked, and nobody can be asked to unlock it.
    #[error("the OS keychain is locked")]
    Locked { reason: String },
    /// A keychain call did not answer in time.
    #[error("the OS keychain did not answer within {} seconds", .timeout.as_secs())]
    TimedOut { timeout: Duration },
    /// Any other failure of the keychain.
    #[error("the OS keychain failed")]
    Failed { reason: String },
    /// The stored value is not something fourgent wrote.
    #[error("the secret stored for `{account}` is damaged")]
    Corrupt { account: String },
    /// The team store failed, or this machine has no (or the wrong) team key.
    #[error(transparent)]
    Team(#[from] crate::team::Error),
    /// The file store could not be read or written.
    #[error(transparent)]
    File(#[from] crate::store::Error),
}

impl From<crate::fsutil::Error> for Error {
    fn from(e: crate::fsutil::Error) -> Error {
        Error::File(e.into())
    }
}

/// Where secrets go; chosen once per run (`--secret-store`).
pub trait SecretStore: Send + Sync {
    /// How the store is named in messages: "keychain" or the file's path.
    fn describe(&self) -> String;
    /// The secret stored for `account`, or `None` when there is none.
    fn get(&self, account: &str) -> Result<Option<Secret>, Error>;
    /// Stores (or replaces) the secret for `account`.
    fn set(&self, account: &str, value: &Secret) -> Result<(), Error>;
    /// Removes the secret for `account`; `false` when there was none.
    fn delete(&self, account: &str) -> Result<bool, Error>;
}

/// The keychain account of a connection's secret.
pub fn connection_account(id: &crate::model::ConnectionId) -> String {
    id.to_string()
}

/// An account nothing is stored under: reading it tells whether the store
/// answers at all.
pub fn probe_account() -> String {
    "probe:fourgent".into()
}

/// The keychain account of an app's OAuth client secret.
pub fn client_secret_account(app: &str) -> String {
    format!("client-secret:{app}")
}

/// Everything secret about one connection, stored as one entry.
#[derive(Debug, Default)]
pub struct Credentials {
    /// Custom apps: the secret fields the user typed, by field key.
    pub fields: BTreeMap<String, Secret>,
    /// OAuth2 apps: the tokens.
    pub token: Option<TokenSet>,
}

/// OAuth2 tokens as the token endpoint gave them.
#[derive(Debug)]
pub struct TokenSet {
    /// When the tokens were received (to judge a token's lifetime).
    pub obtained_at: Option<Timestamp>,
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    /// When the refresh token was received (it may be older than the access
    /// token); `None` for tokens stored before this was recorded.
    pub refresh_obtained_at: Option<Timestamp>,
    pub token_type: Option<String>,
    pub expires_at: Option<Timestamp>,
    pub scopes: Vec<String>,
}

/// The stored form. Only built right before writing and dropped right after
/// reading; never logged.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    fields: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token: Option<StoredToken>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredToken {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    obtained_at: Option<Timestamp>,
    access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_obtained_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scopes: Vec<String>,
}

impl Credentials {
    /// The single string the store keeps (JSON).
    pub fn to_secret(&self) -> Secret {
        let stored = Stored {
            fields: self
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), v.expose_secret().to_owned()))
                .collect(),
            token: self.token.as_ref().map(|t| StoredToken {
                obtained_at: t.obtained_at,
                access_token: t.access_token.expose_secret().to_owned(),
                refresh_token: t
                    .refresh_token
                    .as_ref()
                    .map(|r| r.expose_secret().to_owned()),
                refresh_obtained_at: t.refresh_obtained_at,
                token_type: t.token_type.clone(),
                expires_at: t.expires_at,
                scopes: t.scopes.clone(),
            }),
        };
        Secret::from(serde_json::to_string(&stored).expect("credentials serialize to JSON"))
    }

    pub fn from_secret(account: &str, secret: &Secret) -> Result<Credentials, Error> {
        let stored: Stored =
            serde_json::from_str(secret.expose_secret()).map_err(|_| Error::Corrupt {
                account: account.to_owned(),
            })?;
        Ok(Credentials {
            fields: stored
                .fields
                .into_iter()
                .map(|(k, v)| (k, Secret::from(v)))
                .collect(),
            token: stored.token.map(|t| TokenSet {
                obtained_at: t.obtained_at,
                access_token: Secret::from(t.access_token),
                refresh_token: t.refresh_token.map(Secret::from),
                refresh_obtained_at: t.refresh_obtained_at,
                token_type: t.token_type,
                expires_at: t.expires_at,
                scopes: t.scopes,
            }),
        })
    }
}

/// Reads and decodes a connection's credentials.
pub fn load_credentials(
    store: &dyn SecretStore,
    id: &crate::model::ConnectionId,
) -> Result<Option<Credentials>, Error> {
    let account = connection_account(id);
    store
        .get(&account)?
        .map(|s| Credentials::from_secret(&account, &s))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_a_secret() {
        let mut creds = Credentials::default();
        creds
            .fields
            .insert("api_key".into(), Secret::from("canary-123".to_owned()));
        creds.token = Some(TokenSet {
            obtained_at: None,
            access_token: Secret::from("canary-456".to_owned()),
            refresh_token: Some(Secret::from("canary-789".to_owned())),
            refresh_obtained_at: None,
            token_type: Some("Bearer".into()),
            expires_at: None,
            scopes: vec![],
        });
        let debug = format!("{creds:?}");
        assert!(!debug.contains("canary"), "{debug}");
        assert!(debug.contains("api_key"));
    }

    #[test]
    fn credentials_round_trip_through_the_stored_form() {
        let mut creds = Credentials::default();
        creds
            .fields
            .insert("api_key".into(), Secret::from("k".to_owned()));
        let back = Credentials::from_secret("c", &creds.to_secret()).unwrap();
        assert_eq!(back.fields["api_key"].expose_secret(), "k");
        assert!(back.token.is_none());
        assert!(matches!(
            Credentials::from_secret("c_x", &Secret::from("not json".to_owned())),
            Err(Error::Corrupt { .. })
        ));
    }
}
