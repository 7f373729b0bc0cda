//! `fourgent connections …`: dispatch, and what several commands share
//! (naming a connection, gathering credentials, verifying them).

mod add;
mod delete;
mod exec;
mod list;
mod log;
mod r#move;
pub(crate) mod oauth;
mod reauthorize;
mod show;
mod status;
mod token;

use std::collections::BTreeMap;

use crate::catalog::{Catalog, Connector};
use crate::check::{self, Outcome};
use crate::cli::{AuthArgs, ConnectionsCommand};
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Connection, Resolved, SecretBackend, Selector};
use crate::secrets::{Credentials, Secret, SecretStore};

pub fn run(ctx: &Ctx, command: ConnectionsCommand) -> Result<()> {
    match command {
        ConnectionsCommand::Add(args) => add::run(ctx, args),
        ConnectionsCommand::List(args) => list::run(ctx, &args),
        ConnectionsCommand::Show(args) => show::run(ctx, &args),
        ConnectionsCommand::Status(args) => status::run(ctx, &args),
        ConnectionsCommand::Reauthorize(args) => reauthorize::run(ctx, args),
        ConnectionsCommand::Delete(args) => delete::run(ctx, &args),
        ConnectionsCommand::Token(args) => token::run(ctx, &args),
        ConnectionsCommand::Move(args) => r#move::run(ctx, &args),
        ConnectionsCommand::Exec(args) => exec::run(ctx, &args),
        ConnectionsCommand::Log(args) => log::run(ctx, &args),
    }
}

/// The index of the one connection `selector` names. An ambiguous name asks
/// which one on a terminal, and fails listing the candidates otherwise.
pub(crate) fn resolve(ctx: &Ctx, conns: &[Connection], selector: &Selector) -> Result<usize> {
    match selector.resolve(conns) {
        Resolved::One(i) => Ok(i),
        Resolved::None { suggestions } => {
            let err = Error::new(
                ErrorKind::NotFound,
                format!("no connection matches `{selector}`"),
            );
            Err(match suggestions.as_slice() {
                [] if conns.is_empty() => {
                    err.with_hint("there are no connections yet; add one with `fourgent connections add <APP>`")
                }
                [] => err.with_hint("run `fourgent connections list` to see all connections"),
                [one] => err.with_hint(format!(
                    "did you mean `{one}`? Run `fourgent connections list` to see all connections"
                )),
                many => err.with_hint(format!(
                    "did you mean one of {}? Run `fourgent connections list` to see all connections",
                    many.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                )),
            })
        }
        Resolved::Ambiguous(candidates) => {
            let labels: Vec<String> = candidates
                .iter()
                .map(|&i| conns[i].label_with_id())
                .collect();
            if ctx.ui.can_prompt() {
                let pick = ctx.ui.select(
                    &format!(
                        "`{selector}` matches {} connections; which one?",
                        labels.len()
                    ),
                    &labels,
                    "",
                )?;
                return Ok(candidates[pick]);
            }
            Err(Error::new(
                ErrorKind::NotFound,
                format!(
                    "`{selector}` matches {} connections: {}",
                    labels.len(),
                    labels.join(", ")
                ),
            )
            .with_hint(format!(
                "name one by ID or as `app/name`, e.g. `fourgent connections show {}`",
                conns[candidates[0]].label()
            )))
        }
    }
}

/// The connections `selectors` name, each once, in the order given.
pub(crate) fn resolve_all(
    ctx: &Ctx,
    conns: &[Connection],
    selectors: &[Selector],
) -> Result<Vec<Connection>> {
    let mut targets: Vec<Connection> = Vec::new();
    for s in selectors {
        let c = &conns[resolve(ctx, conns, s)?];
        if !targets.iter().any(|t| t.id == c.id) {
            targets.push(c.clone());
        }
    }
    Ok(targets)
}

/// The error of a command that will not use a Not Connected connection:
/// its recorded reason and the fix. `then` ends the message ("; nothing was
/// run").
pub(crate) fn not_connected(conn: &Connection, then: &str) -> Error {
    let reason = conn
        .last_check
        .as_ref()
        .and_then(|l| l.reason.clone())
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    Error::new(
        ErrorKind::NotConnected,
        format!("{} is Not Connected{reason}{then}", conn.label()),
    )
    .with_hint(format!(
        "authorize it again with `fourgent connections reauthorize {}`",
        conn.label()
    ))
}

/// The connector of an app ID, or a not-found error with suggestions.
pub(crate) fn connector<'a>(catalog: &'a Catalog, app: &str) -> Result<&'a Connector> {
    catalog.get(app).ok_or_else(|| {
        let err = Error::new(ErrorKind::NotFound, format!("there is no app `{app}`"));
        let suggestions = catalog.suggest(app);
        if suggestions.is_empty() {
            err.with_hint("run `fourgent connectors list` to see the apps, or add your own in connectors.toml")
        } else {
            err.with_hint(format!(
                "did you mean {}? Run `fourgent connectors list` to see the apps",
                suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
            ))
        }
    })
}

/// Non-secret values and secrets for a connection, from options, the
/// environment, stdin or prompts. `current` holds the values of an existing
/// connection (re-authorize): they are the defaults.
pub(crate) struct Inputs {
    pub fields: BTreeMap<String, String>,
    pub creds: Credentials,
}

pub(crate) fn gather_inputs(
    ctx: &Ctx,
    connector: &Connector,
    args: &AuthArgs,
    current: Option<&BTreeMap<String, String>>,
) -> Result<Inputs> {
    let known = |key: &str| {
        connector
            .field(key)
            .ok_or_else(|| unknown_field(connector, key))
    };
    for (key, _) in &args.fields {
        if known(key)?.secret {
            return Err(Error::usage(format!(
                "`{key}` is a secret and cannot be given on the command line, where it would be saved in shell history"
            ))
            .with_hint(format!("pass it with `--secret-env {key}=VAR` or `--secret-stdin {key}`")));
        }
    }
    for key in args
        .secret_env
        .iter()
        .map(|(k, _)| k)
        .chain(args.secret_stdin.as_ref())
    {
        if !known(key)?.secret {
            return Err(Error::usage(format!("`{key}` is not a secret"))
                .with_hint(format!("pass it with `--field {key}=VALUE`")));
        }
    }
    let mut stdin_secret = match &args.secret_stdin {
        Some(key) => Some((key.clone(), read_stdin_secret(ctx, key)?)),
        None => None,
    };

    let mut fields = BTreeMap::new();
    let mut creds = Credentials::default();
    for spec in &connector.fields {
        let key = spec.key.as_str();
        if !spec.secret {
            let given = args
                .fields
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone());
            let default = current
                .and_then(|c| c.get(key))
                .cloned()
                .or_else(|| spec.default.clone());
            let value = match given {
                Some(v) => v,
                None if ctx.ui.can_prompt() => ctx.ui.input(&spec.label, default.as_deref(), "")?,
                None => match default {
                    Some(d) => d,
                    None => {
                        ctx.ui.require_prompt(
                            &format!("`{key}` ({})", spec.label),
                            &format!("pass it with `--field {key}=VALUE`"),
                        )?;
                        unreachable!("require_prompt fails when prompting is off")
                    }
                },
            };
            let value = check_plain_value(key, value)?;
            connector.check_url_value(key, &value).map_err(|e| {
                Error::usage(e.to_string()).with_hint(format!("pass another `--field {key}=VALUE`"))
            })?;
            fields.insert(key.to_owned(), value);
            continue;
        }
        let how = format!("pass it with `--secret-env {key}=VAR` or `--secret-stdin {key}`");
        let value = if let Some((_, var)) = args.secret_env.iter().rev().find(|(k, _)| k == key) {
            secret_from_env(key, var)?
        } else if stdin_secret.as_ref().is_some_and(|(k, _)| k == key) {
            stdin_secret.take().expect("checked above").1
        } else {
            ctx.ui
                .require_prompt(&format!("`{key}` ({})", spec.label), &how)?;
            let s = ctx.ui.password(&spec.label, &how)?;
            if crate::secrets::ExposeSecret::expose_secret(&s).is_empty() {
                return Err(Error::usage(format!("`{key}` cannot be empty")));
            }
            s
        };
        creds.fields.insert(key.to_owned(), value);
    }
    Ok(Inputs { fields, creds })
}

fn unknown_field(connector: &Connector, key: &str) -> Error {
    let keys: Vec<String> = connector
        .fields
        .iter()
        .map(|f| format!("`{}`", f.key))
        .collect();
    Error::usage(format!("{} has no field `{key}`", connector.name)).with_hint(if keys.is_empty() {
        format!("{} takes no fields", connector.name)
    } else {
        format!("its fields are {}", keys.join(", "))
    })
}

fn check_plain_value(key: &str, value: String) -> Result<String> {
    if value.is_empty() {
        return Err(Error::usage(format!("`{key}` cannot be empty")));
    }
    if value.len() > 512 || value.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "the value of `{key}` must be at most 512 characters, without control characters"
        )));
    }
    Ok(value)
}

fn secret_from_env(key: &str, var: &str) -> Result<Secret> {
    match crate::env::named_var(var) {
        Ok(v) if !v.is_empty() => Ok(Secret::from(v)),
        Ok(_) => Err(Error::usage(format!(
            "the environment variable `{var}` (for `{key}`) is empty"
        ))),
        Err(std::env::VarError::NotPresent) => Err(Error::usage(format!(
            "the environment variable `{var}` (for `{key}`) is not set"
        ))
        .with_hint(format!(
            "export {var} first, or pass `--secret-stdin {key}`"
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(Error::usage(format!(
            "the environment variable `{var}` (for `{key}`) is not valid UTF-8"
        ))),
    }
}

fn read_stdin_secret(ctx: &Ctx, key: &str) -> Result<Secret> {
    if ctx.ui.stdin_is_tty() {
        ctx.ui
            .status(&format!("Reading `{key}` from stdin; end with Ctrl-D"));
    }
    let value = ctx
        .ui
        .read_stdin(64 * 1024)
        .map_err(|e| Error::usage(format!("cannot read `{key}` from stdin")).with_source(&e))?;
    if value.is_empty() {
        return Err(Error::usage(format!(
            "`--secret-stdin {key}` read nothing from stdin"
        )));
    }
    Ok(Secret::from(value))
}

/// Sends the credentials to the app's check endpoint. The account the app
/// names, when it names one.
pub(crate) fn verify(
    ctx: &Ctx,
    connector: &Connector,
    inputs: &Inputs,
    to_fix: &str,
) -> Result<Option<String>> {
    if connector.check.is_none() {
        ctx.ui
            .debug(|| format!("{} has no check endpoint; nothing to verify", connector.id));
        return Ok(None);
    }
    let client = ctx.http()?;
    let spinner = ctx.ui.spinner(&format!(
        "Checking the credentials with {}…",
        connector.name
    ));
    let outcome = ctx.block_on(check::run(client, connector, &inputs.fields, &inputs.creds))?;
    drop(spinner);
    match outcome {
        Outcome::Accepted { account } => Ok(account),
        Outcome::Rejected { reason } => Err(Error::new(ErrorKind::Auth, reason)
            .with_hint(format!("check the credentials and run `{to_fix}` again; nothing was saved"))),
        Outcome::Failed { reason } => Err(Error::new(
            ErrorKind::Network,
            format!("cannot verify the credentials with {}: {reason}", connector.name),
        )
        .with_hint("try again later, or pass `--no-verify` to save them without checking; nothing was saved")),
        Outcome::RateLimited { status, .. } => Err(Error::new(
            ErrorKind::Network,
            format!("cannot verify the credentials with {}: it is rate limiting requests (HTTP {status})", connector.name),
        )
        .with_hint("try again in a minute, or pass `--no-verify` to save them without checking; nothing was saved")),
    }
}

/// The outcome of authenticating: values and secrets to store, and what the
/// check said.
pub(crate) struct Authenticated {
    pub inputs: Inputs,
    pub account: Option<String>,
    pub verified: bool,
}

/// Authenticates with `connector`: asks for the credentials of a Custom app,
/// or runs the browser flow of an OAuth2 app; then verifies them with the
/// app's check endpoint unless `--no-verify`. Nothing is stored here.
pub(crate) fn authenticate(
    ctx: &Ctx,
    connector: &Connector,
    args: &AuthArgs,
    current: Option<&BTreeMap<String, String>>,
    confirm: &str,
    again: &str,
) -> Result<Authenticated> {
    if ctx.ui.can_prompt() && connector.auth == crate::model::AuthKind::Custom {
        // What the app's own notes say helps before the values are typed
        // (Visma e-conomic: "enter demo for both tokens").
        for note in &connector.notes {
            ctx.ui.status(&format!("{}: {note}", connector.name));
        }
        if let Some(url) = &connector.docs_url {
            ctx.ui.status(&format!("Where to find the values: {url}"));
        }
    }
    let mut inputs = gather_inputs(ctx, connector, args, current)?;
    match connector.auth {
        crate::model::AuthKind::Custom => {
            if ctx.ui.can_prompt() && !ctx.ui.confirm(confirm, true, "")? {
                return Err(Error::declined("Nothing was changed."));
            }
        }
        crate::model::AuthKind::OAuth2 => {
            let authorized = oauth::authorize(ctx, connector, &inputs.fields, args, again)?;
            inputs.fields.extend(authorized.fields);
            inputs.creds.token = Some(authorized.token);
        }
    }
    let verified = !args.no_verify && connector.check.is_some();
    let mut tries = 1;
    let account = loop {
        if args.no_verify {
            break None;
        }
        match verify(ctx, connector, &inputs, again) {
            Ok(account) => break account,
            // At a terminal, a key the app rejected is asked again (3 tries
            // in all), keeping everything else that was entered.
            Err(e)
                if e.kind() == ErrorKind::Auth
                    && connector.auth == crate::model::AuthKind::Custom
                    && ctx.ui.can_prompt()
                    && tries < 3
                    && ask_secrets_again(ctx, connector, args, &mut inputs, e.message())? =>
            {
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    };
    Ok(Authenticated {
        inputs,
        account,
        verified,
    })
}

/// Asks again for the secret fields that were typed at a prompt (not those
/// from `--secret-env` or `--secret-stdin`). `false` when there are none.
fn ask_secrets_again(
    ctx: &Ctx,
    connector: &Connector,
    args: &AuthArgs,
    inputs: &mut Inputs,
    why: &str,
) -> Result<bool> {
    let typed: Vec<_> = connector
        .fields
        .iter()
        .filter(|f| f.secret)
        .filter(|f| {
            !args.secret_env.iter().any(|(k, _)| k == &f.key)
                && args.secret_stdin.as_deref() != Some(f.key.as_str())
        })
        .collect();
    if typed.is_empty() {
        return Ok(false);
    }
    ctx.ui.warn(&format!("{why}; enter it again"));
    for spec in typed {
        let how = format!(
            "pass it with `--secret-env {0}=VAR` or `--secret-stdin {0}`",
            spec.key
        );
        let value = ctx.ui.password(&spec.label, &how)?;
        if crate::secrets::ExposeSecret::expose_secret(&value).is_empty() {
            return Err(Error::usage(format!("`{}` cannot be empty", spec.key)));
        }
        inputs.creds.fields.insert(spec.key.clone(), value);
    }
    Ok(true)
}

/// A connection's stored credentials, from the store it records; their
/// absence is an authentication failure with the command that fixes it.
pub(crate) fn load_secret(ctx: &Ctx, conn: &Connection) -> Result<Credentials> {
    let store = ctx.secrets_for(conn);
    crate::secrets::load_credentials(store, &conn.id)
        .map_err(|e| store_error(ctx, conn, e))?
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                format!(
                    "the secret of {} is missing from {}",
                    conn.label(),
                    store.describe()
                ),
            )
            .with_hint(format!(
                "enter it again with `fourgent connections reauthorize {}`",
                conn.label()
            ))
        })
}

/// A failure of the store that holds `conn`'s secret. The connection keeps
/// its secret there whatever `--secret-store` says, so the hint is about
/// that store, never about choosing another one for this run.
pub(crate) fn store_error(ctx: &Ctx, conn: &Connection, e: crate::secrets::Error) -> Error {
    let err = Error::from(e);
    if err.kind() != ErrorKind::Keychain || ctx.backend_of(conn) != SecretBackend::Keyring {
        return err;
    }
    let mut out = Error::new(
        ErrorKind::Keychain,
        format!(
            "the secret of {} is in the OS keychain, which is not available",
            conn.label()
        ),
    );
    out = out.with_cause(err.message());
    for cause in err.causes() {
        out = out.with_cause(cause.clone());
    }
    out.with_hint(format!(
        "start or unlock the keychain (e.g. gnome-keyring) in this session; once it answers, `fourgent connections move {} --to file` moves the secret to the file store",
        conn.label()
    ))
}

/// Deletes a secret written by a command that then failed; reports a
/// failure to do so rather than hiding it.
pub(crate) fn roll_back_secret(ctx: &Ctx, store: &dyn SecretStore, account: &str) {
    if let Err(e) = store.delete(account) {
        ctx.ui.warn(&format!(
            "could not remove the secret just written ({e}); remove `{account}` from {} by hand",
            store.describe()
        ));
    }
}
