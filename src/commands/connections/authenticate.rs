//! How a connection is authenticated: the credentials of a Custom app or
//! the browser flow of an OAuth2 app, then the app's check endpoint.
//! Nothing is stored here.

use std::collections::BTreeMap;

use super::inputs::{Inputs, ask_secret, gather_inputs};
use super::oauth;
use crate::catalog::Connector;
use crate::check::{self, Outcome};
use crate::cli::AuthArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};

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
    pub(crate) inputs: Inputs,
    pub(crate) account: Option<String>,
    pub(crate) verified: bool,
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
        let value = ask_secret(ctx, spec)?;
        inputs.creds.fields.insert(spec.key.clone(), value);
    }
    Ok(true)
}
