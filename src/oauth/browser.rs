//! Opening the authorization URL: `$BROWSER` when set (a command; the URL is
//! its last argument, or replaces `%s`), else the platform opener. The URL is
//! always printed too, by the caller.

use std::process::{Command, Stdio};

/// Starts the browser without waiting for it. `Err` says why it could not.
pub fn open(url: &str, browser_env: Option<String>) -> Result<(), String> {
    match browser_env {
        Some(cmdline) => {
            let mut words = cmdline.split_whitespace();
            let program = words.next().ok_or("BROWSER is empty")?;
            let mut args: Vec<String> = words.map(str::to_owned).collect();
            if args.iter().any(|a| a.contains("%s")) {
                for a in &mut args {
                    *a = a.replace("%s", url);
                }
            } else {
                args.push(url.to_owned());
            }
            Command::new(program)
                .args(&args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map(drop)
                .map_err(|e| format!("cannot run BROWSER command `{program}`: {e}"))
        }
        None => open::that_detached(url).map_err(|e| format!("cannot open a browser: {e}")),
    }
}
