//! The OS keychain through the `keyring-core` API: the Secret Service on
//! Linux and the BSDs, the login Keychain on macOS, the Credential Manager on
//! Windows. Each platform has a small file here that opens its store and
//! says, in its own words, what to do when it is not available.
//!
//! Every call runs on a helper thread and is given up after a timeout, so a
//! keychain that never answers cannot hang fourgent. The connection to the
//! keychain is made on first use: commands that need no secret never touch it.

#[cfg_attr(
    any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    ),
    path = "linux.rs"
)]
#[cfg_attr(target_os = "macos", path = "macos.rs")]
#[cfg_attr(windows, path = "windows.rs")]
#[cfg_attr(
    not(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly",
        target_os = "macos",
        windows
    )),
    path = "unsupported.rs"
)]
mod platform;

use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use keyring_core::Error as KError;

use super::{Error, ExposeSecret, SERVICE, Secret, SecretStore};

type Store = Arc<keyring_core::api::CredentialStore>;

pub struct KeyringStore {
    timeout: Duration,
    store: OnceLock<Result<Store, Error>>,
}

impl KeyringStore {
    pub fn new(timeout: Duration) -> Self {
        KeyringStore {
            timeout,
            store: OnceLock::new(),
        }
    }

    /// Runs `op` against the platform store on a helper thread, with the timeout.
    fn call<T: Send + 'static>(
        &self,
        op: impl FnOnce(&Store) -> Result<T, KError> + Send + 'static,
    ) -> Result<T, Error> {
        let timeout = self.timeout;
        let store = match self.store.get() {
            Some(s) => s,
            None => {
                let made = run_with_timeout(timeout, platform::open)?;
                self.store.get_or_init(|| made)
            }
        };
        let store = match store {
            Ok(s) => s.clone(),
            // Opening failed earlier in this run: the same error again.
            Err(Error::Unavailable { reason, hint }) => {
                return Err(Error::Unavailable {
                    reason: reason.clone(),
                    hint,
                });
            }
            Err(other) => {
                return Err(Error::Failed {
                    reason: other.to_string(),
                });
            }
        };
        run_with_timeout(timeout, move || op(&store))?.map_err(classify)
    }
}

fn run_with_timeout<T: Send + 'static>(
    timeout: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|e| Error::Failed {
            reason: format!("cannot start a thread: {e}"),
        })?;
    // A call that never answers leaves its thread behind; the process ends
    // soon after with the error below.
    rx.recv_timeout(timeout)
        .map_err(|_| Error::TimedOut { timeout })
}

/// A keyring error as text without any secret payload (`BadEncoding` and
/// `BadDataFormat` carry the stored bytes; they are never formatted).
pub(super) fn describe(e: &KError) -> String {
    match e {
        KError::PlatformFailure(inner) | KError::NoStorageAccess(inner) => inner.to_string(),
        KError::BadEncoding(_) | KError::BadDataFormat(..) => "the stored value is not text".into(),
        other => other.to_string(),
    }
}

fn classify(e: KError) -> Error {
    match &e {
        KError::NoStorageAccess(_) => {
            let raw = describe(&e);
            let reason = if raw.to_ascii_lowercase().contains("dismiss") {
                "the request to unlock it was dismissed".to_owned()
            } else {
                "the keyring that holds fourgent's secrets is locked, and no unlock prompt could be shown".to_owned()
            };
            Error::Locked { reason }
        }
        KError::NoDefaultStore => Error::Unavailable {
            reason: describe(&e),
            hint: platform::UNAVAILABLE_HINT,
        },
        _ => Error::Failed {
            reason: describe(&e),
        },
    }
}

impl SecretStore for KeyringStore {
    fn describe(&self) -> String {
        "the OS keychain".into()
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, Error> {
        let account = account.to_owned();
        self.call(move |store| {
            let entry = store.build(SERVICE, &account, None)?;
            match entry.get_password() {
                Ok(p) => Ok(Some(Secret::from(p))),
                Err(KError::NoEntry) => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn set(&self, account: &str, value: &Secret) -> Result<(), Error> {
        let account = account.to_owned();
        let value = Secret::from(value.expose_secret().to_owned());
        self.call(move |store| {
            let entry = store.build(SERVICE, &account, None)?;
            entry.set_password(value.expose_secret())
        })
    }

    fn delete(&self, account: &str) -> Result<bool, Error> {
        let account = account.to_owned();
        self.call(move |store| {
            let entry = store.build(SERVICE, &account, None)?;
            match entry.delete_credential() {
                Ok(()) => Ok(true),
                Err(KError::NoEntry) => Ok(false),
                Err(e) => Err(e),
            }
        })
    }
}
