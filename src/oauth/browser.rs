//! Opening the authorization URL: `$BROWSER` when set, else the platform
//! opener. The URL is always printed too, by the caller.
//!
//! `$BROWSER` follows the convention of xdg-open and Python's `webbrowser`:
//! a `:`-separated list of commands, tried in turn until one starts and does
//! not fail; each is split into words as a POSIX shell would (quotes and
//! backslashes, no expansions) and run directly, never through a shell, with
//! `%s` replaced by the URL or, without `%s`, the URL as its last argument.
//!
//! The browser gets our environment minus every `FOURGENT_*` variable (client
//! secrets, store keys) and every variable a `--secret-env` named.

use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::thread::JoinHandle;

/// Starts the browser without waiting for it. `secret_vars` are variables
/// that hold secrets beyond `FOURGENT_*` ones. `Err` says why it could not.
pub(crate) fn open(url: &str, browser: Option<&str>, secret_vars: &[&str]) -> Result<(), String> {
    let hidden = hidden_vars(std::env::vars_os().map(|(name, _)| name), secret_vars);
    let (commands, retry_on_failure) = match browser {
        Some(line) => (browser_commands(line, url)?, true),
        // On macOS and Windows the opener's exit status says little (the
        // `open` crate stops after the first one there too).
        None => (
            open::commands(url),
            cfg!(not(any(target_os = "macos", windows))),
        ),
    };
    launch(commands, &hidden, retry_on_failure).map(drop)
}

/// The variables a browser must not see: every `FOURGENT_*` one in `names`
/// and the `secret_vars`.
fn hidden_vars(names: impl Iterator<Item = OsString>, secret_vars: &[&str]) -> Vec<OsString> {
    let mut hidden: Vec<OsString> = names
        .filter(|n| n.as_encoded_bytes().starts_with(b"FOURGENT_"))
        .collect();
    hidden.extend(secret_vars.iter().map(OsString::from));
    hidden
}

/// The commands `$BROWSER` names, each with the URL in place.
fn browser_commands(line: &str, url: &str) -> Result<Vec<Command>, String> {
    let argvs = browser_argvs(line, url)?;
    Ok(argvs
        .into_iter()
        .map(|argv| {
            let mut cmd = Command::new(&argv[0]);
            cmd.args(&argv[1..]);
            cmd
        })
        .collect())
}

fn browser_argvs(line: &str, url: &str) -> Result<Vec<Vec<String>>, String> {
    let mut argvs = Vec::new();
    for entry in line.split(':') {
        let mut words = shell_words::split(entry)
            .map_err(|e| format!("BROWSER is not a valid command line ({e}): `{entry}`"))?;
        if words.is_empty() {
            continue;
        }
        if words.iter().any(|w| w.contains("%s")) {
            for w in &mut words {
                *w = w.replace("%s", url);
            }
        } else {
            words.push(url.to_owned());
        }
        argvs.push(words);
    }
    if argvs.is_empty() {
        return Err("BROWSER names no command".into());
    }
    Ok(argvs)
}

/// Starts the first command that can be started, then, in the background,
/// the next ones in turn while each exits with a failure (when
/// `retry_on_failure`). The handle is for tests; callers may drop it.
fn launch(
    commands: Vec<Command>,
    hidden: &[OsString],
    retry_on_failure: bool,
) -> Result<JoinHandle<()>, String> {
    let mut commands = commands.into_iter().map(|mut cmd| {
        for name in hidden {
            cmd.env_remove(name);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Out of the terminal's process group: Ctrl-C on fourgent does not
        // reach the browser.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        cmd
    });
    let mut errors = Vec::new();
    let first = loop {
        let Some(mut cmd) = commands.next() else {
            return Err(errors.join("; "));
        };
        match cmd.spawn() {
            Ok(child) => break child,
            Err(e) => errors.push(format!(
                "cannot run the browser command `{}`: {e}",
                program(&cmd)
            )),
        }
    };
    let rest: Vec<Command> = if retry_on_failure {
        commands.collect()
    } else {
        Vec::new()
    };
    std::thread::Builder::new()
        .name("browser".into())
        .spawn(move || {
            let mut child = first;
            let mut rest = rest.into_iter();
            loop {
                if child.wait().is_ok_and(|s| s.success()) {
                    return;
                }
                child = loop {
                    let Some(mut cmd) = rest.next() else { return };
                    if let Ok(c) = cmd.spawn() {
                        break c;
                    }
                };
            }
        })
        .map_err(|e| format!("cannot wait for the browser: {e}"))
}

fn program(cmd: &Command) -> String {
    crate::sanitize::sanitize(&cmd.get_program().to_string_lossy(), 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://idp.example/auth?a=1&b=$(x)%20'q'";

    fn argvs(line: &str) -> Vec<Vec<String>> {
        browser_argvs(line, URL).unwrap()
    }

    #[test]
    fn browser_is_split_as_a_shell_would() {
        assert_eq!(argvs("firefox"), [["firefox", URL]]);
        assert_eq!(
            argvs("'/opt/My Browser/run' --new-tab"),
            [["/opt/My Browser/run", "--new-tab", URL]]
        );
        assert_eq!(
            argvs(r#""/opt/My Browser/run" -a\ b "x\"y""#),
            [["/opt/My Browser/run", "-a b", "x\"y", URL]]
        );
        assert_eq!(
            argvs(r"/opt/My\ Browser/run"),
            [["/opt/My Browser/run", URL]]
        );
        // No expansions: `$HOME` and `~` stay as written.
        assert_eq!(argvs("run $HOME ~"), [["run", "$HOME", "~", URL]]);
    }

    #[test]
    fn percent_s_is_replaced_by_the_url() {
        assert_eq!(
            argvs("chromium --app=%s --flag"),
            [vec![
                "chromium".to_owned(),
                format!("--app={URL}"),
                "--flag".to_owned()
            ]]
        );
    }

    #[test]
    fn a_colon_separated_list_gives_each_command() {
        assert_eq!(
            argvs("w3m:  : 'my browser' -x :firefox"),
            [
                vec!["w3m", URL],
                vec!["my browser", "-x", URL],
                vec!["firefox", URL]
            ]
        );
    }

    #[test]
    fn unusable_browser_values_are_errors() {
        assert!(
            browser_argvs("'unterminated", URL)
                .unwrap_err()
                .contains("not a valid")
        );
        assert_eq!(
            browser_argvs(" : ", URL).unwrap_err(),
            "BROWSER names no command"
        );
    }

    #[test]
    fn fourgent_and_named_variables_are_hidden() {
        let names = [
            "PATH",
            "FOURGENT_IDP_CLIENT_SECRET",
            "FOURGENT_STORE_KEY",
            "ACME_KEY",
            "MY_FOURGENT_X",
        ]
        .map(OsString::from);
        assert_eq!(
            hidden_vars(names.into_iter(), &["ACME_KEY"]),
            [
                "FOURGENT_IDP_CLIENT_SECRET",
                "FOURGENT_STORE_KEY",
                "ACME_KEY"
            ]
            .map(OsString::from)
        );
    }

    /// A script that appends its argv and environment to `out`, then exits
    /// with `code`.
    fn recorder(dir: &std::path::Path, name: &str, code: i32) -> std::path::PathBuf {
        let path = dir.join(name);
        let out = dir.join("record");
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\n[ \"$1\" = --warm-up ] && exit 0\nprintf '%s|' \"$0\" \"$@\" >> '{}'\nprintf '\\n' >> '{}'\nenv >> '{}'\nexit {code}\n",
                out.display(),
                out.display(),
                out.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        // Another test thread's fork may still hold the file open for a
        // moment ("text file busy"): wait until it runs.
        for _ in 0..500 {
            match std::process::Command::new(&path).arg("--warm-up").status() {
                Ok(_) => break,
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
        path
    }

    #[test]
    fn each_command_is_tried_until_one_starts_and_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().join("with space");
        std::fs::create_dir(&dir).unwrap();
        let failing = recorder(&dir, "failing", 3);
        let good = recorder(&dir, "good", 0);
        let never = recorder(&dir, "never", 0);
        let line = format!(
            "/nonexistent/browser:'{}' one:'{}' two %s:'{}'",
            failing.display(),
            good.display(),
            never.display()
        );
        let mut commands = browser_commands(&line, URL).unwrap();
        for c in &mut commands {
            c.env("FOURGENT_CANARY", "leak")
                .env("OTHER_CANARY", "leak")
                .env("KEPT", "yes");
        }
        let hidden = ["FOURGENT_CANARY", "OTHER_CANARY"].map(OsString::from);
        launch(commands, &hidden, true).unwrap().join().unwrap();
        let record = std::fs::read_to_string(dir.join("record")).unwrap();
        assert!(
            record.contains(&format!("{}|one|{URL}|", failing.display())),
            "{record}"
        );
        assert!(
            record.contains(&format!("{}|two|{URL}|", good.display())),
            "{record}"
        );
        // (Not a bare "never": the environment dump may hold
        // CARGO_TERM_COLOR=never.)
        assert!(
            !record.contains(&format!("{}|", never.display())),
            "{record}"
        );
        assert!(
            record.contains("KEPT=yes") && !record.contains("CANARY"),
            "{record}"
        );
    }

    #[test]
    fn nothing_to_start_is_an_error() {
        let commands = browser_commands("/nonexistent/a:/nonexistent/b", URL).unwrap();
        let err = launch(commands, &[], true).unwrap_err();
        assert!(
            err.contains("`/nonexistent/a`") && err.contains("`/nonexistent/b`"),
            "{err}"
        );
    }
}
