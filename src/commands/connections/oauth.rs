//! What the connection commands share for OAuth2 apps: client credentials,
//! running the browser flow, and keeping a token fresh.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::catalog::Connector;
use crate::cli::AuthArgs;
use crate::context::Ctx;
use crate::env;
use crate::error::{Error, ErrorKind, Result};
use jiff::SignedDuration;

use crate::model::Connection;
use crate::oauth::refresh::{Error as RefreshError, How, Refresher};
use crate::oauth::{self, App, Authorized, Interaction};
use crate::secrets::{self, Credentials, Secret};

/// The OAuth client ID and (for confidential clients) secret of an app.
pub(crate) fn client_credentials(
    ctx: &Ctx,
    connector: &Connector,
) -> Result<(String, Option<Secret>)> {
    client_credentials_in(ctx.secrets(), ctx.config_dir(), connector)
}

/// [`client_credentials`] without a `Ctx`, for threads: the client secret
/// from the environment or `secrets` (the run's store).
pub(crate) fn client_credentials_in(
    secrets: &dyn secrets::SecretStore,
    config_dir: &std::path::Path,
    connector: &Connector,
) -> Result<(String, Option<Secret>)> {
    let spec = connector.oauth2.as_ref().expect("OAuth2 connector");
    let Some(client_id) = spec.client_id.clone() else {
        let docs = connector
            .docs_url
            .as_deref()
            .map(|u| format!(" at {u}"))
            .unwrap_or_default();
        return Err(Error::from(oauth::Error::NoClientId { app: connector.name.clone() }).with_hint(format!(
            "register an OAuth app with {}{docs}, with the redirect URI {}; then set `client_id` under [connectors.{}] in {} or export {}\n(`fourgent connectors show {}` lists what the app needs)",
            connector.name,
            spec.redirect_uri(None).replace("http://localhost/callback", "http://localhost:PORT/callback"),
            connector.id,
            config_dir.join("connectors.toml").display(),
            env::client_id_var(&connector.id),
            connector.id,
        )));
    };
    let secret = match env::var(&env::client_secret_var(&connector.id)) {
        Some(s) => Some(Secret::from(s)),
        None => secrets.get(&secrets::client_secret_account(&connector.id))?,
    };
    Ok((client_id, secret))
}

/// Runs the browser flow for `connector` and returns the tokens.
pub(crate) fn authorize(
    ctx: &Ctx,
    connector: &Connector,
    fields: &BTreeMap<String, String>,
    args: &AuthArgs,
    again: &str,
) -> Result<Authorized> {
    let (client_id, client_secret) = client_credentials(ctx, connector)?;
    let app = App {
        connector,
        client_id,
        client_secret,
        fields,
    };
    let http = ctx.http()?;
    let browser = env::var(env::BROWSER);
    // Variables the browser must not see besides FOURGENT_* ones.
    let secret_vars: Vec<&str> = args
        .secret_env
        .iter()
        .map(|(_, var)| var.as_str())
        .collect();
    let present = |url: &str, redirect_uri: &str| {
        ctx.ui
            .debug(|| format!("listening for the redirect at {redirect_uri}"));
        ctx.ui.status(&format!(
            "Open this address in a browser to authorize {}:\n\n  {url}\n",
            connector.name
        ));
        if !args.no_browser
            && let Err(why) = oauth::browser::open(url, browser.as_deref(), &secret_vars)
        {
            ctx.ui
                .warn(&format!("{why}; open the address above yourself"));
        }
    };
    // On a terminal the user may paste the address the browser ended on
    // (for an SSH session, where the browser cannot reach this machine).
    let pasted = ctx.ui.can_prompt().then(|| {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        std::thread::spawn(move || {
            let mut line = String::new();
            while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
                if !line.trim().is_empty() && tx.blocking_send(line.clone()).is_err() {
                    break;
                }
                line.clear();
            }
        });
        rx
    });
    let waiting = if pasted.is_some() {
        "Waiting for the browser… (or paste the address it ended on and press Enter)"
    } else {
        "Waiting for the browser…"
    };
    let on_stray = |why: &str| {
        ctx.ui
            .debug(|| format!("ignored a request to the listener: {why}"))
    };
    let spinner = std::cell::RefCell::new(None);
    let result = ctx.block_on(async {
        let interaction = Interaction {
            scopes: args.scopes.clone(),
            port: args.port,
            timeout: Duration::from_secs(args.timeout),
            present: &|url: &str, uri: &str| {
                present(url, uri);
                // The spinner starts once the address is on screen.
                *spinner.borrow_mut() = Some(ctx.ui.spinner(waiting));
            },
            pasted,
            on_stray: &on_stray,
            on_bad_paste: &|why: &str| {
                ctx.ui.warn(&format!(
                    "that address was not accepted: {why}; paste the address the browser ended on"
                ))
            },
        };
        let out = oauth::authorize(http, &app, interaction).await;
        spinner.borrow_mut().take();
        out
    })?;
    result.map_err(|e| {
        let denied = matches!(
            e,
            oauth::Error::Denied { .. } | oauth::Error::Rejected { .. }
        );
        let err = Error::from(e);
        if denied {
            err.with_hint(format!(
                "run `{again}` again and approve access; nothing was saved"
            ))
        } else {
            err
        }
    })
}

/// A connection's credentials with an access token that is not due,
/// refreshed first when it is (see [`oauth::refresh`]: under the
/// connection's lock, re-read, signals deferred, stored before anything
/// else).
pub(crate) fn live_credentials(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
) -> Result<Credentials> {
    fresh_credentials(ctx, conn, connector, SignedDuration::ZERO)
}

/// Like [`live_credentials`], with an access token valid for at least
/// `min_valid`.
pub(crate) fn fresh_credentials(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
    min_valid: SignedDuration,
) -> Result<Credentials> {
    let fix = format!("fourgent connections reauthorize {}", conn.label());
    let refresher = Refresher {
        secrets: ctx.secrets_for(conn),
        metadata: ctx.store(),
        config_dir: ctx.config_dir(),
        http: ctx.http()?,
    };
    let app_of = || -> Result<App<'_>> {
        let (client_id, client_secret) = client_credentials(ctx, connector)?;
        ctx.ui
            .debug(|| format!("refreshing the access token of {}", conn.label()));
        Ok(App {
            connector,
            client_id,
            client_secret,
            fields: &conn.fields,
        })
    };
    let fresh = refresher
        .fresh(conn, app_of, min_valid)
        .map_err(|e| refresh_error(ctx, conn, &fix, e))?;
    if fresh.how == How::ByAnother {
        ctx.ui
            .debug(|| format!("{} was refreshed by another process", conn.label()));
    }
    if let Some(e) = fresh.metadata_error {
        ctx.ui.warn(&format!(
            "the new tokens of {} are stored, but {} could not be updated: {e}",
            conn.label(),
            ctx.store().path().display()
        ));
    }
    Ok(fresh.creds)
}

/// A failed refresh in the words of the connection commands.
fn refresh_error(ctx: &Ctx, conn: &Connection, fix: &str, e: RefreshError) -> Error {
    let label = conn.label();
    match e {
        RefreshError::Missing => match super::load_secret(ctx, conn) {
            Err(e) => e,
            Ok(_) => Error::failure(format!("the secret of {label} vanished while it was read")),
        },
        RefreshError::Deleted => Error::new(
            ErrorKind::NotFound,
            format!("{label} was deleted by another process"),
        ),
        RefreshError::NotConnected { reason } => Error::new(
            ErrorKind::NotConnected,
            format!("{label} is Not Connected: {reason}"),
        )
        .with_hint(format!("authorize it again with `{fix}`")),
        e @ RefreshError::CoolingDown { .. } => {
            Error::new(ErrorKind::Network, format!("cannot refresh {label}: {e}")).with_hint(
                format!(
                    "the stored token was kept; try again later, or authorize it again with `{fix}`"
                ),
            )
        }
        RefreshError::Failed(inner) => {
            let base = Error::from(inner);
            Error::new(base.kind(), format!("cannot refresh {label}: {}", base.message()))
                .with_hint(format!(
                    "the stored token was kept; fourgent asks the app again after a pause. If it keeps failing, run `{fix}`"
                ))
        }
        RefreshError::MaybeRotated(inner) => Error::new(
            ErrorKind::Network,
            format!("cannot refresh {label}: {inner}"),
        )
        .with_hint(format!(
            "the app may have rotated the refresh token; if the next call fails, run `{fix}`"
        )),
        RefreshError::NotStored(inner) => {
            let base = Error::from(inner);
            Error::new(
                base.kind(),
                format!("the app issued new tokens for {label}, but they could not be stored"),
            )
            .with_cause(base.message())
            .with_hint(format!(
                "the app may have rotated the refresh token; if the next call fails, run `{fix}`"
            ))
        }
        RefreshError::Secrets(inner) => Error::from(inner),
        RefreshError::Store(inner) => Error::from(inner),
        RefreshError::Client(inner) => *inner,
    }
}
