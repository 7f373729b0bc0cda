//! `fourgent credential git`: git's credential-helper protocol
//! (git-credential(1)), so git can fetch and push over https with a
//! connection's token.
//!
//! git runs `<helper> get` with `key=value` lines on stdin (`protocol`,
//! `host`, maybe `path` and `username`) and reads `username`, `password`
//! and `password_expiry_utc` back. fourgent answers for hosts that the
//! connection's app declares (`git_hosts` in the catalog), over https only,
//! with the access token refreshed when due (or a Custom app's single
//! secret). `store` and `erase` are read and ignored, as `gh` does: the
//! connection is the source of truth, and git cannot remove it. When no
//! connection fits, nothing is printed and git asks its next helper.

use crate::cli::CredentialGitArgs;
use crate::commands::connections::{naming, oauth, secret};
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{AuthKind, Connection, Status};
use crate::secrets::ExposeSecret;

/// The most git sends; more is refused.
const MAX_INPUT: u64 = 64 * 1024;

pub(crate) fn git(ctx: &Ctx, args: &CredentialGitArgs) -> Result<()> {
    let input = ctx
        .ui
        .read_stdin(MAX_INPUT)
        .map_err(|e| Error::usage("cannot read git's request from stdin").with_source(&e))?;
    if args.action != "get" {
        ctx.ui
            .debug(|| format!("`{}`: read and ignored", args.action));
        return Ok(());
    }
    let request = Request::parse(&input);
    let Some(host) = request.host.as_deref() else {
        ctx.ui.debug(|| "git named no host; not answering".into());
        return Ok(());
    };
    if request.protocol.as_deref() != Some("https") {
        ctx.ui
            .debug(|| format!("tokens go over https only; not answering for {host}"));
        return Ok(());
    }
    let host = host.to_ascii_lowercase();

    let conns = ctx.store().load()?;
    let apps: Vec<&str> = conns.iter().map(|c| c.app.as_str()).collect();
    let catalog = &ctx.catalog_of(&apps)?;
    let declares = |c: &Connection| {
        catalog
            .get(&c.app)
            .and_then(|k| k.git.as_ref())
            .is_some_and(|g| g.hosts.contains(&host))
    };
    let conn = match &args.connection {
        Some(selector) => {
            let conn = &conns[naming::resolve(ctx, &conns, selector)?];
            if !declares(conn) {
                ctx.ui.warn(&format!(
                    "{} is not for {host} (its app declares no such git host); not answering",
                    conn.label()
                ));
                return Ok(());
            }
            conn
        }
        None => {
            let fitting: Vec<&Connection> = conns
                .iter()
                .filter(|c| c.status == Status::Connected && declares(c))
                .collect();
            match fitting.as_slice() {
                [] => {
                    ctx.ui
                        .debug(|| format!("no Connected connection is for {host}"));
                    return Ok(());
                }
                [one] => *one,
                many => {
                    let by_user = request.username.as_deref().and_then(|u| {
                        let named: Vec<&&Connection> =
                            many.iter().filter(|c| c.name == u).collect();
                        (named.len() == 1).then(|| *named[0])
                    });
                    by_user.ok_or_else(|| {
                        Error::new(
                            ErrorKind::NotFound,
                            format!(
                                "{} connections are for {host}: {}",
                                many.len(),
                                many.iter().map(|c| c.label_with_id()).collect::<Vec<_>>().join(", ")
                            ),
                        )
                        .with_hint(format!(
                            "choose one in git's config: `git config credential.https://{host}.helper '!fourgent credential git --connection {}'`",
                            many[0].label()
                        ))
                    })?
                }
            }
        }
    };
    if conn.status == Status::NotConnected {
        return Err(Error::new(
            ErrorKind::NotConnected,
            format!("{} is Not Connected", conn.label()),
        )
        .with_hint(format!(
            "authorize it again with `fourgent connections reauthorize {}`",
            conn.label()
        )));
    }
    let connector = naming::connector(catalog, &conn.app)?;
    let git = connector.git.as_ref().expect("checked above");
    let (password, expires_at) = match conn.auth {
        AuthKind::OAuth2 => {
            let creds = oauth::live_credentials(ctx, conn, connector)?;
            ctx.store().record(&crate::store::Event {
                conn,
                action: crate::store::Action::Use,
                detail: None,
            });
            let token = creds.token.ok_or_else(|| {
                Error::new(
                    ErrorKind::Config,
                    format!("the stored secret of {} holds no token", conn.label()),
                )
            })?;
            (token.access_token, token.expires_at)
        }
        AuthKind::Custom => {
            let mut creds = secret::load_secret(ctx, conn)?;
            let keys: Vec<String> = creds.fields.keys().cloned().collect();
            match keys.as_slice() {
                [one] => (creds.fields.remove(one).expect("listed"), None),
                _ => {
                    return Err(Error::new(
                        ErrorKind::Config,
                        format!(
                            "{} has several secrets; git needs one password",
                            conn.label()
                        ),
                    ));
                }
            }
        }
    };
    if password.expose_secret().contains(['\n', '\r', '\0']) {
        return Err(Error::new(
            ErrorKind::Config,
            format!(
                "the secret of {} cannot be sent to git (it holds a line break)",
                conn.label()
            ),
        ));
    }
    let mut out = format!(
        "username={}\npassword={}\n",
        git.username,
        password.expose_secret()
    );
    if let Some(at) = expires_at {
        out.push_str(&format!("password_expiry_utc={}\n", at.as_second()));
    }
    ctx.ui.out(&out)
}

/// The attributes git sends that matter here.
#[derive(Debug, Default, PartialEq, Eq)]
struct Request {
    protocol: Option<String>,
    host: Option<String>,
    username: Option<String>,
}

impl Request {
    /// `key=value` lines up to a blank line; unknown keys are ignored.
    fn parse(input: &str) -> Request {
        let mut req = Request::default();
        for line in input.lines() {
            if line.is_empty() {
                break;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let slot = match key {
                "protocol" => &mut req.protocol,
                "host" => &mut req.host,
                "username" => &mut req.username,
                _ => continue,
            };
            *slot = Some(value.to_owned());
        }
        req
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_requests_are_key_value_lines_up_to_a_blank_line() {
        let req = Request::parse(
            "protocol=https\nhost=github.com\nwwwauth[]=Basic realm=\"GitHub\"\nusername=me\n\nhost=evil.example\n",
        );
        assert_eq!(
            req,
            Request {
                protocol: Some("https".into()),
                host: Some("github.com".into()),
                username: Some("me".into()),
            }
        );
        assert_eq!(Request::parse("garbage\n"), Request::default());
    }
}
