//! One database session per process, opened on first use and reopened when
//! it breaks, with every statement bounded by the store's timeout.
//!
//! The session is shared by every thread of the process (`exec` serves
//! tokens from several). A [`Turn`] gives one thread the session for a
//! while; it is re-entrant, so a transaction can call a secret store that
//! uses the same session and its statements join the transaction.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::ThreadId;
use std::time::Duration;

use tokio_postgres::{Client, Row, types::ToSql};

use super::address::{Address, Tls};
use super::{Error as StoreError, Failure};

pub(crate) struct Session {
    pub address: Address,
    /// How long a connect or one statement may take.
    pub timeout: Duration,
    client: Mutex<Option<Arc<Client>>>,
    owner: Mutex<(Option<ThreadId>, usize)>,
    freed: Condvar,
}

/// This thread's turn with the session; the next thread waits until it ends.
pub(crate) struct Turn<'a> {
    session: &'a Session,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut owner = self.session.owner.lock().unwrap_or_else(|e| e.into_inner());
        owner.1 -= 1;
        if owner.1 == 0 {
            owner.0 = None;
            self.session.freed.notify_one();
        }
    }
}

impl Session {
    pub(crate) fn new(address: Address, timeout: Duration) -> Session {
        Session {
            address,
            timeout,
            client: Mutex::new(None),
            owner: Mutex::new((None, 0)),
            freed: Condvar::new(),
        }
    }

    /// Waits for this thread's turn (at once when it already has one).
    pub(crate) fn turn(&self) -> Turn<'_> {
        let me = std::thread::current().id();
        let mut owner = self.owner.lock().unwrap_or_else(|e| e.into_inner());
        while owner.0.is_some_and(|t| t != me) {
            owner = self.freed.wait(owner).unwrap_or_else(|e| e.into_inner());
        }
        owner.0 = Some(me);
        owner.1 += 1;
        Turn { session: self }
    }

    /// The open client, connecting first when there is none or it broke.
    fn client(&self) -> Result<Arc<Client>, StoreError> {
        let mut slot = self.client.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = slot.as_ref()
            && !c.is_closed()
        {
            return Ok(Arc::clone(c));
        }
        *slot = None;
        let client = Arc::new(self.connect()?);
        *slot = Some(Arc::clone(&client));
        Ok(client)
    }

    fn connect(&self) -> Result<Client, StoreError> {
        let mut config = self.address.config.clone();
        config.connect_timeout(self.timeout);
        config.application_name("fourgent");
        let unreachable = |reason: String| StoreError::new(Failure::Unreachable, reason);
        let runtime = crate::runtime::get().map_err(unreachable)?;
        let timeout = self.timeout;
        let tls = match &self.address.tls {
            Tls::Off => None,
            Tls::On { root } => Some(tls_connector(root.as_deref()).map_err(unreachable)?),
        };
        runtime.block_on(async move {
            let connecting = async {
                let client = match tls {
                    None => {
                        let (client, conn) = config.connect(tokio_postgres::NoTls).await?;
                        tokio::spawn(conn);
                        client
                    }
                    Some(tls) => {
                        let (client, conn) = config.connect(tls).await?;
                        tokio::spawn(conn);
                        client
                    }
                };
                Ok::<_, tokio_postgres::Error>(client)
            };
            match tokio::time::timeout(timeout, connecting).await {
                Ok(Ok(client)) => Ok(client),
                Ok(Err(e)) => Err(unreachable(describe(&e))),
                Err(_) => Err(unreachable(format!(
                    "no answer within {}",
                    seconds(timeout)
                ))),
            }
        })
    }

    /// Runs one statement (or a batch, or a transaction step) with the
    /// session's timeout. A statement the server refused is a `Refused`
    /// failure; a broken or silent connection is `Unreachable`, and the
    /// next call reconnects.
    pub(crate) fn run<T, F>(&self, work: impl FnOnce(Arc<Client>) -> F) -> Result<T, StoreError>
    where
        F: Future<Output = Result<T, tokio_postgres::Error>>,
    {
        // On this thread's turn: a statement of another thread never lands
        // inside this one's transaction.
        let _turn = self.turn();
        let client = self.client()?;
        let runtime = crate::runtime::get()
            .map_err(|reason| StoreError::new(Failure::Unreachable, reason))?;
        let timeout = self.timeout;
        let outcome = runtime.block_on(async { tokio::time::timeout(timeout, work(client)).await });
        match outcome {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(classify(&e)),
            Err(_) => {
                // A statement that did not finish may still be running: this
                // session is given up, and the next call opens a new one.
                *self.client.lock().unwrap_or_else(|e| e.into_inner()) = None;
                Err(StoreError::new(
                    Failure::Unreachable,
                    format!("no answer within {}", seconds(timeout)),
                ))
            }
        }
    }

    pub(crate) fn batch(&self, sql: &'static str) -> Result<(), StoreError> {
        self.run(|c| async move { c.batch_execute(sql).await })
    }

    /// Runs one statement and returns its rows. Without parameters it goes
    /// unprepared, in one round trip (a prepared one takes two, prepare and
    /// execute, and a close).
    pub(crate) fn query(
        &self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, StoreError> {
        if params.is_empty() {
            return self.run(|c| async move { c.query_typed(sql, &[]).await });
        }
        self.run(|c| async move { c.query(sql, params).await })
    }

    pub(crate) fn execute(
        &self,
        sql: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, StoreError> {
        self.run(|c| async move { c.execute(sql, params).await })
    }

    /// Runs `work` in a transaction on this thread's turn: committed when it
    /// returns `Ok(true)`, rolled back otherwise. Statements that `work`
    /// runs through this session (a secret store's too) are part of it.
    pub(crate) fn transaction<T>(
        &self,
        work: impl FnOnce() -> Result<(T, bool), StoreError>,
    ) -> Result<T, StoreError> {
        let _turn = self.turn();
        self.batch("BEGIN")?;
        match work() {
            Ok((value, true)) => {
                self.batch("COMMIT")?;
                Ok(value)
            }
            Ok((value, false)) => {
                self.batch("ROLLBACK")?;
                Ok(value)
            }
            Err(e) => {
                let _ = self.batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

/// A rustls client for the store: the given root certificates, or the
/// public web roots.
fn tls_connector(
    root: Option<&std::path::Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    let mut roots = rustls::RootCertStore::empty();
    match root {
        Some(path) => {
            use rustls::pki_types::{CertificateDer, pem::PemObject};
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .map_err(|e| format!("cannot read sslrootcert {}: {e}", path.display()))?
                .collect::<Result<_, _>>()
                .map_err(|e| format!("cannot read sslrootcert {}: {e}", path.display()))?;
            if certs.is_empty() {
                return Err(format!(
                    "sslrootcert {} holds no certificate",
                    path.display()
                ));
            }
            for cert in certs {
                roots
                    .add(cert)
                    .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// A client error in words, with the server's own message when it sent one
/// (sanitized by whoever shows it).
fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_owned();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    text
}

fn classify(e: &tokio_postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(db) => StoreError::refused(db.code().code(), db.message().to_owned()),
        None => StoreError::new(Failure::Unreachable, describe(e)),
    }
}

/// "1 second", "10 seconds".
fn seconds(d: Duration) -> String {
    match d.as_secs() {
        1 => "1 second".to_owned(),
        n => format!("{n} seconds"),
    }
}
