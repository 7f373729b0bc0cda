//! The files in the config dir, shaped by a mistake or by someone else:
//! symbolic links (written through, or a clear error), permissions and
//! owners (refused as ssh refuses them, with the `chmod` that fixes them),
//! and the modes of what fourgent creates itself.
#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{Run, TestEnv};

/// `add stripe/NAME` with the key from the environment and no check, so no
/// app is needed.
fn add(env: &TestEnv, name: &str) -> Run {
    env.run(&[
        "connections",
        "add",
        "stripe",
        "--name",
        name,
        "--secret-env",
        "api_key=STRIPE_KEY",
        "--no-verify",
    ])
}

fn file_store_env() -> TestEnv {
    let mut env = TestEnv::with_file_store();
    env.set("STRIPE_KEY", "sk_test_files");
    env
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// A mode as `chmod` and `ls` show it, for readable failures.
fn octal(path: &Path) -> String {
    format!("{:04o}", mode(path))
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn secrets_file(env: &TestEnv) -> PathBuf {
    env.config_dir().join("secrets.toml")
}

/// The file's bytes and mode, to prove a refused command left it alone.
fn state(path: &Path) -> (Vec<u8>, u32) {
    (std::fs::read(path).unwrap(), mode(path))
}

/// This process's effective user ID: the owner of a file it just made.
fn my_uid(env: &TestEnv) -> u32 {
    let probe = env.root().join("uid-probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::metadata(&probe).unwrap().uid()
}

/// A user ID that is neither root nor this process's.
const OTHER_UID: u32 = 65534;

/// Hands `path` to another user. Only root can; otherwise `None`, and the
/// caller says what it could not test.
fn give_away(env: &TestEnv, path: &Path) -> Option<()> {
    if my_uid(env) != 0 {
        return None;
    }
    std::os::unix::fs::lchown(path, Some(OTHER_UID), None).unwrap();
    Some(())
}

/// Files whose name starts with `.` and ends with `.tmp`: leftovers of a
/// write that did not finish.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn new_files_and_locks_are_owner_only_whatever_the_umask() {
    let mut env = file_store_env();
    let dir = env.root().join("fresh").join("fourgent");
    env.set("FOURGENT_CONFIG_DIR", &dir.display().to_string());
    // umask 000: whatever fourgent does not narrow itself comes out 0666.
    let inner = env.command(&[
        "connections",
        "add",
        "stripe",
        "--name",
        "prod",
        "--secret-env",
        "api_key=STRIPE_KEY",
        "--no-verify",
    ]);
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "umask 000 && exec \"$@\"", "sh"])
        .arg(inner.get_program())
        .args(inner.get_args())
        .env_clear()
        .envs(inner.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .current_dir(env.root())
        .stdin(Stdio::null());
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    assert_eq!(octal(&dir), "0700", "the config dir");
    for name in [
        "connections.toml",
        "connections.toml.lock",
        "secrets.toml",
        "secrets.toml.lock",
    ] {
        assert_eq!(octal(&dir.join(name)), "0600", "{name}");
    }
    assert_eq!(temp_files(&dir), Vec::<String>::new());
}

#[test]
fn symlinked_files_are_written_through_and_stay_links() {
    let env = file_store_env();
    add(&env, "a").success();
    // The user keeps both files in a dotfiles repository, linked (relative
    // links, as GNU Stow makes them).
    let dotfiles = env.root().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    chmod(&dotfiles, 0o700);
    for name in ["connections.toml", "secrets.toml"] {
        let link = env.config_dir().join(name);
        std::fs::rename(&link, dotfiles.join(name)).unwrap();
        symlink(Path::new("../dotfiles").join(name), &link).unwrap();
    }

    add(&env, "b").success();
    env.run(&["connections", "delete", "stripe/a", "--yes"])
        .success();

    for name in ["connections.toml", "secrets.toml"] {
        let link = env.config_dir().join(name);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "{name} was replaced by a regular file"
        );
        assert_eq!(
            std::fs::read_link(&link).unwrap(),
            Path::new("../dotfiles").join(name)
        );
        // The lock and the temp file were beside the real file.
        assert_eq!(octal(&dotfiles.join(name)), "0600", "{name}");
        assert!(dotfiles.join(format!("{name}.lock")).exists(), "{name}");
    }
    let meta = std::fs::read_to_string(dotfiles.join("connections.toml")).unwrap();
    assert!(
        meta.contains("name = \"b\"") && !meta.contains("name = \"a\""),
        "{meta}"
    );
    let secrets = std::fs::read_to_string(dotfiles.join("secrets.toml")).unwrap();
    assert_eq!(secrets.matches("sk_test_files").count(), 1, "{secrets}");
    assert_eq!(temp_files(&dotfiles), Vec::<String>::new());
    assert_eq!(temp_files(&env.config_dir()), Vec::<String>::new());

    let run = env.run(&["connections", "token", "stripe/b"]).success();
    assert_eq!(run.stdout, "sk_test_files\n");
}

#[test]
fn a_dangling_link_is_a_clear_error_and_stays_dangling() {
    let env = file_store_env();
    for name in ["connections.toml", "secrets.toml"] {
        let link = env.config_dir().join(name);
        symlink("../gone/file.toml", &link).unwrap();
        let run = add(&env, "prod").code(7);
        assert_eq!(
            run.snapshot(&env),
            format!(
                "exit_code: 7\n----- stdout -----\n----- stderr -----\n\
                 error: cannot use [ROOT]/config/{name}: it is a symbolic link to ../gone/file.toml, which does not exist\n\n\
                 hint: restore ../gone/file.toml, or remove the link to start a new file here: `rm [ROOT]/config/{name}`\n"
            )
        );
        assert_eq!(
            std::fs::read_link(&link).unwrap(),
            Path::new("../gone/file.toml")
        );
        assert!(!env.root().join("gone").exists());
        let others: Vec<_> = std::fs::read_dir(env.config_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != name && !n.ends_with(".lock"))
            .collect();
        assert_eq!(others, Vec::<String>::new(), "{name}: nothing else written");
        std::fs::remove_file(&link).unwrap();
    }
    // `list` reads connections.toml only, and says the same.
    symlink("../gone/file.toml", env.connections_file()).unwrap();
    let run = env.run(&["connections", "list"]).code(7);
    assert!(run.stderr.contains("which does not exist"), "{run:?}");
}

#[test]
fn a_directory_or_a_link_to_one_is_a_clear_error() {
    let env = file_store_env();
    let elsewhere = env.root().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    symlink(&elsewhere, env.connections_file()).unwrap();
    let run = env.run(&["connections", "list"]).code(7);
    assert!(
        run.stderr.contains(&format!(
            "error: cannot use {}: it is a symbolic link to {}, which is a directory",
            env.connections_file().display(),
            elsewhere.display()
        )),
        "{run:?}"
    );
    add(&env, "prod").code(7);
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    std::fs::remove_file(env.connections_file()).unwrap();
    std::fs::create_dir(secrets_file(&env)).unwrap();
    let run = add(&env, "prod").code(7);
    assert_eq!(
        env.filter(&run.stderr),
        "error: cannot use [ROOT]/config/secrets.toml: it is a directory, not a file\n\n\
         hint: move it away, and fourgent starts a new file here: `mv [ROOT]/config/secrets.toml [ROOT]/config/secrets.toml.old`\n"
    );
    assert!(!env.connections_file().exists(), "nothing was added");
}

#[test]
fn a_secrets_file_others_can_read_or_write_is_refused_with_the_chmod() {
    let env = file_store_env();
    add(&env, "prod").success();
    let secrets = secrets_file(&env);
    let meta_before = env.read_connections();
    for bad in [0o644, 0o640, 0o604, 0o620, 0o602, 0o660, 0o610] {
        chmod(&secrets, bad);
        let before = state(&secrets);
        for args in [
            &["connections", "token", "stripe/prod"][..],
            &["connections", "delete", "stripe/prod", "--yes"][..],
        ] {
            let run = env.run(args).code(7);
            assert!(
                run.stderr
                    .contains(&format!("`chmod 600 {}`", secrets.display())),
                "{bad:o} {args:?}: {run:?}"
            );
            assert_eq!(run.stdout, "", "no secret printed");
            assert_eq!(state(&secrets), before, "{bad:o} {args:?} changed it");
        }
        add(&env, "other").code(7);
        assert_eq!(env.read_connections(), meta_before);
    }
    chmod(&secrets, 0o644);
    let run = env.run(&["connections", "token", "stripe/prod"]).code(7);
    assert_eq!(
        env.filter(&run.stderr),
        "error: cannot use [ROOT]/config/secrets.toml: its group and every user can read or write it (mode 0644), and it holds secrets\n\n\
         hint: run `chmod 600 [ROOT]/config/secrets.toml`; if others could read it, rotate the secrets in it (`fourgent connections reauthorize`)\n"
    );
    // The fix in the hint works; owner-read-only is fine too.
    for good in [0o600, 0o400] {
        chmod(&secrets, good);
        let run = env.run(&["connections", "token", "stripe/prod"]).success();
        assert_eq!(run.stdout, "sk_test_files\n");
    }
}

#[test]
fn a_connections_file_others_can_write_is_refused_but_others_may_read_it() {
    let env = file_store_env();
    add(&env, "prod").success();
    let file = env.connections_file();
    chmod(&file, 0o644);
    env.run(&["connections", "list"]).success();
    for bad in [0o664, 0o646, 0o666, 0o624] {
        chmod(&file, bad);
        let before = state(&file);
        for run in [env.run(&["connections", "list"]), add(&env, "b")] {
            let run = run.code(7);
            assert!(
                run.stderr.contains("it decides where secrets are sent"),
                "{bad:o}: {run:?}"
            );
            assert!(
                run.stderr
                    .contains(&format!("`chmod go-w {}`", file.display())),
                "{bad:o}: {run:?}"
            );
        }
        assert_eq!(state(&file), before, "{bad:o}");
    }
}

#[test]
fn a_config_dir_others_can_write_is_refused_with_the_chmod() {
    let env = file_store_env();
    add(&env, "prod").success();
    let dir = env.config_dir();
    // 0755 is fine: others can look, not change.
    chmod(&dir, 0o755);
    env.run(&["connections", "token", "stripe/prod"]).success();
    for bad in [0o775, 0o757, 0o777, 0o1777, 0o730] {
        chmod(&dir, bad);
        for args in [
            &["connections", "list"][..],
            &["connections", "token", "stripe/prod"][..],
        ] {
            let run = env.run(args).code(7);
            assert!(
                run.stderr
                    .contains(&format!("its directory {} is writable by", dir.display())),
                "{bad:o} {args:?}: {run:?}"
            );
            assert!(
                run.stderr
                    .contains(&format!("`chmod go-w {}`", dir.display())),
                "{bad:o} {args:?}: {run:?}"
            );
        }
        add(&env, "b").code(7);
    }
    chmod(&dir, 0o700);
    assert!(!env.read_connections().contains("name = \"b\""));
    env.run(&["connections", "list"]).success();
}

#[test]
fn the_directory_a_link_points_into_is_held_to_the_same_rules() {
    let env = file_store_env();
    add(&env, "prod").success();
    let shared = env.root().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::rename(secrets_file(&env), shared.join("secrets.toml")).unwrap();
    symlink(shared.join("secrets.toml"), secrets_file(&env)).unwrap();
    chmod(&shared, 0o777);
    let run = env.run(&["connections", "token", "stripe/prod"]).code(7);
    assert!(
        run.stderr
            .contains(&format!("`chmod go-w {}`", shared.display())),
        "{run:?}"
    );
    chmod(&shared, 0o700);
    env.run(&["connections", "token", "stripe/prod"]).success();
}

#[test]
fn files_and_dirs_of_another_user_are_refused() {
    let env = file_store_env();
    add(&env, "prod").success();
    let me = my_uid(&env);

    // A file of someone else's, linked in: possible for any user.
    let theirs = if me == 0 {
        let theirs = env.root().join("theirs.toml");
        std::fs::copy(env.connections_file(), &theirs).unwrap();
        give_away(&env, &theirs).unwrap();
        theirs
    } else {
        // Root's files are someone else's to any other user.
        PathBuf::from("/etc/passwd")
    };
    let owner = std::fs::metadata(&theirs).unwrap().uid();
    let saved = env.root().join("saved.toml");
    std::fs::rename(env.connections_file(), &saved).unwrap();
    symlink(&theirs, env.connections_file()).unwrap();
    let run = env.run(&["connections", "list"]).code(7);
    assert!(
        run.stderr.contains(&format!(
            "error: cannot use {}: it belongs to user {owner}, not to you (user {me})",
            theirs.display()
        )),
        "{run:?}"
    );
    std::fs::remove_file(env.connections_file()).unwrap();
    std::fs::rename(&saved, env.connections_file()).unwrap();

    // Files and the dir given away in place: only root can set this up.
    if give_away(&env, &secrets_file(&env)).is_none() {
        eprintln!("skipped: files owned by another user in the config dir (needs root)");
        return;
    }
    let before = state(&secrets_file(&env));
    let run = env.run(&["connections", "token", "stripe/prod"]).code(7);
    assert!(
        run.stderr
            .contains(&format!("it belongs to user {OTHER_UID}, not to you")),
        "{run:?}"
    );
    add(&env, "b").code(7);
    assert_eq!(state(&secrets_file(&env)), before);
    std::os::unix::fs::lchown(secrets_file(&env), Some(me), None).unwrap();

    give_away(&env, &env.connections_file()).unwrap();
    env.run(&["connections", "list"]).code(7);
    std::os::unix::fs::lchown(env.connections_file(), Some(me), None).unwrap();

    give_away(&env, &env.config_dir()).unwrap();
    let run = env.run(&["connections", "list"]).code(7);
    assert!(
        run.stderr.contains(&format!(
            "its directory {} belongs to user {OTHER_UID}",
            env.config_dir().display()
        )),
        "{run:?}"
    );
    assert!(run.stderr.contains("--config-dir"), "{run:?}");
    std::os::unix::fs::lchown(env.config_dir(), Some(me), None).unwrap();
    env.run(&["connections", "list"]).success();
}

/// The locks are `flock`s: removing a lock file while a process holds it
/// lets a second process in beside the first. No message may suggest it: no
/// string in src/ that says remove, delete or `rm` within three lines of a
/// mention of a lock.
#[test]
fn no_message_tells_the_user_to_remove_a_lock_file() {
    let literal = regex::Regex::new(r#""(?:[^"\\\n]|\\.)*""#).unwrap();
    let advice = regex::Regex::new(r"(?i)\b(remove|delete|rm|unlink)\b").unwrap();
    let lock = regex::Regex::new(r"(?i)lock").unwrap();
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let near = &lines[i.saturating_sub(3)..(i + 4).min(lines.len())];
                let code = |l: &str| !l.trim_start().starts_with("//");
                if !code(line) || !near.iter().any(|l| code(l) && lock.is_match(l)) {
                    continue;
                }
                for m in literal.find_iter(line) {
                    if advice.is_match(m.as_str()) {
                        found.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}
