//! One module per command; this one only dispatches.

pub mod connections;
pub mod connectors;
mod credential;
pub mod generate;

use crate::cli::{Command, ConnectorsCommand, CredentialCommand};
use crate::context::Ctx;
use crate::error::Result;

pub fn run(ctx: &Ctx, command: Command) -> Result<()> {
    match command {
        Command::Connections(c) => connections::run(ctx, c),
        Command::Connectors(ConnectorsCommand::List(args)) => connectors::list(ctx, &args),
        Command::Connectors(ConnectorsCommand::Show(args)) => connectors::show(ctx, &args),
        Command::Connectors(ConnectorsCommand::SetSecret(args)) => {
            connectors::set_secret(ctx, &args)
        }
        Command::Credential(CredentialCommand::Git(args)) => credential::git(ctx, &args),
        Command::Generate(args) => generate::run(ctx, &args),
    }
}
