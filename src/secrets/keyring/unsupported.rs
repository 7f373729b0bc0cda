//! Any other platform: no keychain fourgent knows how to use.

use super::{Error, Store};

pub(super) const UNAVAILABLE_HINT: &str = "this platform has no keychain fourgent can use";

pub(super) fn open() -> Result<Store, Error> {
    Err(Error::Unavailable {
        reason: "fourgent supports the keychains of Linux and the BSDs, macOS and Windows".into(),
        hint: UNAVAILABLE_HINT,
    })
}
