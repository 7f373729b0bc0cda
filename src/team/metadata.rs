//! The team store's connections table behind the same [`Metadata`] trait as
//! `connections.toml`: each connection is one row, its metadata as JSON.
//!
//! A change runs in one transaction that first takes the list's advisory
//! lock, so changes from every machine queue as they do for the file; a
//! unique index on the app and the lowercased name keeps names unique even
//! so. A connection's lock is a lease row in `fourgent.leases`, held while
//! a refresh asks the app and stores the answer, so one refresh runs per
//! connection across every machine, and a session that drops meanwhile
//! does not let another machine in before the new tokens are stored.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;

use super::binding;
use super::schema::LOCK_CLASS;
use super::{Error, Failure, Result, Team};
use crate::model::{Connection, ConnectionId};
use crate::store::{self, ConnectionLock, Metadata};

/// How long a connection's lease lasts: longer than a refresh can take (the
/// app's answer within the HTTP timeout, then storing the new tokens, which
/// is retried for a while when the store is away).
const LEASE: Duration = Duration::from_secs(90);
/// How long to wait beyond a lease that its holder never released (it died).
const LOCK_WAIT: Duration = Duration::from_secs(15);

pub struct TeamMetadata {
    team: Arc<Team>,
}

impl TeamMetadata {
    pub(crate) fn new(team: Arc<Team>) -> TeamMetadata {
        TeamMetadata { team }
    }

    fn read(&self) -> Result<Vec<Connection>> {
        // Each row is parsed as it arrives, while the server still turns the
        // next ones into text: with thousands of rows the two take turns
        // otherwise. Unprepared, so one round trip.
        let parsed = self.team.session.run(|c| async move {
            let rows = c
                .query_typed_raw(
                    "SELECT id, meta::text FROM fourgent.connections ORDER BY seq",
                    std::iter::empty::<(&str, tokio_postgres::types::Type)>(),
                )
                .await?;
            let mut rows = std::pin::pin!(rows);
            let mut parsed = Vec::new();
            while let Some(row) = rows.try_next().await? {
                parsed.push(connection_of(&row));
            }
            Ok(parsed)
        })?;
        parsed.into_iter().collect()
    }

    fn write(&self, before: &[Connection], after: &[Connection]) -> Result<()> {
        let session = &self.team.session;
        let old: HashMap<&str, &Connection> = before.iter().map(|c| (c.id.as_str(), c)).collect();
        let kept: std::collections::HashSet<&str> = after.iter().map(|c| c.id.as_str()).collect();
        let gone: Vec<String> = before
            .iter()
            .filter(|c| !kept.contains(c.id.as_str()))
            .map(|c| c.id.to_string())
            .collect();
        if !gone.is_empty() {
            session.execute(
                "DELETE FROM fourgent.connections WHERE id = ANY($1)",
                &[&gone],
            )?;
        }
        let changed: Vec<&Connection> = after
            .iter()
            .filter(|c| old.get(c.id.as_str()).is_none_or(|o| *o != *c))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        // Every row written carries the seal of what decides where its
        // secret goes: writing one takes the team key.
        let keys = self.team.keys().map_err(key_error)?;
        for c in changed {
            let meta = serde_json::to_string(c).expect("a connection serializes");
            let sealed = binding::seal(keys.current(), c).map_err(|e| {
                Error::new(
                    Failure::Refused {
                        code: "seal".into(),
                    },
                    e.to_string(),
                )
            })?;
            session.execute(
                "INSERT INTO fourgent.connections
                     (id, app, name, meta, binding_key_id, binding_nonce, binding)
                 VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7)
                 ON CONFLICT (id) DO UPDATE
                 SET app = EXCLUDED.app, name = EXCLUDED.name, meta = EXCLUDED.meta,
                     binding_key_id = EXCLUDED.binding_key_id,
                     binding_nonce = EXCLUDED.binding_nonce, binding = EXCLUDED.binding,
                     updated_at = now()",
                &[
                    &c.id.as_str(),
                    &c.app,
                    &c.name,
                    &meta,
                    &sealed.key_id.as_str(),
                    &&sealed.nonce[..],
                    &sealed.ciphertext,
                ],
            )?;
        }
        Ok(())
    }

    fn at(&self, e: Error) -> store::Error {
        store::Error::Team(e.at(self.team.shown()))
    }
}

/// A row of the connections table as a connection.
fn connection_of(row: &tokio_postgres::Row) -> Result<Connection> {
    let text: &str = row.get(1);
    let damaged = |reason: String| {
        let id: &str = row.get(0);
        Error::new(
            Failure::DamagedRow {
                id: crate::sanitize::sanitize(id, 64),
            },
            reason,
        )
    };
    let conn: Connection = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
    // The same rules as connections.toml: a name is what messages quote, so
    // it is checked as it arrives.
    crate::model::connection::validate_name(&conn.name).map_err(damaged)?;
    Ok(conn)
}

impl Metadata for TeamMetadata {
    fn describe(&self) -> String {
        format!("the team store at {}", self.team.shown())
    }

    fn load(&self) -> Result<Vec<Connection>, store::Error> {
        self.team.checked().map_err(|e| self.at(e))?;
        self.read().map_err(|e| self.at(e))
    }

    fn update_with(
        &self,
        change: &mut dyn FnMut(&mut Vec<Connection>) -> bool,
    ) -> Result<(), store::Error> {
        self.team.checked().map_err(|e| self.at(e))?;
        let session = &self.team.session;
        session
            .transaction(|| {
                session.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&LOCK_CLASS])?;
                let mut conns = self.read()?;
                let before = conns.clone();
                let keep = change(&mut conns);
                if keep && conns != before {
                    self.write(&before, &conns)?;
                }
                Ok(((), keep))
            })
            .map_err(|e| self.at(e))
    }

    fn lock_connection(&self, id: &ConnectionId) -> Result<ConnectionLock, store::Error> {
        self.team.checked().map_err(|e| self.at(e))?;
        let deadline = Instant::now() + LEASE + LOCK_WAIT;
        let label = || format!("connection {id}");
        // First among this process's threads...
        {
            let mut held = self.team.held.lock().unwrap_or_else(|e| e.into_inner());
            while held.contains(id.as_str()) {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(self.at(Error::new(Failure::LockTimeout { what: label() }, "")));
                }
                held = self
                    .team
                    .released
                    .wait_timeout(held, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            held.insert(id.as_str().to_owned());
        }
        let guard = Held {
            team: Arc::clone(&self.team),
            id: id.as_str().to_owned(),
            owner: lease_owner(),
            leased: false,
        };
        // ...then among every process of every machine: a lease row, which
        // outlives a dropped session (a refresh whose store went away for a
        // moment still holds it when it writes the new tokens), and runs out
        // on its own when its holder died. Polled, so that this process's
        // other threads keep the session meanwhile.
        let mut guard = guard;
        let mut pause = Duration::from_millis(2);
        loop {
            let got = self
                .team
                .session
                .query(
                    "INSERT INTO fourgent.leases (connection_id, owner, until)
                     VALUES ($1, $2, now() + make_interval(secs => $3))
                     ON CONFLICT (connection_id) DO UPDATE
                     SET owner = EXCLUDED.owner, until = EXCLUDED.until
                     WHERE fourgent.leases.until < now()
                     RETURNING owner",
                    &[&guard.id, &guard.owner, &LEASE.as_secs_f64()],
                )
                .map_err(|e| self.at(e))?;
            if !got.is_empty() {
                guard.leased = true;
                return Ok(ConnectionLock::new(guard));
            }
            if Instant::now() >= deadline {
                return Err(self.at(Error::new(Failure::LockTimeout { what: label() }, "")));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    fn forget(&self, _id: &ConnectionId, lock: ConnectionLock) {
        drop(lock);
    }

    fn record(&self, event: &store::Event<'_>) {
        // History is a record, not a gate: a failure to write it fails
        // nothing else.
        let _ = super::events::record(&self.team, event);
    }
}

/// A connection lock this process holds: its place among this process's
/// threads, and its lease in the store.
struct Held {
    team: Arc<Team>,
    id: String,
    /// Random, so that only this holder's release removes the lease.
    owner: String,
    leased: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.leased {
            // A store that is away now keeps the lease until it runs out.
            let _ = self.team.session.execute(
                "DELETE FROM fourgent.leases WHERE connection_id = $1 AND owner = $2",
                &[&self.id, &self.owner],
            );
        }
        let mut held = self.team.held.lock().unwrap_or_else(|e| e.into_inner());
        held.remove(&self.id);
        self.team.released.notify_all();
    }
}

/// 16 random bytes in hex.
fn lease_owner() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS random number generator failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A failure to get the team key, as a team-store error (the key's own
/// failures already are one; the keychain's become its reason).
fn key_error(e: crate::secrets::Error) -> Error {
    match e {
        crate::secrets::Error::Team(team) => team,
        other => Error::new(Failure::Unreachable, other.to_string()),
    }
}
