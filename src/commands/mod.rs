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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::cli::Cli;
    use crate::context::Ctx;
    use crate::error::Result;
    use crate::secrets::ExposeSecret;
    use crate::ui::{Ui, UiSettings};

    /// Runs `fourgent ARGS` in this process on a config dir of its own,
    /// with the file store and a test `Ui` that was fed `stdin`. (`Ctx::new`
    /// makes a real `Ui` first, which is replaced.)
    fn run(
        args: &[&str],
        stdin: &str,
    ) -> (Result<()>, Ctx, crate::ui::TestStreams, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().to_str().unwrap();
        let argv = ["fourgent", "--config-dir", config, "--secret-store", "file"]
            .into_iter()
            .chain(args.iter().copied());
        let cli = Cli::try_parse_from(argv).unwrap();
        let mut ctx = Ctx::new(&cli.global).unwrap();
        let (ui, streams) = Ui::for_test(UiSettings {
            color: None,
            no_color_env: true,
            no_input: false,
            ci: false,
            verbose: 0,
            quiet: 0,
        });
        streams.feed_stdin(stdin);
        ctx.ui = ui;
        let result = super::run(&ctx, cli.command.unwrap());
        (result, ctx, streams, dir)
    }

    #[test]
    fn list_with_no_connections_says_how_to_add_one() {
        let (result, _ctx, streams, _dir) = run(&["connections", "list"], "");
        result.unwrap();
        assert_eq!(streams.stdout(), "");
        assert_eq!(
            streams.stderr(),
            "No connections yet. Add one with `fourgent connections add <APP>`.\n"
        );
        let (result, _ctx, streams, _dir) = run(&["connections", "list", "--json"], "");
        result.unwrap();
        assert_eq!(streams.stdout(), "[]\n");
        assert_eq!(streams.stderr(), "");
    }

    #[test]
    fn set_secret_reads_stdin_without_the_blanks_around_it() {
        let (result, ctx, streams, _dir) =
            run(&["connectors", "set-secret", "hubspot"], " \ts3cret  \r\n");
        result.unwrap();
        let stored = ctx
            .secrets()
            .get(&crate::secrets::client_secret_account("hubspot"))
            .unwrap()
            .unwrap();
        assert_eq!(stored.expose_secret(), "s3cret");
        assert_eq!(streams.stdout(), "");
        assert!(
            streams
                .stderr()
                .starts_with("ok: Stored the client secret of HubSpot in "),
            "{}",
            streams.stderr()
        );
    }
}
