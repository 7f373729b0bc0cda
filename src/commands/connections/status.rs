//! `fourgent connections status`: checks connections for real, concurrently,
//! and records what it found.

use futures_util::stream::{self, StreamExt};
use serde_json::json;

use crate::catalog::Connector;
use crate::check::{self, Outcome};
use crate::cli::StatusArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CheckResult, Connection, LastCheck, Status};
use crate::oauth;
use crate::secrets::{self, Credentials};
use crate::ui::render::{self, TableStyle};

/// What one check found.
struct Finding {
    index: usize,
    result: CheckResult,
    reason: Option<String>,
    account: Option<String>,
}

impl Finding {
    /// The status this finding implies; `None` keeps the stored one.
    fn status(&self) -> Option<Status> {
        match self.result {
            CheckResult::Ok | CheckResult::SecretPresent => Some(Status::Connected),
            CheckResult::MissingSecret | CheckResult::Rejected | CheckResult::Expired => {
                Some(Status::NotConnected)
            }
            CheckResult::Unreachable => None,
        }
    }
}

pub(crate) fn run(ctx: &Ctx, args: &StatusArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let targets: Vec<usize> = if args.connections.is_empty() {
        (0..conns.len()).collect()
    } else {
        let mut t = Vec::new();
        for s in &args.connections {
            let i = super::resolve(ctx, &conns, s)?;
            if !t.contains(&i) {
                t.push(i);
            }
        }
        t
    };
    if targets.is_empty() {
        ctx.ui
            .status("No connections yet. Add one with `fourgent connections add <APP>`.");
        if args.json {
            ctx.ui.out("[]\n")?;
        }
        return Ok(());
    }
    let catalog = ctx.catalog()?;

    // Secrets first, one after another: the keychain serializes calls anyway,
    // and a keychain that is unavailable stops the command here, before any
    // status is changed.
    let mut pending: Vec<(usize, &Connector, Credentials)> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    // What each check saw, to notice a secret replaced while it ran.
    let mut checked: std::collections::HashMap<usize, Option<u64>> =
        std::collections::HashMap::new();
    for &index in &targets {
        let conn = &conns[index];
        let Some(connector) = catalog.get(&conn.app) else {
            findings.push(Finding {
                index,
                result: CheckResult::Unreachable,
                reason: Some(format!(
                    "the app `{}` is not in the catalog any more",
                    conn.app
                )),
                account: None,
            });
            continue;
        };
        let store = ctx.secrets_for(conn);
        let loaded = secrets::load_credentials(store, &conn.id)
            .map_err(|e| super::store_error(ctx, conn, e))?;
        checked.insert(index, loaded.as_ref().map(fingerprint));
        let creds = match loaded {
            None => {
                findings.push(Finding {
                    index,
                    result: CheckResult::MissingSecret,
                    reason: Some(format!("the secret is missing from {}", store.describe())),
                    account: None,
                });
                continue;
            }
            Some(creds) => creds,
        };
        let expired = creds
            .token
            .as_ref()
            .is_some_and(|t| oauth::is_due(t, jiff::Timestamp::now()));
        // A due OAuth2 token is refreshed first (one after another: each
        // takes the connection's refresh lock).
        let creds = if expired && !args.offline {
            match super::oauth::live_credentials(ctx, conn, connector) {
                Ok(fresh) => {
                    checked.insert(index, Some(fingerprint(&fresh)));
                    fresh
                }
                Err(e) if e.kind() == ErrorKind::Keychain => return Err(e),
                Err(e) => {
                    let result = if e.kind() == ErrorKind::Network {
                        CheckResult::Unreachable
                    } else {
                        CheckResult::Expired
                    };
                    findings.push(Finding {
                        index,
                        result,
                        reason: Some(e.message().to_owned()),
                        account: None,
                    });
                    continue;
                }
            }
        } else {
            creds
        };
        if args.offline || connector.check.is_none() {
            let refreshable = creds
                .token
                .as_ref()
                .is_none_or(|t| !expired || t.refresh_token.is_some());
            findings.push(Finding {
                index,
                result: if refreshable {
                    CheckResult::SecretPresent
                } else {
                    CheckResult::Expired
                },
                reason: (!refreshable)
                    .then(|| "the access token expired and there is no refresh token".to_owned()),
                account: None,
            });
            continue;
        }
        pending.push((index, connector, creds));
    }

    if !pending.is_empty() {
        let client = ctx.http()?;
        let total = pending.len();
        let spinner = ctx.ui.spinner(&format!(
            "Checking {total} connection{}…",
            if total == 1 { "" } else { "s" }
        ));
        let conns = &conns;
        let checked = ctx.block_on(async {
            let mut done = 0usize;
            let mut out = Vec::with_capacity(total);
            let mut stream =
                stream::iter(pending.iter().map(|(index, connector, creds)| async move {
                    let conn = &conns[*index];
                    let limit = std::time::Duration::from_secs(args.timeout.max(1));
                    let check = check::run(client, connector, &conn.fields, creds);
                    let outcome = tokio::time::timeout(limit, check)
                        .await
                        .unwrap_or_else(|_| Outcome::Failed {
                            reason: format!(
                                "{} did not answer within {} seconds",
                                connector.name,
                                limit.as_secs()
                            ),
                        });
                    (*index, outcome)
                }))
                .buffer_unordered(usize::from(args.jobs));
            while let Some(item) = stream.next().await {
                done += 1;
                spinner.set_message(format!("Checking connections… {done}/{total}"));
                out.push(item);
            }
            out
        })?;
        drop(spinner);
        for (index, outcome) in checked {
            findings.push(match outcome {
                Outcome::Accepted { account } => Finding {
                    index,
                    result: CheckResult::Ok,
                    reason: None,
                    account,
                },
                Outcome::Rejected { reason } => Finding {
                    index,
                    result: CheckResult::Rejected,
                    reason: Some(reason),
                    account: None,
                },
                Outcome::Failed { reason } => Finding {
                    index,
                    result: CheckResult::Unreachable,
                    reason: Some(reason),
                    account: None,
                },
            });
        }
    }
    findings.sort_by_key(|f| targets.iter().position(|&t| t == f.index));

    // Record the results on the connections that still exist.
    let now = crate::model::connection::now();
    let updated = ctx.store().update(|stored| -> Result<Vec<Connection>> {
        let mut out = Vec::with_capacity(findings.len());
        for f in &findings {
            let id = &conns[f.index].id;
            let Some(c) = stored.iter_mut().find(|c| &c.id == id) else {
                continue;
            };
            let mut seen = c.clone();
            apply(&mut seen, f, now);
            // A reauthorize that stored new credentials while this check ran
            // wins: the verdict on the old ones is shown but not recorded.
            let replaced = f.status() == Some(Status::NotConnected)
                && checked.get(&f.index).is_some_and(|before| {
                    secrets::load_credentials(ctx.secrets_for(c), id)
                        .map(|now| now.as_ref().map(fingerprint) != *before)
                        .unwrap_or(false)
                });
            if !replaced {
                *c = seen.clone();
            }
            out.push(seen);
        }
        Ok(out)
    })?;

    print(ctx, args, &updated)?;

    let not_connected: Vec<&Connection> = updated
        .iter()
        .filter(|c| c.status == Status::NotConnected)
        .collect();
    let unreachable = updated
        .iter()
        .filter(|c| {
            c.last_check
                .as_ref()
                .is_some_and(|l| l.result == CheckResult::Unreachable)
        })
        .count();
    if !args.json {
        for c in &not_connected {
            ctx.ui.hint(&format!(
                "fix {} with `fourgent connections reauthorize {}`",
                c.label(),
                c.label()
            ));
        }
    }
    if !not_connected.is_empty() {
        return Err(Error::new(
            ErrorKind::NotConnected,
            format!(
                "{} of {} connections {} Not Connected",
                not_connected.len(),
                updated.len(),
                if not_connected.len() == 1 {
                    "is"
                } else {
                    "are"
                }
            ),
        ));
    }
    if unreachable > 0 {
        return Err(Error::new(
            ErrorKind::Network,
            format!(
                "{unreachable} of {} connections could not be checked",
                updated.len()
            ),
        )
        .with_hint("their stored status was kept; run `fourgent connections status` again later"));
    }
    Ok(())
}

fn print(ctx: &Ctx, args: &StatusArgs, conns: &[Connection]) -> Result<()> {
    if args.json {
        let items: Vec<serde_json::Value> = conns
            .iter()
            .map(|c| {
                let mut v = render::connection_json(c);
                let last = c.last_check.as_ref();
                v["result"] = json!(last.map(|l| l.result.as_str()));
                v["reason"] = json!(last.and_then(|l| l.reason.clone()));
                v
            })
            .collect();
        let text = serde_json::to_string_pretty(&items).expect("JSON values serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    let rows = conns
        .iter()
        .map(|c| {
            let last = c.last_check.as_ref();
            vec![
                c.label(),
                c.id.to_string(),
                c.status.to_string(),
                last.and_then(|l| l.reason.clone()).unwrap_or_else(|| {
                    match last.map(|l| l.result) {
                        Some(CheckResult::Ok) => c
                            .account
                            .as_ref()
                            .map_or("ok".into(), |a| format!("ok: {a}")),
                        Some(CheckResult::SecretPresent) => {
                            "secret present (not checked with the app)".into()
                        }
                        _ => "-".into(),
                    }
                }),
            ]
        })
        .collect();
    let style = TableStyle {
        tty: ctx.ui.stdout_is_tty(),
        color: ctx.ui.color_stdout(),
        width: ctx.ui.width(),
    };
    ctx.ui.out(&render::table(
        &["CONNECTION", "ID", "STATUS", "DETAILS"],
        rows,
        Some(2),
        style,
    ))
}

/// A digest of stored credentials, to tell whether they changed.
fn fingerprint(creds: &Credentials) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::secrets::ExposeSecret::expose_secret(&creds.to_secret()).hash(&mut h);
    h.finish()
}

/// Records a finding on a connection.
fn apply(c: &mut Connection, f: &Finding, now: jiff::Timestamp) {
    if let Some(status) = f.status()
        && c.status != status
    {
        c.status = status;
        c.updated_at = now;
    }
    if f.account.is_some() {
        c.account = f.account.clone();
    }
    c.last_check = Some(LastCheck {
        at: now,
        result: f.result,
        reason: f.reason.clone(),
    });
}
