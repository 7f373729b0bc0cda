//! What the connection commands share for OAuth2 apps: client credentials,
//! running the browser flow, and keeping a token fresh.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::catalog::Connector;
use crate::cli::AuthArgs;
use crate::context::Ctx;
use crate::env;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CheckResult, Connection, LastCheck, Status};
use crate::oauth::{self, App, Authorized, Interaction};
use crate::secrets::{self, Credentials, Secret};
use crate::store::FileLock;

/// The OAuth client ID and (for confidential clients) secret of an app.
pub(crate) fn client_credentials(
    ctx: &Ctx,
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
            ctx.config_dir().join("connectors.toml").display(),
            env::client_id_var(&connector.id),
            connector.id,
        )));
    };
    let secret = match env::var(&env::client_secret_var(&connector.id)) {
        Some(s) => Some(Secret::from(s)),
        None => ctx
            .secrets()
            .get(&secrets::client_secret_account(&connector.id))?,
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

/// A connection's credentials with an access token that is not due, refreshed
/// first when it is. Refreshes run under a per-connection lock and re-read
/// the stored token once they hold it, so a second process uses the first
/// one's result and a rotating refresh token is never used twice. A refresh
/// the app refuses marks the connection Not Connected.
pub(crate) fn live_credentials(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
) -> Result<Credentials> {
    let fix = format!("fourgent connections reauthorize {}", conn.label());
    let load = || super::load_secret(ctx, conn);
    let due = |c: &Credentials| {
        c.token
            .as_ref()
            .is_some_and(|t| oauth::is_due(t, jiff::Timestamp::now()))
    };
    let creds = load()?;
    if !due(&creds) {
        return Ok(creds);
    }
    let seen = access_token(&creds);
    let _lock = FileLock::acquire(&ctx.config_dir().join(format!("refresh-{}", conn.id)))?;
    let mut creds = load()?;
    // Another process refreshed while we waited for the lock: use its tokens.
    if !due(&creds) || access_token(&creds) != seen {
        ctx.ui
            .debug(|| format!("{} was refreshed by another process", conn.label()));
        return Ok(creds);
    }
    let old = creds.token.take().expect("due implies a token");
    let old_access = crate::secrets::ExposeSecret::expose_secret(&old.access_token).to_owned();
    if old.refresh_token.is_none() {
        let reason = "the access token expired and the app gave no refresh token".to_owned();
        mark_not_connected(ctx, conn, CheckResult::Expired, &reason)?;
        return Err(
            Error::new(ErrorKind::Auth, format!("{}: {reason}", conn.label()))
                .with_hint(format!("run `{fix}`")),
        );
    }
    let (client_id, client_secret) = client_credentials(ctx, connector)?;
    let app = App {
        connector,
        client_id,
        client_secret,
        fields: &conn.fields,
    };
    ctx.ui
        .debug(|| format!("refreshing the access token of {}", conn.label()));
    match ctx.block_on(oauth::refresh(ctx.http()?, &app, &old))? {
        Ok(new) => {
            creds.token = Some(new);
            let token = creds.token.as_ref().expect("just set");
            let (expires_at, scopes) = (token.expires_at, token.scopes.clone());
            let account = secrets::connection_account(&conn.id);
            // Store the new tokens (a rotated refresh token above all) before
            // anything uses them, under the metadata lock like every other
            // write of this secret: a connection deleted meanwhile is not
            // brought back, and credentials a reauthorize stored meanwhile
            // win over these.
            ctx.store().update(|stored| -> Result<Credentials> {
                let Some(c) = stored.iter_mut().find(|c| c.id == conn.id) else {
                    return Err(Error::new(
                        ErrorKind::NotFound,
                        format!("{} was deleted meanwhile", conn.label()),
                    ));
                };
                if let Some(current) = secrets::load_credentials(ctx.secrets(), &conn.id)?
                    && access_token(&current).as_ref() != Some(&old_access)
                {
                    return Ok(current);
                }
                ctx.secrets().set(&account, &creds.to_secret())?;
                c.expires_at = expires_at;
                if !scopes.is_empty() {
                    c.scopes = scopes.clone();
                }
                Ok(creds)
            })
        }
        Err(e) if e.is_invalid_grant() => {
            let reason = format!("the app refused to refresh the token: {e}");
            mark_not_connected(ctx, conn, CheckResult::Expired, &reason)?;
            Err(Error::new(
                ErrorKind::Auth,
                format!("{} is Not Connected: {reason}", conn.label()),
            )
            .with_hint(format!("authorize it again with `{fix}`")))
        }
        Err(e) => Err(Error::from(e).with_hint("the stored token was kept; try again later")),
    }
}

fn mark_not_connected(
    ctx: &Ctx,
    conn: &Connection,
    result: CheckResult,
    reason: &str,
) -> Result<()> {
    let now = crate::model::connection::now();
    ctx.store().update(|stored| -> Result<()> {
        if let Some(c) = stored.iter_mut().find(|c| c.id == conn.id) {
            c.status = Status::NotConnected;
            c.updated_at = now;
            c.last_check = Some(LastCheck {
                at: now,
                result,
                reason: Some(reason.to_owned()),
            });
        }
        Ok(())
    })
}

fn access_token(creds: &Credentials) -> Option<String> {
    use crate::secrets::ExposeSecret;
    creds
        .token
        .as_ref()
        .map(|t| t.access_token.expose_secret().to_owned())
}
