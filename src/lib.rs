//! fourgent: a command-line connection manager for the Fourgent integration
//! platform. `main.rs` calls [`main`].
//!
//! Modules are private to the crate unless the integration tests need them
//! (the file formats, the model, the CLI definition, the exit codes), so the
//! compiler finds what nothing uses.

pub mod catalog;
pub(crate) mod check;
pub mod cli;
pub(crate) mod commands;
pub(crate) mod context;
pub(crate) mod env;
pub mod error;
pub(crate) mod fsutil;
pub(crate) mod http;
pub mod model;
pub(crate) mod oauth;
pub(crate) mod runtime;
mod sanitize;
pub(crate) mod secrets;
pub(crate) mod signals;
pub mod store;
pub(crate) mod team;
pub(crate) mod ui;

pub use commands::generate;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::Cli;
use crate::context::Ctx;

/// clap's message without its `error: ` prefix and usage lines.
fn first_line(rendered: &str) -> String {
    let line = rendered.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_owned()
}

/// Parses the command line, runs the command, renders any error, and turns
/// the outcome into the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors
            // to stderr (exit 2); with `--json`, a usage error is JSON too.
            if e.use_stderr() && std::env::args_os().any(|a| a == "--json") {
                let message = first_line(&e.render().to_string());
                let err = error::Error::usage(message).with_hint("run the command with `--help`");
                #[allow(clippy::disallowed_macros)]
                {
                    eprintln!("{}", err.to_json());
                }
                return err.exit_code();
            }
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(error::ErrorKind::Usage.exit_code())
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let Some(command) = cli.command else {
        // `fourgent` alone: the overview, like `--help`, successfully.
        let mut cmd = Cli::command();
        let _ = cmd.print_help();
        return ExitCode::SUCCESS;
    };
    let json = command.wants_json();
    let ctx = match Ctx::new(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => {
            ui::early_error(&e, json);
            return e.exit_code();
        }
    };
    match commands::run(&ctx, command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.is_broken_pipe() {
                ctx.ui.error(&e, json);
            }
            e.exit_code()
        }
    }
}
