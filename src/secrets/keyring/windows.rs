//! Windows: the Credential Manager, through the
//! `windows-native-keyring-store` crate. Built from the same code as the
//! other platforms; CI does not run it.

use super::{Error, Store, describe};

pub(super) const UNAVAILABLE_HINT: &str =
    "log in to an interactive Windows session, where the Credential Manager is available";

pub(super) fn open() -> Result<Store, Error> {
    windows_native_keyring_store::Store::new()
        .map(|s| s as Store)
        .map_err(|e| Error::Unavailable {
            reason: describe(&e),
            hint: UNAVAILABLE_HINT,
        })
}
