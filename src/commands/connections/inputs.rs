//! How the inputs of a connection are gathered: non-secret values from
//! `--field`, the app's defaults or a prompt; secrets from `--secret-env`,
//! `--secret-stdin` or a hidden prompt, never from the command line.

use std::collections::BTreeMap;

use crate::catalog::{Connector, FieldSpec};
use crate::cli::AuthArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::secrets::{Credentials, Secret};

/// Non-secret values and secrets for a connection, from options, the
/// environment, stdin or prompts. `current` holds the values of an existing
/// connection (re-authorize): they are the defaults.
pub(crate) struct Inputs {
    pub(crate) fields: BTreeMap<String, String>,
    pub(crate) creds: Credentials,
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
            ask_secret(ctx, spec)?
        };
        creds.fields.insert(key.to_owned(), value);
    }
    Ok(Inputs { fields, creds })
}

/// Asks for the secret field `spec` at a hidden prompt; it may not be empty.
pub(crate) fn ask_secret(ctx: &Ctx, spec: &FieldSpec) -> Result<Secret> {
    let how = format!(
        "pass it with `--secret-env {0}=VAR` or `--secret-stdin {0}`",
        spec.key
    );
    let value = without_blanks(ctx.ui.password(&spec.label, &how)?);
    if crate::secrets::ExposeSecret::expose_secret(&value).is_empty() {
        return Err(Error::usage(format!("`{}` cannot be empty", spec.key)));
    }
    Ok(value)
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

/// A secret without the blanks and line ends around it, which a paste
/// or a copied line adds and no app's key or token holds.
fn without_blanks(secret: Secret) -> Secret {
    let text = crate::secrets::ExposeSecret::expose_secret(&secret);
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        secret
    } else {
        Secret::from(trimmed.to_owned())
    }
}

fn secret_from_env(key: &str, var: &str) -> Result<Secret> {
    match crate::env::named_var(var) {
        Ok(v) if !v.trim().is_empty() => Ok(without_blanks(Secret::from(v))),
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
    let value = without_blanks(Secret::from(value));
    if crate::secrets::ExposeSecret::expose_secret(&value).is_empty() {
        return Err(Error::usage(format!(
            "`--secret-stdin {key}` read nothing from stdin"
        )));
    }
    Ok(value)
}
