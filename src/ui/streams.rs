//! The handles `Ui` writes to and reads from: the process's own stdin,
//! stdout and stderr, or in-memory buffers that a test reads back (gh's
//! `IOStreams` and `IOStreams.Test()`).
//!
//! stdin is read here and nowhere else, with one rule for line ends: the
//! input (or each line) loses one final `\n` or `\r\n`, nothing more
//! ([`strip_line_end`]).

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Where output goes. Cloning gives another handle on the same stream.
#[derive(Clone)]
pub(crate) enum Output {
    Stdout,
    Stderr,
    /// A test's buffer (`Ui::for_test`).
    #[cfg_attr(not(test), allow(dead_code))]
    Buffer(Arc<Mutex<Vec<u8>>>),
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout => io::stdout().write(buf),
            Output::Stderr => io::stderr().write(buf),
            Output::Buffer(b) => {
                lock(b).extend_from_slice(buf);
                Ok(buf.len())
            }
        }
    }

    /// The process's streams are locked once for the whole of `buf`, as
    /// `print!` does, so lines from other threads do not cut into it.
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout => io::stdout().write_all(buf),
            Output::Stderr => io::stderr().write_all(buf),
            Output::Buffer(b) => {
                lock(b).extend_from_slice(buf);
                Ok(())
            }
        }
    }

    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> io::Result<()> {
        match self {
            Output::Stdout => io::stdout().write_fmt(args),
            Output::Stderr => io::stderr().write_fmt(args),
            Output::Buffer(b) => {
                let text = fmt::format(args);
                lock(b).extend_from_slice(text.as_bytes());
                Ok(())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout => io::stdout().flush(),
            Output::Stderr => io::stderr().flush(),
            Output::Buffer(_) => Ok(()),
        }
    }
}

/// Where input comes from. Cloning gives another handle on the same
/// stream (the pasted-address reader runs on a thread of its own).
#[derive(Clone)]
pub(crate) enum Input {
    Stdin,
    /// What a test fed in (`Ui::for_test`).
    #[cfg_attr(not(test), allow(dead_code))]
    Script(Arc<Mutex<VecDeque<u8>>>),
}

impl Input {
    /// All of the input, at most `limit` bytes, without a final line end.
    pub(crate) fn read_all(&self, limit: u64) -> io::Result<String> {
        let mut text = String::new();
        match self {
            Input::Stdin => {
                io::stdin().take(limit).read_to_string(&mut text)?;
            }
            Input::Script(s) => {
                let mut s = lock(s);
                let n = s.len().min(usize::try_from(limit).unwrap_or(usize::MAX));
                let bytes: Vec<u8> = s.drain(..n).collect();
                text = String::from_utf8(bytes)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            }
        }
        text.truncate(strip_line_end(&text).len());
        Ok(text)
    }

    /// The next line without its line end; `None` at the end of the input
    /// or when it cannot be read.
    pub(crate) fn read_line(&self) -> Option<String> {
        let mut line = String::new();
        let n = match self {
            Input::Stdin => io::stdin().read_line(&mut line).ok()?,
            Input::Script(s) => {
                let mut s = lock(s);
                let end = s
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(s.len(), |i| i + 1);
                let bytes: Vec<u8> = s.drain(..end).collect();
                line = String::from_utf8(bytes).ok()?;
                line.len()
            }
        };
        (n > 0).then(|| strip_line_end(&line).to_owned())
    }
}

/// `text` without one final `\n` or `\r\n`: what `echo` and a typed line
/// add. Other trailing characters, a second line end included, stay.
pub(crate) fn strip_line_end(text: &str) -> &str {
    match text.strip_suffix('\n') {
        Some(rest) => rest.strip_suffix('\r').unwrap_or(rest),
        None => text,
    }
}

/// The other ends of a test `Ui`'s streams (see `Ui::for_test`): what it
/// wrote to stdout and stderr, and what it will read from stdin.
#[cfg(test)]
pub(crate) struct TestStreams {
    pub(crate) stdin: Arc<Mutex<VecDeque<u8>>>,
    pub(crate) stdout: Arc<Mutex<Vec<u8>>>,
    pub(crate) stderr: Arc<Mutex<Vec<u8>>>,
}

#[cfg(test)]
impl TestStreams {
    pub(crate) fn new() -> TestStreams {
        TestStreams {
            stdin: Arc::default(),
            stdout: Arc::default(),
            stderr: Arc::default(),
        }
    }

    /// Adds `text` to what stdin holds.
    pub(crate) fn feed_stdin(&self, text: &str) {
        lock(&self.stdin).extend(text.as_bytes());
    }

    /// Everything written to stdout so far.
    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stdout)).into_owned()
    }

    /// Everything written to stderr so far.
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stderr)).into_owned()
    }
}

/// A buffer's lock; a thread that panicked while holding it leaves bytes
/// that are still worth reading.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_end_is_stripped_and_nothing_else() {
        assert_eq!(strip_line_end("key\n"), "key");
        assert_eq!(strip_line_end("key\r\n"), "key");
        assert_eq!(strip_line_end("key"), "key");
        assert_eq!(strip_line_end("key\n\n"), "key\n");
        assert_eq!(strip_line_end("key\r"), "key\r");
        assert_eq!(strip_line_end(" key \n"), " key ");
        assert_eq!(strip_line_end("\n"), "");
    }

    #[test]
    fn scripted_input_reads_lines_then_the_rest() {
        let streams = TestStreams::new();
        streams.feed_stdin("first\r\nsecond\nrest\nof it\n");
        let input = Input::Script(streams.stdin.clone());
        assert_eq!(input.read_line().as_deref(), Some("first"));
        assert_eq!(input.read_line().as_deref(), Some("second"));
        assert_eq!(input.read_all(4).unwrap(), "rest");
        assert_eq!(input.read_all(1024).unwrap(), "\nof it");
        assert_eq!(input.read_line(), None);
    }
}
