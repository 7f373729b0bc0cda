//! `fourgent connections exec`: runs a program with connections'
//! credentials in its environment, and keeps them fresh while it runs.
//!
//! 1. **Plan**: every connection named (positional, `--env`, `--env-file`)
//!    is resolved, and every variable gets a name and a value (usage errors
//!    come here, before anything is read from a store or an app).
//! 2. **Pre-flight**: every token that would expire within `--min-valid` is
//!    refreshed (through the one guarded refresh), and every credential is
//!    checked with its app unless `--no-verify`. fourgent's own exit codes
//!    can only happen up to here.
//! 3. **Run**: the child gets its variables (and `FOURGENT_EXEC`,
//!    `FOURGENT_TOKEN_URL`, `FOURGENT_TOKEN_AUTH`), never fourgent's client
//!    secrets or store key. fourgent stays its parent: it serves fresh
//!    tokens on a loopback endpoint, keeps `--token-file` files fresh,
//!    masks secrets in the output with `--mask`, forwards signals, and ends
//!    with the child's status.

mod endpoint;
mod forward;
mod mask;
mod refs;
mod token_file;
mod tokens;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;

use crate::catalog::{self, Catalog, Connector};
use crate::check::{self, Outcome};
use crate::cli::ExecArgs;
use crate::context::Ctx;
use crate::env;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{AuthKind, Connection, Selector, Status};
use crate::secrets::{Credentials, ExposeSecret, Secret};

use mask::Masks;
use refs::Reference;
use token_file::TokenFiles;
use tokens::{Shared, Source};

/// Which value of a connection a variable holds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    /// An OAuth2 connection's access token.
    AccessToken,
    /// A Custom connection's secret field.
    Secret(String),
    /// A non-secret value (a field, a callback or token field).
    Field(String),
}

/// One variable for the child.
#[derive(Debug)]
struct Binding {
    name: String,
    target: usize,
    value: Value,
    /// Where it was asked for, for messages.
    origin: String,
}

/// A connection the child gets credentials of.
struct Target<'c> {
    conn: Connection,
    connector: &'c Connector,
}

/// What the command line asks for, resolved.
struct Plan<'c> {
    targets: Vec<Target<'c>>,
    bindings: Vec<Binding>,
}

pub(crate) fn run(ctx: &Ctx, args: &ExecArgs) -> Result<()> {
    if env::is_set(env::EXEC) && !args.overwrite {
        return Err(Error::usage(
            "this is already a program run by `fourgent connections exec` (FOURGENT_EXEC is set)",
        )
        .with_hint(
            "use the variables it was given, or pass `--override` to run another `exec` inside it",
        ));
    }
    if args.connections.is_empty() && args.env.is_empty() && args.env_files.is_empty() {
        return Err(Error::usage("no connection was named").with_hint(
            "name the connections the program uses, e.g. `fourgent connections exec hubspot/prod -- ./sync.sh`",
        ));
    }
    let chosen = choose(ctx, args)?;
    let apps: Vec<&str> = chosen.conns.iter().map(|c| c.app.as_str()).collect();
    let catalog = ctx.catalog_of(&apps)?;
    let plan = plan(&catalog, chosen, args)?;
    let creds = preflight(ctx, args, &plan)?;
    for target in &plan.targets {
        ctx.store().record(&crate::store::Event {
            conn: &target.conn,
            action: crate::store::Action::Use,
            detail: None,
        });
    }
    supervise(ctx, args, plan, creds)
}

/// The connections named, and what each variable asks of them.
struct Chosen {
    conns: Vec<Connection>,
    /// Connections named on their own: all their values, under the app's names.
    defaults: Vec<usize>,
    /// `--env` and env-file entries: name, connection, field, origin.
    explicit: Vec<(String, usize, Option<String>, String)>,
}

/// Resolves every connection named. Reads connections.toml only.
fn choose(ctx: &Ctx, args: &ExecArgs) -> Result<Chosen> {
    let mut from_files = Vec::new();
    for path in &args.env_files {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::usage(format!("cannot read the env file {}", path.display())).with_source(&e)
        })?;
        let entries = refs::parse_env_file(path, &text).map_err(|m| {
            Error::usage(m).with_hint(
                "each line is `NAME=fourgent://app/name` or `NAME=fourgent://app/name/field`",
            )
        })?;
        from_files.push((path, entries));
    }

    let all = ctx.store().load()?;
    let mut chosen: Vec<usize> = Vec::new();
    let mut pick = |selector: &Selector| -> Result<usize> {
        let i = super::naming::resolve(ctx, &all, selector)?;
        Ok(match chosen.iter().position(|&c| c == i) {
            Some(t) => t,
            None => {
                chosen.push(i);
                chosen.len() - 1
            }
        })
    };
    let mut defaults = Vec::new();
    for selector in &args.connections {
        defaults.push(pick(selector)?);
    }
    let mut explicit = Vec::new();
    for (name, value) in &args.env {
        catalog::valid_env_name(name).map_err(|e| Error::usage(format!("--env {name}: {e}")))?;
        let r = refs::parse_env_value(value, &all)
            .map_err(|e| Error::usage(format!("--env {name}={value}: {e}")))?;
        let t = pick(&r.selector)?;
        explicit.push((name.clone(), t, r.field, format!("--env {name}={value}")));
    }
    for (path, entries) in from_files {
        for e in entries {
            let Reference { selector, field } = e.reference;
            let t = pick(&selector)?;
            let origin = format!("{} line {}", path.display(), e.line);
            explicit.push((e.name, t, field, origin));
        }
    }
    let conns: Vec<Connection> = chosen.iter().map(|&i| all[i].clone()).collect();
    if let Some(conn) = conns.iter().find(|c| c.status == Status::NotConnected) {
        return Err(super::secret::not_connected(conn, "; nothing was run"));
    }
    Ok(Chosen {
        conns,
        defaults,
        explicit,
    })
}

/// Gives every variable a name and a value; usage errors come here, before
/// anything is read from a store or an app.
fn plan<'c>(catalog: &'c Catalog, chosen: Chosen, args: &ExecArgs) -> Result<Plan<'c>> {
    let Chosen {
        conns,
        defaults,
        explicit,
    } = chosen;
    let mut targets = Vec::with_capacity(conns.len());
    for conn in conns {
        let connector = super::naming::connector(catalog, &conn.app)?;
        targets.push(Target { conn, connector });
    }

    let mut bindings: Vec<Binding> = Vec::new();
    for &t in &defaults {
        for (name, value) in default_values(&targets[t]) {
            let origin = targets[t].conn.label();
            bind(
                &mut bindings,
                &targets,
                Binding {
                    name,
                    target: t,
                    value,
                    origin,
                },
            )?;
        }
    }
    for (name, t, field, origin) in explicit {
        let value = value_for(&targets[t], field.as_deref(), &origin)?;
        bind(
            &mut bindings,
            &targets,
            Binding {
                name,
                target: t,
                value,
                origin,
            },
        )?;
    }

    // An existing variable is never replaced without --override.
    if !args.overwrite {
        let file_names = args.token_file.is_some();
        for b in &bindings {
            let mut names = vec![b.name.clone()];
            if file_names && is_secret(&b.value) {
                names.push(format!("{}_FILE", b.name));
            }
            if let Some(taken) = names.into_iter().find(|n| env::is_set(n)) {
                return Err(Error::usage(format!(
                    "`{taken}` is already set; fourgent does not replace it (for {})",
                    b.origin
                ))
                .with_hint(format!(
                    "unset it, choose another name with `--env NAME={}`, or pass `--override` to replace it",
                    targets[b.target].conn.label()
                )));
            }
        }
    }
    Ok(Plan { targets, bindings })
}

fn is_secret(v: &Value) -> bool {
    matches!(v, Value::AccessToken | Value::Secret(_))
}

/// The variables a connection named on its own gives: the app's names for
/// its secret(s) and each of its values.
fn default_values(t: &Target<'_>) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    match t.conn.auth {
        AuthKind::OAuth2 => out.push((t.connector.env_var("access_token"), Value::AccessToken)),
        AuthKind::Custom => {
            for f in t.connector.secret_fields() {
                out.push((t.connector.env_var(&f.key), Value::Secret(f.key.clone())));
            }
        }
    }
    for key in t.conn.fields.keys() {
        out.push((t.connector.env_var(key), Value::Field(key.clone())));
    }
    out
}

/// The value `field` of a connection (none: its secret).
fn value_for(t: &Target<'_>, field: Option<&str>, origin: &str) -> Result<Value> {
    let label = t.conn.label();
    let secrets: Vec<&str> = t
        .connector
        .secret_fields()
        .map(|f| f.key.as_str())
        .collect();
    let Some(key) = field else {
        return match (t.conn.auth, secrets.as_slice()) {
            (AuthKind::OAuth2, _) => Ok(Value::AccessToken),
            (AuthKind::Custom, [one]) => Ok(Value::Secret((*one).to_owned())),
            (AuthKind::Custom, many) => Err(Error::usage(format!(
                "{label} has several secrets ({}); {origin} must name one",
                many.join(", ")
            ))
            .with_hint(format!(
                "add the field: `--env NAME={label}.{}` or `fourgent://{label}/{}` in an env file",
                many.first().unwrap_or(&"FIELD"),
                many.first().unwrap_or(&"FIELD")
            ))),
        };
    };
    if key == "access_token" && t.conn.auth == AuthKind::OAuth2 {
        return Ok(Value::AccessToken);
    }
    if secrets.contains(&key) {
        return Ok(Value::Secret(key.to_owned()));
    }
    if t.conn.fields.contains_key(key) {
        return Ok(Value::Field(key.to_owned()));
    }
    let mut known: Vec<String> = t.conn.fields.keys().cloned().collect();
    known.extend(secrets.iter().map(|s| (*s).to_owned()));
    if t.conn.auth == AuthKind::OAuth2 {
        known.push("access_token".into());
    }
    known.sort();
    Err(
        Error::usage(format!("{label} has no value `{key}` ({origin})")).with_hint(
            if known.is_empty() {
                format!("{label} has no values to choose from")
            } else {
                format!(
                    "its values are {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        ),
    )
}

/// Adds a variable; the same name for two different values is an error.
fn bind(bindings: &mut Vec<Binding>, targets: &[Target<'_>], b: Binding) -> Result<()> {
    let Some(other) = bindings.iter().find(|x| x.name == b.name) else {
        bindings.push(b);
        return Ok(());
    };
    if other.target == b.target && other.value == b.value {
        return Ok(());
    }
    let (a, z) = (&targets[other.target].conn, &targets[b.target].conn);
    let err = Error::usage(format!(
        "`{}` would be set twice: for {} and for {}",
        b.name, other.origin, b.origin
    ));
    Err(if a.app == z.app && a.id != z.id {
        let upper = |c: &Connection| {
            c.name
                .to_ascii_uppercase()
                .replace(['-', '.', '@', '+'], "_")
        };
        err.with_hint(format!(
            "two connections of {} need their own names: `--env {}_{}={} --env {}_{}={}`",
            a.app,
            upper(a),
            b.name,
            a.label(),
            upper(z),
            b.name,
            z.label()
        ))
    } else {
        err.with_hint("give one of them another name with `--env NAME=C[.FIELD]`")
    })
}

/// Loads every secret, refreshes tokens that would expire within
/// `--min-valid`, and checks the credentials with the apps.
fn preflight(ctx: &Ctx, args: &ExecArgs, plan: &Plan<'_>) -> Result<Vec<Credentials>> {
    let mut all = Vec::with_capacity(plan.targets.len());
    for (i, t) in plan.targets.iter().enumerate() {
        let label = t.conn.label();
        let creds = match t.conn.auth {
            AuthKind::OAuth2 => {
                let creds =
                    super::oauth::fresh_credentials(ctx, &t.conn, t.connector, args.min_valid)?;
                if creds.token.is_none() {
                    return Err(Error::new(
                        ErrorKind::Config,
                        format!("the stored secret of {label} holds no token"),
                    )
                    .with_hint(format!("run `fourgent connections reauthorize {label}`")));
                }
                creds
            }
            AuthKind::Custom => super::secret::load_secret(ctx, &t.conn)?,
        };
        for b in plan.bindings.iter().filter(|b| b.target == i) {
            if let Value::Secret(key) = &b.value
                && !creds.fields.contains_key(key)
            {
                return Err(Error::new(
                    ErrorKind::Auth,
                    format!("the stored secret of {label} has no `{key}`"),
                )
                .with_hint(format!(
                    "enter it with `fourgent connections reauthorize {label}`"
                )));
            }
        }
        all.push(creds);
    }
    if args.no_verify {
        return Ok(all);
    }
    let checked: Vec<usize> = (0..plan.targets.len())
        .filter(|&i| plan.targets[i].connector.check.is_some())
        .collect();
    if checked.is_empty() {
        return Ok(all);
    }
    let http = ctx.http()?;
    let outcomes = ctx.block_on(futures_util::future::join_all(checked.iter().map(|&i| {
        let t = &plan.targets[i];
        check::run(http, t.connector, &t.conn.fields, &all[i])
    })))?;
    for (&i, outcome) in checked.iter().zip(outcomes) {
        let t = &plan.targets[i];
        let label = t.conn.label();
        match outcome {
            Outcome::Accepted { .. } => {
                ctx.ui
                    .debug(|| format!("{} accepted the credentials of {label}", t.connector.name));
            }
            Outcome::Rejected { reason } => {
                return Err(Error::new(
                    ErrorKind::Auth,
                    format!(
                        "{} rejected the credentials of {label}: {reason}; nothing was run",
                        t.connector.name
                    ),
                )
                .with_hint(format!(
                    "run `fourgent connections status {label}` to record it, and `fourgent connections reauthorize {label}` to fix it"
                )));
            }
            Outcome::RateLimited { status, .. } => {
                return Err(Error::new(
                    ErrorKind::Network,
                    format!(
                        "cannot check {label}: {} is rate limiting (HTTP {status}); nothing was run",
                        t.connector.name
                    ),
                )
                .with_hint("try again later, or pass `--no-verify` to run without checking"));
            }
            Outcome::Failed { reason } => {
                return Err(Error::new(
                    ErrorKind::Network,
                    format!(
                        "cannot check {label} with {}: {reason}; nothing was run",
                        t.connector.name
                    ),
                )
                .with_hint("try again later, or pass `--no-verify` to run without checking"));
            }
        }
    }
    Ok(all)
}

/// Starts the child with its environment, serves it until it ends, and
/// exits with its status. Returns only on an error before the child runs.
fn supervise(ctx: &Ctx, args: &ExecArgs, plan: Plan<'_>, creds: Vec<Credentials>) -> Result<()> {
    let github = env::var(env::GITHUB_ACTIONS).as_deref() == Some("true");
    let masks = Masks::new(args.mask, github);
    let endpoint = endpoint::Endpoint::bind().map_err(|e| {
        Error::failure("cannot listen on 127.0.0.1 for the token endpoint").with_source(&e)
    })?;
    let sources: Vec<Source<'_>> = plan
        .targets
        .iter()
        .zip(creds)
        .map(|(t, c)| Source::new(t.conn.clone(), t.connector, ctx.secrets_for(&t.conn), c))
        .collect();
    let shared = Shared::new(
        ctx.store(),
        ctx.config_dir(),
        ctx.secrets(),
        ctx.http_timeout(),
        args.min_valid,
        &masks,
        &ctx.ui,
    );

    // The values, in the order they were asked for.
    let mut vars: Vec<(String, OsString)> = Vec::new();
    for b in &plan.bindings {
        let source = &sources[b.target];
        let value: Secret = match &b.value {
            Value::Field(key) => Secret::from(source.conn.fields[key].clone()),
            Value::AccessToken => source.get(&shared, None).map_err(|e| pre_run(b, e))?.secret,
            Value::Secret(key) => {
                source
                    .get(&shared, Some(key))
                    .map_err(|e| pre_run(b, e))?
                    .secret
            }
        };
        if value.expose_secret().contains('\0') {
            return Err(Error::new(
                ErrorKind::Config,
                format!(
                    "the value for `{}` ({}) holds a NUL character, which cannot be passed in the environment",
                    b.name, b.origin
                ),
            ));
        }
        vars.push((b.name.clone(), value.expose_secret().into()));
    }
    // Every secret of these connections is masked, and announced to
    // GitHub Actions, before the child starts.
    for (source, t) in sources.iter().zip(&plan.targets) {
        match t.conn.auth {
            AuthKind::OAuth2 => {
                if let Ok(s) = source.get(&shared, None) {
                    masks.add(&s.secret);
                }
            }
            AuthKind::Custom => {
                for f in t.connector.secret_fields() {
                    if let Ok(s) = source.get(&shared, Some(&f.key)) {
                        masks.add(&s.secret);
                    }
                }
            }
        }
    }
    masks.add(&Secret::from(endpoint.bearer().to_owned()));

    let mut files = match &args.token_file {
        Some(dir) => Some(TokenFiles::prepare(dir).map_err(|m| {
            Error::usage(format!("--token-file: {m}"))
                .with_hint("name a directory only you can read, or one that does not exist yet")
        })?),
        None => None,
    };
    if let Some(files) = &mut files {
        for b in plan.bindings.iter().filter(|b| is_secret(&b.value)) {
            let field = match &b.value {
                Value::Secret(k) => Some(k.clone()),
                _ => None,
            };
            let path = files.add(&b.name, b.target, field);
            vars.push((format!("{}_FILE", b.name), path.into_os_string()));
        }
        if let Err(m) = files.write_all(&sources, &shared) {
            files.remove(&ctx.ui);
            return Err(Error::failure(m));
        }
    }

    let mut child_env: Vec<(OsString, OsString)> = env::for_child()
        .into_iter()
        .filter(|(k, _)| !vars.iter().any(|(n, _)| k == n.as_str()))
        .collect();
    child_env.extend(vars.into_iter().map(|(k, v)| (k.into(), v)));
    child_env.push((env::EXEC.into(), "1".into()));
    child_env.push((env::TOKEN_URL.into(), endpoint.url().into()));
    child_env.push((env::TOKEN_AUTH.into(), endpoint.bearer().into()));
    ctx.ui.debug(|| {
        format!(
            "serving tokens at {} for {}",
            endpoint.url(),
            sources
                .iter()
                .map(|s| s.conn.label())
                .collect::<Vec<_>>()
                .join(", ")
        )
    });

    let mut command = std::process::Command::new(&args.command[0]);
    command.args(&args.command[1..]).env_clear().envs(child_env);
    if masks.enabled() {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }

    let terminal = forward::in_terminal_foreground();
    // From here fourgent does not die of SIGINT, SIGTERM or SIGHUP: they
    // are the child's to act on.
    let absorbed = crate::signals::absorb();
    let forwarding = forward::install(terminal);
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    let ui = &ctx.ui;
    let outcome = std::thread::scope(|s| {
        let (endpoint, sources, shared, masks, files) =
            (&endpoint, &sources[..], &shared, &masks, &files);
        let stop_tx = stop_tx;
        s.spawn(move || endpoint.serve(s, sources, shared));
        if let Some(files) = files {
            s.spawn(move || files.keep(sources, shared, ui, &stop_rx));
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                endpoint.stop();
                drop(stop_tx);
                return Err(e);
            }
        };
        forwarding.started(child.id());
        if let Some(out) = child.stdout.take() {
            s.spawn(move || masks.pump(out, true));
        }
        if let Some(err) = child.stderr.take() {
            s.spawn(move || masks.pump(err, false));
        }
        let status = forwarding.wait(&mut child);
        endpoint.stop();
        drop(stop_tx);
        Ok(status)
    });
    drop(forwarding);
    drop(absorbed);
    if let Some(files) = &files {
        files.remove(ui);
    }
    match outcome {
        Ok(status) => {
            let code = forward::exit_code(status);
            ui.debug(|| format!("the program ended with {code}"));
            std::process::exit(code)
        }
        Err(e) => {
            let program = PathBuf::from(&args.command[0]);
            let (code, hint) = if e.kind() == std::io::ErrorKind::NotFound {
                (127, "check the name, or give the program's path")
            } else {
                (126, "check that it is a program you may run (`chmod +x`)")
            };
            let err = Error::failure(format!("cannot run `{}`", program.display()))
                .with_source(&e)
                .with_hint(hint);
            ui.error(&err, false);
            std::process::exit(code)
        }
    }
}

fn pre_run(b: &Binding, e: tokens::Failure) -> Error {
    Error::failure(format!(
        "cannot give `{}` ({}) its value: {e}",
        b.name, b.origin
    ))
}
