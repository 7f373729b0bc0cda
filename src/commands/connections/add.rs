//! `fourgent connections add`

use super::authenticate::{Authenticated, authenticate};
use super::{naming, secret};
use crate::cli::AddArgs;
use crate::context::Ctx;
use crate::error::Result;
use crate::model::{CheckResult, Connection, ConnectionId, LastCheck, Status};
use crate::secrets;
use crate::store::{Action, Event};
use crate::ui::render;

pub(crate) fn run(ctx: &Ctx, args: AddArgs) -> Result<()> {
    let catalog = ctx.catalog()?;
    let app = match &args.app {
        Some(app) => app.clone(),
        None => {
            ctx.ui.require_prompt(
                "the app",
                "name it: `fourgent connections add <APP>`; see `fourgent connectors list`",
            )?;
            let mut apps: Vec<&crate::catalog::Connector> = catalog.iter().collect();
            apps.sort_by_cached_key(|c| c.name.to_lowercase());
            let labels: Vec<String> = apps.iter().map(|c| picker_label(c)).collect();
            ctx.ui.status(
                "Apps that need a client ID: register an OAuth app first (`fourgent connectors show <APP>`).",
            );
            apps[ctx
                .ui
                .pick("Which app? (type to filter, Esc to cancel)", &labels, "")?]
            .id
            .clone()
        }
    };
    let connector = naming::connector(catalog, &app)?;

    let existing = ctx.store().load()?;
    let name = naming::new_name(ctx, &existing, connector, args.name.as_deref())?;

    // A keychain that is not there at all is found before the app (or the
    // user, or the browser) is asked for anything. (A locked one is found
    // when the secret is written: reading tells nothing about it.)
    ctx.secrets().get(&secrets::probe_account())?;

    let again = format!("fourgent connections add {} --name {name}", connector.id);
    let confirm = format!("Add {}/{name}?", connector.id);
    let Authenticated {
        inputs,
        account,
        verified,
    } = authenticate(ctx, connector, &args.auth, None, &confirm, &again)?;
    let (expires_at, scopes) = match &inputs.creds.token {
        Some(t) => (t.expires_at, t.scopes.clone()),
        None => (None, Vec::new()),
    };

    let now = crate::model::connection::now();
    let secret = inputs.creds.to_secret();
    let mut written: Option<String> = None;
    let result = ctx.store().update(|conns| -> Result<Connection> {
        // Another process may have taken the name while we were verifying.
        naming::ensure_name_free(conns, &connector.id, &name)?;
        let id = ConnectionId::generate(|id| conns.iter().any(|c| &c.id == id));
        let account_key = secrets::connection_account(&id);
        ctx.secrets().set(&account_key, &secret)?;
        written = Some(account_key);
        let conn = Connection {
            id,
            name: name.clone(),
            app: connector.id.clone(),
            auth: connector.auth,
            status: Status::Connected,
            created_at: now,
            updated_at: now,
            account: account.clone(),
            expires_at,
            scopes: scopes.clone(),
            fields: inputs.fields.clone(),
            last_check: verified.then_some(LastCheck {
                at: now,
                result: CheckResult::Ok,
                reason: None,
            }),
            store: ctx.recorded_backend(None),
            refresh_failures: 0,
            refresh_retry_at: None,
        };
        conns.push(conn.clone());
        Ok(conn)
    });
    let conn = match result {
        Ok(c) => c,
        Err(e) => {
            if let Some(account) = written {
                secret::roll_back_secret(ctx, ctx.secrets(), &account);
            }
            return Err(e);
        }
    };
    ctx.store().record(&Event {
        conn: &conn,
        action: Action::Add,
        detail: None,
    });

    let account_note = conn
        .account
        .as_ref()
        .map(|a| format!(" as {a}"))
        .unwrap_or_default();
    let state = if verified {
        format!("{}, verified", conn.status)
    } else if args.auth.no_verify {
        format!("{} (not verified)", conn.status)
    } else {
        format!("{} (the app has no check endpoint)", conn.status)
    };
    ctx.ui.success(&format!(
        "Added {} ({}){account_note}: {state}",
        conn.label(),
        conn.id,
    ));
    if args.auth.json {
        ctx.ui
            .out(&format!("{}\n", render::connection_json(&conn)))?;
    } else {
        ctx.ui.out(&render::show(&conn, now))?;
    }
    Ok(())
}

/// An app in the picker: its name, ID and auth type, and for an OAuth2 app
/// with no client ID, what is missing.
fn picker_label(c: &crate::catalog::Connector) -> String {
    let mut label = format!("{} ({}) · {}", c.name, c.id, c.auth);
    if c.oauth2.as_ref().is_some_and(|o| o.client_id.is_none()) {
        label.push_str(" · needs a client ID");
    }
    label
}
