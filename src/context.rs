//! `Ctx`: what every command gets. Built once from the global options and the
//! environment; the expensive parts (catalog, keychain, HTTP client, async
//! runtime) are made on first use, so `list` pays for none of them.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::time::Duration;

use crate::catalog::Catalog;
use crate::cli::{GlobalArgs, SecretStoreKind};
use crate::env;
use crate::error::{Error, Result};
use crate::model::{Connection, SecretBackend};
use crate::secrets::{FileStore, KeyringStore, SecretStore};
use crate::store::{FileMetadata, Metadata};
use crate::ui::{Ui, UiSettings};

pub struct Ctx {
    pub ui: Ui,
    config_dir: PathBuf,
    store: Box<dyn Metadata>,
    secret_store_kind: SecretStoreKind,
    catalog: OnceCell<Catalog>,
    keyring: OnceCell<KeyringStore>,
    file_store: OnceCell<FileStore>,
    http: OnceCell<reqwest::Client>,
    keychain_timeout: Duration,
    http_timeout: Duration,
}

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
                    .parse::<f64>()
                    .ok()
                    .filter(|s| *s > 0.0 && s.is_finite())
                    .map(Duration::from_secs_f64)
                    .ok_or_else(|| {
                        Error::usage(format!("{name} must be a number of seconds, not `{v}`"))
                    }),
            }
        };
        Ok(Ctx {
            ui,
            store: Box::new(FileMetadata::new(&config_dir)),
            config_dir,
            secret_store_kind: global.secret_store,
            catalog: OnceCell::new(),
            keyring: OnceCell::new(),
            file_store: OnceCell::new(),
            http: OnceCell::new(),
            keychain_timeout: secs(env::KEYCHAIN_TIMEOUT, 10)?,
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

    /// The secret store chosen for this run (`--secret-store`): where new
    /// connections and OAuth client secrets are kept. Making it touches
    /// nothing: the keychain is contacted on the first call.
    pub fn secrets(&self) -> &dyn SecretStore {
        self.secret_store(self.default_backend())
    }

    /// The store chosen for this run, as recorded on new connections.
    pub fn default_backend(&self) -> SecretBackend {
        self.secret_store_kind.into()
    }

    /// The store where `conn`'s secret lives: the one it recorded, or the
    /// run's for connections that predate the record.
    pub fn secrets_for(&self, conn: &Connection) -> &dyn SecretStore {
        self.secret_store(self.backend_of(conn))
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
