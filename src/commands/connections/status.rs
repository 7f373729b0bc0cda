//! `fourgent connections status`: checks connections for real, concurrently,
//! and records what it found.
//!
//! Each connection ends the run in one of three states: Connected, Not
//! Connected, or Unreachable (the check could not be made: the app was down,
//! slow, or kept rate limiting; the stored status is kept). `--offline` only
//! looks at the secrets and records nothing: it cannot know more than the last
//! live check did.
//!
//! [`run`] is the list of steps: which connections ([`targets`]), their
//! secrets, with due tokens refreshed ([`read_secrets`]), the check with
//! each app ([`online::check_online`]), what is recorded ([`record`]), what
//! is shown ([`render::render`]), and the exit code ([`verdict`]).

mod online;
mod render;

use std::collections::HashMap;

use jiff::Timestamp;

use super::{naming, secret};
use crate::catalog::{Catalog, Connector};
use crate::cli::StatusArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CheckResult, Connection, LastCheck, Status};
use crate::oauth;
use crate::secrets::{self, Credentials, TokenSet};
use crate::ui::Spinner;

/// What one check found.
struct Finding {
    index: usize,
    result: CheckResult,
    reason: Option<String>,
    account: Option<String>,
    /// The status this finding proves; `None` keeps the stored one.
    status: Option<Status>,
    /// Nothing was checked (a failed refresh's cooldown runs): the stored
    /// last check, its time and reason, stands.
    keeps_last_check: bool,
}

impl Finding {
    fn new(index: usize, result: CheckResult, reason: Option<String>, offline: bool) -> Finding {
        let status = match result {
            CheckResult::Ok => Some(Status::Connected),
            // Offline, a present secret says nothing about what the app
            // thinks of it: the last live check stands.
            CheckResult::SecretPresent => (!offline).then_some(Status::Connected),
            CheckResult::MissingSecret | CheckResult::Rejected | CheckResult::Expired => {
                Some(Status::NotConnected)
            }
            CheckResult::Unreachable => None,
        };
        Finding {
            index,
            result,
            reason,
            account: None,
            status,
            keeps_last_check: false,
        }
    }
}

/// Where a connection stands after this run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Connected,
    NotConnected,
    /// The check could not be made; the stored status was kept.
    Unreachable,
}

impl State {
    fn of(f: &Finding, stored: Status) -> State {
        if f.result == CheckResult::Unreachable {
            return State::Unreachable;
        }
        match f.status.unwrap_or(stored) {
            Status::Connected => State::Connected,
            Status::NotConnected => State::NotConnected,
        }
    }

    /// The word in `--json` (`state`).
    fn as_str(self) -> &'static str {
        match self {
            State::Connected => "connected",
            State::NotConnected => "not_connected",
            State::Unreachable => "unreachable",
        }
    }

    /// The word in the table (coloured by `render::table`).
    fn word(self) -> &'static str {
        match self {
            State::Connected => "Connected",
            State::NotConnected => "Not Connected",
            State::Unreachable => crate::ui::render::UNREACHABLE,
        }
    }
}

/// One line of the result.
struct Row<'a> {
    /// The connection as stored after this run (offline: as it was).
    conn: Connection,
    finding: &'a Finding,
    state: State,
    /// When the refresh token runs out, where the catalog knows its lifetime.
    refresh_ends: Option<Timestamp>,
}

impl Row<'_> {
    /// Not Connected by this run's verdict, or by the last one when this
    /// run could not check: either way integrations using it fail.
    fn is_not_connected(&self) -> bool {
        match self.state {
            State::NotConnected => true,
            State::Unreachable => self.conn.status == Status::NotConnected,
            State::Connected => false,
        }
    }
}

pub(crate) fn run(ctx: &Ctx, args: &StatusArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let targets = targets(ctx, &conns, args)?;
    if targets.is_empty() {
        ctx.ui
            .status("No connections yet. Add one with `fourgent connections add <APP>`.");
        if args.json {
            ctx.ui.out("[]\n")?;
        }
        return Ok(());
    }
    let catalog = ctx.catalog()?;
    let mut progress = Progress::start(ctx, targets.len());
    let mut read = read_secrets(ctx, catalog, &conns, &targets, args.offline, &mut progress)?;
    let online = online::check_online(ctx, args, &conns, &read.pending, &mut progress)?;
    read.findings.extend(online);
    drop(progress);
    let mut findings = read.findings;
    findings.sort_by_key(|f| targets.iter().position(|&t| t == f.index));

    let shown: Vec<Connection> = if args.offline {
        // Nothing is recorded: a secret that is there proves nothing about
        // the app's verdict, and the last live check must not be lost.
        findings.iter().map(|f| conns[f.index].clone()).collect()
    } else {
        record(ctx, &conns, &findings, &read.checked)?
    };
    let rows = rows(&findings, shown, &read.refresh_ends);
    render::render(ctx, args, catalog, &rows)?;
    verdict(&rows, targets.len())
}

/// The indices of the connections to check: those named, each once, in the
/// order given, or else all of them.
fn targets(ctx: &Ctx, conns: &[Connection], args: &StatusArgs) -> Result<Vec<usize>> {
    if args.connections.is_empty() {
        return Ok((0..conns.len()).collect());
    }
    naming::resolve_indices(ctx, conns, &args.connections)
}

/// The progress line: it counts every connection asked about, whether it
/// needs the app or not, as the summary does.
struct Progress {
    spinner: Spinner,
    done: usize,
    total: usize,
}

impl Progress {
    fn start(ctx: &Ctx, total: usize) -> Progress {
        let spinner = ctx.ui.spinner(&format!(
            "Checking {total} connection{}…",
            if total == 1 { "" } else { "s" }
        ));
        Progress {
            spinner,
            done: 0,
            total,
        }
    }

    /// One more connection has its finding.
    fn step(&mut self) {
        self.done += 1;
        self.spinner.set_message(format!(
            "Checking connections… {}/{}",
            self.done, self.total
        ));
    }
}

/// What reading the secrets found.
struct Read<'c> {
    /// The connections decided without asking their app.
    findings: Vec<Finding>,
    /// The connections to check with their app, and their credentials.
    pending: Vec<(usize, &'c Connector, Credentials)>,
    /// What each check saw, to notice a secret replaced while it ran.
    checked: HashMap<usize, Option<u64>>,
    /// When each refresh token runs out, where the catalog knows.
    refresh_ends: HashMap<usize, Timestamp>,
}

impl Read<'_> {
    fn decided(&mut self, f: Finding, progress: &mut Progress) {
        self.findings.push(f);
        progress.step();
    }
}

/// Reads the secret of each target, refreshing a due OAuth2 token (unless
/// offline), and decides what needs no app: a missing secret, an app gone
/// from the catalog, a failed refresh, and offline or without a check
/// endpoint, whether a usable secret is there.
///
/// Secrets first, one after another: the keychain serializes calls anyway,
/// and a keychain that is unavailable stops the command here, before any
/// status is changed.
fn read_secrets<'c>(
    ctx: &Ctx,
    catalog: &'c Catalog,
    conns: &[Connection],
    targets: &[usize],
    offline: bool,
    progress: &mut Progress,
) -> Result<Read<'c>> {
    let mut read = Read {
        findings: Vec::with_capacity(targets.len()),
        pending: Vec::new(),
        checked: HashMap::new(),
        refresh_ends: HashMap::new(),
    };
    for &index in targets {
        let conn = &conns[index];
        let Some(connector) = catalog.get(&conn.app) else {
            let reason = format!("the app `{}` is not in the catalog any more", conn.app);
            let f = Finding::new(index, CheckResult::Unreachable, Some(reason), offline);
            read.decided(f, progress);
            continue;
        };
        let store = ctx.secrets_for(conn);
        let loaded = secrets::load_credentials(store, &conn.id)
            .map_err(|e| secret::store_error(ctx, conn, e))?;
        read.checked.insert(index, loaded.as_ref().map(fingerprint));
        let Some(creds) = loaded else {
            let reason = format!("the secret is missing from {}", store.describe());
            let f = Finding::new(index, CheckResult::MissingSecret, Some(reason), offline);
            read.decided(f, progress);
            continue;
        };
        if let Some(ends) = creds
            .token
            .as_ref()
            .and_then(|t| refresh_token_ends(connector, t))
        {
            read.refresh_ends.insert(index, ends);
        }
        let expired = creds
            .token
            .as_ref()
            .is_some_and(|t| oauth::is_due(t, Timestamp::now()));
        // A due OAuth2 token is refreshed first (one after another: each
        // takes the connection's refresh lock).
        let creds = if expired && !offline {
            match refresh(ctx, conn, connector)? {
                Ok(fresh) => {
                    read.checked.insert(index, Some(fingerprint(&fresh)));
                    match fresh
                        .token
                        .as_ref()
                        .and_then(|t| refresh_token_ends(connector, t))
                    {
                        Some(ends) => read.refresh_ends.insert(index, ends),
                        None => read.refresh_ends.remove(&index),
                    };
                    fresh
                }
                Err((result, reason, cooling_down)) => {
                    let mut f = Finding::new(index, result, Some(reason), offline);
                    f.keeps_last_check = cooling_down;
                    read.decided(f, progress);
                    continue;
                }
            }
        } else {
            creds
        };
        if offline || connector.check.is_none() {
            let refreshable = creds
                .token
                .as_ref()
                .is_none_or(|t| !expired || t.refresh_token.is_some());
            let f = if refreshable {
                Finding::new(index, CheckResult::SecretPresent, None, offline)
            } else {
                let reason = "the access token expired and there is no refresh token";
                Finding::new(index, CheckResult::Expired, Some(reason.into()), offline)
            };
            read.decided(f, progress);
            continue;
        }
        read.pending.push((index, connector, creds));
    }
    Ok(read)
}

/// Refreshes the due token of `conn`: the fresh credentials, or what the
/// failure says about the connection (and why, and whether the app was
/// left alone during a cooldown). Only a keychain failure stops the run.
fn refresh(
    ctx: &Ctx,
    conn: &Connection,
    connector: &Connector,
) -> Result<Result<Credentials, (CheckResult, String, bool)>> {
    match super::oauth::refresh_for_status(ctx, conn, connector) {
        Ok(fresh) => Ok(Ok(fresh)),
        Err(failed) if failed.error.kind() == ErrorKind::Keychain => Err(failed.error),
        Err(failed) => {
            // Only the app's word on this connection's tokens makes it Not
            // Connected; anything else could not be checked.
            let result = match failed.error.kind() {
                ErrorKind::NotConnected | ErrorKind::Auth | ErrorKind::Config => {
                    CheckResult::Expired
                }
                _ => CheckResult::Unreachable,
            };
            Ok(Err((result, failed.reason, failed.cooling_down)))
        }
    }
}

/// When a refresh token runs out by the app's documented lifetime: from the
/// time it was received, or, for tokens stored before that was recorded, the
/// access token's time where every refresh brings a new refresh token.
fn refresh_token_ends(connector: &Connector, token: &TokenSet) -> Option<Timestamp> {
    let spec = connector.oauth2.as_ref()?;
    let lifetime = spec.refresh_token_lifetime.as_ref()?;
    token.refresh_token.as_ref()?;
    let got = token
        .refresh_obtained_at
        .or(token.obtained_at.filter(|_| spec.rotating_refresh))?;
    got.checked_add(lifetime.duration).ok()
}

/// A digest of stored credentials, to tell whether they changed.
fn fingerprint(creds: &Credentials) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::secrets::ExposeSecret::expose_secret(&creds.to_secret()).hash(&mut h);
    h.finish()
}

/// Records the findings on the connections that still exist, and returns
/// each connection as it now stands (a connection deleted meanwhile is shown
/// but not brought back).
fn record(
    ctx: &Ctx,
    conns: &[Connection],
    findings: &[Finding],
    checked: &HashMap<usize, Option<u64>>,
) -> Result<Vec<Connection>> {
    let now = crate::model::connection::now();
    ctx.store().update(|stored| -> Result<Vec<Connection>> {
        let mut out = Vec::with_capacity(findings.len());
        for f in findings {
            let id = &conns[f.index].id;
            let Some(c) = stored.iter_mut().find(|c| &c.id == id) else {
                let mut seen = conns[f.index].clone();
                apply(&mut seen, f, now);
                out.push(seen);
                continue;
            };
            let mut seen = c.clone();
            apply(&mut seen, f, now);
            // A reauthorize that stored new credentials while this check ran
            // wins: the verdict on the old ones is shown but not recorded.
            let replaced = f.status == Some(Status::NotConnected)
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
    })
}

/// Records a finding on a connection.
fn apply(c: &mut Connection, f: &Finding, now: Timestamp) {
    if let Some(status) = f.status
        && c.status != status
    {
        c.status = status;
        c.updated_at = now;
    }
    if f.account.is_some() {
        c.account = f.account.clone();
    }
    if !f.keeps_last_check {
        c.last_check = Some(LastCheck {
            at: now,
            result: f.result,
            reason: f.reason.clone(),
        });
    }
}

/// One row per finding, with the connection as it now stands.
fn rows<'a>(
    findings: &'a [Finding],
    shown: Vec<Connection>,
    refresh_ends: &HashMap<usize, Timestamp>,
) -> Vec<Row<'a>> {
    findings
        .iter()
        .zip(shown)
        .map(|(f, conn)| Row {
            state: State::of(f, conn.status),
            conn,
            finding: f,
            refresh_ends: refresh_ends.get(&f.index).copied(),
        })
        .collect()
}

/// How the run ends: [`ErrorKind::NotConnected`] when any connection is,
/// else [`ErrorKind::Network`] when some could not be checked (`error.rs`
/// turns the kind into the exit code).
fn verdict(rows: &[Row], total: usize) -> Result<()> {
    let not_connected = rows.iter().filter(|r| r.is_not_connected()).count();
    let unreachable = rows
        .iter()
        .filter(|r| r.state == State::Unreachable)
        .count();
    if not_connected > 0 {
        let verb = if not_connected == 1 { "is" } else { "are" };
        let mut message = format!("{not_connected} of {total} connections {verb} Not Connected");
        if unreachable > 0 {
            message.push_str(&format!(", and {unreachable} could not be checked"));
        }
        return Err(Error::new(ErrorKind::NotConnected, message));
    }
    if unreachable > 0 {
        return Err(Error::new(
            ErrorKind::Network,
            format!("{unreachable} of {total} connections could not be checked"),
        )
        .with_hint("their stored status was kept; run `fourgent connections status` again later"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offline_findings_keep_the_stored_verdict() {
        let present = Finding::new(0, CheckResult::SecretPresent, None, true);
        assert_eq!(present.status, None);
        assert_eq!(
            State::of(&present, Status::NotConnected),
            State::NotConnected
        );
        assert_eq!(State::of(&present, Status::Connected), State::Connected);
        let missing = Finding::new(0, CheckResult::MissingSecret, None, true);
        assert_eq!(State::of(&missing, Status::Connected), State::NotConnected);
        let live = Finding::new(0, CheckResult::SecretPresent, None, false);
        assert_eq!(live.status, Some(Status::Connected));
    }
}
