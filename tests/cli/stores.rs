//! The secret store is a property of the connection: each records where its
//! secret lives, commands use that store whatever `--secret-store` says, and
//! `connections move` moves secrets between stores whole.

use crate::common::{FakeApp, TestEnv, keychain_lookup, keyring_available};

fn secrets_file(env: &TestEnv) -> String {
    std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap_or_default()
}

#[test]
fn each_connection_records_its_store_and_switching_the_default_breaks_none() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("key-in-keychain-1");
    let mut env = TestEnv::new();
    env.with_acme(&app);
    let kid = env.add_acme("k", "key-in-keychain-1");
    assert!(env.read_connections().contains("store = \"keyring\""));

    // Later runs choose the file store: the keychain connection keeps
    // working, a new one goes to the file.
    env.set("FOURGENT_SECRET_STORE", "file");
    let fid = {
        let run = env.add_acme_with("f", "key-in-keychain-1", &["--json"]);
        run.success().id()
    };
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    let store_of = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["store"]
            .clone()
    };
    assert_eq!(store_of(&kid), "keyring");
    assert_eq!(store_of(&fid), "file");
    assert!(secrets_file(&env).contains(&fid) && !secrets_file(&env).contains(&kid));

    let run = env.run(&["connections", "status", "--json"]).success();
    for item in run.json().as_array().unwrap() {
        assert_eq!(item["status"], "connected", "{run:?}");
    }
    let token = env.run(&["connections", "token", "acme/k"]).success();
    assert_eq!(token.stdout, "key-in-keychain-1\n");
    assert_eq!(
        keychain_lookup(&kid)
            .as_deref()
            .map(|s| s.contains("key-in-keychain-1")),
        Some(true)
    );
}

#[test]
fn a_connection_whose_keychain_is_gone_is_unavailable_not_not_connected() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("kc-key-2");
    let mut env = TestEnv::new();
    env.with_acme(&app);
    env.add_acme("k", "kc-key-2");
    let before = env.read_connections();

    // No keychain in this session, and the file store chosen for the run.
    env.set("FOURGENT_SECRET_STORE", "file");
    env.set(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/fourgent-test-bus",
    );
    for args in [
        &["connections", "status"][..],
        &["connections", "token", "acme/k"],
    ] {
        let run = env.run(args).code(6);
        assert!(
            run.stderr.contains("acme/k is in the OS keychain")
                && run.stderr.contains("connections move acme/k --to file"),
            "{run:?}"
        );
        assert!(!run.stderr.contains("--secret-store file"), "{run:?}");
    }
    assert_eq!(env.read_connections(), before, "the status was not changed");
}

#[test]
fn move_takes_a_secret_to_the_other_store_and_back() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("moving-key-3");
    let env = TestEnv::new();
    env.with_acme(&app);
    let id = env.add_acme("m", "moving-key-3");

    let run = env
        .run(&["connections", "move", "acme/m", "--to", "file"])
        .success();
    assert!(run.stderr.contains("Moved the secret of acme/m"), "{run:?}");
    assert_eq!(keychain_lookup(&id), None, "the keychain copy is gone");
    assert!(secrets_file(&env).contains("moving-key-3"));
    assert!(env.read_connections().contains("store = \"file\""));
    // Every command now finds it in the file, without --secret-store.
    let token = env.run(&["connections", "token", "acme/m"]).success();
    assert_eq!(token.stdout, "moving-key-3\n");
    env.run(&["connections", "status", "acme/m"]).success();

    // Moving it where it is says so and changes nothing.
    let run = env
        .run(&["connections", "move", "m", "--to", "file"])
        .success();
    assert!(run.stderr.contains("already keeps its secret"), "{run:?}");

    env.run(&["connections", "move", id.as_str(), "--to", "keyring"])
        .success();
    assert!(!secrets_file(&env).contains("moving-key-3"));
    assert!(keychain_lookup(&id).unwrap().contains("moving-key-3"));
    env.run(&["connections", "delete", "acme/m", "--yes"])
        .success();
    assert_eq!(keychain_lookup(&id), None);
}

#[test]
fn a_move_that_cannot_be_recorded_leaves_the_secret_where_it_was() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("stuck-key-4");
    let env = TestEnv::new();
    env.with_acme(&app);
    let id = env.add_acme("s", "stuck-key-4");
    let before = env.read_connections();
    // connections.toml cannot be read: the move stops before it records.
    std::fs::write(env.connections_file(), format!("{before}\n[oops")).unwrap();
    let run = env.run(&["connections", "move", id.as_str(), "--to", "file"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(keychain_lookup(&id).unwrap().contains("stuck-key-4"));
    assert!(!secrets_file(&env).contains("stuck-key-4"), "{run:?}");
}

#[test]
fn move_of_a_missing_secret_fails_and_changes_nothing() {
    let app = FakeApp::accepting_key("gone-key-5");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("g", "gone-key-5");
    std::fs::write(
        env.config_dir().join("secrets.toml"),
        "version = 1\n[secrets]\n",
    )
    .unwrap();
    let before = env.read_connections();
    let run = env
        .run(&["connections", "move", "acme/g", "--to", "keyring"])
        .code(4);
    assert!(run.stderr.contains("nothing to move"), "{run:?}");
    assert_eq!(env.read_connections(), before);
}
