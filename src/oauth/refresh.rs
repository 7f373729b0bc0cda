//! Keeping an OAuth2 access token fresh: one guarded transaction that every
//! caller (`token`, `status`, `delete`, `exec`) goes through.
//!
//! 1. **Due check**, without a lock: a token that is not due is used as it is.
//! 2. **Lock**: the connection's secret lock (`Metadata::lock_connection`:
//!    `locks/<ID>.lock` in the config dir for the local store), one per
//!    connection and separate from the metadata lock. Every
//!    write of a connection's secret (refresh, reauthorize, delete, move)
//!    takes it, always before the metadata lock, never after.
//! 3. **Re-read** the secret and the metadata under the lock: another process
//!    may have refreshed meanwhile (its tokens are used: a rotating refresh
//!    token is never sent twice), deleted the connection, marked it Not
//!    Connected, or recorded a failed refresh whose cooldown still runs.
//! 4. **Request**, with SIGINT, SIGTERM and SIGHUP deferred from the moment
//!    it is sent until the answer is stored.
//! 5. **Store** the new tokens at once, before any other work: only the
//!    secret lock is held, so a metadata lock held by another process cannot
//!    delay it. Then a deferred signal takes effect.
//! 6. **Record** in the metadata: the new expiry and scopes, or the failure
//!    and its cooldown (30 s, doubling up to an hour) so that no process
//!    hammers the app with a dead refresh token; `invalid_grant` marks the
//!    connection Not Connected at once.

use jiff::{SignedDuration, Timestamp};

use super::{App, is_due};
use crate::model::{CheckResult, Connection, ConnectionId, LastCheck, Status};
use crate::secrets::{self, Credentials, ExposeSecret, SecretStore};
use crate::store::{self, Action, Event, Metadata};

/// The first wait after a failed refresh; it doubles with each failure.
const COOLDOWN: SignedDuration = SignedDuration::from_secs(30);
/// The longest wait between two refresh attempts after failures.
const MAX_COOLDOWN: SignedDuration = SignedDuration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The connection's secret is gone (never stored, or deleted meanwhile).
    #[error("the secret is missing")]
    Missing,
    /// The connection was deleted while this process waited for its lock.
    #[error("the connection was deleted by another process")]
    Deleted,
    /// Marked Not Connected (by this refresh or an earlier one).
    #[error("{reason}")]
    NotConnected { reason: String },
    /// A recent refresh failed; the app is not asked again before `until`.
    #[error(
        "{reason} ({} ago); the app is not asked again before {until}",
        ago(*at)
    )]
    CoolingDown {
        at: Timestamp,
        until: Timestamp,
        reason: String,
    },
    /// The app answered with an error other than `invalid_grant`, or could
    /// not be reached before the request was sent.
    #[error("the refresh failed: {0}")]
    Failed(#[source] super::Error),
    /// The request was sent and no answer came back: the app may have
    /// rotated the refresh token.
    #[error("the refresh request got no answer: {0}")]
    MaybeRotated(#[source] super::Error),
    /// The app issued new tokens and they could not be stored.
    #[error("the app issued new tokens but they could not be stored")]
    NotStored(#[source] secrets::Error),
    #[error(transparent)]
    Secrets(#[from] secrets::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The OAuth client credentials could not be had.
    #[error("{0}")]
    Client(Box<crate::error::Error>),
}

/// What a refresh found.
pub struct Fresh {
    pub creds: Credentials,
    /// How the token came to be fresh.
    pub how: How,
    /// The metadata could not be updated after the new tokens were stored
    /// (the tokens are safe; the file keeps the old expiry).
    pub metadata_error: Option<store::Error>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The stored token was not due.
    NotDue,
    /// Another process refreshed it while this one waited for the lock.
    ByAnother,
    /// This process refreshed it.
    Refreshed,
}

/// How long new tokens are offered to a failing store before they are given
/// up (pauses of 0.25 s, doubling up to 2 s). A team store's lease on the
/// connection lasts longer, so no other machine refreshes meanwhile.
const STORE_FOR: std::time::Duration = std::time::Duration::from_secs(20);

/// The stores and the client a refresh works with.
pub struct Refresher<'a> {
    pub secrets: &'a dyn SecretStore,
    /// The connections' metadata, and their locks.
    pub metadata: &'a dyn Metadata,
    pub http: &'a reqwest::Client,
}

/// Whether `creds` hold a token that must be refreshed: due (see
/// [`is_due`]), or expiring within `min_valid`.
pub fn needs_refresh(creds: &Credentials, min_valid: SignedDuration, now: Timestamp) -> bool {
    creds.token.as_ref().is_some_and(|t| {
        is_due(t, now)
            || t.expires_at
                .is_some_and(|exp| now.checked_add(min_valid).map_or(true, |t| t >= exp))
    })
}

impl Refresher<'_> {
    /// The connection's credentials, with an access token valid for at least
    /// `min_valid` (and not due), refreshed under the lock when needed.
    /// `client` gives the OAuth client ID and secret; it is called only when
    /// the app must be asked.
    pub fn fresh<'c>(
        &self,
        conn: &Connection,
        app_of: impl FnOnce() -> Result<App<'c>, crate::error::Error>,
        min_valid: SignedDuration,
    ) -> Result<Fresh, Error> {
        let creds = self.load(&conn.id)?;
        if !needs_refresh(&creds, min_valid, Timestamp::now()) {
            return Ok(Fresh {
                creds,
                how: How::NotDue,
                metadata_error: None,
            });
        }
        let seen = access_token(&creds);
        let _lock = self.metadata.lock_connection(&conn.id)?;

        // Re-read under the lock.
        let mut creds = self.load(&conn.id)?;
        if !needs_refresh(&creds, min_valid, Timestamp::now()) || access_token(&creds) != seen {
            return Ok(Fresh {
                creds,
                how: How::ByAnother,
                metadata_error: None,
            });
        }
        let stored = self
            .metadata
            .load()?
            .into_iter()
            .find(|c| c.id == conn.id)
            .ok_or(Error::Deleted)?;
        if stored.status == Status::NotConnected
            && let Some(check) = &stored.last_check
            && check.result == CheckResult::Expired
        {
            return Err(Error::NotConnected {
                reason: check
                    .reason
                    .clone()
                    .unwrap_or_else(|| "the token expired and could not be refreshed".into()),
            });
        }
        let now = Timestamp::now();
        if let Some(until) = stored.refresh_retry_at
            && now < until
        {
            return Err(Error::CoolingDown {
                at: stored.last_check.as_ref().map_or(now, |l| l.at),
                until,
                reason: stored
                    .last_check
                    .as_ref()
                    .and_then(|l| l.reason.clone())
                    .unwrap_or_else(|| "no reason recorded".into()),
            });
        }

        let old = creds.token.take().expect("needs_refresh implies a token");
        if old.refresh_token.is_none() {
            let reason = "the access token expired and the app gave no refresh token".to_owned();
            self.mark_not_connected(&conn.id, &reason)?;
            return Err(Error::NotConnected { reason });
        }
        let app = app_of().map_err(|e| Error::Client(Box::new(e)))?;
        let runtime = crate::runtime::get()
            .map_err(|e| Error::Client(Box::new(crate::error::Error::failure(e))))?;

        // From here until the answer is stored, Ctrl-C and SIGTERM wait.
        let deferred = crate::signals::defer();
        let answer = runtime.block_on(super::refresh(self.http, &app, &old));
        let new = match answer {
            Ok(new) => new,
            Err(e) => {
                drop(deferred);
                return Err(self.record_failure(&conn.id, &stored, e));
            }
        };
        let (expires_at, scopes) = (new.expires_at, new.scopes.clone());
        creds.token = Some(new);
        self.store_rotated(&conn.id, &creds)?;
        // The tokens are safe: a signal that arrived meanwhile ends the
        // process here.
        drop(deferred);

        let metadata_error = self
            .metadata
            .update(|conns| -> Result<(), store::Error> {
                if let Some(c) = conns.iter_mut().find(|c| c.id == conn.id) {
                    if c.expires_at
                        .is_none_or(|old| expires_at.is_some_and(|new| new > old))
                    {
                        c.expires_at = expires_at;
                    }
                    if !scopes.is_empty() {
                        c.scopes = scopes;
                    }
                    c.refresh_failures = 0;
                    c.refresh_retry_at = None;
                }
                Ok(())
            })
            .err();
        self.metadata.record(&Event {
            conn: &stored,
            action: Action::Refresh,
            detail: None,
        });
        Ok(Fresh {
            creds,
            how: How::Refreshed,
            metadata_error,
        })
    }

    /// Stores tokens the app just issued. The old refresh token may be
    /// dead already, so a failed write is tried again for a while (a team
    /// store may be away for a moment) while the lock is held.
    fn store_rotated(&self, id: &ConnectionId, creds: &Credentials) -> Result<(), Error> {
        let account = secrets::connection_account(id);
        let secret = creds.to_secret();
        let deadline = std::time::Instant::now() + STORE_FOR;
        let mut pause = std::time::Duration::from_millis(250);
        loop {
            match self.secrets.set(&account, &secret) {
                Ok(()) => return Ok(()),
                Err(e) if std::time::Instant::now() + pause > deadline => {
                    return Err(Error::NotStored(e));
                }
                Err(_) => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_secs(2));
                }
            }
        }
    }

    fn load(&self, id: &ConnectionId) -> Result<Credentials, Error> {
        secrets::load_credentials(self.secrets, id)?.ok_or(Error::Missing)
    }

    /// Records a failed refresh: Not Connected for `invalid_grant`, else a
    /// cooldown. Returns the error to report.
    fn record_failure(&self, id: &ConnectionId, stored: &Connection, e: super::Error) -> Error {
        self.metadata.record(&Event {
            conn: stored,
            action: Action::RefreshFailed,
            detail: Some(crate::sanitize::clean(&e.to_string(), 300)),
        });
        if e.is_invalid_grant() {
            let reason = format!("the app refused to refresh the token: {e}");
            return match self.mark_not_connected(id, &reason) {
                Ok(()) => Error::NotConnected { reason },
                Err(store) => store,
            };
        }
        if matches!(e, super::Error::Url(_) | super::Error::Config(_)) {
            // Nothing was sent: fixing the configuration fixes it, no pause.
            return Error::Failed(e);
        }
        let failures = stored.refresh_failures.saturating_add(1);
        let wait = (1..failures).fold(COOLDOWN, |w, _| (w * 2).min(MAX_COOLDOWN));
        let now = crate::model::connection::now();
        let until = now.checked_add(wait).unwrap_or(now);
        let reason = format!("the refresh failed: {e}");
        let recorded = self.metadata.update(|conns| -> Result<(), store::Error> {
            if let Some(c) = conns.iter_mut().find(|c| &c.id == id) {
                c.refresh_failures = failures;
                c.refresh_retry_at = Some(until);
                c.last_check = Some(LastCheck {
                    at: now,
                    result: CheckResult::Unreachable,
                    reason: Some(reason.clone()),
                });
            }
            Ok(())
        });
        if let Err(store) = recorded {
            return Error::Store(store);
        }
        if e.maybe_sent() {
            Error::MaybeRotated(e)
        } else {
            Error::Failed(e)
        }
    }

    fn mark_not_connected(&self, id: &ConnectionId, reason: &str) -> Result<(), Error> {
        let now = crate::model::connection::now();
        self.metadata.update(|conns| -> Result<(), store::Error> {
            if let Some(c) = conns.iter_mut().find(|c| &c.id == id) {
                c.status = Status::NotConnected;
                c.updated_at = now;
                c.refresh_retry_at = None;
                c.last_check = Some(LastCheck {
                    at: now,
                    result: CheckResult::Expired,
                    reason: Some(reason.to_owned()),
                });
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn access_token(creds: &Credentials) -> Option<String> {
    creds
        .token
        .as_ref()
        .map(|t| t.access_token.expose_secret().to_owned())
}

/// "12 s", "3 min", "2 h": how long ago `at` was.
fn ago(at: Timestamp) -> String {
    let secs = Timestamp::now().duration_since(at).as_secs().max(0);
    match secs {
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", s / 60),
        s => format!("{} h", s / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{Secret, TokenSet};

    fn creds(expires_in: i64) -> Credentials {
        Credentials {
            fields: Default::default(),
            token: Some(TokenSet {
                obtained_at: None,
                refresh_obtained_at: None,
                access_token: Secret::from("a".to_owned()),
                refresh_token: None,
                token_type: None,
                expires_at: Some(Timestamp::now() + SignedDuration::from_secs(expires_in)),
                scopes: vec![],
            }),
        }
    }

    #[test]
    fn min_valid_asks_for_a_longer_life_than_due() {
        let now = Timestamp::now();
        assert!(!needs_refresh(&creds(3600), SignedDuration::ZERO, now));
        assert!(!needs_refresh(
            &creds(3600),
            SignedDuration::from_mins(5),
            now
        ));
        assert!(needs_refresh(
            &creds(200),
            SignedDuration::from_mins(5),
            now
        ));
        assert!(needs_refresh(&creds(30), SignedDuration::ZERO, now));
        assert!(!needs_refresh(
            &Credentials::default(),
            SignedDuration::from_mins(5),
            now
        ));
    }

    #[test]
    fn cooldown_grows_and_stops_at_an_hour() {
        let wait = |failures: u32| (1..failures).fold(COOLDOWN, |w, _| (w * 2).min(MAX_COOLDOWN));
        assert_eq!(wait(1), SignedDuration::from_secs(30));
        assert_eq!(wait(2), SignedDuration::from_secs(60));
        assert_eq!(wait(4), SignedDuration::from_secs(240));
        assert_eq!(wait(20), MAX_COOLDOWN);
    }
}
