//! What the names typed on the command line stand for: a selector (ID,
//! `app/name` or name) names connections, an app ID names a connector, and
//! a new connection gets a name that is valid and not taken.

use crate::catalog::{Catalog, Connector};
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::model::connection::{same_name, suggest_name, validate_name};
use crate::model::{Connection, Resolved, Selector};

/// The index of the one connection `selector` names. An ambiguous name asks
/// which one on a terminal, and fails listing the candidates otherwise.
pub(crate) fn resolve(ctx: &Ctx, conns: &[Connection], selector: &Selector) -> Result<usize> {
    match selector.resolve(conns) {
        Resolved::One(i) => Ok(i),
        Resolved::None { suggestions } => {
            let err = Error::new(
                ErrorKind::NotFound,
                format!("no connection matches `{selector}`"),
            );
            Err(match suggestions.as_slice() {
                [] if conns.is_empty() => {
                    err.with_hint("there are no connections yet; add one with `fourgent connections add <APP>`")
                }
                [] => err.with_hint("run `fourgent connections list` to see all connections"),
                [one] => err.with_hint(format!(
                    "did you mean `{one}`? Run `fourgent connections list` to see all connections"
                )),
                many => err.with_hint(format!(
                    "did you mean one of {}? Run `fourgent connections list` to see all connections",
                    many.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                )),
            })
        }
        Resolved::Ambiguous(candidates) => {
            let labels: Vec<String> = candidates
                .iter()
                .map(|&i| conns[i].label_with_id())
                .collect();
            if ctx.ui.can_prompt() {
                let pick = ctx.ui.select(
                    &format!(
                        "`{selector}` matches {} connections; which one?",
                        labels.len()
                    ),
                    &labels,
                    "",
                )?;
                return Ok(candidates[pick]);
            }
            Err(Error::new(
                ErrorKind::NotFound,
                format!(
                    "`{selector}` matches {} connections: {}",
                    labels.len(),
                    labels.join(", ")
                ),
            )
            .with_hint(format!(
                "name one by ID or as `app/name`, e.g. `fourgent connections show {}`",
                conns[candidates[0]].label()
            )))
        }
    }
}

/// The indices of the connections `selectors` name, each once, in the
/// order given.
pub(crate) fn resolve_indices(
    ctx: &Ctx,
    conns: &[Connection],
    selectors: &[Selector],
) -> Result<Vec<usize>> {
    let mut targets: Vec<usize> = Vec::new();
    for s in selectors {
        let i = resolve(ctx, conns, s)?;
        if !targets.contains(&i) {
            targets.push(i);
        }
    }
    Ok(targets)
}

/// The connections `selectors` name, each once, in the order given.
pub(crate) fn resolve_all(
    ctx: &Ctx,
    conns: &[Connection],
    selectors: &[Selector],
) -> Result<Vec<Connection>> {
    let targets = resolve_indices(ctx, conns, selectors)?;
    Ok(targets.into_iter().map(|i| conns[i].clone()).collect())
}

/// The connector of an app ID, or a not-found error with suggestions.
pub(crate) fn connector<'a>(catalog: &'a Catalog, app: &str) -> Result<&'a Connector> {
    catalog.get(app).ok_or_else(|| {
        let err = Error::new(ErrorKind::NotFound, format!("there is no app `{app}`"));
        let suggestions = catalog.suggest(app);
        if suggestions.is_empty() {
            err.with_hint("run `fourgent connectors list` to see the apps, or add your own in connectors.toml")
        } else {
            err.with_hint(format!(
                "did you mean {}? Run `fourgent connectors list` to see the apps",
                suggestions.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
            ))
        }
    })
}

/// The name of a new connection of `connector`: `given` (`--name`), or at a
/// terminal what the user types (suggesting a free one), or else the
/// suggestion. At a terminal a bad or taken name is asked again (3 tries in
/// all); a script fails at once.
pub(crate) fn new_name(
    ctx: &Ctx,
    existing: &[Connection],
    connector: &Connector,
    given: Option<&str>,
) -> Result<String> {
    let suggestion = suggest_name(existing.iter(), &connector.id);
    let check = |name: &str| -> Result<()> {
        validate_name(name).map_err(|m| Error::usage(m).with_hint("pass another `--name`"))?;
        ensure_name_free(existing, &connector.id, name)
    };
    let ask = |default: &str| {
        ctx.ui.input(
            &format!("Name for this {} connection", connector.name),
            Some(default),
            "",
        )
    };
    let mut name = match given {
        Some(n) => n.to_owned(),
        None if ctx.ui.can_prompt() => ask(&suggestion)?,
        None => suggestion.clone(),
    };
    let mut tries = 1;
    while let Err(e) = check(&name) {
        if !ctx.ui.can_prompt() || tries == 3 {
            return Err(e);
        }
        ctx.ui.warn(&format!("{}; try another name", e.message()));
        name = ask(&suggestion)?;
        tries += 1;
    }
    Ok(name)
}

/// Fails when a connection of `app` already has `name`.
pub(crate) fn ensure_name_free(conns: &[Connection], app: &str, name: &str) -> Result<()> {
    match conns.iter().find(|c| c.app == app && same_name(&c.name, name)) {
        Some(taken) => Err(Error::usage(format!(
            "a connection named `{}` already exists ({})",
            taken.label(),
            taken.id
        ))
        .with_hint(format!(
            "choose another `--name`, or replace its credentials with `fourgent connections reauthorize {}`",
            taken.label()
        ))),
        None => Ok(()),
    }
}
