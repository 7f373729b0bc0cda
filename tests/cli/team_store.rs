//! The team store (`--store postgres://…`), tested from outside: the real
//! binary against a real PostgreSQL server, a fresh database per test, with
//! the tables read directly to check what the database holds. Machines of
//! a team are separate config dirs (separate file locks, as on separate
//! hosts) that share the store.

use std::collections::BTreeSet;
use std::process::Child;

use crate::common::oauth_server::{self, Server, add_idp};
use crate::common::postgres;
use crate::common::team::{Store, Terminal, assert_hidden, assert_not_printed, host, new_key};
use crate::common::{self, FakeApp, Response, Run, TestEnv, finish, iterations, keyring_available};

/// An `acme` app whose check accepts any key starting with `sk-good`.
fn lenient_app() -> FakeApp {
    FakeApp::start(|req| match req.headers.get("x-api-key") {
        Some(k) if k.starts_with("sk-good") => {
            Response::json(200, r#"{"account":{"name":"Acme Inc","id":42}}"#)
        }
        _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
    })
}

/// `acme` (checked by `app`) and `beta` (a Custom app without a check).
fn with_apps(env: &TestEnv, app: &FakeApp) {
    env.with_acme(app);
    let path = env.config_dir().join("connectors.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        r#"
[connectors.beta]
name = "Beta"
auth = "custom"

[[connectors.beta.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"
"#,
    );
    std::fs::write(path, text).unwrap();
}

/// A machine of the team with the apps configured.
fn machine(store: &Store, user: &str, app: &FakeApp) -> TestEnv {
    let env = store.machine(user);
    with_apps(&env, app);
    env
}

/// `connections token C`, which must succeed: what it printed.
#[track_caller]
fn token(env: &TestEnv, connection: &str) -> String {
    let run = env.run(&["connections", "token", connection]).success();
    run.stdout.trim_end_matches('\n').to_owned()
}

/// The password in a store URL.
fn password_of(url: &str) -> String {
    let re = regex::Regex::new(r"^postgres://[^:@/]+:([^@/]+)@").unwrap();
    re.captures(url).expect("a URL with a password")[1].to_owned()
}

/// `id`'s secret row: (key_id, nonce, ciphertext), bytes as hex.
fn secret_row(store: &Store, id: &str) -> (String, String, String) {
    let rows = store.db.query(&format!(
        "SELECT key_id, encode(nonce, 'hex'), encode(ciphertext, 'hex')
         FROM fourgent.secrets WHERE account = '{id}'"
    ));
    assert_eq!(rows.len(), 1, "one secret row for {id}: {rows:?}");
    let r = &rows[0];
    (r[0].clone(), r[1].clone(), r[2].clone())
}

/// The store's key ID, as its one row records it.
fn store_key_id(store: &Store) -> String {
    store.value("SELECT key_id FROM fourgent.store")
}

/// The keys of each object of a JSON array, all alike.
fn keys_of(json: &serde_json::Value) -> BTreeSet<String> {
    let items = json.as_array().expect("an array");
    assert!(!items.is_empty(), "an empty array: {json}");
    let keys: BTreeSet<String> = items[0].as_object().unwrap().keys().cloned().collect();
    for item in items {
        let these: BTreeSet<String> = item.as_object().unwrap().keys().cloned().collect();
        assert_eq!(these, keys, "{json:#}");
    }
    keys
}

// 1. Schema and lifecycle.

#[test]
fn init_then_status_and_init_again_changes_nothing() {
    let Some(store) = Store::empty() else {
        return;
    };
    let m = store.machine("alice");
    let password = password_of(&store.db.url());
    let shown = format!(":{}/{}", postgres_port(&store), store.db.name());

    // No tables yet: every command says to run `store init`.
    for args in [
        &["store", "status"][..],
        &["connections", "list"],
        &["connections", "token", "acme/prod"],
    ] {
        let run = m.run(args).code(7);
        assert!(
            run.stderr.contains("has no fourgent tables")
                && run
                    .stderr
                    .contains("hint: create the tables with `fourgent store init`")
                && run.stderr.contains(&shown),
            "{args:?}: {run:?}"
        );
        assert_not_printed(&run, &password);
    }

    let run = m.run(&["store", "init"]).success();
    assert!(
        run.stderr
            .contains("Created the team store at postgres://fourgent@127.0.0.1")
            && run.stderr.contains("(schema version 1, key k-"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
    let key_id = store_key_id(&store);
    assert!(run.stderr.contains(&key_id), "{run:?}");
    assert_not_printed(&run, &password);
    assert_not_printed(&run, &store.key);

    // Text.
    let run = m.run(&["store", "status"]).success();
    let expected = format!(
        "Store        postgres://fourgent@127.0.0.1{shown}\n\
         Schema       version 1\n\
         Key          {key_id} (this machine has it, from FOURGENT_STORE_KEY)\n\
         Connections  0\n\
         Secrets      0\n\
         Events       0\n"
    );
    assert_eq!(run.stdout, expected, "{run:?}");
    assert_not_printed(&run, &password);

    // Init again: the same tables, the same row, nothing lost.
    let app = lenient_app();
    with_apps(&m, &app);
    m.add_acme("prod", "sk-good-1");
    let before = store.dump();
    let run = m.run(&["store", "init"]).success();
    assert!(
        run.stderr.contains("is already at schema version 1"),
        "{run:?}"
    );
    assert_eq!(store.dump(), before, "a second init changed the tables");
    assert_eq!(token(&m, "acme/prod"), "sk-good-1");

    // JSON, with the counts.
    let json = m.run(&["store", "status", "--json"]).success().json();
    assert_eq!(
        json["store"],
        format!("postgres://fourgent@127.0.0.1{shown}")
    );
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["key_id"], key_id.as_str());
    assert_eq!(json["local_key_id"], key_id.as_str());
    assert_eq!(json["local_key_source"], "FOURGENT_STORE_KEY");
    assert_eq!(json["key_matches"], true);
    assert_eq!(json["connections"], 1);
    assert_eq!(json["secrets"], 1);
    assert_eq!(json["events"], 2, "add and use: {json}");

    // Another machine with another key: init does not take the store over.
    let before = store.dump();
    let mut other = store.machine("bob");
    other.set("FOURGENT_STORE_KEY", &new_key());
    let run = other.run(&["store", "init"]).code(6);
    assert!(run.stderr.contains(&key_id), "{run:?}");
    assert_eq!(store_key_id(&store), key_id);
    let json = other.run(&["store", "status", "--json"]).success().json();
    assert_eq!(json["key_matches"], false);
    assert_eq!(json["key_id"], key_id.as_str());
    assert_eq!(store.dump(), before, "a refused init or a status wrote");
}

fn postgres_port(store: &Store) -> u16 {
    let re = regex::Regex::new(r"@127\.0\.0\.1:(\d+)/").unwrap();
    re.captures(&store.db.url()).unwrap()[1].parse().unwrap()
}

#[test]
fn machines_running_init_at_once_make_one_store() {
    let Some(store) = Store::empty() else {
        return;
    };
    let machines: Vec<TestEnv> = (0..6).map(|i| store.machine(&format!("m{i}"))).collect();
    let children: Vec<Child> = machines
        .iter()
        .map(|m| common::spawn(&mut m.command(&["store", "init"])))
        .collect();
    let runs: Vec<Run> = children.into_iter().map(finish).collect();
    for run in &runs {
        assert_eq!(run.code, 0, "{run:?}");
    }
    let created = runs
        .iter()
        .filter(|r| r.stderr.contains("Created the team store"))
        .count();
    assert_eq!(created, 1, "{runs:?}");
    assert_eq!(store.count("SELECT count(*) FROM fourgent.store"), 1);
    assert_eq!(
        store.value("SELECT schema_version FROM fourgent.store"),
        "1"
    );
}

#[test]
fn a_store_newer_than_the_binary_is_refused_with_its_version() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let m = machine(&store, "alice", &app);
    m.add_acme("prod", "sk-good-2");
    store
        .db
        .query("UPDATE fourgent.store SET schema_version = 99");
    let before = store.dump();
    for args in [
        &["store", "status"][..],
        &["store", "init"],
        &["connections", "list"],
        &["connections", "token", "acme/prod"],
        &["connections", "delete", "--yes", "acme/prod"],
    ] {
        let run = m.run(args).code(7);
        assert!(
            run.stderr
                .contains("has schema version 99, but this fourgent knows up to version 1")
                && run
                    .stderr
                    .contains("hint: install a newer fourgent, one that knows schema version 99"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
    let run = m.add_acme_with("new", "sk-good-3", &[]).code(7);
    assert!(run.stderr.contains("schema version 99"), "{run:?}");
    assert_eq!(store.dump(), before, "a refused run wrote to the store");
}

// 2. Every connection command, the same on both stores.

#[test]
fn every_connection_command_works_the_same_on_the_team_store() {
    let Some(store) = Store::new() else {
        return;
    };
    let password = password_of(&store.db.url());
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let bob = machine(&store, "bob", &app);
    let local = TestEnv::with_file_store();
    with_apps(&local, &app);

    // add, verified with the app.
    let hits = app.hits();
    let added = alice
        .add_acme_with("prod", "sk-good-a", &["--json"])
        .success();
    assert!(app.hits() > hits, "add did not check the key with the app");
    let id = added.id();
    assert_eq!(added.json()["status"], "connected");
    assert!(
        added.stderr.contains(&format!("Added acme/prod ({id})")),
        "{added:?}"
    );
    assert_not_printed(&added, "sk-good-a");
    assert_not_printed(&added, &password);
    local.add_acme("prod", "sk-good-a");

    // A key the app refuses: the same failure, nothing stored.
    let refused = alice.add_acme_with("bad", "sk-bad", &[]).code(4);
    let refused_locally = local.add_acme_with("bad", "sk-bad", &[]).code(4);
    assert_eq!(refused.stderr, refused_locally.stderr);
    assert_eq!(store.count("SELECT count(*) FROM fourgent.connections"), 1);
    assert_eq!(store.count("SELECT count(*) FROM fourgent.secrets"), 1);

    // Names are unique per app, whatever the case, from any machine.
    let clash = bob.add_acme_with("PROD", "sk-good-b", &[]).code(2);
    assert!(
        clash.stderr.contains(&format!(
            "a connection named `acme/prod` already exists ({id})"
        )),
        "{clash:?}"
    );
    assert_eq!(store.count("SELECT count(*) FROM fourgent.secrets"), 1);
    // ...but another app may use the name.
    let beta = bob
        .run_with_stdin(
            &[
                "connections",
                "add",
                "beta",
                "--name",
                "Prod",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("beta-key-1"),
        )
        .success()
        .id();

    // list, text and JSON: the same shape as the local store's.
    let text = bob.run(&["connections", "list"]).success().stdout;
    assert!(text.contains(&id) && text.contains(&beta), "{text}");
    let team_json = alice
        .run(&["connections", "list", "--json"])
        .success()
        .json();
    let local_json = local
        .run(&["connections", "list", "--json"])
        .success()
        .json();
    assert_eq!(keys_of(&team_json), keys_of(&local_json));
    let team_list = team_json.as_array().unwrap();
    assert_eq!(team_list.len(), 2, "{team_json:#}");
    assert_eq!(team_list[0]["id"], id.as_str());
    for key in ["name", "app", "auth", "status", "account"] {
        assert_eq!(team_list[0][key], local_json[0][key], "{key}");
    }
    let filtered = alice
        .run(&["connections", "list", "--app", "beta", "--json"])
        .success()
        .json();
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    assert_eq!(filtered[0]["id"], beta.as_str());

    // show.
    let show = bob
        .run(&["connections", "show", "acme/prod", "--json"])
        .success();
    let local_show = local
        .run(&["connections", "show", "acme/prod", "--json"])
        .success();
    let shown = show.json();
    assert_eq!(shown["id"], id.as_str());
    let keys = |v: &serde_json::Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(keys(&shown), keys(&local_show.json()));
    let text = bob.run(&["connections", "show", &id]).success();
    assert!(
        text.stdout.contains("acme/prod") || text.stdout.contains("prod"),
        "{text:?}"
    );
    assert_not_printed(&show, "sk-good-a");
    assert_not_printed(&text, "sk-good-a");

    // token, from both machines.
    assert_eq!(token(&alice, "acme/prod"), "sk-good-a");
    assert_eq!(token(&bob, &id), "sk-good-a");
    assert_eq!(token(&bob, "beta/prod"), "beta-key-1");

    // status, offline and checked.
    let status = alice
        .run(&["connections", "status", "--offline", "--json"])
        .success();
    for item in status.json().as_array().unwrap() {
        assert_eq!(item["status"], "connected", "{status:?}");
    }
    let hits = app.hits();
    let status = alice
        .run(&["connections", "status", "acme/prod", "--json"])
        .success();
    assert_eq!(status.json()[0]["status"], "connected", "{status:?}");
    assert!(app.hits() > hits, "status did not check with the app");

    // reauthorize: a new key, the same ID, seen by every machine.
    let reauth = bob
        .run_with_stdin(
            &[
                "connections",
                "reauthorize",
                "acme/prod",
                "--secret-stdin",
                "api_key",
                "--json",
            ],
            Some("sk-good-rotated"),
        )
        .success();
    assert_eq!(reauth.id(), id);
    assert_not_printed(&reauth, "sk-good-rotated");
    assert_eq!(token(&alice, "acme/prod"), "sk-good-rotated");

    // exec: the program gets the secret.
    let run = alice
        .run(&[
            "connections",
            "exec",
            "acme/prod",
            "--",
            "sh",
            "-c",
            "printf '%s' \"$ACME_API_KEY\"",
        ])
        .success();
    assert_eq!(run.stdout, "sk-good-rotated");

    // Errors read the same as with the local store.
    let missing = alice.run(&["connections", "show", "nope"]).code(3);
    let missing_locally = local.run(&["connections", "show", "nope"]).code(3);
    assert_eq!(missing.stderr, missing_locally.stderr);

    // delete --yes: gone for everyone, its secret too.
    let run = bob
        .run(&["connections", "delete", "--yes", "acme/prod"])
        .success();
    assert!(
        run.stderr.contains(&format!("Deleted acme/prod ({id})")),
        "{run:?}"
    );
    assert_eq!(
        store.count(&format!(
            "SELECT count(*) FROM fourgent.secrets WHERE account = '{id}'"
        )),
        0
    );
    assert_eq!(
        store.count(&format!(
            "SELECT count(*) FROM fourgent.connections WHERE id = '{id}'"
        )),
        0
    );
    alice.run(&["connections", "token", "acme/prod"]).code(3);
    let listed = alice
        .run(&["connections", "list", "--json"])
        .success()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    // The name is free again.
    alice.add_acme("PROD", "sk-good-again");
    assert_eq!(token(&bob, "acme/PROD"), "sk-good-again");
}

// 3. No secret in the clear.

#[test]
fn the_database_holds_no_secret_in_the_clear() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let m = machine(&store, "alice", &app);
    let secrets = [
        "sk-good-canary-1a2b3c4d",
        "sk-good-canary-5e6f7a8b",
        "sk-good-canary-rotated-9c0d",
    ];
    let a = m.add_acme("a", secrets[0]);
    let b = m.add_acme("b", secrets[1]);
    // The same secret twice: two connections.
    let c = m.add_acme("c", secrets[1]);
    let before_reauth = secret_row(&store, &a);
    m.run_with_stdin(
        &[
            "connections",
            "reauthorize",
            "acme/a",
            "--secret-stdin",
            "api_key",
        ],
        Some(secrets[2]),
    )
    .success();
    // The same secret written again: a fresh nonce, another ciphertext.
    let first = secret_row(&store, &a);
    m.run_with_stdin(
        &[
            "connections",
            "reauthorize",
            "acme/a",
            "--secret-stdin",
            "api_key",
        ],
        Some(secrets[2]),
    )
    .success();
    let second = secret_row(&store, &a);
    assert_ne!(first.1, second.1, "the nonce was reused");
    assert_ne!(first.2, second.2, "the ciphertext was repeated");
    assert_ne!(before_reauth.2, first.2);
    let (rb, rc) = (secret_row(&store, &b), secret_row(&store, &c));
    assert_ne!(rb.1, rc.1, "two connections share a nonce");
    assert_ne!(rb.2, rc.2, "the same secret gives the same ciphertext");
    assert_eq!(rb.1.len(), 24, "a 96-bit nonce: {}", rb.1);
    for id in [&a, &b, &c] {
        assert_eq!(secret_row(&store, id).0, store_key_id(&store));
    }
    for id in [&a, &b, &c] {
        m.run(&["connections", "token", id]).success();
    }

    let dump = store.dump();
    assert!(dump.contains(&a) && dump.contains("== secrets"), "{dump}");
    for secret in secrets {
        assert_hidden(&dump, secret, "the database");
    }
    assert_hidden(&dump, &store.key, "the database (the team key)");
    assert_eq!(token(&m, "acme/a"), secrets[2]);
    assert_eq!(token(&m, "acme/c"), secrets[1]);
}

// 4. The wrong key, no key, a malformed key.

#[test]
fn another_key_is_refused_naming_the_key_needed_and_nothing_is_written() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    alice.add_acme("prod", "sk-good-wrongkey");
    let needed = store_key_id(&store);
    let before = store.dump();

    let mut mallory = machine(&store, "mallory", &app);
    mallory.set("FOURGENT_STORE_KEY", &new_key());
    let have = mallory.run(&["store", "status", "--json"]).success().json()["local_key_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(have, needed);
    let runs = [
        mallory.run(&["connections", "token", "acme/prod"]),
        mallory.add_acme_with("other", "sk-good-other", &[]),
        mallory.run_with_stdin(
            &[
                "connections",
                "reauthorize",
                "acme/prod",
                "--secret-stdin",
                "api_key",
            ],
            Some("sk-good-replaced"),
        ),
        mallory.run(&["connections", "delete", "--yes", "acme/prod"]),
        mallory.run(&[
            "connections",
            "exec",
            "acme/prod",
            "--",
            "sh",
            "-c",
            "echo ran",
        ]),
        mallory.run(&["store", "rotate-key", "--generate"]),
    ];
    for run in &runs {
        assert_eq!(run.code, 6, "{run:?}");
        assert!(
            run.stderr.contains(&format!("({needed})"))
                && run.stderr.contains(&format!("({have})"))
                && run
                    .stderr
                    .contains(&format!("get team key {needed} from your team")),
            "{run:?}"
        );
        assert_eq!(run.stdout, "", "{run:?}");
        assert_not_printed(run, "sk-good-wrongkey");
    }
    assert_eq!(store.dump(), before, "a run with the wrong key wrote");
    assert_eq!(token(&alice, "acme/prod"), "sk-good-wrongkey");
}

#[test]
fn a_malformed_key_is_a_clear_error_that_does_not_echo_it() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    alice.add_acme("prod", "sk-good-malformed");
    let before = store.dump();
    let cases = [
        ("not-a-key!!canary-7781", "is not valid base64"),
        // 16 bytes of valid base64.
        (
            "Y2FuYXJ5LWtleS0xNmJ5dA==",
            "is 16 bytes long, but it must be 32",
        ),
    ];
    for (bad, says) in cases {
        let mut m = machine(&store, "alice", &app);
        m.set("FOURGENT_STORE_KEY", bad);
        for run in [
            m.run(&["connections", "token", "acme/prod"]),
            m.add_acme_with("other", "sk-good-x", &[]),
            m.run(&["store", "status"]),
        ] {
            assert_eq!(run.code, 6, "{run:?}");
            assert!(
                run.stderr
                    .contains("the team key in FOURGENT_STORE_KEY is not a team key")
                    && run.stderr.contains(says)
                    && run
                        .stderr
                        .contains("hint: a team key is 32 bytes in base64"),
                "{run:?}"
            );
            assert!(
                !run.stderr.contains(bad) && !run.stdout.contains(bad),
                "{run:?}"
            );
        }
    }
    assert_eq!(store.dump(), before);
}

#[test]
fn the_key_from_the_keychain_and_no_key_at_all() {
    if !keyring_available() {
        return;
    }
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    alice.add_acme("prod", "sk-good-keychain");
    let needed = store_key_id(&store);
    let mut m = machine(&store, "carol", &app);
    m.remove("FOURGENT_STORE_KEY");
    // Only this test keeps a team key in the test keychain.
    let _ = m.run(&["store", "set-key", "--delete"]);

    // No key: exit 6, the key ID it needs, and how to get it.
    let run = m.run(&["connections", "token", "acme/prod"]).code(6);
    assert!(
        run.stderr.contains(
            "no team key on this machine for the team store at postgres://fourgent@127.0.0.1"
        ) && run.stderr.contains(&format!("(it needs key {needed})"))
            && run.stderr.contains("`fourgent store set-key`")
            && run.stderr.contains("FOURGENT_STORE_KEY"),
        "{run:?}"
    );
    let status = m.run(&["store", "status"]).success();
    assert!(
        status
            .stdout
            .contains(&format!("{needed} (this machine has no team key)")),
        "{status:?}"
    );

    // A malformed key on stdin is not stored.
    let run = m
        .run_with_stdin(&["store", "set-key"], Some("short-canary-4411"))
        .code(2);
    assert!(run.stderr.contains("nothing was stored"), "{run:?}");
    assert!(!run.stderr.contains("short-canary-4411"), "{run:?}");
    m.run(&["connections", "token", "acme/prod"]).code(6);

    // set-key from stdin: the key is in the keychain, and it works.
    let run = m
        .run_with_stdin(&["store", "set-key"], Some(&format!("{}\n", store.key)))
        .success();
    assert!(
        run.stderr
            .contains(&format!("Stored team key {needed} in the OS keychain")),
        "{run:?}"
    );
    assert_not_printed(&run, &store.key);
    assert!(
        common::keychain_holds(&store.key),
        "the key is not in the keychain"
    );
    assert_eq!(token(&m, "acme/prod"), "sk-good-keychain");
    let json = m.run(&["store", "status", "--json"]).success().json();
    assert_eq!(json["local_key_source"], "the OS keychain");
    assert_eq!(json["key_matches"], true);

    // --delete: no key again.
    let run = m.run(&["store", "set-key", "--delete"]).success();
    assert!(run.stderr.contains("Removed the team key"), "{run:?}");
    m.run(&["connections", "token", "acme/prod"]).code(6);
    assert!(!common::keychain_holds(&store.key));
}

// 5. Rows swapped.

#[test]
fn a_secret_copied_onto_another_row_does_not_decrypt() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let m = machine(&store, "alice", &app);
    let a = m.add_acme("a", "sk-good-row-a-1111");
    let b = m.add_acme("b", "sk-good-row-b-2222");
    store.db.query(&format!(
        "UPDATE fourgent.secrets SET nonce = s.nonce, ciphertext = s.ciphertext, key_id = s.key_id
         FROM (SELECT nonce, ciphertext, key_id FROM fourgent.secrets WHERE account = '{a}') s
         WHERE account = '{b}'"
    ));
    assert_eq!(secret_row(&store, &a).2, secret_row(&store, &b).2);

    for args in [
        &["connections", "token", "acme/b"][..],
        &["connections", "token", &b, "--json"],
        &[
            "connections",
            "exec",
            "acme/b",
            "--",
            "sh",
            "-c",
            "printf '%s' \"$ACME_API_KEY\"",
        ],
    ] {
        let run = m.run(args).code(7);
        assert!(
            run.stderr.contains(&format!(
                "the secret of `{b}` in the team store at postgres://fourgent@127.0.0.1"
            )) && run.stderr.contains("does not decrypt"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "", "{args:?}");
        assert_not_printed(&run, "sk-good-row-a-1111");
    }
    // status reports it, and names no secret either.
    let run = m.run(&["connections", "status", "acme/b"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert_not_printed(&run, "sk-good-row-a-1111");
    // The row it came from still opens.
    assert_eq!(token(&m, "acme/a"), "sk-good-row-a-1111");

    // A flipped bit is damage too.
    store.db.query(&format!(
        "UPDATE fourgent.secrets SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1)
         WHERE account = '{a}'"
    ));
    let run = m.run(&["connections", "token", "acme/a"]).code(7);
    assert!(run.stderr.contains("does not decrypt"), "{run:?}");
    assert_eq!(run.stdout, "");
}

// 6. Rotating the key.

#[test]
fn rotate_key_reencrypts_every_secret_and_retires_the_old_key() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let a = alice.add_acme("a", "sk-good-rot-a");
    let b = alice.add_acme("b", "sk-good-rot-b");
    let old_id = store_key_id(&store);
    let rows_before = [secret_row(&store, &a), secret_row(&store, &b)];

    // With a key that is not the store's: refused, nothing changes.
    let before = store.dump();
    let mut wrong = machine(&store, "mallory", &app);
    wrong.set("FOURGENT_STORE_KEY", &new_key());
    let run = wrong.run(&["store", "rotate-key", "--generate"]).code(6);
    assert!(run.stderr.contains(&old_id), "{run:?}");
    assert_eq!(
        run.stdout, "",
        "a key was printed for a rotation that did not happen"
    );
    let run = wrong
        .run_with_stdin(&["store", "rotate-key"], Some(&new_key()))
        .code(6);
    assert!(run.stderr.contains(&old_id), "{run:?}");
    assert_eq!(store.dump(), before);

    // The real rotation.
    let run = alice.run(&["store", "rotate-key", "--generate"]).success();
    let new_key_text = run.stdout.trim().to_owned();
    assert_eq!(run.stdout, format!("{new_key_text}\n"), "{run:?}");
    assert_hidden(&run.stderr, &new_key_text, "stderr");
    let new_id = store_key_id(&store);
    assert_ne!(new_id, old_id);
    assert!(
        run.stderr.contains(&format!(
            "Re-encrypted 2 secrets in the team store under key {new_id} (was {old_id})"
        )),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("FOURGENT_STORE_KEY still holds the old key"),
        "{run:?}"
    );
    for (id, old) in [&a, &b].into_iter().zip(&rows_before) {
        let now = secret_row(&store, id);
        assert_eq!(now.0, new_id);
        assert_ne!(now.2, old.2, "{id} was not re-encrypted");
    }
    assert_eq!(
        store.count(&format!(
            "SELECT count(*) FROM fourgent.secrets WHERE key_id <> '{new_id}'"
        )),
        0
    );

    // The old key is refused, naming the new one.
    let run = alice.run(&["connections", "token", "acme/a"]).code(6);
    assert!(run.stderr.contains(&format!("({new_id})")), "{run:?}");
    assert_eq!(run.stdout, "");

    // The printed key works, and the secrets are what they were.
    let mut fresh = machine(&store, "alice", &app);
    fresh.set("FOURGENT_STORE_KEY", &new_key_text);
    assert_eq!(token(&fresh, "acme/a"), "sk-good-rot-a");
    assert_eq!(token(&fresh, &b), "sk-good-rot-b");
    fresh.add_acme("c", "sk-good-rot-c");
    assert_eq!(
        secret_row(
            &store,
            &fresh
                .run(&["connections", "show", "acme/c", "--json"])
                .success()
                .id()
        )
        .0,
        new_id
    );

    // Rotating again, with the new key given on stdin.
    let third = new_key();
    let run = fresh
        .run_with_stdin(&["store", "rotate-key"], Some(&third))
        .success();
    assert_eq!(run.stdout, "", "a key given on stdin is not printed back");
    fresh.set("FOURGENT_STORE_KEY", &third);
    assert_eq!(token(&fresh, "acme/c"), "sk-good-rot-c");
    assert_eq!(token(&fresh, "acme/a"), "sk-good-rot-a");
}

#[test]
fn a_rotation_during_adds_leaves_every_secret_under_the_new_key() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let workers = 4;
    let each = iterations(5, 20);
    let machines: Vec<TestEnv> = (0..workers)
        .map(|w| machine(&store, &format!("runner-{w}"), &app))
        .collect();
    let admin = machine(&store, "admin", &app);
    for i in 0..10 {
        admin
            .add_acme_with(
                &format!("old-{i}"),
                &format!("sk-old-{i}"),
                &["--no-verify"],
            )
            .success();
    }
    let (rotated, outcomes) = std::thread::scope(|s| {
        let adders: Vec<_> = machines
            .iter()
            .enumerate()
            .map(|(w, m)| {
                s.spawn(move || {
                    (0..each)
                        .map(|i| {
                            let name = format!("w{w}-{i}");
                            let run =
                                m.add_acme_with(&name, &format!("sk-w{w}-{i}"), &["--no-verify"]);
                            (name, run)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let rotated = admin.run(&["store", "rotate-key", "--generate"]);
        let outcomes: Vec<(String, Run)> =
            adders.into_iter().flat_map(|h| h.join().unwrap()).collect();
        (rotated.success(), outcomes)
    });
    let new_key_text = rotated.stdout.trim().to_owned();
    let new_id = store_key_id(&store);
    let refused = outcomes.iter().filter(|(_, r)| r.code == 6).count();
    eprintln!(
        "{refused} of {} adds came after the rotation",
        outcomes.len()
    );
    // Every add either went through or was refused for the key, whole.
    for (name, run) in &outcomes {
        assert!(run.code == 0 || run.code == 6, "{name}: {run:?}");
        if run.code == 6 {
            assert!(
                run.stderr.contains(&format!("({new_id})")),
                "{name}: {run:?}"
            );
        }
    }
    assert_eq!(
        store.count("SELECT count(*) FROM fourgent.secrets WHERE key_id <> (SELECT key_id FROM fourgent.store)"),
        0,
        "a secret under the old key outlived the rotation"
    );
    // No connection without its secret, no secret without its connection.
    assert_eq!(
        store.count(
            "SELECT count(*) FROM fourgent.connections c FULL JOIN fourgent.secrets s ON s.account = c.id
             WHERE c.id IS NULL OR s.account IS NULL"
        ),
        0
    );
    let mut reader = machine(&store, "reader", &app);
    reader.set("FOURGENT_STORE_KEY", &new_key_text);
    for i in 0..10 {
        assert_eq!(
            token(&reader, &format!("acme/old-{i}")),
            format!("sk-old-{i}")
        );
    }
    let added: Vec<&String> = outcomes
        .iter()
        .filter(|(_, r)| r.code == 0)
        .map(|(n, _)| n)
        .collect();
    for name in &added {
        let (w, i) = name.trim_start_matches('w').split_once('-').unwrap();
        assert_eq!(
            token(&reader, &format!("acme/{name}")),
            format!("sk-w{w}-{i}")
        );
    }
    let listed = reader
        .run(&["connections", "list", "--json"])
        .success()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 10 + added.len());
}

// 7. Import and export.

#[test]
fn import_and_export_move_connections_whole_with_their_ids() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let mut m = machine(&store, "alice", &app);
    let url = store.db.url();
    m.remove("FOURGENT_STORE");
    let a = m.add_acme("a", "sk-good-move-a");
    let b = m.add_acme("b", "sk-good-move-b");
    let secrets_file = m.config_dir().join("secrets.toml");
    assert!(
        std::fs::read_to_string(&secrets_file)
            .unwrap()
            .contains("sk-good-move-a")
    );

    m.set("FOURGENT_STORE", &url);
    let run = m.run(&["store", "import"]).success();
    assert!(
        run.stderr
            .contains(&format!("Moved acme/a ({a}) into the team store"))
            && run
                .stderr
                .contains(&format!("Moved acme/b ({b}) into the team store")),
        "{run:?}"
    );
    assert_not_printed(&run, "sk-good-move-a");
    // In the team store, with the same IDs and secrets, seen from another machine.
    let bob = machine(&store, "bob", &app);
    assert_eq!(token(&bob, &a), "sk-good-move-a");
    assert_eq!(token(&bob, "acme/b"), "sk-good-move-b");
    let ids: BTreeSet<String> = store
        .db
        .query("SELECT id FROM fourgent.connections")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, BTreeSet::from([a.clone(), b.clone()]));
    assert_hidden(&store.dump(), "sk-good-move-a", "the database");
    // Gone from this machine.
    assert!(
        !m.read_connections().contains(&a),
        "{}",
        m.read_connections()
    );
    let local_secrets = std::fs::read_to_string(&secrets_file).unwrap_or_default();
    assert!(!local_secrets.contains("sk-good-move"), "{local_secrets}");
    m.remove("FOURGENT_STORE");
    m.run(&["connections", "token", &a]).code(3);

    // export brings them back.
    m.set("FOURGENT_STORE", &url);
    let run = m.run(&["store", "export"]).success();
    assert!(
        run.stderr
            .contains(&format!("Moved acme/a ({a}) to this machine")),
        "{run:?}"
    );
    assert_eq!(store.count("SELECT count(*) FROM fourgent.connections"), 0);
    assert_eq!(store.count("SELECT count(*) FROM fourgent.secrets"), 0);
    m.remove("FOURGENT_STORE");
    assert_eq!(token(&m, &a), "sk-good-move-a");
    assert_eq!(token(&m, "acme/b"), "sk-good-move-b");

    // A name clash: reported, and both copies stay whole where they are.
    let team_x = bob.add_acme("X", "sk-good-team-x");
    let local_x = m.add_acme("x", "sk-good-local-x");
    m.set("FOURGENT_STORE", &url);
    let run = m.run(&["store", "import"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "acme/x ({local_x}) stays where it is: its ID or name is taken into the team store"
        )) && run.stderr.contains("1 of 3 connections could not be moved"),
        "{run:?}"
    );
    // The others moved.
    assert_eq!(token(&bob, &a), "sk-good-move-a");
    assert_eq!(token(&bob, &team_x), "sk-good-team-x");
    m.remove("FOURGENT_STORE");
    assert_eq!(token(&m, &local_x), "sk-good-local-x");
    let listed = m.run(&["connections", "list", "--json"]).success().json();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed:#}");

    // The other way: export of acme/X meets the local acme/x.
    m.set("FOURGENT_STORE", &url);
    let run = m.run(&["store", "export", &team_x]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("stays where it is"), "{run:?}");
    assert_eq!(token(&bob, &team_x), "sk-good-team-x");
    m.remove("FOURGENT_STORE");
    assert_eq!(token(&m, &local_x), "sk-good-local-x");
}

// 8. Many machines at once.

#[test]
fn many_machines_adding_at_once_lose_nothing() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let workers = 8;
    let each = iterations(6, 25);
    let machines: Vec<TestEnv> = (0..workers)
        .map(|w| machine(&store, &format!("runner-{w}"), &app))
        .collect();
    std::thread::scope(|s| {
        for (w, m) in machines.iter().enumerate() {
            s.spawn(move || {
                for i in 0..each {
                    let name = format!("w{w}-{i}");
                    m.add_acme_with(&name, &format!("sk-w{w}-{i}"), &["--no-verify"])
                        .success();
                }
            });
        }
    });
    let total = workers * each;
    assert_eq!(
        store.count("SELECT count(*) FROM fourgent.connections"),
        total
    );
    assert_eq!(store.count("SELECT count(*) FROM fourgent.secrets"), total);
    assert_eq!(
        store.count("SELECT count(*) FROM fourgent.events WHERE action = 'add'"),
        total
    );
    let listed = machines[0]
        .run(&["connections", "list", "--json"])
        .success()
        .json();
    let names: BTreeSet<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), total, "{listed:#}");
    std::thread::scope(|s| {
        for (w, m) in machines.iter().enumerate() {
            s.spawn(move || {
                // Each reads another worker's connections.
                let from = (w + 1) % workers;
                for i in 0..each {
                    assert_eq!(
                        token(m, &format!("acme/w{from}-{i}")),
                        format!("sk-w{from}-{i}")
                    );
                }
            });
        }
    });

    // The same name from every machine at once: one wins, no orphan secret.
    let children: Vec<Child> = machines
        .iter()
        .map(|m| {
            let mut cmd = m.command(&[
                "connections",
                "add",
                "acme",
                "--name",
                "Same",
                "--secret-env",
                "api_key=K",
                "--no-verify",
            ]);
            cmd.env("K", "sk-same");
            common::spawn(&mut cmd)
        })
        .collect();
    let runs: Vec<Run> = children.into_iter().map(finish).collect();
    let won = runs.iter().filter(|r| r.code == 0).count();
    assert_eq!(won, 1, "{runs:?}");
    for run in runs.iter().filter(|r| r.code != 0) {
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains("already exists"), "{run:?}");
    }
    assert_eq!(
        store.count("SELECT count(*) FROM fourgent.connections"),
        total + 1
    );
    assert_eq!(
        store.count("SELECT count(*) FROM fourgent.secrets"),
        total + 1
    );
}

// 9. One refresh across machines, with the real authorization server.

/// Makes the connection's access token due, through the product: export it
/// (to this machine's secrets.toml), backdate the expiry there, import it
/// back. Returns the (access, refresh) tokens it held.
fn make_due(m: &TestEnv, connection: &str) -> (String, String) {
    m.run(&["store", "export", connection]).success();
    let path = m.config_dir().join("secrets.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let grab = |field: &str| {
        let re = regex::Regex::new(&format!(r#"\\?"{field}\\?":\\?"([^"\\]+)"#)).unwrap();
        re.captures(&text)
            .unwrap_or_else(|| panic!("no {field} in secrets.toml:\n{text}"))[1]
            .to_owned()
    };
    let tokens = (grab("access_token"), grab("refresh_token"));
    let re = regex::Regex::new(r#"(\\?"expires_at\\?":\\?")[^"\\]*"#).unwrap();
    assert!(re.is_match(&text), "secrets.toml holds an expiry:\n{text}");
    let due = re.replace_all(&text, "${1}2001-01-01T00:00:00Z");
    std::fs::write(&path, due.as_bytes()).unwrap();
    m.run(&["store", "import", connection]).success();
    tokens
}

#[test]
fn one_refresh_across_machines_and_every_one_gets_the_token() {
    if !oauth_server::available() {
        return;
    }
    let Some(store) = Store::new() else {
        return;
    };
    let server = Server::start(3600);
    let with_idp = |user: &str| {
        let mut env = store.machine(user);
        server.configure(&mut env, "fourgent-public", "body");
        env
    };
    let alice = with_idp("alice");
    let id = add_idp(&alice, "r")["id"].as_str().unwrap().to_owned();
    let refreshes = || server.stats()["refresh_token"].as_u64().unwrap();
    let events = |action: &str| {
        store.count(&format!(
            "SELECT count(*) FROM fourgent.events WHERE connection_id = '{id}' AND action = '{action}'"
        ))
    };
    let n = iterations(10, 50);
    let machines: Vec<TestEnv> = (0..n).map(|i| with_idp(&format!("runner-{i}"))).collect();

    let mut previous = String::new();
    for round in 1..=2 {
        let (old_access, old_refresh) = make_due(&alice, &id);
        let before = refreshes();
        let children: Vec<Child> = machines
            .iter()
            .map(|m| common::spawn(&mut m.command(&["connections", "token", "idp/r"])))
            .collect();
        let runs: Vec<Run> = children.into_iter().map(finish).collect();
        for run in &runs {
            assert_eq!(run.code, 0, "round {round}: {run:?}");
        }
        let token = runs[0].stdout.trim().to_owned();
        for run in &runs {
            assert_eq!(run.stdout.trim(), token, "round {round}: tokens differ");
        }
        assert_ne!(
            token, old_access,
            "round {round}: the due token was handed out"
        );
        assert_ne!(token, previous, "round {round}");
        assert_eq!(server.whoami(&token), 200, "round {round}");
        assert_eq!(
            refreshes() - before,
            1,
            "round {round}: refreshes at the app"
        );
        assert_eq!(events("refresh"), round, "round {round}: refresh events");
        assert_eq!(events("refresh-failed"), 0);
        let listed = alice
            .run(&["connections", "list", "--json"])
            .success()
            .json();
        assert_eq!(listed[0]["status"], "connected", "round {round}");
        // Neither the old tokens nor the new one are in the database.
        let dump = store.dump();
        for secret in [&old_access, &old_refresh, &token] {
            assert_hidden(&dump, secret, "the database");
        }
        previous = token;
    }
    // The history shows who refreshed, as user@host.
    let log = alice
        .run(&["connections", "log", "idp/r", "--json", "--limit", "1000"])
        .success()
        .json();
    let refreshed: Vec<&serde_json::Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "refresh")
        .collect();
    assert_eq!(refreshed.len(), 2, "{log:#}");
    for e in refreshed {
        assert!(e["user"].as_str().unwrap().starts_with("runner-"), "{e}");
        assert_eq!(e["host"], host().as_str());
        assert_eq!(e["connection_id"], id.as_str());
    }
}

// 10. The store down or refusing.

/// A port on 127.0.0.1 where nothing listens.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn a_store_that_cannot_be_reached_is_exit_6_naming_host_and_port() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let canary = "pw-canary-5c81d0";
    let port = closed_port();
    let mut m = machine(&store, "alice", &app);
    m.set(
        "FOURGENT_STORE",
        &format!("postgres://fourgent:{canary}@127.0.0.1:{port}/db?sslmode=disable"),
    )
    .set("FOURGENT_STORE_TIMEOUT", "5");
    let commands: [&[&str]; 6] = [
        &["store", "status"],
        &["store", "init"],
        &["connections", "list"],
        &["connections", "token", "acme/prod"],
        &["-vv", "connections", "show", "acme/prod"],
        &["connections", "log"],
    ];
    for args in commands {
        let run = m.run(args).code(6);
        assert!(
            run.stderr.contains(&format!(
                "cannot reach the team store at postgres://fourgent@127.0.0.1:{port}/db"
            )) && run.stderr.contains("hint: check that the server is up"),
            "{args:?}: {run:?}"
        );
        assert!(
            !run.stderr.contains(canary) && !run.stdout.contains(canary),
            "{run:?}"
        );
    }
    let run = m.add_acme_with("prod", "sk-good-down", &[]).code(6);
    assert!(run.stderr.contains(&format!("127.0.0.1:{port}")), "{run:?}");

    // A server that accepts and never answers: the store's timeout ends it.
    // (The kernel completes the handshake; nobody ever reads or answers.)
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    m.set(
        "FOURGENT_STORE",
        &format!("postgres://fourgent:{canary}@127.0.0.1:{silent_port}/db?sslmode=disable"),
    )
    .set("FOURGENT_STORE_TIMEOUT", "1");
    let run = m.run(&["connections", "list"]).code(6);
    assert!(
        run.stderr.contains(&format!(
            "cannot reach the team store at postgres://fourgent@127.0.0.1:{silent_port}/db"
        )) && run.stderr.contains("no answer within 1 second"),
        "{run:?}"
    );
    assert!(!run.stderr.contains(canary), "{run:?}");
    drop(silent);

    // A real server that refuses the password.
    let real = store.db.url();
    let password = password_of(&real);
    let wrong = real.replace(&format!(":{password}@"), &format!(":{canary}@"));
    m.set("FOURGENT_STORE", &wrong)
        .set("FOURGENT_STORE_TIMEOUT", "10");
    for args in [&["store", "status"][..], &["-vv", "connections", "list"]] {
        let run = m.run(args).code(6);
        assert!(
            run.stderr.contains("password authentication failed")
                && run
                    .stderr
                    .contains(&format!("127.0.0.1:{}", postgres_port(&store))),
            "{args:?}: {run:?}"
        );
        assert!(
            !run.stderr.contains(canary) && !run.stdout.contains(canary),
            "{run:?}"
        );
    }
    // The same store URL in config.toml.
    m.remove("FOURGENT_STORE");
    std::fs::write(
        m.config_dir().join("config.toml"),
        format!("store = \"{wrong}\"\n"),
    )
    .unwrap();
    let run = m.run(&["connections", "list"]).code(6);
    assert!(
        run.stderr.contains("password authentication failed"),
        "{run:?}"
    );
    assert!(!run.stderr.contains(canary), "{run:?}");
}

#[test]
fn the_store_password_never_appears_in_any_output() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let m = machine(&store, "alice", &app);
    let password = password_of(&store.db.url());
    let mut runs = vec![
        m.add_acme_with("prod", "sk-good-pw", &["-vv", "--json"]),
        m.run(&["-vv", "connections", "list"]),
        m.run(&["-vv", "connections", "show", "acme/prod"]),
        m.run(&["-vv", "connections", "token", "acme/prod"]),
        m.run(&["-vv", "connections", "status"]),
        m.run(&["-vv", "connections", "log"]),
        m.run(&["-vv", "store", "status", "--json"]),
        m.run(&["connections", "show", "nope"]),
    ];
    // The same store named with --store instead of FOURGENT_STORE.
    let mut flagged = machine(&store, "alice", &app);
    flagged.remove("FOURGENT_STORE");
    let url = store.db.url();
    let run = flagged
        .run(&["--store", &url, "connections", "list", "--json"])
        .success();
    assert_eq!(run.json().as_array().unwrap().len(), 1, "{run:?}");
    runs.push(run);
    runs.push(
        flagged
            .run(&["--store", &url, "-vv", "store", "status"])
            .success(),
    );
    runs.push(m.run(&["-vv", "connections", "delete", "--yes", "acme/prod"]));
    // A statement the server refuses.
    store.db.query("DROP TABLE fourgent.events");
    runs.push(m.run(&["-vv", "connections", "log"]));
    for run in &runs {
        assert_not_printed(run, &password);
    }
    assert_ne!(runs.last().unwrap().code, 0);
}

#[test]
fn a_malformed_store_url_is_a_usage_error_that_does_not_repeat_it() {
    let env = TestEnv::with_file_store();
    let canary = "pwcanary7d1e";
    for (url, says) in [
        (
            format!("postgres://u:{canary}@localhost:notaport/db"),
            "invalid port number",
        ),
        (
            format!("postgres://u:{canary}@[::1/db"),
            "invalid IPv6 address",
        ),
        (
            format!("postgres://u:{canary}@127.0.0.1/db?sslmode=prefer"),
            "sslmode `prefer` is not supported",
        ),
        (
            format!("postgres://u:{canary}@127.0.0.1/db?bogus={canary}"),
            "invalid connection string",
        ),
        (
            format!("mysql://u:{canary}@127.0.0.1/db"),
            "a team store is a `postgres://` URL",
        ),
    ] {
        let run = env.run(&["--store", &url, "connections", "list"]).code(2);
        assert!(
            run.stderr.contains(says)
                && run.stderr.contains("(from --store (or FOURGENT_STORE))")
                && run
                    .stderr
                    .contains("hint: a team store is `postgres://USER@HOST:PORT/DB`"),
            "{url}: {run:?}"
        );
        assert!(!run.stderr.contains(canary), "{url}: {run:?}");
    }
}

#[test]
fn a_store_that_goes_away_and_comes_back() {
    let Some(_) = postgres::server() else {
        return;
    };
    let cluster = postgres::Cluster::own();
    let db = cluster.server().fresh_database();
    let app = lenient_app();
    let mut m = TestEnv::with_file_store();
    with_apps(&m, &app);
    m.set("FOURGENT_STORE", &db.url())
        .set("FOURGENT_STORE_KEY", &new_key())
        .set("FOURGENT_STORE_TIMEOUT", "5");
    m.run(&["store", "init"]).success();
    m.add_acme("prod", "sk-good-away");
    let before = db.query("SELECT id, meta::text FROM fourgent.connections");

    cluster.stop();
    let port = cluster.server().port();
    for args in [
        &["connections", "token", "acme/prod"][..],
        &["connections", "list"],
        &["store", "status"],
    ] {
        let run = m.run(args).code(6);
        assert!(
            run.stderr.contains(&format!(
                "cannot reach the team store at postgres://fourgent@127.0.0.1:{port}/"
            )) && run.stderr.contains("Connection refused"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "");
    }
    let run = m.add_acme_with("other", "sk-good-other", &[]).code(6);
    assert_not_printed(&run, "sk-good-other");

    cluster.start();
    assert_eq!(token(&m, "acme/prod"), "sk-good-away");
    assert_eq!(
        db.query("SELECT id, meta::text FROM fourgent.connections"),
        before
    );
    m.add_acme("other", "sk-good-other");
}

// 11. History.

#[test]
fn the_log_shows_who_did_what_and_uses_are_counted_once_an_hour() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let bob = machine(&store, "bob", &app);
    let host = host();
    let id = alice.add_acme("prod", "sk-good-log");
    alice.add_acme("other", "sk-good-log-2");
    token(&alice, "acme/prod");
    token(&alice, "acme/prod");
    alice
        .run(&["connections", "exec", "acme/prod", "--", "true"])
        .success();
    token(&bob, &id);
    // One use row per connection, machine, user and hour.
    let uses = store.db.query(&format!(
        "SELECT os_user, count(*), count(DISTINCT use_hour) FROM fourgent.events
         WHERE connection_id = '{id}' AND action = 'use' GROUP BY os_user ORDER BY os_user"
    ));
    assert_eq!(uses.len(), 2, "{uses:?}");
    for row in &uses {
        assert_eq!(row[1], row[2], "more than one use row an hour: {uses:?}");
    }

    // Text (not a terminal: tab-separated, RFC 3339 times).
    let run = alice.run(&["connections", "log"]).success();
    let lines: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    let whats: Vec<(&str, &str, &str)> = lines.iter().map(|l| (l[1], l[2], l[3])).collect();
    let alice_at = format!("alice@{host}");
    let bob_at = format!("bob@{host}");
    assert!(
        whats.contains(&(alice_at.as_str(), "add", "acme/prod")),
        "{run:?}"
    );
    assert!(
        whats.contains(&(alice_at.as_str(), "add", "acme/other")),
        "{run:?}"
    );
    assert!(
        whats.contains(&(alice_at.as_str(), "use", "acme/prod")),
        "{run:?}"
    );
    assert!(
        whats.contains(&(bob_at.as_str(), "use", "acme/prod")),
        "{run:?}"
    );
    for line in &lines {
        assert!(line[0].parse::<jiff::Timestamp>().is_ok(), "{line:?}");
    }

    // One connection, as JSON.
    let json = bob
        .run(&["connections", "log", "acme/prod", "--json"])
        .success()
        .json();
    let events = json.as_array().unwrap();
    assert!(
        events.iter().all(|e| e["connection_id"] == id.as_str()),
        "{json:#}"
    );
    assert_eq!(events[0]["action"], "add");
    assert_eq!(events[0]["user"], "alice");
    assert_eq!(events[0]["host"], host.as_str());
    let limited = bob
        .run(&["connections", "log", "--limit", "1", "--json"])
        .success()
        .json();
    assert_eq!(limited.as_array().unwrap().len(), 1);

    // delete says who used it lately.
    let Some(t) = Terminal::start(&alice, &["connections", "delete", "acme/prod"]) else {
        return;
    };
    let screen = t.wait_for("Delete?");
    assert!(
        screen.contains("acme/prod was used in the last 7 days by"),
        "{screen}"
    );
    assert!(
        screen.contains(&bob_at) && screen.contains(&alice_at),
        "{screen}"
    );
    t.send(&["n", "Enter"]);
    t.wait_for("[exit 130]");
    drop(t);
    alice
        .run(&["connections", "delete", "--yes", "acme/prod"])
        .success();
    let run = alice.run(&["connections", "log"]).success();
    assert!(
        run.stdout
            .contains(&format!("{alice_at}\tdelete\tacme/prod")),
        "{run:?}"
    );
    // The history outlives the connection: add, the use rows, delete.
    let use_rows: usize = uses.iter().map(|r| r[1].parse::<usize>().unwrap()).sum();
    assert_eq!(
        store.count(&format!(
            "SELECT count(*) FROM fourgent.events WHERE connection_id = '{id}'"
        )),
        2 + use_rows,
    );
}

#[test]
fn rows_written_by_someone_else_reach_no_terminal_raw() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let id = alice.add_acme("prod", "sk-good-hostile");
    // What a hostile admin or a tampered client could write.
    store.db.query(&format!(
        r"INSERT INTO fourgent.events (connection_id, connection, action, os_user, host, detail)
          VALUES ('{id}', E'acme/\x1b[31mprod', 'use', E'ev\x1b]0;title\x07il', E'h\x1b[2Jost', E'de\ttail\nnext');
          UPDATE fourgent.connections SET meta = jsonb_set(meta, '{{account}}', to_jsonb(E'Acc\x1b[2Jount\x07'::text))
          WHERE id = '{id}'"
    ));
    for args in [
        &["connections", "log"][..],
        &["connections", "log", "--json"],
        &["connections", "list"],
        &["connections", "list", "--json"],
        &["connections", "show", "acme/prod"],
    ] {
        let run = alice.run(args).success();
        for text in [&run.stdout, &run.stderr] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?} printed a control character: {run:?}"
            );
        }
    }
    // The tab and newline in a value do not break the columns.
    let run = alice.run(&["connections", "log"]).success();
    for line in run.stdout.lines() {
        assert_eq!(line.split('\t').count(), 5, "{run:?}");
    }
}

#[test]
fn log_on_the_local_store_is_a_usage_error_with_a_hint() {
    let env = TestEnv::with_file_store();
    let run = env.run(&["connections", "log"]).code(2);
    assert!(
        run.stderr
            .contains("this machine's own store keeps no history")
            && run
                .stderr
                .contains("hint: pass `--store postgres://…` (or set FOURGENT_STORE)"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

// 12. TLS.

#[test]
fn tls_with_the_servers_ca_works_and_another_ca_is_refused() {
    let Some(store) = Store::empty() else {
        return;
    };
    let app = lenient_app();
    let mut m = machine(&store, "alice", &app);
    m.set("FOURGENT_STORE", &store.db.tls_url());
    m.run(&["store", "init"]).success();
    let id = m.add_acme("prod", "sk-good-tls");
    assert_eq!(token(&m, &id), "sk-good-tls");

    // The server's certificate is checked: a CA that did not sign it fails.
    let dir = tempfile::tempdir().unwrap();
    let other_ca = dir.path().join("other-ca.crt");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-subj", "/CN=another CA", "-days", "1", "-keyout"])
        .arg(dir.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run openssl");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let ca = postgres::server().unwrap().ca().display().to_string();
    let tls_url = store.db.tls_url();
    let encoded_ca = tls_url.split("sslrootcert=").nth(1).unwrap().to_owned();
    assert!(!ca.is_empty());
    let wrong = tls_url.replace(&encoded_ca, &other_ca.display().to_string());
    assert_ne!(wrong, tls_url);
    m.set("FOURGENT_STORE", &wrong);
    for args in [
        &["connections", "list"][..],
        &["connections", "token", "acme/prod"],
    ] {
        let run = m.run(args).code(6);
        assert!(
            run.stderr
                .contains("cannot reach the team store at postgres://fourgent@127.0.0.1")
                && run.stderr.to_lowercase().contains("certificate"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "");
    }
    // An sslrootcert that does not exist.
    let missing = tls_url.replace(&encoded_ca, "/nonexistent/ca.crt");
    m.set("FOURGENT_STORE", &missing);
    let run = m.run(&["connections", "list"]).code(6);
    assert!(run.stderr.contains("/nonexistent/ca.crt"), "{run:?}");
    // Without TLS the same database answers.
    m.set("FOURGENT_STORE", &store.db.url());
    assert_eq!(token(&m, &id), "sk-good-tls");
}

#[test]
fn a_damaged_row_is_a_config_error_like_a_damaged_file() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let id = alice.add_acme("prod", "sk-good-damaged");
    store.db.query(&format!(
        r#"UPDATE fourgent.connections SET meta = '{{"id": 5}}' WHERE id = '{id}'"#
    ));
    let before = store.dump();
    // A damaged connections.toml is exit 7 with what is wrong and where;
    // the team store says "refused a request" and exits 1.
    let run = alice.run(&["connections", "list"]).code(7);
    assert!(run.stderr.contains(&format!("`{id}`")), "{run:?}");
    assert!(!run.stderr.contains("refused a request"), "{run:?}");
    assert_eq!(store.dump(), before);
}

#[test]
fn delete_with_yes_says_who_used_the_connection_lately() {
    let Some(store) = Store::new() else {
        return;
    };
    let app = lenient_app();
    let alice = machine(&store, "alice", &app);
    let bob = machine(&store, "bob", &app);
    alice.add_acme("prod", "sk-good-del");
    token(&bob, "acme/prod");
    let run = alice
        .run(&["connections", "delete", "--yes", "acme/prod"])
        .success();
    assert!(
        run.stderr.contains(&format!(
            "acme/prod was used in the last 7 days by bob@{}",
            host()
        )),
        "{run:?}"
    );
}
