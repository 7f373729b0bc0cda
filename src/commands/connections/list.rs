//! `fourgent connections list`: reads connections.toml, nothing else.

use std::io::Write;

use crate::cli::{ListArgs, SortKey, StatusFilter};
use crate::context::Ctx;
use crate::error::Result;
use crate::model::{Connection, Status};
use crate::ui::render::{self, TableStyle};
use crate::ui::stdout_write_error;

pub(crate) fn run(ctx: &Ctx, args: &ListArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let wanted = |c: &&Connection| {
        args.app.as_deref().is_none_or(|a| c.app == a)
            && args.status.is_none_or(|s| {
                c.status
                    == match s {
                        StatusFilter::Connected => Status::Connected,
                        StatusFilter::NotConnected => Status::NotConnected,
                    }
            })
    };
    let now = crate::model::connection::now();
    let mut conns = conns;
    if let Some(key) = args.sort.or((!args.json).then_some(SortKey::App)) {
        sort(&mut conns, key);
    }

    if args.json {
        let mut out = ctx.ui.out_writer();
        out.write_all(b"[").map_err(stdout_write_error)?;
        for (i, c) in conns.iter().filter(wanted).enumerate() {
            let sep: &[u8] = if i == 0 { b"\n  " } else { b",\n  " };
            out.write_all(sep).map_err(stdout_write_error)?;
            serde_json::to_writer(&mut out, &render::ConnectionView::new(c))
                .map_err(|e| stdout_write_error(e.into()))?;
        }
        out.write_all(if conns.iter().any(|c| wanted(&c)) {
            b"\n]\n"
        } else {
            b"]\n"
        })
        .and_then(|()| out.flush())
        .map_err(stdout_write_error)?;
        return Ok(());
    }

    let shown: Vec<&Connection> = conns.iter().filter(wanted).collect();
    if shown.is_empty() {
        if conns.is_empty() {
            ctx.ui
                .status("No connections yet. Add one with `fourgent connections add <APP>`.");
        } else {
            ctx.ui.status("No connections match.");
        }
        return Ok(());
    }
    if !ctx.ui.stdout_is_tty() {
        // Streamed: one tab-separated line per connection, no header.
        let mut out = ctx.ui.out_writer();
        for c in shown {
            out.write_all(render::list_line(c, now).as_bytes())
                .map_err(stdout_write_error)?;
        }
        return out.flush().map_err(stdout_write_error);
    }
    let rows = shown
        .iter()
        .map(|c| render::list_row(c, now, true).to_vec())
        .collect();
    let style = TableStyle {
        color: ctx.ui.color_stdout(),
        width: ctx.ui.width(),
    };
    // NAME, APP and ACCOUNT give way (with `…`) so that a row stays one
    // line; the full values are in `show` and `--json`.
    ctx.ui.out(&render::fitted_table(
        &render::LIST_HEADERS,
        rows,
        &[0, 2, 5],
        Some(4),
        style,
    ))
}

/// Orders connections for `list`; ties keep the file's order.
fn sort(conns: &mut [Connection], key: SortKey) {
    let app_name = |c: &Connection| (c.app.to_ascii_lowercase(), c.name.to_ascii_lowercase());
    match key {
        SortKey::App => conns.sort_by_cached_key(app_name),
        SortKey::Name => conns.sort_by_cached_key(|c| {
            let (app, name) = app_name(c);
            (name, app)
        }),
        SortKey::Status => {
            conns.sort_by_cached_key(|c| (c.status == Status::Connected, app_name(c)))
        }
        SortKey::Created => conns.sort_by_key(|c| c.created_at),
        SortKey::Checked => conns.sort_by_key(|c| c.last_check.as_ref().map(|l| l.at)),
    }
}
