//! macOS: the login Keychain (`security` framework), through the
//! `apple-native-keyring-store` crate's `keychain` module, which suits a
//! command-line program that is not code-signed with a provisioning profile.
//! Built from the same code as the other platforms; CI does not run it.

use super::{Error, Store, describe};

pub(super) const UNAVAILABLE_HINT: &str =
    "unlock your login keychain (Keychain Access), or log in to a desktop session";

pub(super) fn open() -> Result<Store, Error> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|s| s as Store)
        .map_err(|e| Error::Unavailable {
            reason: describe(&e),
            hint: UNAVAILABLE_HINT,
        })
}
