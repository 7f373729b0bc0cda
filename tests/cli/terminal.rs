//! A few runs in a real terminal (tmux), for what only a terminal shows:
//! prompts, hidden input, the interactive choice of an ambiguous name.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{FakeApp, TestEnv};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `fourgent ARGS` in a new tmux session, with the test env only.
    fn start(env: &TestEnv, args: &[&str]) -> Option<Tmux> {
        Tmux::start_sized(env, args, 120)
    }

    /// [`Tmux::start`] in a terminal `columns` wide.
    fn start_sized(env: &TestEnv, args: &[&str], columns: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                !crate::common::in_ci(),
                "tmux is missing: in CI the terminal tests must run (scripts/test installs it)"
            );
            eprintln!("skipped: tmux is not installed (scripts/test installs it)");
            return None;
        }
        let socket = format!("fourgent-test-{}", std::process::id())
            + &format!("-{:?}", std::thread::current().id()).replace(['(', ')'], "");
        let cmd = env.command(args);
        let mut line = String::from("env -i TERM=xterm-256color");
        for (k, v) in cmd.get_envs() {
            line.push_str(&format!(
                " {}='{}'",
                k.to_string_lossy(),
                v.unwrap().to_string_lossy()
            ));
        }
        line.push_str(&format!(" '{}'", cmd.get_program().to_string_lossy()));
        for a in args {
            line.push_str(&format!(" '{a}'"));
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
                &columns.to_string(),
                "-y",
                "40",
                &line,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux new-session failed");
        Some(Tmux { socket })
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "`{text}` never appeared; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether the terminal shows its cursor.
    fn cursor_visible(&self) -> bool {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "display", "-p", "#{cursor_flag}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["-L", &self.socket, "send-keys"];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
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
fn interactive_add_prompts_hides_the_secret_and_confirms() {
    let app = FakeApp::accepting_key("typed-key-123");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let Some(t) = Tmux::start(&env, &["connections", "add", "acme"]) else {
        return;
    };
    t.wait_for("Name for this Acme connection");
    t.send(&["-l", "staging"]);
    t.send(&["Enter"]);
    t.wait_for("Region");
    t.send(&["Enter"]); // keep the default
    t.wait_for("API key");
    t.send(&["-l", "typed-key-123"]);
    t.send(&["Enter"]);
    t.wait_for("Add acme/staging?");
    t.send(&["-l", "yes"]);
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 0]");
    assert!(screen.contains("Added acme/staging"), "{screen}");
    assert!(
        !screen.contains("typed-key-123"),
        "the secret was echoed:\n{screen}"
    );
    let meta = env.read_connections();
    assert!(
        meta.contains("name = \"staging\"") && meta.contains("region = \"eu\""),
        "{meta}"
    );
    assert_eq!(app.hits(), 1);
}

#[test]
fn interactive_ambiguous_name_asks_which_one() {
    let app = FakeApp::accepting_key("k");
    let mut env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("staging", "k");
    env.set("T", "t");
    env.run(&[
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
    let Some(t) = Tmux::start(&env, &["connections", "show", "staging"]) else {
        return;
    };
    t.wait_for("matches 2 connections; which one?");
    t.send(&["Down"]);
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 0]");
    assert!(screen.contains("github-pat"), "{screen}");
}

#[test]
fn interactive_delete_asks_and_keeps_on_no() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    let before = env.read_connections();
    let Some(t) = Tmux::start(&env, &["connections", "delete", "a"]) else {
        return;
    };
    let screen = t.wait_for("Delete?");
    assert!(
        screen.contains("Integrations that use it will stop working"),
        "{screen}"
    );
    // The answer waits for Enter.
    t.send(&["n"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!t.screen().contains("[exit"), "{}", t.screen());
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 130]");
    assert!(screen.contains("Nothing deleted."), "{screen}");
    assert!(
        !screen.contains("error:"),
        "declining is not an error:\n{screen}"
    );
    assert_eq!(env.read_connections(), before);
}

#[test]
fn interactive_delete_takes_a_typed_yes_whole() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "k");
    let Some(t) = Tmux::start(&env, &["connections", "delete", "a"]) else {
        return;
    };
    t.wait_for("Delete?");
    // `yes⏎`: nothing happens on the `y`; Enter confirms the whole word.
    t.send(&["-l", "yes"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!t.screen().contains("[exit"), "{}", t.screen());
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 0]");
    assert!(screen.contains("Deleted acme/a"), "{screen}");
    assert!(!env.read_connections().contains("name = \"a\""));
}

#[test]
fn interactive_oauth2_accepts_a_pasted_address_only_with_the_right_state() {
    use crate::common::oauth_server::{self, Server};
    if !oauth_server::available() {
        return;
    }
    let server = Server::shared();
    let mut env = TestEnv::with_file_store();
    server.configure(&mut env, "fourgent-public", "body");
    env.set("BROWSER", "true"); // the browser is "elsewhere": nothing reaches the listener
    let Some(t) = Tmux::start(
        &env,
        &[
            "connections",
            "add",
            "idp",
            "--name",
            "pasted",
            "--timeout",
            "10",
        ],
    ) else {
        return;
    };
    let screen = t.wait_for("paste the address it ended on");
    assert!(
        screen.contains("Opened your browser.") && screen.contains("Waiting for the browser until"),
        "{screen}"
    );
    // A forged address with another state is refused, and the wait goes on.
    // What is pasted stays visible while it is typed (no spinner over it),
    // long addresses included.
    let forged = format!(
        "http://localhost:1/callback?code=forged&state=not-the-state&pad={}",
        "x".repeat(150)
    );
    t.send(&["-l", &forged]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let typed: String = t.screen().lines().map(str::trim_end).collect();
    assert!(typed.contains(&forged), "{}", t.screen());
    t.send(&["Enter"]);
    let screen = t.wait_for("that address was not accepted: the state does not match");
    assert!(
        screen.contains(&server.url("/auth?")),
        "the URL is printed:\n{screen}"
    );
    // Nothing valid arrives: the wait ends at the timeout, nothing saved.
    let screen = t.wait_for("[exit 9]");
    assert!(
        screen.contains("no authorization arrived within 10 seconds"),
        "{screen}"
    );
    assert!(!env.connections_file().exists());
}

#[test]
fn list_at_80_columns_keeps_each_row_on_one_line() {
    let app = FakeApp::accepting_key("k");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let long = "a-rather-long-connection-name-for-the-eu-production-account";
    env.add_acme(long, "k");
    env.add_acme("b", "k");
    env.add_acme("a", "k");
    let Some(t) = Tmux::start_sized(&env, &["connections", "list"], 80) else {
        return;
    };
    let screen = t.wait_for("[exit 0]");
    let rows: Vec<&str> = screen
        .lines()
        .take_while(|l| !l.starts_with("[exit"))
        .filter(|l| !l.trim().is_empty())
        .collect();
    // A header and three rows: nothing wrapped onto a line of its own.
    assert_eq!(rows.len(), 4, "{screen}");
    assert!(rows.iter().all(|r| r.chars().count() <= 80), "{screen}");
    assert!(
        rows[0].starts_with("NAME") && rows[0].contains("LAST CHECKED"),
        "{screen}"
    );
    // Sorted by app, then name; the long name cut with `…`.
    assert!(rows[1].starts_with("a "), "{screen}");
    assert!(
        rows[2].starts_with("a-rather-long") && rows[2].contains('…'),
        "{screen}"
    );
    assert!(rows[3].starts_with("b "), "{screen}");
    for r in &rows[1..] {
        assert!(
            r.contains("Connected") && r.trim_end().ends_with("just now"),
            "{screen}"
        );
    }
}

#[test]
fn the_app_picker_filters_as_you_type_and_esc_cancels() {
    let env = TestEnv::with_file_store();
    let Some(t) = Tmux::start(&env, &["connections", "add"]) else {
        return;
    };
    let screen = t.wait_for("Which app?");
    // Sorted by name, with the auth type; OAuth2 apps without a client ID
    // say so.
    assert!(
        screen.contains("· Custom") || screen.contains("· OAuth2"),
        "{screen}"
    );
    assert!(
        screen.contains("Airtable (airtable) · OAuth2 · needs a client ID")
            && screen.contains("register an OAuth app first"),
        "{screen}"
    );
    assert!(screen.contains("Asana"), "{screen}");
    t.send(&["-l", "stripe"]);
    t.wait_for("› stripe");
    let screen = t.wait_for("❯ Stripe (stripe) · Custom");
    assert!(!screen.contains("Asana"), "filtered out:\n{screen}");
    t.send(&["Escape"]);
    let screen = t.wait_for("[exit 130]");
    assert!(screen.contains("Cancelled."), "{screen}");
    assert!(t.cursor_visible(), "the cursor is back");
    assert!(!screen.contains("error:"), "{screen}");
    assert!(!env.connections_file().exists());
}

#[test]
fn a_taken_or_invalid_name_is_asked_again_keeping_the_rest() {
    let app = FakeApp::accepting_key("again-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("staging", "again-key");
    let Some(t) = Tmux::start(&env, &["connections", "add", "acme"]) else {
        return;
    };
    t.wait_for("Name for this Acme connection");
    t.send(&["C-u"]);
    t.send(&["-l", "Staging"]);
    t.send(&["Enter"]);
    t.wait_for("already exists");
    t.send(&["C-u"]);
    t.send(&["-l", "bad name"]);
    t.send(&["Enter"]);
    t.wait_for("is not a valid connection name");
    t.send(&["C-u"]);
    t.send(&["-l", "prod"]);
    t.send(&["Enter"]);
    t.wait_for("Region");
    t.send(&["Enter"]);
    t.wait_for("API key");
    t.send(&["-l", "again-key"]);
    t.send(&["Enter"]);
    t.wait_for("Add acme/prod?");
    t.send(&["-l", "y"]);
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 0]");
    assert!(screen.contains("Added acme/prod"), "{screen}");
}

#[test]
fn a_rejected_key_is_asked_again_and_the_right_one_saved() {
    let app = FakeApp::accepting_key("the-right-key");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    let Some(t) = Tmux::start(&env, &["connections", "add", "acme", "--name", "k"]) else {
        return;
    };
    t.wait_for("Region");
    t.send(&["Enter"]);
    t.wait_for("API key");
    t.send(&["-l", "a-wrong-key"]);
    t.send(&["Enter"]);
    t.wait_for("Add acme/k?");
    t.send(&["-l", "y"]);
    t.send(&["Enter"]);
    t.wait_for("enter it again");
    t.send(&["-l", "the-right-key"]);
    t.send(&["Enter"]);
    let screen = t.wait_for("[exit 0]");
    assert!(screen.contains("Added acme/k"), "{screen}");
    assert!(
        !screen.contains("a-wrong-key") && !screen.contains("the-right-key"),
        "{screen}"
    );
    assert_eq!(app.hits(), 2, "one check per key");
    let token = env.run(&["connections", "token", "acme/k"]).success();
    assert_eq!(token.stdout, "the-right-key\n");
}

#[test]
fn ctrl_c_at_a_picker_leaves_the_cursor_visible() {
    let env = TestEnv::with_file_store();
    let Some(t) = Tmux::start(&env, &["connections", "add"]) else {
        return;
    };
    t.wait_for("Which app?");
    t.send(&["C-c"]);
    t.wait_for("[exit 130]");
    assert!(t.cursor_visible(), "the cursor is back:\n{}", t.screen());
}
