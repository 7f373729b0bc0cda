//! How the user names the variables of `exec`: `--env NAME=C[.FIELD]` and
//! env files of `NAME=fourgent://app/name[/field]` lines.
//!
//! An env file uses dotenv's syntax (comments, blank lines, optional
//! quotes, an `export ` prefix) so that a repository can commit which
//! connections a program uses, and no secret: every value must be a
//! `fourgent://` reference.

use std::path::Path;

use crate::model::{Connection, Resolved, Selector};

/// A variable's value as the user wrote it: a connection and, optionally,
/// which of its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reference {
    pub selector: Selector,
    pub field: Option<String>,
}

/// One `NAME=reference` from an env file, with its line for messages.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FileEntry {
    pub name: String,
    pub reference: Reference,
    pub line: usize,
}

/// The entries of an env file, or the first line that is wrong.
pub(crate) fn parse_env_file(path: &Path, text: &str) -> Result<Vec<FileEntry>, String> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let at = |msg: String| format!("{} line {line}: {msg}", path.display());
        let mut rest = raw.trim();
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some(after) = rest.strip_prefix("export")
            && after.starts_with([' ', '\t'])
        {
            rest = after.trim_start();
        }
        let Some((name, value)) = rest.split_once('=') else {
            return Err(at("expected `NAME=fourgent://app/name[/field]`".into()));
        };
        let name = name.trim_end();
        crate::catalog::valid_env_name(name).map_err(at)?;
        let value = unquote(value.trim_start()).map_err(at)?;
        let reference = parse_uri(&value).map_err(at)?;
        out.push(FileEntry {
            name: name.to_owned(),
            reference,
            line,
        });
    }
    Ok(out)
}

/// A dotenv value: quoted (single or double, no escapes) or bare, with a
/// ` # comment` after it.
fn unquote(value: &str) -> Result<String, String> {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q) {
            let Some(end) = inner.find(q) else {
                return Err(format!("the value has no closing {q}"));
            };
            let after = inner[end + 1..].trim_start();
            if !after.is_empty() && !after.starts_with('#') {
                return Err(format!("unexpected text after the closing {q}"));
            }
            return Ok(inner[..end].to_owned());
        }
    }
    let bare = match value.find([' ', '\t']) {
        Some(i) if value[i..].trim_start().starts_with('#') => &value[..i],
        _ => value,
    };
    Ok(bare.trim_end().to_owned())
}

/// `fourgent://app/name[/field]` or `fourgent://ID[/field]`.
pub(crate) fn parse_uri(value: &str) -> Result<Reference, String> {
    let Some(rest) = value.strip_prefix("fourgent://") else {
        return Err(format!(
            "`{}` is not a fourgent:// reference; an env file names connections, never secrets",
            crate::sanitize::sanitize(value, 40)
        ));
    };
    let bad = || {
        format!(
            "`{}` is not of the form fourgent://app/name[/field]",
            crate::sanitize::sanitize(value, 80)
        )
    };
    let parts: Vec<&str> = rest.split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(bad());
    }
    let (selector, field) = match parts.as_slice() {
        [id] => (id.parse::<Selector>().map_err(|_| bad())?, None),
        [first, second] if crate::model::ConnectionId::looks_like_id(first) => {
            (first.parse::<Selector>().map_err(|_| bad())?, Some(*second))
        }
        [app, name] => (format!("{app}/{name}").parse().map_err(|_| bad())?, None),
        [app, name, field] => (
            format!("{app}/{name}").parse().map_err(|_| bad())?,
            Some(*field),
        ),
        _ => return Err(bad()),
    };
    if matches!(selector, Selector::Name(_)) {
        // `fourgent://prod` alone: a bare name needs its app here.
        return Err(bad());
    }
    Ok(Reference {
        selector,
        field: field.map(str::to_owned),
    })
}

/// `C[.FIELD]` from `--env`: the whole text when it names a connection
/// (names may contain dots), else split at the last dot.
pub(crate) fn parse_env_value(value: &str, conns: &[Connection]) -> Result<Reference, String> {
    let whole = value.parse::<Selector>();
    if let Ok(selector) = &whole
        && !matches!(selector.resolve(conns), Resolved::None { .. })
    {
        return Ok(Reference {
            selector: selector.clone(),
            field: None,
        });
    }
    if let Some((conn, field)) = value.rsplit_once('.')
        && !field.is_empty()
        && !field.contains('/')
        && let Ok(selector) = conn.parse::<Selector>()
        && !matches!(selector.resolve(conns), Resolved::None { .. })
    {
        return Ok(Reference {
            selector,
            field: Some(field.to_owned()),
        });
    }
    // Nothing matches: report it against the whole text.
    Ok(Reference {
        selector: whole?,
        field: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;

    fn sel(s: &str) -> Selector {
        s.parse().unwrap()
    }

    #[test]
    fn env_files_use_dotenv_syntax() {
        let text = "\
# which connections the sync uses
HUBSPOT_TOKEN=fourgent://hubspot/prod

export STRIPE_KEY = \"fourgent://stripe/prod\"   # the live key
REALM='fourgent://quickbooks/main/realmId'
BY_ID=fourgent://c_7k2m9qx4/api_key # comment
";
        let entries = parse_env_file(Path::new(".env"), text).unwrap();
        let got: Vec<(&str, Reference, usize)> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.reference.clone(), e.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "HUBSPOT_TOKEN",
                    Reference {
                        selector: sel("hubspot/prod"),
                        field: None
                    },
                    2
                ),
                (
                    "STRIPE_KEY",
                    Reference {
                        selector: sel("stripe/prod"),
                        field: None
                    },
                    4
                ),
                (
                    "REALM",
                    Reference {
                        selector: sel("quickbooks/main"),
                        field: Some("realmId".into())
                    },
                    5
                ),
                (
                    "BY_ID",
                    Reference {
                        selector: sel("c_7k2m9qx4"),
                        field: Some("api_key".into())
                    },
                    6
                ),
            ]
        );
    }

    #[test]
    fn env_files_hold_references_only() {
        for (text, says) in [
            ("API_KEY=sk_live_123\n", "not a fourgent:// reference"),
            ("A=fourgent://prod\n", "not of the form"),
            ("A=fourgent://a/b/c/d\n", "not of the form"),
            ("A=fourgent://a//c\n", "not of the form"),
            ("A=\"fourgent://a/b\n", "no closing"),
            ("A='fourgent://a/b' x\n", "after the closing"),
            ("1A=fourgent://a/b\n", "not a valid variable name"),
            ("FOURGENT_X=fourgent://a/b\n", "fourgent variable"),
            ("just words\n", "expected `NAME="),
        ] {
            let err = parse_env_file(Path::new("f.env"), &format!("# x\n{text}")).unwrap_err();
            assert!(err.starts_with("f.env line 2: "), "{err}");
            assert!(err.contains(says), "{text}: {err}");
        }
        // The value itself is never echoed in full: it might be a secret.
        let err = parse_env_file(Path::new("f"), &format!("K={}\n", "x".repeat(100))).unwrap_err();
        assert!(!err.contains(&"x".repeat(50)), "{err}");
    }

    #[test]
    fn env_values_split_at_the_last_dot_only_when_needed() {
        let conns = vec![conn("quickbooks", "prod"), conn("acme", "eu.west")];
        let r = parse_env_value("quickbooks/prod", &conns).unwrap();
        assert_eq!(
            r,
            Reference {
                selector: sel("quickbooks/prod"),
                field: None
            }
        );
        let r = parse_env_value("quickbooks/prod.realmId", &conns).unwrap();
        assert_eq!(
            r,
            Reference {
                selector: sel("quickbooks/prod"),
                field: Some("realmId".into())
            }
        );
        // A name with a dot is a name first.
        let r = parse_env_value("eu.west", &conns).unwrap();
        assert_eq!(
            r,
            Reference {
                selector: sel("eu.west"),
                field: None
            }
        );
        let r = parse_env_value("eu.west.api_key", &conns).unwrap();
        assert_eq!(
            r,
            Reference {
                selector: sel("eu.west"),
                field: Some("api_key".into())
            }
        );
        // Nothing matches: the whole text is what is reported.
        let r = parse_env_value("nope.x", &conns).unwrap();
        assert_eq!(
            r,
            Reference {
                selector: sel("nope.x"),
                field: None
            }
        );
    }
}
