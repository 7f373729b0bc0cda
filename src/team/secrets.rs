//! The team store's secrets table behind the same [`SecretStore`] trait as
//! the keychain. Every value is sealed on this machine with the team key
//! (AES-256-GCM, a fresh nonce per write, the account and field as
//! associated data) before it is sent: the database holds a key ID, a nonce
//! and ciphertext, and a row copied over another does not open.

use std::sync::Arc;

use secrecy::ExposeSecret;

use super::crypto::{Aad, CryptoError, Keyring, Sealed, TeamKey};
use super::{Error, Failure, Team};
use crate::secrets::{self, Secret, SecretStore};

/// The field name bound into every secret's associated data.
const FIELD: &str = "secret";

pub struct TeamSecrets {
    team: Arc<Team>,
}

impl TeamSecrets {
    pub(crate) fn new(team: Arc<Team>) -> TeamSecrets {
        TeamSecrets { team }
    }

    fn fail(&self, e: Error) -> secrets::Error {
        secrets::Error::Team(e.at(self.team.shown()))
    }
}

impl SecretStore for TeamSecrets {
    fn describe(&self) -> String {
        format!("the team store at {}", self.team.shown())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, secrets::Error> {
        let rows = self
            .team
            .session
            .query(
                "SELECT key_id, nonce, ciphertext FROM fourgent.secrets WHERE account = $1",
                &[&account],
            )
            .map_err(|e| self.fail(e))?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let keys = self.team.keys()?;
        let broken = || self.fail(damaged(account));
        let sealed = sealed(row, 0).ok_or_else(broken)?;
        match keys.open(&Aad::new(account, FIELD), &sealed) {
            Ok(plain) => {
                let text = std::str::from_utf8(&plain).map_err(|_| broken())?;
                Ok(Some(Secret::from(text.to_owned())))
            }
            Err(CryptoError::WrongKey { needed, have }) => Err(self.fail(Error::new(
                Failure::WrongKey {
                    needed: needed.to_string(),
                    have: have.to_string(),
                },
                "",
            ))),
            Err(_) => Err(broken()),
        }
    }

    fn set(&self, account: &str, value: &Secret) -> Result<(), secrets::Error> {
        let keys = self.team.keys()?;
        let sealed = keys
            .seal(&Aad::new(account, FIELD), value.expose_secret().as_bytes())
            .map_err(|e| secrets::Error::Failed {
                reason: e.to_string(),
            })?;
        // Written only while the store's key is still the one this value
        // was sealed with: a rotation that committed meanwhile wins, and
        // this write is refused rather than left unreadable.
        let written = self
            .team
            .session
            .execute(
                "INSERT INTO fourgent.secrets (account, key_id, nonce, ciphertext)
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM fourgent.store WHERE key_id = $2)
                 ON CONFLICT (account) DO UPDATE
                 SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce,
                     ciphertext = EXCLUDED.ciphertext, updated_at = now()",
                &[
                    &account,
                    &sealed.key_id.as_str(),
                    &&sealed.nonce[..],
                    &sealed.ciphertext,
                ],
            )
            .map_err(|e| self.fail(e))?;
        if written == 0 {
            let needed = current_key_id(&self.team).map_err(|e| self.fail(e))?;
            let have = keys.current().id().to_string();
            return Err(self.fail(Error::new(Failure::WrongKey { needed, have }, "")));
        }
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<bool, secrets::Error> {
        let n = self
            .team
            .session
            .execute(
                "DELETE FROM fourgent.secrets WHERE account = $1",
                &[&account],
            )
            .map_err(|e| self.fail(e))?;
        Ok(n > 0)
    }
}

/// The sealed value in `row`'s columns `key_id, nonce, ciphertext`, from
/// column `first` on; `None` when they are not what fourgent writes.
fn sealed(row: &tokio_postgres::Row, first: usize) -> Option<Sealed> {
    let key_id: &str = row.get(first);
    let nonce: &[u8] = row.get(first + 1);
    Some(Sealed {
        key_id: key_id.parse().ok()?,
        nonce: nonce.try_into().ok()?,
        ciphertext: row.get(first + 2),
    })
}

fn damaged(account: &str) -> Error {
    Error::new(
        Failure::Damaged {
            account: account.to_owned(),
        },
        "",
    )
}

fn current_key_id(team: &Team) -> Result<String, Error> {
    let rows = team
        .session
        .query("SELECT key_id FROM fourgent.store", &[])?;
    Ok(rows.first().map(|r| r.get(0)).unwrap_or_default())
}

/// Re-encrypts every secret under `new`, in one transaction that first
/// blocks other writers of secrets (readers go on, with the old key, until
/// it commits), and records `new` as the store's key. Returns how many
/// secrets it re-encrypted. Any secret that does not open stops it, and
/// nothing changes.
pub(crate) fn rotate(team: &Team, old: &Keyring, new: &TeamKey) -> Result<usize, Error> {
    let session = &team.session;
    session.transaction(|| {
        session.batch("LOCK TABLE fourgent.secrets IN EXCLUSIVE MODE")?;
        let current = current_key_id(team)?;
        if current != old.current().id().as_str() {
            let have = old.current().id().to_string();
            return Err(Error::new(Failure::WrongKey { needed: current, have }, ""));
        }
        let rows = session.query("SELECT account, key_id, nonce, ciphertext FROM fourgent.secrets", &[])?;
        for row in &rows {
            let account: String = row.get(0);
            let sealed = sealed(row, 1).ok_or_else(|| damaged(&account))?;
            let aad = Aad::new(&account, FIELD);
            let plain = old.open(&aad, &sealed).map_err(|_| damaged(&account))?;
            let resealed = new
                .seal(&aad, &plain)
                .map_err(|e| Error::new(Failure::Refused { code: "seal".into() }, e.to_string()))?;
            session.execute(
                "UPDATE fourgent.secrets SET key_id = $2, nonce = $3, ciphertext = $4, updated_at = now()
                 WHERE account = $1",
                &[&account, &resealed.key_id.as_str(), &&resealed.nonce[..], &resealed.ciphertext],
            )?;
        }
        session.execute("UPDATE fourgent.store SET key_id = $1", &[&new.id().as_str()])?;
        Ok((rows.len(), true))
    })
}
