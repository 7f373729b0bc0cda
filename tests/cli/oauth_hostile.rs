//! The OAuth2 flow among hostile neighbours: a program squatting the
//! listener's port on ::1, a forged callback naming another issuer, a
//! connectors.toml that tries to steer the authorization request, and a
//! browser command that must get the URL and nothing secret.

use std::path::{Path, PathBuf};

use crate::common::oauth_server::{self, Server};
use crate::common::{FakeApp, Response, TestEnv, shell_quote};

/// Prints the callback address (`redirect_uri`) and `state` of the
/// authorization URL given as the last argument, on one line.
const PARSE_URL: &str = r#"read -r cb state < <(python3 -c '
import sys, urllib.parse as u
q = u.parse_qs(u.urlparse(sys.argv[1]).query)
print(q["redirect_uri"][0], q["state"][0])' "${!#}")
port="${cb##*:}"; port="${port%%/*}"
"#;

/// An executable bash script `name` in a directory with a space in its name.
fn script(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let dir = env.root().join("my browser");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    crate::common::write_script(&path, &format!("#!/usr/bin/env bash\nset -u\n{body}"));
    path
}

/// An app `loop` whose redirect host is `localhost` and whose token endpoint
/// is `token`; its authorization endpoint is never visited (the tests'
/// browsers go straight to the callback).
fn loop_app(env: &TestEnv, token: &FakeApp, extra: &str) {
    env.write_connectors(&format!(
        r#"
[connectors.loop]
name = "Loop"
auth = "oauth2"
authorize_url = "http://127.0.0.1:9/authorize"
token_url = "{}"
scopes = ["read"]
client_id = "loop-client"
redirect_host = "localhost"
{extra}"#,
        token.url("/token")
    ));
}

fn token_endpoint() -> FakeApp {
    FakeApp::start(|_| {
        Response::json(
            200,
            r#"{"access_token":"loop-access","token_type":"Bearer","expires_in":3600}"#,
        )
    })
}

fn ipv6_squatter() -> std::net::TcpListener {
    std::net::TcpListener::bind("[::1]:0")
        .expect("these tests need an IPv6 loopback address (::1) to squat on")
}

/// A squatter on a port of `::1` that is free on `127.0.0.1` (as far as
/// anyone can tell a moment before use): other tests' connections use
/// ephemeral ports on `127.0.0.1` too, and one of those would make the
/// refusal name `127.0.0.1` instead.
fn ipv6_only_squatter() -> std::net::TcpListener {
    for _ in 0..50 {
        let squatter = ipv6_squatter();
        let port = squatter.local_addr().unwrap().port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return squatter;
        }
    }
    panic!("no port of ::1 was free on 127.0.0.1 in 50 tries");
}

#[test]
fn a_port_taken_on_ipv6_is_refused_for_localhost_apps() {
    let env = TestEnv::with_file_store();
    let token = token_endpoint();
    loop_app(&env, &token, "");
    let squatter = ipv6_only_squatter();
    squatter.set_nonblocking(true).unwrap();
    let port = squatter.local_addr().unwrap().port().to_string();
    let run = env
        .run(&[
            "connections",
            "add",
            "loop",
            "--name",
            "x",
            "--port",
            &port,
            "--timeout",
            "5",
        ])
        .code(2);
    insta::assert_snapshot!(run.snapshot(&env).replace(&port, "[PORT]"), @r"
    exit_code: 2
    ----- stdout -----
    ----- stderr -----
    error: port [PORT] on [::1] is in use

    hint: stop what uses port [PORT], or pass another `--port` (the app must accept that redirect URI too)
    ");
    assert!(
        squatter.accept().is_err(),
        "nothing was sent to the squatter"
    );
    assert_eq!(token.hits(), 0);
    assert!(!env.connections_file().exists());
}

#[test]
fn the_callback_reaches_fourgent_over_ipv6_and_ipv4() {
    // Keep ::1 known to work here, so that a failure below is fourgent's.
    drop(ipv6_squatter());
    for (host, code) in [("[::1]", "code-via-v6"), ("127.0.0.1", "code-via-v4")] {
        let mut env = TestEnv::with_file_store();
        let token = token_endpoint();
        loop_app(&env, &token, "");
        let browser = script(
            &env,
            "open",
            &format!(
                "{PARSE_URL}curl -g -s -o /dev/null 'http://{host}:'\"$port\"'/callback?code={code}&state='\"$state\"\n"
            ),
        );
        env.set("BROWSER", &shell_quote(browser.to_str().unwrap()));
        let conn = env
            .run(&[
                "connections",
                "add",
                "loop",
                "--name",
                "x",
                "--timeout",
                "60",
                "--json",
            ])
            .success()
            .json();
        assert_eq!(conn["status"], "connected", "{host}");
        let requests = token.requests();
        assert_eq!(requests.len(), 1, "{host}");
        assert!(
            requests[0].body.contains(&format!("code={code}"))
                && requests[0]
                    .body
                    .contains("redirect_uri=http%3A%2F%2Flocalhost%3A"),
            "{host}: {}",
            requests[0].body
        );
    }
}

/// A `$BROWSER` that records its argv (one argument a line) and its
/// environment, then sends the app's refusal to the callback so that
/// fourgent ends at once.
fn recording_browser(env: &TestEnv) -> PathBuf {
    let record = env.root().join("record");
    script(
        env,
        "record me",
        &format!(
            "printf '%s\\n' \"$0\" \"$@\" > {argv}\ncat /proc/$$/environ > {environ}\n{PARSE_URL}curl -s -o /dev/null \"$cb?state=$state&error=access_denied\"\n",
            argv = shell_quote(record.with_extension("argv").to_str().unwrap()),
            environ = shell_quote(record.with_extension("environ").to_str().unwrap()),
        ),
    )
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

#[test]
fn the_browser_gets_the_url_and_no_secret() {
    let mut env = TestEnv::with_file_store();
    let token = token_endpoint();
    loop_app(
        &env,
        &token,
        r#"
[[connectors.loop.fields]]
key = "signing_key"
label = "Signing key"
secret = true
header = "X-Signing-Key"
"#,
    );
    let browser = recording_browser(&env);
    // A command that cannot start, then ours with an option and `%s`.
    env.set(
        "BROWSER",
        &format!(
            "/nonexistent/browser:{} --new-window %s",
            shell_quote(browser.to_str().unwrap())
        ),
    );
    let canaries = [
        ("FOURGENT_LOOP_CLIENT_SECRET", "client-secret-canary-71"),
        ("FOURGENT_STORE_KEY", "store-key-canary-72"),
        ("LOOP_SIGNING_KEY", "signing-key-canary-73"),
    ];
    for (var, value) in canaries {
        env.set(var, value);
    }
    let run = env
        .run(&[
            "connections",
            "add",
            "loop",
            "--name",
            "x",
            "--secret-env",
            "signing_key=LOOP_SIGNING_KEY",
            "--timeout",
            "60",
        ])
        .code(4);
    assert!(run.stderr.contains("access_denied"), "{run:?}");
    let url = run
        .stderr
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("http://127.0.0.1:9/authorize?"))
        .unwrap_or_else(|| panic!("the URL is printed:\n{run:?}"))
        .to_owned();

    let argv: Vec<String> = read(&env.root().join("record.argv"))
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        argv,
        [browser.to_str().unwrap(), "--new-window", url.as_str()],
        "the browser's argv"
    );
    let environ = read(&env.root().join("record.environ"));
    let names: Vec<&str> = environ
        .split('\0')
        .filter_map(|kv| kv.split_once('=').map(|(k, _)| k))
        .collect();
    assert!(
        names.contains(&"PATH") && names.contains(&"HOME"),
        "{names:?}"
    );
    for (var, value) in canaries {
        assert!(
            !environ.contains(value) && !names.contains(&var),
            "{var} reached the browser: {names:?}"
        );
    }
    assert!(
        names.iter().all(|n| !n.starts_with("FOURGENT_")),
        "{names:?}"
    );
    assert_eq!(token.hits(), 0);
}

#[test]
fn authorize_params_cannot_set_what_fourgent_sets() {
    let env = TestEnv::with_file_store();
    env.write_connectors(
        r#"
[connectors.steer]
name = "Steer"
auth = "oauth2"
authorize_url = "https://idp.example/auth"
token_url = "https://idp.example/token"
client_id = "c"
authorize_params = { prompt = "consent", redirect_uri = "https://evil.example/cb" }
"#,
    );
    let run = env.run(&["connectors", "list"]).code(7);
    insta::assert_snapshot!(run.snapshot(&env), @r"
    exit_code: 7
    ----- stdout -----
    ----- stderr -----
    error: [ROOT]/config/connectors.toml line 2: [connectors.steer] `authorize_params` may not set `redirect_uri`: fourgent sets it on every authorization

    hint: fix the entry; `docs/connectors.md` describes every key
    ");
    let add = env
        .run(&["connections", "add", "steer", "--name", "x"])
        .code(7);
    assert_eq!(add.stderr, run.stderr);
}

/// A `$BROWSER` that first sends `forged` (a query string after our
/// callback's `state=…&`), then runs `then`.
fn forging_browser(env: &TestEnv, forged: &str, then: &str) -> PathBuf {
    script(
        env,
        "forge",
        &format!("{PARSE_URL}curl -s -o /dev/null \"$cb?state=$state&{forged}\"\n{then}\n"),
    )
}

fn issuer_env(server: &Server, issuer: &str) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    env.write_connectors(&format!(
        "{}issuer = \"{issuer}\"\n",
        server.connectors_toml("fourgent-public", "body")
    ));
    env
}

fn add_verbose(env: &TestEnv) -> crate::common::Run {
    env.run(&[
        "-v",
        "connections",
        "add",
        "idp",
        "--name",
        "x",
        "--timeout",
        "60",
        "--json",
    ])
}

const IGNORED_ISS: &str = "ignored a request to the listener: the issuer (iss) is not the app's";

#[test]
fn a_callback_from_another_issuer_is_ignored_and_the_real_one_accepted() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    // oidc-provider's issuer is its base URL; it sends `iss` (RFC 9207).
    let mut env = issuer_env(server, &server.url(""));
    let real = shell_quote(oauth_server::fixtures().join("browser").to_str().unwrap());
    let browser = forging_browser(
        &env,
        "code=forged&iss=https%3A%2F%2Fevil.example",
        &format!("exec {real} \"${{!#}}\""),
    );
    env.set("BROWSER", &shell_quote(browser.to_str().unwrap()));
    let run = add_verbose(&env).success();
    assert!(run.stderr.contains(IGNORED_ISS), "{run:?}");
    assert_eq!(run.json()["status"], "connected");
    let shown = env.run(&["connectors", "show", "idp"]).success();
    let issuer_line = format!(
        "{} (a redirect naming another issuer is refused)",
        server.url("")
    );
    assert!(
        shown
            .stdout
            .lines()
            .any(|l| l.starts_with("Issuer ") && l.ends_with(&issuer_line)),
        "{shown:?}"
    );
}

#[test]
fn the_real_servers_callback_is_ignored_when_the_issuer_differs() {
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    let configured = server.url("/another-issuer");
    let mut env = issuer_env(server, &configured);
    // The real browser runs to the end first (its callback, with the
    // server's own `iss`, is ignored); then a refusal naming the configured
    // issuer ends the wait.
    let browser = script(
        &env,
        "forge",
        &format!(
            "{PARSE_URL}node {} \"${{!#}}\" >/dev/null 2>&1\ncurl -s -o /dev/null \"$cb?state=$state&error=access_denied&iss={}\"\n",
            shell_quote(
                oauth_server::fixtures()
                    .join("browser.mjs")
                    .to_str()
                    .unwrap()
            ),
            configured.replace(':', "%3A").replace('/', "%2F"),
        ),
    );
    env.set("BROWSER", &shell_quote(browser.to_str().unwrap()));
    let run = add_verbose(&env).code(4);
    assert!(run.stderr.contains(IGNORED_ISS), "{run:?}");
    assert!(
        run.stderr
            .contains("Test IdP refused the authorization: access_denied"),
        "{run:?}"
    );
    assert!(!env.connections_file().exists());
}
