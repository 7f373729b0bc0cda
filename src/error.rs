//! The error every command returns, its exit code, and how it is shown.
//!
//! Module errors (`store::Error`, `secrets::Error`, …) say what failed; the
//! `From` impls below decide the [`ErrorKind`] (and so the exit code) and the
//! hint where the failure is understood, so no central list of downcasts is
//! needed.
//!
//! Exit codes are decided here, and only here: a command returns an
//! [`Error`] of some kind and `lib.rs` ends with `Error::exit_code`.
//!
//! - `0`: success; also `--help`, `--version`, and a reader that closed
//!   stdout (`fourgent connections list | head`)
//! - `1` [`ErrorKind::Failure`]: unexpected failure (I/O error, bug)
//! - `2` [`ErrorKind::Usage`]: a bad option, value or missing input (clap's
//!   own code for a command line it refuses is the same)
//! - `3` [`ErrorKind::NotFound`]: no such connection or app, or a name
//!   matches several
//! - `4` [`ErrorKind::Auth`]: the app rejected the credentials or the
//!   authorization
//! - `5` [`ErrorKind::NotConnected`]: a connection is Not Connected
//!   (`status`: any of those checked)
//! - `6` [`ErrorKind::Keychain`]: the keychain or secret store is
//!   unavailable, locked or hung
//! - `7` [`ErrorKind::Config`]: a file fourgent reads is damaged or invalid
//! - `8` [`ErrorKind::Network`]: the app could not be reached or failed
//! - `9` [`ErrorKind::TimedOut`]: no authorization arrived from the browser
//!   in time
//! - `130` [`ErrorKind::Interrupted`]: Ctrl-C, or a confirmation declined
//! - `128+N` (`signal_exit_code`): signal N arrived while tokens were
//!   being stored; `signals.rs` ends the process once they are
//!
//! One command passes another program's code through: `connections exec`
//! ends with the code of the program it ran (128+N when signal N ended
//! it), or 126/127 when the program cannot be run, as a shell does
//! (`commands/connections/exec.rs`).

use std::fmt;
use std::process::ExitCode;

use crate::{catalog, fsutil, secrets, store, team};

/// What kind of failure ended the command. Each kind has its own exit code,
/// documented in the README and in `fourgent --help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Something unexpected: an I/O error, a bug.
    Failure,
    /// The command line or a value given to it is wrong.
    Usage,
    /// No connection or app matches, or a name matches several.
    NotFound,
    /// The app rejected the credentials, or authorization failed or was denied.
    Auth,
    /// A connection is Not Connected (`status`: any checked; `token`: this one).
    NotConnected,
    /// The OS keychain (or the chosen secret store) is missing, locked or not answering.
    Keychain,
    /// A file fourgent reads (connections.toml, connectors.toml, secrets.toml) is damaged.
    Config,
    /// The app could not be reached, or answered with a server error.
    Network,
    /// No authorization arrived from the browser in time.
    TimedOut,
    /// The user pressed Ctrl-C or declined a confirmation.
    Interrupted,
}

impl ErrorKind {
    /// Every kind, in exit-code order: the one list the docs are checked against.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::Failure,
        ErrorKind::Usage,
        ErrorKind::NotFound,
        ErrorKind::Auth,
        ErrorKind::NotConnected,
        ErrorKind::Keychain,
        ErrorKind::Config,
        ErrorKind::Network,
        ErrorKind::TimedOut,
        ErrorKind::Interrupted,
    ];

    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failure => 1,
            ErrorKind::Usage => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Auth => 4,
            ErrorKind::NotConnected => 5,
            ErrorKind::Keychain => 6,
            ErrorKind::Config => 7,
            ErrorKind::Network => 8,
            ErrorKind::TimedOut => 9,
            ErrorKind::Interrupted => 130,
        }
    }

    /// The word used for this kind in `--json` errors.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Failure => "failure",
            ErrorKind::Usage => "usage",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Auth => "auth",
            ErrorKind::NotConnected => "not_connected",
            ErrorKind::Keychain => "keychain",
            ErrorKind::Config => "config",
            ErrorKind::Network => "network",
            ErrorKind::TimedOut => "timed_out",
            ErrorKind::Interrupted => "interrupted",
        }
    }

    /// One line for the exit-code table in `--help` and the README.
    pub fn describe(self) -> &'static str {
        match self {
            ErrorKind::Failure => "unexpected failure (I/O error, bug)",
            ErrorKind::Usage => "usage error: a bad option, value or missing input",
            ErrorKind::NotFound => "no such connection or app, or a name matches several",
            ErrorKind::Auth => "the app rejected the credentials or the authorization",
            ErrorKind::NotConnected => {
                "a connection is Not Connected (status: any of those checked)"
            }
            ErrorKind::Keychain => "the keychain or secret store is unavailable, locked or hung",
            ErrorKind::Config => "a file fourgent reads is damaged or invalid",
            ErrorKind::Network => "the app could not be reached or failed (5xx, timeout)",
            ErrorKind::TimedOut => "no authorization arrived from the browser in time",
            ErrorKind::Interrupted => "interrupted (Ctrl-C) or not confirmed",
        }
    }
}

/// The exit code of a process that a signal would have ended: 128+N for
/// signal N, as a shell reports it.
#[cfg_attr(not(unix), allow(dead_code))]
pub(crate) fn signal_exit_code(signal: i32) -> i32 {
    128 + signal
}

/// The text block printed after `--help` that lists the exit codes.
pub fn exit_codes_help() -> String {
    let mut s = String::from("Exit codes:\n  0    success\n");
    for kind in ErrorKind::ALL {
        s.push_str(&format!("  {:<4} {}\n", kind.exit_code(), kind.describe()));
    }
    s
}

/// A failure with what happened, why, and what to run next.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    causes: Vec<String>,
    hints: Vec<String>,
    broken_pipe: bool,
    declined: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            causes: Vec::new(),
            hints: Vec::new(),
            broken_pipe: false,
            declined: false,
        }
    }

    /// The user answered "no" to a confirmation: not a failure to shout
    /// about, so it is shown as a plain line ("Nothing deleted."), with the
    /// exit code of [`ErrorKind::Interrupted`].
    pub fn declined(message: impl Into<String>) -> Self {
        Error {
            declined: true,
            ..Error::new(ErrorKind::Interrupted, message)
        }
    }

    /// Stdout was closed by the reader (`fourgent connections list | head`):
    /// the run ends quietly with exit code 0.
    pub fn broken_pipe() -> Self {
        Error {
            broken_pipe: true,
            ..Error::failure("stdout was closed")
        }
    }

    pub fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }

    /// The exit code the process ends with: its kind's, except after a
    /// broken pipe, which ends the run quietly and successfully.
    pub(crate) fn exit_code(&self) -> ExitCode {
        if self.broken_pipe {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(self.kind.exit_code())
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Failure, message)
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    #[must_use]
    pub fn with_cause(mut self, cause: impl Into<String>) -> Self {
        self.causes.push(cause.into());
        self
    }

    /// Adds the chain of `source()`s of a std error as causes.
    #[must_use]
    pub fn with_source(mut self, err: &(dyn std::error::Error + 'static)) -> Self {
        let mut next = Some(err);
        while let Some(e) = next {
            self.causes.push(e.to_string());
            next = e.source();
        }
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    pub fn causes(&self) -> &[String] {
        &self.causes
    }

    /// The human form: `error: …`, `caused by: …` lines, then `hint: …`.
    pub fn render(&self) -> String {
        let mut s = if self.declined {
            format!("{}\n", self.message)
        } else {
            format!("error: {}\n", self.message)
        };
        for cause in &self.causes {
            s.push_str(&format!("  caused by: {cause}\n"));
        }
        for hint in &self.hints {
            s.push_str(&format!("\nhint: {}\n", hint.replace('\n', "\n      ")));
        }
        s
    }

    /// The `--json` form: `{"error": {"kind", "message", "hint"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut message = self.message.clone();
        for cause in &self.causes {
            message.push_str(": ");
            message.push_str(cause);
        }
        serde_json::json!({
            "error": {
                "kind": self.kind.as_str(),
                "exit_code": self.kind.exit_code(),
                "message": message,
                "hint": if self.hints.is_empty() { None } else { Some(self.hints.join("\n")) },
            }
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

// How each module's error becomes an [`Error`]: its kind (and so the exit
// code) and its hint are decided here, where the failure is understood.

const READ_ONLY_HINT: &str =
    "fix or move the file; fourgent does not overwrite a file it cannot read";

impl From<fsutil::Error> for Error {
    fn from(e: fsutil::Error) -> Error {
        match &e {
            fsutil::Error::Io { source, .. } => Error::failure(e.to_string()).with_source(source),
            // The lock is an flock: it ends with its holder. Removing the
            // file would not free it, only let two processes in at once.
            fsutil::Error::LockTimeout { holder, .. } => {
                let holder = holder.as_deref().unwrap_or("the other fourgent process");
                Error::failure(e.to_string()).with_hint(format!(
                    "wait for {holder} to finish, or stop it if it is stuck: the lock is released when it exits"
                ))
            }
            fsutil::Error::Unusable { fix, .. } => {
                Error::new(ErrorKind::Config, e.to_string()).with_hint(fix.clone())
            }
        }
    }
}

impl From<store::Error> for Error {
    fn from(e: store::Error) -> Error {
        match e {
            store::Error::File(file) => Error::from(file),
            store::Error::Team(team) => Error::from(team),
            e @ (store::Error::Parse { .. } | store::Error::Invalid { .. }) => {
                Error::new(ErrorKind::Config, e.to_string()).with_hint(READ_ONLY_HINT)
            }
            e @ store::Error::UnknownVersion { .. } => Error::new(ErrorKind::Config, e.to_string())
                .with_hint("it was written by a newer fourgent: upgrade fourgent to use it"),
        }
    }
}

impl From<catalog::Error> for Error {
    fn from(e: catalog::Error) -> Error {
        let e = match e {
            catalog::Error::File(file) => return Error::from(file),
            e => e,
        };
        match &e {
            catalog::Error::Io { source, .. } => Error::failure(e.to_string()).with_source(source),
            _ => Error::new(ErrorKind::Config, e.to_string())
                .with_hint("fix the entry; `docs/connectors.md` describes every key"),
        }
    }
}

const FILE_STORE_HINT: &str =
    "opt in to the file store with `--secret-store file` (or FOURGENT_SECRET_STORE=file)";

impl From<secrets::Error> for Error {
    fn from(e: secrets::Error) -> Error {
        let message = e.to_string();
        match e {
            secrets::Error::Unavailable { reason, hint } => {
                Error::new(ErrorKind::Keychain, message)
                    .with_cause(reason)
                    .with_hint(format!("{hint}, or {FILE_STORE_HINT}"))
            }
            secrets::Error::Locked { reason } => Error::new(ErrorKind::Keychain, message)
                .with_cause(reason)
                .with_hint(format!("unlock the keychain (log in to your desktop session), or {FILE_STORE_HINT}")),
            secrets::Error::TimedOut { .. } => Error::new(ErrorKind::Keychain, message)
                .with_hint(format!(
                    "the keychain may be waiting for an unlock prompt nobody can see; unlock it, or {FILE_STORE_HINT}"
                )),
            secrets::Error::Failed { reason } => Error::new(ErrorKind::Keychain, message)
                .with_cause(reason)
                .with_hint(FILE_STORE_HINT),
            secrets::Error::Corrupt { .. } => Error::new(ErrorKind::Config, message)
                .with_hint("re-enter the credentials with `fourgent connections reauthorize`"),
            secrets::Error::Team(team) => Error::from(team),
            secrets::Error::File(inner) => {
                let kind_hint = matches!(inner, store::Error::Parse { .. });
                let err = Error::from(inner);
                if kind_hint {
                    err.with_hint("secrets.toml is written by fourgent only; restore it from a backup or move it away")
                } else {
                    err
                }
            }
        }
    }
}

impl From<team::Error> for Error {
    fn from(e: team::Error) -> Error {
        use team::Failure as F;
        let message = e.to_string();
        let reason = crate::sanitize::clean(&e.reason, 500);
        let with_reason = |err: Error| {
            if reason.is_empty() {
                err
            } else {
                err.with_cause(reason.clone())
            }
        };
        match &e.failure {
            F::Unreachable => with_reason(Error::new(ErrorKind::Keychain, message)).with_hint(
                "check that the server is up and that the store URL (--store, FOURGENT_STORE or config.toml) is right",
            ),
            F::Refused { .. } => with_reason(Error::failure(message)),
            F::NoSchema => Error::new(ErrorKind::Config, message)
                .with_hint("create the tables with `fourgent store init`"),
            F::SchemaNewer { found } => Error::new(ErrorKind::Config, message).with_hint(format!(
                "install a newer fourgent, one that knows schema version {found}"
            )),
            F::SchemaOlder { .. } => Error::new(ErrorKind::Config, message)
                .with_hint("upgrade the tables with `fourgent store init` (then every machine needs this fourgent or newer)"),
            F::NoKey { needed } => Error::new(ErrorKind::Keychain, message).with_hint(format!(
                "get team key {needed} from your team, then run `fourgent store set-key` or set FOURGENT_STORE_KEY"
            )),
            F::WrongKey { needed, .. } => Error::new(ErrorKind::Keychain, message).with_hint(format!(
                "nothing was read or written; get team key {needed} from your team, then run `fourgent store set-key` or set FOURGENT_STORE_KEY"
            )),
            F::DamagedRow { .. } => with_reason(Error::new(ErrorKind::Config, message)).with_hint(
                "someone changed the row in the database outside fourgent; restore it from a backup, or have the database admin remove it",
            ),
            F::Tampered { .. } => Error::new(ErrorKind::Config, message).with_hint(
                "nothing was sent; restore the row from a backup, or check the connection and run `fourgent connections reauthorize` on a machine with the team key",
            ),
            F::BadKey { .. } => Error::new(ErrorKind::Keychain, message)
                .with_hint("a team key is 32 bytes in base64, as `fourgent store new-key` prints it"),
            F::Damaged { .. } => Error::new(ErrorKind::Config, message).with_hint(
                "someone changed the row in the database; restore it from a backup, or re-enter the credentials with `fourgent connections reauthorize`",
            ),
            F::Duplicate => Error::usage(message),
            F::LockTimeout { .. } => Error::failure(message).with_hint(
                "another fourgent process holds it; it is released when that process ends or its session drops",
            ),
        }
    }
}

impl From<crate::oauth::Error> for Error {
    fn from(e: crate::oauth::Error) -> Error {
        use crate::oauth::Error as O;
        let message = e.to_string();
        match e {
            O::NoClientId { .. } | O::Config(_) | O::BadPaste(_) => Error::usage(message),
            O::Listener(crate::oauth::loopback::Error::PortInUse { port, .. }) => Error::usage(message).with_hint(format!(
                "stop what uses port {port}, or pass another `--port` (the app must accept that redirect URI too)"
            )),
            O::Listener(_) => Error::failure(message),
            O::Denied { .. } | O::Rejected { .. } => Error::new(ErrorKind::Auth, message),
            O::TimedOut(_) => Error::new(ErrorKind::TimedOut, message).with_hint(
                "run the command again (with a longer `--timeout` if you need it), or pass `--no-browser` and open the printed address yourself",
            ),
            O::Network { .. } | O::NoAnswer { .. } | O::Malformed { .. } => {
                Error::new(ErrorKind::Network, message)
            }
            O::Url(e) => Error::new(ErrorKind::Config, message).with_hint(match e.placeholder() {
                Some(key) => format!(
                    "nothing was sent; give `{key}` a valid value with `--field {key}=VALUE` (`fourgent connections reauthorize` takes it too)"
                ),
                None => "nothing was sent; fix the URL in connectors.toml".into(),
            }),
            O::UnsafeAnswer(_) => Error::new(ErrorKind::Auth, message)
                .with_hint("nothing was saved; the app answered with a value its URLs may not hold"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_distinct() {
        let mut codes: Vec<u8> = ErrorKind::ALL.iter().map(|k| k.exit_code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ErrorKind::ALL.len());
        assert!(!codes.contains(&0));
    }

    #[test]
    fn the_module_doc_lists_every_code() {
        let doc = include_str!("error.rs");
        for kind in ErrorKind::ALL {
            let line = format!("//! - `{}` [`ErrorKind::{kind:?}`]", kind.exit_code());
            assert!(doc.contains(&line), "the module doc lacks `{line}`");
        }
    }

    #[test]
    fn a_refused_command_line_exits_as_a_usage_error() {
        use clap::Parser;
        let err = crate::cli::Cli::try_parse_from(["fourgent", "--no-such-flag"]).unwrap_err();
        assert!(err.use_stderr());
        assert_eq!(err.exit_code(), i32::from(ErrorKind::Usage.exit_code()));
    }

    #[test]
    fn render_shows_message_causes_and_hints() {
        let err = Error::new(ErrorKind::Keychain, "the OS keychain is not available")
            .with_cause("no Secret Service provider on the session bus")
            .with_hint("opt in to the file store with `--secret-store file`");
        assert_eq!(
            err.render(),
            "error: the OS keychain is not available\n  caused by: no Secret Service provider on the session bus\n\nhint: opt in to the file store with `--secret-store file`\n"
        );
        let json = err.to_json();
        assert_eq!(json["error"]["kind"], "keychain");
        assert_eq!(json["error"]["exit_code"], 6);
    }
}
