//! `fourgent connections token`: the one command that prints a secret.
//!
//! Kept lean for scripts that call it often: it reads the metadata and the
//! one secret, and loads the catalog only when an OAuth2 token must be
//! refreshed.

use crate::cli::TokenArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::AuthKind;
use crate::secrets::ExposeSecret;

pub(crate) fn run(ctx: &Ctx, args: &TokenArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let conn = &conns[super::resolve(ctx, &conns, &args.connection)?];
    let creds = super::load_secret(ctx, conn)?;

    if conn.auth == AuthKind::OAuth2 {
        if args.field.is_some() {
            return Err(Error::usage(
                "`--field` is for Custom apps; an OAuth2 connection has one access token",
            ));
        }
        let due = creds
            .token
            .as_ref()
            .is_some_and(|t| crate::oauth::is_due(t, jiff::Timestamp::now()));
        let creds = if due {
            let connector = super::connector(ctx.catalog()?, &conn.app)?;
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
        return ctx
            .ui
            .out(&format!("{}\n", token.access_token.expose_secret()));
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
    ctx.ui.out(&format!("{}\n", value.expose_secret()))
}
