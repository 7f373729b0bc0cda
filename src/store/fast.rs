//! A fast reader for the exact layout fourgent itself writes.
//!
//! `connections.toml` is read by every `list`; with thousands of connections
//! the general TOML parser dominates the run time. fourgent writes the file
//! in one canonical layout, so this reader understands that layout only:
//! one `key = value` per line, basic or literal strings, one-line string
//! arrays, `[[connections]]`, `[connections.fields]` and
//! `[connections.last_check]`. Anything else (comments, hand-edited
//! formatting, unknown keys, a value it cannot read) makes it return `None`,
//! and the caller parses the file with the full TOML parser, which also
//! produces the error messages.
//!
//! It is a subset of the full parser: whenever it returns a result, the full
//! parser (through serde, in `store::parse_full`) returns the same one. So it
//! accepts only what TOML accepts: every key known and at most once, line
//! ends LF or CRLF (no lone CR), integers without leading zeros, literal
//! strings without control characters, escapes exactly as TOML spells them,
//! spaces and tabs as the only whitespace in arrays. `tests/props.rs` checks
//! this on mutated files.

use std::borrow::Cow;
use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::model::{
    AuthKind, CheckResult, Connection, ConnectionId, LastCheck, SecretBackend, Status,
};

enum Value<'a> {
    Str(Cow<'a, str>),
    Arr(Vec<String>),
    Int(i64),
}

enum Section {
    Top,
    Connection,
    Fields,
    LastCheck,
}

/// Keys of one table, in file order; a handful, so a vector beats a map.
#[derive(Default)]
struct Keys<'a>(Vec<(&'a str, Value<'a>)>);

impl<'a> Keys<'a> {
    /// `false` when the key was already there.
    fn insert(&mut self, key: &'a str, value: Value<'a>) -> bool {
        if self.0.iter().any(|(k, _)| *k == key) {
            return false;
        }
        self.0.push((key, value));
        true
    }

    fn remove(&mut self, key: &str) -> Option<Value<'a>> {
        let i = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.swap_remove(i).1)
    }
}

#[derive(Default)]
struct Partial<'a> {
    keys: Keys<'a>,
    fields: Option<BTreeMap<String, String>>,
    last_check: Option<Keys<'a>>,
}

/// The connections, when `text` is in the canonical layout; `None` otherwise.
pub fn parse(text: &str) -> Option<(i64, Vec<Connection>)> {
    // Every line but the last ends in LF, so stripping a CR below only
    // ever takes the CR of a CRLF; a CR at the very end is a lone one.
    if text.ends_with('\r') {
        return None;
    }
    let mut version = None;
    let mut conns: Vec<Partial> = Vec::new();
    let mut section = Section::Top;
    // Splitting on bytes is much cheaper here than `str::lines`.
    for line in text
        .split_terminator('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
    {
        if line.is_empty() {
            continue;
        }
        match line {
            "[[connections]]" => {
                conns.push(Partial::default());
                section = Section::Connection;
                continue;
            }
            "[connections.fields]" => {
                let c = conns.last_mut()?;
                if c.fields.is_some() {
                    return None;
                }
                c.fields = Some(BTreeMap::new());
                section = Section::Fields;
                continue;
            }
            "[connections.last_check]" => {
                let c = conns.last_mut()?;
                if c.last_check.is_some() {
                    return None;
                }
                c.last_check = Some(Keys::default());
                section = Section::LastCheck;
                continue;
            }
            _ => {}
        }
        let eq = line.bytes().position(|b| b == b'=')?;
        let (key, rest) = (
            line[..eq].strip_suffix(' ')?,
            line[eq + 1..].strip_prefix(' ')?,
        );
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        let value = value(rest)?;
        let fresh = match section {
            Section::Top => {
                if key != "version" || version.is_some() {
                    return None;
                }
                let Value::Int(v) = value else { return None };
                version = Some(v);
                true
            }
            Section::Connection => conns.last_mut()?.keys.insert(key, value),
            Section::Fields => {
                let Value::Str(s) = value else { return None };
                conns
                    .last_mut()?
                    .fields
                    .as_mut()?
                    .insert(key.to_owned(), s.into_owned())
                    .is_none()
            }
            Section::LastCheck => conns.last_mut()?.last_check.as_mut()?.insert(key, value),
        };
        if !fresh {
            return None;
        }
    }
    let conns = conns.into_iter().map(build).collect::<Option<Vec<_>>>()?;
    Some((version?, conns))
}

fn build(mut p: Partial<'_>) -> Option<Connection> {
    let mut take = |k: &str| p.keys.remove(k);
    let string = |v: Option<Value<'_>>| match v? {
        Value::Str(s) => Some(s.into_owned()),
        _ => None,
    };
    let time = |v: Option<Value<'_>>| match v? {
        Value::Str(s) => s.parse::<Timestamp>().ok(),
        _ => None,
    };
    let c = Connection {
        id: string(take("id"))?.parse::<ConnectionId>().ok()?,
        name: string(take("name"))?,
        app: string(take("app"))?,
        auth: match string(take("auth"))?.as_str() {
            "oauth2" => AuthKind::OAuth2,
            "custom" => AuthKind::Custom,
            _ => return None,
        },
        status: match string(take("status"))?.as_str() {
            "connected" => Status::Connected,
            "not_connected" => Status::NotConnected,
            _ => return None,
        },
        created_at: time(take("created_at"))?,
        updated_at: time(take("updated_at"))?,
        account: match take("account") {
            None => None,
            v => Some(string(v)?),
        },
        expires_at: match take("expires_at") {
            None => None,
            v => Some(time(v)?),
        },
        scopes: match take("scopes") {
            None => Vec::new(),
            Some(Value::Arr(a)) => a,
            Some(_) => return None,
        },
        store: match take("store") {
            None => None,
            v => match string(v)?.as_str() {
                "keyring" => Some(SecretBackend::Keyring),
                "file" => Some(SecretBackend::File),
                _ => return None,
            },
        },
        refresh_failures: match take("refresh_failures") {
            None => 0,
            Some(Value::Int(n)) => u32::try_from(n).ok()?,
            Some(_) => return None,
        },
        refresh_retry_at: match take("refresh_retry_at") {
            None => None,
            v => Some(time(v)?),
        },
        fields: p.fields.take().unwrap_or_default(),
        last_check: match p.last_check.take() {
            None => None,
            Some(mut l) => {
                let check = LastCheck {
                    at: time(l.remove("at"))?,
                    result: check_result(&string(l.remove("result"))?)?,
                    reason: match l.remove("reason") {
                        None => None,
                        v => Some(string(v)?),
                    },
                };
                if !l.0.is_empty() {
                    return None;
                }
                Some(check)
            }
        },
    };
    // An unknown key: let the full parser say so.
    p.keys.0.is_empty().then_some(c)
}

fn check_result(s: &str) -> Option<CheckResult> {
    [
        CheckResult::Ok,
        CheckResult::SecretPresent,
        CheckResult::MissingSecret,
        CheckResult::Rejected,
        CheckResult::Expired,
        CheckResult::Unreachable,
    ]
    .into_iter()
    .find(|r| r.as_str() == s)
}

fn value(text: &str) -> Option<Value<'_>> {
    // TOML's whitespace, not Unicode's.
    const BLANK: [char; 2] = [' ', '\t'];
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        let inner = inner.trim_matches(BLANK);
        let mut items = Vec::new();
        let mut rest = inner;
        while !rest.is_empty() {
            let (s, after) = string(rest)?;
            items.push(s.into_owned());
            rest = after.trim_start_matches(BLANK);
            match rest.strip_prefix(',') {
                Some(r) => rest = r.trim_start_matches(BLANK),
                None if rest.is_empty() => {}
                None => return None,
            }
        }
        return Some(Value::Arr(items));
    }
    if text.starts_with('"') || text.starts_with('\'') {
        let (s, rest) = string(text)?;
        return rest.is_empty().then_some(Value::Str(s));
    }
    // Decimal, no sign, no `_`, no leading zero (TOML forbids `01`).
    if !text.is_empty()
        && text.len() < 10
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
    {
        return text.parse().ok().map(Value::Int);
    }
    None
}

/// One basic (`"…"`) or literal (`'…'`) one-line string at the start of
/// `text`, and what follows it. Borrowed when it has no escapes.
fn string(text: &str) -> Option<(Cow<'_, str>, &str)> {
    if text.starts_with("\"\"\"") || text.starts_with("\'\'\'") {
        return None;
    }
    if let Some(body) = text.strip_prefix('\'') {
        let end = body.find('\'')?;
        let s = &body[..end];
        // Tab is the only control character a literal string may hold.
        if s.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return None;
        }
        return Some((Cow::Borrowed(s), &body[end + 1..]));
    }
    let body = text.strip_prefix('"')?;
    let bytes = body.as_bytes();
    // Fast path: no escape before the closing quote.
    let stop = bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || (b < 0x20 && b != b'\t') || b == 0x7f)?;
    if bytes[stop] == b'"' {
        return Some((Cow::Borrowed(&body[..stop]), &body[stop + 1..]));
    }
    let mut out = String::from(&body[..stop]);
    let mut chars = body[stop..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), &body[stop + i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'e' => out.push('\u{1b}'),
                    'u' | 'U' => {
                        let n = if e == 'u' { 4 } else { 8 };
                        let hex: String = (0..n)
                            .map(|_| chars.next().map(|(_, h)| h))
                            .collect::<Option<_>>()?;
                        // `from_str_radix` would also take a sign (`\u+041`).
                        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    _ => return None,
                }
            }
            c if c.is_control() && c != '\t' => return None,
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;

    #[test]
    fn reads_what_fourgent_writes() {
        let mut a = conn("stripe", "prod");
        a.account = Some("Ünïcode \"quoted\" \\ back\tslash \u{1b}".into());
        a.fields.insert("subdomain".into(), "it's".into());
        a.fields
            .insert("accounts-server".into(), "https://x".into());
        a.scopes = vec!["a b".into(), "c,d".into()];
        a.expires_at = Some(Timestamp::UNIX_EPOCH);
        a.last_check = Some(LastCheck {
            at: Timestamp::UNIX_EPOCH,
            result: CheckResult::Rejected,
            reason: Some("HTTP 401: 'no'".into()),
        });
        let conns = vec![a, conn("slack", "dev")];
        let text = super::super::serialize(&conns);
        let (version, parsed) = parse(&text).expect("the canonical layout is read");
        assert_eq!(version, 1);
        assert_eq!(parsed, conns);
    }

    #[test]
    fn anything_else_goes_to_the_full_parser() {
        let text = super::super::serialize(&[conn("stripe", "prod")]);
        for other in [
            text.replace("[[connections]]", "# comment\n[[connections]]"),
            text.replace("name = ", "name  = "),
            text.clone() + "colour = \"red\"\n",
            text.replace("auth = \"custom\"", "auth = \"custom\"\nauth = \"custom\""),
            text.replace("auth = \"custom\"", "auth = 3"),
            text.replace("status = \"connected\"", "status = \"\"\"connected\"\"\""),
            "version = 1\n[connections]\n".to_owned(),
            // Each of these was once read here though TOML refuses it.
            text.replace("version = 1", "version = 01"),
            text.replace("name = \"prod\"", "name = 'pr\u{1}od'"),
            text.replace("name = \"prod\"", "name = 'pr\rod'"),
            text.replace("name = \"prod\"", "name = \"\\u+070rod\""),
            text.clone() + "\r",
            text.replace("\n", "\r"),
            "version = 1\n[[connections]]\nscopes = [\"a\",\u{a0}\"b\"]\n".to_owned(),
        ] {
            assert!(parse(&other).is_none(), "{other}");
        }
    }
}
