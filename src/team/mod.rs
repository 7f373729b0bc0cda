//! The team store: connections shared through a database, with every secret
//! encrypted on the client before it is written.

pub(crate) mod crypto;
