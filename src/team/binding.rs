//! What ties a connection's secret to where it may be sent: the
//! connection's ID, its app and its field values (which fill the app's
//! URLs). fourgent seals them with the team key whenever it writes a row,
//! and checks the seal before a secret leaves the store: someone who can
//! write to the database but has no team key cannot move a row to another
//! app, or change a field, and have a secret sent there.

use super::crypto::{Aad, CryptoError, Keyring, Sealed, TeamKey};
use crate::model::Connection;

/// The associated data of a connection's binding: its ID, then its app and
/// each field, every part length-prefixed (by `Aad`) so none can run into
/// the next.
fn aad(conn: &Connection) -> Aad {
    let mut what = String::from("binding\0");
    for part in std::iter::once(conn.app.as_str()).chain(
        conn.fields
            .iter()
            .flat_map(|(k, v)| [k.as_str(), v.as_str()]),
    ) {
        what.push_str(&part.len().to_string());
        what.push(':');
        what.push_str(part);
    }
    Aad::new(conn.id.as_str(), &what)
}

/// The seal of `conn`'s binding under `key`.
pub(crate) fn seal(key: &TeamKey, conn: &Connection) -> Result<Sealed, CryptoError> {
    key.seal(&aad(conn), b"")
}

/// Whether `sealed` is the binding of `conn` as it is now.
pub(crate) fn holds(keys: &Keyring, conn: &Connection, sealed: &Sealed) -> bool {
    keys.open(&aad(conn), sealed).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;
    use crate::team::crypto::TeamKey;

    fn keys() -> Keyring {
        Keyring::new(TeamKey::generate().unwrap().0, Vec::new())
    }

    #[test]
    fn a_binding_holds_until_the_app_or_a_field_changes() {
        let keys = keys();
        let mut c = conn("acme", "prod");
        c.fields.insert("subdomain".into(), "acme".into());
        let sealed = seal(keys.current(), &c).unwrap();
        assert!(holds(&keys, &c, &sealed));
        let mut renamed = c.clone();
        renamed.name = "other".into();
        assert!(holds(&keys, &renamed, &sealed), "the name decides nothing");
        let mut moved = c.clone();
        moved.app = "other".into();
        assert!(!holds(&keys, &moved, &sealed));
        let mut redirected = c.clone();
        redirected.fields.insert("subdomain".into(), "evil".into());
        assert!(!holds(&keys, &redirected, &sealed));
        let mut added = c.clone();
        added.fields.insert("region".into(), "eu".into());
        assert!(!holds(&keys, &added, &sealed));
        let mut other_id = c.clone();
        other_id.id = "c_7k2m9qx5".parse().unwrap();
        assert!(!holds(&keys, &other_id, &sealed));
    }

    #[test]
    fn parts_cannot_run_into_each_other() {
        let keys = keys();
        let mut a = conn("ab", "x");
        a.fields.insert("c".into(), "d".into());
        let mut b = conn("a", "x");
        b.id = a.id.clone();
        b.fields.insert("bc".into(), "d".into());
        assert!(!holds(&keys, &b, &seal(keys.current(), &a).unwrap()));
    }
}
