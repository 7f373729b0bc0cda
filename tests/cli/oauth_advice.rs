//! OAuth problems found before the browser opens, and advice for each
//! error code the app may send back.

use crate::common::{FakeApp, Response, TestEnv};

/// An OAuth2 app whose endpoints are `app`; `extra` adds keys.
fn connector(app: &FakeApp, extra: &str) -> String {
    format!(
        r#"
[connectors.fake]
name = "Fake"
auth = "oauth2"
authorize_url = "{auth}"
token_url = "{token}"
scopes = ["read"]
client_id = "fake-client"
{extra}
"#,
        auth = app.url("/auth"),
        token = app.url("/token"),
    )
}

fn add(env: &TestEnv, extra: &[&str]) -> crate::common::Run {
    let mut args = vec![
        "connections",
        "add",
        "fake",
        "--name",
        "x",
        "--no-browser",
        "--timeout",
        "20",
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

#[test]
fn an_exact_redirect_without_a_port_fails_before_the_browser() {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::with_file_store();
    env.write_connectors(&connector(&app, "redirect_rule = \"exact\""));
    let run = add(&env, &[]).code(2);
    assert!(
        run.stderr.contains("only the exact redirect URI")
            && run.stderr.contains("redirect_port = PORT")
            && run.stderr.contains("--port PORT"),
        "{run:?}"
    );
    assert!(
        !run.stderr.contains("/auth?"),
        "no address was offered: {run:?}"
    );
    assert_eq!(app.hits(), 0);
    assert!(!env.connections_file().exists());
}

#[test]
fn a_confidential_client_without_a_secret_fails_before_the_browser() {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::with_file_store();
    env.write_connectors(&connector(&app, "token_auth = \"basic\""));
    let run = add(&env, &[]).code(2);
    assert!(
        run.stderr.contains("needs its OAuth client secret")
            && run.stderr.contains("fourgent connectors set-secret fake")
            && run.stderr.contains("FOURGENT_FAKE_CLIENT_SECRET"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("/auth?"), "{run:?}");
    assert_eq!(app.hits(), 0);
}

/// Runs the flow up to the callback, which the test sends itself with
/// `query`, and returns the finished run.
fn callback(env: &TestEnv, query: &str) -> crate::common::Run {
    let mut child = env
        .command(&[
            "connections",
            "add",
            "fake",
            "--name",
            "x",
            "--no-browser",
            "--timeout",
            "20",
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The printed address carries the redirect URI and the state.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let url = loop {
        let mut line = String::new();
        let n = std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
        assert!(n > 0, "no address printed: {seen}");
        seen.push_str(&line);
        if let Some(u) = line.trim().strip_prefix("http") {
            break format!("http{u}");
        }
    };
    let url = url::Url::parse(&url).unwrap();
    let param = |k: &str| {
        url.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    let target = format!("{}?state={}&{query}", param("redirect_uri"), param("state"));
    let status = std::process::Command::new("curl")
        .args(["-s", "-o", "/dev/null", &target])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    crate::common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: seen + &rest,
    }
}

#[test]
fn each_oauth_error_code_gets_its_own_advice() {
    let app = FakeApp::start(|req| {
        // The code exchange: the test picks the error by the code it sent.
        // (The code itself is a secret fourgent redacts: it only carries
        // the error's name between `code-` and `-9f`.)
        let error = req
            .body
            .split('&')
            .find_map(|kv| kv.strip_prefix("code=code-"))
            .and_then(|c| c.strip_suffix("-9f"))
            .unwrap_or("invalid_request")
            .to_owned();
        Response::json(400, &format!(r#"{{"error":"{error}"}}"#))
    });
    let env = TestEnv::with_file_store();
    env.write_connectors(&connector(&app, ""));
    let cases = [
        ("error=access_denied", 4, "approve access"),
        ("error=invalid_scope", 4, "scopes the app allows (read)"),
        (
            "error=invalid_request&error_description=redirect_uri%20mismatch",
            4,
            "register the redirect URI http://127.0.0.1",
        ),
        (
            "code=code-invalid_client-9f",
            4,
            "does not accept the client ID or secret",
        ),
        (
            "code=code-invalid_grant-9f",
            4,
            "expired or was already used",
        ),
    ];
    for (query, code, advice) in cases {
        let run = callback(&env, query);
        assert_eq!(run.code, code, "{query}: {run:?}");
        assert!(run.stderr.contains(advice), "{query}: {run:?}");
        assert!(run.stderr.contains("nothing was saved"), "{run:?}");
        assert!(!env.connections_file().exists());
    }
}
