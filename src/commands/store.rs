//! `fourgent store`: set up a team store, look after its key, and move
//! connections between this machine and it.

use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use crate::cli::{
    StoreExportArgs, StoreImportArgs, StoreRotateKeyArgs, StoreSetKeyArgs, StoreStatusArgs,
};
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Connection;
use crate::model::Selector;
use crate::secrets::{self, SecretStore};
use crate::store::{Action, Event, Metadata};
use crate::team::crypto::TeamKey;
use crate::team::{self, Team, key, schema};

/// The team store this run uses, or the error that says how to name one.
fn team_of(ctx: &Ctx) -> Result<&Arc<Team>> {
    ctx.team().ok_or_else(|| {
        Error::usage("no team store is set")
            .with_hint("pass `--store postgres://USER@HOST/DB`, set FOURGENT_STORE, or put `store = \"postgres://…\"` in config.toml")
    })
}

/// This machine's key, or the error that says how to get one.
fn local_key(team: &Team) -> Result<TeamKey> {
    team.local_key()?.ok_or_else(|| {
        Error::new(ErrorKind::Keychain, "no team key on this machine").with_hint(
            "make one with `fourgent store new-key` (once, for the whole team), then keep it with `fourgent store set-key` or FOURGENT_STORE_KEY",
        )
    })
}

pub(crate) fn init(ctx: &Ctx) -> Result<()> {
    let team = team_of(ctx)?;
    let key = local_key(team)?;
    let at = |e: team::Error| Error::from(e.at(team.shown()));
    let done = schema::init(&team.session, key.id().as_str()).map_err(at)?;
    // A store made by someone else keeps its key: this machine must hold it.
    let store_key = team.checked()?;
    if store_key != key.id().as_str() {
        return Err(team::Error::new(
            team::Failure::WrongKey {
                needed: store_key.to_owned(),
                have: key.id().to_string(),
            },
            "",
        )
        .at(team.shown())
        .into());
    }
    let shown = team.shown();
    match done {
        schema::Initialized::Created => ctx.ui.success(&format!(
            "Created the team store at {shown} (schema version {}, key {})",
            schema::VERSION,
            key.id()
        )),
        schema::Initialized::Upgraded { from } => ctx.ui.success(&format!(
            "Upgraded the team store at {shown} from schema version {from} to {}",
            schema::VERSION
        )),
        schema::Initialized::AlreadyCurrent => ctx.ui.status(&format!(
            "The team store at {shown} is already at schema version {}",
            schema::VERSION
        )),
    }
    Ok(())
}

pub(crate) fn status(ctx: &Ctx, args: &StoreStatusArgs) -> Result<()> {
    let team = team_of(ctx)?;
    let store_key = team.checked()?.to_owned();
    let local = team.local_key()?.map(|k| k.id().to_string());
    let count = |sql: &'static str| -> Result<i64> {
        let rows = team
            .session
            .query(sql, &[])
            .map_err(|e| Error::from(e.at(team.shown())))?;
        Ok(rows.first().map_or(0, |r| r.get(0)))
    };
    let connections = count("SELECT count(*) FROM fourgent.connections")?;
    let secrets = count("SELECT count(*) FROM fourgent.secrets")?;
    let events = count("SELECT count(*) FROM fourgent.events")?;
    let key_ok = local.as_deref() == Some(store_key.as_str());
    if args.json {
        let value = json!({
            "store": team.shown(),
            "schema_version": schema::VERSION,
            "key_id": store_key,
            "local_key_id": local,
            "local_key_source": local.as_ref().map(|_| team.key_source_name()),
            "key_matches": key_ok,
            "connections": connections,
            "secrets": secrets,
            "events": events,
        });
        let text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    let key_line = match &local {
        Some(id) if key_ok => format!(
            "{id} (this machine has it, from {})",
            team.key_source_name()
        ),
        Some(id) => format!(
            "{store_key} (this machine has {id}, from {}: secrets cannot be read)",
            team.key_source_name()
        ),
        None => format!("{store_key} (this machine has no team key)"),
    };
    let text = format!(
        "Store        {}\nSchema       version {}\nKey          {key_line}\nConnections  {connections}\nSecrets      {secrets}\nEvents       {events}\n",
        team.shown(),
        schema::VERSION,
    );
    ctx.ui.out(&text)
}

pub(crate) fn new_key(ctx: &Ctx) -> Result<()> {
    let (key, text) =
        TeamKey::generate().map_err(|e| Error::failure(format!("cannot make a key: {e}")))?;
    ctx.ui.out(&format!("{}\n", text.expose_secret()))?;
    ctx.ui.status(&format!(
        "That is team key {} (shown once). Keep it in your password manager, then give it to each machine with `fourgent store set-key` or FOURGENT_STORE_KEY.",
        key.id()
    ));
    Ok(())
}

/// Reads a team key from a hidden prompt, or from stdin when it is not a
/// terminal.
fn read_key(ctx: &Ctx, prompt: &str, command: &str) -> Result<(TeamKey, SecretString)> {
    let pipe = format!("printf %s \"$KEY\" | fourgent store {command}");
    let text = ctx.ui.secret("the team key", prompt, 4096, &pipe)?;
    let text = SecretString::from(text.expose_secret().trim().to_owned());
    let key = key::parse(&text).map_err(|e| {
        Error::usage(format!("{e}; nothing was stored"))
            .with_hint("a team key is 32 bytes in base64, as `fourgent store new-key` prints it")
    })?;
    Ok((key, text))
}

pub(crate) fn set_key(ctx: &Ctx, args: &StoreSetKeyArgs) -> Result<()> {
    let keychain = ctx.secret_store(crate::model::SecretBackend::Keyring);
    if args.delete {
        let removed = keychain.delete(key::ACCOUNT)?;
        if removed {
            ctx.ui.success("Removed the team key from the OS keychain");
        } else {
            ctx.ui.status("The OS keychain held no team key");
        }
        return Ok(());
    }
    let (key, text) = read_key(ctx, "Team key", "set-key")?;
    keychain.set(key::ACCOUNT, &text)?;
    ctx.ui
        .success(&format!("Stored team key {} in the OS keychain", key.id()));
    if let Some(team) = ctx.team()
        && let Ok(store_key) = team.checked()
        && store_key != key.id().as_str()
    {
        ctx.ui.warn(&format!(
            "the team store at {} uses key {store_key}, not this one",
            team.shown()
        ));
    }
    Ok(())
}

pub(crate) fn rotate_key(ctx: &Ctx, args: &StoreRotateKeyArgs) -> Result<()> {
    let team = team_of(ctx)?;
    let old = team.keys()?;
    let (new, text) = if args.generate {
        TeamKey::generate().map_err(|e| Error::failure(format!("cannot make a key: {e}")))?
    } else {
        read_key(ctx, "New team key", "rotate-key")?
    };
    if new.id() == old.current().id() {
        return Err(Error::usage(format!(
            "the store already uses key {}",
            new.id()
        )));
    }
    let count =
        team::secrets::rotate(team, &old, &new).map_err(|e| Error::from(e.at(team.shown())))?;
    ctx.ui.success(&format!(
        "Re-encrypted {count} secret{} in the team store under key {} (was {})",
        if count == 1 { "" } else { "s" },
        new.id(),
        old.current().id()
    ));
    if args.generate {
        ctx.ui.out(&format!("{}\n", text.expose_secret()))?;
    }
    match team.key_source_name() {
        "FOURGENT_STORE_KEY" => ctx.ui.warn(
            "this machine's FOURGENT_STORE_KEY still holds the old key: set it to the new one",
        ),
        _ => {
            let keychain = ctx.secret_store(crate::model::SecretBackend::Keyring);
            match keychain.set(key::ACCOUNT, &text) {
                Ok(()) => ctx.ui.status(&format!("Stored team key {} in the OS keychain", new.id())),
                Err(e) => ctx.ui.warn(&format!(
                    "could not store the new key in the OS keychain ({e}); keep it with `fourgent store set-key`"
                )),
            }
        }
    }
    ctx.ui.hint("every other machine needs the new key now: `fourgent store set-key`, or its FOURGENT_STORE_KEY");
    Ok(())
}

/// Which of `conns` the selectors name (all of them when none is given).
fn chosen(ctx: &Ctx, conns: &[Connection], selectors: &[Selector]) -> Result<Vec<Connection>> {
    if selectors.is_empty() {
        return Ok(conns.to_vec());
    }
    super::connections::naming::resolve_all(ctx, conns, selectors)
}

/// One side of a transfer: a metadata store and where each connection's
/// secret is.
struct Side<'a> {
    metadata: &'a dyn Metadata,
    secrets: &'a dyn Fn(&Connection) -> &'a dyn SecretStore,
    /// What a connection arriving here records as its secret store.
    record: Option<crate::model::SecretBackend>,
}

pub(crate) fn import(ctx: &Ctx, args: &StoreImportArgs) -> Result<()> {
    let team = team_of(ctx)?;
    team.keys()?;
    let local = ctx.local_store();
    let local_secrets = |c: &Connection| ctx.secret_store(ctx.backend_of(c));
    let team_secrets = |_: &Connection| ctx.secrets();
    let from = Side {
        metadata: &local,
        secrets: &local_secrets,
        record: None,
    };
    let to = Side {
        metadata: ctx.store(),
        secrets: &team_secrets,
        record: None,
    };
    let conns = local.load()?;
    let chosen = chosen(ctx, &conns, &args.connections)?;
    transfer(
        ctx,
        &chosen,
        &from,
        &to,
        Action::Import,
        "into the team store",
    )
}

pub(crate) fn export(ctx: &Ctx, args: &StoreExportArgs) -> Result<()> {
    let team = team_of(ctx)?;
    team.keys()?;
    let local = ctx.local_store();
    let backend = ctx.default_backend();
    let local_secrets = |_: &Connection| ctx.secret_store(backend);
    let team_secrets = |_: &Connection| ctx.secrets();
    let from = Side {
        metadata: ctx.store(),
        secrets: &team_secrets,
        record: None,
    };
    let to = Side {
        metadata: &local,
        secrets: &local_secrets,
        record: Some(backend),
    };
    let conns = ctx.store().load()?;
    let chosen = chosen(ctx, &conns, &args.connections)?;
    transfer(ctx, &chosen, &from, &to, Action::Export, "to this machine")
}

/// Moves each connection whole: its secret and metadata are written to
/// `to` (in one transaction, for the team store), then removed from `from`.
/// A connection whose ID or name is taken where it goes stays where it is.
fn transfer(
    ctx: &Ctx,
    chosen: &[Connection],
    from: &Side<'_>,
    to: &Side<'_>,
    action: Action,
    whither: &str,
) -> Result<()> {
    if chosen.is_empty() {
        ctx.ui.status("No connections to move.");
        return Ok(());
    }
    let mut skipped = 0usize;
    for conn in chosen {
        let account = secrets::connection_account(&conn.id);
        let _lock = from.metadata.lock_connection(&conn.id)?;
        let secret = (from.secrets)(conn)
            .get(&account)
            .map_err(|e| super::connections::secret::store_error(ctx, conn, e))?;
        let mut arriving = conn.clone();
        arriving.store = to.record;
        let target = (to.secrets)(conn);
        let placed = to.metadata.update(|stored| -> Result<bool> {
            if stored.iter().any(|c| c.id == conn.id) {
                return Ok(false);
            }
            if stored
                .iter()
                .any(|c| c.app == conn.app && c.name.eq_ignore_ascii_case(&conn.name))
            {
                return Ok(false);
            }
            if let Some(secret) = &secret {
                target.set(&account, secret)?;
            }
            stored.push(arriving.clone());
            Ok(true)
        });
        match placed {
            Ok(true) => {}
            Ok(false) => {
                ctx.ui.warn(&format!(
                    "{} stays where it is: its ID or name is taken {whither}",
                    conn.label_with_id()
                ));
                skipped += 1;
                continue;
            }
            Err(e) => {
                // The team store rolled back; a local secret written before
                // a failed metadata write is taken back.
                if to.record.is_some() {
                    super::connections::secret::roll_back_secret(ctx, target, &account);
                }
                return Err(e);
            }
        }
        let record = |m: &dyn Metadata| {
            m.record(&Event {
                conn,
                action,
                detail: None,
            });
        };
        record(to.metadata);
        record(from.metadata);
        // Stored where it goes: now it leaves where it was.
        let source = (from.secrets)(conn);
        let removed = from.metadata.update(|stored| -> Result<()> {
            stored.retain(|c| c.id != conn.id);
            source.delete(&account)?;
            Ok(())
        });
        if let Err(e) = removed {
            ctx.ui.warn(&format!(
                "{} was copied {whither} but could not be removed from where it was ({}); delete the old copy before either refreshes",
                conn.label_with_id(),
                e.message()
            ));
        }
        ctx.ui
            .success(&format!("Moved {} {whither}", conn.label_with_id()));
    }
    if skipped > 0 {
        return Err(Error::failure(format!(
            "{skipped} of {} connection{} could not be moved",
            chosen.len(),
            if chosen.len() == 1 { "" } else { "s" }
        ))
        .with_hint(
            "rename or delete the connection that holds the name, then run the command again",
        ));
    }
    Ok(())
}
