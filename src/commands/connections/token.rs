//! `fourgent connections token`: the one command that prints a secret.

use crate::cli::TokenArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::AuthKind;
use crate::secrets::ExposeSecret;

pub(crate) fn run(ctx: &Ctx, args: &TokenArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let conn = &conns[super::resolve(ctx, &conns, &args.connection)?];
    let catalog = ctx.catalog()?;
    let connector = super::connector(catalog, &conn.app)?;
    if connector.auth == AuthKind::OAuth2 {
        if args.field.is_some() {
            return Err(Error::usage(
                "`--field` is for Custom apps; an OAuth2 connection has one access token",
            ));
        }
        let creds = super::oauth::live_credentials(ctx, conn, connector)?;
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

    let creds = super::load_secret(ctx, conn)?;
    let key = match &args.field {
        Some(k) => k.clone(),
        None => {
            let secret_keys: Vec<&str> =
                connector.secret_fields().map(|f| f.key.as_str()).collect();
            match secret_keys.as_slice() {
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
                        many[0]
                    )));
                }
            }
        }
    };
    let value = creds.fields.get(&key).ok_or_else(|| {
        if connector.field(&key).is_some_and(|f| !f.secret) {
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
