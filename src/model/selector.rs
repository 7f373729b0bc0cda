//! How a user names a connection on the command line: by ID, as `app/name`,
//! or by a name alone when only one app has a connection of that name.

use std::fmt;
use std::str::FromStr;

use super::connection::same_name;
use super::{Connection, ConnectionId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    Id(ConnectionId),
    AppName { app: String, name: String },
    Name(String),
}

/// The outcome of resolving a selector against the stored connections.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Index of the one connection named.
    One(usize),
    /// Nothing matches; close matches (as `app/name`) to suggest.
    None { suggestions: Vec<String> },
    /// Indices of every connection that matches.
    Ambiguous(Vec<usize>),
}

impl FromStr for Selector {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err("a connection must be named by ID, `app/name` or name".into());
        }
        if ConnectionId::looks_like_id(s) {
            return Ok(Selector::Id(s.parse()?));
        }
        match s.split_once('/') {
            Some((app, name)) if !app.is_empty() && !name.is_empty() && !name.contains('/') => {
                Ok(Selector::AppName {
                    app: app.to_owned(),
                    name: name.to_owned(),
                })
            }
            Some(_) => Err(format!("`{s}` is not of the form `app/name`")),
            None => Ok(Selector::Name(s.to_owned())),
        }
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Id(id) => write!(f, "{id}"),
            Selector::AppName { app, name } => write!(f, "{app}/{name}"),
            Selector::Name(name) => f.write_str(name),
        }
    }
}

impl Selector {
    pub fn resolve(&self, conns: &[Connection]) -> Resolved {
        let matches: Vec<usize> = conns
            .iter()
            .enumerate()
            .filter(|(_, c)| self.matches(c))
            .map(|(i, _)| i)
            .collect();
        match matches.len() {
            0 => Resolved::None {
                suggestions: self.suggestions(conns),
            },
            1 => Resolved::One(matches[0]),
            _ => Resolved::Ambiguous(matches),
        }
    }

    fn matches(&self, c: &Connection) -> bool {
        match self {
            Selector::Id(id) => &c.id == id,
            Selector::AppName { app, name } => {
                c.app.eq_ignore_ascii_case(app) && same_name(&c.name, name)
            }
            Selector::Name(name) => same_name(&c.name, name),
        }
    }

    /// Up to three close matches, nearest first (Jaro-Winkler over the typed text).
    fn suggestions(&self, conns: &[Connection]) -> Vec<String> {
        let typed = self.to_string();
        let mut scored: Vec<(f64, String)> = conns
            .iter()
            .map(|c| {
                let candidate = match self {
                    Selector::Id(_) => c.id.to_string(),
                    Selector::AppName { .. } => c.label(),
                    Selector::Name(_) => c.name.clone(),
                };
                (strsim::jaro_winkler(&typed, &candidate), c.label())
            })
            .filter(|(score, _)| *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, label) in scored {
            if !out.contains(&label) {
                out.push(label);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::connection::tests::conn;

    fn sel(s: &str) -> Selector {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_three_forms() {
        assert!(matches!(sel("c_7k2m9qx4"), Selector::Id(_)));
        assert_eq!(
            sel("hubspot/staging"),
            Selector::AppName {
                app: "hubspot".into(),
                name: "staging".into()
            }
        );
        assert_eq!(sel("staging"), Selector::Name("staging".into()));
        assert!("a/b/c".parse::<Selector>().is_err());
        assert!("/b".parse::<Selector>().is_err());
        assert!("".parse::<Selector>().is_err());
    }

    #[test]
    fn resolves_by_id_app_name_and_unique_name() {
        let conns = vec![
            conn("hubspot", "staging"),
            conn("slack", "staging"),
            conn("slack", "prod"),
        ];
        assert_eq!(sel(conns[2].id.as_str()).resolve(&conns), Resolved::One(2));
        assert_eq!(sel("slack/staging").resolve(&conns), Resolved::One(1));
        assert_eq!(sel("prod").resolve(&conns), Resolved::One(2));
        assert_eq!(
            sel("staging").resolve(&conns),
            Resolved::Ambiguous(vec![0, 1])
        );
    }

    #[test]
    fn unknown_names_get_close_suggestions() {
        let conns = vec![conn("hubspot", "staging"), conn("slack", "production")];
        assert_eq!(
            sel("stagng").resolve(&conns),
            Resolved::None {
                suggestions: vec!["hubspot/staging".into()]
            }
        );
        assert_eq!(
            sel("zzz").resolve(&conns),
            Resolved::None {
                suggestions: vec![]
            }
        );
    }
}
