//! Fresh credentials while the child runs, for the token endpoint and the
//! token files: each connection's last credentials are kept in memory and
//! served while they stay valid long enough; a token that is due goes
//! through the one guarded refresh (`oauth::refresh::Refresher::fresh`:
//! connection lock, re-read, signals deferred, cooldown), so several
//! requests, files and fourgent processes refresh it once.
//!
//! Everything here is owned or borrowed from `Sync` parts (stores, the
//! catalog entry), never from `Ctx`, so it can run on other threads.

use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use super::mask::Masks;
use crate::catalog::Connector;
use crate::model::{AuthKind, Connection};
use crate::oauth::App;
use crate::oauth::refresh::{Refresher, needs_refresh};
use crate::secrets::{Credentials, Secret, SecretStore, TokenSet};
use crate::store::Metadata;
use crate::ui::Ui;

/// What all sources share.
pub(crate) struct Shared<'a> {
    pub metadata: &'a dyn Metadata,
    pub config_dir: &'a Path,
    /// The run's store, which may hold OAuth client secrets.
    pub client_secrets: &'a dyn SecretStore,
    pub http_timeout: Duration,
    pub min_valid: SignedDuration,
    pub masks: &'a Masks,
    /// For warnings while the program runs (on stderr, between its lines).
    pub ui: &'a Ui,
    /// Made on the first refresh (most runs never refresh), then shared by
    /// every thread's refreshes on the process's one runtime.
    http: OnceLock<Result<reqwest::Client, String>>,
}

impl<'a> Shared<'a> {
    pub(crate) fn new(
        metadata: &'a dyn Metadata,
        config_dir: &'a Path,
        client_secrets: &'a dyn SecretStore,
        http_timeout: Duration,
        min_valid: SignedDuration,
        masks: &'a Masks,
        ui: &'a Ui,
    ) -> Shared<'a> {
        Shared {
            metadata,
            config_dir,
            client_secrets,
            http_timeout,
            min_valid,
            masks,
            ui,
            http: OnceLock::new(),
        }
    }

    fn http(&self) -> Result<&reqwest::Client, String> {
        self.http
            .get_or_init(|| {
                reqwest::Client::builder()
                    .user_agent(concat!("fourgent/", env!("CARGO_PKG_VERSION")))
                    .timeout(self.http_timeout)
                    .connect_timeout(self.http_timeout.min(Duration::from_secs(10)))
                    .redirect(reqwest::redirect::Policy::none())
                    .pool_max_idle_per_host(0)
                    .build()
                    .map_err(|e| format!("cannot set up the HTTP client: {e}"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// One connection the child may ask for.
pub(crate) struct Source<'a> {
    pub conn: Connection,
    pub connector: &'a Connector,
    /// The store its secret lives in.
    pub secrets: &'a dyn SecretStore,
    current: Mutex<Credentials>,
}

/// A secret as served: the value and, for an access token, its expiry.
pub(crate) struct Served {
    pub secret: Secret,
    pub expires_at: Option<Timestamp>,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    /// The connection has no such secret (a wrong `/<field>`).
    #[error("no such secret")]
    NoSuchSecret,
    /// The connection has several secrets and none was named.
    #[error("several secrets, and none was named")]
    WhichSecret,
    /// A refresh was needed and failed; the reason, without secrets.
    #[error("{0}")]
    Refresh(String),
}

impl<'a> Source<'a> {
    pub(crate) fn new(
        conn: Connection,
        connector: &'a Connector,
        secrets: &'a dyn SecretStore,
        creds: Credentials,
    ) -> Source<'a> {
        Source {
            conn,
            connector,
            secrets,
            current: Mutex::new(creds),
        }
    }

    pub(crate) fn is_oauth2(&self) -> bool {
        self.conn.auth == AuthKind::OAuth2
    }

    /// The secret `field` (none: the access token, or the only secret),
    /// refreshed first when it would expire within the run's `--min-valid`
    /// (at most half its lifetime, so a short-lived token is not refreshed
    /// on every request).
    pub(crate) fn get(&self, shared: &Shared<'_>, field: Option<&str>) -> Result<Served, Failure> {
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if self.is_oauth2() {
            if field.is_some_and(|f| f != "access_token") {
                return Err(Failure::NoSuchSecret);
            }
            let Some(token) = &current.token else {
                return Err(Failure::NoSuchSecret);
            };
            let min_valid = effective_min_valid(token, shared.min_valid);
            if needs_refresh(&current, min_valid, Timestamp::now()) {
                let fresh = self.refresh(shared, min_valid)?;
                *current = fresh;
            }
            let token = current.token.as_ref().ok_or(Failure::NoSuchSecret)?;
            shared.masks.add(&token.access_token);
            return Ok(Served {
                secret: token.access_token.clone(),
                expires_at: token.expires_at,
            });
        }
        let key = match field {
            Some(k) => k.to_owned(),
            None => match current.fields.keys().collect::<Vec<_>>().as_slice() {
                [one] => (*one).clone(),
                _ => return Err(Failure::WhichSecret),
            },
        };
        let secret = current.fields.get(&key).ok_or(Failure::NoSuchSecret)?;
        Ok(Served {
            secret: secret.clone(),
            expires_at: None,
        })
    }

    /// When the served access token should be renewed (`None`: never).
    pub(crate) fn renew_at(&self, shared: &Shared<'_>) -> Option<Timestamp> {
        let current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let token = current.token.as_ref()?;
        let exp = token.expires_at?;
        exp.checked_sub(effective_min_valid(token, shared.min_valid))
            .ok()
    }

    fn refresh(
        &self,
        shared: &Shared<'_>,
        min_valid: SignedDuration,
    ) -> Result<Credentials, Failure> {
        let label = self.conn.label();
        let http = shared.http().map_err(Failure::Refresh)?;
        let refresher = Refresher {
            secrets: self.secrets,
            metadata: shared.metadata,
            http,
        };
        let app_of = || -> crate::error::Result<App<'_>> {
            let (client_id, client_secret) = super::super::oauth::client_credentials_in(
                shared.client_secrets,
                shared.config_dir,
                self.connector,
            )?;
            Ok(App {
                connector: self.connector,
                client_id,
                client_secret,
                fields: &self.conn.fields,
            })
        };
        let fresh = refresher
            .fresh(&self.conn, app_of, min_valid)
            .map_err(|e| {
                let reason = format!("cannot refresh {label}: {e}");
                shared.ui.warn(&reason);
                Failure::Refresh(reason)
            })?;
        if let Some(e) = fresh.metadata_error {
            shared.ui.warn(&format!(
                "the new tokens of {label} are stored, but {} could not be updated: {e}",
                shared.metadata.describe()
            ));
        }
        shared
            .ui
            .debug(|| format!("{label}: {:?} while the program runs", fresh.how));
        Ok(fresh.creds)
    }
}

/// `min_valid`, but at most half the token's lifetime.
fn effective_min_valid(token: &TokenSet, min_valid: SignedDuration) -> SignedDuration {
    match (token.obtained_at, token.expires_at) {
        (Some(got), Some(exp)) => {
            let half = exp.duration_since(got) / 2;
            min_valid.min(half).max(SignedDuration::ZERO)
        }
        _ => min_valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(lifetime: i64) -> TokenSet {
        let now = Timestamp::now();
        TokenSet {
            refresh_obtained_at: None,
            obtained_at: Some(now),
            access_token: Secret::from("a".to_owned()),
            refresh_token: None,
            token_type: None,
            expires_at: Some(now + SignedDuration::from_secs(lifetime)),
            scopes: vec![],
        }
    }

    #[test]
    fn short_lived_tokens_are_kept_for_half_their_life() {
        let five_min = SignedDuration::from_mins(5);
        assert_eq!(effective_min_valid(&token(3600), five_min), five_min);
        assert_eq!(
            effective_min_valid(&token(60), five_min),
            SignedDuration::from_secs(30)
        );
        let mut unknown = token(60);
        unknown.obtained_at = None;
        assert_eq!(effective_min_valid(&unknown, five_min), five_min);
    }
}
