//! One module per command; this one only dispatches.

pub mod connections;
pub mod connectors;
mod credential;
pub mod generate;
mod store;

use crate::cli::{Command, ConnectorsCommand, CredentialCommand, StoreCommand};
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
        Command::Store(c) => match c {
            StoreCommand::Init(_) => store::init(ctx),
            StoreCommand::Status(args) => store::status(ctx, &args),
            StoreCommand::Import(args) => store::import(ctx, &args),
            StoreCommand::Export(args) => store::export(ctx, &args),
            StoreCommand::NewKey(_) => store::new_key(ctx),
            StoreCommand::SetKey(args) => store::set_key(ctx, &args),
            StoreCommand::RotateKey(args) => store::rotate_key(ctx, &args),
        },
        Command::Generate(args) => generate::run(ctx, &args),
    }
}
