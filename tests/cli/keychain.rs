//! The keychain missing, locked or broken: a clear error, its own exit code,
//! and nothing written.

use crate::common::{FakeApp, TestEnv};

#[test]
fn keychain_missing_is_a_clear_error_that_writes_nothing() {
    let app = FakeApp::accepting_key("k");
    let mut env = TestEnv::new();
    env.with_acme(&app);
    env.set(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/fourgent-test-bus",
    );
    let run = env
        .run_with_stdin(
            &[
                "connections",
                "add",
                "acme",
                "--name",
                "a",
                "--secret-stdin",
                "api_key",
            ],
            Some("k"),
        )
        .code(6);
    assert!(
        run.stderr.contains("the OS keychain is not available"),
        "{run:?}"
    );
    assert!(run.stderr.contains("--secret-store file"), "{run:?}");
    assert!(!env.connections_file().exists(), "nothing was written");
}

#[test]
fn keychain_without_any_bus_is_a_clear_error() {
    let app = FakeApp::accepting_key("k");
    let mut env = TestEnv::new();
    env.with_acme(&app);
    env.remove("DBUS_SESSION_BUS_ADDRESS");
    env.set(
        "XDG_RUNTIME_DIR",
        env.root().join("no-runtime").to_str().unwrap(),
    );
    let run = env
        .run_with_stdin(
            &[
                "connections",
                "add",
                "acme",
                "--name",
                "a",
                "--secret-stdin",
                "api_key",
            ],
            Some("k"),
        )
        .code(6);
    assert!(run.stderr.contains("keychain"), "{run:?}");
    assert!(!env.connections_file().exists());
}

#[test]
fn keychain_errors_are_json_with_json() {
    let mut env = TestEnv::new();
    env.set(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/fourgent-test-bus",
    );
    let app = FakeApp::accepting_key("k");
    env.with_acme(&app);
    let run = env
        .run_with_stdin(
            &[
                "connections",
                "add",
                "acme",
                "--name",
                "a",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("k"),
        )
        .code(6);
    let last = run.stderr.trim_end().lines().last().unwrap();
    let err: serde_json::Value = serde_json::from_str(last).unwrap();
    assert_eq!(err["error"]["kind"], "keychain");
    assert!(
        err["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("--secret-store file")
    );
    assert_eq!(run.stdout, "");
}
