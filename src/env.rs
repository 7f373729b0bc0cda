//! Every environment variable fourgent reads, in one place.
//!
//! Clap reads the ones tied to global options (`env = …` in `cli.rs`); the
//! rest are read through the functions here (by `context.rs`, and by a
//! command for a variable the user named or one that only it uses).

/// Where the config files live (same as `--config-dir`).
pub const CONFIG_DIR: &str = "FOURGENT_CONFIG_DIR";
/// `keyring` or `file` (same as `--secret-store`).
pub const SECRET_STORE: &str = "FOURGENT_SECRET_STORE";
/// `1`, `true`, `yes` or `on` never prompts (same as `--no-input`); `0`,
/// `false`, `no`, `off` or empty leave prompting as it is.
pub const NO_INPUT: &str = "FOURGENT_NO_INPUT";
/// Seconds a single keychain call may take before it is given up (default 10).
pub const KEYCHAIN_TIMEOUT: &str = "FOURGENT_KEYCHAIN_TIMEOUT";
/// Seconds an HTTP request to an app may take (default 30).
pub const HTTP_TIMEOUT: &str = "FOURGENT_HTTP_TIMEOUT";
/// The team store's key (base64), instead of the one in the OS keychain.
pub const STORE_KEY: &str = "FOURGENT_STORE_KEY";
/// Seconds a connection to the team store, or one request, may take (default 10).
pub const STORE_TIMEOUT: &str = "FOURGENT_STORE_TIMEOUT";
/// Who runs fourgent, for the team store's history (`USER`, else `LOGNAME`, `USERNAME`).
pub const USER: &str = "USER";
pub const LOGNAME: &str = "LOGNAME";
pub const USERNAME: &str = "USERNAME";
/// A team store's URL (same as `--store`).
pub const STORE: &str = "FOURGENT_STORE";
/// Set by CI systems: unless empty, `0`, `false` or `no`, fourgent never prompts.
pub const CI: &str = "CI";
/// When non-empty, colour is off unless `--color always` is given.
pub const NO_COLOR: &str = "NO_COLOR";
/// The base of the default config dir: `$XDG_CONFIG_HOME/fourgent`.
pub const XDG_CONFIG_HOME: &str = "XDG_CONFIG_HOME";
/// Commands that open URLs, `:`-separated (the URL is the last argument, or replaces `%s`).
pub const BROWSER: &str = "BROWSER";
/// Used for `~/.config` when `XDG_CONFIG_HOME` is not set.
pub const HOME: &str = "HOME";

/// Set by `connections exec` for its child (`1`); a nested `exec` refuses
/// to run without `--override`.
pub const EXEC: &str = "FOURGENT_EXEC";
/// Set by `connections exec` for its child: the loopback address that
/// serves fresh tokens (`$FOURGENT_TOKEN_URL/<app>/<name>`).
pub const TOKEN_URL: &str = "FOURGENT_TOKEN_URL";
/// Set by `connections exec` for its child: the bearer token the token
/// endpoint wants, random for each run.
pub const TOKEN_AUTH: &str = "FOURGENT_TOKEN_AUTH";
/// Set to `true` by GitHub Actions: `exec --mask` then also prints
/// `::add-mask::` for each secret.
pub const GITHUB_ACTIONS: &str = "GITHUB_ACTIONS";

/// Whether a variable of fourgent's environment is kept from the programs
/// `exec` runs: OAuth client secrets (`FOURGENT_<APP>_CLIENT_SECRET`), the
/// team store's key and URL (`FOURGENT_STORE_KEY`, `FOURGENT_STORE`), and the variables that `exec`
/// sets itself.
pub fn withheld_from_children(name: &std::ffi::OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let upper = name.to_ascii_uppercase();
    (upper.starts_with("FOURGENT_") && upper.ends_with("_CLIENT_SECRET"))
        || upper == "FOURGENT_STORE_KEY"
        // The team store's URL may hold its password.
        || upper == "FOURGENT_STORE"
        || [EXEC, TOKEN_URL, TOKEN_AUTH].contains(&upper.as_str())
}

/// fourgent's environment without what [`withheld_from_children`] keeps
/// back: the start of a child's environment.
pub fn for_child() -> Vec<(std::ffi::OsString, std::ffi::OsString)> {
    std::env::vars_os()
        .filter(|(k, _)| !withheld_from_children(k))
        .collect()
}

/// `FOURGENT_<APP>_CLIENT_ID`: the OAuth client ID for an app.
pub fn client_id_var(app: &str) -> String {
    format!("FOURGENT_{}_CLIENT_ID", app_var_part(app))
}

/// `FOURGENT_<APP>_CLIENT_SECRET`: the OAuth client secret for an app.
pub fn client_secret_var(app: &str) -> String {
    format!("FOURGENT_{}_CLIENT_SECRET", app_var_part(app))
}

/// The connector ID in upper case with `-` as `_` (`visma-economic` → `VISMA_ECONOMIC`).
fn app_var_part(app: &str) -> String {
    app.chars()
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// A variable's value, or `None` when unset or empty.
pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A variable the user named (`--secret-env KEY=VAR`), as it is: unset,
/// not UTF-8, or its value (which may be empty).
pub fn named_var(name: &str) -> Result<String, std::env::VarError> {
    std::env::var(name)
}

/// Whether a variable is set at all (even to an empty value).
pub fn is_set(name: &str) -> bool {
    std::env::var_os(name).is_some()
}

/// Whether `CI` says this is a CI run: set to anything but an empty
/// value, `0`, `false` or `no` (any case), as CI systems and people write it.
pub fn is_ci() -> bool {
    std::env::var_os(CI).is_some_and(|v| ci_value_means_ci(&v.to_string_lossy()))
}

fn ci_value_means_ci(v: &str) -> bool {
    let v = v.trim();
    !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("no"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ci_false_zero_and_empty_are_not_ci() {
        for v in ["", "0", "false", "FALSE", "no", " false "] {
            assert!(!super::ci_value_means_ci(v), "{v:?}");
        }
        for v in ["true", "1", "yes", "github"] {
            assert!(super::ci_value_means_ci(v), "{v:?}");
        }
    }

    #[test]
    fn children_never_get_client_secrets_or_the_store_key() {
        use std::ffi::OsStr;
        for name in [
            "FOURGENT_HUBSPOT_CLIENT_SECRET",
            "FOURGENT_VISMA_ECONOMIC_CLIENT_SECRET",
            "fourgent_store_key",
            "FOURGENT_STORE_KEY",
            "FOURGENT_STORE",
            "FOURGENT_TOKEN_AUTH",
        ] {
            assert!(super::withheld_from_children(OsStr::new(name)), "{name}");
        }
        for name in [
            "FOURGENT_CONFIG_DIR",
            "FOURGENT_HUBSPOT_CLIENT_ID",
            "PATH",
            "CLIENT_SECRET",
        ] {
            assert!(!super::withheld_from_children(OsStr::new(name)), "{name}");
        }
    }

    #[test]
    fn app_variable_names_follow_product_rule() {
        assert_eq!(
            super::client_id_var("visma-economic"),
            "FOURGENT_VISMA_ECONOMIC_CLIENT_ID"
        );
        assert_eq!(
            super::client_secret_var("hubspot"),
            "FOURGENT_HUBSPOT_CLIENT_SECRET"
        );
    }
}
