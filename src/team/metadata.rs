//! The team store's connections table behind the same [`Metadata`] trait as
//! `connections.toml`: each connection is one row, its metadata as JSON.
//!
//! A change runs in one transaction that first takes the list's advisory
//! lock, so changes from every machine queue as they do for the file; a
//! unique index on the app and the lowercased name keeps names unique even
//! so. A connection's lock is an advisory lock of the session, held
//! while a refresh asks the app, so one refresh runs per connection across
//! every machine.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;

use super::schema::LOCK_CLASS;
use super::{Error, Failure, Result, Team};
use crate::model::{Connection, ConnectionId};
use crate::store::{self, ConnectionLock, Metadata};

/// How long to wait for another process's hold on a connection.
const LOCK_WAIT: Duration = Duration::from_secs(60);

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
        for c in after {
            if old.get(c.id.as_str()).is_some_and(|o| *o == c) {
                continue;
            }
            let meta = serde_json::to_string(c).expect("a connection serializes");
            session.execute(
                "INSERT INTO fourgent.connections (id, app, name, meta) VALUES ($1, $2, $3, $4::text::jsonb)
                 ON CONFLICT (id) DO UPDATE
                 SET app = EXCLUDED.app, name = EXCLUDED.name, meta = EXCLUDED.meta, updated_at = now()",
                &[&c.id.as_str(), &c.app, &c.name, &meta],
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
    serde_json::from_str(text).map_err(|e| {
        let id: &str = row.get(0);
        Error::new(
            Failure::Refused {
                code: "damaged".into(),
            },
            format!(
                "the row of `{}` is not a connection: {e}",
                crate::sanitize::sanitize(id, 64)
            ),
        )
    })
}

/// The advisory lock key of one connection.
fn lock_key(id: &ConnectionId) -> i32 {
    // FNV-1a, folded to 31 bits: stable across machines and versions
    // (PostgreSQL's own `hashtext` is not promised to be).
    let mut hash: u32 = 0x811c_9dc5;
    for b in id.as_str().bytes() {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    (hash & 0x7fff_ffff) as i32 | 1
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
        let deadline = Instant::now() + LOCK_WAIT;
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
            key: lock_key(id),
            locked: false,
        };
        // ...then among every session of every machine. Polled, so that
        // this process's other threads keep the session meanwhile.
        let mut guard = guard;
        let mut pause = Duration::from_millis(2);
        loop {
            let got = {
                let _turn = self.team.session.turn();
                self.team
                    .session
                    .query(
                        "SELECT pg_try_advisory_lock($1, $2)",
                        &[&LOCK_CLASS, &guard.key],
                    )
                    .map_err(|e| self.at(e))?
                    .first()
                    .is_some_and(|r| r.get::<_, bool>(0))
            };
            if got {
                guard.locked = true;
                return Ok(ConnectionLock::new(guard));
            }
            if Instant::now() >= deadline {
                return Err(self.at(Error::new(Failure::LockTimeout { what: label() }, "")));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(25));
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

/// A connection lock this process holds.
struct Held {
    team: Arc<Team>,
    id: String,
    key: i32,
    locked: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.locked {
            let _turn = self.team.session.turn();
            // A session that broke meanwhile released it already.
            let _ = self.team.session.query(
                "SELECT pg_advisory_unlock($1, $2)",
                &[&LOCK_CLASS, &self.key],
            );
        }
        let mut held = self.team.held.lock().unwrap_or_else(|e| e.into_inner());
        held.remove(&self.id);
        self.team.released.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_keys_are_stable_and_never_the_list_lock() {
        let id: ConnectionId = "c_7k2m9qx4".parse().unwrap();
        assert_eq!(lock_key(&id), lock_key(&id.clone()));
        assert_ne!(lock_key(&id), 0);
        let other: ConnectionId = "c_7k2m9qx5".parse().unwrap();
        assert_ne!(lock_key(&id), lock_key(&other));
    }
}
