//! Cross-process file locks, held for a read-modify-write of a file.
//!
//! The locks are `flock`s on `<file>.lock`: the kernel releases them when the
//! holder exits, however it exits. The lock file itself carries nothing, so
//! it is never removed: a process that removed a held lock file would let
//! the next one lock a new file beside the old holder.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Error;

/// How long to wait for another fourgent process to finish its change.
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// An exclusive lock on `<file>.lock`, released on drop. Functions that write
/// a locked file take `&FileLock`, so a write without the lock does not compile.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    /// Takes the lock that guards `target`, waiting for other processes.
    /// The lock file is created owner-only (`0600`).
    pub fn acquire(target: &Path) -> Result<FileLock, Error> {
        Self::acquire_within(target, LOCK_WAIT)
    }

    fn acquire_within(target: &Path, wait: Duration) -> Result<FileLock, Error> {
        let path = lock_path(target);
        let file = open(&path).map_err(|source| Error::Io {
            path: path.clone(),
            action: "open the lock file",
            source,
        })?;
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FileLock { _file: file, path }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => {
                    let holder = holder(&file);
                    return Err(Error::LockTimeout { path, holder });
                }
                Err(TryLockError::Error(source)) => {
                    return Err(Error::Io {
                        path,
                        action: "lock",
                        source,
                    });
                }
            }
        }
    }

    /// Whether this lock guards `target`.
    pub fn guards(&self, target: &Path) -> bool {
        self.path == lock_path(target)
    }
}

/// Opens (creating if needed) a lock file, owner-only whatever the umask. A
/// lock file an older version left readable by others is narrowed to `0600`:
/// another user who can open it could hold the lock for ever.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(mode & 0o700))?;
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    target.with_file_name(name)
}

/// The process that holds the lock on `file`, as "process 1234 (fourgent)",
/// when the system says (Linux: `/proc/locks`). Best effort: `None` when it
/// cannot tell.
fn holder(file: &File) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = file.metadata().ok()?;
        let locks = std::fs::read_to_string("/proc/locks").ok()?;
        let pid = holder_pid(
            &locks,
            rustix::fs::major(meta.dev()),
            rustix::fs::minor(meta.dev()),
            meta.ino(),
        )?;
        // The name is chosen by that process: shown escaped and short.
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok();
        Some(match name {
            Some(name) => format!(
                "process {pid} ({})",
                crate::sanitize::sanitize(name.trim_end(), 32)
            ),
            None => format!("process {pid}"),
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

/// The PID of the `flock` holder of the inode `major:minor:ino` in the text
/// of `/proc/locks` (lines like `1: FLOCK  ADVISORY  WRITE 4242 fe:00:1234 0 EOF`;
/// waiters' lines have `->` and are skipped).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn holder_pid(locks: &str, major: u32, minor: u32, ino: u64) -> Option<u32> {
    locks.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.contains(&"->") || words.get(1) != Some(&"FLOCK") {
            return None;
        }
        let (pid, dev) = (words.get(4)?, words.get(5)?);
        let mut parts = dev.split(':');
        let ok = u32::from_str_radix(parts.next()?, 16).ok()? == major
            && u32::from_str_radix(parts.next()?, 16).ok()? == minor
            && parts.next()?.parse::<u64>().ok()? == ino;
        ok.then(|| pid.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_holder_from_proc_locks() {
        let locks = "1: POSIX  ADVISORY  WRITE 11 fe:00:77 0 EOF\n\
                     2: FLOCK  ADVISORY  WRITE 4242 fe:01:77 0 EOF\n\
                     2: -> FLOCK  ADVISORY  WRITE 5353 fe:01:77 0 EOF\n";
        assert_eq!(holder_pid(locks, 0xfe, 1, 77), Some(4242));
        assert_eq!(holder_pid(locks, 0xfe, 0, 77), None);
        assert_eq!(holder_pid("garbage\n1: FLOCK\n", 0, 0, 0), None);
    }

    #[cfg(unix)]
    #[test]
    fn lock_files_are_owner_only_whatever_was_there() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("refresh-c_7k2m9qx4");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        drop(FileLock::acquire(&target).unwrap());
        assert_eq!(mode(&lock_path(&target)), 0o600);
        std::fs::set_permissions(lock_path(&target), std::fs::Permissions::from_mode(0o666))
            .unwrap();
        drop(FileLock::acquire(&target).unwrap());
        assert_eq!(mode(&lock_path(&target)), 0o600);
    }

    #[test]
    fn a_held_lock_times_out_naming_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("connections.toml");
        let held = FileLock::acquire(&target).unwrap();
        // flock locks belong to an open file: a second open conflicts even
        // in the same process.
        let err = FileLock::acquire_within(&target, Duration::from_millis(20)).unwrap_err();
        let Error::LockTimeout { path, holder } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(path, &lock_path(&target));
        if cfg!(target_os = "linux") {
            let holder = holder.as_deref().expect("/proc/locks names the holder");
            assert!(
                holder.starts_with(&format!("process {} (", std::process::id())),
                "{holder}"
            );
            // The user is told who holds it and to wait for it or stop it;
            // removing the file would not release the lock.
            let shown = crate::error::Error::from(err).render();
            let hint = format!("hint: wait for process {} (", std::process::id());
            assert!(shown.contains(&hint), "{shown}");
            assert!(
                shown.contains("the lock is released when it exits"),
                "{shown}"
            );
        }
        drop(held);
        assert!(FileLock::acquire_within(&target, Duration::ZERO).is_ok());
    }
}
