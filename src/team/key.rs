//! This machine's copy of the team key: `FOURGENT_STORE_KEY`, or the OS
//! keychain entry that `fourgent store set-key` writes.

use secrecy::{ExposeSecret, SecretString};

use super::crypto::{KeyError, TeamKey};

/// The keychain account the team key is stored under.
pub(crate) const ACCOUNT: &str = "team-store-key";

/// Reads a key from its base64 text.
pub(crate) fn parse(text: &SecretString) -> Result<TeamKey, KeyError> {
    TeamKey::parse(text.expose_secret())
}
