//! Linux and the BSDs: the Secret Service (gnome-keyring, KWallet, KeePassXC)
//! on the D-Bus session bus.

use super::{Error, Store, describe};

pub(super) const UNAVAILABLE_HINT: &str =
    "start a Secret Service (such as gnome-keyring) in your desktop session";

pub(super) fn open() -> Result<Store, Error> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|s| s as Store)
        .map_err(|e| {
            // zbus reports these only as text: say which of the two it is.
            let raw = describe(&e);
            let reason =
                if raw.contains("ServiceUnknown") || raw.contains("was not provided by any") {
                    "no Secret Service provider (such as gnome-keyring) on the D-Bus session bus"
                        .to_owned()
                } else if raw.contains("DBUS_SESSION_BUS_ADDRESS")
                    || raw.contains("No such file")
                    || raw.contains("Connection refused")
                    || raw.contains("address")
                {
                    format!("cannot connect to the D-Bus session bus ({raw})")
                } else {
                    raw
                };
            Error::Unavailable {
                reason,
                hint: UNAVAILABLE_HINT,
            }
        })
}
