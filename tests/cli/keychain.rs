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
    let run = env.add_acme_with("a", "k", &[]).code(6);
    assert!(
        run.stderr.contains("the OS keychain is not available"),
        "{run:?}"
    );
    assert!(run.stderr.contains("--secret-store file"), "{run:?}");
    assert!(!env.connections_file().exists(), "nothing was written");
    assert_eq!(
        app.hits(),
        0,
        "the app was not asked: the keychain was found missing first"
    );
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
    let run = env.add_acme_with("a", "k", &[]).code(6);
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
    let run = env.add_acme_with("a", "k", &["--json"]).code(6);
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

/// Runs `script` in a shell with the test env, on a new private D-Bus session
/// (the shared test keychain is left alone). `$FOURGENT` is the binary.
fn run_on_own_bus(env: &TestEnv, script: &str) -> std::process::Output {
    let mut cmd = std::process::Command::new("dbus-run-session");
    cmd.args(["--", "bash", "-c", script])
        .env_clear()
        .envs(
            env.command(&[])
                .get_envs()
                .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))),
        )
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("FOURGENT", assert_cmd::cargo::cargo_bin!("fourgent"))
        .env("XDG_RUNTIME_DIR", env.root().join("run"))
        .env("XDG_DATA_HOME", env.root().join("data"))
        .stdin(std::process::Stdio::null());
    std::fs::create_dir_all(env.root().join("run")).unwrap();
    std::fs::set_permissions(
        env.root().join("run"),
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    cmd.output()
        .expect("dbus-run-session is installed (package dbus)")
}

#[test]
fn keychain_locked_is_a_clear_error_that_writes_nothing() {
    if !crate::common::keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::new();
    env.with_acme(&app);
    // A password-protected login keyring, locked, with no one to type the
    // password: the Secret Service must refuse rather than wait.
    let out = run_on_own_bus(
        &env,
        r#"
        printf %s test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
        gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1
        dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 99
        echo k | "$FOURGENT" connections add acme --name a --secret-stdin api_key
        "#,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("error: the OS keychain is locked"),
        "{stderr}"
    );
    assert!(stderr.contains("unlock the keychain"), "{stderr}");
    assert!(!env.connections_file().exists(), "nothing was written");
    assert_eq!(
        app.hits(),
        1,
        "the check ran before the keychain was needed"
    );
}

#[test]
fn keychain_that_never_answers_times_out_and_writes_nothing() {
    if !crate::common::keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key("k");
    let mut env = TestEnv::new();
    env.with_acme(&app);
    env.set("FOURGENT_KEYCHAIN_TIMEOUT", "2");
    // A Secret Service that owns its bus name but is stopped (SIGSTOP).
    let keyring = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/with-keyring");
    let script = format!(
        r#"{} bash -c '
        pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk "/uint32/ {{print \$2}}")
        kill -STOP "$pid"
        echo k | "$FOURGENT" connections add acme --name a --secret-stdin api_key
        rc=$?
        kill -CONT "$pid"
        exit $rc'"#,
        keyring.display()
    );
    let started = std::time::Instant::now();
    let out = run_on_own_bus(&env, &script);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("the OS keychain did not answer within 2 seconds"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "it did not hang"
    );
    assert!(!env.connections_file().exists(), "nothing was written");
}
