//! Where connections' metadata lives. Commands see one [`Metadata`]
//! store, chosen once per run in `Ctx`: the local `connections.toml`
//! ([`FileMetadata`], in `file.rs`) or a team store. A store never holds a
//! secret; secrets go to a `secrets::SecretStore`.
//!
//! A store also gives each connection a lock ([`Metadata::lock_connection`])
//! that every write of the connection's secret holds: refresh, reauthorize,
//! delete and move.

mod fast;
mod file;

use std::path::PathBuf;

use crate::model::{Connection, ConnectionId};

pub use file::{FileMetadata, lock_file, parse, parse_fast, parse_full, parse_toml, serialize};

/// The file format version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {} at line {line}, column {column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{} has version {found}, but this fourgent reads version {VERSION}", path.display())]
    UnknownVersion { path: PathBuf, found: i64 },
    #[error("{} is invalid{}: {message}", path.display(), line.map(|l| format!(" at line {l}")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A file could not be read, written or locked, or may not be used.
    #[error(transparent)]
    File(#[from] crate::fsutil::Error),
    /// The team store failed.
    #[error(transparent)]
    Team(#[from] crate::team::Error),
}

/// The metadata of every connection, wherever it is kept.
pub trait Metadata: Send + Sync {
    /// How the store is named in messages: the file's path, or the team
    /// store's address without its password.
    fn describe(&self) -> String;

    /// Every stored connection, in the order they were added.
    fn load(&self) -> Result<Vec<Connection>, Error>;

    /// Runs `change` on the current list under the store's write lock, and
    /// stores the list when `change` returns `true` and the list changed.
    /// Commands call [`update`](#method.update) instead.
    fn update_with(
        &self,
        change: &mut dyn FnMut(&mut Vec<Connection>) -> bool,
    ) -> Result<(), Error>;

    /// Takes the lock of one connection's secret, waiting for other
    /// processes (on this machine or, for a team store, any machine).
    fn lock_connection(&self, id: &ConnectionId) -> Result<ConnectionLock, Error>;

    /// Releases the lock of a connection that was deleted, and forgets it.
    fn forget(&self, id: &ConnectionId, lock: ConnectionLock);

    /// Records what happened to a connection, where the store keeps a
    /// history (the team store); the local file keeps none.
    fn record(&self, _event: &Event<'_>) {}
}

/// Something that happened to a connection, for a store's history.
pub struct Event<'a> {
    pub conn: &'a Connection,
    pub action: Action,
    /// Why, for a failure; never a secret.
    pub detail: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Add,
    Refresh,
    RefreshFailed,
    Reauthorize,
    Delete,
    /// A credential was handed out (`token`, `exec`, `credential git`).
    Use,
    /// Copied in from, or out to, a machine's own store.
    Import,
    Export,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Refresh => "refresh",
            Action::RefreshFailed => "refresh-failed",
            Action::Reauthorize => "reauthorize",
            Action::Delete => "delete",
            Action::Use => "use",
            Action::Import => "import",
            Action::Export => "export",
        }
    }
}

impl dyn Metadata + '_ {
    /// Runs `change` on the current list under the lock and writes the
    /// result. When `change` fails, or the store cannot be read, nothing is
    /// written.
    pub fn update<T, E>(
        &self,
        change: impl FnOnce(&mut Vec<Connection>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<Error>,
    {
        let mut change = Some(change);
        let mut outcome = None;
        self.update_with(&mut |conns| {
            let change = change.take().expect("a store runs the change once");
            let result = change(conns);
            let keep = result.is_ok();
            outcome = Some(result);
            keep
        })?;
        outcome.expect("a store that succeeds has run the change")
    }
}

/// A held connection lock, released on drop.
pub struct ConnectionLock {
    _held: Box<dyn Send>,
}

impl ConnectionLock {
    pub fn new(held: impl Send + 'static) -> ConnectionLock {
        ConnectionLock {
            _held: Box::new(held),
        }
    }
}
