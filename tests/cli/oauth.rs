//! OAuth2 end to end: the real binary, a real authorization server
//! (oidc-provider) and a real headless browser (chromium) as `$BROWSER`.

use std::time::Duration;

use crate::common::oauth_server::{self, CLIENT_SECRET, Server};
use crate::common::{FakeApp, Response, TestEnv, keychain_lookup, keyring_available};

fn env_for(server: &Server, client: &str, token_auth: &str) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, client, token_auth);
    env
}

fn add(env: &TestEnv, name: &str) -> serde_json::Value {
    env.run(&[
        "connections",
        "add",
        "idp",
        "--name",
        name,
        "--timeout",
        "60",
        "--json",
    ])
    .success()
    .json()
}

fn token(env: &TestEnv, name: &str) -> String {
    env.run(&["connections", "token", name])
        .success()
        .stdout
        .trim()
        .to_owned()
}

#[test]
fn add_oauth2_stores_tokens_and_prints_id() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    let env = env_for(server, "fourgent-public", "body");
    let conn = add(&env, "dev");
    assert_eq!(conn["auth"], "oauth2");
    assert_eq!(conn["status"], "connected");
    assert_eq!(conn["account"], "fourgent-user");
    assert_eq!(conn["scopes"], serde_json::json!(["read"]));
    assert!(conn["expires_at"].is_string());
    assert_eq!(conn["last_check"]["result"], "ok");
    // The token works at the app, and no token is in the metadata.
    let access = token(&env, "dev");
    assert_eq!(server.whoami(&access), 200);
    assert!(!env.read_connections().contains(&access));
    // The browser was given the URL, with PKCE and state, and nothing secret.
    let argv = std::fs::read_to_string(env.root().join("browser-argv.log")).unwrap();
    assert!(
        argv.contains("code_challenge_method=S256") && argv.contains("state="),
        "{argv}"
    );
}

#[test]
fn add_with_a_confidential_client_uses_its_secret_and_keeps_it_off_argv() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    for (client, auth) in [("fourgent-basic", "basic"), ("fourgent-post", "body")] {
        let mut env = env_for(server, client, auth);
        env.set("FOURGENT_IDP_CLIENT_SECRET", CLIENT_SECRET);
        let conn = add(&env, "c");
        assert_eq!(conn["status"], "connected", "{client}");
        let argv = std::fs::read_to_string(env.root().join("browser-argv.log")).unwrap();
        assert!(
            !argv.contains(CLIENT_SECRET),
            "client secret on the browser's argv"
        );
        for file in ["connections.toml", "connectors.toml"] {
            let text = std::fs::read_to_string(env.config_dir().join(file)).unwrap();
            assert!(!text.contains(CLIENT_SECRET), "client secret in {file}");
        }
    }
}

#[test]
fn client_secret_from_set_secret_in_the_keychain() {
    if !oauth_server::available() || !keyring_available() {
        return;
    }
    let server = Server::shared();
    let mut env = TestEnv::new();
    server.configure(&mut env, "fourgent-basic", "basic");
    // No secret yet: the token endpoint refuses the client.
    env.run_with_stdin(&["connectors", "set-secret", "idp"], Some(CLIENT_SECRET))
        .success();
    assert!(keychain_lookup("client-secret:idp").is_some());
    let conn = add(&env, "kc");
    let id = conn["id"].as_str().unwrap();
    assert!(keychain_lookup(id).is_some(), "tokens are in the keychain");
    assert!(!env.config_dir().join("secrets.toml").exists());
    env.run(&["connectors", "set-secret", "idp", "--delete"])
        .success();
    assert!(keychain_lookup("client-secret:idp").is_none());
}

#[test]
fn denied_consent_is_reported_and_saves_nothing() {
    if !oauth_server::available() {
        return;
    }
    let mut env = env_for(Server::shared(), "fourgent-public", "body");
    env.set("FOURGENT_TEST_BROWSER_ACTION", "deny");
    let run = env
        .run(&[
            "connections",
            "add",
            "idp",
            "--name",
            "x",
            "--timeout",
            "60",
        ])
        .code(4);
    assert!(
        run.stderr
            .contains("Test IdP refused the authorization: access_denied"),
        "{run:?}"
    );
    assert!(run.stderr.contains("approve access"), "{run:?}");
    assert!(!env.connections_file().exists());
    assert!(!env.config_dir().join("secrets.toml").exists());
}

#[test]
fn no_callback_times_out_and_saves_nothing() {
    if !oauth_server::available() {
        return;
    }
    let mut env = env_for(Server::shared(), "fourgent-public", "body");
    env.set("BROWSER", "true"); // a browser that never comes back
    let run = env
        .run(&["connections", "add", "idp", "--name", "x", "--timeout", "2"])
        .code(9);
    assert!(
        run.stderr
            .contains("no authorization arrived within 2 seconds")
            && run.stderr.contains("--no-browser")
            && !run.stderr.contains("rejected"),
        "{run:?}"
    );
    // The URL is always printed, for opening elsewhere.
    assert!(run.stderr.contains("/auth?response_type=code"), "{run:?}");
    assert!(!env.connections_file().exists());
}

#[test]
fn no_browser_prints_the_url_and_opens_nothing() {
    if !oauth_server::available() {
        return;
    }
    let env = env_for(Server::shared(), "fourgent-public", "body");
    let run = env
        .run(&[
            "connections",
            "add",
            "idp",
            "--name",
            "x",
            "--no-browser",
            "--timeout",
            "1",
        ])
        .code(9);
    assert!(run.stderr.contains("code_challenge="), "{run:?}");
    // It was given: the hint does not suggest it again.
    assert!(!run.stderr.contains("pass `--no-browser`"), "{run:?}");
    assert!(
        !env.root().join("browser-argv.log").exists(),
        "a browser was started"
    );
}

#[test]
fn stray_and_wrong_state_requests_do_not_end_the_wait() {
    if !oauth_server::available() {
        return;
    }
    let mut env = env_for(Server::shared(), "fourgent-public", "body");
    // A $BROWSER that first sends a stray request, a wrong state and a
    // callback without a code to the listener, then starts the real browser.
    let script = env.root().join("noisy-browser");
    crate::common::write_script(
        &script,
        &format!(
            r#"#!/usr/bin/env bash
url="${{!#}}"
cb=$(python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlparse(sys.argv[1]).query); print(q["redirect_uri"][0])' "$url")
curl -s -o /dev/null "${{cb%/callback}}/favicon.ico"
curl -s -o /dev/null "$cb?code=forged&state=wrong"
curl -s -o /dev/null "$cb?state=wrong&error=access_denied"
exec {} "$url"
"#,
            oauth_server::fixtures().join("browser").display()
        ),
    );
    env.set("BROWSER", script.to_str().unwrap());
    let run = env
        .run(&[
            "connections",
            "add",
            "idp",
            "--name",
            "x",
            "--timeout",
            "60",
            "-v",
        ])
        .success();
    assert!(
        run.stderr
            .contains("ignored a request to the listener: a request was for another path"),
        "{run:?}"
    );
    assert!(run.stderr.contains("the state does not match"), "{run:?}");
}

#[test]
fn refresh_after_expiry_rotates_and_stores_the_new_refresh_token() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(4);
    let env = env_for(&server, "fourgent-public", "body");
    add(&env, "r");
    let first = token(&env, "r");
    assert_eq!(
        server.stats()["refresh_token"],
        0,
        "a fresh token is not refreshed"
    );
    std::thread::sleep(Duration::from_secs(4));
    let second = token(&env, "r");
    assert_ne!(first, second);
    assert_eq!(server.stats()["refresh_token"], 1);
    assert_eq!(server.whoami(&second), 200);
    // The rotated refresh token was stored: a second refresh works too
    // (replaying the old one would be refused and revoke the grant).
    std::thread::sleep(Duration::from_secs(4));
    let third = token(&env, "r");
    assert_eq!(server.stats()["refresh_token"], 2);
    assert_eq!(server.whoami(&third), 200);
    let shown = env
        .run(&["connections", "show", "r", "--json"])
        .success()
        .json();
    assert_eq!(shown["status"], "connected");
}

#[test]
fn two_processes_refreshing_at_once_refresh_once() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(4);
    let env = env_for(&server, "fourgent-public", "body");
    add(&env, "r");
    std::thread::sleep(Duration::from_secs(4));
    let children: Vec<_> = (0..8)
        .map(|_| {
            env.command(&["connections", "token", "r"])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let tokens: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap().trim().to_owned()
        })
        .collect();
    assert_eq!(
        server.stats()["refresh_token"],
        1,
        "exactly one process refreshed"
    );
    assert!(
        tokens.iter().all(|t| t == &tokens[0]),
        "all print the one new token"
    );
    assert_eq!(server.whoami(&tokens[0]), 200);
}

#[test]
fn a_refused_refresh_marks_the_connection_not_connected() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(3);
    let env = env_for(&server, "fourgent-public", "body");
    add(&env, "r");
    // Revoking the access token ends the whole grant at this server.
    let access = token(&env, "r");
    let revoked = std::process::Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-d",
            &format!("token={access}"),
            "-d",
            "client_id=fourgent-public",
        ])
        .arg(server.url("/token/revocation"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&revoked.stdout), "200");
    std::thread::sleep(Duration::from_secs(3));
    let run = env.run(&["connections", "status", "--json"]).code(5);
    let item = &run.json()[0];
    assert_eq!(item["status"], "not_connected");
    assert_eq!(item["result"], "expired");
    assert!(
        item["reason"].as_str().unwrap().contains("invalid_grant"),
        "{run:?}"
    );
    // token fails closed: exit 5, the reason, and the fix; nothing on stdout.
    let run = env.run(&["connections", "token", "r"]).code(5);
    assert!(
        run.stderr
            .contains("fourgent connections reauthorize idp/r")
            && run.stderr.contains("invalid_grant")
            && run.stdout.is_empty(),
        "{run:?}"
    );
}

#[test]
fn reauthorize_keeps_the_id_and_gets_new_tokens() {
    if !oauth_server::available() {
        return;
    }
    let env = env_for(Server::shared(), "fourgent-public", "body");
    let conn = add(&env, "dev");
    let before = token(&env, "dev");
    let again = env
        .run(&[
            "connections",
            "reauthorize",
            "dev",
            "--timeout",
            "60",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(again["id"], conn["id"]);
    assert_eq!(again["name"], "dev");
    assert_ne!(token(&env, "dev"), before);
}

#[test]
fn delete_revokes_the_tokens_at_the_app() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    let env = env_for(server, "fourgent-public", "body");
    add(&env, "gone");
    let access = token(&env, "gone");
    assert_eq!(server.whoami(&access), 200);
    let run = env
        .run(&["connections", "delete", "gone", "--yes"])
        .success();
    assert!(
        run.stderr.contains("Revoked the token of idp/gone"),
        "{run:?}"
    );
    assert_eq!(
        server.whoami(&access),
        401,
        "the app no longer accepts the token"
    );
}

#[test]
fn delete_no_revoke_leaves_the_token_valid() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    let env = env_for(server, "fourgent-public", "body");
    add(&env, "kept");
    let access = token(&env, "kept");
    env.run(&["connections", "delete", "kept", "--yes", "--no-revoke"])
        .success();
    assert_eq!(server.whoami(&access), 200);
}

/// Forgets a recorded refresh failure, as if its cooldown had run out.
fn clear_cooldown(env: &TestEnv) {
    let path = env.config_dir().join("connections.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.starts_with("refresh_failures") && !l.starts_with("refresh_retry_at"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, kept).unwrap();
}

#[test]
fn token_endpoint_failures_keep_the_stored_token() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(3);
    let mut env = env_for(&server, "fourgent-public", "body");
    add(&env, "r");
    std::thread::sleep(Duration::from_secs(3));
    let stored = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    for (status, body, expect) in [
        (500, "oops", "token endpoint"),
        (200, "{not json", "not a token response"),
    ] {
        let fake = FakeApp::start(move |_| Response::json(status, body));
        env.write_connectors(
            &server
                .connectors_toml("fourgent-public", "body")
                .replace(&server.url("/token\""), &fake.url("/token\"")),
        );
        clear_cooldown(&env);
        let run = env.run(&["connections", "token", "r"]).code(8);
        assert!(run.stderr.contains(expect), "{run:?}");
        assert_eq!(fake.hits(), 1);
        assert_eq!(
            std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap(),
            stored
        );
        // The failure starts a cooldown: the next call does not ask the
        // app again, and says when it will.
        let run = env.run(&["connections", "token", "r"]).code(8);
        assert!(
            run.stderr.contains("not asked again before") && run.stderr.contains(expect),
            "{run:?}"
        );
        assert_eq!(fake.hits(), 1, "no request during the cooldown");
    }
    clear_cooldown(&env);
    let slow = FakeApp::start(|_| Response {
        status: 200,
        body: "{}".into(),
        delay: Duration::from_secs(5),
    });
    env.set("FOURGENT_HTTP_TIMEOUT", "1");
    env.write_connectors(
        &server
            .connectors_toml("fourgent-public", "body")
            .replace(&server.url("/token\""), &slow.url("/token\"")),
    );
    let run = env.run(&["connections", "token", "r"]).code(8);
    assert!(run.stderr.contains("did not answer in time"), "{run:?}");
    // The request went out: the app may have rotated the refresh token,
    // and fourgent says so rather than promising the stored one works.
    assert!(
        run.stderr.contains("may have rotated the refresh token")
            && !run.stderr.contains("stored token was kept"),
        "{run:?}"
    );
    // Back to the real endpoint: the stored refresh token still works.
    clear_cooldown(&env);
    env.write_connectors(&server.connectors_toml("fourgent-public", "body"));
    env.remove("FOURGENT_HTTP_TIMEOUT");
    let fresh = token(&env, "r");
    assert_eq!(server.whoami(&fresh), 200);
}

#[test]
fn oauth_tokens_and_client_secret_never_leak() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::start(3);
    let mut env = env_for(&server, "fourgent-basic", "basic");
    env.set("FOURGENT_IDP_CLIENT_SECRET", CLIENT_SECRET);
    let mut outputs = Vec::new();
    let run = env
        .run(&[
            "-vv",
            "connections",
            "add",
            "idp",
            "--name",
            "l",
            "--timeout",
            "60",
            "--json",
        ])
        .success();
    outputs.push(run.stdout + &run.stderr);
    let stored: serde_json::Value = {
        let text = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        let json = table["secrets"]
            .as_table()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned();
        serde_json::from_str(&json).unwrap()
    };
    let mut canaries = vec![
        CLIENT_SECRET.to_owned(),
        stored["token"]["access_token"].as_str().unwrap().to_owned(),
        stored["token"]["refresh_token"]
            .as_str()
            .unwrap()
            .to_owned(),
    ];
    std::thread::sleep(Duration::from_secs(3)); // due: the next commands refresh
    for args in [
        vec!["-vv", "connections", "status", "--json"],
        vec!["-vv", "connections", "list"],
        vec!["-vv", "connections", "show", "l", "--json"],
        vec!["-vv", "connectors", "show", "idp"],
    ] {
        let run = env.run(&args);
        outputs.push(run.stdout + &run.stderr);
    }
    let run = env.run(&["-vv", "connections", "token", "l"]).success();
    canaries.push(run.stdout.trim().to_owned());
    outputs.push(run.stderr);
    let run = env
        .run(&["-vv", "connections", "delete", "l", "--yes"])
        .success();
    outputs.push(run.stdout + &run.stderr);
    outputs.push(std::fs::read_to_string(env.root().join("browser-argv.log")).unwrap());
    outputs.push(env.read_connections());
    for out in &outputs {
        for c in &canaries {
            assert!(!out.contains(c.as_str()), "a secret leaked into:\n{out}");
        }
    }
}
