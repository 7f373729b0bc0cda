//! Every environment variable fourgent reads, in one place.
//!
//! Clap reads the ones tied to global options (`env = …` in `cli.rs`); the
//! rest are read through the functions here, from `context.rs` only.

/// Where the config files live (same as `--config-dir`).
pub const CONFIG_DIR: &str = "FOURGENT_CONFIG_DIR";
/// `keyring` or `file` (same as `--secret-store`).
pub const SECRET_STORE: &str = "FOURGENT_SECRET_STORE";
/// `1` never prompts (same as `--no-input`).
pub const NO_INPUT: &str = "FOURGENT_NO_INPUT";
/// Seconds a single keychain call may take before it is given up (default 10).
pub const KEYCHAIN_TIMEOUT: &str = "FOURGENT_KEYCHAIN_TIMEOUT";
/// Seconds an HTTP request to an app may take (default 30).
pub const HTTP_TIMEOUT: &str = "FOURGENT_HTTP_TIMEOUT";
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
