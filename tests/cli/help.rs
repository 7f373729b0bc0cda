//! Every `--help` is snapshotted, so a change to the interface shows up in
//! review. Update with `INSTA_UPDATE=always cargo test --test cli help`.

use clap::CommandFactory;

use crate::common::TestEnv;

fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(prefix.clone());
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut p = prefix.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&fourgent::cli::Cli::command(), Vec::new(), &mut out);
    out
}

#[test]
fn every_help_text_matches_its_snapshot() {
    let env = TestEnv::new();
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let run = env.run(&args).success();
        let name = if path.is_empty() {
            "fourgent".to_owned()
        } else {
            format!("fourgent-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, run.stdout);
    }
}

#[test]
fn no_arguments_prints_the_overview_and_succeeds() {
    let env = TestEnv::new();
    let run = env.run(&[]).success();
    assert!(run.stdout.contains("connections"), "{run:?}");
    assert!(run.stdout.contains("connectors"), "{run:?}");
}

#[test]
fn long_help_lists_every_exit_code() {
    let env = TestEnv::new();
    let run = env.run(&["--help"]).success();
    for kind in fourgent::error::ErrorKind::ALL {
        let line = format!("  {:<4} {}", kind.exit_code(), kind.describe());
        assert!(run.stdout.contains(&line), "missing `{line}` in --help");
    }
}
