//! `fourgent connections exec` and `fourgent credential git`: real children
//! (`sh` scripts), a real authorization server whose tokens live a few
//! seconds, the real keychain, and a terminal (tmux) for the signals a
//! terminal sends.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::oauth_server::{self, Server};
use crate::common::{
    self, FakeApp, Response, Run, TestEnv, finish, keyring_available, shell_quote,
};

const KEY: &str = "sk-canary-5b1e7d";

/// An `acme` app that accepts every key, with a `prod` connection.
fn acme(key: &str) -> (FakeApp, TestEnv) {
    let app = FakeApp::start(|_| Response::json(200, r#"{"account":{"name":"Acme"}}"#));
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("prod", key);
    (app, env)
}

/// Writes an executable shell script into the test's root.
fn script(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let path = env.root().join(name);
    crate::common::write_script(&path, &format!("#!/bin/sh\n{body}"));
    path
}

fn exec(env: &TestEnv, args: &[&str]) -> Run {
    let mut all = vec!["connections", "exec"];
    all.extend_from_slice(args);
    env.run(&all)
}

/// `fourgent ARGS` in the background, in a process group of its own (so a
/// terminal the tests run in never counts as fourgent's).
fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    common::spawn(env.command(args).process_group(0))
}

/// Waits until `path` exists and holds `text`; returns its content.
#[track_caller]
fn wait_for_file(path: &Path, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let content = std::fs::read_to_string(path).unwrap_or_default();
        if content.contains(text) {
            return content;
        }
        assert!(
            Instant::now() < deadline,
            "{} never held `{text}`: {content:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(pid: u32, signal: &str) {
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {signal} {pid}");
}

#[test]
fn each_connection_gives_its_values_under_the_apps_names() {
    let (_app, env) = acme(KEY);
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--",
            "sh",
            "-c",
            "printf '%s|%s' \"$ACME_API_KEY\" \"$ACME_REGION\"",
        ],
    )
    .success();
    assert_eq!(run.stdout, format!("{KEY}|eu"));
    assert_eq!(run.stderr, "");

    // The names are in the catalog, for people and for scripts.
    let text = env.run(&["connectors", "show", "acme"]).success().stdout;
    assert!(text.contains("api_key  ACME_API_KEY"), "{text}");
    let json = env
        .run(&["connectors", "show", "quickbooks", "--json"])
        .success()
        .json();
    assert_eq!(json["env"]["realmId"], "QUICKBOOKS_REALM_ID");
    assert_eq!(json["env"]["access_token"], "QUICKBOOKS_ACCESS_TOKEN");
    let json = env
        .run(&["connectors", "show", "visma-economic", "--json"])
        .success()
        .json();
    assert_eq!(json["env"]["app_secret_token"], "ECONOMIC_APP_SECRET_TOKEN");
}

#[test]
fn env_and_env_files_choose_the_names() {
    let (_app, env) = acme(KEY);
    let file = env.root().join(".env.fourgent");
    std::fs::write(
        &file,
        "# what the sync uses\nexport FROM_FILE='fourgent://acme/prod'\nREGION_FROM_FILE=fourgent://acme/prod/region # non-secret\n",
    )
    .unwrap();
    let run = exec(
        &env,
        &[
            "--env",
            "K=acme/prod",
            "--env",
            "R=prod.region",
            "--env-file",
            file.to_str().unwrap(),
            "--",
            "sh",
            "-c",
            "printf '%s|%s|%s|%s|%s' \"$K\" \"$R\" \"$FROM_FILE\" \"$REGION_FROM_FILE\" \"${ACME_API_KEY-unset}\"",
        ],
    )
    .success();
    // Only what was asked: no default names for a connection named by --env.
    assert_eq!(run.stdout, format!("{KEY}|eu|{KEY}|eu|unset"));

    // A file that holds a secret instead of a reference is refused, naming
    // the line and not echoing the value.
    std::fs::write(
        &file,
        "OK=fourgent://acme/prod\nLEAK=sk-live-abcdefghijklmnopqrstuvwxyz0123456789\n",
    )
    .unwrap();
    let run = exec(&env, &["--env-file", file.to_str().unwrap(), "--", "true"]).code(2);
    assert!(run.stderr.contains(".env.fourgent line 2:"), "{run:?}");
    assert!(!run.stderr.contains("0123456789"), "{run:?}");

    let run = exec(&env, &["--env", "K=acme/prod.nope", "--", "true"]).code(2);
    assert!(
        run.stderr.contains("acme/prod has no value `nope`")
            && run.stderr.contains("`api_key`, `region`"),
        "{run:?}"
    );
    let run = exec(&env, &["--env", "FOURGENT_X=acme/prod", "--", "true"]).code(2);
    assert!(run.stderr.contains("fourgent variable"), "{run:?}");
}

#[test]
fn two_connections_of_one_app_need_their_own_names() {
    let (_app, env) = acme(KEY);
    env.add_acme("staging", "sk-staging-2");
    let marker = env.root().join("ran");
    let touch = format!("touch {}", shell_quote(marker.to_str().unwrap()));
    let run = exec(
        &env,
        &["acme/prod", "acme/staging", "--", "sh", "-c", &touch],
    )
    .code(2);
    assert!(
        run.stderr
            .contains("`ACME_API_KEY` would be set twice: for acme/prod and for acme/staging"),
        "{run:?}"
    );
    assert!(run.stderr.contains("--env"), "{run:?}");
    assert!(!marker.exists(), "the program ran");
    let run = exec(
        &env,
        &[
            "--env",
            "PROD=acme/prod",
            "--env",
            "STAGING=acme/staging",
            "--",
            "sh",
            "-c",
            "printf '%s %s' \"$PROD\" \"$STAGING\"",
        ],
    )
    .success();
    assert_eq!(run.stdout, format!("{KEY} sk-staging-2"));
}

#[test]
fn an_existing_variable_is_replaced_only_with_override() {
    let (_app, mut env) = acme(KEY);
    env.set("ACME_API_KEY", "from-the-shell");
    let marker = env.root().join("ran");
    let touch = format!("touch {}", shell_quote(marker.to_str().unwrap()));
    let run = exec(&env, &["acme/prod", "--", "sh", "-c", &touch]).code(2);
    assert!(
        run.stderr.contains("`ACME_API_KEY` is already set") && run.stderr.contains("--override"),
        "{run:?}"
    );
    assert!(!marker.exists(), "the program ran");
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--override",
            "--",
            "sh",
            "-c",
            "printf %s \"$ACME_API_KEY\"",
        ],
    )
    .success();
    assert_eq!(run.stdout, KEY);
}

#[test]
fn preflight_failures_end_fourgent_before_the_program_starts() {
    let accept = Arc::new(AtomicBool::new(true));
    let flag = accept.clone();
    let app = FakeApp::start(move |_| {
        if flag.load(Ordering::SeqCst) {
            Response::json(200, "{}")
        } else {
            Response::json(401, r#"{"message":"Invalid API key"}"#)
        }
    });
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("prod", KEY);
    let marker = env.root().join("ran");
    let touch = format!("touch {}", shell_quote(marker.to_str().unwrap()));

    // Missing: 3.
    let run = exec(&env, &["acme/nope", "--", "sh", "-c", &touch]).code(3);
    assert!(
        run.stderr.contains("no connection matches `acme/nope`"),
        "{run:?}"
    );

    // Rejected by the app: 4, and nothing runs (unless --no-verify).
    accept.store(false, Ordering::SeqCst);
    let hits = app.hits();
    let run = exec(&env, &["acme/prod", "--", "sh", "-c", &touch]).code(4);
    assert!(
        run.stderr.contains("rejected the credentials of acme/prod")
            && run.stderr.contains("nothing was run"),
        "{run:?}"
    );
    assert_eq!(app.hits(), hits + 1, "the app was asked");
    assert!(!marker.exists());
    exec(
        &env,
        &["acme/prod", "--no-verify", "--", "sh", "-c", &touch],
    )
    .success();
    assert!(marker.exists());
    std::fs::remove_file(&marker).unwrap();

    // Not Connected (as `status` recorded it): 5.
    env.run(&["connections", "status", "acme/prod"]).code(5);
    let run = exec(
        &env,
        &["acme/prod", "--no-verify", "--", "sh", "-c", &touch],
    )
    .code(5);
    assert!(run.stderr.contains("acme/prod is Not Connected"), "{run:?}");
    assert!(
        run.stderr
            .contains("fourgent connections reauthorize acme/prod"),
        "{run:?}"
    );
    assert!(!marker.exists());
}

#[test]
fn the_programs_exit_status_is_fourgents() {
    let (_app, env) = acme(KEY);
    let code = |args: &[&str]| {
        let mut all = vec!["acme/prod", "--no-verify", "--"];
        all.extend_from_slice(args);
        exec(&env, &all).code
    };
    assert_eq!(code(&["true"]), 0);
    assert_eq!(code(&["sh", "-c", "exit 3"]), 3);
    assert_eq!(code(&["sh", "-c", "kill -TERM $$"]), 128 + 15);
    assert_eq!(code(&["sh", "-c", "kill -KILL $$"]), 128 + 9);
    let not_executable = env.root().join("plain.txt");
    std::fs::write(&not_executable, "not a program").unwrap();
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--no-verify",
            "--",
            not_executable.to_str().unwrap(),
        ],
    )
    .code(126);
    assert!(run.stderr.contains("cannot run"), "{run:?}");
    let run = exec(
        &env,
        &["acme/prod", "--no-verify", "--", "no-such-program-4f2a"],
    )
    .code(127);
    assert!(
        run.stderr.contains("cannot run `no-such-program-4f2a`") && !run.stderr.contains(KEY),
        "{run:?}"
    );
}

#[test]
fn signals_are_forwarded_once_without_a_terminal() {
    let (_app, env) = acme(KEY);
    let log = env.root().join("signals.log");
    let done = env.root().join("done");
    let child = script(
        &env,
        "trap.sh",
        &format!(
            r#"log={log}
for s in TERM HUP INT QUIT USR1; do trap "echo $s >> $log" $s; done
echo ready >> $log
while [ ! -e {done} ]; do sleep 0.02; done
exit 9
"#,
            log = shell_quote(log.to_str().unwrap()),
            done = shell_quote(done.to_str().unwrap()),
        ),
    );
    let fourgent = spawn(
        &env,
        &[
            "connections",
            "exec",
            "acme/prod",
            "--no-verify",
            "--",
            child.to_str().unwrap(),
        ],
    );
    wait_for_file(&log, "ready");
    for sig in ["TERM", "HUP", "INT", "QUIT", "USR1"] {
        kill(fourgent.id(), &format!("-{sig}"));
        wait_for_file(&log, sig);
    }
    std::fs::write(&done, "").unwrap();
    // fourgent outlived every signal and ends with the program's status.
    let run = finish(fourgent).code(9);
    assert_eq!(run.stderr, "");
    let got = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        got, "ready\nTERM\nHUP\nINT\nQUIT\nUSR1\n",
        "each signal once"
    );
}

/// A program in a tmux pane, so fourgent has a controlling terminal.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(env: &TestEnv, args: &[&str]) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (scripts/test installs it)");
            return None;
        }
        let socket = format!("fourgent-exec-{}", std::process::id());
        let cmd = env.command(args);
        // The pane's shell survives Ctrl-C (a handler, which its children
        // do not inherit) to print fourgent's exit code.
        let mut line = String::from("trap : INT; env -i TERM=xterm-256color");
        for (k, v) in cmd.get_envs() {
            let v = v.unwrap().to_string_lossy();
            line.push_str(&format!(" {}={}", k.to_string_lossy(), shell_quote(&v)));
        }
        line.push_str(&format!(
            " {}",
            shell_quote(&cmd.get_program().to_string_lossy())
        ));
        for a in args {
            line.push_str(&format!(" {}", shell_quote(a)));
        }
        line.push_str("; echo \"[exit $?]\"; sleep 60");
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "20",
            ])
            .arg(&line)
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Some(Tmux { socket })
    }

    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let out = Command::new("tmux")
                .args(["-L", &self.socket, "capture-pane", "-p"])
                .output()
                .unwrap();
            let screen = String::from_utf8_lossy(&out.stdout).into_owned();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "`{text}` never appeared:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn on_a_terminal_ctrl_c_reaches_the_program_once_and_term_is_forwarded() {
    let (_app, env) = acme(KEY);
    let log = env.root().join("signals.log");
    let step = env.root().join("step");
    let child = script(
        &env,
        "trap.sh",
        &format!(
            r#"log={log}
for s in TERM INT; do trap "echo $s >> $log" $s; done
echo "ready $PPID" >> $log
n=0
while [ "$(cat {step} 2>/dev/null)" != end ]; do n=$((n+1)); echo "tick $n" > {log}.ticks; sleep 0.02; done
exit 5
"#,
            log = shell_quote(log.to_str().unwrap()),
            step = shell_quote(step.to_str().unwrap()),
        ),
    );
    let Some(t) = Tmux::start(
        &env,
        &[
            "connections",
            "exec",
            "acme/prod",
            "--no-verify",
            "--",
            child.to_str().unwrap(),
        ],
    ) else {
        return;
    };
    let ready = wait_for_file(&log, "ready");
    let fourgent: u32 = ready.trim().rsplit(' ').next().unwrap().parse().unwrap();
    // A SIGINT sent to fourgent alone is the terminal's business there: not
    // forwarded. SIGTERM is; the program handles both in one go, so had
    // the SIGINT been forwarded, it would show up with the SIGTERM.
    kill(fourgent, "-INT");
    kill(fourgent, "-TERM");
    wait_for_file(&log, "TERM");
    let ticks = log.with_extension("log.ticks");
    let seen = std::fs::read_to_string(&ticks).unwrap();
    while std::fs::read_to_string(&ticks).unwrap_or_default() == seen {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        std::fs::read_to_string(&log)
            .unwrap()
            .matches("INT")
            .count(),
        0
    );
    // Ctrl-C: the terminal sends it to the program; it arrives once, and
    // fourgent (which gets it too) does not die of it.
    Command::new("tmux")
        .args(["-L", &t.socket, "send-keys", "C-c"])
        .status()
        .unwrap();
    wait_for_file(&log, "INT");
    std::fs::write(&step, "end").unwrap();
    let screen = t.wait_for("[exit 5]");
    assert!(!screen.contains(KEY), "{screen}");
    let got = std::fs::read_to_string(&log).unwrap();
    assert_eq!(got.matches("INT").count(), 1, "{got}");
    assert_eq!(got.matches("TERM").count(), 1, "{got}");
}

#[test]
fn masking_replaces_secrets_split_across_writes() {
    let (_app, mut env) = acme(KEY);
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--mask",
            "--",
            "sh",
            "-c",
            // The key in pieces, each its own write (and read).
            "for p in sk- canary -5b 1e7d; do printf %s $p; sleep 0.05; done; echo ' done'; \
             printf 'err: %s\\n' \"$ACME_API_KEY\" >&2; printf '%s' \"$FOURGENT_TOKEN_AUTH\"; \
             printf 'sk-canar'",
        ],
    )
    .success();
    assert_eq!(run.stdout, "*** done\n***sk-canar");
    assert_eq!(run.stderr, "err: ***\n");

    // In GitHub Actions, the runner is told to mask them too, first.
    env.set("GITHUB_ACTIONS", "true");
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--mask",
            "--",
            "sh",
            "-c",
            "echo \"$ACME_API_KEY\"",
        ],
    )
    .success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], format!("::add-mask::{KEY}"), "{run:?}");
    assert!(lines[1].starts_with("::add-mask::"), "{run:?}");
    assert_eq!(lines[2..], ["***"], "{run:?}");
}

#[test]
fn the_program_gets_nothing_secret_beyond_what_was_asked() {
    let (_app, mut env) = acme(KEY);
    env.add_acme("other", "sk-other-canary-77");
    env.set("FOURGENT_ACME_CLIENT_SECRET", "client-secret-canary");
    env.set("FOURGENT_STORE_KEY", "store-key-canary");
    let pid_file = env.root().join("pid");
    let go = env.root().join("go");
    let child = script(
        &env,
        "wait.sh",
        &format!(
            "echo $$ > {pid}.tmp && mv {pid}.tmp {pid}\nwhile [ ! -e {go} ]; do sleep 0.02; done\n",
            pid = shell_quote(pid_file.to_str().unwrap()),
            go = shell_quote(go.to_str().unwrap()),
        ),
    );
    let fourgent = spawn(
        &env,
        &[
            "connections",
            "exec",
            "acme/prod",
            "--env",
            "REGION=acme/other.region",
            "--",
            child.to_str().unwrap(),
        ],
    );
    let pid = wait_for_file(&pid_file, "\n");
    let environ = std::fs::read(format!("/proc/{}/environ", pid.trim())).unwrap();
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", pid.trim())).unwrap();
    let own_cmdline = std::fs::read(format!("/proc/{}/cmdline", fourgent.id())).unwrap();
    std::fs::write(&go, "").unwrap();
    finish(fourgent).success();

    let vars: Vec<String> = environ
        .split(|b| *b == 0)
        .filter(|v| !v.is_empty())
        .map(|v| String::from_utf8_lossy(v).into_owned())
        .collect();
    let names: Vec<&str> = vars.iter().map(|v| v.split('=').next().unwrap()).collect();
    for name in [
        "ACME_API_KEY",
        "ACME_REGION",
        "REGION",
        "FOURGENT_EXEC",
        "FOURGENT_TOKEN_URL",
        "FOURGENT_TOKEN_AUTH",
    ] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
    assert!(vars.contains(&format!("ACME_API_KEY={KEY}")));
    assert!(vars.contains(&"FOURGENT_EXEC=1".to_owned()));
    let all = vars.join("\n");
    for canary in [
        "client-secret-canary",
        "store-key-canary",
        "sk-other-canary-77",
    ] {
        assert!(
            !all.contains(canary),
            "`{canary}` reached the program: {all}"
        );
    }
    assert_eq!(all.matches(KEY).count(), 1, "the key only in ACME_API_KEY");
    for argv in [&cmdline, &own_cmdline] {
        assert!(!String::from_utf8_lossy(argv).contains(KEY));
    }
}

#[test]
fn a_nested_exec_is_refused_without_override() {
    let (_app, env) = acme(KEY);
    let me = assert_cmd::cargo::cargo_bin!("fourgent")
        .to_str()
        .unwrap()
        .to_owned();
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--no-verify",
            "--",
            &me,
            "connections",
            "exec",
            "acme/prod",
            "--",
            "true",
        ],
    )
    .code(2);
    assert!(run.stderr.contains("FOURGENT_EXEC is set"), "{run:?}");
    exec(
        &env,
        &[
            "acme/prod",
            "--no-verify",
            "--",
            &me,
            "connections",
            "exec",
            "--override",
            "--no-verify",
            "acme/prod",
            "--",
            "true",
        ],
    )
    .success();
}

#[test]
fn the_token_endpoint_serves_only_its_connections_to_its_bearer() {
    let (_app, env) = acme(KEY);
    env.add_acme("other", "sk-other-1");
    let ask = r#"ask() { curl -s -o /dev/null -w '%{http_code} ' "$@"; }
auth="Authorization: Bearer $FOURGENT_TOKEN_AUTH"
curl -s -H "$auth" "$FOURGENT_TOKEN_URL/acme/prod"
ask -H "$auth" "$FOURGENT_TOKEN_URL/acme/prod/api_key"
ask -H "$auth" "$FOURGENT_TOKEN_URL/acme/prod/region"
ask -H "$auth" "$FOURGENT_TOKEN_URL/acme/other"
ask -H "Authorization: Bearer wrong" "$FOURGENT_TOKEN_URL/acme/prod"
ask "$FOURGENT_TOKEN_URL/acme/prod"
ask -X POST -H "$auth" "$FOURGENT_TOKEN_URL/acme/prod"
ask -H "$auth" -H "Host: evil.example" "$FOURGENT_TOKEN_URL/acme/prod"
"#;
    let run = exec(&env, &["acme/prod", "--no-verify", "--", "sh", "-c", ask]).success();
    let mut lines = run.stdout.lines();
    let body: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"token": KEY, "expires_at": null, "expires_in": null})
    );
    assert_eq!(lines.next().unwrap(), "200 404 403 403 403 405 403 ");
}

#[test]
fn token_files_are_owner_only_and_removed_afterwards() {
    let (_app, env) = acme(KEY);
    let dir = env.root().join("tokens");
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--no-verify",
            "--token-file",
            dir.to_str().unwrap(),
            "--",
            "sh",
            "-c",
            "printf '%s %s %s' \"$ACME_API_KEY_FILE\" \"$(cat \"$ACME_API_KEY_FILE\")\" \"$(stat -c %a \"$ACME_API_KEY_FILE\")\"",
        ],
    )
    .success();
    let want = format!("{} {KEY} 600", dir.join("ACME_API_KEY").display());
    assert_eq!(run.stdout, want);
    assert!(!dir.exists(), "the directory fourgent made is gone");

    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = exec(
        &env,
        &[
            "acme/prod",
            "--token-file",
            dir.to_str().unwrap(),
            "--",
            "true",
        ],
    )
    .code(2);
    assert!(run.stderr.contains("chmod 700"), "{run:?}");
}

#[test]
fn exec_reads_secrets_from_the_keychain() {
    if !keyring_available() {
        return;
    }
    let app = FakeApp::accepting_key(KEY);
    let env = TestEnv::new();
    env.with_acme(&app);
    env.add_acme("kc", KEY);
    let run = exec(
        &env,
        &["acme/kc", "--", "sh", "-c", "printf %s \"$ACME_API_KEY\""],
    )
    .success();
    assert_eq!(run.stdout, KEY);
}

#[test]
fn git_gets_a_token_for_the_hosts_an_app_declares() {
    let (_app, env) = acme(KEY);
    let mut toml = std::fs::read_to_string(env.config_dir().join("connectors.toml")).unwrap();
    toml = toml.replace(
        "check_account = [\"/account/name\"]",
        "check_account = [\"/account/name\"]\ngit_hosts = [\"git.acme.test\"]\ngit_username = \"x-token\"",
    );
    env.write_connectors(&toml);
    let get = |input: &str| env.run_with_stdin(&["credential", "git", "get"], Some(input));
    let run = get("protocol=https\nhost=git.acme.test\npath=org/repo.git\n\n").success();
    assert_eq!(run.stdout, format!("username=x-token\npassword={KEY}\n"));
    // Not over plain http, and not for other hosts: nothing, so git asks elsewhere.
    assert_eq!(
        get("protocol=http\nhost=git.acme.test\n\n")
            .success()
            .stdout,
        ""
    );
    assert_eq!(
        get("protocol=https\nhost=github.com\n\n").success().stdout,
        ""
    );
    // store and erase are read and ignored.
    let run = env
        .run_with_stdin(
            &["credential", "git", "erase"],
            Some("protocol=https\nhost=git.acme.test\nusername=x-token\npassword=whatever\n\n"),
        )
        .success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert_eq!(
        get("protocol=https\nhost=git.acme.test\n\n")
            .success()
            .stdout
            .lines()
            .count(),
        2
    );

    // Two connections for the host: git is told to choose.
    env.add_acme("second", "sk-second");
    let run = get("protocol=https\nhost=git.acme.test\n\n").code(3);
    assert!(run.stderr.contains("--connection"), "{run:?}");
    assert!(!run.stdout.contains(KEY));

    // Through git itself, as a configured helper.
    let me = assert_cmd::cargo::cargo_bin!("fourgent")
        .to_str()
        .unwrap()
        .to_owned();
    let mut git = Command::new("git");
    git.env_clear();
    for (k, v) in env.command(&[]).get_envs() {
        if let Some(v) = v {
            git.env(k, v);
        }
    }
    let mut child = git
        .env("GIT_TERMINAL_PROMPT", "0")
        .args([
            "-c",
            &format!(
                "credential.helper=!{} credential git --connection acme/prod",
                shell_quote(&me)
            ),
            "credential",
            "fill",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"protocol=https\nhost=git.acme.test\n\n")
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("username=x-token\n") && stdout.contains(&format!("password={KEY}\n")),
        "{stdout}"
    );
}

// ---- OAuth2, against the real authorization server ----------------------

/// Rounds of requests, and exec processes at once: more in the stress tier
/// (`FOURGENT_TEST_STRESS=1`).
fn stress() -> bool {
    std::env::var("FOURGENT_TEST_STRESS").as_deref() == Ok("1")
}

fn oauth_env(server: &Server, extra: &str) -> TestEnv {
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    let toml = server.connectors_toml("fourgent-public", "body") + extra;
    env.write_connectors(&toml);
    env.run(&[
        "connections",
        "add",
        "idp",
        "--name",
        "r",
        "--timeout",
        "60",
    ])
    .success();
    env
}

/// Makes the stored access token look expired.
fn make_due(env: &TestEnv) {
    let path = env.config_dir().join("secrets.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let re = regex::Regex::new(r#""expires_at":"[^"]*""#).unwrap();
    let due = re.replace_all(&text, r#""expires_at":"2001-01-01T00:00:00Z""#);
    std::fs::write(&path, due.as_bytes()).unwrap();
}

fn refreshes(server: &Server) -> u64 {
    server.stats()["refresh_token"].as_u64().unwrap()
}

/// A child that asks the endpoint `parallel` times at once, `rounds` times,
/// a token lifetime apart, and checks each token at the app.
fn asking_script(
    env: &TestEnv,
    server: &Server,
    log: &Path,
    rounds: usize,
    parallel: usize,
    gap: f64,
) -> PathBuf {
    script(
        env,
        &format!("ask-{}.sh", log.file_name().unwrap().to_string_lossy()),
        &format!(
            r#"log={log}
ask() {{
  body=$(curl -s -H "Authorization: Bearer $FOURGENT_TOKEN_AUTH" "$FOURGENT_TOKEN_URL/idp/r")
  tok=$(printf %s "$body" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  code=$(curl -s -o /dev/null -w '%{{http_code}}' -H "Authorization: Bearer $tok" {whoami})
  echo "$1 $code" >> "$log"
}}
r=0
while [ $r -lt {rounds} ]; do
  [ $r -gt 0 ] && sleep {gap}
  i=0; while [ $i -lt {parallel} ]; do ask $r & i=$((i+1)); done; wait
  r=$((r+1))
done
"#,
            log = shell_quote(log.to_str().unwrap()),
            whoami = shell_quote(&server.url("/whoami")),
        ),
    )
}

#[test]
fn a_program_outliving_three_token_lifetimes_gets_a_valid_token_each_time() {
    if !oauth_server::available() {
        return;
    }
    let ttl = 3;
    let server = Server::start(ttl);
    let env = oauth_env(&server, "");
    let (rounds, processes) = if stress() { (6, 4) } else { (3, 2) };
    make_due(&env);
    let before = refreshes(&server);
    // Several exec processes at once, each asking several times at once.
    let children: Vec<(Child, PathBuf)> = (0..processes)
        .map(|p| {
            let log = env.root().join(format!("tokens-{p}.log"));
            let child = asking_script(&env, &server, &log, rounds, 3, f64::from(ttl) + 0.5);
            let fourgent = spawn(
                &env,
                &[
                    "connections",
                    "exec",
                    "idp/r",
                    "--min-valid",
                    "1s",
                    "--",
                    child.to_str().unwrap(),
                ],
            );
            (fourgent, log)
        })
        .collect();
    for (fourgent, log) in children {
        let run = finish(fourgent).success();
        assert_eq!(run.stderr, "");
        let got = std::fs::read_to_string(&log).unwrap();
        let lines: Vec<&str> = got.lines().collect();
        assert_eq!(lines.len(), rounds * 3, "{got}");
        assert!(
            lines.iter().all(|l| l.ends_with(" 200")),
            "a token was refused:\n{got}"
        );
    }
    // One refresh before the programs start (the token was due), then one
    // per expiry: not one per request, per process or per program.
    assert_eq!(refreshes(&server) - before, rounds as u64);
    let listed = env.run(&["connections", "list", "--json"]).success().json();
    assert_eq!(listed[0]["status"], "connected");
}

#[test]
fn token_files_and_git_stay_fresh_with_short_lived_tokens() {
    if !oauth_server::available() {
        return;
    }
    let ttl = 3;
    let server = Server::start(ttl);
    let env = oauth_env(
        &server,
        "git_hosts = [\"git.idp.test\"]\ngit_username = \"oauth2\"\n",
    );
    let dir = env.root().join("tokens");
    let log = env.root().join("files.log");
    let child = script(
        &env,
        "files.sh",
        &format!(
            r#"for r in 0 1 2; do
  [ $r -gt 0 ] && sleep {gap}
  tok=$(cat "$IDP_ACCESS_TOKEN_FILE")
  code=$(curl -s -o /dev/null -w '%{{http_code}}' -H "Authorization: Bearer $tok" {whoami})
  echo "$tok $code" >> {log}
done
"#,
            gap = f64::from(ttl) + 0.5,
            whoami = shell_quote(&server.url("/whoami")),
            log = shell_quote(log.to_str().unwrap()),
        ),
    );
    // The default --min-valid (5 min) is longer than these tokens live:
    // they are renewed at half their life instead of on every read.
    let before = refreshes(&server);
    exec(
        &env,
        &[
            "idp/r",
            "--token-file",
            dir.to_str().unwrap(),
            "--",
            child.to_str().unwrap(),
        ],
    )
    .success();
    let got = std::fs::read_to_string(&log).unwrap();
    let tokens: Vec<&str> = got.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert!(got.lines().all(|l| l.ends_with(" 200")), "{got}");
    assert_eq!(tokens.len(), 3);
    assert!(
        tokens[0] != tokens[1] && tokens[1] != tokens[2],
        "the file was rewritten"
    );
    // Renewed ahead of each expiry (at least once per lifetime).
    assert!(refreshes(&server) - before >= 3);
    assert!(!dir.exists());

    // git gets the token with its expiry.
    let run = env
        .run_with_stdin(
            &["credential", "git", "get"],
            Some("protocol=https\nhost=git.idp.test\n\n"),
        )
        .success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "username=oauth2");
    let token = lines[1].strip_prefix("password=").unwrap();
    assert_eq!(server.whoami(token), 200);
    let expiry: i64 = lines[2]
        .strip_prefix("password_expiry_utc=")
        .unwrap()
        .parse()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        expiry > now - 5 && expiry <= now + i64::from(ttl) + 5,
        "{expiry} vs {now}"
    );
}
