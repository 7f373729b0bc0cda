use crate::common::TestEnv;

#[test]
fn connectors_list_has_the_builtin_apps() {
    let env = TestEnv::new();
    let run = env.run(&["connectors", "list", "--json"]).success();
    let ids: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    for id in [
        "hubspot",
        "quickbooks",
        "slack",
        "visma-economic",
        "stripe",
        "github-pat",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id} missing from {ids:?}");
    }
}

#[test]
fn connectors_show_explains_registration() {
    let env = TestEnv::new();
    let run = env.run(&["connectors", "show", "quickbooks"]).success();
    assert!(
        run.stdout
            .contains("https://appcenter.intuit.com/connect/oauth2"),
        "{run:?}"
    );
    assert!(run.stdout.contains("http://localhost:"), "{run:?}");
    assert!(
        run.stdout.contains("FOURGENT_QUICKBOOKS_CLIENT_ID"),
        "{run:?}"
    );
    let run = env.run(&["connectors", "show", "visma-economic"]).success();
    assert!(run.stdout.contains("X-AppSecretToken"), "{run:?}");
    assert!(run.stdout.contains("X-AgreementGrantToken"), "{run:?}");
}

#[test]
fn user_connectors_add_and_override() {
    let env = TestEnv::new();
    env.write_connectors("[connectors.hubspot]\nclient_id = \"cid-123\"\nredirect_port = 8765\n\n[connectors.acme]\nname = \"Acme\"\nauth = \"custom\"\n[[connectors.acme.fields]]\nkey = \"api_key\"\nlabel = \"Key\"\nsecret = true\n");
    let run = env
        .run(&["connectors", "show", "hubspot", "--json"])
        .success();
    let v = run.json();
    assert_eq!(v["source"], "overridden");
    assert_eq!(v["oauth2"]["client_id"], "cid-123");
    assert_eq!(
        v["oauth2"]["redirect_uri"],
        "http://localhost:8765/callback"
    );
    let run = env.run(&["connectors", "list", "--json"]).success();
    assert!(
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "acme" && c["source"] == "user")
    );
}

#[test]
fn oauth2_add_without_a_client_id_says_how_to_register() {
    let env = TestEnv::with_file_store();
    let run = env
        .run(&["connections", "add", "hubspot", "--name", "x"])
        .code(2);
    assert!(
        run.stderr
            .contains("HubSpot has no OAuth client ID configured"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("http://localhost:PORT/callback"),
        "{run:?}"
    );
    assert!(run.stderr.contains("FOURGENT_HUBSPOT_CLIENT_ID"), "{run:?}");
    assert!(!env.connections_file().exists());
}

#[test]
fn connectors_show_says_whether_the_client_secret_is_set_without_showing_it() {
    let mut env = TestEnv::with_file_store();
    let run = env.run(&["connectors", "show", "hubspot"]).success();
    assert!(
        run.stdout
            .contains("Client secret  not set (public clients need none): `fourgent connectors set-secret hubspot`"),
        "{run:?}"
    );
    env.set("FOURGENT_HUBSPOT_CLIENT_SECRET", "shown-never-4711");
    let run = env.run(&["connectors", "show", "hubspot"]).success();
    assert!(
        run.stdout
            .contains("Client secret  set, from FOURGENT_HUBSPOT_CLIENT_SECRET"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("shown-never-4711") && !run.stderr.contains("shown-never-4711"));
}
