//! The opt-in file store: `secrets.toml` in the config dir, owner-only,
//! written atomically under its own lock. Used only when chosen with
//! `--secret-store file` or `FOURGENT_SECRET_STORE=file`. A file (or a
//! directory holding it) that anyone else can read or change is refused,
//! and a symbolic link is written through (see `fsutil::trust`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Error, ExposeSecret, Secret, SecretStore};
use crate::fsutil::{self, FileLock, Holds};
use crate::store;

pub struct FileStore {
    path: PathBuf,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SecretsFile {
    version: u32,
    #[serde(default)]
    secrets: BTreeMap<String, String>,
}

impl FileStore {
    pub fn new(config_dir: &Path) -> Self {
        FileStore {
            path: config_dir.join("secrets.toml"),
        }
    }

    /// The secrets file, at `target`: the store's path, or where a link
    /// there points.
    fn read(&self, target: &Path) -> Result<SecretsFile, Error> {
        let text = match std::fs::read_to_string(target) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(SecretsFile {
                    version: store::VERSION,
                    ..Default::default()
                });
            }
            Err(source) => {
                return Err(store::Error::from(fsutil::Error::Io {
                    path: self.path.clone(),
                    action: "read",
                    source,
                })
                .into());
            }
        };
        // Never echo the parser's excerpt of this file: it may hold a secret.
        let file: SecretsFile = toml::from_str(&text).map_err(|e| {
            let (line, column) = fsutil::error_position(&text, &e);
            store::Error::Parse {
                path: self.path.clone(),
                line,
                column,
                message: "not a valid secrets file".into(),
            }
        })?;
        if file.version != store::VERSION {
            return Err(store::Error::UnknownVersion {
                path: self.path.clone(),
                found: i64::from(file.version),
            }
            .into());
        }
        Ok(file)
    }

    fn change(&self, f: impl FnOnce(&mut BTreeMap<String, String>) -> bool) -> Result<bool, Error> {
        fsutil::ensure_dir(self.path.parent().unwrap_or(Path::new(".")))?;
        let target = fsutil::checked_target(&self.path, Holds::Secrets)?;
        let lock = FileLock::acquire(&target)?;
        let mut file = self.read(&target)?;
        let changed = f(&mut file.secrets);
        if changed {
            let text = toml::to_string(&file).expect("secrets serialize to TOML");
            fsutil::write_atomic(&target, text.as_bytes(), &lock)?;
        }
        Ok(changed)
    }
}

impl SecretStore for FileStore {
    fn describe(&self) -> String {
        format!("the file store {}", self.path.display())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, Error> {
        let target = fsutil::checked_target(&self.path, Holds::Secrets)?;
        Ok(self
            .read(&target)?
            .secrets
            .remove(account)
            .map(Secret::from))
    }

    fn set(&self, account: &str, value: &Secret) -> Result<(), Error> {
        self.change(|secrets| {
            secrets.insert(account.to_owned(), value.expose_secret().to_owned());
            true
        })?;
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<bool, Error> {
        self.change(|secrets| secrets.remove(account).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_reads_and_deletes_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(&dir.path().join("cfg"));
        assert!(store.get("c_a").unwrap().is_none());
        store
            .set("c_a", &Secret::from("s3cret".to_owned()))
            .unwrap();
        store.set("c_b", &Secret::from("other".to_owned())).unwrap();
        assert_eq!(store.get("c_a").unwrap().unwrap().expose_secret(), "s3cret");
        assert!(store.delete("c_a").unwrap());
        assert!(!store.delete("c_a").unwrap());
        assert_eq!(store.get("c_b").unwrap().unwrap().expose_secret(), "other");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("cfg/secrets.toml"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
            let dmode = std::fs::metadata(dir.path().join("cfg"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(dmode & 0o777, 0o700);
        }
    }

    #[test]
    fn a_damaged_file_is_reported_without_its_content() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("secrets.toml"),
            "version = 1\n[secrets]\nc_a = \"leak",
        )
        .unwrap();
        let store = FileStore::new(dir.path());
        let err = store.get("c_a").unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains("leak"), "{text}");
        assert!(store.set("c_b", &Secret::from("x".to_owned())).is_err());
        assert!(
            std::fs::read_to_string(dir.path().join("secrets.toml"))
                .unwrap()
                .ends_with("\"leak")
        );
    }
}
