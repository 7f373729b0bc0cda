//! `fourgent connectors list|show`: the catalog. No keychain, no network.

use serde_json::json;

use crate::catalog::{Connector, Pkce, RedirectRule, TokenAuth};
use crate::cli::{ConnectorsListArgs, ConnectorsSetSecretArgs, ConnectorsShowArgs};
use crate::context::Ctx;
use crate::env;
use crate::error::Result;
use crate::error::{Error, ErrorKind};
use crate::sanitize::sanitize;
use crate::secrets::{self, ExposeSecret};
use crate::ui::render::{self, TableStyle};

pub(crate) fn list(ctx: &Ctx, args: &ConnectorsListArgs) -> Result<()> {
    let catalog = ctx.catalog()?;
    if args.json {
        let items: Vec<_> = catalog
            .iter()
            .map(|c| json!({ "id": c.id, "name": c.name, "auth": c.auth.as_str(), "source": c.source, "check": c.check.is_some() }))
            .collect();
        let text = serde_json::to_string_pretty(&items).expect("JSON values serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    let rows: Vec<Vec<String>> = catalog
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.name.clone(),
                c.auth.to_string(),
                if c.check.is_some() { "yes" } else { "no" }.into(),
                c.source.as_str().into(),
            ]
        })
        .collect();
    if !ctx.ui.stdout_is_tty() {
        let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
        return ctx.ui.out(&text);
    }
    let style = TableStyle {
        color: ctx.ui.color_stdout(),
        width: ctx.ui.width(),
    };
    ctx.ui.out(&render::table(
        &["ID", "NAME", "AUTH", "CHECK", "SOURCE"],
        rows,
        None,
        style,
    ))
}

pub(crate) fn show(ctx: &Ctx, args: &ConnectorsShowArgs) -> Result<()> {
    let catalog = ctx.catalog()?;
    let c = super::connections::naming::connector(catalog, &args.app)?;
    if args.json {
        let mut v = serde_json::to_value(c).expect("connectors serialize");
        if let Some(o) = &c.oauth2 {
            v["oauth2"]["redirect_uri"] = json!(o.redirect_uri(None));
            v["oauth2"]["client_id_env"] = json!(env::client_id_var(&c.id));
            v["oauth2"]["client_secret_env"] = json!(env::client_secret_var(&c.id));
        }
        let text = serde_json::to_string_pretty(&v).expect("JSON values serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    let secret = c.oauth2.as_ref().map(|_| client_secret_state(ctx, c));
    let text = describe_with(c, secret.as_deref());
    ctx.ui.out(&match ctx.ui.width() {
        Some(w) => render::wrap_aligned(&text, usize::from(w)),
        None => text,
    })
}

/// Whether an OAuth2 app's client secret is configured, and where.
fn client_secret_state(ctx: &Ctx, c: &Connector) -> String {
    let var = env::client_secret_var(&c.id);
    if env::var(&var).is_some() {
        return format!("set, from {var}");
    }
    match ctx
        .secrets()
        .get(&crate::secrets::client_secret_account(&c.id))
    {
        Ok(Some(_)) => format!("set, in {}", ctx.secrets().describe()),
        Ok(None) => format!(
            "not set (public clients need none): `fourgent connectors set-secret {}` or {var}",
            c.id
        ),
        Err(e) => format!("unknown: {e}"),
    }
}

/// The text of `connectors show`, with what is known of the client secret.
fn describe_with(c: &Connector, secret_state: Option<&str>) -> String {
    let mut lines: Vec<(String, String)> = vec![
        ("App".into(), format!("{} ({})", c.name, c.id)),
        ("Auth".into(), c.auth.to_string()),
        ("Source".into(), c.source.as_str().into()),
    ];
    if let Some(url) = &c.docs_url {
        lines.push(("Docs".into(), url.clone()));
    }
    if let Some(o) = &c.oauth2 {
        lines.push(("Authorize URL".into(), o.authorize_url.clone()));
        lines.push(("Token URL".into(), o.token_url.clone()));
        if let Some(issuer) = &o.issuer {
            lines.push((
                "Issuer".into(),
                format!("{issuer} (a redirect naming another issuer is refused)"),
            ));
        }
        lines.push((
            "Revoke URL".into(),
            o.revoke_url
                .as_ref()
                .map_or("none (tokens cannot be revoked by fourgent)".into(), |u| {
                    format!("{} {u}", o.revoke_method.as_str())
                }),
        ));
        lines.push((
            "Scopes".into(),
            if !o.scopes_in_request {
                "set in the app's settings, not requested".into()
            } else if o.scopes.is_empty() {
                "none by default (add with --scope)".into()
            } else {
                o.scopes.join(&o.scope_separator)
            },
        ));
        lines.push((
            "PKCE".into(),
            match o.pkce {
                Pkce::Required => "S256, required by the app",
                Pkce::Supported => "S256",
                Pkce::Unsupported => "not supported by the app",
            }
            .into(),
        ));
        lines.push((
            "Client auth".into(),
            match o.token_auth {
                TokenAuth::Basic => "HTTP Basic (client ID and secret) at the token endpoint",
                TokenAuth::Body => "client ID (and secret) in the token request body",
            }
            .into(),
        ));
        let uri = match (o.redirect_port, o.redirect_rule) {
            (Some(_), _) => format!("{} (register exactly this)", o.redirect_uri(None)),
            (None, RedirectRule::AnyPort) => format!("{} (any port works)", o.redirect_uri(None)),
            (None, RedirectRule::HttpsOnly) => "the app accepts only https redirects: authorize with --no-browser and paste the final URL back".into(),
            (None, _) => format!(
                "http://{}:PORT/callback: pick a port, register that exact URI, and set `redirect_port` in connectors.toml (or pass --port)",
                o.redirect_host.as_str()
            ),
        };
        lines.push(("Redirect URI".into(), uri));
        lines.push(("Redirect rule".into(), o.redirect_rule.describe().into()));
        lines.push((
            "Client ID".into(),
            o.client_id.clone().unwrap_or_else(|| {
                format!(
                    "not set: register an app, then set `client_id` in connectors.toml or {}",
                    env::client_id_var(&c.id)
                )
            }),
        ));
        lines.push((
            "Client secret".into(),
            secret_state.map_or_else(
                || format!("{} or the keychain", env::client_secret_var(&c.id)),
                str::to_owned,
            ),
        ));
        if o.rotating_refresh {
            lines.push((
                "Refresh".into(),
                "refresh tokens rotate on every use".into(),
            ));
        }
        if !o.tokens_expire {
            lines.push(("Expiry".into(), "access tokens do not expire".into()));
        }
    }
    match &c.check {
        Some(check) => lines.push((
            "Check".into(),
            format!("{} {}", check.method.as_str(), check.url),
        )),
        None => lines.push((
            "Check".into(),
            "none: credentials cannot be verified before saving".into(),
        )),
    }
    if let Some(b) = &c.basic_auth {
        lines.push((
            "Sent as".into(),
            format!("HTTP Basic `{}`", sanitize(b, 200)),
        ));
    }
    if let Some(git) = &c.git {
        lines.push((
            "Git hosts".into(),
            format!(
                "{} as user {} (`fourgent credential git`)",
                git.hosts.join(", "),
                git.username
            ),
        ));
    }
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut out: String = lines
        .iter()
        .map(|(k, v)| format!("{k:<width$}  {v}\n"))
        .collect();
    if !c.fields.is_empty() {
        out.push_str("\nFields:\n");
        let kw = c.fields.iter().map(|f| f.key.len()).max().unwrap_or(0);
        for f in &c.fields {
            let mut line = format!("  {:<kw$}  {}", f.key, f.label);
            line.push_str(if f.secret { " (secret)" } else { "" });
            if let Some(h) = &f.header {
                line.push_str(&format!(", sent as header {h}"));
                if let Some(p) = f.prefix.as_deref().filter(|p| !p.is_empty()) {
                    line.push_str(&format!(" with prefix `{}`", sanitize(p, 200)));
                }
            }
            if let Some(d) = &f.default {
                line.push_str(&format!(", default `{}`", sanitize(d, 200)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !c.env.is_empty() {
        out.push_str("\nVariables (`fourgent connections exec`):\n");
        let kw = c.env.keys().map(String::len).max().unwrap_or(0);
        for (key, var) in &c.env {
            out.push_str(&format!("  {key:<kw$}  {var}\n"));
        }
    }
    if !c.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &c.notes {
            out.push_str(&format!("  - {n}\n"));
        }
    }
    // Names, labels and notes were made safe when the catalog was loaded,
    // and the values above where they are quoted; the rest of
    // connectors.toml's text is checked, but made safe here too.
    crate::sanitize::lines(&out)
}

pub(crate) fn set_secret(ctx: &Ctx, args: &ConnectorsSetSecretArgs) -> Result<()> {
    let catalog = ctx.catalog()?;
    let c = super::connections::naming::connector(catalog, &args.app)?;
    if c.oauth2.is_none() {
        return Err(Error::usage(format!(
            "{} is a Custom app; it has no OAuth client secret",
            c.name
        )));
    }
    let account = secrets::client_secret_account(&c.id);
    if args.delete {
        let removed = ctx.secrets().delete(&account)?;
        if removed {
            ctx.ui.success(&format!(
                "Removed the client secret of {} from {}",
                c.name,
                ctx.secrets().describe()
            ));
        } else {
            ctx.ui.status(&format!(
                "{} had no client secret in {}",
                c.name,
                ctx.secrets().describe()
            ));
        }
        return Ok(());
    }
    let pipe = format!(
        "printf %s \"$SECRET\" | fourgent connectors set-secret {}",
        c.id
    );
    let prompt = format!("{} client secret", c.name);
    let secret = ctx
        .ui
        .secret("the client secret", &prompt, 64 * 1024, &pipe)?;
    if secret.expose_secret().is_empty() {
        return Err(Error::new(
            ErrorKind::Usage,
            "the client secret is empty; nothing was stored",
        ));
    }
    ctx.secrets().set(&account, &secret)?;
    ctx.ui.success(&format!(
        "Stored the client secret of {} in {}",
        c.name,
        ctx.secrets().describe()
    ));
    Ok(())
}
