//! The domain: connections, their names and IDs, and how a user names one.
//! No I/O here; everything is a pure function with unit tests.

pub mod connection;
pub mod id;
pub mod selector;

pub use connection::{AuthKind, CheckResult, Connection, LastCheck, SecretBackend, Status};
pub use id::ConnectionId;
pub use selector::{Resolved, Selector};
