//! The command line, as clap types. Doc comments are the `--help` text.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::SignedDuration;

use crate::model::Selector;

const ABOUT: &str = "Manage connections to third-party apps for Fourgent integrations";

const LONG_ABOUT: &str = "\
Manage connections to third-party apps for Fourgent integrations.

A connection is an authenticated link to one account of an app (HubSpot,
QuickBooks, Slack, Visma e-conomic, ...). Metadata lives in connections.toml
in the config dir; secrets live in the OS keychain (or, when you opt in, in an
owner-only secrets.toml). A team shares connections through a team store in
PostgreSQL instead (`fourgent store`), with secrets encrypted on each machine.";

const EXAMPLES: &str = "\
Examples:
  fourgent connectors list                         the apps you can connect
  fourgent connections add visma-economic --name staging
  fourgent connections list
  fourgent connections status                      check every connection for real
  fourgent connections token stripe/prod           print a secret for a script";

#[derive(Debug, Parser)]
#[command(
    name = "fourgent",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    after_long_help = format!("{EXAMPLES}\n\n{}", crate::error::exit_codes_help()),
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Where connections.toml, connectors.toml and secrets.toml live
    /// [default: $XDG_CONFIG_HOME/fourgent, or ~/.config/fourgent]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = crate::env::CONFIG_DIR,
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub config_dir: Option<PathBuf>,

    /// Where secrets are kept: the OS keychain, or an owner-only secrets.toml
    /// in the config dir (opt in for headless machines and CI)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = crate::env::SECRET_STORE,
        hide_env_values = true,
        value_enum,
        value_name = "STORE",
        default_value = "keyring"
    )]
    pub secret_store: SecretStoreKind,

    /// A team store to keep connections in, shared with your team and CI:
    /// a `postgres://` URL [default: `store` in config.toml, else this
    /// machine's connections.toml and keychain]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = crate::env::STORE,
        hide_env_values = true,
        value_name = "URL"
    )]
    pub store: Option<String>,

    /// Never prompt; fail with the option to pass instead (implied when stdin
    /// is not a terminal or CI is set)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = crate::env::NO_INPUT,
        hide_env_values = true,
        action = clap::ArgAction::SetTrue,
        value_parser = boolish
    )]
    pub no_input: bool,

    /// When to use colour [default: auto, or never when NO_COLOR is set]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_enum,
        value_name = "WHEN"
    )]
    pub color: Option<ColorWhen>,

    /// Say more on stderr (repeat for more)
    #[arg(short, long, global = true,
        help_heading = "Global options", action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Say less on stderr: only warnings and errors
    #[arg(short, long, global = true,
        help_heading = "Global options", action = clap::ArgAction::Count, conflicts_with = "verbose")]
    pub quiet: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SecretStoreKind {
    /// The OS keychain (Secret Service, Keychain, Credential Manager)
    Keyring,
    /// secrets.toml in the config dir, readable by you only
    File,
}

/// `--color WHEN`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl From<ColorWhen> for crate::ui::ColorChoice {
    fn from(when: ColorWhen) -> Self {
        match when {
            ColorWhen::Auto => crate::ui::ColorChoice::Auto,
            ColorWhen::Always => crate::ui::ColorChoice::Always,
            ColorWhen::Never => crate::ui::ColorChoice::Never,
        }
    }
}

impl From<SecretStoreKind> for crate::model::SecretBackend {
    fn from(kind: SecretStoreKind) -> Self {
        match kind {
            SecretStoreKind::Keyring => crate::model::SecretBackend::Keyring,
            SecretStoreKind::File => crate::model::SecretBackend::File,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, list, check, re-authorize and delete connections
    #[command(subcommand, visible_alias = "c")]
    Connections(ConnectionsCommand),
    /// The apps fourgent can connect to
    #[command(subcommand)]
    Connectors(ConnectorsCommand),
    /// Hand connections' tokens to other tools (git)
    #[command(subcommand)]
    Credential(CredentialCommand),
    /// Set up a team store (PostgreSQL) and move connections into it
    #[command(subcommand)]
    Store(StoreCommand),
    /// Write shell completions and man pages (for packaging)
    #[command(hide = true)]
    Generate(GenerateArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConnectionsCommand {
    Add(AddArgs),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    Show(ShowArgs),
    Status(StatusArgs),
    Reauthorize(ReauthorizeArgs),
    #[command(visible_alias = "rm")]
    Delete(DeleteArgs),
    Token(TokenArgs),
    Move(MoveArgs),
    Exec(ExecArgs),
    Log(LogArgs),
}

#[derive(Debug, Subcommand)]
pub enum CredentialCommand {
    Git(CredentialGitArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConnectorsCommand {
    #[command(visible_alias = "ls")]
    List(ConnectorsListArgs),
    Show(ConnectorsShowArgs),
    SetSecret(ConnectorsSetSecretArgs),
}

/// How credentials are given to `add` and `reauthorize`.
#[derive(Debug, Args, Default)]
pub struct AuthArgs {
    /// A non-secret value, such as a subdomain (repeatable)
    #[arg(long = "field", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub fields: Vec<(String, String)>,

    /// Read the secret KEY from the environment variable VAR (repeatable)
    #[arg(long = "secret-env", value_name = "KEY=VAR", value_parser = parse_key_var)]
    pub secret_env: Vec<(String, String)>,

    /// Read the secret KEY from stdin (one key; the whole input, without the
    /// final newline)
    #[arg(long = "secret-stdin", value_name = "KEY")]
    pub secret_stdin: Option<String>,

    /// OAuth2: request this scope instead of the app's defaults (repeatable)
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,

    /// OAuth2: do not open a browser; only print the authorization URL
    #[arg(long)]
    pub no_browser: bool,

    /// OAuth2: listen for the redirect on this port instead of a free one
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,

    /// OAuth2: give up waiting for the browser after SECS seconds
    #[arg(long, value_name = "SECS", default_value_t = 300)]
    pub timeout: u64,

    /// Save without checking the credentials with the app first
    #[arg(long)]
    pub no_verify: bool,

    /// Print the resulting connection as JSON
    #[arg(long)]
    pub json: bool,
}

/// Add a connection: choose the app, authenticate, name it
///
/// Custom (API key) apps ask for each credential, with hidden input for
/// secrets. Without a terminal, give non-secret values with --field and
/// secrets with --secret-env or --secret-stdin; secrets are never taken from
/// the command line. When the app has a check endpoint, the credentials are
/// verified before anything is saved. A failed add leaves nothing behind.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  fourgent connections add visma-economic --name staging
  ECONOMIC_APP=... ECONOMIC_GRANT=... fourgent connections add visma-economic --name ci \\
      --secret-env app_secret_token=ECONOMIC_APP --secret-env agreement_grant_token=ECONOMIC_GRANT
  printf %s \"$STRIPE_KEY\" | fourgent connections add stripe --name prod --secret-stdin api_key")]
pub struct AddArgs {
    /// The app to connect (see `fourgent connectors list`); asked when omitted
    #[arg(value_name = "APP")]
    pub app: Option<String>,

    /// A name for the connection, unique for the app [default: `default`]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    #[command(flatten)]
    pub auth: AuthArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFilter {
    Connected,
    NotConnected,
}

/// List connections
///
/// Reads the metadata file only: no keychain, no network. On a terminal it
/// prints a table; to a pipe, one tab-separated line per connection (name, ID,
/// app, auth, status, account, last checked). Use --json for scripts.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only connections of this app
    #[arg(long, value_name = "APP")]
    pub app: Option<String>,

    /// Only connections with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<StatusFilter>,

    /// Order of the rows [default: app, then name; --json keeps the file's
    /// order unless this is given]
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<SortKey>,

    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// By app, then name
    App,
    /// By name, then app
    Name,
    /// Not Connected first, then by app and name
    Status,
    /// Oldest first
    Created,
    /// Least recently checked first (never checked before all)
    Checked,
}

/// Show one connection in full
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The connection: an ID, `app/name`, or an unambiguous name
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connection: Selector,

    /// Print a JSON object
    #[arg(long)]
    pub json: bool,
}

/// Check connections for real and record the result
///
/// For each connection: is the secret present, and does the app accept it
/// (its check endpoint)? Checks run concurrently: at most --jobs at once, and
/// at most the app's max_concurrency against one app. An app that rate limits
/// (HTTP 429) is waited for as it asks, within --timeout. Each connection ends
/// Connected, Not Connected, or Unreachable (the check could not be made; its
/// stored status is kept). Prints why each Not Connected connection failed and
/// the command that fixes it, and warns when a refresh token runs out within
/// 14 days. On a terminal it prints a table; to a pipe, one tab-separated line
/// per connection (connection, ID, status, details). Exits with 5 when any
/// connection is Not Connected, else with 8 when any could not be checked, so
/// CI can gate on it.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Connections to check [default: all]
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,

    /// Do not call the apps; only check that secrets are present, and record
    /// nothing (the last live check stands)
    #[arg(long)]
    pub offline: bool,

    /// How many checks run at once
    #[arg(long, short = 'j', value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,

    /// Give up on one connection's check after SECS seconds, waits for a
    /// rate-limited app included (it counts as unreachable)
    #[arg(long, value_name = "SECS", default_value_t = 15)]
    pub timeout: u64,

    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

/// Authenticate an existing connection again (new credentials after
/// rotating a key, or a new OAuth2 grant)
///
/// The connection keeps its ID and name. The old secret is replaced only
/// after the new one is verified.
#[derive(Debug, Args)]
pub struct ReauthorizeArgs {
    /// The connection: an ID, `app/name`, or an unambiguous name
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connection: Selector,

    #[command(flatten)]
    pub auth: AuthArgs,
}

/// Delete connections and their secrets
///
/// Integrations that use a deleted connection stop working. Asks for
/// confirmation; without a terminal, pass --yes.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Connections to delete: an ID, `app/name`, or an unambiguous name
    #[arg(required = true, value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,

    /// Delete without asking
    #[arg(long, short)]
    pub yes: bool,

    /// OAuth2: keep the token valid at the app (skip revocation)
    #[arg(long)]
    pub no_revoke: bool,

    /// Print what was deleted as JSON: [{"id", "app", "name", "revoked"}]
    #[arg(long)]
    pub json: bool,
}

/// Print a connection's secret for a script
///
/// OAuth2 apps: a valid access token, refreshed first when it is due.
/// Custom apps: the value of the single secret field, or of --field KEY.
/// Prints only the secret and a newline on stdout. A connection that is Not
/// Connected prints nothing and exits with 5.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  STRIPE_KEY=\"$(fourgent connections token stripe/prod)\"
  fourgent connections token hubspot/prod --json   # token, expiry and connection, as JSON")]
pub struct TokenArgs {
    /// The connection: an ID, `app/name`, or an unambiguous name
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connection: Selector,

    /// Which secret field to print (Custom apps with several)
    #[arg(long, value_name = "KEY")]
    pub field: Option<String>,

    /// Print {"token", "expires_at", "expires_in", "connection"} as JSON, for
    /// credential helpers
    #[arg(long)]
    pub json: bool,
}

/// Move connections' secrets to another secret store
///
/// Each connection records where its secret lives (the OS keychain or
/// secrets.toml); this copies the secret to the other store, records the
/// move, and then removes the old copy. Each connection moves whole or not
/// at all.
#[derive(Debug, Args)]
#[command(after_help = "\
Example:
  fourgent connections move stripe/prod hubspot/staging --to file")]
pub struct MoveArgs {
    /// Connections to move: an ID, `app/name`, or an unambiguous name
    #[arg(required = true, value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,

    /// The store to move the secrets to
    #[arg(long, value_enum, value_name = "STORE")]
    pub to: SecretStoreKind,
}

/// Show who did what to connections in the team store, and when
///
/// The team store records every add, refresh (and failed refresh),
/// reauthorization and deletion, and who used a connection (`token`,
/// `exec`, `credential git`: once per machine and hour), with the OS user
/// and machine. The local store keeps no history.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only this connection: an ID, `app/name`, or an unambiguous name
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connection: Option<Selector>,

    /// Show at most this many events, the newest
    #[arg(long, value_name = "N", default_value_t = 50,
        value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub limit: u32,

    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

/// A team store: connections in PostgreSQL, shared by a team and its CI
///
/// Choose the store with `--store postgres://…`, FOURGENT_STORE, or `store =
/// "postgres://…"` in config.toml. Secrets are encrypted on this machine
/// with the team key (AES-256-GCM) before they are sent: the database never
/// sees them. The key comes from FOURGENT_STORE_KEY or the OS keychain
/// (`fourgent store set-key`).
#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    Init(StoreInitArgs),
    Status(StoreStatusArgs),
    Import(StoreImportArgs),
    Export(StoreExportArgs),
    NewKey(StoreNewKeyArgs),
    SetKey(StoreSetKeyArgs),
    RotateKey(StoreRotateKeyArgs),
}

/// Create the team store's tables, or upgrade them to this version
///
/// Needs the team key on this machine: the store records its key ID, and
/// every machine must hold the same key.
#[derive(Debug, Args)]
pub struct StoreInitArgs {}

/// Show the team store: where it is, its schema version, its key, counts
#[derive(Debug, Args)]
pub struct StoreStatusArgs {
    /// Print a JSON object
    #[arg(long)]
    pub json: bool,
}

/// Move connections from this machine into the team store
///
/// From this machine's connections.toml and keychain (or secrets.toml). Each
/// connection moves whole (metadata and secret, encrypted with the team
/// key), keeps its ID, and is removed from this machine once it is stored.
/// A connection whose ID or name the team store already has stays here.
#[derive(Debug, Args)]
pub struct StoreImportArgs {
    /// Connections to move: an ID, `app/name`, or an unambiguous name
    /// [default: all]
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,
}

/// Move connections from the team store to this machine
///
/// Into this machine's connections.toml, with secrets in the store
/// `--secret-store` chooses. Each connection moves whole, keeps its ID, and
/// is removed from the team store once it is stored here: other machines
/// lose it.
#[derive(Debug, Args)]
pub struct StoreExportArgs {
    /// Connections to move: an ID, `app/name`, or an unambiguous name
    /// [default: all]
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,
}

/// Print a new random team key (once), for `store set-key` or FOURGENT_STORE_KEY
#[derive(Debug, Args)]
pub struct StoreNewKeyArgs {}

/// Keep the team key in this machine's OS keychain
///
/// The key is read from a hidden prompt, or from stdin when stdin is not a
/// terminal; never from the command line.
#[derive(Debug, Args)]
#[command(after_help = "\
Example:
  printf %s \"$FOURGENT_TEAM_KEY\" | fourgent store set-key")]
pub struct StoreSetKeyArgs {
    /// Remove the team key from the keychain instead
    #[arg(long)]
    pub delete: bool,
}

/// Re-encrypt every secret in the team store under a new key
///
/// In one transaction: until it commits, every machine keeps reading with
/// the old key. Then every machine needs the new one. The new key is read
/// like `set-key` reads it, or made with `--generate` (and printed once).
#[derive(Debug, Args)]
pub struct StoreRotateKeyArgs {
    /// Make a new random key, and print it once on stdout
    #[arg(long)]
    pub generate: bool,
}

/// Run a program with connections' credentials in its environment
///
/// Each CONNECTION gives the program its secret and values under the app's
/// variable names (`fourgent connectors show <APP>` lists them), such as
/// HUBSPOT_ACCESS_TOKEN or STRIPE_API_KEY; --env and --env-file choose
/// other names. A variable that is already set is never replaced without
/// --override. Before the program starts, every token that would expire
/// within --min-valid is refreshed and every credential is checked with its
/// app; fourgent's own exit codes can only happen then.
///
/// While the program runs, it can ask for a fresh token at any time:
/// `curl -H "Authorization: Bearer $FOURGENT_TOKEN_AUTH"
/// "$FOURGENT_TOKEN_URL/<app>/<name>"` answers {"token", "expires_at",
/// "expires_in"}. SIGTERM and SIGHUP (and without a terminal every signal)
/// are passed on to the program. fourgent exits with the program's status:
/// 128+N when signal N ended it, 126 when it cannot be run, 127 when it is
/// not found.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  fourgent connections exec hubspot/prod stripe/prod -- ./sync.sh
  fourgent connections exec --env FROM=hubspot/prod --env TO=hubspot/staging -- ./copy
  fourgent connections exec --env REALM=quickbooks/prod.realmId quickbooks/prod -- node export.js
  fourgent connections exec --env-file .env.fourgent --mask -- make deploy")]
pub struct ExecArgs {
    /// Connections whose credentials the program gets, under the app's
    /// variable names: an ID, `app/name`, or an unambiguous name
    #[arg(value_name = "CONNECTION", value_parser = parse_selector)]
    pub connections: Vec<Selector>,

    /// Set NAME to a connection's secret, or to one of its values with
    /// `.FIELD` (repeatable)
    #[arg(long = "env", value_name = "NAME=C[.FIELD]", value_parser = parse_key_value)]
    pub env: Vec<(String, String)>,

    /// Read `NAME=fourgent://app/name[/field]` lines from FILE (dotenv
    /// syntax; repeatable): a file a repository can commit
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_files: Vec<PathBuf>,

    /// Replace variables that are already set, and allow running inside
    /// another `exec`
    #[arg(long = "override")]
    pub overwrite: bool,

    /// Refresh tokens that would expire within DURATION before the program
    /// starts, and keep served tokens at least that fresh (90s, 5m, 1h)
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub min_valid: SignedDuration,

    /// Replace each secret in the program's stdout and stderr with `***`
    /// (and print `::add-mask::` for each when GITHUB_ACTIONS=true)
    #[arg(long)]
    pub mask: bool,

    /// Also keep each secret in an owner-only file in DIR, named like its
    /// variable and rewritten before it expires; NAME_FILE holds the path
    #[arg(long, value_name = "DIR")]
    pub token_file: Option<PathBuf>,

    /// Do not check the credentials with the apps before the program starts
    #[arg(long)]
    pub no_verify: bool,

    /// The program to run and its arguments, after `--`
    #[arg(last = true, required = true, value_name = "CMD", value_parser = clap::value_parser!(OsString))]
    pub command: Vec<OsString>,
}

/// git's credential helper: a connection's token for git over https
///
/// Answers `get` with `username`, `password` (the connection's access
/// token, refreshed when due, or its single secret) and
/// `password_expiry_utc`, for hosts that the connection's app declares
/// (`git_hosts` in the catalog; `fourgent connectors show github`).
/// `store` and `erase` are read and ignored: the connection stays the source
/// of truth, and git cannot remove it. With no connection for the host, it
/// answers nothing and git asks elsewhere.
#[derive(Debug, Args)]
#[command(after_help = "\
Example:
  git config --global credential.https://github.com.helper '!fourgent credential git'")]
pub struct CredentialGitArgs {
    /// The connection to answer with [default: the one Connected connection
    /// whose app declares the host]
    #[arg(long, value_name = "CONNECTION", value_parser = parse_selector)]
    pub connection: Option<Selector>,

    /// What git asks: `get`, `store` or `erase`
    #[arg(value_name = "ACTION")]
    pub action: String,
}

/// List the apps fourgent can connect to
///
/// Built-in apps, plus those added in connectors.toml in the config dir.
#[derive(Debug, Args)]
pub struct ConnectorsListArgs {
    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

/// Show what fourgent knows about an app: auth, endpoints, scopes,
/// credential fields, redirect rules
#[derive(Debug, Args)]
pub struct ConnectorsShowArgs {
    /// The app's ID, as in `fourgent connectors list`
    #[arg(value_name = "APP")]
    pub app: String,

    /// Print a JSON object
    #[arg(long)]
    pub json: bool,
}

/// Store an app's OAuth client secret in the secret store
///
/// For apps registered as confidential clients. The secret is read from a
/// hidden prompt, or from stdin when stdin is not a terminal; never from the
/// command line. FOURGENT_<APP>_CLIENT_SECRET, when set, is used instead.
#[derive(Debug, Args)]
#[command(after_help = "\
Example:
  printf %s \"$HUBSPOT_CLIENT_SECRET\" | fourgent connectors set-secret hubspot")]
pub struct ConnectorsSetSecretArgs {
    /// The app's ID, as in `fourgent connectors list`
    #[arg(value_name = "APP")]
    pub app: String,

    /// Remove the stored client secret instead
    #[arg(long)]
    pub delete: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(value_enum)]
    pub what: GenerateWhat,
    /// The repository root: completions/ and man/ are written below it
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out_dir: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GenerateWhat {
    Completions,
    Man,
    All,
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got `{s}`")),
    }
}

/// `--secret-env KEY=VAR`: a field's key and the *name* of a variable.
fn parse_key_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() && !v.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(format!(
            "expected KEY=VAR (a field and the name of the environment variable that holds it), got `{s}`"
        )),
    }
}

/// `FOURGENT_NO_INPUT`'s value: `1`, `true`, `yes`, `on` (and `y`, `t`)
/// turn it on; `0`, `false`, `no`, `off` (and `n`, `f`) or an empty value
/// leave it off.
fn boolish(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "y" | "t" => Ok(true),
        "" | "0" | "false" | "no" | "off" | "n" | "f" => Ok(false),
        _ => Err("expected 1, true, yes or on; or 0, false, no, off or nothing".to_owned()),
    }
}

fn parse_selector(s: &str) -> Result<Selector, String> {
    s.parse()
}

/// `90s`, `5m`, `1h`, `1h30m` (or `0`): a non-negative duration.
pub(crate) fn parse_duration(s: &str) -> Result<SignedDuration, String> {
    let bad = || format!("expected a duration such as `90s`, `5m` or `1h`, got `{s}`");
    let text = s.trim();
    if text == "0" {
        return Ok(SignedDuration::ZERO);
    }
    let mut total: i64 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return Err(bad());
        }
        let n: i64 = rest[..digits].parse().map_err(|_| bad())?;
        let unit = match rest[digits..].chars().next() {
            Some('s') => 1,
            Some('m') => 60,
            Some('h') => 3600,
            _ => return Err(bad()),
        };
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .filter(|t| *t <= 366 * 24 * 3600)
            .ok_or_else(bad)?;
        rest = &rest[digits + 1..];
    }
    if text.is_empty() {
        return Err(bad());
    }
    Ok(SignedDuration::from_secs(total))
}

impl Command {
    /// Whether the command was asked for JSON (errors are then JSON too).
    pub fn wants_json(&self) -> bool {
        match self {
            Command::Connections(c) => match c {
                ConnectionsCommand::Add(a) => a.auth.json,
                ConnectionsCommand::Reauthorize(a) => a.auth.json,
                ConnectionsCommand::List(a) => a.json,
                ConnectionsCommand::Show(a) => a.json,
                ConnectionsCommand::Status(a) => a.json,
                ConnectionsCommand::Token(a) => a.json,
                ConnectionsCommand::Delete(a) => a.json,
                ConnectionsCommand::Log(a) => a.json,
                ConnectionsCommand::Move(_) | ConnectionsCommand::Exec(_) => false,
            },
            Command::Store(StoreCommand::Status(a)) => a.json,
            Command::Store(_) => false,
            Command::Credential(_) => false,
            Command::Connectors(ConnectorsCommand::List(a)) => a.json,
            Command::Connectors(ConnectorsCommand::Show(a)) => a.json,
            Command::Connectors(ConnectorsCommand::SetSecret(_)) => false,
            Command::Generate(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_input_takes_the_usual_words_for_yes_and_no() {
        for (value, on) in [("1", true), ("yes", true), ("TRUE", true), ("on", true)] {
            assert_eq!(boolish(value), Ok(on), "{value}");
        }
        for value in ["0", "no", "false", "off", ""] {
            assert_eq!(boolish(value), Ok(false), "{value}");
        }
        assert!(boolish("maybe").is_err());
        let cli = Cli::try_parse_from(["fourgent", "--no-input", "connections", "list"]).unwrap();
        assert!(cli.global.no_input);
    }

    #[test]
    fn secrets_cannot_be_given_as_values_on_the_command_line() {
        // --secret-env takes a variable name, never the secret itself.
        let cli = Cli::try_parse_from([
            "fourgent",
            "connections",
            "add",
            "stripe",
            "--secret-env",
            "api_key=STRIPE_KEY",
        ])
        .unwrap();
        let Some(Command::Connections(ConnectionsCommand::Add(add))) = cli.command else {
            panic!()
        };
        assert_eq!(
            add.auth.secret_env,
            vec![("api_key".into(), "STRIPE_KEY".into())]
        );
        assert_eq!(add.auth.timeout, 300);
    }

    #[test]
    fn durations_take_a_unit() {
        let secs = |s: &str| parse_duration(s).map(|d| d.as_secs());
        assert_eq!(secs("90s"), Ok(90));
        assert_eq!(secs("5m"), Ok(300));
        assert_eq!(secs("1h"), Ok(3600));
        assert_eq!(secs("1h30m"), Ok(5400));
        assert_eq!(secs("0"), Ok(0));
        for bad in ["", "5", "m", "-5m", "5d", "1.5h", "5mm", "99999999999h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn exec_takes_the_command_after_a_double_dash() {
        let cli = Cli::try_parse_from([
            "fourgent",
            "connections",
            "exec",
            "hubspot/prod",
            "--env",
            "T=stripe/prod.api_key",
            "--",
            "sh",
            "-c",
            "echo --env",
        ])
        .unwrap();
        let Some(Command::Connections(ConnectionsCommand::Exec(exec))) = cli.command else {
            panic!()
        };
        assert_eq!(exec.connections.len(), 1);
        assert_eq!(exec.env, vec![("T".into(), "stripe/prod.api_key".into())]);
        assert_eq!(exec.command, ["sh", "-c", "echo --env"]);
        assert_eq!(exec.min_valid, SignedDuration::from_mins(5));
        // Without `--` there is no command.
        let err =
            Cli::try_parse_from(["fourgent", "connections", "exec", "hubspot/prod"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn bad_selectors_are_usage_errors() {
        let err = Cli::try_parse_from(["fourgent", "connections", "show", "a/b/c"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
