//! The refresh transaction against the real authorization server, whose
//! refresh tokens rotate (a replayed one revokes the whole grant): Ctrl-C or
//! SIGTERM at any point of a refresh never burns the connection.

use std::os::unix::process::ExitStatusExt;
use std::process::Child;
use std::time::Duration;

use crate::common::oauth_server::{self, Server, add_idp};
use crate::common::{self, TestEnv, iterations};

fn env_for(server: &Server) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    env
}

/// Makes the stored access token look expired, so the next `token` must
/// refresh (the server still has it; it is fourgent that decides).
fn make_due(env: &TestEnv) {
    let path = env.config_dir().join("secrets.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let re = regex::Regex::new(r#""expires_at":"[^"]*""#).unwrap();
    assert!(re.is_match(&text), "secrets.toml holds an expiry:\n{text}");
    let due = re.replace_all(&text, r#""expires_at":"2001-01-01T00:00:00Z""#);
    std::fs::write(&path, due.as_bytes()).unwrap();
}

fn spawn_token(env: &TestEnv, name: &str) -> Child {
    common::spawn(&mut env.command(&["connections", "token", name]))
}

fn send(child: &Child, signal: &str) {
    // `kill` fails only when the process has already ended: fine.
    let _ = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status();
}

fn refreshes(server: &Server) -> u64 {
    server.stats()["refresh_token"].as_u64().unwrap()
}

#[test]
fn signals_during_a_refresh_never_burn_the_connection() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(3600);
    let env = env_for(&server);
    add_idp(&env, "r");

    // How long a refresh takes here, to spread the signals across it.
    make_due(&env);
    let started = std::time::Instant::now();
    let run = env.run(&["connections", "token", "r"]).success();
    let span = started.elapsed().max(Duration::from_millis(20));
    assert_eq!(server.whoami(run.stdout.trim()), 200);

    let total = iterations(16, 80);
    let mut landed = 0;
    for i in 0..total {
        make_due(&env);
        let before = refreshes(&server);
        let child = spawn_token(&env, "r");
        if i % 4 < 2 {
            // The worst moment: the app has just rotated the refresh token,
            // and fourgent has not stored the new one yet.
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while refreshes(&server) == before && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
        } else {
            // From "just started" to "about done", over the iterations.
            std::thread::sleep(span.mul_f64(i as f64 / total as f64));
        }
        let (signal, number) = if i % 2 == 0 {
            ("-INT", 2)
        } else {
            ("-TERM", 15)
        };
        send(&child, signal);
        let out = child.wait_with_output().unwrap();
        let refreshed = refreshes(&server) > before;
        let killed = out.status.signal() == Some(number);
        if refreshed && killed {
            // The signal came after the request went out: it waited until
            // the new tokens were stored, then ended the process as usual.
            landed += 1;
        }
        // A process the signal reached only after it printed (it was about
        // to exit anyway) printed a token that works.
        let printed = String::from_utf8_lossy(&out.stdout);
        if !printed.trim().is_empty() {
            assert_eq!(server.whoami(printed.trim()), 200, "iteration {i}");
        }
        // Whatever the moment, the connection still refreshes.
        make_due(&env);
        let run = env.run(&["connections", "token", "r"]);
        assert_eq!(
            run.code, 0,
            "iteration {i} ({signal}) burnt the connection: {run:?}"
        );
        assert_eq!(server.whoami(run.stdout.trim()), 200);
    }
    // The loop must have hit refreshes in flight, not only processes that
    // had not started or had finished.
    assert!(
        landed >= total / 4,
        "only {landed} of {total} signals arrived during a refresh"
    );
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    assert_eq!(listed[0]["status"], "connected");
}

#[test]
fn a_held_metadata_lock_does_not_delay_storing_new_tokens() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(3600);
    let env = env_for(&server);
    add_idp(&env, "m");
    make_due(&env);
    let secrets_before = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    // Another process holds connections.toml's lock (flock, as fourgent's).
    let lock_path = env.config_dir().join("connections.toml.lock");
    let mut holder = std::process::Command::new("flock")
        .arg(&lock_path)
        .args(["sleep", "30"])
        .spawn()
        .expect("flock");
    std::thread::sleep(Duration::from_millis(300));
    let before = refreshes(&server);
    let child = spawn_token(&env, "m");
    // Wait until the app has issued new tokens, then until they are stored.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while refreshes(&server) == before {
        assert!(std::time::Instant::now() < deadline, "no refresh happened");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stored = false;
    while std::time::Instant::now() < deadline {
        let now = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
        if now != secrets_before {
            stored = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        stored,
        "the new tokens were not stored while the metadata lock was held"
    );
    // Killing it now (before it can update the metadata) loses nothing.
    send(&child, "-KILL");
    let _ = child.wait_with_output();
    let _ = holder.kill();
    let _ = holder.wait();
    make_due(&env);
    let run = env.run(&["connections", "token", "m"]).success();
    assert_eq!(server.whoami(run.stdout.trim()), 200);
}
