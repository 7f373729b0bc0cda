//! A connection's stored secret: loading it, what a failure of its store
//! means, undoing a write, and refusing a connection that is Not Connected.

use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Connection, SecretBackend};
use crate::secrets::{Credentials, SecretStore};

/// A connection's stored credentials, from the store it records; their
/// absence is an authentication failure with the command that fixes it.
pub(crate) fn load_secret(ctx: &Ctx, conn: &Connection) -> Result<Credentials> {
    let store = ctx.secrets_for(conn);
    crate::secrets::load_credentials(store, &conn.id)
        .map_err(|e| store_error(ctx, conn, e))?
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                format!(
                    "the secret of {} is missing from {}",
                    conn.label(),
                    store.describe()
                ),
            )
            .with_hint(format!(
                "enter it again with `fourgent connections reauthorize {}`",
                conn.label()
            ))
        })
}

/// A failure of the store that holds `conn`'s secret. The connection keeps
/// its secret there whatever `--secret-store` says, so the hint is about
/// that store, never about choosing another one for this run.
pub(crate) fn store_error(ctx: &Ctx, conn: &Connection, e: crate::secrets::Error) -> Error {
    let err = Error::from(e);
    if err.kind() != ErrorKind::Keychain || ctx.backend_of(conn) != SecretBackend::Keyring {
        return err;
    }
    let mut out = Error::new(
        ErrorKind::Keychain,
        format!(
            "the secret of {} is in the OS keychain, which is not available",
            conn.label()
        ),
    );
    out = out.with_cause(err.message());
    for cause in err.causes() {
        out = out.with_cause(cause.clone());
    }
    out.with_hint(format!(
        "start or unlock the keychain (e.g. gnome-keyring) in this session; once it answers, `fourgent connections move {} --to file` moves the secret to the file store",
        conn.label()
    ))
}

/// Deletes a secret written by a command that then failed; reports a
/// failure to do so rather than hiding it.
pub(crate) fn roll_back_secret(ctx: &Ctx, store: &dyn SecretStore, account: &str) {
    if let Err(e) = store.delete(account) {
        ctx.ui.warn(&format!(
            "could not remove the secret just written ({e}); remove `{account}` from {} by hand",
            store.describe()
        ));
    }
}

/// The error of a command that will not use a Not Connected connection:
/// its recorded reason and the fix. `then` ends the message ("; nothing was
/// run").
pub(crate) fn not_connected(conn: &Connection, then: &str) -> Error {
    let reason = conn
        .last_check
        .as_ref()
        .and_then(|l| l.reason.clone())
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    Error::new(
        ErrorKind::NotConnected,
        format!("{} is Not Connected{reason}{then}", conn.label()),
    )
    .with_hint(format!(
        "authorize it again with `fourgent connections reauthorize {}`",
        conn.label()
    ))
}
