//! The team store going away in the middle of a refresh: after the app
//! rotated the refresh token and before fourgent stored the new one. The
//! connection's lease in the store outlives the dropped session, so no other
//! machine refreshes with the old refresh token meanwhile, and the new tokens
//! are stored once the store is back.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::oauth_server::{self, Server, add_idp};
use crate::common::postgres::{self, Cluster};
use crate::common::team::new_key;
use crate::common::{self, Run, TestEnv, finish};

/// A TCP proxy to `upstream` that holds back what the server answers
/// while the gate is shut.
struct Gate {
    port: u16,
    open: Arc<AtomicBool>,
}

impl Gate {
    fn start(upstream: u16) -> Gate {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let open = Arc::new(AtomicBool::new(true));
        let gate = open.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let gate = gate.clone();
                std::thread::spawn(move || {
                    let up = TcpStream::connect(("127.0.0.1", upstream)).unwrap();
                    let (mut c_read, mut u_write) =
                        (client.try_clone().unwrap(), up.try_clone().unwrap());
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut c_read, &mut u_write);
                        let _ = u_write.shutdown(std::net::Shutdown::Write);
                    });
                    let (mut u_read, mut c_write) = (up, client);
                    let mut buf = [0u8; 16384];
                    loop {
                        let n = match u_read.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        while !gate.load(Ordering::SeqCst) {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        if c_write.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = c_write.shutdown(std::net::Shutdown::Write);
                });
            }
        });
        Gate { port, open }
    }
}

fn machine(server: &Server, url: &str, key: &str, user: &str) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    env.set("FOURGENT_STORE", url)
        .set("FOURGENT_STORE_KEY", key)
        .set("FOURGENT_STORE_TIMEOUT", "5")
        .set("USER", user);
    env
}

fn make_due(m: &TestEnv, connection: &str) {
    m.run(&["store", "export", connection]).success();
    let path = m.config_dir().join("secrets.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let re = regex::Regex::new(r#"(\\?"expires_at\\?":\\?")[^"\\]*"#).unwrap();
    assert!(re.is_match(&text));
    let due = re.replace_all(&text, "${1}2001-01-01T00:00:00Z");
    std::fs::write(&path, due.as_bytes()).unwrap();
    m.run(&["store", "import", connection]).success();
}

fn run_case(second: bool) {
    if !oauth_server::available() {
        return;
    }
    let Some(_) = postgres::server() else { return };
    let cluster = Cluster::own();
    let db = cluster.server().fresh_database();
    let server = Server::start(3600);
    let key = new_key();
    let url = db.url();
    let alice = machine(&server, &url, &key, "alice");
    alice.run(&["store", "init"]).success();
    let id = add_idp(&alice, "r")["id"].as_str().unwrap().to_owned();
    make_due(&alice, &id);
    // From now on the token endpoint answers through the gate.
    let gate = Gate::start(server.port);
    let bob = machine(&server, &url, &key, "bob");
    let carol = machine(&server, &url, &key, "carol");
    for m in [&bob, &carol] {
        let toml = server.connectors_toml("fourgent-public", "body").replace(
            &server.url("/token\""),
            &format!("http://127.0.0.1:{}/token\"", gate.port),
        );
        assert!(
            toml.contains(&format!("127.0.0.1:{}/token", gate.port)),
            "{toml}"
        );
        m.write_connectors(&toml);
    }
    let refreshes = || server.stats()["refresh_token"].as_u64().unwrap();
    let before = refreshes();
    gate.open.store(false, Ordering::SeqCst);
    let child = common::spawn(&mut bob.command(&["connections", "token", "idp/r"]));
    let deadline = Instant::now() + Duration::from_secs(20);
    while refreshes() == before {
        assert!(Instant::now() < deadline, "no refresh reached the app");
        std::thread::sleep(Duration::from_millis(5));
    }
    // The app rotated the refresh token; the store goes down before
    // fourgent hears the answer.
    cluster.stop();
    let stopped = Instant::now();
    gate.open.store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(700));
    cluster.start();
    let down = stopped.elapsed();
    let other =
        second.then(|| common::spawn(&mut carol.command(&["connections", "token", "idp/r"])));
    let first: Run = finish(child);
    assert_eq!(first.code, 0, "store down for {down:?}: {first:?}");
    if let Some(other) = other {
        let run = finish(other);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(
            run.stdout, first.stdout,
            "both machines print the one new token"
        );
    }
    let events = db.query("SELECT action FROM fourgent.events WHERE action LIKE 'refresh%'");
    assert_eq!(
        refreshes() - before,
        1,
        "one refresh at the app; events: {events:?}"
    );
    assert_eq!(events, vec![vec!["refresh".to_owned()]]);
    // Whatever happened, the connection must still work.
    make_due(&alice, &id);
    let after = alice.run(&["connections", "token", "idp/r"]);
    assert_eq!(after.code, 0, "the connection was burnt: {after:?}");
    assert_eq!(server.whoami(after.stdout.trim()), 200);
}

#[test]
fn a_refresh_whose_store_goes_away_stores_its_tokens_when_it_is_back() {
    run_case(false);
}

#[test]
fn another_machine_waits_for_a_refresh_whose_store_went_away() {
    run_case(true);
}
