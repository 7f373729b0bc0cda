//! A real OAuth2 / OpenID authorization server for the end-to-end tests:
//! `oidc-provider` (npm; OpenID Certified) from tests/fixtures/oauth, with a
//! public PKCE client, two confidential clients, rotating refresh tokens and
//! short-lived access tokens. The browser is Debian's chromium driven by
//! tests/fixtures/oauth/browser (set as `$BROWSER`).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use super::TestEnv;

pub const CLIENT_SECRET: &str = "fourgent-test-secret-9f3c";

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oauth")
}

/// Whether the fixtures are installed (`tests/fixtures/oauth/setup.sh`).
/// `scripts/test` installs them and sets FOURGENT_TEST_REQUIRE_OAUTH=1, so
/// there a missing piece fails the tests instead of skipping them.
pub fn available() -> bool {
    let ok = fixtures().join("node_modules/oidc-provider").is_dir()
        && std::path::Path::new("/usr/bin/chromium").exists();
    if !ok {
        assert!(
            std::env::var("FOURGENT_TEST_REQUIRE_OAUTH").as_deref() != Ok("1") && !super::in_ci(),
            "the OAuth fixtures are missing: run tests/fixtures/oauth/setup.sh"
        );
        eprintln!("skipped: OAuth fixtures not installed (run tests/fixtures/oauth/setup.sh)");
    }
    ok
}

pub struct Server {
    pub port: u16,
    // Closing this pipe (when the test process ends) stops the server.
    _stdin: Mutex<ChildStdin>,
    _child: Mutex<Child>,
}

impl Server {
    /// A new server whose access tokens live `ttl` seconds.
    pub fn start(ttl: u32) -> Server {
        Server::start_with_secret(ttl, CLIENT_SECRET)
    }

    /// A new server whose confidential clients have `secret`.
    pub fn start_with_secret(ttl: u32, secret: &str) -> Server {
        let mut child = Command::new("bash")
            .args(["-c", "node server.mjs <&- & pid=$!; read -r _; kill $pid"])
            .current_dir(fixtures())
            .env("ACCESS_TOKEN_TTL", ttl.to_string())
            .env("OAUTH_CLIENT_SECRET", secret)
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the OAuth test server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let info: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|e| panic!("server said {line:?}: {e}"));
        Server {
            port: info["port"].as_u64().unwrap() as u16,
            _stdin: Mutex::new(child.stdin.take().unwrap()),
            _child: Mutex::new(child),
        }
    }

    /// The server shared by tests that do not count its grants.
    pub fn shared() -> &'static Server {
        static S: OnceLock<Server> = OnceLock::new();
        S.get_or_init(|| Server::start(30))
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// `{"authorization_code": n, "refresh_token": n, "revocations": n}`.
    pub fn stats(&self) -> serde_json::Value {
        get_json(&self.url("/__stats"), None).1
    }

    /// Calls the server's `/whoami` with a bearer token: the HTTP status.
    pub fn whoami(&self, token: &str) -> u16 {
        get_json(&self.url("/whoami"), Some(token)).0
    }

    /// A connector `idp` for this server with the given client.
    pub fn connectors_toml(&self, client_id: &str, token_auth: &str) -> String {
        format!(
            r#"
[connectors.idp]
name = "Test IdP"
auth = "oauth2"
authorize_url = "{auth}"
token_url = "{token}"
revoke_url = "{revoke}"
scopes = ["read"]
client_id = "{client_id}"
token_auth = "{token_auth}"
check_url = "{whoami}"
check_account = ["/sub"]
rotating_refresh = true
"#,
            auth = self.url("/auth"),
            token = self.url("/token"),
            revoke = self.url("/token/revocation"),
            whoami = self.url("/whoami"),
        )
    }

    /// Prepares `env` to authorize against this server with the headless browser.
    pub fn configure(&self, env: &mut TestEnv, client_id: &str, token_auth: &str) {
        env.write_connectors(&self.connectors_toml(client_id, token_auth));
        env.set(
            "BROWSER",
            &super::shell_quote(fixtures().join("browser").to_str().unwrap()),
        );
        let log = env.root().join("browser.log");
        env.set("FOURGENT_TEST_BROWSER_LOG", log.to_str().unwrap());
        env.set(
            "FOURGENT_TEST_BROWSER_ARGV_LOG",
            env.root().join("browser-argv.log").to_str().unwrap(),
        );
    }
}

/// Adds the connection `idp/NAME` through the browser flow; its JSON.
pub fn add_idp(env: &TestEnv, name: &str) -> serde_json::Value {
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

/// A tiny blocking GET, to look at the server as a third party would.
fn get_json(url: &str, bearer: Option<&str>) -> (u16, serde_json::Value) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut req = reqwest::Client::new().get(url);
        if let Some(t) = bearer {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.expect("the test server answers");
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(serde_json::Value::Null))
    })
}
