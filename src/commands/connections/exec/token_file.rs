//! `--token-file DIR`: one owner-only file per secret variable, named like
//! the variable, for programs that read a credential from a file. An access
//! token's file is rewritten (atomically: a new file renamed over the old
//! one) before the token expires. The files are removed when the child
//! ends; a directory fourgent made is removed too.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use jiff::Timestamp;

use super::tokens::{Shared, Source};
use crate::secrets::{ExposeSecret, Secret};
use crate::ui::Ui;

/// One file: the variable it stands for, its path, and what it holds.
pub(crate) struct TokenFile {
    pub name: String,
    pub path: PathBuf,
    pub source: usize,
    pub field: Option<String>,
}

pub(crate) struct TokenFiles {
    dir: PathBuf,
    made_dir: bool,
    pub files: Vec<TokenFile>,
}

impl TokenFiles {
    /// Makes `dir` (owner-only) or checks that an existing one is a
    /// directory that only its owner can read.
    pub(crate) fn prepare(dir: &Path) -> Result<TokenFiles, String> {
        let made_dir = match std::fs::symlink_metadata(dir) {
            Ok(meta) => {
                if !meta.is_dir() {
                    return Err(format!("{} is not a directory", dir.display()));
                }
                check_private(dir, &meta)?;
                false
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                make_private_dir(dir)
                    .map_err(|e| format!("cannot make the directory {}: {e}", dir.display()))?;
                true
            }
            Err(e) => return Err(format!("cannot read {}: {e}", dir.display())),
        };
        Ok(TokenFiles {
            dir: dir.to_owned(),
            made_dir,
            files: Vec::new(),
        })
    }

    /// Registers the file for variable `name`; returns its path.
    pub(crate) fn add(&mut self, name: &str, source: usize, field: Option<String>) -> PathBuf {
        let path = self.dir.join(name);
        self.files.push(TokenFile {
            name: name.to_owned(),
            path: path.clone(),
            source,
            field,
        });
        path
    }

    /// Writes every file once.
    pub(crate) fn write_all(
        &self,
        sources: &[Source<'_>],
        shared: &Shared<'_>,
    ) -> Result<(), String> {
        for f in &self.files {
            let served = sources[f.source]
                .get(shared, f.field.as_deref())
                .map_err(|e| format!("cannot write {}: {e}", f.path.display()))?;
            write_secret(&f.path, &served.secret)
                .map_err(|e| format!("cannot write {}: {e}", f.path.display()))?;
        }
        Ok(())
    }

    /// Rewrites the files of expiring tokens before they expire, until
    /// `stop` is closed. A failure is reported and retried 30 s later.
    pub(crate) fn keep(
        &self,
        sources: &[Source<'_>],
        shared: &Shared<'_>,
        ui: &Ui,
        stop: &Receiver<()>,
    ) {
        let expiring: Vec<&TokenFile> = self
            .files
            .iter()
            .filter(|f| sources[f.source].is_oauth2())
            .collect();
        // After a failure, a file is not tried again before this.
        let mut not_before: Vec<Option<Timestamp>> = vec![None; expiring.len()];
        loop {
            let due_at = |nb: Option<Timestamp>, f: &TokenFile| {
                let renew = sources[f.source].renew_at(shared)?;
                Some(nb.map_or(renew, |nb| renew.max(nb)))
            };
            let next = expiring
                .iter()
                .zip(&not_before)
                .filter_map(|(f, nb)| due_at(*nb, f))
                .min();
            let woke = match next {
                Some(at) => stop.recv_timeout(
                    at.duration_since(Timestamp::now())
                        .max(jiff::SignedDuration::ZERO)
                        .unsigned_abs()
                        .max(Duration::from_millis(100)),
                ),
                None => stop.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            if !matches!(woke, Err(RecvTimeoutError::Timeout)) {
                return;
            }
            let now = Timestamp::now();
            for (i, f) in expiring.iter().enumerate() {
                if due_at(not_before[i], f).is_none_or(|at| at > now) {
                    continue;
                }
                // A failed refresh has been reported where it failed.
                let written = sources[f.source].get(shared, f.field.as_deref()).map(|s| {
                    write_secret(&f.path, &s.secret).map_err(|e| {
                        ui.warn(&format!("could not rewrite {}: {e}", f.path.display()));
                    })
                });
                not_before[i] = match written {
                    Ok(Ok(())) => None,
                    _ => Some(now + jiff::SignedDuration::from_secs(30)),
                };
            }
        }
    }

    /// Removes the files (and the directory, when fourgent made it).
    pub(crate) fn remove(&self, ui: &Ui) {
        for f in &self.files {
            match std::fs::remove_file(&f.path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => ui.warn(&format!(
                    "could not remove {} ({e}); it holds {}: delete it",
                    f.path.display(),
                    f.name
                )),
            }
        }
        if self.made_dir {
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

/// Writes `secret` to `path` as a new owner-only file renamed into place.
fn write_secret(path: &Path, secret: &Secret) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".fourgent-")
        .permissions(private_file())
        .tempfile_in(dir)?;
    tmp.write_all(secret.expose_secret().as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn private_file() -> std::fs::Permissions {
    std::os::unix::fs::PermissionsExt::from_mode(0o600)
}

#[cfg(not(unix))]
fn private_file() -> std::fs::Permissions {
    std::fs::metadata(".")
        .map(|m| m.permissions())
        .expect("cwd")
}

#[cfg(unix)]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir(dir)
}

#[cfg(unix)]
fn check_private(dir: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: getuid cannot fail.
    let me = unsafe { libc::getuid() };
    if meta.uid() != me {
        return Err(format!("{} belongs to another user", dir.display()));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(format!(
            "{} can be read by other users; use a directory only you can open (`chmod 700`)",
            dir.display()
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_dir: &Path, _meta: &std::fs::Metadata) -> Result<(), String> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn files_are_owner_only_and_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("t");
        let files = TokenFiles::prepare(&dir).unwrap();
        assert!(files.made_dir);
        assert_eq!(
            std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let path = dir.join("X_TOKEN");
        write_secret(&path, &Secret::from("one".to_owned())).unwrap();
        write_secret(&path, &Secret::from("two".to_owned())).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[test]
    fn a_directory_others_can_read_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("open");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let err = TokenFiles::prepare(&dir).err().unwrap();
        assert!(err.contains("chmod 700"), "{err}");
        let file = root.path().join("file");
        std::fs::write(&file, "").unwrap();
        assert!(
            TokenFiles::prepare(&file)
                .err()
                .unwrap()
                .contains("not a directory")
        );
    }
}
