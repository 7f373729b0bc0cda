//! `Ctx`: what every command gets. Built once from the global options and the
//! environment; the expensive parts (catalog, keychain, HTTP client, async
//! runtime) are made on first use, so `list` pays for none of them.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::catalog::Catalog;
use crate::cli::{GlobalArgs, SecretStoreKind};
use crate::env;
use crate::error::{Error, Result};
use crate::model::{Connection, SecretBackend};
use crate::secrets::{FileStore, KeyringStore, SecretStore};
use crate::store::{FileMetadata, Metadata};
use crate::team::{Team, metadata::TeamMetadata, secrets::TeamSecrets};
use crate::ui::{Ui, UiSettings};

pub struct Ctx {
    pub ui: Ui,
    config_dir: PathBuf,
    store: Box<dyn Metadata>,
    /// The team store, when this run uses one (`--store`).
    team: Option<Arc<Team>>,
    team_secrets: Option<TeamSecrets>,
    secret_store_kind: SecretStoreKind,
    catalog: OnceCell<Catalog>,
    keyring: OnceCell<KeyringStore>,
    file_store: OnceCell<FileStore>,
    http: OnceCell<reqwest::Client>,
    keychain_timeout: Duration,
    http_timeout: Duration,
}

/// The longest timeout the `FOURGENT_*_TIMEOUT` variables may ask for: a
/// day, far beyond any real wait, and small enough to add to any instant.
const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

impl Ctx {
    pub fn new(global: &GlobalArgs) -> Result<Ctx> {
        let ui = Ui::new(UiSettings {
            color: global.color.map(Into::into),
            no_color_env: env::var(env::NO_COLOR).is_some(),
            no_input: global.no_input,
            ci: env::is_ci(),
            verbose: global.verbose,
            quiet: global.quiet,
        });
        crate::http::set_logger(global.verbose, crate::ui::debug_line_writer());
        let config_dir = match &global.config_dir {
            Some(dir) => dir.clone(),
            None => default_config_dir()?,
        };
        let secs = |name: &str, default: u64| -> Result<Duration> {
            match env::var(name) {
                None => Ok(Duration::from_secs(default)),
                Some(v) => v
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(|s| Duration::try_from_secs_f64(s).ok())
                    .filter(|d| !d.is_zero() && *d <= MAX_TIMEOUT)
                    .ok_or_else(|| {
                        Error::usage(format!(
                            "{name} must be a number of seconds above 0 and at most {}, not `{v}`",
                            MAX_TIMEOUT.as_secs()
                        ))
                    }),
            }
        };
        let keychain_timeout = secs(env::KEYCHAIN_TIMEOUT, 10)?;
        // Checked on every run, so a bad value is found before it matters.
        let store_timeout = secs(env::STORE_TIMEOUT, 10)?;
        let team = store_address(global.store.as_deref(), &config_dir)?.map(|address| {
            Arc::new(Team::new(
                address,
                store_timeout,
                key_source(keychain_timeout),
                who(),
            ))
        });
        let store: Box<dyn Metadata> = match &team {
            Some(team) => Box::new(TeamMetadata::new(Arc::clone(team))),
            None => Box::new(FileMetadata::new(&config_dir)),
        };
        Ok(Ctx {
            ui,
            store,
            team_secrets: team.as_ref().map(|t| TeamSecrets::new(Arc::clone(t))),
            team,
            config_dir,
            secret_store_kind: global.secret_store,
            catalog: OnceCell::new(),
            keyring: OnceCell::new(),
            file_store: OnceCell::new(),
            http: OnceCell::new(),
            keychain_timeout,
            http_timeout: secs(env::HTTP_TIMEOUT, 30)?,
        })
    }

    pub fn config_dir(&self) -> &std::path::Path {
        &self.config_dir
    }

    /// Where connections' metadata lives for this run.
    pub fn store(&self) -> &dyn Metadata {
        self.store.as_ref()
    }

    /// The team store, when this run uses one.
    pub fn team(&self) -> Option<&Arc<Team>> {
        self.team.as_ref()
    }

    /// The local metadata store (`connections.toml`), whatever this run
    /// uses: for `store import` and `store export`.
    pub fn local_store(&self) -> FileMetadata {
        FileMetadata::new(&self.config_dir)
    }

    pub fn catalog(&self) -> Result<&Catalog> {
        if let Some(c) = self.catalog.get() {
            return Ok(c);
        }
        let catalog = Catalog::load(&self.config_dir.join("connectors.toml"), env::var)?;
        Ok(self.catalog.get_or_init(|| catalog))
    }

    /// A catalog of just these built-in apps (and the user's own), for a
    /// command that needs one or two: parsing the whole built-in catalog
    /// costs more than the rest of such a command.
    pub fn catalog_of(&self, apps: &[&str]) -> Result<Catalog> {
        Ok(Catalog::load_only(
            &self.config_dir.join("connectors.toml"),
            env::var,
            apps,
        )?)
    }

    /// The secret store chosen for this run: the team store's, or
    /// `--secret-store`. New connections and OAuth client secrets are kept
    /// there. Making it touches nothing: the store is contacted on the
    /// first call.
    pub fn secrets(&self) -> &dyn SecretStore {
        match &self.team_secrets {
            Some(team) => team,
            None => self.secret_store(self.default_backend()),
        }
    }

    /// The store chosen for this run, as recorded on new connections.
    pub fn default_backend(&self) -> SecretBackend {
        self.secret_store_kind.into()
    }

    /// The store where `conn`'s secret lives: the one it recorded, or the
    /// run's for connections that predate the record.
    pub fn secrets_for(&self, conn: &Connection) -> &dyn SecretStore {
        match &self.team_secrets {
            Some(team) => team,
            None => self.secret_store(self.backend_of(conn)),
        }
    }

    /// What a connection records as its secret store: nothing in a team
    /// store (its secrets are in it), else the local store it uses.
    pub fn recorded_backend(&self, conn: Option<&Connection>) -> Option<SecretBackend> {
        match (&self.team, conn) {
            (Some(_), _) => None,
            (None, Some(conn)) => Some(self.backend_of(conn)),
            (None, None) => Some(self.default_backend()),
        }
    }

    /// Which store `conn`'s secret lives in.
    pub fn backend_of(&self, conn: &Connection) -> SecretBackend {
        conn.store.unwrap_or_else(|| self.default_backend())
    }

    /// One of the secret stores.
    pub fn secret_store(&self, backend: SecretBackend) -> &dyn SecretStore {
        match backend {
            SecretBackend::Keyring => self
                .keyring
                .get_or_init(|| KeyringStore::new(self.keychain_timeout)),
            SecretBackend::File => self
                .file_store
                .get_or_init(|| FileStore::new(&self.config_dir)),
        }
    }

    pub fn http(&self) -> Result<&reqwest::Client> {
        if let Some(c) = self.http.get() {
            return Ok(c);
        }
        let client = crate::http::client(self.http_timeout)
            .map_err(|e| Error::failure("cannot set up the HTTP client").with_source(&e))?;
        Ok(self.http.get_or_init(|| client))
    }

    pub fn http_timeout(&self) -> Duration {
        self.http_timeout
    }

    /// Runs a future to completion on the process's runtime (built on the
    /// first call: only commands that talk to the network get here).
    pub fn block_on<F: std::future::Future>(&self, fut: F) -> Result<F::Output> {
        crate::runtime::block_on(fut).map_err(Error::failure)
    }
}

/// The team store's address: `--store` (or FOURGENT_STORE), else `store`
/// in config.toml; `None` for this machine's own stores.
fn store_address(given: Option<&str>, config_dir: &Path) -> Result<Option<crate::team::Address>> {
    let (text, from) = match given {
        Some(text) => (text.to_owned(), "--store (or FOURGENT_STORE)".to_owned()),
        None => match read_config(config_dir)? {
            Some(text) => (text, config_dir.join("config.toml").display().to_string()),
            None => return Ok(None),
        },
    };
    let sources = crate::team::address::Sources {
        var: &env::var,
        home: env::var(env::HOME).map(PathBuf::from),
    };
    crate::team::Address::parse(&text, &sources)
        .map(Some)
        .map_err(|e| Error::usage(format!("{e} (from {from})")).with_hint(
            "a team store is `postgres://USER@HOST:PORT/DB` (libpq syntax; `?sslmode=disable` for a server without TLS)",
        ))
}

/// `store` in the config dir's config.toml, if the file sets one.
fn read_config(config_dir: &Path) -> Result<Option<String>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Config {
        store: Option<String>,
    }
    let path = config_dir.join("config.toml");
    // It names the team store, where secrets go: nobody else may write it.
    let target = crate::fsutil::checked_target(&path, crate::fsutil::Holds::Metadata)?;
    let text = match std::fs::read_to_string(&target) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::failure(format!("cannot read {}", path.display())).with_source(&e));
        }
    };
    let config: Config = toml::from_str(&text).map_err(|e| {
        let (line, column) = crate::fsutil::error_position(&text, &e);
        Error::new(
            crate::error::ErrorKind::Config,
            format!(
                "cannot read {} at line {line}, column {column}: {}",
                path.display(),
                crate::sanitize::sanitize(e.message().trim(), 200)
            ),
        )
        .with_hint("config.toml takes one key: `store = \"postgres://…\"`")
    })?;
    Ok(config.store.filter(|s| !s.trim().is_empty()))
}

/// Where this machine's team key is: FOURGENT_STORE_KEY, else the keychain.
fn key_source(keychain_timeout: Duration) -> crate::team::KeySource {
    match env::var(env::STORE_KEY) {
        Some(text) => crate::team::KeySource::Env(secrecy::SecretString::from(text)),
        None => crate::team::KeySource::Keychain(Box::new(move || {
            KeyringStore::new(keychain_timeout).get(crate::team::key::ACCOUNT)
        })),
    }
}

/// Who runs this process, for the team store's history.
fn who() -> crate::team::events::Who {
    let user = env::var(env::USER)
        .or_else(|| env::var(env::LOGNAME))
        .or_else(|| env::var(env::USERNAME))
        .or_else(user_name)
        .unwrap_or_else(|| "unknown".into());
    crate::team::events::Who {
        user: crate::sanitize::sanitize(&user, 64),
        host: crate::sanitize::sanitize(&host_name(), 128),
    }
}

/// The name of this process's user in /etc/passwd (containers often set
/// no USER), or its numeric ID.
#[cfg(unix)]
fn user_name() -> Option<String> {
    let uid = rustix::process::getuid().as_raw();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let named = passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?;
        (id.parse::<u32>().ok()? == uid).then(|| name.to_owned())
    });
    Some(named.unwrap_or_else(|| format!("uid {uid}")))
}

#[cfg(not(unix))]
fn user_name() -> Option<String> {
    None
}

#[cfg(unix)]
fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(unix))]
fn host_name() -> String {
    env::var("COMPUTERNAME").unwrap_or_else(|| "unknown".into())
}

fn default_config_dir() -> Result<PathBuf> {
    if let Some(base) = env::var(env::XDG_CONFIG_HOME) {
        return Ok(PathBuf::from(base).join("fourgent"));
    }
    if let Some(home) = env::var(env::HOME) {
        return Ok(PathBuf::from(home).join(".config").join("fourgent"));
    }
    Err(
        Error::usage("cannot find the config dir: neither XDG_CONFIG_HOME nor HOME is set")
            .with_hint("pass `--config-dir DIR` or set FOURGENT_CONFIG_DIR"),
    )
}
