//! `fourgent connections token`: the one command that prints a secret.
//!
//! Kept lean for scripts that call it often: it reads the metadata and the
//! one secret, and loads the catalog only when an OAuth2 token must be
//! refreshed. It fails closed: a connection that is Not Connected prints
//! nothing and exits with 5.

use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::{naming, secret};
use crate::cli::TokenArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{AuthKind, Connection, Status};
use crate::secrets::{ExposeSecret, Secret};
use crate::store::{Action, Event};

pub(crate) fn run(ctx: &Ctx, args: &TokenArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let conn = &conns[naming::resolve(ctx, &conns, &args.connection)?];
    if conn.status == Status::NotConnected {
        return Err(secret::not_connected(conn, ""));
    }
    if conn.auth == AuthKind::OAuth2 && args.field.is_some() {
        return Err(Error::usage(
            "`--field` is for Custom apps; an OAuth2 connection has one access token",
        ));
    }
    let creds = secret::load_secret(ctx, conn)?;

    if conn.auth == AuthKind::OAuth2 {
        let due = creds
            .token
            .as_ref()
            .is_some_and(|t| crate::oauth::is_due(t, Timestamp::now()));
        let creds = if due {
            let connector = naming::connector(ctx.catalog()?, &conn.app)?;
            super::oauth::live_credentials(ctx, conn, connector)?
        } else {
            creds
        };
        let token = creds.token.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::Config,
                format!("the stored secret of {} holds no token", conn.label()),
            )
            .with_hint(format!(
                "run `fourgent connections reauthorize {}`",
                conn.label()
            ))
        })?;
        return print(ctx, args, conn, &token.access_token, token.expires_at);
    }

    // A Custom connection's secret holds exactly the app's secret fields.
    let key = match &args.field {
        Some(k) => k.clone(),
        None => {
            let keys: Vec<&str> = creds.fields.keys().map(String::as_str).collect();
            match keys.as_slice() {
                [one] => (*one).to_owned(),
                many => {
                    return Err(Error::usage(format!(
                        "{} has several secrets: {}",
                        conn.label(),
                        many.join(", ")
                    ))
                    .with_hint(format!(
                        "name one with `--field`, e.g. `fourgent connections token {} --field {}`",
                        conn.label(),
                        many.first().unwrap_or(&"KEY")
                    )));
                }
            }
        }
    };
    let value = creds.fields.get(&key).ok_or_else(|| {
        if conn.fields.contains_key(&key) {
            Error::usage(format!(
                "`{key}` is not a secret; `fourgent connections show {}` prints it",
                conn.label()
            ))
        } else {
            Error::usage(format!("{} has no secret `{key}`", conn.label()))
        }
    })?;
    print(ctx, args, conn, value, None)
}

/// The secret alone on a line, or the JSON shape for credential helpers.
fn print(
    ctx: &Ctx,
    args: &TokenArgs,
    conn: &Connection,
    secret: &Secret,
    expires_at: Option<Timestamp>,
) -> Result<()> {
    ctx.store().record(&Event {
        conn,
        action: Action::Use,
        detail: None,
    });
    if !args.json {
        return ctx.ui.out(&format!("{}\n", secret.expose_secret()));
    }
    let expires_in = expires_at.map(|t| {
        t.duration_since(Timestamp::now())
            .max(SignedDuration::ZERO)
            .as_secs()
    });
    let value = json!({
        "connection": { "app": conn.app, "id": conn.id.as_str(), "name": conn.name },
        "expires_at": expires_at,
        "expires_in": expires_in,
        "token": secret.expose_secret(),
    });
    ctx.ui.out(&format!("{value}\n"))
}
