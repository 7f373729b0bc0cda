//! `fourgent connections …`: dispatch only. One file per subcommand; what
//! several of them share has a file named for its job:
//!
//! - `naming.rs`: what a selector or an app ID names; a new connection's name
//! - `inputs.rs`: gathering field values and secrets (flags, env, stdin, prompts)
//! - `authenticate.rs`: Custom credentials or the OAuth2 flow, then the check call
//! - `secret.rs`: loading a connection's stored secret, and its failures
//! - `oauth.rs`: OAuth2 client credentials, the browser flow, fresh tokens

mod add;
mod authenticate;
mod delete;
mod exec;
mod inputs;
mod list;
mod log;
mod r#move;
pub(crate) mod naming;
pub(crate) mod oauth;
mod reauthorize;
pub(crate) mod secret;
mod show;
mod status;
mod token;

use crate::cli::ConnectionsCommand;
use crate::context::Ctx;
use crate::error::Result;

pub fn run(ctx: &Ctx, command: ConnectionsCommand) -> Result<()> {
    match command {
        ConnectionsCommand::Add(args) => add::run(ctx, args),
        ConnectionsCommand::List(args) => list::run(ctx, &args),
        ConnectionsCommand::Show(args) => show::run(ctx, &args),
        ConnectionsCommand::Status(args) => status::run(ctx, &args),
        ConnectionsCommand::Reauthorize(args) => reauthorize::run(ctx, args),
        ConnectionsCommand::Delete(args) => delete::run(ctx, &args),
        ConnectionsCommand::Token(args) => token::run(ctx, &args),
        ConnectionsCommand::Move(args) => r#move::run(ctx, &args),
        ConnectionsCommand::Exec(args) => exec::run(ctx, &args),
        ConnectionsCommand::Log(args) => log::run(ctx, &args),
    }
}
