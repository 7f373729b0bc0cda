//! The team store: connections shared through PostgreSQL by a team and its
//! CI fleet, with every secret encrypted on the client before it is written.
//!
//! - `address`: the `postgres://` URL, TLS and passwords, as libpq reads them.
//! - `session`: one database session per process, and its timeouts.
//! - `schema`: versioned migrations and the check every run makes.
//! - `crypto`: AES-256-GCM under the team key; key IDs; associated data.
//! - `metadata`, `secrets`, `events`: the store's three tables, behind the
//!   same traits as the local file and keychain.
//! - `key`: where this machine's copy of the team key comes from.

pub(crate) mod address;
pub(crate) mod binding;
pub(crate) mod crypto;
pub(crate) mod events;
pub(crate) mod key;
pub(crate) mod metadata;
pub(crate) mod schema;
pub(crate) mod secrets;
pub(crate) mod session;

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use crypto::{Keyring, TeamKey};
use session::Session;

pub(crate) use address::Address;

/// What went wrong with the team store; how it is reported (exit code,
/// hint) is decided in `error.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer, a refused connection or login, a broken session.
    Unreachable,
    /// The server refused a statement (SQLSTATE `code`).
    Refused { code: String },
    /// The database has no fourgent tables.
    NoSchema,
    /// The tables are newer than this binary knows.
    SchemaNewer { found: i32 },
    /// The tables are older than this binary; `store init` upgrades them.
    SchemaOlder { found: i32 },
    /// No team key on this machine.
    NoKey { needed: String },
    /// The team key on this machine is not the store's.
    WrongKey { needed: String, have: String },
    /// A connection row is not one fourgent wrote.
    DamagedRow { id: String },
    /// A connection's app or fields were changed by someone without the
    /// team key.
    Tampered { id: String },
    /// The team key on this machine is not a key at all.
    BadKey { source_name: String },
    /// A sealed secret does not open: changed, or moved from another row.
    Damaged { account: String },
    /// Another connection of the app already has the name.
    Duplicate,
    /// Two processes on this machine hold the same connection's lock for
    /// too long, or another machine does.
    LockTimeout { what: String },
}

/// A team-store failure, with the store's address (never its password).
#[derive(Debug, Clone)]
pub struct Error {
    pub failure: Failure,
    pub store: String,
    /// The server's or the client library's words (sanitized when shown).
    pub reason: String,
}

impl Error {
    pub(crate) fn new(failure: Failure, reason: impl Into<String>) -> Error {
        Error {
            failure,
            store: String::new(),
            reason: reason.into(),
        }
    }

    pub(crate) fn refused(code: &str, reason: String) -> Error {
        let failure = if code == "23505" {
            Failure::Duplicate
        } else {
            Failure::Refused { code: code.into() }
        };
        Error::new(failure, reason)
    }

    /// The same error, naming the store it came from.
    pub(crate) fn at(mut self, store: &str) -> Error {
        if self.store.is_empty() {
            self.store = store.to_owned();
        }
        self
    }

    pub(crate) fn is_missing_table(&self) -> bool {
        matches!(&self.failure, Failure::Refused { code } if code == "42P01" || code == "3F000")
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let store = &self.store;
        match &self.failure {
            Failure::Unreachable => write!(f, "cannot reach the team store at {store}"),
            Failure::Refused { .. } => write!(f, "the team store at {store} refused a request"),
            Failure::NoSchema => write!(f, "the team store at {store} has no fourgent tables"),
            Failure::SchemaNewer { found } => write!(
                f,
                "the team store at {store} has schema version {found}, but this fourgent knows up to version {}",
                schema::VERSION
            ),
            Failure::SchemaOlder { found } => write!(
                f,
                "the team store at {store} has schema version {found}, older than this fourgent's {}",
                schema::VERSION
            ),
            Failure::NoKey { needed } => write!(
                f,
                "no team key on this machine for the team store at {store} (it needs key {needed})"
            ),
            Failure::WrongKey { needed, have } => write!(
                f,
                "the team key on this machine ({have}) is not the key of the team store at {store} ({needed})"
            ),
            Failure::DamagedRow { id } => write!(
                f,
                "the row of connection `{id}` in the team store at {store} is not one fourgent wrote"
            ),
            Failure::Tampered { id } => write!(
                f,
                "the app or fields of connection `{id}` in the team store at {store} were changed outside fourgent; its secret stays where it is"
            ),
            Failure::BadKey { source_name } => write!(
                f,
                "the team key in {source_name} is not a team key: {}",
                self.reason
            ),
            Failure::Damaged { account } => write!(
                f,
                "the secret of `{account}` in the team store at {store} does not decrypt: it was changed, or copied from another row"
            ),
            Failure::Duplicate => write!(
                f,
                "the team store at {store} already has a connection of that name"
            ),
            Failure::LockTimeout { what } => write!(
                f,
                "{what} has been locked for over a minute in the team store at {store}"
            ),
        }
    }
}

impl std::error::Error for Error {}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// Where this machine's team key comes from.
pub(crate) enum KeySource {
    /// `FOURGENT_STORE_KEY`.
    Env(secrecy::SecretString),
    /// The OS keychain (`fourgent store set-key`): read on first use.
    Keychain(
        Box<dyn Fn() -> Result<Option<secrecy::SecretString>, crate::secrets::Error> + Send + Sync>,
    ),
}

/// A team store: its session, the version check made once per run, and the
/// team key.
pub struct Team {
    /// Who this process runs as, for the history.
    pub(crate) who: events::Who,
    pub(crate) session: Session,
    key_source: KeySource,
    /// The store's key ID, read with the schema version on first use.
    store_key: OnceLock<String>,
    keys: OnceLock<Arc<Keyring>>,
    /// Connection locks held by this process (the database's advisory
    /// locks are per session, and every thread shares the one session).
    held: Mutex<std::collections::HashSet<String>>,
    released: Condvar,
}

impl Team {
    pub(crate) fn new(
        address: Address,
        timeout: Duration,
        key_source: KeySource,
        who: events::Who,
    ) -> Team {
        Team {
            who,
            session: Session::new(address, timeout),
            key_source,
            store_key: OnceLock::new(),
            keys: OnceLock::new(),
            held: Mutex::new(Default::default()),
            released: Condvar::new(),
        }
    }

    /// `postgres://user@host:port/db`.
    pub fn shown(&self) -> &str {
        &self.session.address.shown
    }

    /// Checks the schema version (once per run) and returns the store's key ID.
    pub(crate) fn checked(&self) -> Result<&str> {
        if let Some(id) = self.store_key.get() {
            return Ok(id);
        }
        let id = schema::check(&self.session).map_err(|e| e.at(self.shown()))?;
        Ok(self.store_key.get_or_init(|| id))
    }

    /// The team key, checked against the store's: the one thing that can
    /// read and write secrets.
    pub(crate) fn keys(&self) -> std::result::Result<Arc<Keyring>, crate::secrets::Error> {
        if let Some(k) = self.keys.get() {
            return Ok(Arc::clone(k));
        }
        let needed = self.checked()?.to_owned();
        let key = self.local_key()?.ok_or_else(|| {
            Error::new(
                Failure::NoKey {
                    needed: needed.clone(),
                },
                "",
            )
            .at(self.shown())
        })?;
        if key.id().as_str() != needed {
            let have = key.id().to_string();
            return Err(Error::new(Failure::WrongKey { needed, have }, "")
                .at(self.shown())
                .into());
        }
        let made = Arc::new(Keyring::new(key, Vec::new()));
        Ok(Arc::clone(self.keys.get_or_init(|| made)))
    }

    /// The key this machine holds, if it holds one.
    pub(crate) fn local_key(&self) -> std::result::Result<Option<TeamKey>, crate::secrets::Error> {
        let text = match &self.key_source {
            KeySource::Env(text) => Some(text.clone()),
            KeySource::Keychain(read) => read()?,
        };
        let Some(text) = text else { return Ok(None) };
        key::parse(&text).map(Some).map_err(|e| {
            let failure = Failure::BadKey {
                source_name: self.key_source_name().to_owned(),
            };
            Error::new(failure, e.to_string()).at(self.shown()).into()
        })
    }

    /// Where the key came from, in words.
    pub(crate) fn key_source_name(&self) -> &'static str {
        match self.key_source {
            KeySource::Env(_) => "FOURGENT_STORE_KEY",
            KeySource::Keychain(_) => "the OS keychain",
        }
    }
}
