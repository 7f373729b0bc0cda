use crate::common::{FakeApp, TestEnv};

#[test]
fn list_json_has_the_documented_keys() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let id = env.add_acme("staging", "k");
    let run = env.run(&["connections", "list", "--json"]).success();
    let items = run.json();
    let item = &items.as_array().unwrap()[0];
    assert_eq!(item["id"], id.as_str());
    for key in [
        "id",
        "name",
        "app",
        "auth",
        "status",
        "account",
        "created_at",
        "updated_at",
        "expires_at",
        "scopes",
        "fields",
        "last_check",
    ] {
        assert!(item.get(key).is_some(), "missing {key}: {item}");
    }
}

#[test]
fn list_to_a_pipe_prints_one_tab_separated_line_each() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let a = env.add_acme("a", "k");
    let b = env.add_acme("b", "k");
    let run = env.run(&["connections", "list"]).success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{run:?}");
    let cols: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        &cols[..5],
        &["a", a.as_str(), "acme", "Custom", "Connected"]
    );
    assert!(lines[1].starts_with(&format!("b\t{b}\t")));
}

#[test]
fn list_filters_by_app_and_status() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    let none = env
        .run(&["connections", "list", "--app", "stripe", "--json"])
        .success();
    assert_eq!(none.json(), serde_json::json!([]));
    let nc = env
        .run(&["connections", "list", "--status", "not-connected", "--json"])
        .success();
    assert_eq!(nc.json(), serde_json::json!([]));
    let c = env
        .run(&["connections", "list", "--status", "connected", "--json"])
        .success();
    assert_eq!(c.json().as_array().unwrap().len(), 1);
}

#[test]
fn list_works_with_no_keychain_at_all() {
    let app = FakeApp::accepting_key("k");
    let mut env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    // Point the keychain at nothing and choose it: list must not care.
    env.set("FOURGENT_SECRET_STORE", "keyring");
    env.set("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let run = env.run(&["connections", "list", "--json"]).success();
    assert_eq!(run.json().as_array().unwrap().len(), 1);
}

#[test]
fn list_with_no_connections_says_how_to_add_one() {
    let env = TestEnv::with_file_store();
    let run = env.run(&["connections", "list"]).success();
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("fourgent connections add"), "{run:?}");
}
