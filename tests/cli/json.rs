//! The documented JSON shapes (docs/json.md), snapshotted: a change to a key
//! shows up here. Update with `INSTA_UPDATE=always cargo test --test cli json`.

use crate::common::{FakeApp, TestEnv};

#[test]
fn json_shapes_match_their_snapshots() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("prod", "k");
    env.add_acme_with("old", "revoked", &["--no-verify"])
        .success();
    let show = |args: &[&str]| env.filter(&env.run(args).stdout);
    insta::assert_snapshot!("list_json", show(&["connections", "list", "--json"]));
    insta::assert_snapshot!(
        "show_json",
        show(&["connections", "show", "prod", "--json"])
    );
    let status = env.run(&["connections", "status", "--json"]).code(5);
    insta::assert_snapshot!("status_json", env.filter(&status.stdout));
    insta::assert_snapshot!(
        "connectors_show_json",
        show(&["connectors", "show", "visma-economic", "--json"])
    );
    let err = env.run(&["connections", "show", "nope", "--json"]).code(3);
    insta::assert_snapshot!("error_json", env.filter(&err.stderr));
}

#[test]
fn json_errors_keep_the_exit_code() {
    let env = TestEnv::with_file_store();
    for (args, code) in [
        (vec!["connections", "show", "x", "--json"], 3),
        (vec!["connections", "add", "nope", "--json"], 3),
        (vec!["connectors", "show", "nope", "--json"], 3),
    ] {
        let plain: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
        assert_eq!(env.run(&plain).code, code);
        let run = env.run(&args).code(code);
        let err: serde_json::Value =
            serde_json::from_str(run.stderr.trim_end().lines().last().unwrap()).unwrap();
        assert_eq!(err["error"]["exit_code"], code);
        assert!(err["error"]["message"].is_string() && err["error"]["kind"].is_string());
    }
}
