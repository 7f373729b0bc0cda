//! The PostgreSQL test harness itself (common/postgres.rs, scripts/pg-cluster,
//! scripts/with-postgres): databases are fresh and separate, the URLs it
//! hands out work as given, TLS is real and checked against the test CA,
//! and a test's own server stops and starts again with its data.

use std::process::Command;

use crate::common::postgres::{self, Cluster, Server};

/// Runs `sql` with psql connecting to `url` as it is, except its password,
/// which goes to psql's environment (`PGPASSWORD`) instead of its argv.
fn psql_at_url(server: &Server, url: &str, sql: &str) -> Result<String, String> {
    let re = regex::Regex::new(r"^(postgres://[^:@/]+):([^@/]+)@").unwrap();
    let caps = re.captures(url).expect("a URL with a password");
    let without_password = re.replace(url, "$1@").into_owned();
    let mut cmd = Command::new(server.bin().join("psql"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("PG") {
            cmd.env_remove(name);
        }
    }
    let out = cmd
        .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .arg(&without_password)
        .env("PGPASSWORD", &caps[2])
        .env("PGCONNECT_TIMEOUT", "10")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run psql");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

const SSL_IN_USE: &str = "select ssl from pg_stat_ssl where pid = pg_backend_pid()";

#[test]
fn fresh_database_answers_select_1() {
    let Some(server) = postgres::server() else {
        return;
    };
    let db = server.fresh_database();
    assert_eq!(db.query("select 1"), vec![vec!["1".to_owned()]]);
    assert_eq!(
        db.query("select current_database(), current_user"),
        vec![vec![db.name().to_owned(), "fourgent".to_owned()]]
    );
    // Rows, columns, NULL, and a statement that returns none.
    assert_eq!(
        db.query("create table t (a int, b text); insert into t values (1, 'x'), (2, null); select a, b from t order by a"),
        vec![vec!["1".to_owned(), "x".to_owned()], vec!["2".to_owned(), String::new()]]
    );
    assert!(db.query("select 1 where false").is_empty());
}

#[test]
fn two_fresh_databases_are_different() {
    let Some(server) = postgres::server() else {
        return;
    };
    let first = server.fresh_database();
    let second = server.fresh_database();
    assert_ne!(first.name(), second.name());
    assert_ne!(first.url(), second.url());
    first.query("create table only_here (x int)");
    assert_eq!(
        first.query("select count(*) from pg_tables where tablename = 'only_here'"),
        vec![vec!["1".to_owned()]]
    );
    assert_eq!(
        second.query("select count(*) from pg_tables where tablename = 'only_here'"),
        vec![vec!["0".to_owned()]]
    );
}

#[test]
fn dropping_a_database_drops_it() {
    let Some(server) = postgres::server() else {
        return;
    };
    let witness = server.fresh_database();
    let name = {
        let db = server.fresh_database();
        db.name().to_owned()
    };
    let left = witness.query(&format!(
        "select count(*) from pg_database where datname = '{name}'"
    ));
    assert_eq!(left, vec![vec!["0".to_owned()]]);
}

#[test]
fn url_connects_without_tls() {
    let Some(server) = postgres::server() else {
        return;
    };
    let db = server.fresh_database();
    let url = db.url();
    assert!(url.ends_with("?sslmode=disable"), "{url}");
    assert_eq!(psql_at_url(&server, &url, SSL_IN_USE).unwrap(), "f");
    assert_eq!(
        psql_at_url(&server, &url, "select current_database()").unwrap(),
        db.name()
    );
}

#[test]
fn tls_url_connects_with_tls_checked_against_the_ca() {
    let Some(server) = postgres::server() else {
        return;
    };
    let db = server.fresh_database();
    let url = db.tls_url();
    assert!(url.contains("sslmode=require"), "{url}");
    assert!(url.contains("sslrootcert="), "{url}");
    assert_eq!(psql_at_url(&server, &url, SSL_IN_USE).unwrap(), "t");
    assert_eq!(
        psql_at_url(&server, &url, "select current_database()").unwrap(),
        db.name()
    );
}

#[test]
fn tls_verify_full_works_for_localhost_and_127_0_0_1() {
    let Some(server) = postgres::server() else {
        return;
    };
    let ca = server.ca().display().to_string();
    // The certificate names both; verify-full checks the CA and the name.
    for host in ["localhost", "127.0.0.1"] {
        let out = server
            .psql(
                "postgres",
                &[
                    ("PGHOST", host),
                    ("PGSSLMODE", "verify-full"),
                    ("PGSSLROOTCERT", &ca),
                ],
                SSL_IN_USE,
            )
            .unwrap_or_else(|e| panic!("verify-full to {host}: {e}"));
        assert_eq!(out, "t\n", "TLS in use, connecting to {host}");
    }
}

#[test]
fn tls_verify_full_fails_against_another_ca() {
    let Some(server) = postgres::server() else {
        return;
    };
    // The system's CAs did not sign the test server's certificate, so this
    // must fail: proof that the check above means something.
    let other = tempfile::tempdir().unwrap();
    let other_ca = other.path().join("other-ca.crt");
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-subj", "/CN=another CA", "-days", "1", "-keyout"])
        .arg(other.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other_ca)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run openssl");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let err = server
        .psql(
            "postgres",
            &[
                ("PGHOST", "localhost"),
                ("PGSSLMODE", "verify-full"),
                ("PGSSLROOTCERT", &other_ca.display().to_string()),
            ],
            "select 1",
        )
        .expect_err("a certificate from another CA is refused");
    assert!(err.contains("certificate verify failed"), "{err}");
}

#[test]
fn a_wrong_password_is_refused() {
    let Some(server) = postgres::server() else {
        return;
    };
    let err = server
        .psql(
            "postgres",
            &[("PGPASSWORD", "not-the-password")],
            "select 1",
        )
        .expect_err("a wrong password is refused");
    assert!(err.contains("password authentication failed"), "{err}");
}

#[test]
fn own_cluster_stops_and_starts_again_with_its_data() {
    let Some(_) = postgres::server() else {
        return;
    };
    let cluster = Cluster::own();
    let server = cluster.server();
    let url = cluster.url();
    let port = server.port();
    assert!(
        url.ends_with(&format!(":{port}/postgres?sslmode=disable")),
        "{url}"
    );
    assert_eq!(psql_at_url(server, &url, "select 1").unwrap(), "1");
    server
        .psql(
            "postgres",
            &[],
            "create table kept (x int); insert into kept values (42)",
        )
        .unwrap();

    cluster.stop();
    let err = psql_at_url(server, &url, "select 1").expect_err("the server is stopped");
    assert!(err.contains("Connection refused"), "{err}");

    cluster.start();
    assert_eq!(cluster.url(), url, "same URL, same port after a restart");
    assert_eq!(
        psql_at_url(server, &url, "select x from kept").unwrap(),
        "42"
    );
    // Its TLS setup works like the shared server's.
    let db = server.fresh_database();
    assert_eq!(psql_at_url(server, &db.tls_url(), SSL_IN_USE).unwrap(), "t");
}
