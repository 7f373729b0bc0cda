//! A team store for one test: a fresh database on the test PostgreSQL
//! server, a team key, and "machines" (each its own config dir, so its own
//! file locks) that use the store through FOURGENT_STORE and
//! FOURGENT_STORE_KEY, as a CI runner would.

use std::process::Command;
use std::time::{Duration, Instant};

use super::postgres::{self, Database};
use super::{Run, TestEnv};

/// A fresh database, set up (`store init`) with a new team key, or not.
pub struct Store {
    pub db: Database,
    /// The team key, as `store new-key` printed it.
    pub key: String,
}

impl Store {
    /// A database with fourgent's tables, made by `store init` with a new
    /// key. `None` (after saying why) without a test PostgreSQL server.
    pub fn new() -> Option<Store> {
        let store = Store::empty()?;
        store.machine("admin").run(&["store", "init"]).success();
        Some(store)
    }

    /// A fresh database without fourgent's tables, and a new key.
    pub fn empty() -> Option<Store> {
        let server = postgres::server()?;
        Some(Store {
            db: server.fresh_database(),
            key: new_key(),
        })
    }

    /// A machine of the team: its own config dir and file store, the store
    /// in FOURGENT_STORE, the key in FOURGENT_STORE_KEY, and `user` as the
    /// OS user (the history shows `user@host`).
    pub fn machine(&self, user: &str) -> TestEnv {
        let mut env = TestEnv::with_file_store();
        env.set("FOURGENT_STORE", &self.db.url())
            .set("FOURGENT_STORE_KEY", &self.key)
            .set("FOURGENT_STORE_TIMEOUT", "20")
            .set("USER", user);
        env
    }

    /// One value of a query that returns one row of one column.
    #[track_caller]
    pub fn value(&self, sql: &str) -> String {
        let rows = self.db.query(sql);
        assert_eq!(rows.len(), 1, "{sql}: {rows:?}");
        assert_eq!(rows[0].len(), 1, "{sql}: {rows:?}");
        rows[0][0].clone()
    }

    /// A count (`SELECT count(*) …`).
    #[track_caller]
    pub fn count(&self, sql: &str) -> usize {
        self.value(sql).parse().expect("a count")
    }

    /// Every table of the `fourgent` schema and every row of each, every
    /// column included (bytea as hex), as the database admin sees them.
    pub fn dump(&self) -> String {
        let tables = self.db.query(
            "SELECT table_name FROM information_schema.tables
             WHERE table_schema = 'fourgent' ORDER BY table_name",
        );
        assert!(!tables.is_empty(), "the store has no tables");
        let mut out = String::new();
        for table in tables {
            let name = &table[0];
            out.push_str(&format!("== {name}\n"));
            // The row as one text value: every column, whatever the table.
            let rows = self.db.query(&format!(
                "SELECT quote_literal(t::text) FROM fourgent.{name} t ORDER BY t::text"
            ));
            for row in rows {
                out.push_str(&row.join("\t"));
                out.push('\n');
            }
        }
        out
    }
}

/// A new team key, from `fourgent store new-key`.
pub fn new_key() -> String {
    let run = TestEnv::new().run(&["store", "new-key"]).success();
    let key = run.stdout.trim().to_owned();
    assert_eq!(run.stdout, format!("{key}\n"), "one line: {run:?}");
    key
}

/// This machine's name, as fourgent records it (`uname -n`).
pub fn host() -> String {
    let out = Command::new("uname").arg("-n").output().expect("uname");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `text` as it may appear in a dump: plain, base64 (with and without
/// padding, standard and URL-safe) and hex (bytea's text form).
pub fn encodings(text: &str) -> Vec<String> {
    use base64::Engine as _;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let bytes = text.as_bytes();
    vec![
        text.to_owned(),
        STANDARD.encode(bytes),
        STANDARD_NO_PAD.encode(bytes),
        URL_SAFE_NO_PAD.encode(bytes),
        bytes.iter().map(|b| format!("{b:02x}")).collect(),
    ]
}

/// Fails when `haystack` holds `secret` in any of its [`encodings`].
#[track_caller]
pub fn assert_hidden(haystack: &str, secret: &str, what: &str) {
    for form in encodings(secret) {
        assert!(
            !haystack.contains(&form),
            "{what} holds a secret (as `{form}`):\n{haystack}"
        );
    }
}

/// Fails when a run printed `secret` (in any of its [`encodings`]).
#[track_caller]
pub fn assert_not_printed(run: &Run, secret: &str) {
    assert_hidden(&run.stdout, secret, "stdout");
    assert_hidden(&run.stderr, secret, "stderr");
}

/// A command in a real terminal (tmux), for prompts.
pub struct Terminal {
    socket: String,
}

impl Terminal {
    /// Starts `fourgent ARGS` in a new tmux session with `env` only, or
    /// `None` (after saying why) where tmux is missing outside CI.
    pub fn start(env: &TestEnv, args: &[&str]) -> Option<Terminal> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(!super::in_ci(), "tmux is missing: scripts/test installs it");
            eprintln!("skipped: tmux is not installed (scripts/test installs it)");
            return None;
        }
        let socket = format!(
            "fourgent-team-{}-{}",
            std::process::id(),
            format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_digit(), "")
        );
        let cmd = env.command(args);
        let mut line = String::from("env -i TERM=xterm-256color");
        for (k, v) in cmd.get_envs() {
            let v = v.unwrap_or_default().to_string_lossy();
            line.push_str(&format!(
                " {}={}",
                k.to_string_lossy(),
                super::shell_quote(&v)
            ));
        }
        line.push_str(&format!(
            " {}",
            super::shell_quote(&cmd.get_program().to_string_lossy())
        ));
        for a in args {
            line.push_str(&format!(" {}", super::shell_quote(a)));
        }
        line.push_str("; echo \"[exit $?]\"; sleep 60");
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "160", "-y", "40", &line])
            .status()
            .expect("run tmux")
            .success();
        assert!(ok, "tmux new-session failed");
        Some(Terminal { socket })
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-J"])
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; returns the screen.
    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "`{text}` never appeared; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn send(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys"])
            .args(keys)
            .status()
            .expect("run tmux")
            .success();
        assert!(ok, "tmux send-keys failed");
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}
