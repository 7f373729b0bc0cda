//! What `status` shows: the table or JSON on stdout, the summary, warnings
//! and hints on stderr.

use std::io::Write;

use jiff::Timestamp;
use serde_json::json;

use super::{Row, State};
use crate::catalog::Catalog;
use crate::cli::StatusArgs;
use crate::context::Ctx;
use crate::error::Result;
use crate::model::CheckResult;
use crate::ui::render::{self, TableStyle};
use crate::ui::stdout_write_error;

/// Warn this long before a refresh token runs out.
const REFRESH_WARNING: jiff::SignedDuration = jiff::SignedDuration::from_hours(14 * 24);

/// Shows the rows: the table (or `--json`) on stdout; then, unless
/// `--json`, the summary, refresh tokens about to run out and how to fix
/// what is Not Connected on stderr.
pub(super) fn render(ctx: &Ctx, args: &StatusArgs, catalog: &Catalog, rows: &[Row]) -> Result<()> {
    print(ctx, args, rows)?;
    if args.json {
        return Ok(());
    }
    ctx.ui.status(&summary(rows, args.offline));
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
    Ok(())
}

/// The table (or `--json`) on stdout.
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

#[cfg(test)]
mod tests {
    use super::super::Finding;
    use super::*;
    use crate::model::Status;
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
