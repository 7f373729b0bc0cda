//! Bad input: a clear error, a non-zero exit, and nothing changed.

use crate::common::{FakeApp, Response, TestEnv, keychain_holds, keyring_available};

fn env_with_acme() -> (TestEnv, FakeApp) {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    (env, app)
}

#[test]
fn damaged_connections_file_is_reported_and_never_overwritten() {
    let (env, _app) = env_with_acme();
    env.add_acme("a", "k");
    let damaged = env
        .read_connections()
        .replace("auth = \"custom\"", "auth = \"custom");
    std::fs::write(env.connections_file(), &damaged).unwrap();
    let line = damaged
        .lines()
        .position(|l| l.starts_with("auth = "))
        .unwrap()
        + 1;

    for args in [
        vec!["connections", "list"],
        vec!["connections", "show", "a"],
        vec!["connections", "status"],
        vec!["connections", "delete", "a", "--yes"],
        vec![
            "connections",
            "add",
            "acme",
            "--name",
            "b",
            "--secret-stdin",
            "api_key",
        ],
    ] {
        let run = env.run_with_stdin(&args, Some("k")).code(7);
        let expected = format!(
            "cannot read {} at line {line}",
            env.connections_file().display()
        );
        assert!(run.stderr.contains(&expected), "{args:?}: {run:?}");
        assert!(run.stderr.contains("does not overwrite"), "{run:?}");
        assert_eq!(env.read_connections(), damaged, "{args:?} changed the file");
    }
}

#[test]
fn unknown_version_is_refused() {
    let (env, _app) = env_with_acme();
    std::fs::write(env.connections_file(), "version = 7\n").unwrap();
    let run = env.run(&["connections", "list"]).code(7);
    assert!(run.stderr.contains("has version 7"), "{run:?}");
    assert!(run.stderr.contains("upgrade fourgent"), "{run:?}");
}

#[test]
fn unknown_app_suggests_close_ones() {
    let (env, _app) = env_with_acme();
    let run = env
        .run(&["connections", "add", "hubspt", "--name", "x"])
        .code(3);
    assert!(run.stderr.contains("there is no app `hubspt`"), "{run:?}");
    assert!(run.stderr.contains("`hubspot`"), "{run:?}");
}

#[test]
fn a_taken_name_is_refused_before_asking_for_secrets() {
    let (env, app) = env_with_acme();
    env.add_acme("prod", "k");
    let hits = app.hits();
    let before = env.read_connections();
    let run = env
        .run(&["connections", "add", "acme", "--name", "prod"])
        .code(2);
    assert!(
        run.stderr
            .contains("a connection named `acme/prod` already exists"),
        "{run:?}"
    );
    assert!(run.stderr.contains("reauthorize acme/prod"), "{run:?}");
    assert_eq!(app.hits(), hits);
    assert_eq!(env.read_connections(), before);
}

#[test]
fn ambiguous_names_list_the_candidates() {
    let (env, _app) = env_with_acme();
    let mut e = env;
    e.add_acme("staging", "k");
    e.set("T", "t");
    e.run(&[
        "connections",
        "add",
        "github-pat",
        "--name",
        "staging",
        "--secret-env",
        "token=T",
        "--no-verify",
    ])
    .success();
    let run = e.run(&["connections", "show", "staging"]).code(3);
    assert!(
        run.stderr.contains("`staging` matches 2 connections"),
        "{run:?}"
    );
    assert!(run.stderr.contains("acme/staging (c_"), "{run:?}");
    assert!(run.stderr.contains("github-pat/staging (c_"), "{run:?}");
    e.run(&["connections", "show", "acme/staging"]).success();
}

#[test]
fn unknown_connection_suggests_close_matches() {
    let (env, _app) = env_with_acme();
    env.add_acme("staging", "k");
    let run = env.run(&["connections", "show", "stagng"]).code(3);
    assert!(
        run.stderr.contains("no connection matches `stagng`"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("did you mean `acme/staging`?"),
        "{run:?}"
    );
}

#[test]
fn missing_secret_without_a_terminal_names_the_options() {
    let (env, app) = env_with_acme();
    let run = env
        .run(&["connections", "add", "acme", "--name", "x"])
        .code(2);
    assert!(
        run.stderr
            .contains("`api_key` (API key) is needed and stdin is not a terminal"),
        "{run:?}"
    );
    assert!(run.stderr.contains("--secret-env api_key=VAR"), "{run:?}");
    assert!(run.stderr.contains("--secret-stdin api_key"), "{run:?}");
    assert_eq!(app.hits(), 0);
    assert!(!env.connections_file().exists());
}

#[test]
fn ci_variable_forbids_prompts() {
    let (mut env, _app) = env_with_acme();
    env.set("CI", "true");
    let run = env
        .run(&["connections", "add", "acme", "--name", "x"])
        .code(2);
    assert!(run.stderr.contains("is needed"), "{run:?}");
}

#[test]
fn secrets_are_refused_on_the_command_line() {
    let (env, _app) = env_with_acme();
    let run = env
        .run(&[
            "connections",
            "add",
            "acme",
            "--name",
            "x",
            "--field",
            "api_key=oops-secret",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("`api_key` is a secret and cannot be given on the command line"),
        "{run:?}"
    );
    assert!(
        !run.stderr.contains("oops-secret"),
        "the error does not echo the secret"
    );
}

#[test]
fn unknown_fields_list_the_real_ones() {
    let (env, _app) = env_with_acme();
    let run = env
        .run(&[
            "connections",
            "add",
            "acme",
            "--name",
            "x",
            "--field",
            "colour=red",
        ])
        .code(2);
    assert!(run.stderr.contains("Acme has no field `colour`"), "{run:?}");
    assert!(run.stderr.contains("`region`, `api_key`"), "{run:?}");
}

#[test]
fn bad_connectors_file_names_file_line_and_key() {
    let env = TestEnv::with_file_store();
    env.write_connectors(
        "[connectors.acme]\nname = \"Acme\"\nauth = \"custom\"\nchek_url = \"https://x\"\n",
    );
    let run = env.run(&["connectors", "list"]).code(7);
    let path = env.config_dir().join("connectors.toml");
    assert!(
        run.stderr
            .contains(&format!("cannot read {} at line 4", path.display())),
        "{run:?}"
    );
    assert!(run.stderr.contains("chek_url"), "{run:?}");
}

#[test]
fn invalid_names_are_usage_errors() {
    let (env, _app) = env_with_acme();
    let run = env
        .run(&["connections", "add", "acme", "--name", "has space"])
        .code(2);
    assert!(
        run.stderr.contains("not a valid connection name"),
        "{run:?}"
    );
}

#[test]
fn a_failed_write_rolls_back_the_secret() {
    let (env, _app) = env_with_acme();
    env.add_acme("a", "k");
    let meta_before = env.read_connections();
    let secrets_before = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
    env.fail_metadata_writes();
    let run = env.add_acme_with("b", "k", &[]).code(1);
    assert!(
        run.stderr.contains("cannot create a temporary file for"),
        "the metadata write failed, not an earlier step: {run:?}"
    );
    assert_eq!(env.read_connections(), meta_before);
    assert_eq!(
        std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap(),
        secrets_before,
        "the secret written for `b` was removed again"
    );
}

#[test]
fn a_failed_write_leaves_no_secret_in_the_keychain() {
    if !keyring_available() {
        return;
    }
    // Keys of their own, to find in the keychain the entry of an ID that
    // was never printed.
    let (kept, rolled_back) = ("kept-f4a1c9e2", "rolled-back-f4a1c9e2");
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::new();
    env.with_acme(&app);
    env.add_acme("a", kept);
    assert!(keychain_holds(kept));
    env.fail_metadata_writes();
    let run = env.add_acme_with("b", rolled_back, &[]).code(1);
    assert!(
        run.stderr.contains("cannot create a temporary file for"),
        "the metadata write failed, not an earlier step: {run:?}"
    );
    assert!(!keychain_holds(rolled_back), "{run:?}");
    assert!(keychain_holds(kept));
}

#[test]
fn error_messages_read_well() {
    // The voice of the errors, in one snapshot: what happened, why, what next.
    let (env, _app) = env_with_acme();
    env.add_acme("staging", "k");
    let mut all = String::new();
    for args in [
        vec!["connections", "show", "stagng"],
        vec!["connections", "add", "acme", "--name", "x"],
        vec!["connections", "add", "acme", "--name", "staging"],
        vec!["connections", "delete", "staging"],
        vec!["connections", "add", "stripee"],
    ] {
        let run = env.run(&args);
        all.push_str(&format!(
            "$ fourgent {}\n{}\n",
            args.join(" "),
            run.snapshot(&env)
        ));
    }
    insta::assert_snapshot!("error_messages", all);
}
