//! `fourgent connections delete`

use crate::cli::DeleteArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Connection;
use crate::secrets;

pub(crate) fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let mut targets: Vec<Connection> = Vec::new();
    for s in &args.connections {
        let c = &conns[super::resolve(ctx, &conns, s)?];
        if !targets.iter().any(|t| t.id == c.id) {
            targets.push(c.clone());
        }
    }
    let list = targets
        .iter()
        .map(|c| format!("  {}", c.label_with_id()))
        .collect::<Vec<_>>()
        .join("\n");
    let them = if targets.len() == 1 { "it" } else { "them" };
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
            return Err(Error::new(
                ErrorKind::Interrupted,
                "not confirmed; nothing was deleted",
            ));
        }
    }

    for conn in &targets {
        let account = secrets::connection_account(&conn.id);
        // Kept until the metadata is written, to put back if that fails.
        let old = ctx.secrets().get(&account)?;
        let had_secret = ctx.secrets().delete(&account)?;
        let removed = ctx.store().update(|stored| -> Result<bool> {
            let before = stored.len();
            stored.retain(|c| c.id != conn.id);
            Ok(stored.len() != before)
        });
        if let Err(e) = removed {
            if let Some(old) = old
                && let Err(restore) = ctx.secrets().set(&account, &old)
            {
                ctx.ui.warn(&format!(
                    "could not restore the secret of {}: {restore}",
                    conn.label()
                ));
            }
            return Err(e);
        }
        if !had_secret {
            ctx.ui.warn(&format!(
                "the secret of {} was already gone from {}",
                conn.label(),
                ctx.secrets().describe()
            ));
        }
        ctx.ui.success(&format!("Deleted {}", conn.label_with_id()));
    }
    Ok(())
}
