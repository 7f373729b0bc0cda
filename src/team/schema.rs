//! The team store's tables, created and upgraded by versioned migrations
//! (`fourgent store init`), each applied in the one transaction that records
//! the new version: a half-applied migration cannot be.
//!
//! Every run checks the version first: a store newer than this binary is
//! refused (its rows may mean something this binary does not know), and an
//! older one asks for `store init`.

use super::session::Session;
use super::{Error, Failure, Result};

/// The schema version this build reads and writes.
pub(crate) const VERSION: i32 = 1;

/// The statements that take a store from version `i` to `i + 1`.
const MIGRATIONS: [&str; VERSION as usize] = [r#"
CREATE SCHEMA IF NOT EXISTS fourgent;

-- One row: the schema version and the ID of the key every secret is sealed with.
CREATE TABLE fourgent.store (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    schema_version integer NOT NULL,
    key_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What `connections list --json` shows, as JSON; never a secret.
CREATE TABLE fourgent.connections (
    seq bigserial NOT NULL,
    id text PRIMARY KEY,
    app text NOT NULL,
    name text NOT NULL,
    meta jsonb NOT NULL,
    -- The seal of the ID, app and fields (team/binding.rs): what ties the
    -- secret to where it may be sent.
    binding_key_id text NOT NULL,
    binding_nonce bytea NOT NULL,
    binding bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX connections_app_name ON fourgent.connections (app, lower(name));
CREATE INDEX connections_order ON fourgent.connections (seq);

-- Secrets, sealed by the client (AES-256-GCM; associated data: account and field).
CREATE TABLE fourgent.secrets (
    account text PRIMARY KEY,
    key_id text NOT NULL,
    nonce bytea NOT NULL,
    ciphertext bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who is refreshing (or otherwise writing the secret of) a connection; a
-- lease runs out on its own when its holder died.
CREATE TABLE fourgent.leases (
    connection_id text PRIMARY KEY,
    owner text NOT NULL,
    until timestamptz NOT NULL
);

-- Who did what to which connection, and when.
CREATE TABLE fourgent.events (
    seq bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    connection_id text NOT NULL,
    connection text NOT NULL,
    action text NOT NULL,
    os_user text NOT NULL,
    host text NOT NULL,
    detail text,
    -- Uses are recorded once per connection, machine, user and hour.
    use_hour timestamptz
);
CREATE UNIQUE INDEX events_one_use_per_hour
    ON fourgent.events (connection_id, host, os_user, use_hour) WHERE action = 'use';
CREATE INDEX events_by_connection ON fourgent.events (connection_id, at);
"#];

/// Two keys for `pg_advisory_xact_lock(int, int)`: fourgent's class, and the
/// object (0 for the connection list, -1 for migrations).
pub(crate) const LOCK_CLASS: i32 = 0x4647;
const MIGRATION_LOCK: i32 = -1;

/// The store's version and key ID, checked against this binary's.
pub(crate) fn check(session: &Session) -> Result<String> {
    let rows = session
        .query("SELECT schema_version, key_id FROM fourgent.store", &[])
        .map_err(|e| {
            if e.is_missing_table() {
                Error::new(Failure::NoSchema, "")
            } else {
                e
            }
        })?;
    let Some(row) = rows.first() else {
        return Err(Error::new(Failure::NoSchema, ""));
    };
    let found: i32 = row.get(0);
    match found.cmp(&VERSION) {
        std::cmp::Ordering::Greater => Err(Error::new(Failure::SchemaNewer { found }, "")),
        std::cmp::Ordering::Less => Err(Error::new(Failure::SchemaOlder { found }, "")),
        std::cmp::Ordering::Equal => Ok(row.get(1)),
    }
}

/// What `init` did.
pub(crate) enum Initialized {
    Created,
    Upgraded { from: i32 },
    AlreadyCurrent,
}

/// Creates the tables, or upgrades them, for a store sealed with `key_id`.
/// Concurrent `init`s wait for each other; each migration and the version
/// it leads to commit together.
pub(crate) fn init(session: &Session, key_id: &str) -> Result<Initialized> {
    session.transaction(|| {
        session.execute(
            "SELECT pg_advisory_xact_lock($1, $2)",
            &[&LOCK_CLASS, &MIGRATION_LOCK],
        )?;
        let exists: bool = session
            .query("SELECT to_regclass('fourgent.store') IS NOT NULL", &[])?
            .first()
            .is_some_and(|r| r.get(0));
        let found: Option<i32> = if exists {
            session
                .query("SELECT schema_version FROM fourgent.store", &[])?
                .first()
                .map(|r| r.get(0))
        } else {
            None
        };
        if exists && found.is_none() {
            // The tables are there but the row that says what they are is
            // gone: running the migrations again would fail half-way.
            return Err(Error::new(
                Failure::Refused { code: "store-row".into() },
                "the tables exist but fourgent.store, which records their version and key, has no row; restore it from a backup",
            ));
        }
        let from = found.unwrap_or(0);
        if from > VERSION {
            return Err(Error::new(Failure::SchemaNewer { found: from }, ""));
        }
        for migration in &MIGRATIONS[from as usize..] {
            session.batch(migration)?;
        }
        session.execute(
            "INSERT INTO fourgent.store (schema_version, key_id) VALUES ($1, $2)
             ON CONFLICT (only_row) DO UPDATE SET schema_version = EXCLUDED.schema_version",
            &[&VERSION, &key_id],
        )?;
        let done = match found {
            None => Initialized::Created,
            Some(v) if v < VERSION => Initialized::Upgraded { from: v },
            Some(_) => Initialized::AlreadyCurrent,
        };
        Ok((done, true))
    })
}
