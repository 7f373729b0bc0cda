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
    sweep_stale(path, lock);
    let io = |action: &'static str| {
        move |source| Error::Io {
            path: path.to_owned(),
            action,
            source,
        }
    };
    // tempfile creates the file with mode 0600 on Unix, and removes it if we
    // return early; a crash can leave one behind, which the next write of the
    // same file sweeps (see `sweep_stale`).
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
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

/// Temp files of `path` are named `.<file name>-<random>.tmp`, so each file's
/// leftovers are told apart from another file's live temp file.
fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes temp files of `path` left behind by a process that was killed
/// mid-write. Needs `path`'s lock, so no live writer owns them.
pub fn sweep_stale(path: &Path, _lock: &FileLock) {
    let dir = path.parent().unwrap_or(Path::new("."));
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
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
