use crate::common::{FakeApp, Response, TestEnv, keychain_lookup, keyring_available};

#[test]
fn reauthorize_keeps_id_and_name_and_replaces_the_secret() {
    let app = FakeApp::accepting_key("new-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let id = env
        .add_acme_with("prod", "old-key", &["--no-verify", "--json"])
        .success()
        .id();
    env.run(&["connections", "status"]).code(5); // old key is rejected: Not Connected

    let run = env
        .run_with_stdin(
            &[
                "connections",
                "reauthorize",
                "acme/prod",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("new-key"),
        )
        .success();
    let json = run.json();
    assert_eq!(json["id"], id.as_str());
    assert_eq!(json["name"], "prod");
    assert_eq!(json["status"], "connected");
    assert_eq!(
        env.run(&["connections", "token", &id]).success().stdout,
        "new-key\n"
    );
}

#[test]
fn reauthorize_with_rejected_credentials_keeps_the_old_secret() {
    let app = FakeApp::accepting_key("good");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("prod", "good");
    let before = env.read_connections();
    let run = env
        .run_with_stdin(
            &[
                "connections",
                "reauthorize",
                "prod",
                "--secret-stdin",
                "api_key",
            ],
            Some("wrong"),
        )
        .code(4);
    assert!(run.stderr.contains("rejected"), "{run:?}");
    assert_eq!(env.read_connections(), before);
    assert_eq!(
        env.run(&["connections", "token", "prod"]).success().stdout,
        "good\n"
    );
}

#[test]
fn reauthorize_keeps_non_secret_fields_unless_given() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme_with("p", "k", &["--field", "region=us"])
        .success();
    let json = env
        .run_with_stdin(
            &[
                "connections",
                "reauthorize",
                "p",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("k"),
        )
        .success()
        .json();
    assert_eq!(json["fields"]["region"], "us");
}

#[test]
fn reauthorize_in_the_keychain_replaces_the_entry() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("second");
    let env = TestEnv::new();
    env.with_acme(&app);
    let id = env
        .add_acme_with("k", "first", &["--no-verify", "--json"])
        .success()
        .id();
    assert!(keychain_lookup(&id).unwrap().contains("first"));
    env.run_with_stdin(
        &[
            "connections",
            "reauthorize",
            &id,
            "--secret-stdin",
            "api_key",
        ],
        Some("second"),
    )
    .success();
    let stored = keychain_lookup(&id).unwrap();
    assert!(stored.contains("second") && !stored.contains("first"));
}

/// The new secret is written before connections.toml; when that write
/// fails, the old secret goes back, in either store.
#[test]
fn a_failed_write_puts_the_old_secret_back() {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let mut stores = vec![TestEnv::with_file_store()];
    if keyring_available() {
        stores.push(TestEnv::new());
    }
    for env in stores {
        env.with_acme(&app);
        let id = env.add_acme("prod", "old-key");
        let before = env.read_connections();
        env.fail_metadata_writes();
        let run = env
            .run_with_stdin(
                &[
                    "connections",
                    "reauthorize",
                    "prod",
                    // A change to write, even within the second of the add.
                    "--field",
                    "region=us",
                    "--secret-stdin",
                    "api_key",
                ],
                Some("new-key"),
            )
            .code(1);
        assert!(
            run.stderr.contains("cannot create a temporary file for"),
            "the metadata write failed, not an earlier step: {run:?}"
        );
        assert_eq!(env.read_connections(), before);
        assert_eq!(
            env.run(&["connections", "token", &id]).success().stdout,
            "old-key\n",
            "{run:?}"
        );
    }
}
