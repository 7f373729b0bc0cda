//! The generated and written docs stay in step with the code.

use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const REGENERATE: &str = "cargo run -- generate all --out-dir .";

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let mut stale = Vec::new();
    let files = fourgent::generate::completions()
        .into_iter()
        .chain(fourgent::generate::man_pages());
    let mut expected_man = Vec::new();
    for (rel, content) in files {
        if rel.starts_with("man") {
            expected_man.push(rel.file_name().unwrap().to_owned());
        }
        match std::fs::read(repo().join(&rel)) {
            Ok(committed) if committed == content => {}
            _ => stale.push(rel.display().to_string()),
        }
    }
    // No page for a command that no longer exists.
    for entry in std::fs::read_dir(repo().join("man")).unwrap().flatten() {
        if !expected_man.contains(&entry.file_name()) {
            stale.push(format!(
                "man/{} (no such command)",
                entry.file_name().to_string_lossy()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}\nregenerate with `{REGENERATE}` and commit the result"
    );
}

#[test]
fn readme_documents_every_exit_code() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for kind in fourgent::error::ErrorKind::ALL {
        let row = format!("| {} | {} |", kind.exit_code(), kind.describe());
        assert!(
            readme.contains(&row),
            "README.md lacks the exit-code row `{row}`"
        );
    }
}

#[test]
fn readme_commands_exist() {
    // Every `fourgent …` command in the README (code blocks and inline code)
    // parses with the current CLI.
    use clap::Parser;
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let inline = regex::Regex::new(r"`(fourgent [^`]+)`").unwrap();
    let mut commands: Vec<String> = inline
        .captures_iter(&readme)
        .map(|c| c[1].to_owned())
        .collect();
    let mut in_code = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let line = line.trim().trim_start_matches("$ ");
        if in_code && line.starts_with("fourgent ") {
            commands.push(line.to_owned());
        }
    }
    for command in &commands {
        let words: Vec<&str> = command
            .split_whitespace()
            .skip(1)
            .take_while(|w| {
                !w.starts_with('#') && !w.starts_with('|') && *w != "||" && *w != "\\" && *w != "/"
            })
            .collect();
        let args = std::iter::once("fourgent").chain(
            words
                .iter()
                .map(|w| w.trim_matches(|c| c == '"' || c == '\'' || c == ')')),
        );
        if let Err(e) = fourgent::cli::Cli::try_parse_from(args) {
            use clap::error::ErrorKind::*;
            if !matches!(
                e.kind(),
                DisplayHelp
                    | DisplayVersion
                    | DisplayHelpOnMissingArgumentOrSubcommand
                    | MissingRequiredArgument
            ) {
                panic!("README command does not parse: `{command}`\n{e}");
            }
        }
    }
    assert!(
        commands.len() >= 20,
        "only {} commands found in README.md",
        commands.len()
    );
}

#[test]
fn security_md_names_tests_that_exist() {
    // Each promise in SECURITY.md names the tests that hold it; a renamed or
    // removed test must not leave the page pointing at nothing.
    let page = std::fs::read_to_string(repo().join("SECURITY.md")).unwrap();
    let mut sources = String::new();
    for dir in ["src", "tests"] {
        let mut stack = vec![repo().join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(d).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    sources.push_str(&std::fs::read_to_string(p).unwrap());
                }
            }
        }
    }
    let name = regex::Regex::new(r"`([a-z_]+(?:::[a-z_*]+)+)`").unwrap();
    let mut checked = 0;
    for cap in name.captures_iter(&page) {
        let last = cap[1].rsplit("::").next().unwrap();
        if last == "*" {
            continue;
        }
        assert!(
            sources.contains(&format!("fn {last}(")),
            "SECURITY.md names `{}`, which is not a test",
            &cap[1]
        );
        checked += 1;
    }
    assert!(
        checked >= 20,
        "only {checked} test names found in SECURITY.md"
    );
}
