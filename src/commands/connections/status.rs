//! `fourgent connections status`: checks connections for real, concurrently,
//! and records what it found.
//!
//! Each connection ends the run in one of three states: Connected, Not
//! Connected, or Unreachable (the check could not be made: the app was down,
//! slow, or kept rate limiting; the stored status is kept). `--offline` only
//! looks at the secrets and records nothing: it cannot know more than the last
//! live check did.

use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use futures_util::stream::{FuturesUnordered, StreamExt};
use jiff::Timestamp;
use serde_json::json;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::catalog::Connector;
use crate::check::{self, Outcome};
use crate::cli::StatusArgs;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{CheckResult, Connection, LastCheck, Status};
use crate::oauth;
use crate::secrets::{self, Credentials, TokenSet};
use crate::ui::render::{self, TableStyle};
use crate::ui::{Spinner, stdout_write_error};

/// Warn this long before a refresh token runs out.
const REFRESH_WARNING: jiff::SignedDuration = jiff::SignedDuration::from_hours(14 * 24);

/// The longest pause between tries when a rate-limited app does not say how
/// long to wait (the pause doubles from one second).
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What one check found.
struct Finding {
    index: usize,
    result: CheckResult,
    reason: Option<String>,
    account: Option<String>,
    /// The status this finding proves; `None` keeps the stored one.
    status: Option<Status>,
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
            State::Unreachable => render::UNREACHABLE,
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
    let targets: Vec<usize> = if args.connections.is_empty() {
        (0..conns.len()).collect()
    } else {
        let mut t = Vec::new();
        for s in &args.connections {
            let i = super::naming::resolve(ctx, &conns, s)?;
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
    let offline = args.offline;
    let total = targets.len();
    // One count for the progress line and the summary: every connection
    // asked about, whether it needs the app or not.
    let spinner = ctx.ui.spinner(&format!(
        "Checking {total} connection{}…",
        if total == 1 { "" } else { "s" }
    ));
    let mut done = 0usize;

    // Secrets first, one after another: the keychain serializes calls anyway,
    // and a keychain that is unavailable stops the command here, before any
    // status is changed.
    let mut pending: Vec<(usize, &Connector, Credentials)> = Vec::new();
    let mut findings: Vec<Finding> = Vec::with_capacity(total);
    // What each check saw, to notice a secret replaced while it ran.
    let mut checked: HashMap<usize, Option<u64>> = HashMap::new();
    let mut refresh_ends: HashMap<usize, Timestamp> = HashMap::new();
    let decided = |findings: &mut Vec<Finding>, f: Finding, done: &mut usize| {
        findings.push(f);
        *done += 1;
        progress(&spinner, *done, total);
    };
    for &index in &targets {
        let conn = &conns[index];
        let Some(connector) = catalog.get(&conn.app) else {
            let reason = format!("the app `{}` is not in the catalog any more", conn.app);
            let f = Finding::new(index, CheckResult::Unreachable, Some(reason), offline);
            decided(&mut findings, f, &mut done);
            continue;
        };
        let store = ctx.secrets_for(conn);
        let loaded = secrets::load_credentials(store, &conn.id)
            .map_err(|e| super::secret::store_error(ctx, conn, e))?;
        checked.insert(index, loaded.as_ref().map(fingerprint));
        let Some(creds) = loaded else {
            let reason = format!("the secret is missing from {}", store.describe());
            let f = Finding::new(index, CheckResult::MissingSecret, Some(reason), offline);
            decided(&mut findings, f, &mut done);
            continue;
        };
        if let Some(ends) = creds
            .token
            .as_ref()
            .and_then(|t| refresh_token_ends(connector, t))
        {
            refresh_ends.insert(index, ends);
        }
        let expired = creds
            .token
            .as_ref()
            .is_some_and(|t| oauth::is_due(t, Timestamp::now()));
        // A due OAuth2 token is refreshed first (one after another: each
        // takes the connection's refresh lock).
        let creds = if expired && !offline {
            match super::oauth::refresh_for_status(ctx, conn, connector) {
                Ok(fresh) => {
                    checked.insert(index, Some(fingerprint(&fresh)));
                    match fresh
                        .token
                        .as_ref()
                        .and_then(|t| refresh_token_ends(connector, t))
                    {
                        Some(ends) => refresh_ends.insert(index, ends),
                        None => refresh_ends.remove(&index),
                    };
                    fresh
                }
                Err(failed) if failed.error.kind() == ErrorKind::Keychain => {
                    return Err(failed.error);
                }
                Err(failed) => {
                    // Only the app's word on this connection's tokens makes
                    // it Not Connected; anything else could not be checked.
                    let result = match failed.error.kind() {
                        ErrorKind::NotConnected | ErrorKind::Auth | ErrorKind::Config => {
                            CheckResult::Expired
                        }
                        _ => CheckResult::Unreachable,
                    };
                    let f = Finding::new(index, result, Some(failed.reason), offline);
                    decided(&mut findings, f, &mut done);
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
            decided(&mut findings, f, &mut done);
            continue;
        }
        pending.push((index, connector, creds));
    }

    if !pending.is_empty() {
        let client = ctx.http()?;
        // A day is more than any check needs, and keeps `Instant` arithmetic
        // far from overflowing whatever `--timeout` says.
        let limit = Duration::from_secs(args.timeout.clamp(1, 86_400));
        let jobs = usize::from(args.jobs);
        // `--jobs` bounds all checks; an app's `max_concurrency` bounds the
        // checks against that app. A check takes its app's slot first, so
        // checks queued behind a busy app hold none of the `--jobs` slots
        // that other apps could use.
        let all = Semaphore::new(jobs);
        let per_app: HashMap<&str, Semaphore> = pending
            .iter()
            .map(|(_, c, _)| {
                let n = c.max_concurrency.map_or(jobs, |m| usize::from(m).min(jobs));
                (c.id.as_str(), Semaphore::new(n))
            })
            .collect();
        let conns = &conns;
        let outcomes = ctx.block_on(async {
            let mut running: FuturesUnordered<_> = pending
                .iter()
                .map(|(index, connector, creds)| {
                    let (all, app) = (&all, &per_app[connector.id.as_str()]);
                    async move {
                        let _app = app.acquire().await.expect("never closed");
                        let _job = all.acquire().await.expect("never closed");
                        let fields = &conns[*index].fields;
                        let outcome = check_patiently(client, connector, fields, creds, limit);
                        (*index, outcome.await)
                    }
                })
                .collect();
            let mut out = Vec::with_capacity(pending.len());
            while let Some(item) = running.next().await {
                done += 1;
                progress(&spinner, done, total);
                out.push(item);
            }
            out
        })?;
        for (index, outcome) in outcomes {
            let (result, reason, account) = match outcome {
                Outcome::Accepted { account } => (CheckResult::Ok, None, account),
                Outcome::Rejected { reason } => (CheckResult::Rejected, Some(reason), None),
                Outcome::Failed { reason } => (CheckResult::Unreachable, Some(reason), None),
                Outcome::RateLimited { status, .. } => {
                    let app = &conns[index].app;
                    let reason = format!("rate limited by {app} (HTTP {status})");
                    (CheckResult::Unreachable, Some(reason), None)
                }
            };
            let mut f = Finding::new(index, result, reason, offline);
            f.account = account;
            findings.push(f);
        }
    }
    drop(spinner);
    findings.sort_by_key(|f| targets.iter().position(|&t| t == f.index));

    let shown: Vec<Connection> = if offline {
        // Nothing is recorded: a secret that is there proves nothing about
        // the app's verdict, and the last live check must not be lost.
        findings.iter().map(|f| conns[f.index].clone()).collect()
    } else {
        record(ctx, &conns, &findings, &checked)?
    };
    let rows: Vec<Row> = findings
        .iter()
        .zip(shown)
        .map(|(f, conn)| Row {
            state: State::of(f, conn.status),
            conn,
            finding: f,
            refresh_ends: refresh_ends.get(&f.index).copied(),
        })
        .collect();

    print(ctx, args, &rows)?;
    let not_connected = rows.iter().filter(|r| r.is_not_connected()).count();
    let unreachable = rows
        .iter()
        .filter(|r| r.state == State::Unreachable)
        .count();
    if !args.json {
        ctx.ui.status(&summary(&rows, offline));
        let now = Timestamp::now();
        for r in rows.iter().filter(|r| refresh_warning(r, now).is_some()) {
            let label = r.conn.label();
            let lifetime = catalog
                .get(&r.conn.app)
                .and_then(|c| c.oauth2.as_ref()?.refresh_token_lifetime.as_ref())
                .map(|l| format!(" ({} refresh tokens last {})", r.conn.app, l.text))
                .unwrap_or_default();
            let when = refresh_warning(r, now).unwrap_or_default();
            ctx.ui
                .warn(&format!("the refresh token of {label} {when}{lifetime}"));
            ctx.ui.hint(&format!(
                "authorize it again before then with `fourgent connections reauthorize {label}`"
            ));
        }
        for r in rows.iter().filter(|r| r.is_not_connected()) {
            let label = r.conn.label();
            ctx.ui.hint(&format!(
                "fix {label} with `fourgent connections reauthorize {label}`"
            ));
        }
    }
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

fn progress(spinner: &Spinner, done: usize, total: usize) {
    spinner.set_message(format!("Checking connections… {done}/{total}"));
}

/// Runs one check within `limit`, waiting and trying again while the app
/// rate limits (as long as its `Retry-After` says, else one second, doubling).
/// Rate limiting that outlasts `limit` is a failure to check, never a
/// rejection.
async fn check_patiently(
    client: &reqwest::Client,
    connector: &Connector,
    fields: &std::collections::BTreeMap<String, String>,
    creds: &Credentials,
    limit: Duration,
) -> Outcome {
    let deadline = Instant::now() + limit;
    let name = &connector.name;
    let secs = limit.as_secs();
    let mut backoff = Duration::from_secs(1);
    let mut limited = None;
    let mut tries = 0u32;
    loop {
        tries += 1;
        let attempt = check::run(client, connector, fields, creds);
        let (status, asked) = match tokio::time::timeout_at(deadline, attempt).await {
            Ok(Outcome::RateLimited {
                status,
                retry_after,
            }) => (status, retry_after),
            Ok(outcome) => return outcome,
            Err(_) => {
                let reason = match limited {
                    None => format!("{name} did not answer within {secs} seconds"),
                    Some(status) => format!(
                        "rate limited by {name} (HTTP {status}), then no answer within {secs} seconds"
                    ),
                };
                return Outcome::Failed { reason };
            }
        };
        limited = Some(status);
        let wait = asked.unwrap_or(backoff);
        backoff = (backoff * 2).min(MAX_BACKOFF);
        match Instant::now().checked_add(wait).filter(|t| *t < deadline) {
            Some(resume) => tokio::time::sleep_until(resume).await,
            None => {
                let reason = match asked {
                    Some(w) => format!(
                        "rate limited by {name} (HTTP {status}): it asks to wait {} seconds, longer than `--timeout {secs}` allows",
                        w.as_secs()
                    ),
                    None => format!(
                        "rate limited by {name} (HTTP {status}) on {tries} tries within `--timeout {secs}` seconds"
                    ),
                };
                return Outcome::Failed { reason };
            }
        }
    }
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

fn print(ctx: &Ctx, args: &StatusArgs, rows: &[Row]) -> Result<()> {
    if args.json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                let mut v = render::connection_json(&r.conn);
                v["state"] = json!(r.state.as_str());
                v["result"] = json!(r.finding.result.as_str());
                v["reason"] = json!(r.finding.reason);
                v["refresh_token_expires_at"] = json!(r.refresh_ends);
                v
            })
            .collect();
        let text = serde_json::to_string_pretty(&items).expect("JSON values serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    let now = Timestamp::now();
    let tty = ctx.ui.stdout_is_tty();
    let lines = rows.iter().map(|r| {
        vec![
            r.conn.label(),
            r.conn.id.to_string(),
            r.state.word().to_owned(),
            details(r, args.offline, now, tty),
        ]
    });
    if !tty {
        // Like `list`: one tab-separated line per connection, no header, no
        // colour (connection, ID, state, details).
        let mut out = ctx.ui.out_writer();
        for line in lines {
            out.write_all(render::tsv_line(&line).as_bytes())
                .map_err(stdout_write_error)?;
        }
        return out.flush().map_err(stdout_write_error);
    }
    let style = TableStyle {
        tty: true,
        color: ctx.ui.color_stdout(),
        width: ctx.ui.width(),
    };
    ctx.ui.out(&render::table(
        &["CONNECTION", "ID", "STATUS", "DETAILS"],
        lines.collect(),
        Some(2),
        style,
    ))
}

/// The DETAILS cell: what the check found, and what to know about it.
fn details(r: &Row, offline: bool, now: Timestamp, tty: bool) -> String {
    let mut text = match r.finding.result {
        CheckResult::Ok => r
            .conn
            .account
            .as_ref()
            .map_or("ok".into(), |a| format!("ok: {a}")),
        CheckResult::SecretPresent if offline => {
            let mut s = "secret present, not checked".to_owned();
            if let Some(l) = &r.conn.last_check {
                let what = l.reason.as_deref().unwrap_or(l.result.as_str());
                let when = render::time_cell(Some(l.at), now, tty);
                s.push_str(&format!(" (last check {when}: {what})"));
            }
            s
        }
        CheckResult::SecretPresent => "secret present (not checked with the app)".into(),
        _ => r.finding.reason.clone().unwrap_or_else(|| "-".into()),
    };
    if r.state == State::Unreachable {
        text.push_str(&format!(" (stays {})", r.conn.status));
    }
    if let Some(when) = refresh_warning(r, now) {
        text.push_str(&format!("; refresh token {when}"));
    }
    text
}

/// "expires in 9 days" when the refresh token runs out within
/// [`REFRESH_WARNING`], "expired 3 days ago" when it has.
fn refresh_warning(r: &Row, now: Timestamp) -> Option<String> {
    let ends = r.refresh_ends?;
    if ends.duration_since(now) > REFRESH_WARNING {
        return None;
    }
    Some(if ends > now {
        format!("expires {}", render::relative(ends, now))
    } else {
        format!("expired {}", render::relative(ends, now))
    })
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

/// "3 connections: 1 Connected, 1 Not Connected, 1 Unreachable".
fn summary(rows: &[Row], offline: bool) -> String {
    let count = |s: State| rows.iter().filter(|r| r.state == s).count();
    let mut parts = vec![
        format!("{} Connected", count(State::Connected)),
        format!("{} Not Connected", count(State::NotConnected)),
    ];
    let unreachable = count(State::Unreachable);
    if unreachable > 0 {
        parts.push(format!("{unreachable} Unreachable"));
    }
    let n = rows.len();
    format!(
        "{n} connection{}{}: {}",
        if n == 1 { "" } else { "s" },
        if offline {
            " (--offline: secrets only, not checked with the apps)"
        } else {
            ""
        },
        parts.join(", ")
    )
}

/// A digest of stored credentials, to tell whether they changed.
fn fingerprint(creds: &Credentials) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::secrets::ExposeSecret::expose_secret(&creds.to_secret()).hash(&mut h);
    h.finish()
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
    c.last_check = Some(LastCheck {
        at: now,
        result: f.result,
        reason: f.reason.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;

    fn row(f: &Finding, status: Status) -> Row<'_> {
        let mut c = conn("acme", "a");
        c.status = status;
        Row {
            state: State::of(f, status),
            conn: c,
            finding: f,
            refresh_ends: None,
        }
    }

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

    #[test]
    fn unreachable_is_its_own_state_and_keeps_the_status() {
        let f = Finding::new(0, CheckResult::Unreachable, Some("down".into()), false);
        assert_eq!(f.status, None);
        let r = row(&f, Status::NotConnected);
        assert_eq!(r.state, State::Unreachable);
        assert!(r.is_not_connected(), "the last verdict still stands");
        assert!(!row(&f, Status::Connected).is_not_connected());
        assert_eq!(
            details(&r, false, Timestamp::now(), false),
            "down (stays Not Connected)"
        );
    }

    #[test]
    fn summary_counts_every_row() {
        let ok = Finding::new(0, CheckResult::Ok, None, false);
        let bad = Finding::new(1, CheckResult::Rejected, Some("no".into()), false);
        let down = Finding::new(2, CheckResult::Unreachable, Some("502".into()), false);
        let rows = [
            row(&ok, Status::Connected),
            row(&bad, Status::NotConnected),
            row(&down, Status::Connected),
        ];
        assert_eq!(
            summary(&rows, false),
            "3 connections: 1 Connected, 1 Not Connected, 1 Unreachable"
        );
        assert_eq!(
            summary(&rows[..1], true),
            "1 connection (--offline: secrets only, not checked with the apps): 1 Connected, 0 Not Connected"
        );
    }

    #[test]
    fn refresh_warnings_start_two_weeks_ahead() {
        let f = Finding::new(0, CheckResult::Ok, None, false);
        let now: Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
        let mut r = row(&f, Status::Connected);
        let day = jiff::SignedDuration::from_hours(24);
        r.refresh_ends = Some(now + day * 30);
        assert_eq!(refresh_warning(&r, now), None);
        r.refresh_ends = Some(now + day * 9);
        assert_eq!(refresh_warning(&r, now).unwrap(), "expires in 9 days");
        r.refresh_ends = Some(now - day * 3);
        assert_eq!(refresh_warning(&r, now).unwrap(), "expired 3 days ago");
    }
}
