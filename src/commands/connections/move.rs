//! `fourgent connections move`: a connection's secret to another store.
//!
//! Per connection, under its secret lock: read the secret from the store it
//! records, write it to the other store, record the new store in the
//! metadata, and only then remove the old copy. A failure before the
//! metadata is written removes the new copy again; so each connection moves
//! whole or not at all.

use super::{naming, secret};
use crate::cli::MoveArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Connection, SecretBackend};
use crate::secrets;

pub(crate) fn run(ctx: &Ctx, args: &MoveArgs) -> Result<()> {
    let to = SecretBackend::from(args.to);
    if let Some(team) = ctx.team() {
        return Err(Error::usage(format!(
            "connections in the team store at {} keep their secrets in it",
            team.shown()
        ))
        .with_hint(
            "to take connections to this machine's own stores, run `fourgent store export`",
        ));
    }
    let conns = ctx.store().load()?;
    let targets = naming::resolve_all(ctx, &conns, &args.connections)?;
    for conn in &targets {
        let from = ctx.backend_of(conn);
        if from == to {
            // Record the store of a connection that predates the record.
            if conn.store.is_none() {
                record(ctx, conn, to)?;
            }
            ctx.ui.status(&format!(
                "{} already keeps its secret in {}",
                conn.label(),
                describe(to)
            ));
            continue;
        }
        move_one(ctx, conn, from, to)?;
        ctx.ui.success(&format!(
            "Moved the secret of {} from {} to {}",
            conn.label(),
            describe(from),
            describe(to)
        ));
    }
    Ok(())
}

fn move_one(ctx: &Ctx, conn: &Connection, from: SecretBackend, to: SecretBackend) -> Result<()> {
    let account = secrets::connection_account(&conn.id);
    let (source, target) = (ctx.secret_store(from), ctx.secret_store(to));
    let _lock = ctx.store().lock_connection(&conn.id)?;
    let secret = source
        .get(&account)
        .map_err(|e| secret::store_error(ctx, conn, e))?
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                format!(
                    "the secret of {} is missing from {}; there is nothing to move",
                    conn.label(),
                    source.describe()
                ),
            )
            .with_hint(format!(
                "enter it again with `fourgent connections reauthorize {}`",
                conn.label()
            ))
        })?;
    // A copy already in the target (an earlier move that stopped half way)
    // is overwritten; anything else there would be a stranger's.
    let had_copy = target.get(&account)?.is_some();
    target.set(&account, &secret)?;
    if let Err(e) = record(ctx, conn, to) {
        if !had_copy {
            secret::roll_back_secret(ctx, target, &account);
        }
        return Err(e);
    }
    if let Err(e) = source.delete(&account) {
        ctx.ui.warn(&format!(
            "{} now uses {}, but the old copy could not be removed from {} ({e}); remove `{account}` there by hand",
            conn.label(),
            describe(to),
            source.describe()
        ));
    }
    Ok(())
}

/// Records `to` as the connection's store.
fn record(ctx: &Ctx, conn: &Connection, to: SecretBackend) -> Result<()> {
    ctx.store().update(|stored| -> Result<()> {
        let c = stored.iter_mut().find(|c| c.id == conn.id).ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                format!("{} was deleted by another process", conn.label()),
            )
        })?;
        c.store = Some(to);
        Ok(())
    })
}

fn describe(backend: SecretBackend) -> &'static str {
    match backend {
        SecretBackend::Keyring => "the OS keychain",
        SecretBackend::File => "the file store",
    }
}
