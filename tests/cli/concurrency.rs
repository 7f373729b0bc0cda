//! Many fourgent processes at once on one config dir: the lock must make
//! every read-modify-write see the previous one, so no connection and no
//! secret is ever lost, and no temp file is left behind.
//!
//! Every test starts all its processes before waiting for any of them, so
//! they really overlap (each one spends most of its time in process start,
//! verification and fsync, which is when the others take the lock).

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Stdio};

use crate::common::{self, FakeApp, Response, Run, TestEnv, finish, keyring_available};

/// An app that accepts any key starting with `key-`, so concurrent adds and
/// reauthorizes really go through verification (outside the lock) first.
fn lenient_app() -> FakeApp {
    FakeApp::start(|req| match req.headers.get("x-api-key") {
        Some(k) if k.starts_with("key-") => {
            Response::json(200, r#"{"account":{"name":"Acme Inc","id":42}}"#)
        }
        _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
    })
}

/// Starts `fourgent ARGS` with `SECRET_VAR=secret` in its environment (for
/// `--secret-env api_key=SECRET_VAR`), without waiting for it.
fn spawn(env: &TestEnv, args: &[&str], secret: Option<&str>) -> Child {
    let mut cmd = env.command(args);
    if let Some(s) = secret {
        cmd.env("SECRET_VAR", s);
    }
    common::spawn(&mut cmd)
}

fn add_args(name: &str, verify: bool) -> Vec<&str> {
    let mut args = vec![
        "connections",
        "add",
        "acme",
        "--name",
        name,
        "--secret-env",
        "api_key=SECRET_VAR",
        "--json",
    ];
    if !verify {
        args.push("--no-verify");
    }
    args
}

/// `list --json` as (name → id) for the `acme` app, asserting IDs are unique.
fn listed(env: &TestEnv) -> BTreeMap<String, String> {
    let json = env.run(&["connections", "list", "--json"]).success().json();
    let mut by_name = BTreeMap::new();
    let mut ids = BTreeSet::new();
    for c in json.as_array().expect("list --json is an array") {
        let id = c["id"].as_str().unwrap().to_owned();
        assert!(ids.insert(id.clone()), "ID {id} appears twice:\n{json:#}");
        let name = c["name"].as_str().unwrap().to_owned();
        assert!(
            by_name.insert(name.clone(), id).is_none(),
            "name {name} appears twice:\n{json:#}"
        );
    }
    by_name
}

/// The secret `token` prints for each connection, read by `token`
/// processes running 8 at a time (each must succeed). Not all at once: 64
/// simultaneous keychain sessions on a 2-core machine can exceed the tests'
/// 5 s keychain timeout, which is load, not a lost secret.
fn tokens(env: &TestEnv, selectors: &[String]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for chunk in selectors.chunks(8) {
        let children: Vec<(String, Child)> = chunk
            .iter()
            .map(|s| (s.clone(), spawn(env, &["connections", "token", s], None)))
            .collect();
        for (s, c) in children {
            let run = finish(c);
            assert_eq!(run.code, 0, "token {s}: {run:?}");
            out.insert(s, run.stdout.trim_end_matches('\n').to_owned());
        }
    }
    out
}

/// Checks that each connection (name → expected secret) has its secret.
/// The file store: `token` for every one. The keychain: the entry under the
/// connection's ID (read with `secret-tool`) for every one, and `token` for
/// every eighth (a keychain session of a debug build costs ~0.1 s of CPU).
fn check_secrets(
    env: &TestEnv,
    keychain: bool,
    listed: &BTreeMap<String, String>,
    expected: &BTreeMap<String, String>,
) {
    let sample: Vec<String> = expected
        .keys()
        .enumerate()
        .filter(|(i, _)| !keychain || i % 8 == 0)
        .map(|(_, n)| format!("acme/{n}"))
        .collect();
    let read = tokens(env, &sample);
    for (sel, got) in &read {
        let name = sel.strip_prefix("acme/").unwrap();
        assert_eq!(got, &expected[name], "the secret `token` prints for {sel}");
    }
    if keychain {
        for (name, secret) in expected {
            let id = &listed[name];
            let stored = crate::common::keychain_lookup(id)
                .unwrap_or_else(|| panic!("no keychain entry for acme/{name} ({id})"));
            assert!(
                stored.contains(&format!("\"{secret}\"")),
                "the keychain entry of acme/{name} ({id}) does not hold its secret"
            );
        }
    }
}

/// Files in the config dir other than the ones fourgent is meant to leave:
/// connections.toml, secrets.toml, connectors.toml and `*.lock` files.
fn stray_files(env: &TestEnv) -> Vec<String> {
    let mut stray = Vec::new();
    for entry in std::fs::read_dir(env.config_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == "locks" {
            // The per-connection secret locks: lock files only.
            for lock in std::fs::read_dir(entry_path(env, &name)).unwrap() {
                let lock = lock.unwrap().file_name().to_string_lossy().into_owned();
                if !lock.ends_with(".lock") {
                    stray.push(format!("locks/{lock}"));
                }
            }
            continue;
        }
        let expected = matches!(
            name.as_str(),
            "connections.toml" | "secrets.toml" | "connectors.toml"
        ) || name.ends_with(".lock");
        if !expected {
            stray.push(name);
        }
    }
    stray.sort();
    stray
}

fn entry_path(env: &TestEnv, name: &str) -> std::path::PathBuf {
    env.config_dir().join(name)
}

#[track_caller]
fn assert_all_succeeded(runs: &[(String, Run)]) {
    let failed: Vec<String> = runs
        .iter()
        .filter(|(_, r)| r.code != 0)
        .map(|(label, r)| format!("{label}: {r:?}"))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} concurrent runs failed:\n{}",
        failed.len(),
        runs.len(),
        failed.join("\n")
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// 64 adds started together; afterwards all 64 are there with their own
/// secrets, and nothing else is in the config dir.
fn sixty_four_concurrent_adds(env: &TestEnv, verify: bool, keychain: bool) {
    let names: Vec<String> = (0..64).map(|i| format!("conc-{i:02}")).collect();
    let secret = |name: &str| format!("key-{name}-s3cr3t");
    let children: Vec<(String, Child)> = names
        .iter()
        .map(|n| {
            (
                n.clone(),
                spawn(env, &add_args(n, verify), Some(&secret(n))),
            )
        })
        .collect();
    let runs: Vec<(String, Run)> = children
        .into_iter()
        .map(|(n, c)| (format!("add {n}"), finish(c)))
        .collect();
    assert_all_succeeded(&runs);

    // Each add reported the connection it made; all of them are listed.
    let listed = listed(env);
    assert_eq!(
        listed.keys().cloned().collect::<BTreeSet<_>>(),
        names.iter().cloned().collect::<BTreeSet<_>>(),
        "list --json after 64 concurrent adds"
    );
    for (label, run) in &runs {
        let json = run.json();
        let name = json["name"].as_str().unwrap();
        assert_eq!(
            json["id"].as_str(),
            Some(listed[name].as_str()),
            "{label} printed an ID that is not the stored one"
        );
    }
    let expected: BTreeMap<String, String> = names.iter().map(|n| (n.clone(), secret(n))).collect();
    check_secrets(env, keychain, &listed, &expected);
    assert_eq!(stray_files(env), Vec::<String>::new(), "stray files");
    #[cfg(unix)]
    assert_eq!(mode(&env.connections_file()), 0o600);
}

#[test]
fn sixty_four_concurrent_adds_with_the_file_store_lose_nothing() {
    let app = lenient_app();
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    sixty_four_concurrent_adds(&env, true, false);
    assert_eq!(app.hits(), 64, "each add verified its key once");
    #[cfg(unix)]
    assert_eq!(mode(&env.config_dir().join("secrets.toml")), 0o600);
}

#[test]
fn sixty_four_concurrent_adds_with_the_keychain_lose_nothing() {
    if !keyring_available() {
        return;
    }
    let app = lenient_app();
    let env = TestEnv::new();
    env.with_acme(&app);
    sixty_four_concurrent_adds(&env, false, true);
    assert_eq!(app.hits(), 0, "--no-verify never calls the app");
    assert!(
        !env.config_dir().join("secrets.toml").exists(),
        "the keychain store never writes secrets.toml"
    );
}

/// Adds of one name, all at once: exactly one wins; the others fail as
/// "already exists" and leave no secret behind.
#[test]
fn concurrent_adds_of_one_name_make_exactly_one_connection() {
    let app = lenient_app();
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let children: Vec<(String, Child)> = (0..16)
        .map(|i| {
            (
                format!("add #{i}"),
                spawn(&env, &add_args("same", true), Some(&format!("key-{i}"))),
            )
        })
        .collect();
    let runs: Vec<(String, Run)> = children.into_iter().map(|(l, c)| (l, finish(c))).collect();
    let winners: Vec<&(String, Run)> = runs.iter().filter(|(_, r)| r.code == 0).collect();
    assert_eq!(winners.len(), 1, "exactly one add wins: {runs:#?}");
    for (label, run) in runs.iter().filter(|(_, r)| r.code != 0) {
        assert_eq!(
            run.code, 2,
            "{label} lost the race as a usage error: {run:?}"
        );
        assert!(run.stderr.contains("already exists"), "{label}: {run:?}");
    }
    let winner_key = winners[0].1.id();
    let listed = listed(&env);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed["same"], winner_key);

    // The losers wrote no secret (or removed the one they wrote).
    let secrets: toml::Table = std::fs::read_to_string(env.config_dir().join("secrets.toml"))
        .unwrap()
        .parse()
        .expect("secrets.toml parses");
    let stored: Vec<&String> = secrets["secrets"].as_table().unwrap().keys().collect();
    assert_eq!(
        stored,
        vec![&winner_key],
        "only the winner's secret is stored"
    );
    assert_eq!(stray_files(&env), Vec::<String>::new(), "stray files");
}

/// What the add/reauthorize/delete race starts from and ends with.
struct RaceSetup {
    /// Untouched during the race.
    bystanders: BTreeMap<String, String>,
    /// Re-authorized during the race.
    reauthorized: BTreeMap<String, String>,
    /// Deleted during the race.
    deleted: BTreeMap<String, String>,
}

fn race_setup(env: &TestEnv) -> RaceSetup {
    let add = |name: &str| env.add_acme(name, &format!("key-old-{name}"));
    let mut setup = RaceSetup {
        bystanders: BTreeMap::new(),
        reauthorized: BTreeMap::new(),
        deleted: BTreeMap::new(),
    };
    for i in 0..5 {
        let n = format!("keep-{i}");
        setup.bystanders.insert(n.clone(), add(&n));
    }
    for i in 0..20 {
        let n = format!("rotate-{i:02}");
        setup.reauthorized.insert(n.clone(), add(&n));
    }
    for i in 0..10 {
        let n = format!("drop-{i}");
        setup.deleted.insert(n.clone(), add(&n));
    }
    setup
}

/// 20 adds of new names, 20 reauthorizes of existing connections and 10
/// deletes of other existing ones, all started at once. Returns every run.
fn race(env: &TestEnv, setup: &RaceSetup) -> Vec<(String, Run)> {
    let mut children: Vec<(String, Child)> = Vec::new();
    let deleting: Vec<&String> = setup.deleted.keys().collect();
    // Interleave the kinds so they start mixed, not in three waves.
    for (i, r) in setup.reauthorized.keys().enumerate() {
        let new = format!("new-{i:02}");
        children.push((
            format!("add {new}"),
            spawn(env, &add_args(&new, true), Some(&format!("key-{new}"))),
        ));
        children.push((
            format!("reauthorize {r}"),
            spawn(
                env,
                &[
                    "connections",
                    "reauthorize",
                    &format!("acme/{r}"),
                    "--secret-env",
                    "api_key=SECRET_VAR",
                ],
                Some(&format!("key-new-{r}")),
            ),
        ));
        if let Some(d) = deleting.get(i) {
            children.push((
                format!("delete {d}"),
                spawn(
                    env,
                    &["connections", "delete", &format!("acme/{d}"), "--yes"],
                    None,
                ),
            ));
        }
    }
    children.into_iter().map(|(l, c)| (l, finish(c))).collect()
}

/// Checks the state after [`race`]: exactly the expected connections, with
/// the expected secrets, and the deleted ones gone everywhere.
fn check_after_race(env: &TestEnv, setup: &RaceSetup, secret_store_file: bool) {
    let listed = listed(env);
    let mut expected: BTreeSet<String> = setup.bystanders.keys().cloned().collect();
    expected.extend(setup.reauthorized.keys().cloned());
    expected.extend((0..20).map(|i| format!("new-{i:02}")));
    assert_eq!(
        listed.keys().cloned().collect::<BTreeSet<_>>(),
        expected,
        "the connections after the race"
    );
    for (name, id) in setup.bystanders.iter().chain(&setup.reauthorized) {
        assert_eq!(&listed[name], id, "{name} kept its ID");
    }
    let mut expected_secrets: BTreeMap<String, String> = BTreeMap::new();
    for name in setup.bystanders.keys() {
        expected_secrets.insert(name.clone(), format!("key-old-{name}"));
    }
    for name in setup.reauthorized.keys() {
        expected_secrets.insert(name.clone(), format!("key-new-{name}"));
    }
    for i in 0..20 {
        let name = format!("new-{i:02}");
        expected_secrets.insert(name.clone(), format!("key-{name}"));
    }
    check_secrets(env, !secret_store_file, &listed, &expected_secrets);
    for (name, id) in &setup.deleted {
        env.run(&["connections", "show", id]).code(3);
        assert!(
            !env.read_connections().contains(id.as_str()),
            "{name} ({id}) is still in connections.toml"
        );
    }
    if secret_store_file {
        // Exactly one secret per remaining connection: none lost, no orphan.
        let text = std::fs::read_to_string(env.config_dir().join("secrets.toml")).unwrap();
        let secrets: toml::Table = text.parse().expect("secrets.toml parses");
        let stored: BTreeSet<String> = secrets["secrets"]
            .as_table()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let ids: BTreeSet<String> = listed.values().cloned().collect();
        assert_eq!(
            stored, ids,
            "secrets.toml holds exactly the listed connections"
        );
    } else {
        for (name, id) in &setup.deleted {
            assert_eq!(
                crate::common::keychain_lookup(id),
                None,
                "the keychain entry of the deleted {name} ({id}) is gone"
            );
        }
    }
    assert_eq!(stray_files(env), Vec::<String>::new(), "stray files");
}

#[test]
fn add_reauthorize_and_delete_racing_on_the_file_store_lose_nothing() {
    let app = lenient_app();
    // A few rounds, each in a fresh config dir: a lost update or a lost temp
    // file needs an unlucky interleaving.
    for _round in 0..2 {
        let env = TestEnv::with_file_store();
        env.with_acme(&app);
        let setup = race_setup(&env);
        let runs = race(&env, &setup);
        assert_all_succeeded(&runs);
        check_after_race(&env, &setup, true);
    }
}

#[test]
fn add_reauthorize_and_delete_racing_on_the_keychain_lose_nothing() {
    if !keyring_available() {
        return;
    }
    let app = lenient_app();
    let env = TestEnv::new();
    env.with_acme(&app);
    let setup = race_setup(&env);
    let runs = race(&env, &setup);
    assert_all_succeeded(&runs);
    check_after_race(&env, &setup, false);
}

/// A reauthorize and a delete of the same connection, at once, many times:
/// whichever wins, a deleted connection leaves no secret behind, and a
/// surviving one has the old or the new secret.
#[test]
fn reauthorize_racing_delete_of_one_connection_leaves_no_orphan_secret() {
    let app = lenient_app();
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let mut orphans = Vec::new();
    let (mut deleted, mut kept) = (0, 0);
    for round in 0..30 {
        let name = format!("victim-{round:02}");
        let id = env.add_acme(&name, &format!("key-old-{name}"));
        let selector = format!("acme/{name}");
        let reauth = spawn(
            &env,
            &[
                "connections",
                "reauthorize",
                &selector,
                "--secret-env",
                "api_key=SECRET_VAR",
            ],
            Some(&format!("key-new-{name}")),
        );
        let delete = spawn(&env, &["connections", "delete", &selector, "--yes"], None);
        let reauth = finish(reauth);
        let delete = finish(delete);
        let secrets: toml::Table = std::fs::read_to_string(env.config_dir().join("secrets.toml"))
            .unwrap()
            .parse()
            .expect("secrets.toml parses");
        let has_secret = secrets["secrets"].as_table().unwrap().contains_key(&id);
        if listed(&env).contains_key(&name) {
            kept += 1;
            assert_ne!(
                delete.code, 0,
                "delete succeeded but {name} is still listed"
            );
            let t = env.run(&["connections", "token", &selector]).success();
            let t = t.stdout.trim_end();
            assert!(
                t == format!("key-old-{name}") || t == format!("key-new-{name}"),
                "{name} has a secret that is neither the old nor the new one"
            );
        } else {
            deleted += 1;
            assert_eq!(
                delete.code, 0,
                "{name} is gone, so the delete succeeded: {delete:?}"
            );
            if has_secret {
                orphans.push(format!(
                    "{name} ({id}): reauthorize exit {}, delete exit {}",
                    reauth.code, delete.code
                ));
            }
        }
    }
    eprintln!(
        "{deleted} deleted, {kept} kept, {} orphan secrets",
        orphans.len()
    );
    assert!(
        orphans.is_empty(),
        "deleted connections whose secret is still stored:\n{}",
        orphans.join("\n")
    );
}

/// `status` checks the old, revoked key slowly while `reauthorize` stores a
/// new, verified one: the status written last must not mark the connection
/// Not Connected on the strength of a secret it no longer has.
#[test]
fn a_slow_status_does_not_undo_a_concurrent_reauthorize() {
    let app = FakeApp::start(
        |req| match req.headers.get("x-api-key").map(String::as_str) {
            Some("key-fresh") => Response::json(200, r#"{"account":{"name":"Acme Inc"}}"#),
            Some("key-revoked") => Response {
                delay: std::time::Duration::from_millis(1500),
                ..Response::json(401, r#"{"message":"Invalid API key"}"#)
            },
            _ => Response::json(401, r#"{"message":"Invalid API key"}"#),
        },
    );
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    // Added while the key was still good (the app accepted it then).
    env.add_acme("rotating", "key-fresh");
    env.run_with_stdin(
        &[
            "connections",
            "reauthorize",
            "acme/rotating",
            "--secret-stdin",
            "api_key",
            "--no-verify",
        ],
        Some("key-revoked"),
    )
    .success();

    let status = spawn(&env, &["connections", "status", "--json"], None);
    // Let status read the (revoked) secret and send its slow check first.
    while !app
        .requests()
        .iter()
        .any(|r| r.headers.get("x-api-key").map(String::as_str) == Some("key-revoked"))
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let reauth = spawn(
        &env,
        &[
            "connections",
            "reauthorize",
            "acme/rotating",
            "--secret-env",
            "api_key=SECRET_VAR",
        ],
        Some("key-fresh"),
    );
    let reauth = finish(reauth);
    assert_eq!(reauth.code, 0, "{reauth:?}");
    let status = finish(status);
    assert_eq!(status.code, 5, "status saw the revoked key: {status:?}");

    assert_eq!(
        tokens(&env, &["acme/rotating".to_owned()])["acme/rotating"],
        "key-fresh"
    );
    let show = env
        .run(&["connections", "show", "acme/rotating", "--json"])
        .success()
        .json();
    assert_eq!(
        show["status"], "connected",
        "the stored key was verified after the status check started: {show:#}"
    );
}

/// Starts `fourgent ARGS` with `input` on its stdin.
fn spawn_with_stdin(env: &TestEnv, args: &[&str], input: &str) -> Child {
    use std::io::Write;
    let mut child = env
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fourgent");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child
}

/// `connectors set-secret` writes secrets.toml while adds write
/// connections.toml (and sweep the temp files of killed writers): neither
/// may make the other fail, and the secret stored last is readable.
#[test]
fn set_secret_racing_adds_on_the_file_store_never_fails() {
    let app = lenient_app();
    // Many rounds: the sweep has to land between another writer's temp file
    // and its rename, which happens in roughly one round in eight here.
    for _round in 0..16 {
        let env = TestEnv::with_file_store();
        env.with_acme(&app);
        let mut children: Vec<(String, Child)> = Vec::new();
        for i in 0..48 {
            if i % 3 == 0 {
                let name = format!("s-{i:02}");
                children.push((
                    format!("add {name}"),
                    spawn(&env, &add_args(&name, false), Some(&format!("key-{name}"))),
                ));
            }
            children.push((
                format!("set-secret #{i}"),
                spawn_with_stdin(
                    &env,
                    &["connectors", "set-secret", "hubspot"],
                    &format!("client-secret-{i}"),
                ),
            ));
        }
        let runs: Vec<(String, Run)> = children.into_iter().map(|(l, c)| (l, finish(c))).collect();
        assert_all_succeeded(&runs);
        assert_eq!(listed(&env).len(), 16);
        let secrets: toml::Table = std::fs::read_to_string(env.config_dir().join("secrets.toml"))
            .unwrap()
            .parse()
            .expect("secrets.toml parses");
        let stored = secrets["secrets"]["client-secret:hubspot"]
            .as_str()
            .unwrap();
        assert!(stored.starts_with("client-secret-"), "{stored}");
        assert_eq!(stray_files(&env), Vec::<String>::new(), "stray files");
    }
}
