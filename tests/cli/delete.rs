use crate::common::{FakeApp, TestEnv, keychain_lookup, keyring_available};

#[test]
fn delete_without_yes_fails_when_not_interactive() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    let before = env.read_connections();
    let run = env.run(&["connections", "delete", "acme/a"]).code(2);
    assert!(run.stderr.contains("--yes"), "{run:?}");
    assert!(run.stderr.contains("nothing was deleted"), "{run:?}");
    assert_eq!(env.read_connections(), before);
}

#[test]
fn delete_yes_removes_secret_and_metadata() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let a = env.add_acme("a", "k");
    let b = env.add_acme("b", "k");
    let run = env
        .run(&["connections", "delete", "acme/a", "--yes"])
        .success();
    assert!(
        run.stderr.contains(&format!("Deleted acme/a ({a})")),
        "{run:?}"
    );
    let meta = env.read_connections();
    assert!(!meta.contains(&a) && meta.contains(&b));
    let secrets = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    assert!(!secrets.contains(&a) && secrets.contains(&b));
    env.run(&["connections", "show", &a]).code(3);
}

#[test]
fn delete_succeeds_when_the_secret_is_already_gone() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    std::fs::remove_file(env.config_dir().join("secrets.toml")).unwrap();
    let run = env.run(&["connections", "delete", "a", "-y"]).success();
    assert!(run.stderr.contains("already gone"), "{run:?}");
    assert_eq!(
        env.run(&["connections", "list", "--json"]).success().json(),
        serde_json::json!([])
    );
}

#[test]
fn delete_removes_the_keychain_entry() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::new();
    env.with_acme(&app);
    let id = env.add_acme("a", "k");
    assert!(keychain_lookup(&id).is_some());
    env.run(&["connections", "delete", &id, "--yes"]).success();
    assert!(keychain_lookup(&id).is_none());
}

#[test]
fn delete_json_lists_what_was_deleted() {
    let app = FakeApp::accepting_key("json-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let id = env.add_acme("j", "json-key");
    let run = env
        .run(&["connections", "delete", "acme/j", "--yes", "--json"])
        .success();
    assert_eq!(
        run.json(),
        serde_json::json!([{"app": "acme", "id": id, "name": "j", "revoked": null}])
    );
}

#[test]
fn usage_errors_are_json_with_json() {
    let env = TestEnv::new();
    let run = env
        .run(&["connections", "delete", "--json", "--bogus"])
        .code(2);
    let last = run.stderr.lines().last().unwrap();
    let v: serde_json::Value = serde_json::from_str(last).expect("JSON error");
    assert_eq!(v["error"]["kind"], "usage");
    assert_eq!(v["error"]["exit_code"], 2);
    assert!(
        v["error"]["message"].as_str().unwrap().contains("--bogus"),
        "{v}"
    );
}

/// The secret is removed before connections.toml is written; when that
/// write fails, the secret goes back, in either store.
#[test]
fn a_failed_write_keeps_the_connection_and_its_secret() {
    let app = FakeApp::accepting_key("k");
    let mut stores = vec![TestEnv::with_file_store()];
    if keyring_available() {
        stores.push(TestEnv::new());
    }
    for env in stores {
        env.with_acme(&app);
        let id = env.add_acme("a", "k");
        let before = env.read_connections();
        env.fail_metadata_writes();
        let run = env
            .run(&["connections", "delete", "acme/a", "--yes"])
            .code(1);
        assert!(
            run.stderr.contains("cannot create a temporary file for"),
            "the metadata write failed, not an earlier step: {run:?}"
        );
        assert_eq!(env.read_connections(), before);
        assert_eq!(
            env.run(&["connections", "token", &id]).success().stdout,
            "k\n",
            "{run:?}"
        );
    }
}
