//! `fourgent generate`: shell completions and man pages from the clap
//! definition. The committed copies in `completions/` and `man/` are checked
//! against these by a test.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, GenerateArgs, GenerateWhat};
use crate::context::Ctx;
use crate::error::{Error, Result};

/// Every completion script: (path below the repo root, content).
pub fn completions() -> Vec<(PathBuf, Vec<u8>)> {
    [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ]
    .into_iter()
    .map(|shell| {
        let mut cmd = Cli::command();
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "fourgent", &mut buf);
        let name = match shell {
            Shell::Bash => "fourgent.bash",
            Shell::Zsh => "_fourgent",
            Shell::Fish => "fourgent.fish",
            Shell::Elvish => "fourgent.elv",
            _ => "_fourgent.ps1",
        };
        (Path::new("completions").join(name), buf)
    })
    .collect()
}

/// A man page per command: (path below the repo root, content).
pub fn man_pages() -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(cmd: clap::Command, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out);
        }
        let man = clap_mangen::Man::new(cmd);
        let mut buf = Vec::new();
        man.render(&mut buf)
            .expect("rendering to memory cannot fail");
        out.push((Path::new("man").join(man.get_filename()), buf));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, &mut out);
    out.sort();
    out
}

pub(crate) fn run(ctx: &Ctx, args: &GenerateArgs) -> Result<()> {
    let mut files = Vec::new();
    if matches!(args.what, GenerateWhat::Completions | GenerateWhat::All) {
        files.extend(completions());
    }
    if matches!(args.what, GenerateWhat::Man | GenerateWhat::All) {
        files.extend(man_pages());
    }
    for (rel, content) in files {
        let path = args.out_dir.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::failure(format!("cannot create {}", dir.display())).with_source(&e)
            })?;
        }
        std::fs::write(&path, content).map_err(|e| {
            Error::failure(format!("cannot write {}", path.display())).with_source(&e)
        })?;
        ctx.ui.status(&format!("wrote {}", path.display()));
    }
    Ok(())
}
