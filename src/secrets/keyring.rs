//! The OS keychain through the `keyring-core` API (Secret Service on Linux).
//!
//! Every call runs on a helper thread and is given up after a timeout, so a
//! keychain that never answers cannot hang fourgent. The connection to the
//! keychain is made on first use: commands that need no secret never touch it.

use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use keyring_core::Error as KError;

use super::{Error, ExposeSecret, SERVICE, Secret, SecretStore};

type Store = Arc<keyring_core::api::CredentialStore>;

pub struct KeyringStore {
    timeout: Duration,
    store: OnceLock<Result<Store, String>>,
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
            Some(s) => s.clone(),
            None => {
                let made = run_with_timeout(timeout, open_platform_store)?;
                self.store.get_or_init(|| made).clone()
            }
        };
        let store = store.map_err(|reason| classify_connect_error(&reason))?;
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

#[cfg(target_os = "linux")]
fn open_platform_store() -> Result<Store, String> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|s| s as Store)
        .map_err(|e| describe(&e))
}

#[cfg(not(target_os = "linux"))]
fn open_platform_store() -> Result<Store, String> {
    Err("this build of fourgent supports the keychain on Linux (Secret Service) only".into())
}

/// A keyring error as text without any secret payload (`BadEncoding` and
/// `BadDataFormat` carry the stored bytes; they are never formatted).
fn describe(e: &KError) -> String {
    match e {
        KError::PlatformFailure(inner) | KError::NoStorageAccess(inner) => inner.to_string(),
        KError::BadEncoding(_) | KError::BadDataFormat(..) => "the stored value is not text".into(),
        other => other.to_string(),
    }
}

fn classify_connect_error(reason: &str) -> Error {
    let reason = if reason.contains("ServiceUnknown") || reason.contains("was not provided by any")
    {
        "no Secret Service provider (such as gnome-keyring) on the D-Bus session bus".to_owned()
    } else if reason.contains("DBUS_SESSION_BUS_ADDRESS")
        || reason.contains("No such file")
        || reason.contains("Connection refused")
        || reason.contains("address")
    {
        format!("cannot connect to the D-Bus session bus ({reason})")
    } else {
        reason.to_owned()
    };
    Error::Unavailable { reason }
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
