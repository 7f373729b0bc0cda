use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::common::{FakeApp, Response, TestEnv};

#[test]
fn status_checks_each_connection_and_records_the_result() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("ok", "good");
    env.add_acme_with("bad", "revoked", &["--no-verify"])
        .success();
    let before = app.hits();

    let run = env.run(&["connections", "status", "--json"]).code(5);
    assert_eq!(app.hits(), before + 2, "one live check per connection");
    let items = run.json();
    let by_name = |n: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by_name("ok")["status"], "connected");
    assert_eq!(by_name("ok")["result"], "ok");
    assert_eq!(by_name("bad")["status"], "not_connected");
    assert_eq!(by_name("bad")["result"], "rejected");
    assert!(
        by_name("bad")["reason"]
            .as_str()
            .unwrap()
            .contains("HTTP 401")
    );

    // The result is stored: list shows it without checking again.
    let list = env
        .run(&["connections", "list", "--status", "not-connected", "--json"])
        .success();
    assert_eq!(list.json()[0]["name"], "bad");
    assert_eq!(list.json()[0]["last_check"]["result"], "rejected");
    assert_eq!(app.hits(), before + 2);
}

#[test]
fn status_prints_the_fix_for_each_not_connected_one() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme_with("bad", "nope", &["--no-verify"]).success();
    let run = env.run(&["connections", "status"]).code(5);
    assert!(run.stdout.contains("Not Connected"), "{run:?}");
    assert!(
        run.stderr
            .contains("fourgent connections reauthorize acme/bad"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("1 of 1 connections is Not Connected"),
        "{run:?}"
    );
}

#[test]
fn status_offline_checks_only_the_secret() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "good");
    let hits = app.hits();
    let run = env
        .run(&["connections", "status", "--offline", "--json"])
        .success();
    assert_eq!(run.json()[0]["result"], "secret_present");
    assert_eq!(app.hits(), hits);
}

#[test]
fn status_finds_a_missing_secret() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "good");
    std::fs::write(
        env.config_dir().join("secrets.toml"),
        "version = 1\n[secrets]\n",
    )
    .unwrap();
    let run = env.run(&["connections", "status", "a", "--json"]).code(5);
    assert_eq!(run.json()[0]["result"], "missing_secret");
}

#[test]
fn status_keeps_the_stored_status_when_the_app_is_down() {
    let up = Arc::new(AtomicBool::new(true));
    let flag = up.clone();
    let app = FakeApp::start(move |_| {
        if flag.load(Ordering::SeqCst) {
            Response::json(200, "{}")
        } else {
            Response::json(502, "bad gateway")
        }
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    up.store(false, Ordering::SeqCst);
    let run = env.run(&["connections", "status", "--json"]).code(8);
    assert_eq!(run.json()[0]["status"], "connected");
    assert_eq!(run.json()[0]["result"], "unreachable");
}

#[test]
fn status_runs_checks_concurrently() {
    // Each answer takes 400 ms; eight checks one after another would take
    // 3.2 s. The server records how many were in flight at once.
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let peak = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (f, p) = (in_flight.clone(), peak.clone());
    let app = FakeApp::start(move |_| {
        let now = f.fetch_add(1, Ordering::SeqCst) + 1;
        p.fetch_max(now, Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_millis(400));
        f.fetch_sub(1, Ordering::SeqCst);
        Response::json(200, "{}")
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    for i in 0..8 {
        env.add_acme_with(&format!("c{i}"), "k", &["--no-verify"])
            .success();
    }
    env.run(&["connections", "status", "--jobs", "4"]).success();
    assert_eq!(
        peak.load(Ordering::SeqCst),
        4,
        "--jobs bounds the checks in flight"
    );
}

#[test]
fn status_gives_up_on_a_slow_app_after_its_timeout() {
    let app = FakeApp::start(|_| Response {
        status: 200,
        body: "{}".into(),
        delay: std::time::Duration::from_secs(4),
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme_with("slow", "k", &["--no-verify"]).success();
    let run = env
        .run(&["connections", "status", "--timeout", "1", "--json"])
        .code(8);
    assert_eq!(run.json()[0]["result"], "unreachable");
    assert!(
        run.json()[0]["reason"]
            .as_str()
            .unwrap()
            .contains("did not answer within 1 seconds"),
        "{run:?}"
    );
    assert_eq!(
        run.json()[0]["status"],
        "connected",
        "the stored status is kept"
    );
}

#[test]
fn verbose_shows_each_request_and_vv_its_headers_without_secrets() {
    let app = FakeApp::accepting_key("verbose-key-1");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("v", "verbose-key-1");
    let run = env.run(&["-v", "connections", "status"]).success();
    let line = format!("GET {} -> HTTP 200 in ", app.url("/whoami"));
    assert!(run.stderr.contains(&line), "{run:?}");
    assert!(
        !run.stderr.contains("x-api-key"),
        "headers only at -vv: {run:?}"
    );
    let run = env.run(&["-vv", "connections", "status"]).success();
    assert!(run.stderr.contains("> x-api-key: [redacted]"), "{run:?}");
    assert!(
        run.stderr.contains("< content-type: application/json"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("verbose-key-1"), "{run:?}");
}

#[test]
fn show_speaks_words_and_gives_the_fix() {
    let env = TestEnv::with_file_store();
    std::fs::create_dir_all(env.config_dir()).unwrap();
    std::fs::write(
        env.connections_file(),
        "version = 1\n\n[[connections]]\nid = \"c_abcdefgh\"\nname = \"prod\"\napp = \"stripe\"\nauth = \"custom\"\nstatus = \"not_connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\n\n[connections.last_check]\nat = \"2026-01-01T00:00:00Z\"\nresult = \"rejected\"\nreason = \"Stripe rejected the credentials (HTTP 401)\"\n",
    )
    .unwrap();
    let run = env.run(&["connections", "show", "stripe/prod"]).success();
    assert!(
        run.stdout.contains("rejected by the app, ")
            && run
                .stdout
                .contains("Fix         fourgent connections reauthorize stripe/prod")
            && !run.stdout.contains("rejected at"),
        "{run:?}"
    );
}
