//! Cross-process file locks, held for a read-modify-write of a file.

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
    pub fn acquire(target: &Path) -> Result<FileLock, Error> {
        let path = lock_path(target);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Io {
                path: path.clone(),
                action: "open the lock file",
                source,
            })?;
        let deadline = Instant::now() + LOCK_WAIT;
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FileLock { _file: file, path }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => return Err(Error::LockTimeout { path }),
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

fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    target.with_file_name(name)
}
