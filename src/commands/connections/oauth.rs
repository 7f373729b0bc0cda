//! What the connection commands share for OAuth2 apps: client credentials,
//! running the browser flow, and keeping a token fresh.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::catalog::{Connector, Pkce, RedirectRule, TokenAuth};
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
    preflight(ctx, connector, args)?;
    require_secret(ctx, connector, client_secret.is_some())?;
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
        if args.no_browser {
            return;
        }
        match oauth::browser::open(url, browser.as_deref(), &secret_vars) {
            Ok(()) => ctx.ui.status("Opened your browser."),
            Err(why) => ctx.ui.warn(&format!(
                "could not open a browser: {why}; open the address above yourself"
            )),
        }
    };
    // On a terminal the user may paste the address the browser ended on
    // (for an SSH session, where the browser cannot reach this machine).
    let pasted = ctx.ui.can_prompt().then(|| {
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let lines = ctx.ui.stdin_lines();
        std::thread::spawn(move || {
            for line in lines {
                if !line.trim().is_empty() && tx.blocking_send(line).is_err() {
                    break;
                }
            }
        });
        rx
    });
    let timeout = Duration::from_secs(args.timeout);
    let until = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::try_from(timeout).unwrap_or_default())
        .ok()
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default();
    // Where the user may paste, no spinner draws over what they type: one
    // line says how long the wait lasts. Elsewhere a spinner counts down.
    let waiting = if pasted.is_some() {
        format!(
            "Waiting for the browser until {until}; or paste the address it ended on here and press Enter:"
        )
    } else {
        "Waiting for the browser…".to_owned()
    };
    let on_stray = |why: &str| {
        ctx.ui
            .debug(|| format!("ignored a request to the listener: {why}"))
    };
    let spinner = std::cell::RefCell::new(None);
    let can_paste = pasted.is_some();
    let result = ctx.block_on(async {
        let interaction = Interaction {
            scopes: args.scopes.clone(),
            port: args.port,
            timeout,
            present: &|url: &str, uri: &str| {
                present(url, uri);
                // The spinner starts once the address is on screen.
                if can_paste {
                    ctx.ui.status(&waiting);
                } else {
                    *spinner.borrow_mut() = Some(ctx.ui.countdown(&waiting, timeout));
                }
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
    result.map_err(|e| advise(connector, args, again, e))
}

/// What can be known to fail before the browser opens: an app that needs
/// the exact redirect URI, port included, with no port to use.
fn preflight(ctx: &Ctx, connector: &Connector, args: &AuthArgs) -> Result<()> {
    let spec = connector.oauth2.as_ref().expect("OAuth2 connector");
    if spec.redirect_rule == RedirectRule::Exact
        && spec.redirect_port.is_none()
        && args.port.is_none()
    {
        return Err(Error::usage(format!(
            "{} accepts only the exact redirect URI you registered, port included, and no port is set",
            connector.name
        ))
        .with_hint(format!(
            "set `redirect_port = PORT` under [connectors.{}] in {} (the port of the redirect URI you registered, e.g. {}), or pass `--port PORT`",
            connector.id,
            ctx.config_dir().join("connectors.toml").display(),
            spec.redirect_uri(Some(8765)),
        )));
    }
    Ok(())
}

/// A confidential client (HTTP Basic at the token endpoint, or no PKCE to
/// prove a public client) needs its secret before the browser opens.
fn require_secret(ctx: &Ctx, connector: &Connector, have: bool) -> Result<()> {
    let spec = connector.oauth2.as_ref().expect("OAuth2 connector");
    let confidential = spec.token_auth == TokenAuth::Basic || spec.pkce == Pkce::Unsupported;
    if have || !confidential {
        return Ok(());
    }
    Err(Error::usage(format!(
        "{} needs its OAuth client secret, and none is set",
        connector.name
    ))
    .with_hint(format!(
        "store it with `fourgent connectors set-secret {}` (in {}), or export {}",
        connector.id,
        ctx.secrets().describe(),
        env::client_secret_var(&connector.id)
    )))
}

/// An OAuth error with advice for its code: what the user can do about it.
fn advise(connector: &Connector, args: &AuthArgs, again: &str, e: oauth::Error) -> Error {
    let spec = connector.oauth2.as_ref().expect("OAuth2 connector");
    let code = match &e {
        oauth::Error::Denied { error, .. } | oauth::Error::Rejected { error, .. } => {
            Some(error.clone())
        }
        _ => None,
    };
    let description = match &e {
        oauth::Error::Denied { description, .. } | oauth::Error::Rejected { description, .. } => {
            description.clone().unwrap_or_default()
        }
        _ => String::new(),
    };
    let timed_out = matches!(e, oauth::Error::TimedOut(_));
    let err = Error::from(e);
    let nothing = "nothing was saved";
    if timed_out {
        let mut err = Error::new(ErrorKind::TimedOut, err.message().to_owned());
        err = if args.no_browser {
            err.with_hint(format!(
                "open the printed address in a browser and finish there within the time; run `{again}` again (with a longer `--timeout` if you need it); {nothing}"
            ))
        } else {
            err.with_hint(format!(
                "run `{again}` again and finish in the browser (with a longer `--timeout` if you need it), or pass `--no-browser` and open the printed address yourself; {nothing}"
            ))
        };
        return err;
    }
    let Some(code) = code else { return err };
    let redirect =
        code.contains("redirect") || description.to_ascii_lowercase().contains("redirect");
    if redirect {
        let port = args.port.or(spec.redirect_port);
        return err.with_hint(format!(
            "register the redirect URI {} with {} (exactly, port included), or set the port you registered with `redirect_port` or `--port`; {nothing}",
            spec.redirect_uri(port),
            connector.name
        ));
    }
    match code.as_str() {
        "access_denied" => err.with_hint(format!(
            "run `{again}` again and approve access; {nothing}"
        )),
        "invalid_client" | "unauthorized_client" => err.with_hint(format!(
            "{} does not accept the client ID or secret: check `client_id` under [connectors.{}] (or {}) and the secret (`fourgent connectors set-secret {}` or {}); {nothing}",
            connector.name,
            connector.id,
            env::client_id_var(&connector.id),
            connector.id,
            env::client_secret_var(&connector.id),
        )),
        "invalid_scope" => err.with_hint(format!(
            "ask only for scopes the app allows ({}), with `--scope`, or allow them in the app's settings; {nothing}",
            if args.scopes.is_empty() { spec.scopes.join(" ") } else { args.scopes.join(" ") }
        )),
        "invalid_grant" => err.with_hint(format!(
            "the authorization code expired or was already used; run `{again}` again; {nothing}"
        )),
        _ => err.with_hint(format!("run `{again}` again; {nothing}")),
    }
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

/// A refresh that `status` could not do: the error, and the reason to show
/// beside the connection (without its name).
pub(crate) struct RefreshFailure {
    pub error: Error,
    pub reason: String,
    /// Nothing was asked of the app: an earlier failed refresh's cooldown
    /// still runs, and its recorded check (time and reason) stands.
    pub cooling_down: bool,
}

/// [`live_credentials`] for `status`, which shows why beside each connection.
pub(crate) fn refresh_for_status(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
) -> std::result::Result<Credentials, RefreshFailure> {
    let fix = format!("fourgent connections reauthorize {}", conn.label());
    match refresh(ctx, conn, connector, SignedDuration::ZERO) {
        Ok(creds) => Ok(creds),
        Err(Failed::Early(error)) => Err(RefreshFailure {
            reason: error.message().to_owned(),
            error,
            cooling_down: false,
        }),
        Err(Failed::Refresh(e)) => {
            let reason = match &e {
                RefreshError::NotConnected { reason } => reason.clone(),
                RefreshError::Failed(inner) => format!("the refresh failed: {inner}"),
                RefreshError::MaybeRotated(inner) => format!(
                    "the refresh got no answer ({inner}); the app may have rotated the refresh token"
                ),
                other => other.to_string(),
            };
            Err(RefreshFailure {
                cooling_down: matches!(e, RefreshError::CoolingDown { .. }),
                error: refresh_error(ctx, conn, &fix, e),
                reason,
            })
        }
    }
}

/// Why [`refresh`] failed: before the refresher could run, or in it.
enum Failed {
    Early(Error),
    Refresh(RefreshError),
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
    refresh(ctx, conn, connector, min_valid).map_err(|e| match e {
        Failed::Early(e) => e,
        Failed::Refresh(e) => refresh_error(ctx, conn, &fix, e),
    })
}

/// Runs the refresh transaction for `conn` (see [`oauth::refresh`]).
fn refresh(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
    min_valid: SignedDuration,
) -> std::result::Result<Credentials, Failed> {
    let refresher = Refresher {
        secrets: ctx.secrets_for(conn),
        metadata: ctx.store(),
        http: ctx.http().map_err(Failed::Early)?,
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
        .map_err(|e| match e {
            RefreshError::Client(inner) => Failed::Early(*inner),
            e => Failed::Refresh(e),
        })?;
    if fresh.how == How::ByAnother {
        ctx.ui
            .debug(|| format!("{} was refreshed by another process", conn.label()));
    }
    if let Some(e) = fresh.metadata_error {
        ctx.ui.warn(&format!(
            "the new tokens of {} are stored, but {} could not be updated: {e}",
            conn.label(),
            ctx.store().describe()
        ));
    }
    Ok(fresh.creds)
}

/// A failed refresh in the words of the connection commands.
fn refresh_error(ctx: &Ctx, conn: &Connection, fix: &str, e: RefreshError) -> Error {
    let label = conn.label();
    match e {
        RefreshError::Missing => match super::secret::load_secret(ctx, conn) {
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
        RefreshError::Failed(inner @ (oauth::Error::Url(_) | oauth::Error::Config(_))) => {
            Error::from(inner)
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
