//! The local metadata store: `connections.toml` in the config dir, read
//! whole and written whole, atomically and under a cross-process lock, in
//! one layout that `fast` reads back quickly. It never holds a secret.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{ConnectionLock, Error, Metadata, VERSION, fast};
use crate::fsutil::{
    FileLock, Holds, checked_target, ensure_dir, error_position, line_col, write_atomic,
};
use crate::model::{Connection, ConnectionId};

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    version: i64,
    #[serde(default)]
    connections: Vec<Connection>,
}

/// `connections.toml` in the config dir, and the per-connection locks in
/// its `locks/`.
#[derive(Clone, Debug)]
pub struct FileMetadata {
    path: PathBuf,
}

impl FileMetadata {
    pub fn new(config_dir: &Path) -> Self {
        FileMetadata {
            path: config_dir.join("connections.toml"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file at `target`: the store's path, or where a link there
    /// points.
    fn read(&self, target: &Path) -> Result<Vec<Connection>, Error> {
        match std::fs::read_to_string(target) {
            Ok(text) => parse(&self.path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(source) => Err(crate::fsutil::Error::Io {
                path: self.path.clone(),
                action: "read",
                source,
            }
            .into()),
        }
    }

    fn config_dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

impl Metadata for FileMetadata {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    /// A missing file is an empty store. Takes no lock: writes are atomic
    /// renames, so a reader sees the old or the new file whole.
    fn load(&self) -> Result<Vec<Connection>, Error> {
        self.read(&checked_target(&self.path, Holds::Metadata)?)
    }

    fn update_with(
        &self,
        change: &mut dyn FnMut(&mut Vec<Connection>) -> bool,
    ) -> Result<(), Error> {
        ensure_dir(self.config_dir())?;
        // Through a symbolic link: the lock, the temp file and the rename
        // are beside the file it points to, and the link stays.
        let target = checked_target(&self.path, Holds::Metadata)?;
        let lock = FileLock::acquire(&target)?;
        let mut conns = self.read(&target)?;
        let before = conns.clone();
        if change(&mut conns) && conns != before {
            write_atomic(&target, serialize(&conns).as_bytes(), &lock)?;
        }
        Ok(())
    }

    /// An flock on `locks/<ID>.lock`, separate from the file's own lock.
    fn lock_connection(&self, id: &ConnectionId) -> Result<ConnectionLock, Error> {
        let target = lock_target(self.config_dir(), id);
        ensure_dir(target.parent().expect("a lock target has a parent"))?;
        Ok(ConnectionLock::new(FileLock::acquire(&target)?))
    }

    /// Removes `locks/<ID>.lock` (a process still waiting on it finds no
    /// connection once it gets it).
    fn forget(&self, id: &ConnectionId, lock: ConnectionLock) {
        let _ = std::fs::remove_file(lock_file(self.config_dir(), id));
        drop(lock);
    }
}

/// Where the lock of a connection's secret lives: `locks/<ID>` (the lock
/// file itself is `locks/<ID>.lock`).
fn lock_target(config_dir: &Path, id: &ConnectionId) -> PathBuf {
    config_dir.join("locks").join(id.as_str())
}

/// The lock file of a connection (`locks/<ID>.lock`).
pub fn lock_file(config_dir: &Path, id: &ConnectionId) -> PathBuf {
    config_dir
        .join("locks")
        .join(format!("{}.lock", id.as_str()))
}

/// The file's text for a list of connections, in the one layout fourgent
/// writes (and `fast` reads back): valid TOML, tested against the full parser.
pub fn serialize(conns: &[Connection]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(16 + conns.len() * 320);
    let _ = writeln!(out, "version = {VERSION}");
    for c in conns {
        out.push_str("\n[[connections]]\n");
        pair(&mut out, "id", c.id.as_str());
        pair(&mut out, "name", &c.name);
        pair(&mut out, "app", &c.app);
        pair(&mut out, "auth", c.auth.as_str());
        pair(&mut out, "status", c.status.as_str());
        pair(&mut out, "created_at", &c.created_at.to_string());
        pair(&mut out, "updated_at", &c.updated_at.to_string());
        if let Some(a) = &c.account {
            pair(&mut out, "account", a);
        }
        if let Some(t) = c.expires_at {
            pair(&mut out, "expires_at", &t.to_string());
        }
        if !c.scopes.is_empty() {
            out.push_str("scopes = [");
            for (i, scope) in c.scopes.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                quoted(&mut out, scope);
            }
            out.push_str("]\n");
        }
        if let Some(store) = c.store {
            pair(&mut out, "store", store.as_str());
        }
        if c.refresh_failures > 0 {
            let _ = writeln!(out, "refresh_failures = {}", c.refresh_failures);
        }
        if let Some(t) = c.refresh_retry_at {
            pair(&mut out, "refresh_retry_at", &t.to_string());
        }
        if !c.fields.is_empty() {
            out.push_str("\n[connections.fields]\n");
            for (k, v) in &c.fields {
                pair(&mut out, k, v);
            }
        }
        if let Some(l) = &c.last_check {
            out.push_str("\n[connections.last_check]\n");
            pair(&mut out, "at", &l.at.to_string());
            pair(&mut out, "result", l.result.as_str());
            if let Some(r) = &l.reason {
                pair(&mut out, "reason", r);
            }
        }
    }
    out
}

/// `key = "value"`; a key that is not a bare TOML key is quoted.
fn pair(out: &mut String, key: &str, value: &str) {
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        out.push_str(key);
    } else {
        quoted(out, key);
    }
    out.push_str(" = ");
    quoted(out, value);
    out.push('\n');
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(out: &mut String, s: &str) {
    use std::fmt::Write;
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses the file's text, checking version, unique IDs and unique names.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Connection>, Error> {
    if let Some((version, conns)) = fast::parse(text)
        && version == i64::from(VERSION)
    {
        check_unique(path, text, &conns)?;
        return Ok(conns);
    }
    parse_full(path, text)
}

/// The fast reader alone: `Some` only for text in the layout fourgent
/// writes, and then exactly what [`parse_toml`] reads. For tests.
#[doc(hidden)]
pub fn parse_fast(text: &str) -> Option<(i64, Vec<Connection>)> {
    fast::parse(text)
}

/// The full TOML parser's reading of the file through serde, before any
/// check of the version or of duplicates. For tests.
#[doc(hidden)]
pub fn parse_toml(text: &str) -> Result<(i64, Vec<Connection>), toml::de::Error> {
    toml::from_str::<FileIn>(text).map(|f| (f.version, f.connections))
}

/// [`parse`] without the fast reader: the full TOML parser's verdict. For tests.
#[doc(hidden)]
pub fn parse_full(path: &Path, text: &str) -> Result<Vec<Connection>, Error> {
    let parse_error = |e: toml::de::Error| {
        let (line, column) = error_position(text, &e);
        Error::Parse {
            path: path.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    };
    // One parse on the happy path. Only when it fails is the version read
    // alone, so a file of another version is reported as such rather than
    // as whatever key this version does not know.
    let (version, connections) = match parse_toml(text) {
        Ok(file) => file,
        Err(e) => {
            return Err(match toml::from_str::<VersionOnly>(text) {
                Ok(VersionOnly {
                    version: Some(found),
                }) if found != i64::from(VERSION) => Error::UnknownVersion {
                    path: path.to_owned(),
                    found,
                },
                Ok(VersionOnly { version: None }) if text.trim().is_empty() => {
                    return Ok(Vec::new());
                }
                Ok(VersionOnly { version: None }) => Error::Invalid {
                    path: path.to_owned(),
                    line: None,
                    message: format!("`version = {VERSION}` is missing"),
                },
                _ => parse_error(e),
            });
        }
    };
    if version != i64::from(VERSION) {
        return Err(Error::UnknownVersion {
            path: path.to_owned(),
            found: version,
        });
    }
    check_unique(path, text, &connections)?;
    Ok(connections)
}

fn check_unique(path: &Path, text: &str, conns: &[Connection]) -> Result<(), Error> {
    find_duplicate(conns).map_or(Ok(()), |(index, message)| {
        Err(Error::Invalid {
            path: path.to_owned(),
            line: table_line(text, index),
            message,
        })
    })
}

/// The first connection that repeats an ID or an `app/name`, or has an
/// invalid name: its index and what is wrong.
fn find_duplicate(conns: &[Connection]) -> Option<(usize, String)> {
    let mut ids = std::collections::HashSet::with_capacity(conns.len());
    let mut labels = std::collections::HashSet::with_capacity(conns.len());
    for (i, c) in conns.iter().enumerate() {
        if !ids.insert(c.id.as_str()) {
            return Some((
                i,
                format!("the ID `{}` is used by more than one connection", c.id),
            ));
        }
        if let Err(message) = crate::model::connection::validate_name(&c.name) {
            return Some((i, message));
        }
        if !labels.insert((c.app.as_str(), c.name.as_str())) {
            return Some((i, format!("two connections are named `{}`", c.label())));
        }
    }
    None
}

/// The line where the `index`th `[[connections]]` table's content starts,
/// from the full parser's spans (only on this error path).
fn table_line(text: &str, index: usize) -> Option<usize> {
    #[derive(Deserialize)]
    struct Spans {
        connections: Vec<toml::Spanned<toml::Table>>,
    }
    let spans: Spans = toml::from_str(text).ok()?;
    let span = spans.connections.get(index)?.span();
    Some(line_col(text, span.start).0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;

    fn p() -> &'static Path {
        Path::new("/cfg/connections.toml")
    }

    #[test]
    fn round_trips_connections() {
        let mut a = conn("stripe", "prod");
        a.fields.insert("subdomain".into(), "acme".into());
        a.account = Some("Acme Inc".into());
        let conns = vec![a, conn("slack", "dev")];
        let text = serialize(&conns);
        assert!(text.starts_with("version = 1\n"), "{text}");
        assert_eq!(parse(p(), &text).unwrap(), conns);
    }

    #[test]
    fn the_written_layout_is_toml_the_full_parser_reads_alike() {
        let mut a = conn("stripe", "prod");
        a.account =
            Some("quote \" backslash \\ tab \t nl \n esc \u{1b} del \u{7f} bidi \u{202e} ü".into());
        a.fields.insert("odd key.with dots".into(), "v".into());
        a.fields
            .insert("accounts-server".into(), "https://x".into());
        a.scopes = vec!["a b".into(), "c\"d".into()];
        a.last_check = Some(crate::model::LastCheck {
            at: jiff::Timestamp::UNIX_EPOCH,
            result: crate::model::CheckResult::Rejected,
            reason: Some("line\nbreak".into()),
        });
        let conns = vec![a, conn("slack", "dev")];
        let text = serialize(&conns);
        let full: FileIn = toml::from_str(&text).expect("valid TOML");
        assert_eq!(full.version, 1);
        assert_eq!(full.connections, conns);
        assert_eq!(parse(p(), &text).unwrap(), conns);
    }

    #[test]
    fn empty_text_is_an_empty_store() {
        assert!(parse(p(), "").unwrap().is_empty());
        assert!(parse(p(), "version = 1\n").unwrap().is_empty());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse(p(), "version = 1\n\n[[connections]]\nid = \"c_7k2m9qx4\n").unwrap_err();
        match err {
            Error::Parse { line, column, .. } => assert_eq!((line, column), (4, 17)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_types_and_unknown_keys_are_parse_errors() {
        let mut text = serialize(&[conn("stripe", "prod")]);
        text = text.replace("auth = \"custom\"", "auth = 3");
        let err = parse(p(), &text).unwrap_err();
        assert!(
            matches!(err, Error::Parse { line: 7, .. }),
            "{err:?}\n{text}"
        );
        let text = serialize(&[conn("stripe", "prod")]) + "colour = \"red\"\n";
        assert!(matches!(parse(p(), &text), Err(Error::Parse { .. })));
    }

    #[test]
    fn unknown_version_and_missing_version_are_refused() {
        assert!(matches!(
            parse(p(), "version = 2\n"),
            Err(Error::UnknownVersion { found: 2, .. })
        ));
        assert!(matches!(
            parse(p(), "[[connections]]\n"),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn duplicate_ids_and_names_are_refused() {
        let a = conn("stripe", "prod");
        let mut b = conn("slack", "dev");
        b.id = a.id.clone();
        let text = serialize(&[a.clone(), b]);
        let err = parse(p(), &text).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { line: Some(_), ref message, .. } if message.contains("more than one")),
            "{err:?}"
        );
        let text = serialize(&[a, conn("stripe", "prod")]);
        assert!(parse(p(), &text).is_err());
    }
}
