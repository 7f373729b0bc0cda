//! Processes killed (SIGKILL) at random points while they write: the files
//! must always parse and hold the state from before or after the command,
//! never a mix, and the temp files a killed writer leaves must be swept by
//! the next successful write.
//!
//! The kill delays are random; the seed is printed so a failure can be
//! replayed with `FOURGENT_CRASH_SEED=<seed>`.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{FakeApp, Response, TestEnv, iterations, stress};

/// xorshift64*: enough randomness for kill delays, no extra dependency.
struct Rng(u64);

impl Rng {
    fn seeded(test: &str) -> Rng {
        let seed = std::env::var("FOURGENT_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("{test}: FOURGENT_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A duration in `[0, max]`, in microsecond steps.
    fn up_to(&mut self, max: Duration) -> Duration {
        let us = max.as_micros() as u64;
        Duration::from_micros(self.next() % (us + 1))
    }
}

fn spawn(env: &TestEnv, args: &[&str], secret: Option<&str>) -> Child {
    let mut cmd = env.command(args);
    if let Some(s) = secret {
        cmd.env("SECRET_VAR", s);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start fourgent")
}

/// Lets `child` run for `delay`, then SIGKILLs it (if still running).
/// Whether it finished successfully on its own.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    std::thread::sleep(delay);
    let _ = child.kill(); // fails only when it has already been reaped
    let status = child.wait().expect("wait for fourgent");
    status.success()
}

/// Waits for `child` to finish on its own; whether it succeeded.
fn wait_ok(mut child: Child) -> bool {
    child.wait().expect("wait for fourgent").success()
}

fn add_args(name: &str) -> [&str; 8] {
    [
        "connections",
        "add",
        "acme",
        "--name",
        name,
        "--secret-env",
        "api_key=SECRET_VAR",
        "--no-verify",
    ]
}

/// (name → ID) as `list --json` reports it: it must succeed and print JSON.
fn listed(env: &TestEnv, context: &str) -> BTreeMap<String, String> {
    let run = env.run(&["connections", "list", "--json"]);
    assert_eq!(
        run.code,
        0,
        "{context}: list failed; connections.toml is:\n{}\n{run:?}",
        env.read_connections()
    );
    run.json()
        .as_array()
        .unwrap_or_else(|| panic!("{context}: list --json is not an array: {run:?}"))
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The IDs secrets.toml holds a secret for; it must parse (when present).
fn secret_ids(env: &TestEnv, context: &str) -> BTreeSet<String> {
    let path = env.config_dir().join("secrets.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeSet::new();
    };
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{context}: secrets.toml does not parse: {e}"));
    assert_eq!(
        table.get("version").and_then(toml::Value::as_integer),
        Some(1),
        "{context}: secrets.toml has lost its version"
    );
    match table.get("secrets") {
        None => BTreeSet::new(),
        Some(s) => s
            .as_table()
            .unwrap_or_else(|| panic!("{context}: [secrets] is not a table"))
            .keys()
            .cloned()
            .collect(),
    }
}

/// The temp files (`.<file>-*.tmp`) in the config dir.
fn temp_files(env: &TestEnv) -> usize {
    std::fs::read_dir(env.config_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with('.') && n.ends_with(".tmp")
        })
        .count()
}

#[cfg(unix)]
fn assert_owner_only(env: &TestEnv, context: &str) {
    use std::os::unix::fs::PermissionsExt;
    for f in ["connections.toml", "secrets.toml"] {
        if let Ok(m) = std::fs::metadata(env.config_dir().join(f)) {
            assert_eq!(m.permissions().mode() & 0o777, 0o600, "{context}: {f}");
        }
    }
}

#[cfg(not(unix))]
fn assert_owner_only(_: &TestEnv, _: &str) {}

/// How long one uninterrupted `add` takes here, so the kills are spread over
/// the whole run of the process (start-up, the secret write, the metadata
/// write) rather than all landing before it does anything.
fn kill_window(env: &TestEnv) -> Duration {
    let mut took: Vec<Duration> = (0..3)
        .map(|i| {
            let name = format!("warm-up-{i}");
            let start = Instant::now();
            let child = spawn(env, &add_args(&name), Some("key-warm-up"));
            assert!(wait_ok(child), "warm-up add {name}");
            start.elapsed()
        })
        .collect();
    took.sort();
    // The brief's 0–15 ms, widened to the measured time when a run is slower.
    (took[1] * 6 / 5).clamp(Duration::from_millis(15), Duration::from_millis(150))
}

/// 200 adds, each SIGKILLed after a random delay: after each one the
/// metadata lists the old set or the old set plus the new name, both files
/// parse, every listed connection has its secret, and temp files do not pile
/// up. A killed add may leave its secret without metadata (an orphan): the
/// test counts those and prints the count.
#[test]
fn add_killed_at_random_points_leaves_the_old_or_the_new_state() {
    // Orphan secrets are counted and printed; the ignored test below
    // asserts there are none.
    killed_adds("add_killed_at_random_points", iterations(40, 200));
}

/// The same kills, but holding fourgent to "a failed or aborted add leaves
/// nothing behind": no secret may be stored without its connection.
#[test]
#[ignore = "known limitation (SECURITY.md): an add killed between storing the secret and renaming the metadata file leaves an unreferenced secret"]
fn add_killed_at_random_points_leaves_no_orphan_secret() {
    let orphans = killed_adds("add_killed_no_orphans", 100);
    assert_eq!(orphans, 0, "secrets stored without a connection");
}

/// Runs `iterations` killed adds with all the checks above; returns how many
/// orphan secrets (stored secret, no connection) they left.
fn killed_adds(test: &str, iterations: usize) -> usize {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let window = kill_window(&env);
    let mut rng = Rng::seeded(test);
    let mut names = listed(&env, "after the warm-up");
    assert_eq!(names.len(), 3);

    let (mut committed, mut rolled_back, mut finished) = (0, 0, 0);
    let mut max_temps = 0;
    let deadline = Instant::now() + Duration::from_secs(if stress() { 300 } else { 60 });
    let mut done = 0;
    for i in 0..iterations {
        if Instant::now() > deadline {
            break; // a very slow machine: stop early rather than time out
        }
        done += 1;
        let name = format!("k{i:03}");
        let context = format!("iteration {i} (add {name})");
        let temps_before = temp_files(&env);
        let child = spawn(&env, &add_args(&name), Some(&format!("key-{name}")));
        let ok = kill_after(child, rng.up_to(window));

        let after = listed(&env, &context);
        let mut with_new = names.clone();
        let mut plus: Vec<String> = after
            .keys()
            .filter(|n| !names.contains_key(*n))
            .cloned()
            .collect();
        plus.sort();
        let old_kept = names.iter().all(|(n, id)| after.get(n) == Some(id));
        assert!(
            old_kept && (plus.is_empty() || plus == [name.clone()]),
            "{context}: before {:?}, after {:?}",
            names.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>()
        );
        if ok {
            finished += 1;
            assert!(
                after.contains_key(&name),
                "{context}: add exited 0 but {name} is not listed"
            );
        }
        // Secrets are written before the metadata that points at them.
        let secrets = secret_ids(&env, &context);
        for (n, id) in &after {
            assert!(
                secrets.contains(id),
                "{context}: {n} ({id}) is listed but its secret is missing"
            );
        }
        assert_owner_only(&env, &context);

        let temps = temp_files(&env);
        max_temps = max_temps.max(temps);
        if after.contains_key(&name) {
            committed += 1;
            with_new.insert(name.clone(), after[&name].clone());
            // That write swept what earlier killed writers left.
            assert_eq!(temps, 0, "{context}: a completed write leaves no temp file");
        } else {
            rolled_back += 1;
            // A killed writer leaves at most one temp file.
            assert!(
                temps <= temps_before + 1,
                "{context}: {temps_before} temp files before, {temps} after"
            );
        }
        names = with_new;
    }

    // A slow machine may stop early, but not before half the kills landed.
    assert!(
        done >= iterations / 2,
        "only {done} of {iterations} killed adds ran before the deadline"
    );
    // One more add, left to finish: it sweeps every leftover temp file.
    let final_run = spawn(&env, &add_args("final"), Some("key-final"));
    assert!(wait_ok(final_run), "final add");
    assert_eq!(temp_files(&env), 0, "temp files after a successful add");
    let after = listed(&env, "after the final add");
    assert!(after.contains_key("final"));
    let secrets = secret_ids(&env, "after the final add");
    let listed_ids: BTreeSet<&String> = after.values().collect();
    let orphans = secrets.iter().filter(|id| !listed_ids.contains(id)).count();
    // Every committed connection's secret reads back.
    for (n, _) in after.iter().filter(|(n, _)| n.starts_with('k')) {
        let t = env
            .run(&["connections", "token", &format!("acme/{n}")])
            .success();
        assert_eq!(t.stdout.trim_end(), format!("key-{n}"));
    }
    eprintln!(
        "{test}: {done} killed adds (kill window {window:?}): {committed} committed \
         ({finished} of them exited on their own), {rolled_back} left the old state; \
         at most {max_temps} temp files at once; {orphans} orphan secrets \
         (stored secret, no connection)"
    );
    orphans
}

/// A reauthorize SIGKILLed at random points: the connection keeps its ID and
/// name, and its secret is the previous key or the new one, never a mix or
/// nothing.
#[test]
fn reauthorize_killed_at_random_points_keeps_the_old_or_the_new_secret() {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let window = kill_window(&env);
    let mut rng = Rng::seeded("reauthorize_killed_at_random_points");
    let id = env.add_acme("rot", "key-initial");
    let mut current = "key-initial".to_owned();
    let total = iterations(25, 100);
    let deadline = Instant::now() + Duration::from_secs(if stress() { 200 } else { 40 });
    let mut done = 0;
    for i in 0..total {
        if Instant::now() > deadline {
            break;
        }
        done += 1;
        let context = format!("iteration {i}");
        let new = format!("key-rotated-{i}");
        let child = spawn(
            &env,
            &[
                "connections",
                "reauthorize",
                "acme/rot",
                "--secret-env",
                "api_key=SECRET_VAR",
                "--no-verify",
            ],
            Some(&new),
        );
        let ok = kill_after(child, rng.up_to(window));
        let after = listed(&env, &context);
        assert_eq!(after.get("rot"), Some(&id), "{context}: rot kept its ID");
        secret_ids(&env, &context);
        let t = env.run(&["connections", "token", "acme/rot"]);
        assert_eq!(t.code, 0, "{context}: the secret is readable: {t:?}");
        let got = t.stdout.trim_end().to_owned();
        assert!(
            got == current || got == new,
            "{context}: secret is `{got}`, expected `{current}` or `{new}`"
        );
        if ok {
            assert_eq!(got, new, "{context}: reauthorize exited 0");
        }
        current = got;
        assert_owner_only(&env, &context);
    }
    assert!(
        done >= total / 2,
        "only {done} of {total} killed reauthorizes ran"
    );
}

/// A delete SIGKILLed at random points: the connection is either gone (with
/// its secret) or still listed, and then running the delete again finishes
/// the job.
#[test]
fn delete_killed_at_random_points_can_be_finished_by_running_it_again() {
    let app = FakeApp::start(|_| Response::json(200, "{}"));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let window = kill_window(&env);
    let mut rng = Rng::seeded("delete_killed_at_random_points");
    let keep = env.add_acme("keep", "key-keep");
    let total = iterations(15, 50);
    let deadline = Instant::now() + Duration::from_secs(if stress() { 150 } else { 30 });
    let mut done = 0;
    for i in 0..total {
        if Instant::now() > deadline {
            break;
        }
        done += 1;
        let name = format!("d{i:02}");
        let context = format!("iteration {i} (delete {name})");
        let id = env.add_acme(&name, &format!("key-{name}"));
        let child = spawn(
            &env,
            &["connections", "delete", &format!("acme/{name}"), "--yes"],
            None,
        );
        let ok = kill_after(child, rng.up_to(window));
        let after = listed(&env, &context);
        assert_eq!(after.get("keep"), Some(&keep), "{context}: bystander kept");
        secret_ids(&env, &context);
        if ok {
            assert!(!after.contains_key(&name), "{context}: delete exited 0");
        }
        if after.contains_key(&name) {
            let again = env.run(&["connections", "delete", &id, "--yes"]);
            assert_eq!(again.code, 0, "{context}: delete again: {again:?}");
        }
        assert!(!listed(&env, &context).contains_key(&name));
        assert!(
            !secret_ids(&env, &context).contains(&id),
            "{context}: the secret of the deleted {name} is still stored"
        );
    }
    assert!(
        done >= total / 2,
        "only {done} of {total} killed deletes ran"
    );
    assert_eq!(
        env.run(&["connections", "token", "acme/keep"])
            .success()
            .stdout
            .trim_end(),
        "key-keep"
    );
}
