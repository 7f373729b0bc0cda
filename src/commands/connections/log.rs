//! `connections log`: the team store's history.

use crate::cli::LogArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::team::events;
use crate::ui::render;

pub(crate) fn run(ctx: &Ctx, args: &LogArgs) -> Result<()> {
    let Some(team) = ctx.team() else {
        return Err(Error::usage(
            "this machine's own store keeps no history; `connections log` shows a team store's",
        )
        .with_hint(
            "pass `--store postgres://…` (or set FOURGENT_STORE) to read a team store's history",
        ));
    };
    let id = match &args.connection {
        None => None,
        Some(selector) => {
            let conns = ctx.store().load()?;
            let i = super::naming::resolve(ctx, &conns, selector)?;
            Some(conns[i].id.to_string())
        }
    };
    team.checked()?;
    let entries = events::history(team, id.as_deref(), i64::from(args.limit))
        .map_err(|e| e.at(team.shown()))?;
    if args.json {
        let text = serde_json::to_string_pretty(&entries).expect("events serialize");
        return ctx.ui.out(&format!("{text}\n"));
    }
    if entries.is_empty() {
        ctx.ui.status("No events yet.");
        return Ok(());
    }
    let tty = ctx.ui.stdout_is_tty();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                if tty {
                    render::local_time(e.at)
                } else {
                    e.at.to_string()
                },
                format!("{}@{}", e.user, e.host),
                e.action.clone(),
                e.connection.clone(),
                e.detail.clone().unwrap_or_default(),
            ]
        })
        .collect();
    if tty {
        let style = render::TableStyle {
            color: ctx.ui.color_stdout(),
            width: ctx.ui.width(),
        };
        let headers = ["WHEN", "WHO", "WHAT", "CONNECTION", "DETAIL"];
        ctx.ui.out(&render::table(&headers, rows, None, style))
    } else {
        let text: String = rows.iter().map(|r| render::tsv_line(r)).collect();
        ctx.ui.out(&text)
    }
}
