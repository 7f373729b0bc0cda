//! `fourgent connections show`

use super::naming;
use crate::cli::ShowArgs;
use crate::context::Ctx;
use crate::error::Result;
use crate::ui::render;

pub(crate) fn run(ctx: &Ctx, args: &ShowArgs) -> Result<()> {
    let conns = ctx.store().load()?;
    let conn = &conns[naming::resolve(ctx, &conns, &args.connection)?];
    if args.json {
        let json = serde_json::to_string_pretty(&render::connection_json(conn))
            .expect("JSON values serialize");
        ctx.ui.out(&format!("{json}\n"))
    } else {
        ctx.ui
            .out(&render::show(conn, crate::model::connection::now()))
    }
}
