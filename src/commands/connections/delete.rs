//! `fourgent connections delete`

use super::{naming, secret};
use crate::cli::DeleteArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{AuthKind, Connection};
use crate::oauth;
use crate::secrets;

pub(crate) fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let targets = naming::resolve_all(ctx, &conns, &args.connections)?;
    let list = targets
        .iter()
        .map(|c| format!("  {}", c.label_with_id()))
        .collect::<Vec<_>>()
        .join("\n");
    let them = if targets.len() == 1 { "it" } else { "them" };
    // In a team store, who still uses them: "only delete it if no active
    // workflow uses it" is then something a person can check.
    let users = recent_users(ctx, &targets)?;
    let list = if users.is_empty() {
        list
    } else {
        format!("{list}\n{users}")
    };
    if args.yes && !users.is_empty() {
        // Said before it happens, for the log of whoever ran it.
        ctx.ui.warn(&users);
    }
    if !args.yes {
        if !ctx.ui.can_prompt() {
            return Err(Error::usage(format!(
                "deleting needs confirmation and {}; nothing was deleted",
                ctx.ui.why_no_prompt()
            ))
            .with_hint(format!("pass `--yes` to delete without asking: integrations that use {them} will stop working")));
        }
        ctx.ui.status(&format!(
            "This deletes:\n{list}\nIntegrations that use {them} will stop working."
        ));
        if !ctx.ui.confirm("Delete?", false, "")? {
            return Err(Error::declined("Nothing deleted."));
        }
    }

    let mut deleted = Vec::new();
    for conn in &targets {
        let account = secrets::connection_account(&conn.id);
        let store = ctx.secrets_for(conn);
        // Under the connection's secret lock: a refresh in another process
        // either finished (and its newest tokens are revoked here) or waits
        // and then finds the connection gone.
        let lock = ctx.store().lock_connection(&conn.id)?;
        let current = store
            .get(&account)
            .map_err(|e| secret::store_error(ctx, conn, e))?;
        let revoked = if conn.auth == AuthKind::OAuth2 && !args.no_revoke {
            revoke(ctx, conn, current.as_ref())
        } else {
            None
        };
        // The secret is removed under the metadata lock too, so the file and
        // the store change together. `old` is restored if the file write
        // fails.
        let mut old = None;
        let removed = ctx.store().update(|stored| -> Result<Option<bool>> {
            let before = stored.len();
            stored.retain(|c| c.id != conn.id);
            if stored.len() == before {
                return Ok(None);
            }
            old = store.get(&account)?;
            Ok(Some(store.delete(&account)?))
        });
        let had_secret = match removed {
            Ok(Some(had)) => had,
            Ok(None) => {
                ctx.ui.warn(&format!(
                    "{} was already deleted by another process",
                    conn.label_with_id()
                ));
                continue;
            }
            Err(e) => {
                if let Some(old) = old
                    && let Err(restore) = store.set(&account, &old)
                {
                    ctx.ui.warn(&format!(
                        "could not restore the secret of {}: {restore}",
                        conn.label()
                    ));
                }
                return Err(e);
            }
        };
        if !had_secret {
            ctx.ui.warn(&format!(
                "the secret of {} was already gone from {}",
                conn.label(),
                store.describe()
            ));
        }
        // The connection is gone: so is its lock (a process still waiting
        // on it finds no connection once it gets it).
        ctx.store().forget(&conn.id, lock);
        ctx.store().record(&crate::store::Event {
            conn,
            action: crate::store::Action::Delete,
            detail: None,
        });
        ctx.ui.success(&format!("Deleted {}", conn.label_with_id()));
        deleted.push(serde_json::json!({
            "app": conn.app,
            "id": conn.id.as_str(),
            "name": conn.name,
            "revoked": revoked,
        }));
    }
    if args.json {
        let text = serde_json::to_string_pretty(&deleted).expect("JSON values serialize");
        ctx.ui.out(&format!("{text}\n"))?;
    }
    Ok(())
}

/// Revokes the connection's tokens at the app, best effort: says what
/// happened, and never stops the delete. `Some(true)` when the app revoked
/// them, `Some(false)` when it could not be done, `None` when there was
/// nothing to revoke.
fn revoke(ctx: &Ctx, conn: &Connection, stored: Option<&secrets::Secret>) -> Option<bool> {
    let account = secrets::connection_account(&conn.id);
    let token = stored
        .and_then(|s| secrets::Credentials::from_secret(&account, s).ok())
        .and_then(|c| c.token)?;
    let Ok(catalog) = ctx.catalog() else {
        return Some(false);
    };
    let Some(connector) = catalog.get(&conn.app) else {
        ctx.ui.warn(&format!(
            "the app `{}` is not in the catalog; the token of {} was not revoked",
            conn.app,
            conn.label()
        ));
        return Some(false);
    };
    if connector
        .oauth2
        .as_ref()
        .is_none_or(|o| o.revoke_url.is_none())
    {
        ctx.ui.warn(&format!(
            "{} has no revocation endpoint: the token stays valid until it expires; remove fourgent's access in the app's settings",
            connector.name
        ));
        return Some(false);
    }
    let outcome =
        super::oauth::client_credentials(ctx, connector).and_then(|(client_id, client_secret)| {
            let app = oauth::App {
                connector,
                client_id,
                client_secret,
                fields: &conn.fields,
            };
            let http = ctx.http()?;
            ctx.block_on(oauth::revoke(http, &app, &token))?
                .map_err(crate::error::Error::from)
        });
    match outcome {
        Ok(_) => {
            ctx.ui.status(&format!(
                "Revoked the token of {} at {}",
                conn.label(),
                connector.name
            ));
            Some(true)
        }
        Err(e) => {
            ctx.ui.warn(&format!(
                "could not revoke the token of {} at {}: {}; remove fourgent's access in the app's settings",
                conn.label(),
                connector.name,
                e.message()
            ));
            Some(false)
        }
    }
}

/// "Used in the last 7 days: c_x by ci@runner-3, alice@laptop" lines for a
/// team store (empty when nobody did, or for the local store).
fn recent_users(ctx: &Ctx, targets: &[Connection]) -> Result<String> {
    let Some(team) = ctx.team() else {
        return Ok(String::new());
    };
    let mut lines = Vec::new();
    for conn in targets {
        let users = crate::team::events::recent_users(team, conn.id.as_str(), 7)
            .map_err(|e| Error::from(e.at(team.shown())))?;
        if !users.is_empty() {
            lines.push(format!(
                "{} was used in the last 7 days by {}.",
                conn.label(),
                users.join(", ")
            ));
        }
    }
    Ok(lines.join("\n"))
}
