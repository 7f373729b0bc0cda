//! Pure rendering: tables, the one-connection view, JSON shapes, times.
//! Terminal facts (tty, width, colour) come in as arguments.

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use jiff::{Timestamp, Unit};
use serde_json::Value;

use crate::model::{Connection, Status};
use crate::sanitize::sanitize;

/// The most characters of one value from connections.toml a table or `show`
/// prints.
const SHOWN_MAX: usize = 300;

/// A value read from connections.toml (which anyone may have edited, and
/// which holds what apps said), made safe for a terminal.
fn shown(text: &str) -> String {
    sanitize(text, SHOWN_MAX)
}

/// One tab-separated line for a pipe: each cell made safe for a terminal
/// (tabs and newlines inside a value are escaped, so the columns hold).
pub fn tsv_line(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|c| shown(c))
        .collect::<Vec<_>>()
        .join("\t");
    line.push('\n');
    line
}

/// Wraps long lines of an aligned listing (`Key  value`, `  - note`) at
/// spaces, continuing each under the start of its value.
pub fn wrap_aligned(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // Where the value starts: after "- " of a note, or after the two
        // spaces that end a key.
        let indent = if let Some(rest) = line.trim_start().strip_prefix("- ") {
            line.len() - rest.len()
        } else {
            line.find("  ").map_or(0, |i| {
                i + line[i..].chars().take_while(|c| *c == ' ').count()
            })
        };
        let indent = if indent * 2 > width { 4 } else { indent };
        let split = line
            .char_indices()
            .nth(indent)
            .map_or(line.len(), |(i, _)| i);
        let (head, rest) = line.split_at(split);
        let mut current = head.to_owned();
        let mut at_start = true;
        for word in rest.split_whitespace() {
            let len = current.chars().count();
            if !at_start && len + 1 + word.chars().count() > width {
                out.push_str(current.trim_end());
                out.push('\n');
                current = " ".repeat(indent);
                at_start = true;
            }
            if !at_start {
                current.push(' ');
            }
            current.push_str(word);
            at_start = false;
        }
        out.push_str(current.trim_end());
        out.push('\n');
    }
    out
}

/// How a table is drawn.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
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
    store: Option<&'static str>,
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
            store: c.store.map(|s| s.as_str()),
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
    if secs < 2 {
        return "just now".into();
    }
    if secs < 60 {
        return if future {
            format!("in {secs} s")
        } else {
            format!("{secs} s ago")
        };
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
        shown(&c.name),
        c.id.to_string(),
        shown(&c.app),
        c.auth.to_string(),
        c.status.to_string(),
        c.account.as_deref().map_or_else(|| "-".into(), shown),
        time_cell(c.last_check.as_ref().map(|l| l.at), now, tty),
    ]
}

/// One tab-separated line per connection, for pipes (no header, no colour).
pub fn list_line(c: &Connection, now: Timestamp) -> String {
    let mut line = list_row(c, now, false).join("\t");
    line.push('\n');
    line
}

/// A table for a terminal whose rows each stay on one line: when the rows
/// are wider than the terminal, the cells of the `shrink` columns are cut
/// (ending in `…`), widest column first; the other columns keep their width.
pub fn fitted_table(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    shrink: &[usize],
    status_col: Option<usize>,
    style: TableStyle,
) -> String {
    let mut rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(|v| shown(&v)).collect())
        .collect();
    if let Some(width) = style.width {
        let chars = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = headers.iter().map(|h| chars(h)).collect();
        for row in &rows {
            for (i, v) in row.iter().enumerate() {
                widths[i] = widths[i].max(chars(v));
            }
        }
        // Two spaces between columns.
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        let floor = |i: usize| chars(headers[i]).max(4);
        while total(&widths) > usize::from(width) {
            let Some(&i) = shrink
                .iter()
                .filter(|&&i| widths[i] > floor(i))
                .max_by_key(|&&i| widths[i])
            else {
                break;
            };
            widths[i] -= 1;
        }
        for row in &mut rows {
            for &i in shrink {
                if chars(&row[i]) > widths[i] {
                    let cut: String = row[i].chars().take(widths[i].saturating_sub(1)).collect();
                    row[i] = format!("{cut}…");
                }
            }
        }
    }
    table(
        headers,
        rows,
        status_col,
        TableStyle {
            width: None,
            ..style
        },
    )
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
        // comfy-table colours through crossterm, which drops colours
        // whenever NO_COLOR is set: the caller has decided already.
        crossterm::style::Colored::set_ansi_color_disabled(false);
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
            // Cells may quote connections.toml (a check's reason, an account).
            let v = shown(&v);
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

/// A time for people: local, to the second, with its zone.
pub fn local_time(t: Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M:%S %Z")
        .to_string()
}

/// `show`: one connection, a line per property, in words.
pub fn show(c: &Connection, now: Timestamp) -> String {
    let mut lines: Vec<(&str, String)> = vec![
        ("Name", shown(&c.name)),
        ("ID", c.id.to_string()),
        ("App", shown(&c.app)),
        ("Auth", c.auth.to_string()),
        ("Status", c.status.to_string()),
        (
            "Account",
            c.account.as_deref().map_or_else(|| "-".into(), shown),
        ),
    ];
    if !c.scopes.is_empty() {
        let scopes: Vec<String> = c.scopes.iter().map(|s| shown(s)).collect();
        lines.push(("Scopes", scopes.join(" ")));
    }
    if let Some(t) = c.expires_at {
        let when = if t > now {
            format!("expires {}", relative(t, now))
        } else {
            format!("expired {}", relative(t, now))
        };
        lines.push(("Token", format!("{when} ({})", local_time(t))));
    }
    for (k, v) in &c.fields {
        lines.push(("Field", format!("{} = {}", shown(k), shown(v))));
    }
    if let Some(store) = c.store {
        let place = match store {
            crate::model::SecretBackend::Keyring => "the OS keychain",
            crate::model::SecretBackend::File => "secrets.toml (the file store)",
        };
        lines.push(("Secret in", place.to_owned()));
    }
    let at = |t: Timestamp| format!("{} ({})", local_time(t), relative(t, now));
    lines.push(("Created", at(c.created_at)));
    lines.push(("Updated", at(c.updated_at)));
    match &c.last_check {
        Some(l) => {
            let mut s = format!("{}, {}", l.result.describe(), relative(l.at, now));
            if let Some(r) = &l.reason {
                s.push_str(&format!(": {}", shown(r)));
            }
            lines.push(("Last check", s));
        }
        None => lines.push(("Last check", "never".into())),
    }
    if c.status == Status::NotConnected {
        lines.push((
            "Fix",
            format!("fourgent connections reauthorize {}", shown(&c.label())),
        ));
    }
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    lines
        .into_iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_under_their_value() {
        let text = "Key    one two three four five six\n  - alpha beta gamma delta\nshort\n";
        assert_eq!(
            wrap_aligned(text, 20),
            "Key    one two three\n       four five six\n  - alpha beta gamma\n    delta\nshort\n"
        );
    }

    #[test]
    fn relative_times_read_naturally() {
        let now: Timestamp = "2026-01-01T12:00:00Z".parse().unwrap();
        let ago = |s: i64| relative(now - jiff::SignedDuration::from_secs(s), now);
        assert_eq!(ago(1), "just now");
        assert_eq!(ago(8), "8 s ago");
        assert_eq!(ago(-8), "in 8 s");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(5 * 60), "5 minutes ago");
        assert_eq!(ago(2 * 3600), "2 hours ago");
        assert_eq!(ago(3 * 86_400), "3 days ago");
        assert_eq!(ago(-2 * 3600), "in 2 hours");
    }

    /// Text from connections.toml (which holds what apps said, and which
    /// anyone may edit) reaches the terminal only sanitized.
    #[test]
    fn file_text_is_sanitized_in_every_view() {
        let mut c = crate::model::connection::tests::conn("acme\u{1b}[2J", "x");
        c.account = Some("Acme\u{1b}]0;owned\u{7}\u{202E}".into());
        c.scopes = vec!["read\u{9b}31m".into(), "write\u{200B}".into()];
        c.fields
            .insert("region\u{2028}".into(), "eu\u{E0041}\n".into());
        c.last_check = Some(crate::model::LastCheck {
            at: Timestamp::UNIX_EPOCH,
            result: crate::model::CheckResult::Rejected,
            reason: Some("denied\r\u{1b}[1A\u{2066}".into()),
        });
        let now = Timestamp::UNIX_EPOCH;
        let table_text = table(
            &LIST_HEADERS,
            vec![
                list_row(&c, now, true).to_vec(),
                vec![c.last_check.clone().unwrap().reason.unwrap()],
            ],
            Some(4),
            TableStyle {
                color: false,
                width: Some(200),
            },
        );
        for out in [show(&c, now), list_line(&c, now), table_text] {
            let body = out.trim_end_matches('\n');
            assert!(
                !body
                    .chars()
                    .any(|ch| ch.is_control() && ch != '\n' && ch != '\t'
                        || matches!(
                            ch,
                            '\u{200B}' | '\u{202E}' | '\u{2028}' | '\u{2066}' | '\u{E0041}'
                        )),
                "{out:?}"
            );
            assert!(
                out.contains("\\u{1b}") || out.contains("\\u{9b}"),
                "{out:?}"
            );
        }
    }

    #[test]
    fn status_words_have_their_colours() {
        let style = TableStyle {
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
                color: false,
                width: None,
            },
        );
        assert!(out.lines().all(|l| !l.ends_with(' ')), "{out:?}");
        assert!(out.contains('x') && out.contains('B'));
    }
}
