//! The test environment: the real `fourgent` binary, run as a user would,
//! each test in its own temp config dir with a cleared environment.

pub mod fake_app;
pub mod oauth_server;
pub mod postgres;
pub mod team;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub use fake_app::{Answer, FakeApp, Recorder, Response};

/// Whether a real Secret Service keychain is there (`scripts/with-keyring`
/// sets `FOURGENT_TEST_KEYRING=1`). Keychain tests return early without one,
/// saying so, except in CI, where a missing keychain fails them;
/// `scripts/test` always provides one.
pub fn keyring_available() -> bool {
    let ok = std::env::var("FOURGENT_TEST_KEYRING").as_deref() == Ok("1");
    assert!(
        ok || !in_ci(),
        "no test keychain in CI: run the tests through scripts/with-keyring"
    );
    if !ok {
        eprintln!("skipped: no test keychain (run the tests through scripts/with-keyring)");
    }
    ok
}

/// Writes an executable script (`text` starts with its `#!` line) and waits
/// until it can run: right after writing, a process another test thread
/// just forked may still hold the file open ("text file busy"). The script
/// exits at once when its first argument is `--fourgent-warm-up`.
pub fn write_script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    let (shebang, rest) = text.split_once('\n').expect("a script starts with #!");
    std::fs::write(
        path,
        format!("{shebang}\n[ \"${{1:-}}\" = --fourgent-warm-up ] && exit 0\n{rest}"),
    )
    .unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    for _ in 0..500 {
        if Command::new(path)
            .arg("--fourgent-warm-up")
            .status()
            .is_ok()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("cannot run {}", path.display());
}

/// Whether the tests run in CI (`CI` set, and not to `false`/`0`): there a
/// missing tool fails a test instead of skipping it.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE" | "no"))
}

/// Whether this is the stress tier (`scripts/test --stress` sets
/// FOURGENT_TEST_STRESS=1): loops that hunt for races and crashes run many
/// more iterations there.
pub fn stress() -> bool {
    std::env::var("FOURGENT_TEST_STRESS").as_deref() == Ok("1")
}

/// `quick` iterations per change, `stress` in the stress tier.
pub fn iterations(quick: usize, stress: usize) -> usize {
    if self::stress() { stress } else { quick }
}

pub struct TestEnv {
    root: tempfile::TempDir,
    env: BTreeMap<String, String>,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// Exit code, stdout and stderr, with unstable values replaced.
    pub fn snapshot(&self, env: &TestEnv) -> String {
        env.filter(&format!(
            "exit_code: {}\n----- stdout -----\n{}----- stderr -----\n{}",
            self.code, self.stdout, self.stderr
        ))
    }

    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(self.code, 0, "expected success:\n{self:?}");
        self
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit code {code}:\n{self:?}");
        self
    }

    /// The `id` of the connection printed with `--json`.
    #[track_caller]
    pub fn id(&self) -> String {
        let json = self.json();
        json["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no `id` in {json}"))
            .to_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self:?}"))
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let root = tempfile::tempdir().expect("temp dir");
        for d in ["home", "config", "xdg"] {
            std::fs::create_dir_all(root.path().join(d)).unwrap();
        }
        let mut env = BTreeMap::new();
        env.insert("PATH".into(), std::env::var("PATH").unwrap_or_default());
        env.insert(
            "HOME".into(),
            root.path().join("home").display().to_string(),
        );
        env.insert(
            "XDG_CONFIG_HOME".into(),
            root.path().join("xdg").display().to_string(),
        );
        env.insert(
            "FOURGENT_CONFIG_DIR".into(),
            root.path().join("config").display().to_string(),
        );
        env.insert("COLUMNS".into(), "100".into());
        // Keychain calls in tests should fail fast rather than after 10 s.
        env.insert("FOURGENT_KEYCHAIN_TIMEOUT".into(), "5".into());
        if let Ok(bus) = std::env::var("DBUS_SESSION_BUS_ADDRESS") {
            env.insert("DBUS_SESSION_BUS_ADDRESS".into(), bus);
        }
        TestEnv { root, env }
    }

    /// A test that uses the opt-in file store instead of the keychain.
    pub fn with_file_store() -> TestEnv {
        let mut env = TestEnv::new();
        env.set("FOURGENT_SECRET_STORE", "file");
        env
    }

    pub fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.env.insert(key.into(), value.into());
        self
    }

    pub fn remove(&mut self, key: &str) -> &mut Self {
        self.env.remove(key);
        self
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.root.path().join("config")
    }

    pub fn connections_file(&self) -> PathBuf {
        self.config_dir().join("connections.toml")
    }

    pub fn read_connections(&self) -> String {
        std::fs::read_to_string(self.connections_file()).unwrap_or_default()
    }

    /// Makes every later write of connections.toml fail once the file was
    /// locked and read, so a command gets as far as writing its secret: the
    /// file moves to a name 250 bytes long, connections.toml becomes a link
    /// to it (fourgent follows the link), and the temporary file that an
    /// atomic write starts with cannot be named (names end at 255 bytes;
    /// the lock file's, 5 bytes longer, still fits). Unlike a read-only
    /// directory, this holds for root too. Reading still works.
    pub fn fail_metadata_writes(&self) {
        let dir = self.root().join("metadata");
        std::fs::create_dir(&dir).unwrap();
        let real = dir.join("m".repeat(250));
        std::fs::rename(self.connections_file(), &real).expect("connections.toml exists");
        std::os::unix::fs::symlink(&real, self.connections_file()).unwrap();
    }

    /// Writes the user's connectors.toml.
    pub fn write_connectors(&self, text: &str) {
        std::fs::write(self.config_dir().join("connectors.toml"), text).unwrap();
    }

    /// A Custom app `acme` whose check endpoint is `app`, sending `api_key`
    /// as `X-Api-Key`, plus a non-secret `region` field.
    pub fn with_acme(&self, app: &FakeApp) {
        self.write_connectors(&format!(
            r#"
[connectors.acme]
name = "Acme"
auth = "custom"
check_url = "{}"
check_account = ["/account/name"]

[[connectors.acme.fields]]
key = "region"
label = "Region"
secret = false
default = "eu"

[[connectors.acme.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"
"#,
            app.url("/whoami")
        ));
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("fourgent"));
        cmd.args(args)
            .env_clear()
            .envs(&self.env)
            .current_dir(self.root.path());
        if let Some(browser) = self.browser_with_settings() {
            cmd.env("BROWSER", browser);
        }
        cmd
    }

    /// fourgent runs the browser without any `FOURGENT_*` variable, so the
    /// test browser's settings (`FOURGENT_TEST_BROWSER_*`) travel on the
    /// `$BROWSER` command line instead: `env NAME='value'… <BROWSER>`.
    fn browser_with_settings(&self) -> Option<String> {
        let browser = self.env.get("BROWSER")?;
        let settings: Vec<String> = self
            .env
            .iter()
            .filter(|(k, _)| k.starts_with("FOURGENT_TEST_BROWSER_"))
            .map(|(k, v)| format!("{k}={}", shell_quote(v)))
            .collect();
        (!settings.is_empty()).then(|| format!("env {} {browser}", settings.join(" ")))
    }

    /// Runs `fourgent ARGS` with no stdin (as in CI).
    #[must_use = "assert on the exit code or the output"]
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    #[must_use = "assert on the exit code or the output"]
    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = self.command(args);
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("run fourgent");
        if let Some(input) = stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().unwrap();
            // A command that fails before reading stdin closes it: that is
            // not the test's concern, so a broken pipe is ignored.
            match pipe.write_all(input.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    panic!("writing stdin: {e}")
                }
                _ => {}
            }
        }
        to_run(child.wait_with_output().unwrap())
    }

    /// `fourgent connections add acme --name NAME --secret-stdin api_key
    /// MORE…`, with `key` on stdin.
    #[must_use = "assert on the exit code or the output"]
    pub fn add_acme_with(&self, name: &str, key: &str, more: &[&str]) -> Run {
        let mut args = vec![
            "connections",
            "add",
            "acme",
            "--name",
            name,
            "--secret-stdin",
            "api_key",
        ];
        args.extend_from_slice(more);
        self.run_with_stdin(&args, Some(key))
    }

    /// Adds an `acme` connection non-interactively and returns its ID.
    pub fn add_acme(&self, name: &str, key: &str) -> String {
        self.add_acme_with(name, key, &["--json"]).success().id()
    }

    /// Replaces unstable values: paths, IDs, times, ports.
    pub fn filter(&self, text: &str) -> String {
        let mut out = text.replace(&self.root.path().display().to_string(), "[ROOT]");
        for (re, with) in filters() {
            out = re.replace_all(&out, *with).into_owned();
        }
        out
    }
}

/// `s` as one word for a POSIX shell (and for fourgent's `$BROWSER`).
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn filters() -> &'static [(regex::Regex, &'static str)] {
    static F: std::sync::OnceLock<Vec<(regex::Regex, &'static str)>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        [
            (r"\bc_[2-9a-hjkmnp-z]{8}\b", "[ID]"),
            (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "[TIME]"),
            (r"127\.0\.0\.1:\d+", "127.0.0.1:[PORT]"),
        ]
        .into_iter()
        .map(|(re, with)| (regex::Regex::new(re).unwrap(), with))
        .collect()
    })
}

/// Starts `cmd` (from [`TestEnv::command`]) without waiting for it: stdin
/// empty, stdout and stderr kept for [`finish`].
pub fn spawn(cmd: &mut Command) -> Child {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fourgent")
}

/// Waits for a process from [`spawn`]: how it ended and what it printed.
pub fn finish(child: Child) -> Run {
    to_run(child.wait_with_output().expect("wait for fourgent"))
}

fn to_run(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Whether any of fourgent's keychain entries (of any test) holds `text`.
pub fn keychain_holds(text: &str) -> bool {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", "fourgent"])
        .output()
        .expect("secret-tool is installed (libsecret-tools)");
    assert!(out.status.success(), "secret-tool search failed: {out:?}");
    String::from_utf8_lossy(&out.stdout).contains(text)
}

/// The secret the keychain holds for a connection, read with `secret-tool`.
pub fn keychain_lookup(id: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "fourgent", "username", id])
        .output()
        .expect("secret-tool is installed (libsecret-tools)");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
