//! `Ctx`: what every command gets. Built once from the global options and the
//! environment; the expensive parts (catalog, keychain, HTTP client, async
//! runtime) are made on first use, so `list` pays for none of them.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::time::Duration;

use crate::catalog::{self, Catalog};
use crate::cli::{GlobalArgs, SecretStoreKind};
use crate::env;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Connection, SecretBackend};
use crate::secrets::{self, FileStore, KeyringStore, SecretStore};
use crate::store::{self, MetadataStore};
use crate::ui::{Ui, UiSettings};

pub struct Ctx {
    pub ui: Ui,
    config_dir: PathBuf,
    store: MetadataStore,
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
            color: global.color,
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
            store: MetadataStore::new(&config_dir),
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

    pub fn store(&self) -> &MetadataStore {
        &self.store
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

    /// Runs a future to completion on a runtime made for this call. Only
    /// commands that talk to the network get here.
    pub fn block_on<F: std::future::Future>(&self, fut: F) -> Result<F::Output> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::failure("cannot start the async runtime").with_source(&e))?;
        Ok(rt.block_on(fut))
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

const READ_ONLY_HINT: &str =
    "fix or move the file; fourgent does not overwrite a file it cannot read";

impl From<store::Error> for Error {
    fn from(e: store::Error) -> Error {
        match &e {
            store::Error::Parse { .. } | store::Error::Invalid { .. } => {
                Error::new(ErrorKind::Config, e.to_string()).with_hint(READ_ONLY_HINT)
            }
            store::Error::UnknownVersion { .. } => Error::new(ErrorKind::Config, e.to_string())
                .with_hint("it was written by a newer fourgent: upgrade fourgent to use it"),
            store::Error::Io { source, .. } => Error::failure(e.to_string()).with_source(source),
            // The lock is an flock: it ends with its holder. Removing the
            // file would not free it, only let two processes in at once.
            store::Error::LockTimeout { holder, .. } => {
                let holder = holder.as_deref().unwrap_or("the other fourgent process");
                Error::failure(e.to_string()).with_hint(format!(
                    "wait for {holder} to finish, or stop it if it is stuck: the lock is released when it exits"
                ))
            }
            store::Error::Unusable { fix, .. } => {
                Error::new(ErrorKind::Config, e.to_string()).with_hint(fix.clone())
            }
        }
    }
}

impl From<catalog::Error> for Error {
    fn from(e: catalog::Error) -> Error {
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
