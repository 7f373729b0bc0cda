//! A team store's address: a libpq-style `postgres://` URL, turned into a
//! client configuration and a name that is safe to print.
//!
//! What libpq reads besides the URL is honoured here too: `PGPASSWORD`, then
//! `~/.pgpass` (owner-only, as libpq insists), for a URL without a password.
//! TLS is on by default for anything but loopback and Unix sockets
//! (`sslmode=require` unless the URL says otherwise), and whatever the mode
//! a certificate is always verified: against `sslrootcert` when the URL
//! names one, else against the public web roots. That is stricter than
//! libpq's `require`, which encrypts without checking who answers.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use tokio_postgres::config::{Host, SslMode};

/// Where a team store is and how to reach it.
#[derive(Clone)]
pub(crate) struct Address {
    pub config: tokio_postgres::Config,
    /// `postgres://user@host:port/db`: never the password.
    pub shown: String,
    pub tls: Tls,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tls {
    /// Plain TCP or a Unix socket (loopback by default, or `sslmode=disable`).
    Off,
    /// TLS, with the server's certificate verified against these roots
    /// (`None`: the public web roots).
    On { root: Option<PathBuf> },
}

/// What the address is read with: the environment and the home dir.
pub(crate) struct Sources<'a> {
    pub var: &'a dyn Fn(&str) -> Option<String>,
    pub home: Option<PathBuf>,
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Whether `text` names a team store (rather than, say, a mistyped path).
pub(crate) fn is_postgres(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

impl Address {
    /// Parses a `postgres://` URL. Errors never repeat the URL (it may hold a
    /// password).
    pub(crate) fn parse(text: &str, sources: &Sources<'_>) -> Result<Address, String> {
        let text = text.trim();
        if !is_postgres(text) {
            return Err("a team store is a `postgres://` URL".into());
        }
        let mut url =
            url::Url::parse(text).map_err(|e| format!("the store URL is invalid: {e}"))?;
        // The TLS keys are fourgent's to interpret; the rest go to the client.
        let mut mode = None;
        let mut root = None;
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter_map(|(k, v)| match k.as_ref() {
                "sslmode" => {
                    mode = Some(v.into_owned());
                    None
                }
                "sslrootcert" => {
                    root = Some(PathBuf::from(v.as_ref()));
                    None
                }
                _ => Some((k.into_owned(), v.into_owned())),
            })
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
        let mut config = tokio_postgres::Config::from_str(url.as_str())
            .map_err(|e| format!("the store URL is invalid: {e}"))?;
        if config.get_hosts().is_empty() {
            config.host("localhost");
        }
        if config.get_user().is_none() {
            let user = (sources.var)("PGUSER")
                .or_else(|| (sources.var)("USER"))
                .or_else(|| (sources.var)("LOGNAME"))
                .ok_or("the store URL names no user, and neither PGUSER nor USER is set")?;
            config.user(user);
        }
        if config.get_dbname().is_none() {
            let user = config.get_user().unwrap_or_default().to_owned();
            config.dbname(user);
        }
        let loopback = config.get_hosts().iter().all(is_local);
        let tls = match mode.as_deref() {
            None if loopback => Tls::Off,
            None | Some("require" | "verify-ca" | "verify-full") => Tls::On { root },
            Some("disable") => Tls::Off,
            // `prefer` and `allow` fall back to plain text whenever a server
            // or anyone between says so: not for secrets.
            Some(other) => {
                return Err(format!(
                    "sslmode `{other}` is not supported: use `require` (the default) or `disable`"
                ));
            }
        };
        config.ssl_mode(match tls {
            Tls::Off => SslMode::Disable,
            Tls::On { .. } => SslMode::Require,
        });
        if config.get_password().is_none() {
            if let Some(pw) = (sources.var)("PGPASSWORD") {
                config.password(pw);
            } else if let Some(pw) = pgpass(&config, sources)? {
                config.password(pw);
            }
        }
        let shown = shown(&config);
        Ok(Address { config, shown, tls })
    }
}

fn is_local(host: &Host) -> bool {
    match host {
        #[cfg(unix)]
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name
                    .trim_matches(['[', ']'])
                    .parse::<IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }
}

fn host_text(host: &Host) -> String {
    match host {
        #[cfg(unix)]
        Host::Unix(path) => path.display().to_string(),
        Host::Tcp(name) if name.contains(':') => format!("[{name}]"),
        Host::Tcp(name) => name.clone(),
    }
}

/// `postgres://user@host:port/db`.
fn shown(config: &tokio_postgres::Config) -> String {
    let hosts = config.get_hosts();
    let ports = config.get_ports();
    let place: Vec<String> = hosts
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            format!("{}:{port}", host_text(h))
        })
        .collect();
    let clean = |s: &str| crate::sanitize::sanitize(s, 200);
    format!(
        "postgres://{}@{}/{}",
        clean(config.get_user().unwrap_or_default()),
        clean(&place.join(",")),
        clean(config.get_dbname().unwrap_or_default())
    )
}

/// The password `~/.pgpass` (or `PGPASSFILE`) gives for this address, read
/// as libpq does: `host:port:db:user:password`, `*` matching anything, `\`
/// escaping `:` and `\`. A file others can read is ignored, with a reason.
fn pgpass(
    config: &tokio_postgres::Config,
    sources: &Sources<'_>,
) -> Result<Option<String>, String> {
    let path = match (sources.var)("PGPASSFILE") {
        Some(p) => PathBuf::from(p),
        None => match &sources.home {
            Some(home) => home.join(".pgpass"),
            None => return Ok(None),
        },
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    if readable_by_others(&path) {
        return Err(format!(
            "{} is readable by others; run `chmod 600 {}`",
            path.display(),
            path.display()
        ));
    }
    let host = config
        .get_hosts()
        .first()
        .map(host_text)
        .unwrap_or_default();
    let host = host.trim_matches(['[', ']']).to_owned();
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let want = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or_default(),
        config.get_user().unwrap_or_default(),
    ];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = fields[..4]
            .iter()
            .zip(want)
            .all(|(have, want)| have == "*" || have == want);
        if matches {
            return Ok(Some(fields[4].clone()));
        }
    }
    Ok(None)
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("never empty").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("never empty").push(c),
        }
    }
    fields
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_with(
        text: &str,
        vars: &[(&str, &str)],
        home: Option<PathBuf>,
    ) -> Result<Address, String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let var = move |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Address::parse(text, &Sources { var: &var, home })
    }

    fn parse(text: &str) -> Result<Address, String> {
        parse_with(text, &[("USER", "alice")], None)
    }

    #[test]
    fn the_shown_address_never_has_the_password() {
        let a = parse("postgres://team:s3cret@db.example.com:6543/fourgent").unwrap();
        assert_eq!(a.shown, "postgres://team@db.example.com:6543/fourgent");
        assert_eq!(format!("{a:?}"), a.shown);
        assert_eq!(a.config.get_password(), Some(&b"s3cret"[..]));
    }

    #[test]
    fn tls_is_on_by_default_except_on_loopback() {
        let remote = parse("postgres://u@db.example.com/x").unwrap();
        assert_eq!(remote.tls, Tls::On { root: None });
        for local in [
            "postgres://u@127.0.0.1/x",
            "postgres://u@localhost/x",
            "postgres://u@[::1]/x",
        ] {
            assert_eq!(parse(local).unwrap().tls, Tls::Off, "{local}");
        }
        let forced = parse("postgres://u@127.0.0.1/x?sslmode=require&sslrootcert=/ca.pem").unwrap();
        assert_eq!(
            forced.tls,
            Tls::On {
                root: Some("/ca.pem".into())
            }
        );
        let off = parse("postgres://u@db.example.com/x?sslmode=disable").unwrap();
        assert_eq!(off.tls, Tls::Off);
    }

    #[test]
    fn modes_that_fall_back_to_plain_text_are_refused() {
        for mode in ["prefer", "allow", "bogus"] {
            let err =
                parse(&format!("postgres://u:pw@db.example.com/x?sslmode={mode}")).unwrap_err();
            assert!(err.contains(mode) && !err.contains("pw@"), "{err}");
        }
    }

    #[test]
    fn user_and_database_default_as_libpq_does() {
        let a = parse("postgres://db.example.com").unwrap();
        assert_eq!(a.config.get_user(), Some("alice"));
        assert_eq!(a.config.get_dbname(), Some("alice"));
        let a = parse_with(
            "postgres://db.example.com",
            &[("PGUSER", "bob"), ("USER", "alice")],
            None,
        )
        .unwrap();
        assert_eq!(a.config.get_user(), Some("bob"));
    }

    #[test]
    fn pgpassword_then_pgpass_give_a_missing_password() {
        let a = parse_with("postgres://u@h/db", &[("PGPASSWORD", "from-env")], None).unwrap();
        assert_eq!(a.config.get_password(), Some(&b"from-env"[..]));

        let home = tempfile::tempdir().unwrap();
        let file = home.path().join(".pgpass");
        std::fs::write(&file, "# comment\nother:*:*:*:no\nh:5432:db:u:pa\\:ss\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let a = parse_with("postgres://u@h/db", &[], Some(home.path().into())).unwrap();
        assert_eq!(a.config.get_password(), Some(&b"pa:ss"[..]));
        // The URL's own password wins.
        let a = parse_with("postgres://u:url@h/db", &[], Some(home.path().into())).unwrap();
        assert_eq!(a.config.get_password(), Some(&b"url"[..]));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let err = parse_with("postgres://u@h/db", &[], Some(home.path().into())).unwrap_err();
            assert!(err.contains("chmod 600"), "{err}");
        }
    }

    #[test]
    fn other_schemes_and_garbage_are_refused_without_echoing_them() {
        assert!(parse("mysql://u:pw@h/db").is_err());
        let err = parse("postgres://u:pw@h:notaport/db").unwrap_err();
        assert!(!err.contains("pw"), "{err}");
    }
}
