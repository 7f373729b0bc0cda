//! `status` tells the truth: `--offline` never undoes a live check, a check
//! that could not be made is its own state (Unreachable), rate limiting is
//! waited out and never taken for a rejection, apps' concurrency limits hold,
//! refresh tokens about to run out are announced, and every count agrees.

use std::collections::HashMap;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::oauth_server::{self, Server};
use crate::common::{FakeApp, Response, TestEnv};

/// A Custom app `id` whose check is `url`, sending `api_key` as `X-Api-Key`;
/// `extra` adds keys (`max_concurrency = 2`).
fn custom_app(id: &str, name: &str, url: &str, extra: &str) -> String {
    format!(
        r#"
[connectors.{id}]
name = "{name}"
auth = "custom"
check_url = "{url}"
check_account = ["/account/name"]
{extra}

[[connectors.{id}.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"
"#
    )
}

/// Adds a connection without asking the app.
fn add(env: &TestEnv, app: &str, name: &str, key: &str) {
    env.run_with_stdin(
        &[
            "connections",
            "add",
            app,
            "--name",
            name,
            "--secret-stdin",
            "api_key",
            "--no-verify",
        ],
        Some(key),
    )
    .success();
}

fn by_name(items: &serde_json::Value, name: &str) -> serde_json::Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("no `{name}` in {items:#}"))
        .clone()
}

/// The tab-separated line `status` prints to a pipe for `label`.
fn line<'a>(stdout: &'a str, label: &str) -> Vec<&'a str> {
    stdout
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[0] == label)
        .unwrap_or_else(|| panic!("no line for {label} in:\n{stdout}"))
}

/// A port on 127.0.0.1 that nothing listens on.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// Runs `fourgent ARGS` in a pseudo-terminal (util-linux `script`), as a
/// person at a terminal would: stdout and stderr together, raw.
fn run_in_terminal(env: &TestEnv, args: &[&str]) -> String {
    let cmd = env.command(args);
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(&cmd.get_program().to_string_lossy());
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    let mut script = Command::new("script");
    script
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .env_clear()
        .env("TERM", "xterm-256color")
        .current_dir(env.root());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            script.env(k, v);
        }
    }
    let out = script
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`script` (util-linux) runs commands in a pseudo-terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn offline_never_undoes_what_the_app_said() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    add(&env, "acme", "ok", "good");
    add(&env, "acme", "bad", "revoked");
    env.run(&["connections", "status"]).code(5);
    let before = env.read_connections();
    let hits = app.hits();

    let run = env
        .run(&["connections", "status", "--offline", "--json"])
        .code(5);
    assert_eq!(app.hits(), hits, "--offline asks no app");
    assert_eq!(env.read_connections(), before, "--offline records nothing");
    let bad = by_name(&run.json(), "bad");
    assert_eq!(bad["state"], "not_connected", "{run:?}");
    assert_eq!(bad["status"], "not_connected");
    assert_eq!(bad["result"], "secret_present");
    assert_eq!(bad["last_check"]["result"], "rejected", "the verdict stays");
    let ok = by_name(&run.json(), "ok");
    assert_eq!(ok["state"], "connected");
    assert_eq!(ok["result"], "secret_present");

    let run = env.run(&["connections", "status", "--offline"]).code(5);
    let bad = line(&run.stdout, "acme/bad");
    assert_eq!(bad[2], "Not Connected");
    assert!(
        bad[3].starts_with("secret present, not checked (last check ")
            && bad[3].contains("rejected the credentials"),
        "{run:?}"
    );
    assert_eq!(line(&run.stdout, "acme/ok")[2], "Connected");
    assert!(run.stderr.contains("2 connections (--offline"), "{run:?}");
    assert_eq!(env.read_connections(), before);
}

#[test]
fn offline_reports_a_missing_secret_without_recording_it() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    add(&env, "acme", "a", "good");
    std::fs::write(
        env.config_dir().join("secrets.toml"),
        "version = 1\n[secrets]\n",
    )
    .unwrap();
    let before = env.read_connections();
    let run = env
        .run(&["connections", "status", "--offline", "--json"])
        .code(5);
    let a = &run.json()[0];
    assert_eq!(a["state"], "not_connected");
    assert_eq!(a["result"], "missing_secret");
    assert_eq!(a["status"], "connected", "the stored status is not touched");
    assert_eq!(env.read_connections(), before);
}

#[test]
fn a_check_that_could_not_be_made_is_unreachable_everywhere() {
    let app = FakeApp::start(
        |req| match req.headers.get("x-api-key").map(String::as_str) {
            Some("good") => Response::json(200, r#"{"account":{"name":"Acme Inc"}}"#),
            Some("busy") => Response::json(502, "bad gateway"),
            _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
        },
    );
    let env = TestEnv::with_file_store();
    let gone = format!("http://127.0.0.1:{}/whoami", closed_port());
    env.write_connectors(
        &(custom_app("acme", "Acme", &app.url("/whoami"), "")
            + &custom_app("gone", "Gone", &gone, "")),
    );
    add(&env, "acme", "ok", "good");
    add(&env, "acme", "bad", "revoked");
    add(&env, "acme", "down", "busy");
    add(&env, "gone", "old", "k");

    let run = env.run(&["connections", "status", "--json"]).code(5);
    let items = run.json();
    assert_eq!(by_name(&items, "ok")["state"], "connected");
    assert_eq!(by_name(&items, "bad")["state"], "not_connected");
    for name in ["down", "old"] {
        let item = by_name(&items, name);
        assert_eq!(item["state"], "unreachable", "{name}: {run:?}");
        assert_eq!(item["result"], "unreachable");
        assert_eq!(item["status"], "connected", "{name}: the status is kept");
        assert!(!item["reason"].as_str().unwrap().is_empty());
    }
    assert!(
        by_name(&items, "down")["reason"]
            .as_str()
            .unwrap()
            .contains("HTTP 502")
    );

    let run = env.run(&["connections", "status"]).code(5);
    assert!(
        run.stderr
            .contains("4 connections: 1 Connected, 1 Not Connected, 2 Unreachable"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("1 of 4 connections is Not Connected, and 2 could not be checked"),
        "{run:?}"
    );
    let down = line(&run.stdout, "acme/down");
    assert_eq!(down[2], "Unreachable");
    assert!(down[3].ends_with("(stays Connected)"), "{run:?}");
    assert_eq!(line(&run.stdout, "gone/old")[2], "Unreachable");

    // Without a Not Connected one, what could not be checked decides: 8.
    let run = env
        .run(&["connections", "status", "acme/ok", "acme/down", "gone/old"])
        .code(8);
    assert!(
        run.stderr
            .contains("2 of 3 connections could not be checked"),
        "{run:?}"
    );
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    assert_eq!(by_name(&listed, "down")["status"], "connected");
    assert_eq!(by_name(&listed, "bad")["status"], "not_connected");

    // A Not Connected one that cannot be checked now is still Not Connected.
    let run = env.run(&["connections", "status", "acme/bad", "gone/old"]);
    assert_eq!(run.code, 5, "{run:?}");
}

#[test]
fn unreachable_is_yellow_and_still_says_so_in_a_terminal() {
    let app = FakeApp::start(|_| Response::json(503, "down for maintenance"));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    add(&env, "acme", "a", "k");
    let screen = run_in_terminal(&env, &["connections", "status"]);
    assert!(
        screen.contains("\u{1b}[38;5;11mUnreachable"),
        "not yellow: {screen:?}"
    );
    assert!(screen.contains("STATUS"), "{screen:?}");
    let plain = run_in_terminal(&env, &["--color", "never", "connections", "status"]);
    assert!(
        plain.contains("Unreachable") && !plain.contains("\u{1b}[38;5;11m"),
        "{plain:?}"
    );
}

#[test]
fn a_rate_limited_check_waits_as_asked_and_tries_again() {
    let seen: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let counts = seen.clone();
    let app = FakeApp::start_with_headers(move |req| {
        let key = req.headers.get("x-api-key").cloned().unwrap_or_default();
        let n = {
            let mut c = counts.lock().unwrap();
            let n = c.entry(key.clone()).or_default();
            *n += 1;
            *n
        };
        let ok = (
            Response::json(200, r#"{"account":{"name":"Acme Inc"}}"#),
            vec![],
        );
        match (key.as_str(), n) {
            ("seconds", 1) => (
                Response::json(429, r#"{"message":"slow down"}"#),
                vec![("Retry-After", "1".to_owned())],
            ),
            // An HTTP date in the past: try again at once.
            ("date", 1) => (
                Response::json(503, "busy"),
                vec![("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT".to_owned())],
            ),
            _ => ok,
        }
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    add(&env, "acme", "seconds", "seconds");
    add(&env, "acme", "date", "date");
    let run = env.run(&["connections", "status", "--json"]).success();
    for name in ["seconds", "date"] {
        let item = by_name(&run.json(), name);
        assert_eq!(item["state"], "connected", "{run:?}");
        assert_eq!(item["result"], "ok");
        assert_eq!(seen.lock().unwrap()[name], 2, "{name}: one retry");
    }
}

#[test]
fn rate_limiting_that_outlasts_the_timeout_is_unreachable_not_rejected() {
    let app = FakeApp::start_with_headers(|req| {
        let wait = match req.headers.get("x-api-key").map(String::as_str) {
            Some("hour") => vec![("Retry-After", "3600".to_owned())],
            Some("unsaid") => vec![],
            _ => vec![("Retry-After", "1".to_owned())],
        };
        (
            Response::json(429, r#"{"message":"too many requests"}"#),
            wait,
        )
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    add(&env, "acme", "second", "second");
    add(&env, "acme", "hour", "hour");
    add(&env, "acme", "unsaid", "unsaid");
    let run = env
        .run(&["connections", "status", "--timeout", "3", "--json"])
        .code(8);
    for name in ["second", "hour", "unsaid"] {
        let item = by_name(&run.json(), name);
        assert_eq!(item["state"], "unreachable", "{name}: {run:?}");
        assert_eq!(item["status"], "connected", "{name}: never Not Connected");
        let reason = item["reason"].as_str().unwrap();
        assert!(
            reason.starts_with("rate limited by Acme (HTTP 429)"),
            "{name}: {reason}"
        );
    }
    let hour = by_name(&run.json(), "hour");
    assert!(
        hour["reason"]
            .as_str()
            .unwrap()
            .contains("asks to wait 3600 seconds"),
        "{run:?}"
    );
    let tries = |key: &str| {
        app.requests()
            .iter()
            .filter(|r| r.headers.get("x-api-key").map(String::as_str) == Some(key))
            .count()
    };
    assert_eq!(tries("hour"), 1, "a wait beyond --timeout is not waited");
    assert!(tries("second") >= 2, "a short wait is waited and retried");
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "connected")
    );
}

#[test]
fn an_apps_max_concurrency_holds_on_top_of_jobs() {
    // Two apps on one server; each answer takes 300 ms. The server counts
    // what is in flight, per app and in all.
    #[derive(Default)]
    struct Flight {
        now: [AtomicUsize; 2],
        peak: [AtomicUsize; 2],
        all: AtomicUsize,
        all_peak: AtomicUsize,
    }
    let flight = Arc::new(Flight::default());
    let f = flight.clone();
    let app = FakeApp::start(move |req| {
        let i = usize::from(req.path.starts_with("/beta"));
        let now = f.now[i].fetch_add(1, Ordering::SeqCst) + 1;
        f.peak[i].fetch_max(now, Ordering::SeqCst);
        let all = f.all.fetch_add(1, Ordering::SeqCst) + 1;
        f.all_peak.fetch_max(all, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(300));
        f.all.fetch_sub(1, Ordering::SeqCst);
        f.now[i].fetch_sub(1, Ordering::SeqCst);
        Response::json(200, "{}")
    });
    let env = TestEnv::with_file_store();
    env.write_connectors(
        &(custom_app("alpha", "Alpha", &app.url("/alpha"), "max_concurrency = 2")
            + &custom_app("beta", "Beta", &app.url("/beta"), "")),
    );
    for i in 0..8 {
        add(&env, "alpha", &format!("a{i}"), "k");
    }
    for i in 0..4 {
        add(&env, "beta", &format!("b{i}"), "k");
    }
    let run = env
        .run(&["connections", "status", "--jobs", "4", "--json"])
        .success();
    assert_eq!(run.json().as_array().unwrap().len(), 12);
    assert_eq!(app.hits(), 12);
    assert_eq!(
        flight.peak[0].load(Ordering::SeqCst),
        2,
        "alpha's max_concurrency bounds its checks"
    );
    assert_eq!(
        flight.all_peak.load(Ordering::SeqCst),
        4,
        "--jobs bounds them all"
    );
    // Checks queued behind alpha's bound hold no --jobs slot: beta's start
    // at once in the two slots alpha cannot use, not after alpha's queue.
    let first: Vec<String> = app.requests()[..4].iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        first.iter().filter(|p| p.starts_with("/beta")).count(),
        2,
        "{first:?}"
    );
}

#[test]
fn the_progress_line_and_the_summary_count_the_same_connections() {
    let app = FakeApp::start(|req| Response {
        status: if req.headers.get("x-api-key").map(String::as_str) == Some("good") {
            200
        } else {
            401
        },
        body: "{}".into(),
        delay: Duration::from_millis(300),
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    for i in 0..4 {
        add(&env, "acme", &format!("live{i}"), "good");
    }
    add(&env, "acme", "bad", "revoked");
    add(&env, "acme", "lost", "good");
    // One connection loses its secret: decided without the app.
    let secrets = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    let lost = by_name(&listed, "lost")["id"].as_str().unwrap().to_owned();
    let kept: String = secrets
        .lines()
        .filter(|l| !l.starts_with(&lost))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(env.config_dir().join("secrets.toml"), kept).unwrap();

    let screen = run_in_terminal(&env, &["connections", "status"]);
    assert!(
        screen.contains("6 connections: 4 Connected, 2 Not Connected"),
        "{screen:?}"
    );
    assert!(
        screen.contains("2 of 6 connections are Not Connected"),
        "{screen:?}"
    );
    let counts: Vec<&str> = screen
        .split("Checking connections… ")
        .skip(1)
        .map(|s| {
            s.split(|c: char| !c.is_ascii_digit() && c != '/')
                .next()
                .unwrap()
        })
        .collect();
    assert!(!counts.is_empty(), "no progress line: {screen:?}");
    for c in &counts {
        assert!(
            c.ends_with("/6"),
            "progress {c} does not count all 6: {screen:?}"
        );
    }
}

#[test]
fn a_refresh_token_near_its_documented_lifetime_is_announced() {
    let app = FakeApp::start(|req| match req.headers.get("authorization") {
        Some(a) if a == "Bearer at" => Response::json(200, r#"{"account":{"name":"Books"}}"#),
        _ => Response::json(401, "{}"),
    });
    let env = TestEnv::with_file_store();
    env.write_connectors(&format!(
        r#"
[connectors.ledger]
name = "Ledger"
auth = "oauth2"
authorize_url = "{auth}"
token_url = "{token}"
client_id = "c"
rotating_refresh = true
refresh_token_lifetime = "100 days"
check_url = "{check}"
check_account = ["/account/name"]
"#,
        auth = app.url("/authorize"),
        token = app.url("/token"),
        check = app.url("/whoami"),
    ));
    // Tokens as fourgent stores them: the access token is valid for a year,
    // the refresh tokens are of different ages.
    let now = jiff::Timestamp::now().round(jiff::Unit::Second).unwrap();
    let days = |n: i64| now - jiff::SignedDuration::from_hours(24 * n);
    let year = now + jiff::SignedDuration::from_hours(24 * 365);
    let token = |obtained: jiff::Timestamp, refresh: Option<jiff::Timestamp>| {
        let mut t = serde_json::json!({
            "obtained_at": obtained.to_string(), "access_token": "at",
            "refresh_token": "rt", "expires_at": year.to_string(),
        });
        if let Some(r) = refresh {
            t["refresh_obtained_at"] = r.to_string().into();
        }
        serde_json::json!({ "token": t }).to_string()
    };
    let conns = [
        ("c_22222222", "old", token(days(1), Some(days(95)))),
        ("c_33333333", "fresh", token(days(1), Some(days(1)))),
        // Stored before the refresh token's own time was kept: the access
        // token's time stands in, as every refresh rotates the refresh token.
        ("c_44444444", "legacy", token(days(120), None)),
    ];
    let mut toml = String::from("version = 1\n");
    let mut secrets = String::from("version = 1\n\n[secrets]\n");
    for (id, name, secret) in &conns {
        toml.push_str(&format!(
            "\n[[connections]]\nid = \"{id}\"\nname = \"{name}\"\napp = \"ledger\"\nauth = \"oauth2\"\nstatus = \"connected\"\ncreated_at = \"{now}\"\nupdated_at = \"{now}\"\n"
        ));
        secrets.push_str(&format!("{id} = {}\n", toml_string(secret)));
    }
    std::fs::write(env.connections_file(), toml).unwrap();
    std::fs::write(env.config_dir().join("secrets.toml"), secrets).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let owner_only = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(env.config_dir().join("secrets.toml"), owner_only).unwrap();
    }

    let run = env.run(&["connections", "status", "--json"]).success();
    let items = run.json();
    let ends = |name: &str| by_name(&items, name)["refresh_token_expires_at"].clone();
    assert_eq!(
        ends("old"),
        (days(95) + jiff::SignedDuration::from_hours(2400)).to_string()
    );
    assert_eq!(
        ends("fresh"),
        (days(1) + jiff::SignedDuration::from_hours(2400)).to_string()
    );
    assert_eq!(
        ends("legacy"),
        (days(120) + jiff::SignedDuration::from_hours(2400)).to_string()
    );

    let run = env.run(&["connections", "status"]).success();
    assert!(
        run.stderr.contains(
            "warning: the refresh token of ledger/old expires in 5 days (ledger refresh tokens last 100 days)"
        ),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("`fourgent connections reauthorize ledger/old`"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("the refresh token of ledger/legacy expired 20 days ago"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("ledger/fresh"), "{run:?}");
    assert!(
        line(&run.stdout, "ledger/old")[3].ends_with("; refresh token expires in 5 days"),
        "{run:?}"
    );
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

#[test]
fn an_authorized_refresh_token_is_dated_and_the_date_moves_with_rotation() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(4);
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    env.write_connectors(
        &(server.connectors_toml("fourgent-public", "body")
            + "refresh_token_lifetime = \"10 days\"\n"),
    );
    env.run(&[
        "connections",
        "add",
        "idp",
        "--name",
        "r",
        "--timeout",
        "60",
    ])
    .success();
    let dated = || -> jiff::Timestamp {
        let file = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
        let table: toml::Table = file.parse().unwrap();
        let secret = table["secrets"]
            .as_table()
            .unwrap()
            .values()
            .next()
            .unwrap();
        let stored: serde_json::Value = serde_json::from_str(secret.as_str().unwrap()).unwrap();
        stored["token"]["refresh_obtained_at"]
            .as_str()
            .expect("the refresh token's time is stored")
            .parse()
            .unwrap()
    };
    let first = dated();
    let run = env.run(&["connections", "status"]).success();
    assert!(
        run.stderr
            .contains("the refresh token of idp/r expires in 10 days"),
        "{run:?}"
    );
    // The access token lives 4 s; after it, `status` refreshes and the
    // server rotates the refresh token: its time moves on.
    std::thread::sleep(Duration::from_secs(5));
    env.run(&["connections", "status"]).success();
    assert!(server.stats()["refresh_token"].as_u64().unwrap() >= 1);
    assert!(dated() > first, "a rotated refresh token is dated anew");
}
