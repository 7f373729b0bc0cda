use crate::common::{FakeApp, TestEnv};

#[test]
fn token_prints_only_the_secret() {
    let app = FakeApp::accepting_key("the-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let id = env.add_acme("prod", "the-key");
    for sel in ["acme/prod", "prod", id.as_str()] {
        let run = env.run(&["connections", "token", sel]).success();
        assert_eq!(run.stdout, "the-key\n");
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn token_with_several_secrets_needs_field() {
    let env = TestEnv::with_file_store();
    let mut e = env;
    e.set("APP", "app-token").set("GRANT", "grant-token");
    let run = e
        .run(&[
            "connections",
            "add",
            "visma-economic",
            "--name",
            "x",
            "--secret-env",
            "app_secret_token=APP",
            "--secret-env",
            "agreement_grant_token=GRANT",
            "--no-verify",
        ])
        .success();
    drop(run);
    let run = e.run(&["connections", "token", "x"]).code(2);
    assert!(run.stderr.contains("--field"), "{run:?}");
    let run = e
        .run(&[
            "connections",
            "token",
            "x",
            "--field",
            "agreement_grant_token",
        ])
        .success();
    assert_eq!(run.stdout, "grant-token\n");
}
