//! Hostile values, hostile apps and hostile files. Credentials go only where
//! the connector says (the URL policy); nothing an app says, and nothing a
//! hand-edited file holds, reaches the terminal unsanitized or carries a
//! secret out; answers are bounded; redirects are not followed.
//!
//! "Another host" is a [`Recorder`] on 127.0.0.2 that records every
//! connection: no test sends anything outside 127.0.0.0/8.

use crate::common::oauth_server::{self, Server};
use crate::common::{Answer, FakeApp, Recorder, Response, Run, TestEnv};

const CLIENT_SECRET: &str = "CANARY-clientsecret-Qx7Lm2Vd";
const ACCESS: &str = "CANARY-access-Rb5Nw8Kt";
const REFRESH: &str = "CANARY-refresh-Hj3Ps6Yc";
const CODE: &str = "CANARY-code-Wf9Dz4Ua";
const CANARIES: [&str; 4] = [CLIENT_SECRET, ACCESS, REFRESH, CODE];

/// Characters that must never reach a terminal raw.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
        })
        .collect()
}

/// Asserts that no canary (nor `extra`) is in the outputs or in any file of
/// the config dir but the file store.
#[track_caller]
fn assert_no_secret(env: &TestEnv, runs: &[&Run], extra: &[&str]) {
    let mut texts: Vec<(String, String)> = runs
        .iter()
        .map(|r| ("output".to_owned(), format!("{}{}", r.stdout, r.stderr)))
        .collect();
    for entry in std::fs::read_dir(env.config_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != "secrets.toml" && entry.path().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            texts.push((name, text));
        }
    }
    for (what, text) in &texts {
        for c in CANARIES.iter().chain(extra) {
            assert!(!text.contains(c), "{what} holds the secret {c}:\n{text}");
        }
    }
}

/// A `$BROWSER` that "approves" at once: it sends the callback with the
/// code [`CODE`] and the right state, as a browser would after consent.
fn approving_browser(env: &mut TestEnv) {
    let script = env.root().join("approve");
    crate::common::write_script(
        &script,
        &format!(
            r#"#!/usr/bin/env bash
url="${{!#}}"
state=$(printf '%s' "$url" | sed -n 's/.*[?&]state=\([^&]*\).*/\1/p')
cb=$(printf '%s' "$url" | sed -n 's/.*[?&]redirect_uri=\([^&]*\).*/\1/p')
cb=$(printf '%b' "${{cb//%/\\x}}")
exec curl -s -o /dev/null "$cb?code={CODE}&state=$state"
"#
        ),
    );
    env.set("BROWSER", script.to_str().unwrap());
}

/// A token response with the canary tokens and `extra` JSON keys.
fn token_json(expires_in: u32, extra: &str) -> String {
    format!(
        r#"{{"access_token":"{ACCESS}","token_type":"bearer","expires_in":{expires_in},"refresh_token":"{REFRESH}"{extra}}}"#
    )
}

/// An OAuth2 app `evil` whose every endpoint is `app`, with `more` keys,
/// a confidential client, and a browser that approves at once.
fn evil_env(app: &FakeApp, more: &str) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    env.write_connectors(&format!(
        r#"
[connectors.evil]
name = "Evil"
auth = "oauth2"
authorize_url = "{auth}"
token_url = "{token}"
revoke_url = "{revoke}"
client_id = "fourgent-test"
scopes = ["read"]
{more}
"#,
        auth = app.url("/auth"),
        token = app.url("/token"),
        revoke = app.url("/revoke"),
    ));
    env.set("FOURGENT_EVIL_CLIENT_SECRET", CLIENT_SECRET);
    approving_browser(&mut env);
    env
}

fn add_evil(env: &TestEnv, more: &[&str]) -> Run {
    let mut args = vec![
        "-vv",
        "connections",
        "add",
        "evil",
        "--name",
        "e",
        "--timeout",
        "30",
    ];
    args.extend_from_slice(more);
    env.run(&args)
}

/// Writes a connection and its tokens by hand (as a hand edit, or an older
/// fourgent, would have left them). `expired` makes the next use refresh.
fn seed(env: &TestEnv, app: &str, fields: &[(&str, &str)], expired: bool) {
    let toml_str = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut conns = format!(
        "version = 1\n\n[[connections]]\nid = \"c_abcdefgh\"\nname = \"s\"\napp = {}\nauth = \"oauth2\"\nstatus = \"connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\n",
        toml_str(app)
    );
    if !fields.is_empty() {
        conns.push_str("\n[connections.fields]\n");
        for (k, v) in fields {
            conns.push_str(&format!("{k} = {}\n", toml_str(v)));
        }
    }
    std::fs::write(env.connections_file(), conns).unwrap();
    let expires_at = if expired {
        "2020-01-01T00:00:00Z"
    } else {
        "2100-01-01T00:00:00Z"
    };
    let secret = format!(
        r#"{{"token":{{"access_token":"{ACCESS}","refresh_token":"{REFRESH}","expires_at":"{expires_at}"}}}}"#
    );
    std::fs::write(
        env.config_dir().join("secrets.toml"),
        format!(
            "version = 1\n\n[secrets]\nc_abcdefgh = {}\n",
            toml_str(&secret)
        ),
    )
    .unwrap();
    // Owner-only, as fourgent writes it (and insists on).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        env.config_dir().join("secrets.toml"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
}

// --- 1. One URL policy -----------------------------------------------------

/// `--field shop=evil.test:1234/x?` on the built-in Shopify connector used
/// to send the code, the PKCE verifier and the client secret to that host.
#[test]
fn a_field_value_cannot_send_the_flow_to_another_host() {
    let other = Recorder::start();
    let mut env = TestEnv::with_file_store();
    env.set("FOURGENT_SHOPIFY_CLIENT_ID", "shopify-client");
    env.set("FOURGENT_SHOPIFY_CLIENT_SECRET", CLIENT_SECRET);
    approving_browser(&mut env);
    for value in [
        format!("{}/x?", other.addr()),
        format!("x@{}", other.addr()),
        "evil.test:1234/x?".to_owned(),
    ] {
        let field = format!("shop={value}");
        let run = env
            .run(&[
                "connections",
                "add",
                "shopify",
                "--name",
                "s",
                "--field",
                &field,
                "--timeout",
                "10",
            ])
            .code(2);
        assert!(
            run.stderr
                .contains("error: Shopify: `shop` must be a host label (lowercase letters, digits and `-`), not `"),
            "{run:?}"
        );
        assert!(
            run.stderr.contains("pass another `--field shop=VALUE`"),
            "{run:?}"
        );
        assert_no_secret(&env, &[&run], &[]);
    }
    assert!(!env.connections_file().exists());
    assert_eq!(
        other.seen(),
        Vec::<String>::new(),
        "a request reached 127.0.0.2"
    );
}

/// A value stored in connections.toml goes through the same policy on every
/// refresh, check and revocation.
#[test]
fn a_stored_value_cannot_send_a_refresh_a_check_or_a_revocation_elsewhere() {
    let other = Recorder::start();
    let mut env = TestEnv::with_file_store();
    env.set("FOURGENT_SHOPIFY_CLIENT_ID", "shopify-client");
    env.set("FOURGENT_SHOPIFY_CLIENT_SECRET", CLIENT_SECRET);
    env.set("FOURGENT_SALESFORCE_CLIENT_ID", "sf-client");
    env.set("FOURGENT_SALESFORCE_CLIENT_SECRET", CLIENT_SECRET);
    let hostile = format!("{}/x?", other.addr());

    // The token is due: `token` refreshes, at the stored shop's address.
    seed(&env, "shopify", &[("shop", &hostile)], true);
    let refresh = env.run(&["-vv", "connections", "token", "s"]).code(7);
    assert!(
        refresh.stderr.contains(
            "error: refusing Shopify's token_url: `shop` must be a host label (lowercase letters, digits and `-`), not `127.0.0.2:"
        ),
        "{refresh:?}"
    );
    assert!(
        refresh
            .stderr
            .contains("nothing was sent; give `shop` a valid value with `--field shop=VALUE`"),
        "{refresh:?}"
    );
    let status = env.run(&["-vv", "connections", "status", "--json"]).code(5);
    assert!(
        status.json()[0]["reason"]
            .as_str()
            .unwrap()
            .contains("refusing Shopify's token_url"),
        "{status:?}"
    );

    // The token is fresh: `status` runs the check, at the stored shop's address.
    seed(&env, "shopify", &[("shop", &hostile)], false);
    let check = env.run(&["-vv", "connections", "status", "--json"]).code(5);
    let item = &check.json()[0];
    assert_eq!(item["status"], "not_connected", "{check:?}");
    assert!(
        item["reason"]
            .as_str()
            .unwrap()
            .starts_with("refusing Shopify's check_url: `shop` must be a host label"),
        "{check:?}"
    );

    // Salesforce's whole host: the revocation at `delete`.
    seed(&env, "salesforce", &[("hostname", &other.addr())], false);
    let delete = env
        .run(&["-vv", "connections", "delete", "s", "--yes"])
        .success();
    assert!(
        delete.stderr.contains(
            "could not revoke the token of salesforce/s at Salesforce: refusing Salesforce's revoke_url: `hostname` must be a host name ending in .salesforce.com"
        ),
        "{delete:?}"
    );

    assert_no_secret(&env, &[&refresh, &status, &check, &delete], &[]);
    assert_eq!(
        other.seen(),
        Vec::<String>::new(),
        "a request reached 127.0.0.2"
    );
}

/// A base URL from a token response (Pipedrive's `api_domain`, Salesforce's
/// `instance_url`) must be on the connector's declared hosts, or the access
/// token would go wherever the answer points.
#[test]
fn a_base_url_from_the_token_response_must_be_on_the_declared_hosts() {
    let other = Recorder::start();
    let api_domain = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let answer = api_domain.clone();
    let app = FakeApp::start(move |req| match req.path.as_str() {
        "/token" => Response::json(
            200,
            &token_json(
                3600,
                &format!(r#","api_domain":"{}""#, answer.lock().unwrap()),
            ),
        ),
        _ => Response::json(200, r#"{"name":"Acme"}"#),
    });
    let env = evil_env(
        &app,
        r#"token_fields = { api_domain = "/api_domain" }
check_url = "{api_domain}/me"
check_account = ["/name"]
[connectors.evil.placeholders]
api_domain = { holds = "base_url", host_suffixes = ["127.0.0.1"] }"#,
    );
    let mut runs = Vec::new();
    for hostile in [
        format!("http://{}", other.addr()),
        format!("https://{}", other.addr()),
        format!("{}@{}", app.url(""), other.addr()),
        format!("{}/../", app.url("")).replace("127.0.0.1", "127.0.0.2"),
    ] {
        *api_domain.lock().unwrap() = hostile.clone();
        for more in [&[][..], &["--no-verify"][..]] {
            let run = add_evil(&env, more).code(4);
            assert!(
                run.stderr.contains(
                    "error: Evil answered with a value fourgent will not use: `api_domain` must be an https:// address"
                ),
                "{hostile}: {run:?}"
            );
            assert!(!env.connections_file().exists(), "{hostile}: saved");
            runs.push(run);
        }
    }
    assert_eq!(
        other.seen(),
        Vec::<String>::new(),
        "a request reached 127.0.0.2"
    );

    // The app's own host is fine, and the check goes there.
    *api_domain.lock().unwrap() = app.url("");
    let run = add_evil(&env, &["--json"]).success();
    assert_eq!(run.json()["account"], "Acme", "{run:?}");
    let me: Vec<_> = app
        .requests()
        .into_iter()
        .filter(|r| r.path == "/me")
        .collect();
    assert_eq!(me.len(), 1);
    assert_eq!(me[0].headers["authorization"], format!("Bearer {ACCESS}"));
    let refs: Vec<&Run> = runs.iter().collect();
    assert_no_secret(&env, &refs, &[]);
}

/// The built-in Pipedrive connector declares where `api_domain` may point.
#[test]
fn builtin_pipedrive_refuses_an_api_domain_elsewhere() {
    let other = Recorder::start();
    let addr = other.addr();
    let app = FakeApp::start(move |_| {
        Response::json(
            200,
            &token_json(3600, &format!(r#","api_domain":"http://{addr}""#)),
        )
    });
    let mut env = TestEnv::with_file_store();
    env.write_connectors(&format!(
        "[connectors.pipedrive]\nauthorize_url = \"{}\"\ntoken_url = \"{}\"\nclient_id = \"pd\"\n",
        app.url("/auth"),
        app.url("/token")
    ));
    env.set("FOURGENT_PIPEDRIVE_CLIENT_SECRET", CLIENT_SECRET);
    approving_browser(&mut env);
    let run = env
        .run(&[
            "connections",
            "add",
            "pipedrive",
            "--name",
            "p",
            "--timeout",
            "30",
        ])
        .code(4);
    assert!(
        run.stderr.contains(
            "Pipedrive answered with a value fourgent will not use: `api_domain` must be an https:// address (plain http:// only for loopback) of a host ending in .pipedrive.com"
        ),
        "{run:?}"
    );
    assert_eq!(
        other.seen(),
        Vec::<String>::new(),
        "a request reached 127.0.0.2"
    );
    assert_no_secret(&env, &[&run], &[]);
}

/// reqwest follows up to 10 redirects by default; a 307 from a token
/// endpoint would resend the code, the verifier and the client secret.
#[test]
fn redirects_are_not_followed() {
    let other = Recorder::start();
    let location = format!("http://{}/steal", other.addr());
    let to = location.clone();
    let app = FakeApp::start_with(move |_| Answer::Redirect {
        status: 307,
        location: to.clone(),
    });
    let env = evil_env(&app, "");
    let run = add_evil(&env, &[]).code(8);
    assert!(
        run.stderr
            .contains("127.0.0.1 answered with a redirect (HTTP 307), which fourgent does not follow with credentials"),
        "{run:?}"
    );

    // The check of a Custom app: the key would follow a 302.
    let to = location.clone();
    let check = FakeApp::start_with(move |_| Answer::Redirect {
        status: 302,
        location: to.clone(),
    });
    let custom = TestEnv::with_file_store();
    custom.with_acme(&check);
    let add = custom
        .run_with_stdin(
            &["connections", "add", "acme", "--secret-stdin", "api_key"],
            Some(CLIENT_SECRET),
        )
        .code(8);
    assert!(
        add.stderr.contains("answered with a redirect (HTTP 302)"),
        "{add:?}"
    );
    assert_eq!(
        other.seen(),
        Vec::<String>::new(),
        "a request reached 127.0.0.2"
    );
    assert_no_secret(&env, &[&run, &add], &[]);
}

// --- 2. One redactor and one sanitizer --------------------------------------

/// A token response's scope with escape sequences used to reach the
/// terminal on every `show`; the check's account name too.
#[test]
fn what_an_app_says_is_stored_and_shown_sanitized() {
    let app = FakeApp::start(|req| match req.path.as_str() {
        "/token" => Response::json(
            200,
            &token_json(
                3600,
                r#","scope":"read \u001b[2J\u001b]0;pwned\u0007 \u202eevil\u200b","team":{"name":"Acme\u001b[31m\u2028"}"#,
            ),
        ),
        // The account name quotes the bearer token back, with a terminal title.
        _ => {
            let auth = req
                .headers
                .get("authorization")
                .cloned()
                .unwrap_or_default();
            Response::json(200, &format!(r#"{{"name":"{auth} \u001b]0;owned\u0007"}}"#))
        }
    });
    let env = evil_env(
        &app,
        &format!(
            "token_fields = {{ team = \"/team/name\" }}\ncheck_url = \"{}\"\ncheck_account = [\"/name\"]",
            app.url("/me")
        ),
    );
    let add = add_evil(&env, &[]).success();
    let runs = [
        add,
        env.run(&["connections", "show", "e"]).success(),
        env.run(&["connections", "show", "e", "--json"]).success(),
        env.run(&["connections", "list"]).success(),
        env.run(&["connections", "status"]).success(),
    ];
    for run in &runs {
        assert_eq!(raw_controls(&run.stdout), Vec::<char>::new(), "{run:?}");
        assert_eq!(raw_controls(&run.stderr), Vec::<char>::new(), "{run:?}");
    }
    let shown = &runs[1].stdout;
    assert!(
        shown.contains(r"read \u{1b}[2J\u{1b}]0;pwned\u{7} \u{202e}evil\u{200b}"),
        "{shown}"
    );
    assert!(
        shown.contains(r"Account     [redacted] \u{1b}]0;owned\u{7}"),
        "{shown}"
    );
    assert!(shown.contains(r"team = Acme\u{1b}[31m\u{2028}"), "{shown}");
    let stored = env.read_connections();
    assert_eq!(raw_controls(&stored), Vec::<char>::new(), "{stored}");
    assert!(
        !stored.contains("\\u001B") && !stored.contains("\\e"),
        "{stored}"
    );
    let refs: Vec<&Run> = runs.iter().collect();
    assert_no_secret(&env, &refs, &[]);
}

/// Error text that quotes the request (the code, the PKCE verifier, the
/// client secret, the refresh token) is redacted before it is shown or
/// stored; a failed revocation names the revocation endpoint.
#[test]
fn errors_that_quote_secrets_are_redacted() {
    // The token endpoint quotes the whole request body and the Basic header.
    let app = FakeApp::start(|req| {
        let quoted = format!(
            "{} {}",
            req.body,
            req.headers
                .get("authorization")
                .cloned()
                .unwrap_or_default()
        );
        let error = if req.path == "/revoke" {
            "unsupported_token_type"
        } else {
            "invalid_grant"
        };
        Response::json(
            400,
            &serde_json::json!({"error": error, "error_description": quoted}).to_string(),
        )
    });
    for auth in ["body", "basic"] {
        let env = evil_env(&app, &format!("token_auth = \"{auth}\""));
        let add = add_evil(&env, &[]).code(4);
        assert!(
            add.stderr
                .contains("error: Evil's token endpoint refused the request: invalid_grant ("),
            "{add:?}"
        );
        assert!(add.stderr.contains("[redacted]"), "{add:?}");
        let sent = app.requests().last().unwrap().clone();
        let verifier = url::form_urlencoded::parse(sent.body.as_bytes())
            .find(|(k, _)| k == "code_verifier")
            .map(|(_, v)| v.into_owned())
            .expect("a PKCE verifier was sent");
        assert!(sent.body.contains(CODE), "the code was sent: {}", sent.body);

        // A refresh refused with a description that quotes the refresh token
        // and the client secret: shown and stored redacted.
        seed(&env, "evil", &[], true);
        let refresh = env.run(&["-vv", "connections", "token", "s"]).code(5);
        assert!(refresh.stderr.contains("[redacted]"), "{refresh:?}");
        let stored = env.read_connections();
        assert!(
            stored.contains("invalid_grant") && stored.contains("[redacted]"),
            "{stored}"
        );

        seed(&env, "evil", &[], false);
        let delete = env
            .run(&["-vv", "connections", "delete", "s", "--yes"])
            .success();
        assert!(
            delete.stderr.contains(
                "could not revoke the token of evil/s at Evil: Evil's revocation endpoint refused the request: "
            ),
            "{delete:?}"
        );
        assert!(delete.stderr.contains("[redacted]"), "{delete:?}");
        let basic = sent.headers.get("authorization").cloned();
        let mut extra = vec![verifier.as_str()];
        if let Some(b) = &basic {
            extra.push(b.as_str());
        }
        assert_no_secret(&env, &[&add, &refresh, &delete], &extra);
    }
}

/// A hand-edited connections.toml with escape sequences in every free-text
/// value: `list`, `show` and `status` print them escaped, and so do the
/// messages that name a connection.
#[test]
fn a_hand_edited_file_cannot_drive_the_terminal() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    let evil =
        r#""\u001B[2J\u001B]0;owned\u0007\u009B31m\u202Eevil\u2066\u200B\u2028\uFEFF\U000E0041""#;
    let id = env
        .run(&["connections", "show", "a", "--json"])
        .success()
        .id();
    std::fs::write(
        env.connections_file(),
        format!(
            "version = 1\n\n[[connections]]\nid = \"{id}\"\nname = \"a\"\napp = \"acme\"\nauth = \"custom\"\nstatus = \"not_connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\naccount = {evil}\nscopes = [{evil}]\n\n[connections.fields]\nregion = {evil}\n\n[connections.last_check]\nat = \"2026-01-01T00:00:00Z\"\nresult = \"rejected\"\nreason = {evil}\n\n[[connections]]\nid = \"c_abcdefgh\"\nname = \"b\"\napp = {evil}\nauth = \"custom\"\nstatus = \"connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\n"
        ),
    )
    .unwrap();
    let show = env.run(&["connections", "show", "a"]).success();
    assert!(
        show.stdout
            .contains(r"\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}"),
        "{show:?}"
    );
    let list = env.run(&["connections", "list"]).success();
    assert!(list.stdout.contains(r"\u{1b}[2J"), "{list:?}");
    let status = env.run(&["-v", "connections", "status"]);
    assert!(status.stdout.contains(r"\u{1b}[2J"), "{status:?}");
    for run in [
        show,
        list,
        env.run(&["connections", "status", "--offline"]),
        status,
        env.run(&["connections", "show", "b"]),
        env.run(&["connections", "delete", "c_abcdefgh", "--yes"])
            .success(),
    ] {
        assert_eq!(raw_controls(&run.stdout), Vec::<char>::new(), "{run:?}");
        assert_eq!(raw_controls(&run.stderr), Vec::<char>::new(), "{run:?}");
    }
}

// --- 3. Bounded answers ------------------------------------------------------

/// An answer that does not end used to grow in memory until the timeout.
#[test]
fn answers_larger_than_one_mebibyte_are_refused() {
    let check = FakeApp::start_with(|_| Answer::Endless);
    let env = TestEnv::with_file_store();
    env.with_acme(&check);
    let run = env
        .run_with_stdin(
            &["connections", "add", "acme", "--secret-stdin", "api_key"],
            Some(CLIENT_SECRET),
        )
        .code(8);
    assert!(
        run.stderr
            .contains("127.0.0.1 answered with more than 1 MiB; fourgent reads no more than that"),
        "{run:?}"
    );
    assert!(!env.connections_file().exists());

    let token = FakeApp::start_with(|_| Answer::Endless);
    let env = evil_env(&token, "");
    let run = add_evil(&env, &[]).code(8);
    assert!(
        run.stderr.contains(
            "cannot reach Evil's token endpoint: 127.0.0.1 answered with more than 1 MiB"
        ),
        "{run:?}"
    );
    assert!(!env.connections_file().exists());
}

// --- 4. Token requests and revocation ---------------------------------------

/// `token_headers` (GitHub's `Accept`, Notion's `Notion-Version`) go with
/// every token request: the code exchange and the refresh.
#[test]
fn token_headers_are_sent_with_token_requests() {
    let app = FakeApp::start(|_| Response::json(200, &token_json(3600, "")));
    let env = evil_env(
        &app,
        r#"token_headers = { "X-Token-Header" = "yes", Accept = "application/json; v=2" }"#,
    );
    add_evil(&env, &[]).success();
    seed(&env, "evil", &[], true);
    env.run(&["connections", "token", "s"]).success();
    let token_requests: Vec<_> = app
        .requests()
        .into_iter()
        .filter(|r| r.path == "/token")
        .collect();
    assert_eq!(token_requests.len(), 2, "a code exchange and a refresh");
    for r in &token_requests {
        assert_eq!(
            r.headers.get("x-token-header").map(String::as_str),
            Some("yes")
        );
        assert_eq!(
            r.headers.get("accept").map(String::as_str),
            Some("application/json; v=2")
        );
    }
    assert!(token_requests[1].body.contains("grant_type=refresh_token"));
}

/// RFC 6749 §2.3.1 / RFC 7009 §2.1: Basic client credentials are
/// form-urlencoded first. A secret with `+ % / =`, `&` or a space used to
/// fail at revocation (the token endpoint, through the `oauth2` crate, was
/// fine). Against the real authorization server.
#[test]
fn revocation_authenticates_like_the_token_endpoint() {
    if !oauth_server::available() {
        return;
    }
    let secret = "s3cr+t%2F/with=reserved &chars:?#";
    let server = Server::start_with_secret(30, secret);
    for (client, auth) in [("fourgent-basic", "basic"), ("fourgent-post", "body")] {
        let mut env = TestEnv::with_file_store();
        server.configure(&mut env, client, auth);
        env.set("FOURGENT_IDP_CLIENT_SECRET", secret);
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
        let access = env.run(&["connections", "token", "r"]).success().stdout;
        let access = access.trim();
        assert_eq!(server.whoami(access), 200);
        let run = env.run(&["connections", "delete", "r", "--yes"]).success();
        assert!(
            run.stderr.contains("Revoked the token of idp/r"),
            "{client}: {run:?}"
        );
        assert_eq!(
            server.whoami(access),
            401,
            "{client}: the token still works"
        );
        assert!(!run.stderr.contains(secret));
    }
    assert_eq!(server.stats()["revocations"], 2);
}
