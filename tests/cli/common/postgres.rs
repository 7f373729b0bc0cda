//! A real PostgreSQL server for the tests, started by `scripts/with-postgres`
//! (which `scripts/test` runs the suite under): 127.0.0.1 only, TLS with a
//! CA of its own, a superuser `fourgent` with a random password.
//!
//! - [`server`] is that server, or `None` (after saying why) when the tests
//!   run without it outside CI. In CI a missing server fails the test.
//! - [`Server::fresh_database`] makes a database no other test uses.
//! - [`Cluster::own`] starts a server for one test alone, which it may stop
//!   and start again (the store going away mid-command).
//!
//! SQL runs through `psql`, with the password in its environment, never in
//! its arguments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU64, Ordering};

/// The shared server of this test run (`FOURGENT_TEST_PG_*`, set by
/// `scripts/with-postgres`). Without it, tests that need PostgreSQL return
/// early, saying so, except in CI, where they fail; `scripts/test` always
/// provides one.
pub fn server() -> Option<Server> {
    let vars = [
        "FOURGENT_TEST_PG_URL",
        "FOURGENT_TEST_PG_CA",
        "FOURGENT_TEST_PG_BIN",
    ]
    .map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
    let [Some(url), Some(ca), Some(bin)] = vars else {
        assert!(
            !super::in_ci(),
            "no test PostgreSQL server in CI: run the tests through scripts/with-postgres"
        );
        eprintln!(
            "skipped: no test PostgreSQL server (run the tests through scripts/with-postgres)"
        );
        return None;
    };
    Some(Server::from_url(
        &url,
        PathBuf::from(ca),
        PathBuf::from(bin),
    ))
}

/// A running server, reached as the superuser `fourgent`.
#[derive(Clone)]
pub struct Server {
    host: String,
    port: u16,
    user: String,
    password: String,
    ca: PathBuf,
    bin: PathBuf,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // No password in a test's failure message.
        write!(f, "Server({}@{}:{})", self.user, self.host, self.port)
    }
}

impl Server {
    /// From `postgres://USER:PASSWORD@HOST:PORT/DB` as scripts/pg-cluster
    /// writes it (user and password need no percent-decoding there).
    fn from_url(url: &str, ca: PathBuf, bin: PathBuf) -> Server {
        let re =
            regex::Regex::new(r"^postgres://([^:@/]+):([^@/]+)@([^:/]+):(\d+)/[^?]*$").unwrap();
        let caps = re
            .captures(url)
            .expect("FOURGENT_TEST_PG_URL is postgres://USER:PASSWORD@HOST:PORT/DB");
        assert!(bin.join("psql").is_file(), "no psql in {}", bin.display());
        Server {
            user: caps[1].to_owned(),
            password: caps[2].to_owned(),
            host: caps[3].to_owned(),
            port: caps[4].parse().expect("a port number"),
            ca,
            bin,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The CA certificate that signed the server's certificate.
    pub fn ca(&self) -> &Path {
        &self.ca
    }

    /// The PostgreSQL bin directory (`psql`, `pg_ctl`, …).
    pub fn bin(&self) -> &Path {
        &self.bin
    }

    /// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable`.
    pub fn url_for(&self, database: &str) -> String {
        format!("{}?sslmode=disable", self.base_url(database))
    }

    /// The same with TLS required and the server checked against the CA
    /// (`sslrootcert=PATH`, libpq style).
    pub fn tls_url_for(&self, database: &str) -> String {
        format!(
            "{}?sslmode=require&sslrootcert={}",
            self.base_url(database),
            percent_encode_path(&self.ca.display().to_string())
        )
    }

    fn base_url(&self, database: &str) -> String {
        format!(
            "postgres://{}:{}@{}:{}/{database}",
            self.user, self.password, self.host, self.port
        )
    }

    /// A new, empty database with a name no other test uses, dropped (best
    /// effort) when the returned value is dropped.
    pub fn fresh_database(&self) -> Database {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "fourgent_test_{}_{}_{:08x}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            random_u32()
        );
        self.psql("postgres", &[], &format!("CREATE DATABASE {name}"))
            .expect("CREATE DATABASE");
        Database {
            server: self.clone(),
            name,
        }
    }

    /// `psql` on `database` as the superuser, with the password in its
    /// environment. Plain TCP unless `extra` sets `sslmode`. Returns the
    /// output, or the whole failure as text.
    pub fn psql(
        &self,
        database: &str,
        extra: &[(&str, &str)],
        sql: &str,
    ) -> Result<String, String> {
        let out = self
            .psql_command(database, extra)
            .arg("-c")
            .arg(sql)
            .output()
            .expect("run psql");
        psql_result(sql, &out)
    }

    /// A `psql` command with the connection set through `PG*` variables
    /// (the caller's own `PG*` variables removed), before its `-c`.
    fn psql_command(&self, database: &str, extra: &[(&str, &str)]) -> Command {
        let mut cmd = Command::new(self.bin.join("psql"));
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("PG") {
                cmd.env_remove(name);
            }
        }
        cmd.args(["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"])
            .env("PGHOST", &self.host)
            .env("PGPORT", self.port.to_string())
            .env("PGUSER", &self.user)
            .env("PGPASSWORD", &self.password)
            .env("PGDATABASE", database)
            .env("PGSSLMODE", "disable")
            .env("PGCONNECT_TIMEOUT", "10")
            .env("PGAPPNAME", "fourgent-tests")
            .stdin(std::process::Stdio::null());
        for (name, value) in extra {
            cmd.env(name, value);
        }
        cmd
    }
}

/// A database of its own for one test.
pub struct Database {
    server: Server,
    name: String,
}

impl Database {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its URL, with the password, without TLS (`sslmode=disable`).
    pub fn url(&self) -> String {
        self.server.url_for(&self.name)
    }

    /// Its URL with TLS required and the server's certificate checked
    /// against the test CA (`sslmode=require&sslrootcert=PATH`).
    pub fn tls_url(&self) -> String {
        self.server.tls_url_for(&self.name)
    }

    /// Runs `sql` (one or more statements) and returns the rows of the last
    /// one, each a list of its columns as text (NULL is ""). Panics when
    /// psql fails. Values with a tab or a newline cannot be told apart from
    /// the separators: select `quote_literal(x)` or `encode(x, 'hex')` for
    /// those.
    pub fn query(&self, sql: &str) -> Vec<Vec<String>> {
        let out = self
            .server
            .psql(&self.name, &[], sql)
            .unwrap_or_else(|e| panic!("{e}"));
        rows(&out)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        // Best effort: WITH (FORCE) ends the sessions still connected to it
        // (a fourgent process the test left behind).
        let _ = self.server.psql(
            "postgres",
            &[],
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// A PostgreSQL server of one test's own, made with scripts/pg-cluster in a
/// directory below `FOURGENT_TEST_PG_ROOT` (so scripts/with-postgres stops
/// it even when the test process is killed). Stopped and deleted on drop.
pub struct Cluster {
    dir: tempfile::TempDir,
    server: Server,
}

impl std::fmt::Debug for Cluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Cluster({}, {:?})",
            self.dir.path().display(),
            self.server
        )
    }
}

impl Cluster {
    /// Makes and starts the cluster (a few seconds: initdb). Call
    /// [`server`] first: it decides whether PostgreSQL tests run here at
    /// all; without scripts/with-postgres this panics.
    pub fn own() -> Cluster {
        let root = std::env::var_os("FOURGENT_TEST_PG_ROOT")
            .expect("FOURGENT_TEST_PG_ROOT is not set: run the tests through scripts/with-postgres (and call postgres::server() first)");
        let dir = tempfile::Builder::new()
            .prefix("own-")
            .tempdir_in(root)
            .expect("a directory for the cluster");
        pg_cluster("start", dir.path());
        let env = read_env(&dir.path().join("env"));
        let var = |name: &str| {
            env.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("no {name} in {}/env", dir.path().display()))
        };
        let server = Server::from_url(
            &var("FOURGENT_TEST_PG_URL"),
            PathBuf::from(var("FOURGENT_TEST_PG_CA")),
            PathBuf::from(var("FOURGENT_TEST_PG_BIN")),
        );
        Cluster { dir, server }
    }

    /// `postgres://fourgent:PASSWORD@127.0.0.1:PORT/postgres?sslmode=disable`:
    /// the same while the server is stopped and after it starts again.
    pub fn url(&self) -> String {
        self.server.url_for("postgres")
    }

    /// The server, to make databases on or to run SQL through.
    pub fn server(&self) -> &Server {
        &self.server
    }

    /// Stops the server at once (`-m immediate`): connections are cut,
    /// new ones are refused.
    pub fn stop(&self) {
        pg_cluster("stop", self.dir.path());
    }

    /// Starts it again, on the same port, with the same data.
    pub fn start(&self) {
        pg_cluster("start", self.dir.path());
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let ok = Command::new(pg_cluster_path())
            .arg("stop")
            .arg(self.dir.path())
            .stdin(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok && !std::thread::panicking() {
            panic!(
                "scripts/pg-cluster stop {} failed",
                self.dir.path().display()
            );
        }
    }
}

fn pg_cluster_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pg-cluster")
}

#[track_caller]
fn pg_cluster(command: &str, dir: &Path) {
    let out = Command::new(pg_cluster_path())
        .arg(command)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run scripts/pg-cluster");
    assert!(
        out.status.success(),
        "scripts/pg-cluster {command} {} failed:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `export NAME=VALUE` lines of a cluster's env file. scripts/pg-cluster
/// writes them with `%q`, which leaves its values (plain paths, a hex
/// password, digits) unquoted; anything quoted is refused, not guessed at.
fn read_env(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (name, value) = line
                .strip_prefix("export ")
                .and_then(|l| l.split_once('='))
                .unwrap_or_else(|| panic!("{}: not an export line: {line}", path.display()));
            assert!(
                !value.contains(['\'', '"', '\\', '$', ' ']),
                "{}: a quoted value for {name}",
                path.display()
            );
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn psql_result(sql: &str, out: &Output) -> Result<String, String> {
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "psql failed ({}) on: {sql}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// psql's unaligned, tuples-only output as rows of columns.
fn rows(out: &str) -> Vec<Vec<String>> {
    if out.is_empty() {
        return Vec::new();
    }
    out.strip_suffix('\n')
        .unwrap_or(out)
        .split('\n')
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect()
}

/// `path` for a URL's query: unreserved characters and `/` as they are,
/// everything else percent-encoded.
fn percent_encode_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A random number, so that database names differ across test runs that
/// reuse a process ID.
fn random_u32() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    h.finish() as u32
}
