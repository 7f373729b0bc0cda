//! Whether a file in the config dir may be read and written: what a symbolic
//! link there points to, and who else could have read or changed the file.
//!
//! The rules are ssh's (`StrictModes`): a file must be a regular file owned
//! by you; the directory that holds it must be yours (or root's) and not
//! writable by group or others, or someone else could swap the file.
//! `secrets.toml` may not be readable or writable by anyone else;
//! `connections.toml`, `connectors.toml` and `config.toml` hold no secret,
//! so others may read them, but they decide where secrets are sent (an
//! app's URLs, the team store), so nobody else may change them. Nothing is repaired
//! quietly: a file that was open to others may already have been read or
//! changed, so the user is told, with the `chmod` that fixes it.
//!
//! A symbolic link is followed (as git does for its config): reads and
//! writes go to the file it points to, the link is kept, and that file and
//! its directory are held to the same rules. A dangling link, a link to a
//! directory, and anything but a regular file are refused.

use std::path::{Path, PathBuf};

use super::Error;

/// What a file holds decides who else may read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holds {
    /// `secrets.toml`: nobody else may read or write it.
    Secrets,
    /// `connections.toml`, `connectors.toml`, `config.toml`: nobody else
    /// may write it.
    Metadata,
}

/// The file to read and write for `path`: `path` itself (also when it does
/// not exist yet), or the file a symbolic link at `path` points to. Fails
/// when the file or its directory may not be used (see the module docs).
pub(crate) fn checked_target(path: &Path, holds: Holds) -> Result<PathBuf, Error> {
    check_dir(path, parent(path))?;
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(source) => return Err(io(path, source)),
    };
    if !meta.file_type().is_symlink() {
        check_kind(path, &meta, None)?;
        check_file(path, &meta, holds)?;
        return Ok(path.to_owned());
    }
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let to = std::fs::read_link(path).unwrap_or_default();
            return Err(unusable(
                path,
                format!(
                    "it is a symbolic link to {}, which does not exist",
                    to.display()
                ),
                format!(
                    "restore {}, or remove the link to start a new file here: `rm {}`",
                    to.display(),
                    quote(path)
                ),
            ));
        }
        Err(e) => {
            return Err(unusable(
                path,
                format!("it is a symbolic link that cannot be followed ({e})"),
                format!(
                    "point the link at a file, or remove it: `rm {}`",
                    quote(path)
                ),
            ));
        }
    };
    let meta = std::fs::metadata(&real).map_err(|source| io(&real, source))?;
    check_kind(path, &meta, Some(&real))?;
    check_dir(path, parent(&real))?;
    check_file(&real, &meta, holds)?;
    Ok(real)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_owned(),
        action: "inspect",
        source,
    }
}

fn unusable(path: &Path, problem: String, fix: String) -> Error {
    Error::Unusable {
        path: path.to_owned(),
        problem,
        fix,
    }
}

/// A regular file; `real` is where a link at `path` points.
fn check_kind(path: &Path, meta: &std::fs::Metadata, real: Option<&Path>) -> Result<(), Error> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    };
    let problem = match real {
        Some(real) => format!(
            "it is a symbolic link to {}, which is {what}",
            real.display()
        ),
        None if meta.is_dir() => "it is a directory, not a file".to_owned(),
        None => "it is not a regular file".to_owned(),
    };
    let fix = match real {
        Some(_) => format!(
            "point the link at a file, or remove it to start a new file here: `rm {}`",
            quote(path)
        ),
        None => format!(
            "move it away, and fourgent starts a new file here: `mv {} {}.old`",
            quote(path),
            quote(path)
        ),
    };
    Err(unusable(path, problem, fix))
}

#[cfg(unix)]
fn euid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// The directory holding a file: yours or root's, and not writable by group
/// or others. A missing directory is fine (nothing is read from it; fourgent
/// creates it `0700` before it writes).
#[cfg(unix)]
fn check_dir(file: &Path, dir: &Path) -> Result<(), Error> {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(io(dir, source)),
    };
    match judge_dir(meta.uid(), meta.mode(), euid()) {
        None => Ok(()),
        Some(Problem::Owner { owner, me }) => Err(unusable(
            file,
            format!(
                "its directory {} belongs to user {owner}, not to you (user {me})",
                dir.display()
            ),
            "keep fourgent's files in a directory of your own: pass `--config-dir DIR` or set FOURGENT_CONFIG_DIR".to_owned(),
        )),
        Some(Problem::Mode { mode, who }) => Err(unusable(
            file,
            format!(
                "its directory {} is writable by {who} (mode {mode:04o}), who could replace it",
                dir.display()
            ),
            format!("run `chmod go-w {}`", quote(dir)),
        )),
    }
}

#[cfg(unix)]
fn check_file(path: &Path, meta: &std::fs::Metadata, holds: Holds) -> Result<(), Error> {
    use std::os::unix::fs::MetadataExt;
    match judge_file(meta.uid(), meta.mode(), euid(), holds) {
        None => Ok(()),
        Some(Problem::Owner { owner, me }) => Err(unusable(
            path,
            format!("it belongs to user {owner}, not to you (user {me})"),
            format!(
                "check where it came from; to keep it, make a copy of your own: `cp {p} {p}.mine && mv {p}.mine {p}`",
                p = quote(path)
            ),
        )),
        Some(Problem::Mode { mode, who }) => Err(match holds {
            Holds::Secrets => unusable(
                path,
                format!("{who} can read or write it (mode {mode:04o}), and it holds secrets"),
                format!(
                    "run `chmod 600 {}`; if others could read it, rotate the secrets in it (`fourgent connections reauthorize`)",
                    quote(path)
                ),
            ),
            Holds::Metadata => unusable(
                path,
                format!(
                    "{who} can write it (mode {mode:04o}), and it decides where secrets are sent"
                ),
                format!("run `chmod go-w {}`", quote(path)),
            ),
        }),
    }
}

#[cfg(not(unix))]
fn check_dir(_file: &Path, _dir: &Path) -> Result<(), Error> {
    Ok(())
}

#[cfg(not(unix))]
fn check_file(_path: &Path, _meta: &std::fs::Metadata, _holds: Holds) -> Result<(), Error> {
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
enum Problem {
    Owner { owner: u32, me: u32 },
    Mode { mode: u32, who: &'static str },
}

/// The rule for a directory: owned by `me` or root, no group/other write.
#[cfg_attr(not(unix), allow(dead_code))]
fn judge_dir(owner: u32, mode: u32, me: u32) -> Option<Problem> {
    if owner != me && owner != 0 {
        return Some(Problem::Owner { owner, me });
    }
    mode_problem(mode, 0o022)
}

/// The rule for a file: owned by `me`; secrets open to nobody else,
/// metadata writable by nobody else.
#[cfg_attr(not(unix), allow(dead_code))]
fn judge_file(owner: u32, mode: u32, me: u32, holds: Holds) -> Option<Problem> {
    if owner != me {
        return Some(Problem::Owner { owner, me });
    }
    mode_problem(
        mode,
        match holds {
            Holds::Secrets => 0o077,
            Holds::Metadata => 0o022,
        },
    )
}

fn mode_problem(mode: u32, forbidden: u32) -> Option<Problem> {
    let open = mode & forbidden;
    let who = match (open & 0o070 != 0, open & 0o007 != 0) {
        (false, false) => return None,
        (true, false) => "its group",
        (false, true) => "every user",
        (true, true) => "its group and every user",
    };
    Some(Problem::Mode {
        mode: mode & 0o7777,
        who,
    })
}

/// A path as a shell word, for a command the user can paste.
fn quote(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+,:@%".contains(&b))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_must_be_yours_or_roots_and_closed_to_writers() {
        assert_eq!(judge_dir(1000, 0o40700, 1000), None);
        assert_eq!(judge_dir(1000, 0o40755, 1000), None);
        assert_eq!(judge_dir(0, 0o40755, 1000), None);
        assert_eq!(
            judge_dir(1001, 0o40700, 1000),
            Some(Problem::Owner {
                owner: 1001,
                me: 1000
            })
        );
        assert_eq!(
            judge_dir(1000, 0o40770, 1000),
            Some(Problem::Mode {
                mode: 0o770,
                who: "its group"
            })
        );
        // Sticky /tmp-like directories are refused too: anyone could plant
        // the file before fourgent first writes it.
        assert_eq!(
            judge_dir(0, 0o41777, 1000),
            Some(Problem::Mode {
                mode: 0o1777,
                who: "its group and every user"
            })
        );
    }

    #[test]
    fn secrets_are_open_to_nobody_else_and_metadata_writable_by_nobody_else() {
        use Holds::*;
        assert_eq!(judge_file(1000, 0o100600, 1000, Secrets), None);
        assert_eq!(judge_file(1000, 0o100400, 1000, Secrets), None);
        for mode in [0o640, 0o604, 0o620, 0o602, 0o610, 0o666] {
            assert!(
                judge_file(1000, 0o100000 | mode, 1000, Secrets).is_some(),
                "{mode:o}"
            );
        }
        assert_eq!(judge_file(1000, 0o100644, 1000, Metadata), None);
        assert_eq!(
            judge_file(1000, 0o100602, 1000, Metadata),
            Some(Problem::Mode {
                mode: 0o602,
                who: "every user"
            })
        );
        // Files must be yours: root's is not enough.
        assert!(judge_file(0, 0o100600, 1000, Secrets).is_some());
        assert!(judge_file(0, 0o100644, 1000, Metadata).is_some());
    }

    #[test]
    fn quoted_paths_paste_into_a_shell() {
        assert_eq!(quote(Path::new("/a/b.toml")), "/a/b.toml");
        assert_eq!(quote(Path::new("/my dir/it's")), r"'/my dir/it'\''s'");
    }
}
