//! The check of each connection with its app, concurrently within
//! `--jobs` and each app's `max_concurrency`, waiting out rate limits
//! within `--timeout`.

use std::collections::HashMap;
use std::time::Duration;

use futures_util::stream::{FuturesUnordered, StreamExt};
use tokio::sync::Semaphore;
use tokio::time::Instant;

use super::{Finding, Progress};
use crate::catalog::Connector;
use crate::check::{self, Outcome};
use crate::cli::StatusArgs;
use crate::context::Ctx;
use crate::error::Result;
use crate::model::{CheckResult, Connection};
use crate::secrets::Credentials;

/// The longest pause between tries when a rate-limited app does not say how
/// long to wait (the pause doubles from one second).
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Checks the `pending` connections with their apps: a finding for each.
pub(super) fn check_online(
    ctx: &Ctx,
    args: &StatusArgs,
    conns: &[Connection],
    pending: &[(usize, &Connector, Credentials)],
    progress: &mut Progress,
) -> Result<Vec<Finding>> {
    let mut findings = Vec::with_capacity(pending.len());
    if pending.is_empty() {
        return Ok(findings);
    }
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
            progress.step();
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
        let mut f = Finding::new(index, result, reason, args.offline);
        f.account = account;
        findings.push(f);
    }
    Ok(findings)
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
