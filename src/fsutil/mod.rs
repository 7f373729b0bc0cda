//! Files fourgent writes: the cross-process lock, the atomic write, the
//! checks of who else could read or change a file, and where in a TOML file
//! a parse error is. Used by the metadata store, the file secret store and
//! the catalog; it knows nothing of what the files hold.

mod atomic;
mod lock;
mod trust;

use std::path::PathBuf;

pub use atomic::{ensure_dir, write as write_atomic};
pub use lock::FileLock;
pub(crate) use trust::{Holds, checked_target};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot {action} {}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{} has held the lock {} for over a minute", holder.as_deref().unwrap_or("another process"), path.display())]
    LockTimeout {
        path: PathBuf,
        /// "process 1234 (fourgent)", when the system says.
        holder: Option<String>,
    },
    /// A file that may not be used as it is: a dangling link, a directory,
    /// or a file others could read or change (see `trust`).
    #[error("cannot use {}: {problem}", path.display())]
    Unusable {
        path: PathBuf,
        problem: String,
        /// The command that fixes it.
        fix: String,
    },
}

/// Where a TOML parse error is: 1-based line and column (1, 1 when the
/// parser gives no position). The one place every file's errors get theirs.
pub fn error_position(text: &str, e: &toml::de::Error) -> (usize, usize) {
    e.span().map_or((1, 1), |s| line_col(text, s.start))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("x", 0), (1, 1));
    }
}
