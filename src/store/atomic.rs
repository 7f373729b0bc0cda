//! Writing a whole file so that a crash leaves the old or the new content,
//! never a mix: a temp file in the same directory, synced, renamed over.

use std::io::Write;
use std::path::Path;

use super::{Error, FileLock};

/// Replaces `path` with `bytes`, owner-only (`0600`). Needs the file's lock.
pub fn write(path: &Path, bytes: &[u8], lock: &FileLock) -> Result<(), Error> {
    debug_assert!(
        lock.guards(path),
        "writing {} without its lock",
        path.display()
    );
    let dir = path.parent().unwrap_or(Path::new("."));
    let io = |action: &'static str| {
        move |source| Error::Io {
            path: path.to_owned(),
            action,
            source,
        }
    };
    // tempfile creates the file with mode 0600 on Unix, and removes it if we
    // return early; a crash can leave one `.tmp*` file, which the next write
    // of this directory sweeps (see `sweep_stale`).
    let mut tmp = tempfile::Builder::new()
        .prefix(".fourgent-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io("create a temporary file for"))?;
    tmp.write_all(bytes).map_err(io("write"))?;
    tmp.as_file().sync_all().map_err(io("sync"))?;
    tmp.persist(path).map_err(|e| Error::Io {
        path: path.to_owned(),
        action: "replace",
        source: e.error,
    })?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes temp files left behind by a process that was killed mid-write.
/// Only called while holding the directory's data lock, so no live writer
/// owns them.
pub fn sweep_stale(dir: &Path, _lock: &FileLock) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".fourgent-") && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates the config directory owner-only (`0700`) if it does not exist.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        action: "create the directory",
        source,
    })
}
