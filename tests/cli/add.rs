use crate::common::{FakeApp, TestEnv, keychain_lookup, keyring_available};

#[test]
fn add_custom_with_file_store_verifies_and_saves() {
    let app = FakeApp::accepting_key("good-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let run = env
        .add_acme_with("staging", "good-key\n", &["--json"])
        .success();
    let json = run.json();
    assert_eq!(json["name"], "staging");
    assert_eq!(json["app"], "acme");
    assert_eq!(json["auth"], "custom");
    assert_eq!(json["status"], "connected");
    assert_eq!(json["account"], "Acme Inc");
    assert_eq!(json["fields"]["region"], "eu");
    assert!(run.stderr.contains("Added acme/staging"), "{run:?}");

    // The check endpoint got the key in the header the connector names.
    let reqs = app.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].headers["x-api-key"], "good-key");

    // Metadata has no secret; the file store has it, owner-only.
    let meta = env.read_connections();
    assert!(meta.contains("name = \"staging\""), "{meta}");
    assert!(!meta.contains("good-key"));
    let secrets = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    assert!(secrets.contains("good-key"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in ["connections.toml", "secrets.toml"] {
            let mode = std::fs::metadata(env.config_dir().join(f))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{f}");
        }
    }
}

#[test]
fn add_reads_secrets_from_the_environment() {
    let app = FakeApp::accepting_key("env-key");
    let mut env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.set("ACME_KEY", "env-key");
    let run = env
        .run(&[
            "connections",
            "add",
            "acme",
            "--name",
            "ci",
            "--field",
            "region=us",
            "--secret-env",
            "api_key=ACME_KEY",
            "--json",
        ])
        .success();
    assert_eq!(run.json()["fields"]["region"], "us");
    assert_eq!(app.hits(), 1);
}

#[test]
fn add_rejected_credentials_saves_nothing() {
    let app = FakeApp::accepting_key("good-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let run = env.add_acme_with("x", "bad-key", &[]).code(4);
    assert!(
        run.stderr
            .contains("Acme rejected the credentials (HTTP 401): Invalid API key"),
        "{run:?}"
    );
    assert!(run.stderr.contains("nothing was saved"), "{run:?}");
    assert!(!env.connections_file().exists());
    assert!(!env.config_dir().join("secrets.toml").exists());
}

#[test]
fn add_no_verify_skips_the_check() {
    let app = FakeApp::accepting_key("good-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme_with("x", "whatever", &["--no-verify"])
        .success();
    assert_eq!(app.hits(), 0);
}

#[test]
fn add_network_failure_says_so_and_saves_nothing() {
    let app = FakeApp::start(|_| crate::common::Response::json(503, "Service Unavailable"));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let run = env.add_acme_with("x", "k", &[]).code(8);
    assert!(run.stderr.contains("HTTP 503"), "{run:?}");
    assert!(run.stderr.contains("--no-verify"), "{run:?}");
    assert!(!env.connections_file().exists());
}

#[test]
fn add_without_name_uses_a_free_default() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let first = env
        .run_with_stdin(
            &[
                "connections",
                "add",
                "acme",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("k"),
        )
        .success();
    assert_eq!(first.json()["name"], "default");
    let second = env
        .run_with_stdin(
            &[
                "connections",
                "add",
                "acme",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("k"),
        )
        .success();
    assert_eq!(second.json()["name"], "default-2");
    assert_ne!(first.json()["id"], second.json()["id"]);
}

#[test]
fn add_to_the_keychain_stores_one_entry_per_connection() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("kc-key");
    let env = TestEnv::new();
    env.with_acme(&app);
    let id = env.add_acme("kc", "kc-key");
    let stored = keychain_lookup(&id).expect("the keychain has the connection's entry");
    assert!(stored.contains("kc-key"), "stored form holds the key");
    assert!(!env.config_dir().join("secrets.toml").exists());
    assert!(!env.read_connections().contains("kc-key"));
}

#[test]
fn names_differing_only_in_case_are_one_name() {
    let app = FakeApp::accepting_key("case-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let id = env.add_acme("Prod", "case-key");
    let run = env.add_acme_with("prod", "case-key", &[]).code(2);
    assert!(run.stderr.contains("`acme/Prod` already exists"), "{run:?}");
    // Any spelling names it; the first spelling is kept.
    let shown = env
        .run(&["connections", "show", "acme/PROD", "--json"])
        .success()
        .json();
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["name"], "Prod");
    env.run(&["connections", "show", "prod"]).success();
}

#[test]
fn no_verify_says_connected_not_verified() {
    let app = FakeApp::accepting_key("unchecked-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let run = env
        .add_acme_with("nv", "unchecked-key", &["--no-verify"])
        .success();
    assert!(run.stderr.contains(": Connected (not verified)"), "{run:?}");
    assert_eq!(app.hits(), 0, "nothing was sent to the app");
}
