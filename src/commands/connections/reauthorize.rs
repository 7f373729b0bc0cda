//! `fourgent connections reauthorize`: new credentials, same ID and name.

use super::authenticate::{Authenticated, authenticate};
use super::{naming, secret};
use crate::cli::ReauthorizeArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CheckResult, LastCheck, Status};
use crate::secrets;
use crate::ui::render;

pub(crate) fn run(ctx: &Ctx, args: ReauthorizeArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let conn = conns[naming::resolve(ctx, &conns, &args.connection)?].clone();
    let catalog = ctx.catalog()?;
    let connector = naming::connector(catalog, &conn.app)?;
    let again = format!("fourgent connections reauthorize {}", conn.label());
    if ctx.ui.can_prompt() {
        let why = conn
            .last_check
            .as_ref()
            .and_then(|l| l.reason.as_deref())
            .map(|r| format!(" (last check: {r})"))
            .unwrap_or_default();
        ctx.ui.status(&format!(
            "Re-authorizing {}, {}{why}",
            conn.label(),
            conn.status
        ));
    }
    let confirm = format!("Replace the credentials of {}?", conn.label());
    // The old secret is replaced only once the new one has passed the check.
    let Authenticated {
        inputs,
        account,
        verified,
    } = authenticate(
        ctx,
        connector,
        &args.auth,
        Some(&conn.fields),
        &confirm,
        &again,
    )?;
    if let (Some(new), Some(old)) = (&account, &conn.account)
        && new != old
    {
        ctx.ui.warn(&format!(
            "{} was connected to {old}; the new credentials belong to {new}",
            conn.label()
        ));
    }

    let account_key = secrets::connection_account(&conn.id);
    let now = crate::model::connection::now();
    // The secret stays in the store the connection records; the lock keeps
    // a refresh in another process from storing tokens over the new ones.
    let backend = ctx.recorded_backend(Some(&conn));
    let store = ctx.secrets_for(&conn);
    let _lock = ctx.store().lock_connection(&conn.id)?;
    let old_secret = store
        .get(&account_key)
        .map_err(|e| secret::store_error(ctx, &conn, e))?;
    let secret = inputs.creds.to_secret();
    let updated = ctx.store().update(|stored| -> Result<_> {
        let Some(c) = stored.iter_mut().find(|c| c.id == conn.id) else {
            return Err(Error::new(
                ErrorKind::NotFound,
                format!("{} was deleted by another process", conn.label()),
            ));
        };
        store
            .set(&account_key, &secret)
            .map_err(|e| secret::store_error(ctx, &conn, e))?;
        c.store = backend;
        c.refresh_failures = 0;
        c.refresh_retry_at = None;
        c.fields = inputs.fields.clone();
        if let Some(t) = &inputs.creds.token {
            c.expires_at = t.expires_at;
            c.scopes = t.scopes.clone();
        }
        c.status = Status::Connected;
        c.updated_at = now;
        if account.is_some() {
            c.account = account.clone();
        }
        c.last_check = verified.then_some(LastCheck {
            at: now,
            result: CheckResult::Ok,
            reason: None,
        });
        Ok(c.clone())
    });
    let updated = match updated {
        Ok(c) => c,
        Err(e) => {
            // Put the old secret back if the metadata could not be written.
            if e.kind() != ErrorKind::NotFound && e.kind() != ErrorKind::Keychain {
                match &old_secret {
                    Some(old) => {
                        if let Err(restore) = store.set(&account_key, old) {
                            ctx.ui
                                .warn(&format!("could not restore the previous secret: {restore}"));
                        }
                    }
                    None => secret::roll_back_secret(ctx, store, &account_key),
                }
            }
            return Err(e);
        }
    };
    ctx.store().record(&crate::store::Event {
        conn: &updated,
        action: crate::store::Action::Reauthorize,
        detail: None,
    });
    ctx.ui.success(&format!(
        "Re-authorized {} ({}): {}",
        updated.label(),
        updated.id,
        updated.status
    ));
    if args.auth.json {
        ctx.ui
            .out(&format!("{}\n", render::connection_json(&updated)))
    } else {
        ctx.ui.out(&render::show(&updated, now))
    }
}
