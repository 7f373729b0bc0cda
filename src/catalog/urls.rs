//! The URL policy: where a connector may send credentials.
//!
//! Every URL fourgent sends a secret to (the check, the token endpoint for
//! the code exchange and refreshes, the revocation endpoint), and the
//! authorization URL the browser opens, is built by [`Connector::url`] and
//! by nothing else. It fills the template, parses the result and refuses it
//! unless
//!
//! - it is `https://`, or `http://` to a loopback host (127.0.0.0/8, ::1,
//!   `localhost`);
//! - it carries no user name or password;
//! - each placeholder's value fits what the connector declares it may hold:
//!   a host label (`{shop}.myshopify.com`), one path segment
//!   (`/v2.0/{tenant}/`), a host name or a base URL (`{api_domain}/api`)
//!   whose host ends in one of the declared suffixes, or one of a list of
//!   values;
//! - the host is the one the template and those values name.
//!
//! The catalog declares what each placeholder holds under
//! `[connectors.<id>.placeholders]`; where a placeholder's position makes
//! it plain (a whole host label, a whole path segment) it may be left out.
//! A whole host or base URL always needs its host suffixes declared.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use url::{Host, Url};

use super::{Connector, placeholders};
use crate::sanitize::sanitize;

/// A `[connectors.<id>.placeholders]` entry, as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceholderDef {
    holds: Option<Holds>,
    host_suffixes: Option<Vec<String>>,
    one_of: Option<Vec<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Holds {
    HostLabel,
    PathSegment,
    Host,
    BaseUrl,
}

/// What a placeholder may hold, resolved and checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "holds", rename_all = "snake_case")]
pub(crate) enum UrlRule {
    /// One DNS label: `[a-z0-9-]+`.
    HostLabel,
    /// One path segment: no `/ ? # @ : \ %`, no whitespace, not `.`/`..`.
    PathSegment,
    /// A whole host name ending in one of the suffixes.
    Host { host_suffixes: Vec<String> },
    /// A `scheme://host[:port]` prefix whose host ends in one of the suffixes.
    BaseUrl { host_suffixes: Vec<String> },
    /// Exactly one of these values.
    OneOf { one_of: Vec<String> },
}

impl UrlRule {
    /// What the rule allows, for messages.
    fn describe(&self) -> String {
        match self {
            UrlRule::HostLabel => "a host label (lowercase letters, digits and `-`)".into(),
            UrlRule::PathSegment => {
                "one path segment (no `/ ? # @ : \\ %`, no spaces, not `.` or `..`)".into()
            }
            UrlRule::Host { host_suffixes } => {
                format!("a host name ending in {}", suffix_list(host_suffixes))
            }
            UrlRule::BaseUrl { host_suffixes } => format!(
                "an https:// address (plain http:// only for loopback) of a host ending in {}, with no user name, path or query",
                suffix_list(host_suffixes)
            ),
            UrlRule::OneOf { one_of } => format!(
                "one of {}",
                one_of
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The text that fills the placeholder, when `value` is allowed.
    fn admit(&self, value: &str) -> Option<String> {
        let ok = match self {
            UrlRule::HostLabel => is_host_label(value),
            UrlRule::PathSegment => is_path_segment(value),
            UrlRule::Host { host_suffixes } => is_host(value) && has_suffix(value, host_suffixes),
            UrlRule::BaseUrl { host_suffixes } => return base_url(value, host_suffixes),
            UrlRule::OneOf { one_of } => one_of.iter().any(|v| v == value),
        };
        ok.then(|| value.to_owned())
    }
}

fn suffix_list(suffixes: &[String]) -> String {
    let shown: Vec<&str> = suffixes.iter().map(String::as_str).collect();
    match shown.as_slice() {
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        [] => "(none)".into(),
    }
}

fn is_host_label(v: &str) -> bool {
    (1..=63).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_host(v: &str) -> bool {
    (1..=253).contains(&v.len()) && v.split('.').all(is_host_label)
}

fn is_path_segment(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 256
        && v != "."
        && v != ".."
        && v.chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !"/?#@:\\%".contains(c))
}

/// `host` is one of the suffixes (without its leading dot) or ends in it.
fn has_suffix(host: &str, suffixes: &[String]) -> bool {
    suffixes.iter().any(|s| {
        let bare = s.trim_start_matches('.');
        host == bare
            || host
                .strip_suffix(bare)
                .is_some_and(|head| head.ends_with('.') && head.len() > 1)
    })
}

/// A base URL's canonical `scheme://host[:port]`, when it is allowed.
fn base_url(value: &str, suffixes: &[String]) -> Option<String> {
    let url = Url::parse(value).ok()?;
    allowed(&url).ok()?;
    if !matches!(url.path(), "" | "/") || url.query().is_some() || url.fragment().is_some() {
        return None;
    }
    has_suffix(url.host_str()?, suffixes).then(|| url.origin().ascii_serialization())
}

pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// The rules every URL follows, whatever its template.
fn allowed(url: &Url) -> Result<(), Problem> {
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Problem::Userinfo);
    }
    match url.scheme() {
        "https" if url.host().is_some() => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        _ => Err(Problem::Scheme {
            url: shown(url.as_str()),
        }),
    }
}

fn shown(text: &str) -> String {
    sanitize(text, 100)
}

/// A URL that passed the policy. Only [`Connector::url`] makes one, and
/// `http::send` sends only to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SafeUrl(Url);

impl SafeUrl {
    pub(crate) fn as_url(&self) -> &Url {
        &self.0
    }

    pub(crate) fn host(&self) -> &str {
        self.0.host_str().unwrap_or("the app")
    }

    /// Any URL, unchecked: for tests of what happens after the policy.
    #[cfg(test)]
    pub(crate) fn for_tests(url: &str) -> SafeUrl {
        SafeUrl(Url::parse(url).expect("a valid test URL"))
    }
}

/// What was wrong with a URL or a value for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing {
        name: String,
    },
    Value {
        name: String,
        value: String,
        rule: String,
    },
    Scheme {
        url: String,
    },
    Userinfo,
    Invalid {
        url: String,
    },
    Template(String),
    Moved,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing { name } => write!(f, "there is no value for `{name}`"),
            Problem::Value { name, value, rule } => {
                write!(f, "`{name}` must be {rule}, not `{value}`")
            }
            Problem::Scheme { url } => write!(
                f,
                "the address must use https:// (plain http:// only to a loopback address), not `{url}`"
            ),
            Problem::Userinfo => write!(f, "the address must not carry a user name or password"),
            Problem::Invalid { url } => write!(f, "`{url}` is not a valid address"),
            Problem::Template(m) => write!(f, "{m}"),
            Problem::Moved => write!(f, "a value changed the host of the address"),
        }
    }
}

/// A URL (or a value for one) the policy refused. Nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct UrlError {
    pub(crate) app: String,
    /// The URL key (`token_url`, `check_url`, …); `None` for a value checked
    /// on its own.
    pub(crate) key: Option<&'static str>,
    pub(crate) problem: Problem,
}

impl UrlError {
    fn describe(&self) -> String {
        match self.key {
            Some(key) => format!("refusing {}'s {key}: {}", self.app, self.problem),
            None => format!("{}: {}", self.app, self.problem),
        }
    }

    /// The placeholder whose value was refused, if that was the problem.
    pub(crate) fn placeholder(&self) -> Option<&str> {
        match &self.problem {
            Problem::Value { name, .. } | Problem::Missing { name } => Some(name),
            _ => None,
        }
    }
}

/// Replaces each `{name}` once, left to right (a value is never searched
/// for placeholders).
fn fill_once(template: &str, value: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after.find('}')?;
        out.push_str(&rest[..start]);
        out.push_str(&value(&after[..end])?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

impl Connector {
    /// The one way to a URL fourgent sends something to: fills `template`
    /// (the connector's `key`) with `value`s and checks the result against
    /// the policy above.
    pub(crate) fn url(
        &self,
        key: &'static str,
        template: &str,
        value: impl Fn(&str) -> Option<String>,
    ) -> Result<SafeUrl, UrlError> {
        let err = |problem| UrlError {
            app: self.name.clone(),
            key: Some(key),
            problem,
        };
        let parts = split(template).map_err(|m| err(Problem::Template(m)))?;
        let mut filled: BTreeMap<&str, String> = BTreeMap::new();
        for name in placeholders(template) {
            let v = value(name).ok_or_else(|| {
                err(Problem::Missing {
                    name: name.to_owned(),
                })
            })?;
            let rule = self.url_rules.get(name).ok_or_else(|| {
                err(Problem::Template(format!(
                    "nothing says what `{{{name}}}` may hold"
                )))
            })?;
            let text = rule.admit(&v).ok_or_else(|| {
                err(Problem::Value {
                    name: name.to_owned(),
                    value: shown(&v),
                    rule: rule.describe(),
                })
            })?;
            filled.insert(name, text);
        }
        let lookup = |n: &str| filled.get(n).cloned();
        let text = fill_once(template, lookup)
            .ok_or_else(|| err(Problem::Template("the URL has an unclosed `{`".into())))?;
        let url = Url::parse(&text).map_err(|_| err(Problem::Invalid { url: shown(&text) }))?;
        allowed(&url).map_err(err)?;
        // The host is the one the template's authority (or the checked base
        // URL) names, whatever the rest of the values hold.
        let origin = match parts.base {
            Some(base) => filled[base].clone(),
            None => format!(
                "{}://{}/",
                parts.scheme,
                fill_once(parts.authority, lookup).unwrap_or_default()
            ),
        };
        let expected = Url::parse(&origin).map_err(|_| err(Problem::Moved))?;
        if expected.host() != url.host()
            || expected.port_or_known_default() != url.port_or_known_default()
        {
            return Err(err(Problem::Moved));
        }
        Ok(SafeUrl(url))
    }

    /// Checks a value for `name` on its own (a `--field` value, a value from
    /// a token response) before anything is built from it. Values that no
    /// URL uses are not checked here.
    pub(crate) fn check_url_value(&self, name: &str, value: &str) -> Result<(), UrlError> {
        let Some(rule) = self.url_rules.get(name) else {
            return Ok(());
        };
        match rule.admit(value) {
            Some(_) => Ok(()),
            None => Err(UrlError {
                app: self.name.clone(),
                key: None,
                problem: Problem::Value {
                    name: name.to_owned(),
                    value: shown(value),
                    rule: rule.describe(),
                },
            }),
        }
    }
}

/// Where a placeholder stands in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    BaseUrl,
    Host,
    HostLabel,
    PathSegment,
}

impl Position {
    fn describe(self) -> &'static str {
        match self {
            Position::BaseUrl => "a whole base URL",
            Position::Host => "the whole host",
            Position::HostLabel => "a host label",
            Position::PathSegment => "a path segment",
        }
    }
}

/// A URL template split by syntax alone (`url::Url` cannot parse a
/// template: placeholders may stand where a URL may not have braces).
struct Parts<'a> {
    /// The placeholder a template starts with (a base URL).
    base: Option<&'a str>,
    scheme: &'a str,
    authority: &'a str,
    path: &'a str,
    /// The query and fragment.
    rest: &'a str,
}

fn split_at_any<'a>(text: &'a str, at: &[char]) -> (&'a str, &'a str) {
    match text.find(at) {
        Some(i) => text.split_at(i),
        None => (text, ""),
    }
}

fn split(template: &str) -> Result<Parts<'_>, String> {
    if template.contains('\\') {
        return Err("`\\` is not allowed in a URL".into());
    }
    if let Some(after) = template.strip_prefix('{') {
        let end = after.find('}').ok_or("an unclosed `{`")?;
        let name = &after[..end];
        let rest = &after[end + 1..];
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Err(format!(
                "`{{{name}}}` starts the URL, so it is a base URL and must be followed by `/`"
            ));
        }
        let (path, rest) = split_at_any(rest, &['?', '#']);
        return Ok(Parts {
            base: Some(name),
            scheme: "",
            authority: "",
            path,
            rest,
        });
    }
    let (scheme, after) = if let Some(a) = template.strip_prefix("https://") {
        ("https", a)
    } else if let Some(a) = template.strip_prefix("http://") {
        ("http", a)
    } else {
        return Err("must be an https:// URL".into());
    };
    let (authority, rest) = split_at_any(after, &['/', '?', '#']);
    let (path, rest) = split_at_any(rest, &['?', '#']);
    Ok(Parts {
        base: None,
        scheme,
        authority,
        path,
        rest,
    })
}

/// Where each placeholder of a template stands; an error for one that
/// stands where no rule keeps the URL's shape.
fn positions<'a>(key: &str, parts: &Parts<'a>) -> Result<Vec<(&'a str, Position)>, String> {
    let mut out = Vec::new();
    if let Some(base) = parts.base {
        out.push((base, Position::BaseUrl));
    }
    if parts.authority.contains('@') {
        return Err(format!("`{key}` must not carry a user name or password"));
    }
    let (host, port) = if parts.authority.starts_with('[') {
        match parts.authority.find(']') {
            Some(i) => parts.authority.split_at(i + 1),
            None => (parts.authority, ""),
        }
    } else {
        match parts.authority.rfind(':') {
            Some(i) => parts.authority.split_at(i),
            None => (parts.authority, ""),
        }
    };
    if let Some(p) = placeholders(port).first() {
        return Err(format!(
            "`{{{p}}}` stands in the port of `{key}`; placeholders may stand only in the host or the path"
        ));
    }
    match placeholders(host).as_slice() {
        [one] if host == format!("{{{one}}}") => out.push((one, Position::Host)),
        _ => {
            for label in host.split('.') {
                out.extend(
                    placeholders(label)
                        .into_iter()
                        .map(|p| (p, Position::HostLabel)),
                );
            }
        }
    }
    for segment in parts.path.split('/') {
        out.extend(
            placeholders(segment)
                .into_iter()
                .map(|p| (p, Position::PathSegment)),
        );
    }
    if let Some(p) = placeholders(parts.rest).first() {
        return Err(format!(
            "`{{{p}}}` stands in the query of `{key}`; placeholders may stand only in the host or the path"
        ));
    }
    Ok(out)
}

/// Checks a connector's URL templates (`(key, template)`) and resolves
/// what each of their placeholders may hold, from the declarations or from
/// where it stands.
pub(crate) fn resolve_rules(
    id: &str,
    templates: &[(&'static str, &str)],
    declared: &BTreeMap<String, PlaceholderDef>,
) -> Result<BTreeMap<String, UrlRule>, String> {
    let mut uses: BTreeMap<&str, Vec<(&str, Position)>> = BTreeMap::new();
    for &(key, template) in templates {
        let parts = split(template).map_err(|m| format!("`{key}` {m}"))?;
        for (name, pos) in positions(key, &parts)? {
            uses.entry(name).or_default().push((key, pos));
        }
        // The fixed parts follow the rules every URL follows: fill in
        // harmless values and check the result.
        let sample = fill_once(template, |n| {
            Some(if parts.base == Some(n) {
                "https://example.com".to_owned()
            } else {
                "x".to_owned()
            })
        })
        .ok_or_else(|| format!("`{key}` has an unclosed `{{`"))?;
        let url = Url::parse(&sample).map_err(|e| format!("`{key}` is not a valid URL: {e}"))?;
        allowed(&url).map_err(|p| match p {
            Problem::Userinfo => format!("`{key}` must not carry a user name or password"),
            _ => format!(
                "`{key}` must use https:// (plain http:// is allowed only for 127.0.0.1, ::1 and localhost): `{template}`"
            ),
        })?;
    }
    let mut rules = BTreeMap::new();
    for (name, used) in uses {
        let rule = match declared.get(name) {
            Some(def) => from_def(name, def)?,
            None => infer(id, name, &used)?,
        };
        for &(key, pos) in &used {
            fits(name, &rule, key, pos)?;
        }
        rules.insert(name.to_owned(), rule);
    }
    Ok(rules)
}

fn from_def(name: &str, def: &PlaceholderDef) -> Result<UrlRule, String> {
    let suffixes = || -> Result<Vec<String>, String> {
        let list = def.host_suffixes.clone().unwrap_or_default();
        if list.is_empty() {
            return Err(format!(
                "placeholder `{name}` needs `host_suffixes`, the hosts it may point to (such as [\".example.com\"])"
            ));
        }
        for s in &list {
            let bare = s.strip_prefix('.').unwrap_or(s);
            if !is_host(bare) || !(bare.contains('.') || bare == "localhost") {
                return Err(format!(
                    "placeholder `{name}`: `{s}` is not a host suffix (such as `.example.com`)"
                ));
            }
        }
        Ok(list)
    };
    match (def.holds, &def.host_suffixes, &def.one_of) {
        (None, None, Some(values)) => {
            if values.is_empty() || values.iter().any(String::is_empty) {
                return Err(format!(
                    "placeholder `{name}`: `one_of` needs at least one non-empty value"
                ));
            }
            Ok(UrlRule::OneOf {
                one_of: values.clone(),
            })
        }
        (_, _, Some(_)) => Err(format!(
            "placeholder `{name}`: `one_of` stands alone, without `holds` or `host_suffixes`"
        )),
        (Some(Holds::Host), _, None) => Ok(UrlRule::Host {
            host_suffixes: suffixes()?,
        }),
        (Some(Holds::BaseUrl), _, None) => Ok(UrlRule::BaseUrl {
            host_suffixes: suffixes()?,
        }),
        (Some(_) | None, Some(_), None) => Err(format!(
            "placeholder `{name}`: `host_suffixes` is only for `holds = \"host\"` or `\"base_url\"`"
        )),
        (Some(Holds::HostLabel), None, None) => Ok(UrlRule::HostLabel),
        (Some(Holds::PathSegment), None, None) => Ok(UrlRule::PathSegment),
        (None, None, None) => Err(format!(
            "placeholder `{name}`: say what it holds with `holds` (\"host_label\", \"path_segment\", \"host\" or \"base_url\") or `one_of`"
        )),
    }
}

fn infer(id: &str, name: &str, used: &[(&str, Position)]) -> Result<UrlRule, String> {
    let (key, first) = used[0];
    if let Some((other_key, other)) = used.iter().find(|(_, p)| *p != first) {
        return Err(format!(
            "`{{{name}}}` is {} in `{key}` but {} in `{other_key}`: declare what it holds under [connectors.{id}.placeholders]",
            first.describe(),
            other.describe()
        ));
    }
    match first {
        Position::HostLabel => Ok(UrlRule::HostLabel),
        Position::PathSegment => Ok(UrlRule::PathSegment),
        Position::BaseUrl | Position::Host => Err(format!(
            "`{{{name}}}` is {} in `{key}`: declare the hosts it may point to, e.g. `{name} = {{ holds = \"{}\", host_suffixes = [\".example.com\"] }}` under [connectors.{id}.placeholders]",
            first.describe(),
            if first == Position::Host {
                "host"
            } else {
                "base_url"
            }
        )),
    }
}

/// Whether a rule keeps the URL's shape where the placeholder stands.
fn fits(name: &str, rule: &UrlRule, key: &str, pos: Position) -> Result<(), String> {
    let ok = match (rule, pos) {
        (UrlRule::HostLabel, Position::HostLabel | Position::PathSegment)
        | (UrlRule::PathSegment, Position::PathSegment)
        | (UrlRule::Host { .. }, Position::Host)
        | (UrlRule::BaseUrl { .. }, Position::BaseUrl) => true,
        (UrlRule::OneOf { one_of }, Position::HostLabel | Position::Host) => {
            one_of.iter().all(|v| is_host(v))
        }
        (UrlRule::OneOf { one_of }, Position::PathSegment) => {
            one_of.iter().all(|v| is_path_segment(v))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{{{name}}}` is {} in `{key}`, which {} cannot safely fill",
            pos.describe(),
            rule.describe()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(
        templates: &[(&'static str, &str)],
        declared: &str,
    ) -> Result<BTreeMap<String, UrlRule>, String> {
        let declared: BTreeMap<String, PlaceholderDef> = toml::from_str(declared).unwrap();
        resolve_rules("t", templates, &declared)
    }

    fn connector(templates: &[(&'static str, &str)], declared: &str) -> Connector {
        Connector {
            id: "t".into(),
            name: "Test".into(),
            auth: crate::model::AuthKind::Custom,
            source: super::super::Source::User,
            docs_url: None,
            notes: vec![],
            oauth2: None,
            check: None,
            basic_auth: None,
            fields: vec![],
            url_rules: rules(templates, declared).unwrap(),
            max_concurrency: None,
            env: BTreeMap::new(),
            git: None,
        }
    }

    fn build(c: &Connector, template: &str, values: &[(&str, &str)]) -> Result<String, String> {
        c.url("check_url", template, |k| {
            values
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        })
        .map(|u| u.as_url().as_str().to_owned())
        .map_err(|e| e.to_string())
    }

    #[test]
    fn host_labels_and_path_segments_are_inferred() {
        let t = "https://{shop}.myshopify.com/admin/{version}/shop.json";
        let r = rules(&[("check_url", t)], "").unwrap();
        assert_eq!(r["shop"], UrlRule::HostLabel);
        assert_eq!(r["version"], UrlRule::PathSegment);
    }

    #[test]
    fn base_urls_and_hosts_need_declared_suffixes() {
        let err = rules(&[("check_url", "{api_domain}/v1/me")], "").unwrap_err();
        assert!(
            err.contains("host_suffixes") && err.contains("base_url"),
            "{err}"
        );
        let err = rules(&[("token_url", "https://{hostname}/token")], "").unwrap_err();
        assert!(err.contains("holds = \"host\""), "{err}");
        let err = rules(
            &[("check_url", "{api_domain}/v1/me")],
            "api_domain = { holds = \"base_url\" }",
        )
        .unwrap_err();
        assert!(err.contains("host_suffixes"), "{err}");
        let err = rules(
            &[("check_url", "{api_domain}/v1/me")],
            "api_domain = { holds = \"base_url\", host_suffixes = [\".com\"] }",
        )
        .unwrap_err();
        assert!(err.contains("not a host suffix"), "{err}");
    }

    #[test]
    fn misplaced_or_mismatched_placeholders_are_refused() {
        for (template, why) in [
            ("https://x.com/a?b={q}", "query"),
            ("https://x.com:{port}/a", "port"),
            ("https://{u}@x.com/a", "user name"),
            ("http://127.0.0.1:9@evil.test/a", "user name"),
            ("http://{sub}.localhost/a", "https://"),
            ("http://example.com/a", "https://"),
            ("{base}.x.com/a", "followed by `/`"),
            ("ftp://x.com/{a}", "https://"),
        ] {
            let err = rules(&[("check_url", template)], "").unwrap_err();
            assert!(err.contains(why), "{template}: {err}");
        }
        let err = rules(
            &[
                ("token_url", "https://{t}.x.com/"),
                ("check_url", "https://x.com/{t}/me"),
            ],
            "",
        )
        .unwrap_err();
        assert!(err.contains("declare what it holds"), "{err}");
        let err = rules(
            &[("check_url", "https://{t}.x.com/")],
            "t = { holds = \"path_segment\" }",
        )
        .unwrap_err();
        assert!(err.contains("cannot safely fill"), "{err}");
    }

    #[test]
    fn host_labels_take_only_a_label() {
        let c = connector(&[("check_url", "https://{shop}.myshopify.com/x")], "");
        let t = "https://{shop}.myshopify.com/x";
        assert_eq!(
            build(&c, t, &[("shop", "acme-1")]).unwrap(),
            "https://acme-1.myshopify.com/x"
        );
        for bad in [
            "evil.test:1234/x?",
            "evil.test",
            "127.0.0.2:80/",
            "a@b",
            "A",
            "",
            "x#",
            "x/",
        ] {
            let err = build(&c, t, &[("shop", bad)]).unwrap_err();
            assert!(
                err.contains("refusing Test's check_url: `shop` must be a host label"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn path_segments_take_only_one_segment() {
        let t = "https://login.example.com/{tenant}/oauth2/token";
        let c = connector(&[("token_url", t)], "");
        assert_eq!(
            build(&c, t, &[("tenant", "contoso.onmicrosoft.com")]).unwrap(),
            "https://login.example.com/contoso.onmicrosoft.com/oauth2/token"
        );
        for bad in [
            "..", ".", "a/b", "a?b", "a#b", "a@b", "a:b", "a\\b", "%2e%2e", "a b", "",
        ] {
            assert!(build(&c, t, &[("tenant", bad)]).is_err(), "{bad}");
        }
    }

    #[test]
    fn base_urls_must_match_the_declared_suffixes() {
        let t = "{api_domain}/api/v1/users/me";
        let c = connector(
            &[("check_url", t)],
            "api_domain = { holds = \"base_url\", host_suffixes = [\".pipedrive.com\", \"127.0.0.1\"] }",
        );
        let ok = |v: &str| build(&c, t, &[("api_domain", v)]);
        assert_eq!(
            ok("https://acme.pipedrive.com").unwrap(),
            "https://acme.pipedrive.com/api/v1/users/me"
        );
        assert_eq!(
            ok("https://acme.pipedrive.com/").unwrap(),
            "https://acme.pipedrive.com/api/v1/users/me"
        );
        assert_eq!(
            ok("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080/api/v1/users/me"
        );
        for bad in [
            "http://acme.pipedrive.com",
            "https://evil.test",
            "https://pipedrive.com.evil.test",
            "https://evilpipedrive.com",
            "https://127.0.0.1:1@evil.test/",
            "https://user@acme.pipedrive.com",
            "https://acme.pipedrive.com/x",
            "https://acme.pipedrive.com?x=1",
            "https://acme.pipedrive.com#x",
            "http://127.0.0.2:8080",
            "acme.pipedrive.com",
            "javascript:alert(1)",
        ] {
            let err = ok(bad).unwrap_err();
            assert!(
                err.contains("`api_domain` must be an https:// address"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn hosts_and_value_lists() {
        let t = "https://{hostname}/services/oauth2/token";
        let c = connector(
            &[("token_url", t)],
            "hostname = { holds = \"host\", host_suffixes = [\".salesforce.com\"] }",
        );
        assert!(build(&c, t, &[("hostname", "login.salesforce.com")]).is_ok());
        assert!(
            build(
                &c,
                t,
                &[("hostname", "acme--dev.sandbox.my.salesforce.com")]
            )
            .is_ok()
        );
        for bad in [
            "evil.test",
            "salesforce.com.evil.test",
            "127.0.0.2:1234",
            "x.salesforce.com/",
        ] {
            assert!(build(&c, t, &[("hostname", bad)]).is_err(), "{bad}");
        }
        let t = "https://accounts.zoho.{dc}/oauth/v2/token";
        let c = connector(
            &[("token_url", t)],
            "dc = { one_of = [\"com\", \"com.au\"] }",
        );
        assert!(build(&c, t, &[("dc", "com.au")]).is_ok());
        let err = build(&c, t, &[("dc", "evil.test")]).unwrap_err();
        assert!(err.contains("one of `com`, `com.au`"), "{err}");
        let err = rules(&[("token_url", t)], "dc = { one_of = [\"x/y\"] }").unwrap_err();
        assert!(err.contains("cannot safely fill"), "{err}");
    }

    #[test]
    fn fixed_urls_still_follow_the_rules() {
        let c = connector(&[], "");
        assert!(build(&c, "https://api.example.com/me", &[]).is_ok());
        assert!(build(&c, "http://127.0.0.1:9/me", &[]).is_ok());
        assert!(build(&c, "http://[::1]:9/me", &[]).is_ok());
        assert!(build(&c, "http://localhost:9/me", &[]).is_ok());
        let err = build(&c, "http://127.0.0.1:9@evil.test/", &[]).unwrap_err();
        assert!(err.contains("user name or password"), "{err}");
        let err = build(&c, "http://example.com/me", &[]).unwrap_err();
        assert!(err.contains("must use https://"), "{err}");
        let err = build(&c, "https://{x}.example.com/me", &[]).unwrap_err();
        assert!(err.contains("no value for `x`"), "{err}");
    }

    #[test]
    fn values_are_shown_safely() {
        let c = connector(&[("check_url", "https://{shop}.x.com/")], "");
        let err = c
            .check_url_value("shop", "\x1b[2Jevil")
            .unwrap_err()
            .to_string();
        assert!(!err.contains('\x1b'), "{err}");
        assert!(
            err.starts_with("Test: `shop` must be a host label"),
            "{err}"
        );
        assert!(c.check_url_value("other", "anything/at all").is_ok());
    }
}
