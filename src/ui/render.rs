//! Pure rendering: tables, the one-connection view, JSON shapes, times.
//! Terminal facts (tty, width, colour) come in as arguments.

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use jiff::{Timestamp, Unit};
use serde_json::Value;

use crate::model::{Connection, Status};

/// How a table is drawn.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
    pub tty: bool,
    pub color: bool,
    pub width: Option<u16>,
}

/// The stable JSON shape of a connection (documented in docs/json.md):
/// every key is always present, `null` when unknown. Keys in alphabetical
/// order, as `serde_json` orders the objects commands add keys to.
#[derive(serde::Serialize)]
pub struct ConnectionView<'a> {
    account: Option<&'a str>,
    app: &'a str,
    auth: &'static str,
    created_at: Timestamp,
    expires_at: Option<Timestamp>,
    fields: &'a std::collections::BTreeMap<String, String>,
    id: &'a str,
    last_check: Option<LastCheckView<'a>>,
    name: &'a str,
    scopes: &'a [String],
    status: &'static str,
    updated_at: Timestamp,
}

#[derive(serde::Serialize)]
struct LastCheckView<'a> {
    at: Timestamp,
    reason: Option<&'a str>,
    result: &'static str,
}

impl<'a> ConnectionView<'a> {
    pub fn new(c: &'a Connection) -> Self {
        ConnectionView {
            account: c.account.as_deref(),
            app: &c.app,
            auth: c.auth.as_str(),
            created_at: c.created_at,
            expires_at: c.expires_at,
            fields: &c.fields,
            id: c.id.as_str(),
            last_check: c.last_check.as_ref().map(|l| LastCheckView {
                at: l.at,
                reason: l.reason.as_deref(),
                result: l.result.as_str(),
            }),
            name: &c.name,
            scopes: &c.scopes,
            status: c.status.as_str(),
            updated_at: c.updated_at,
        }
    }
}

/// The same shape as a JSON value, for commands that add keys to it.
pub fn connection_json(c: &Connection) -> Value {
    serde_json::to_value(ConnectionView::new(c)).expect("connections serialize to JSON")
}

/// "3 minutes ago", "in 2 hours", "just now".
pub fn relative(t: Timestamp, now: Timestamp) -> String {
    let secs = now.duration_since(t).as_secs();
    let (future, secs) = (secs < 0, secs.unsigned_abs());
    if secs < 45 {
        return "just now".into();
    }
    let (n, unit) = match secs {
        s if s < 90 => (1, "minute"),
        s if s < 3600 => ((s + 30) / 60, "minute"),
        s if s < 86_400 => ((s + 1800) / 3600, "hour"),
        s if s < 30 * 86_400 => ((s + 43_200) / 86_400, "day"),
        s if s < 365 * 86_400 => ((s + 15 * 86_400) / (30 * 86_400), "month"),
        s => ((s + 182 * 86_400) / (365 * 86_400), "year"),
    };
    let plural = if n == 1 { "" } else { "s" };
    if future {
        format!("in {n} {unit}{plural}")
    } else {
        format!("{n} {unit}{plural} ago")
    }
}

/// A time for a table: relative on a terminal, RFC 3339 otherwise.
pub fn time_cell(t: Option<Timestamp>, now: Timestamp, tty: bool) -> String {
    match t {
        None => "-".into(),
        Some(t) if tty => relative(t, now),
        Some(t) => t.round(Unit::Second).unwrap_or(t).to_string(),
    }
}

pub const LIST_HEADERS: [&str; 7] = [
    "NAME",
    "ID",
    "APP",
    "AUTH",
    "STATUS",
    "ACCOUNT",
    "LAST CHECKED",
];

/// The cells of one `list` row.
pub fn list_row(c: &Connection, now: Timestamp, tty: bool) -> [String; 7] {
    [
        c.name.clone(),
        c.id.to_string(),
        c.app.clone(),
        c.auth.to_string(),
        c.status.to_string(),
        c.account.clone().unwrap_or_else(|| "-".into()),
        time_cell(c.last_check.as_ref().map(|l| l.at), now, tty),
    ]
}

/// One tab-separated line per connection, for pipes (no header, no colour).
pub fn list_line(c: &Connection, now: Timestamp) -> String {
    let mut line = list_row(c, now, false).join("\t");
    line.push('\n');
    line
}

/// A table for a terminal.
pub fn table(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    status_col: Option<usize>,
    style: TableStyle,
) -> String {
    let mut t = Table::new();
    t.load_style(presets::NOTHING);
    // Wrap to the terminal's width when it is known; never guess it.
    match style.width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(headers.iter().map(|h| {
        let cell = Cell::new(h);
        if style.color {
            cell.add_attribute(comfy_table::Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in rows {
        t.add_row(row.into_iter().enumerate().map(|(i, v)| {
            let cell = Cell::new(&v);
            match status_color(&v) {
                Some(c) if style.color && Some(i) == status_col => cell.fg(c),
                _ => cell,
            }
        }));
    }
    // Columns two spaces apart, none before the first (like `gh` and `ls -l`).
    for column in t.column_iter_mut() {
        column.set_padding((0, 2));
    }
    // comfy-table pads the last column; trailing spaces only get in the way.
    let mut out: String = t
        .to_string()
        .lines()
        .map(|l| l.trim_end().to_owned() + "\n")
        .collect();
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// `show`: one connection, a line per property.
pub fn show(c: &Connection, now: Timestamp) -> String {
    let mut lines: Vec<(&str, String)> = vec![
        ("Name", c.name.clone()),
        ("ID", c.id.to_string()),
        ("App", c.app.clone()),
        ("Auth", c.auth.to_string()),
        ("Status", c.status.to_string()),
        ("Account", c.account.clone().unwrap_or_else(|| "-".into())),
    ];
    if !c.scopes.is_empty() {
        lines.push(("Scopes", c.scopes.join(" ")));
    }
    if let Some(t) = c.expires_at {
        lines.push(("Expires", format!("{t} ({})", relative(t, now))));
    }
    for (k, v) in &c.fields {
        lines.push(("Field", format!("{k} = {v}")));
    }
    lines.push((
        "Created",
        format!("{} ({})", c.created_at, relative(c.created_at, now)),
    ));
    lines.push((
        "Updated",
        format!("{} ({})", c.updated_at, relative(c.updated_at, now)),
    ));
    match &c.last_check {
        Some(l) => {
            let mut s = format!(
                "{} at {} ({})",
                l.result.as_str(),
                l.at,
                relative(l.at, now)
            );
            if let Some(r) = &l.reason {
                s.push_str(&format!(": {r}"));
            }
            lines.push(("Last check", s));
        }
        None => lines.push(("Last check", "never".into())),
    }
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    lines
        .into_iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect()
}

/// The word for a status in tables.
pub fn status_word(s: Status) -> String {
    s.to_string()
}

/// The STATUS word of a connection `status` could not check (the stored
/// status is kept).
pub const UNREACHABLE: &str = "Unreachable";

/// The colour of a STATUS word. The word itself always says it too.
pub fn status_color(word: &str) -> Option<Color> {
    match word {
        "Connected" => Some(Color::Green),
        "Not Connected" => Some(Color::Red),
        UNREACHABLE => Some(Color::Yellow),
        _ => None,
    }
}

/// Makes provider-supplied text safe for a terminal: control and bidi
/// characters escaped, length capped.
pub fn sanitize(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for (i, ch) in text.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        let bidi = matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        if ch.is_control() || bidi {
            out.extend(ch.escape_unicode());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_read_naturally() {
        let now: Timestamp = "2026-01-01T12:00:00Z".parse().unwrap();
        let ago = |s: i64| relative(now - jiff::SignedDuration::from_secs(s), now);
        assert_eq!(ago(10), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(5 * 60), "5 minutes ago");
        assert_eq!(ago(2 * 3600), "2 hours ago");
        assert_eq!(ago(3 * 86_400), "3 days ago");
        assert_eq!(ago(-2 * 3600), "in 2 hours");
    }

    #[test]
    fn sanitize_escapes_controls_and_caps_length() {
        assert_eq!(sanitize("ok\x1b[31mred", 100), "ok\\u{1b}[31mred");
        assert_eq!(sanitize("a\u{202E}b", 100), "a\\u{202e}b");
        assert_eq!(sanitize("abcdef", 3), "abc…");
    }

    #[test]
    fn status_words_have_their_colours() {
        let style = TableStyle {
            tty: true,
            color: true,
            width: None,
        };
        let rows = ["Connected", "Not Connected", UNREACHABLE]
            .iter()
            .map(|w| vec![(*w).to_owned(), "x".to_owned()])
            .collect();
        let out = table(&["STATUS", "NAME"], rows, Some(0), style);
        // 256-colour codes 10 green, 9 red, 11 yellow, each before its word.
        for (code, word) in [(10, "Connected"), (9, "Not Connected"), (11, UNREACHABLE)] {
            assert!(
                out.contains(&format!("\u{1b}[38;5;{code}m{word}")),
                "{word} is not coloured {code}: {out:?}"
            );
        }
        let plain = table(
            &["STATUS"],
            vec![vec![UNREACHABLE.to_owned()]],
            Some(0),
            TableStyle {
                color: false,
                ..style
            },
        );
        assert!(!plain.contains('\u{1b}') && plain.contains(UNREACHABLE));
    }

    #[test]
    fn plain_table_has_no_trailing_spaces() {
        let out = table(
            &["A", "B"],
            vec![vec!["x".into(), "y".into()]],
            None,
            TableStyle {
                tty: false,
                color: false,
                width: None,
            },
        );
        assert!(out.lines().all(|l| !l.ends_with(' ')), "{out:?}");
        assert!(out.contains('x') && out.contains('B'));
    }
}
