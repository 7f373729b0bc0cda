//! Secrets never leak: every command a Custom app has, at the highest
//! verbosity, on success and failure paths, with both secret stores. Each
//! secret is a distinctive canary; none may appear on stdout (except
//! `token`'s), on stderr, in connections.toml, or (with the keychain) in any
//! file at all; and the app must receive it only in the header its connector
//! names.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};

use crate::common::{FakeApp, Response, Run, TestEnv, keyring_available};

/// The secrets used below. Each ends in a tail that is distinctive on its
/// own, so a truncated or re-encoded leak of the end is caught too.
const STDIN_KEY: &str = "CANARY-apikey-q7Zx9Kw2";
const ENV_KEY: &str = "CANARY-envkey-Vb4nT8sY";
const REJECTED_KEY: &str = "CANARY-rejected-Hm3pL6dQ";
const UNREACHABLE_KEY: &str = "CANARY-fivehundred-Jc5wR2eX";
const ROTATED_KEY: &str = "CANARY-rotated-Tg8kN4vZ";
const REJECTED_ROTATION: &str = "CANARY-rejrot-Pw2sF9hU";
const ON_ARGV: &str = "CANARY-argv-Yd6mB3cK";
const ALL: [&str; 7] = [
    STDIN_KEY,
    ENV_KEY,
    REJECTED_KEY,
    UNREACHABLE_KEY,
    ROTATED_KEY,
    REJECTED_ROTATION,
    ON_ARGV,
];

/// The canaries (or their tails) found in `text`.
fn leaked(text: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = ALL
        .iter()
        .copied()
        .filter(|c| {
            let tail = c.rsplit('-').next().unwrap();
            text.contains(c) || text.contains(tail)
        })
        .collect();
    if found.is_empty() && text.contains("CANARY") {
        found.push("CANARY");
    }
    found
}

/// How the fake app answers right now.
#[derive(Clone)]
struct Mode(Arc<AtomicU16>);

const ACCEPT: u16 = 200;
const REVOKED: u16 = 401;
const BROKEN: u16 = 500;

impl Mode {
    fn set(&self, m: u16) {
        self.0.store(m, Ordering::SeqCst);
    }
}

/// An app that accepts the "good" canaries in `X-Api-Key` and refuses any
/// other key with a 401 whose body does not echo it; in `REVOKED` mode it
/// refuses everything, in `BROKEN` mode it answers 500.
fn canary_app() -> (FakeApp, Mode) {
    let mode = Mode(Arc::new(AtomicU16::new(ACCEPT)));
    let m = mode.clone();
    let app = FakeApp::start(move |req| {
        let good = [STDIN_KEY, ENV_KEY, UNREACHABLE_KEY, ROTATED_KEY];
        match m.0.load(Ordering::SeqCst) {
            BROKEN => Response::json(500, "internal server error"),
            REVOKED => Response::json(401, r#"{"message":"Invalid API key"}"#),
            _ => match req.headers.get("x-api-key") {
                Some(k) if good.contains(&k.as_str()) => {
                    Response::json(200, r#"{"account":{"name":"Acme Inc","id":42}}"#)
                }
                _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
            },
        }
    });
    (app, mode)
}

/// Every file below `dir`, with its bytes.
fn files_below(dir: &Path, out: &mut Vec<(std::path::PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_below(&p, out);
        } else if let Ok(bytes) = std::fs::read(&p) {
            out.push((p, bytes));
        }
    }
}

/// Runs commands and records every leak instead of stopping at the first.
struct Audit<'a> {
    env: &'a TestEnv,
    keychain: bool,
    leaks: Vec<String>,
}

impl Audit<'_> {
    /// Runs `fourgent -vv ARGS`, expects `code`, and checks the output and
    /// the files for canaries.
    fn run(&mut self, args: &[&str], stdin: Option<&str>, code: i32) -> Run {
        self.run_allowing(args, stdin, code, None)
    }

    /// [`Audit::run`], where stdout must be exactly `secret_stdout` and a
    /// newline (what `token` prints).
    fn run_allowing(
        &mut self,
        args: &[&str],
        stdin: Option<&str>,
        code: i32,
        secret_stdout: Option<&str>,
    ) -> Run {
        let mut full = vec!["-vv"];
        full.extend_from_slice(args);
        let run = self.env.run_with_stdin(&full, stdin);
        let what = format!("`fourgent {}`", full.join(" "));
        assert_eq!(run.code, code, "{what}: {run:?}");
        let stdout = match secret_stdout {
            Some(s) => {
                assert_eq!(
                    run.stdout,
                    format!("{s}\n"),
                    "{what} prints only the secret"
                );
                run.stdout.replace(s, "")
            }
            None => run.stdout.clone(),
        };
        for c in leaked(&stdout) {
            self.leaks
                .push(format!("{what}: stdout has {c}:\n{}", run.stdout));
        }
        for c in leaked(&run.stderr) {
            self.leaks
                .push(format!("{what}: stderr has {c}:\n{}", run.stderr));
        }
        self.check_files(&what);
        run
    }

    fn check_files(&mut self, after: &str) {
        for c in leaked(&self.env.read_connections()) {
            self.leaks
                .push(format!("after {after}: connections.toml has {c}"));
        }
        let mut files = Vec::new();
        // The config dir, and with the keychain the whole test root (HOME,
        // XDG dirs): no file anywhere may hold a secret.
        files_below(
            &if self.keychain {
                self.env.root().to_owned()
            } else {
                self.env.config_dir()
            },
            &mut files,
        );
        for (path, bytes) in files {
            let name = path.file_name().unwrap().to_string_lossy();
            if !self.keychain && name == "secrets.toml" {
                continue; // the file store: where the secrets belong
            }
            for c in leaked(&String::from_utf8_lossy(&bytes)) {
                self.leaks
                    .push(format!("after {after}: {} has {c}", path.display()));
            }
        }
    }
}

fn add(name: &str) -> Vec<&str> {
    vec!["connections", "add", "acme", "--name", name]
}

fn with<'a>(mut base: Vec<&'a str>, more: &[&'a str]) -> Vec<&'a str> {
    base.extend_from_slice(more);
    base
}

/// Every command, success and failure paths, with `env`'s secret store.
fn every_command_keeps_secrets(mut env: TestEnv, keychain: bool) {
    let (app, mode) = canary_app();
    env.with_acme(&app);
    env.set("ACME_KEY", ENV_KEY);
    env.set("ACME_KEY_500", UNREACHABLE_KEY);
    let env = env;
    let mut a = Audit {
        env: &env,
        keychain,
        leaks: Vec::new(),
    };
    let stdin_secret = ["--secret-stdin", "api_key"];

    // add: from stdin and from the environment, plain and --json.
    a.run(&with(add("stdin"), &stdin_secret), Some(STDIN_KEY), 0);
    a.run(
        &with(add("stdin-json"), &["--secret-stdin", "api_key", "--json"]),
        Some(&format!("{STDIN_KEY}\n")),
        0,
    );
    a.run(
        &with(add("env"), &["--secret-env", "api_key=ACME_KEY"]),
        None,
        0,
    );
    a.run(
        &with(
            add("env-json"),
            &["--secret-env", "api_key=ACME_KEY", "--json"],
        ),
        None,
        0,
    );
    // add: a key the app rejects (401), plain and --json.
    a.run(&with(add("rejected"), &stdin_secret), Some(REJECTED_KEY), 4);
    a.run(
        &with(add("rejected"), &["--secret-stdin", "api_key", "--json"]),
        Some(REJECTED_KEY),
        4,
    );
    // add: the app fails (500), plain and --json.
    mode.set(BROKEN);
    a.run(
        &with(add("broken"), &stdin_secret),
        Some(UNREACHABLE_KEY),
        8,
    );
    a.run(
        &with(
            add("broken"),
            &["--secret-env", "api_key=ACME_KEY_500", "--json"],
        ),
        None,
        8,
    );
    mode.set(ACCEPT);
    // add: usage errors with a secret at hand.
    a.run(&with(add("stdin"), &stdin_secret), Some(STDIN_KEY), 2);
    a.run(
        &with(add("argv"), &["--field", &format!("api_key={ON_ARGV}")]),
        None,
        2,
    );
    a.run(
        &with(add("empty-var"), &["--secret-env", "api_key=NOT_SET"]),
        None,
        2,
    );

    // Reading commands.
    for args in [
        vec!["connections", "list"],
        vec!["connections", "list", "--json"],
        vec![
            "connections",
            "list",
            "--app",
            "acme",
            "--status",
            "connected",
        ],
        vec!["connections", "show", "acme/stdin"],
        vec!["connections", "show", "acme/stdin", "--json"],
        vec!["connections", "show", "acme/env", "--json"],
        vec!["connections", "status"],
        vec!["connections", "status", "--json"],
        vec!["connections", "status", "--offline", "--json"],
        vec!["connectors", "list"],
        vec!["connectors", "list", "--json"],
        vec!["connectors", "show", "acme"],
        vec!["connectors", "show", "acme", "--json"],
    ] {
        a.run(&args, None, 0);
    }

    // reauthorize: accepted, rejected, app down.
    let reauth = |sel: &'static str| vec!["connections", "reauthorize", sel];
    a.run(
        &with(reauth("acme/stdin"), &stdin_secret),
        Some(ROTATED_KEY),
        0,
    );
    a.run(
        &with(reauth("acme/env"), &["--secret-stdin", "api_key", "--json"]),
        Some(ROTATED_KEY),
        0,
    );
    a.run(
        &with(reauth("acme/stdin"), &stdin_secret),
        Some(REJECTED_ROTATION),
        4,
    );
    a.run(
        &with(
            reauth("acme/stdin"),
            &["--secret-stdin", "api_key", "--json"],
        ),
        Some(REJECTED_ROTATION),
        4,
    );
    mode.set(BROKEN);
    a.run(
        &with(reauth("acme/stdin"), &stdin_secret),
        Some(ROTATED_KEY),
        8,
    );
    // status when the app is down, and when it has revoked the keys.
    a.run(&["connections", "status"], None, 8);
    a.run(&["connections", "status", "--json"], None, 8);
    mode.set(REVOKED);
    a.run(&["connections", "status"], None, 5);
    a.run(&["connections", "status", "--json"], None, 5);
    a.run(&["connections", "show", "acme/stdin"], None, 0);
    mode.set(ACCEPT);
    // token fails closed on a connection the app rejected: nothing printed.
    a.run(&["connections", "token", "acme/stdin"], None, 5);
    a.run(&["connections", "token", "acme/stdin", "--json"], None, 5);
    a.run(&["connections", "status"], None, 0);

    // token: the one command that prints a secret, on stdout only.
    a.run_allowing(
        &["connections", "token", "acme/stdin"],
        None,
        0,
        Some(ROTATED_KEY),
    );
    a.run_allowing(
        &["connections", "token", "acme/env-json"],
        None,
        0,
        Some(ENV_KEY),
    );
    a.run(
        &["connections", "token", "acme/stdin", "--field", "region"],
        None,
        2,
    );
    a.run(
        &["connections", "token", "acme/stdin", "--field", "nope"],
        None,
        2,
    );

    // delete, then everything about the deleted connection fails cleanly.
    a.run(&["connections", "delete", "acme/stdin"], None, 2);
    for sel in ["acme/stdin", "acme/env", "acme/stdin-json", "acme/env-json"] {
        a.run(&["connections", "delete", sel, "--yes"], None, 0);
    }
    a.run(&["connections", "token", "acme/stdin"], None, 3);
    a.run(&["connections", "list", "--json"], None, 0);

    // The app got each key only in X-Api-Key: never in the path, the query,
    // the body or another header.
    let reqs = app.requests();
    for r in &reqs {
        for c in leaked(&r.path) {
            a.leaks.push(format!("request path {} has {c}", r.path));
        }
        for c in leaked(&r.body) {
            a.leaks.push(format!("request body has {c}: {}", r.body));
        }
        for (h, v) in &r.headers {
            if h == "x-api-key" {
                assert!(ALL.contains(&v.as_str()), "X-Api-Key is exactly a key: {v}");
            } else {
                for c in leaked(v) {
                    a.leaks.push(format!("request header {h} has {c}"));
                }
            }
        }
    }
    let sent = |k: &str| {
        reqs.iter()
            .any(|r| r.headers.get("x-api-key").map(String::as_str) == Some(k))
    };
    for k in [
        STDIN_KEY,
        ENV_KEY,
        REJECTED_KEY,
        ROTATED_KEY,
        REJECTED_ROTATION,
    ] {
        assert!(sent(k), "the app never received {k}: the check did not run");
    }
    assert!(
        !sent(ON_ARGV),
        "a refused --field value was sent to the app"
    );

    assert!(
        a.leaks.is_empty(),
        "{} leaks:\n{}",
        a.leaks.len(),
        a.leaks.join("\n\n")
    );
}

#[test]
fn no_command_leaks_a_secret_with_the_file_store() {
    every_command_keeps_secrets(TestEnv::with_file_store(), false);
}

#[test]
fn no_command_leaks_a_secret_with_the_keychain() {
    if !keyring_available() {
        return;
    }
    every_command_keeps_secrets(TestEnv::new(), true);
}

/// An app that quotes the rejected key back in its error body ("invalid
/// key: …", which real APIs do): fourgent shows the app's message, but must
/// not pass the secret through to stderr.
#[test]
fn a_rejected_key_echoed_by_the_app_is_not_printed() {
    let app = FakeApp::start(|req| {
        let key = req.headers.get("x-api-key").cloned().unwrap_or_default();
        Response::json(401, &format!(r#"{{"message":"Invalid API key: {key}"}}"#))
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    for json in [false, true] {
        let mut args = vec![
            "-vv",
            "connections",
            "add",
            "acme",
            "--name",
            "echo",
            "--secret-stdin",
            "api_key",
        ];
        if json {
            args.push("--json");
        }
        let run = env.run_with_stdin(&args, Some(REJECTED_KEY)).code(4);
        assert!(run.stderr.contains("Invalid API key"), "{run:?}");
        assert_eq!(leaked(&run.stderr), Vec::<&str>::new(), "{run:?}");
        assert_eq!(leaked(&run.stdout), Vec::<&str>::new(), "{run:?}");
    }
}
