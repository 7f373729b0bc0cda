//! The team store's history: who (OS user and machine) did what to which
//! connection, and when. Uses by `token`, `exec` and `credential git` are
//! recorded at most once per connection, machine, user and hour, so a CI
//! fleet calling `token` in a loop writes a row an hour, not a row a call.

use jiff::Timestamp;

use super::{Result, Team};
use crate::store::{Action, Event};

/// Who this process runs as: `alice@laptop`.
#[derive(Clone, Debug)]
pub struct Who {
    pub user: String,
    pub host: String,
}

/// One row of the history.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Entry {
    pub at: Timestamp,
    pub connection_id: String,
    pub connection: String,
    pub action: String,
    pub user: String,
    pub host: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Entry {
    /// Rows anyone with access to the database may have written: every
    /// string made safe to print, `\n` included.
    fn sanitized(self) -> Entry {
        let clean = |s: String| crate::sanitize::sanitize(&s, 200);
        Entry {
            at: self.at,
            connection_id: clean(self.connection_id),
            connection: clean(self.connection),
            action: clean(self.action),
            user: clean(self.user),
            host: clean(self.host),
            detail: self.detail.map(clean),
        }
    }
}

pub(crate) fn record(team: &Team, event: &Event<'_>) -> Result<()> {
    let who = &team.who;
    let (id, label) = (event.conn.id.as_str(), event.conn.label());
    let action = event.action.as_str();
    let detail = event.detail.as_deref();
    if event.action == Action::Use {
        team.session.execute(
            "INSERT INTO fourgent.events (connection_id, connection, action, os_user, host, use_hour)
             VALUES ($1, $2, 'use', $3, $4, date_trunc('hour', now()))
             ON CONFLICT (connection_id, host, os_user, use_hour) WHERE action = 'use' DO NOTHING",
            &[&id, &label, &who.user, &who.host],
        )?;
    } else {
        team.session.execute(
            "INSERT INTO fourgent.events (connection_id, connection, action, os_user, host, detail)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&id, &label, &action, &who.user, &who.host, &detail],
        )?;
    }
    Ok(())
}

/// The newest `limit` events, of one connection or of all, oldest first.
pub(crate) fn history(team: &Team, connection_id: Option<&str>, limit: i64) -> Result<Vec<Entry>> {
    let rows = team.session.query(
        "SELECT extract(epoch FROM at)::float8, connection_id, connection, action, os_user, host, detail
         FROM (SELECT * FROM fourgent.events
               WHERE $1::text IS NULL OR connection_id = $1
               ORDER BY seq DESC LIMIT $2) newest
         ORDER BY seq",
        &[&connection_id, &limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| Entry {
            at: timestamp(r.get(0)),
            connection_id: r.get(1),
            connection: r.get(2),
            action: r.get(3),
            user: r.get(4),
            host: r.get(5),
            detail: r.get(6),
        })
        .map(Entry::sanitized)
        .collect())
}

/// Who used or refreshed a connection in the last `days` days, most recent
/// first: `["ci-runner-3", "alice@laptop"]` (a machine alone when the user
/// is the same as everywhere else would be guesswork, so always both).
pub(crate) fn recent_users(team: &Team, connection_id: &str, days: i32) -> Result<Vec<String>> {
    let rows = team.session.query(
        "SELECT os_user, host, max(at) AS last FROM fourgent.events
         WHERE connection_id = $1 AND action IN ('use', 'refresh')
           AND at > now() - make_interval(days => $2)
         GROUP BY os_user, host ORDER BY last DESC",
        &[&connection_id, &days],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let (user, host): (String, String) = (r.get(0), r.get(1));
            crate::sanitize::sanitize(&format!("{user}@{host}"), 200)
        })
        .collect())
}

fn timestamp(epoch: f64) -> Timestamp {
    Timestamp::from_microsecond((epoch * 1e6) as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}
