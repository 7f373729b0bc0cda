//! Property tests of the parsers and the selector, through the library's
//! public API: whatever the input, no panic; what is written reads back the
//! same; a damaged file is an error with a line, never a half-read file.
//! Plus huge and deeply nested files, through the real binary (a stack
//! overflow there would abort this process, so it runs in a child).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

use fourgent::catalog::Catalog;
use fourgent::model::connection::validate_name;
use fourgent::model::{
    AuthKind, CheckResult, Connection, ConnectionId, LastCheck, Resolved, SecretBackend, Selector,
    Status,
};
use fourgent::store::{self, Error};
use jiff::Timestamp;
use proptest::prelude::*;

const CASES: u32 = 256;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // Failure persistence files would be written next to this file.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn path() -> &'static Path {
    Path::new("/cfg/connections.toml")
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

fn id() -> impl Strategy<Value = ConnectionId> {
    "c_[2-9a-hjkmnp-z]{8}".prop_map(|s| s.parse().expect("generated IDs are valid"))
}

fn valid_name() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9][a-zA-Z0-9._@+-]{0,20}".prop_filter("a valid name", |n| validate_name(n).is_ok())
}

/// Any text, weighted towards what a TOML writer must quote or escape.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,12}",
        any::<String>(),
        prop::sample::select(vec![
            "",
            " ",
            "\"",
            "'",
            "\\",
            "\n",
            "\r\n",
            "\t",
            "\u{0}",
            "\u{7f}",
            "\u{feff}",
            "é",
            "日本",
            "🦀",
            "'''",
            "\"\"\"",
            "#",
            "[[connections]]",
            "a = 1",
        ])
        .prop_map(str::to_owned),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // Year 1 to 9999, with or without a fraction of a second.
    (
        -62_135_596_800i64..=253_402_300_799,
        prop_oneof![Just(0i32), 0..1_000_000_000i32],
    )
        .prop_map(|(s, ns)| Timestamp::new(s, ns).expect("in range"))
}

fn connection() -> impl Strategy<Value = Connection> {
    let head = (
        id(),
        valid_name(),
        text(),
        prop_oneof![Just(AuthKind::OAuth2), Just(AuthKind::Custom)],
        prop_oneof![Just(Status::Connected), Just(Status::NotConnected)],
        timestamp(),
        timestamp(),
    );
    let tail = (
        prop::option::of(text()),
        prop::option::of(timestamp()),
        prop::collection::vec(text(), 0..3),
        prop::collection::btree_map(text(), text(), 0..3),
        prop::option::of(last_check()),
    );
    let refresh = (
        prop::option::of(prop_oneof![
            Just(SecretBackend::Keyring),
            Just(SecretBackend::File)
        ]),
        prop_oneof![Just(0u32), 1u32..20, Just(u32::MAX)],
        prop::option::of(timestamp()),
    );
    (head, tail, refresh).prop_map(
        |(
            (id, name, app, auth, status, created_at, updated_at),
            (account, expires_at, scopes, fields, last_check),
            (store, refresh_failures, refresh_retry_at),
        )| Connection {
            id,
            name,
            app,
            auth,
            status,
            created_at,
            updated_at,
            account,
            expires_at,
            scopes,
            fields,
            last_check,
            store,
            refresh_failures,
            refresh_retry_at,
        },
    )
}

fn last_check() -> impl Strategy<Value = LastCheck> {
    (
        timestamp(),
        prop::sample::select(vec![
            CheckResult::Ok,
            CheckResult::SecretPresent,
            CheckResult::MissingSecret,
            CheckResult::Rejected,
            CheckResult::Expired,
            CheckResult::Unreachable,
        ]),
        prop::option::of(text()),
    )
        .prop_map(|(at, result, reason)| LastCheck { at, result, reason })
}

/// A list the store accepts: IDs unique, `app/name` unique.
fn valid_list() -> impl Strategy<Value = Vec<Connection>> {
    prop::collection::vec(connection(), 0..8).prop_map(|conns| {
        let mut ids = HashSet::new();
        let mut labels = HashSet::new();
        conns
            .into_iter()
            .filter(|c| ids.insert(c.id.clone()) && labels.insert((c.app.clone(), c.name.clone())))
            .collect()
    })
}

/// Text made of TOML-ish pieces, so the fuzzing gets past the first line.
fn tomlish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "version = 1\n",
        "version = 2\n",
        "version = \"1\"\n",
        "[[connections]]\n",
        "[connections]\n",
        "[[connections.fields]]\n",
        "[connections.fields]\n",
        "[connections.last_check]\n",
        "id = \"c_7k2m9qx4\"\n",
        "id = \"c_7k2m9qx5\"\n",
        "id = 'c_7k2m9qx4'\n",
        "name = \"prod\"\n",
        "name = \"has space\"\n",
        "name = \"c_7k2m9qx4\"\n",
        "app = \"stripe\"\n",
        "auth = \"custom\"\n",
        "auth = \"oauth2\"\n",
        "auth = 3\n",
        "status = \"connected\"\n",
        "status = \"not_connected\"\n",
        "created_at = \"2026-01-01T00:00:00Z\"\n",
        "updated_at = \"2026-01-01T00:00:00Z\"\n",
        "updated_at = 2026-01-01T00:00:00Z\n",
        "at = \"9999-12-31T23:59:59.999999999Z\"\n",
        "result = \"ok\"\n",
        "scopes = [\"a\", \"b\"]\n",
        "fields = { region = \"eu\" }\n",
        "region = \"eu\"\n",
        "\"\" = \"\"\n",
        "x = [[[[]]]]\n",
        "x = {a = {b = {}}}\n",
        "\"unterminated\n",
        "'''\n",
        "\"\"\"\n",
        "# comment é\n",
        "\n",
        "\r\n",
        "=",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\"",
        "é",
        "\u{0}",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// An error names the file, and a parse error a line and column inside it.
fn check_error(text: &str, err: &Error) -> Result<(), TestCaseError> {
    let last_line = text.matches('\n').count() + 1;
    match err {
        Error::Parse {
            path: p,
            line,
            column,
            ..
        } => {
            prop_assert_eq!(p.as_path(), path());
            prop_assert!(
                (1..=last_line).contains(line),
                "line {} of {}",
                line,
                last_line
            );
            prop_assert!(*column >= 1);
        }
        Error::Invalid { path: p, line, .. } => {
            prop_assert_eq!(p.as_path(), path());
            if let Some(line) = line {
                prop_assert!((1..=last_line).contains(line), "line {}", line);
            }
        }
        Error::UnknownVersion { path: p, .. } => prop_assert_eq!(p.as_path(), path()),
        other => prop_assert!(false, "parse cannot fail with {:?}", other),
    }
    // The message is what the user sees; it must render.
    prop_assert!(err.to_string().contains("/cfg/connections.toml"));
    Ok(())
}

/// What `parse` returns is something the store could have written: unique
/// IDs and names, valid names, and it writes back to the same list.
fn check_valid(conns: &[Connection]) -> Result<(), TestCaseError> {
    let mut ids = HashSet::new();
    let mut labels = HashSet::new();
    for c in conns {
        prop_assert!(ids.insert(&c.id), "duplicate ID {}", c.id);
        prop_assert!(labels.insert((&c.app, &c.name)), "duplicate {}", c.label());
        prop_assert!(validate_name(&c.name).is_ok(), "invalid name {:?}", c.name);
    }
    let again = store::parse(path(), &store::serialize(conns));
    prop_assert_eq!(again.as_deref().ok(), Some(conns));
    Ok(())
}

fn parse_checked(text: &str) -> Result<(), TestCaseError> {
    match store::parse(path(), text) {
        Ok(conns) => check_valid(&conns),
        Err(e) => check_error(text, &e),
    }
}

proptest! {
    #![proptest_config(config())]

    /// (a) Any text: no panic; an error carries the path and a real line.
    #[test]
    fn parse_never_panics_on_any_text(text in any::<String>()) {
        parse_checked(&text)?;
    }

    #[test]
    fn parse_never_panics_on_tomlish_text(text in tomlish()) {
        parse_checked(&text)?;
    }

    /// (b) What is written reads back equal.
    #[test]
    fn serialize_then_parse_round_trips(conns in valid_list()) {
        let text = store::serialize(&conns);
        prop_assert!(text.starts_with("version = 1\n"), "{}", text);
        let back = store::parse(path(), &text);
        prop_assert_eq!(back.as_deref().ok(), Some(&conns[..]), "{}", text);
    }

    /// (c) A damaged file parses to something valid, or is an error.
    #[test]
    fn truncated_files_parse_or_fail_cleanly(conns in valid_list(), cut in any::<prop::sample::Index>()) {
        let text = store::serialize(&conns);
        let bytes = &text.as_bytes()[..cut.index(text.len() + 1)];
        parse_checked(&String::from_utf8_lossy(bytes))?;
    }

    #[test]
    fn flipped_bytes_parse_or_fail_cleanly(
        conns in valid_list(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
    ) {
        let mut bytes = store::serialize(&conns).into_bytes();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        parse_checked(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn edited_lines_parse_or_fail_cleanly(
        conns in valid_list(),
        edits in prop::collection::vec((0u8..3, any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..4),
    ) {
        let text = store::serialize(&conns);
        let mut lines: Vec<&str> = text.lines().collect();
        for (kind, a, b) in edits {
            if lines.is_empty() {
                break;
            }
            let (i, j) = (a.index(lines.len()), b.index(lines.len()));
            match kind {
                0 => { lines.remove(i); }
                1 => lines.swap(i, j),
                _ => { let l = lines[i]; lines.insert(j, l); }
            }
        }
        parse_checked(&(lines.join("\n") + "\n"))?;
    }

    /// A duplicated `[[connections]]` table is refused (duplicate ID), with
    /// a line inside the file.
    #[test]
    fn a_duplicated_table_is_refused(conns in valid_list().prop_filter("non-empty", |c| !c.is_empty()), pick in any::<prop::sample::Index>()) {
        let text = store::serialize(&conns);
        let tables: Vec<&str> = text.split("[[connections]]").skip(1).collect();
        let dup = tables[pick.index(tables.len())];
        let damaged = format!("{text}[[connections]]{dup}");
        let err = store::parse(path(), &damaged);
        prop_assert!(err.is_err(), "accepted a duplicated table:\n{}", damaged);
        let err = err.unwrap_err();
        check_error(&damaged, &err)?;
        prop_assert!(
            matches!(err, Error::Invalid { line: Some(_), .. } | Error::Parse { .. }),
            "{:?}", err
        );
    }

    /// (d) Selector parsing never panics, and what it parses prints back
    /// to the same selector.
    #[test]
    fn selector_parsing_never_panics(text in prop_oneof![any::<String>(), "[a-z/_ ]{0,12}", "c_[2-9a-z]{8}"]) {
        if let Ok(sel) = text.parse::<Selector>() {
            let again: Result<Selector, _> = sel.to_string().parse();
            prop_assert_eq!(again, Ok(sel));
        }
    }

    /// `resolve` returns One(i) only when connection i really matches and
    /// nothing else does, Ambiguous only with every match (≥ 2), None only
    /// when nothing matches (suggesting only existing connections).
    #[test]
    fn resolve_agrees_with_a_plain_filter(
        conns in prop::collection::vec(small_connection(), 0..8),
        raw in prop_oneof![
            prop::sample::select(vec!["prod", "staging", "dev", "acme/prod", "slack/staging", "hubspot/dev", "prd", "acme/prd", "c_7k2m9qx4"]).prop_map(str::to_owned),
            "[a-z]{1,4}(/[a-z]{1,4})?",
        ],
        use_id in any::<Option<prop::sample::Index>>(),
    ) {
        let raw = match (use_id, conns.is_empty()) {
            (Some(i), false) => conns[i.index(conns.len())].id.to_string(),
            _ => raw,
        };
        let Ok(sel) = raw.parse::<Selector>() else { return Ok(()) };
        let matching: Vec<usize> = conns
            .iter()
            .enumerate()
            .filter(|(_, c)| match &sel {
                Selector::Id(id) => &c.id == id,
                Selector::AppName { app, name } => &c.app == app && &c.name == name,
                Selector::Name(name) => &c.name == name,
            })
            .map(|(i, _)| i)
            .collect();
        match sel.resolve(&conns) {
            Resolved::One(i) => prop_assert_eq!(matching, vec![i]),
            Resolved::Ambiguous(v) => {
                prop_assert!(v.len() >= 2);
                prop_assert_eq!(v, matching);
            }
            Resolved::None { suggestions } => {
                prop_assert!(matching.is_empty(), "None, but {:?} match", matching);
                prop_assert!(suggestions.len() <= 3);
                let labels: Vec<String> = conns.iter().map(Connection::label).collect();
                let mut seen = HashSet::new();
                for s in &suggestions {
                    prop_assert!(labels.contains(s), "suggested {} which does not exist", s);
                    prop_assert!(seen.insert(s), "suggested {} twice", s);
                }
            }
        }
    }

    /// (e) Any connectors.toml: `Catalog::load` returns, never panics.
    #[test]
    fn catalog_load_never_panics_on_any_text(text in prop_oneof![any::<String>(), tomlish()]) {
        load_catalog(&text, |_| None);
    }

    #[test]
    fn catalog_load_never_panics_on_generated_connectors(
        text in connectors_toml(),
        client_id in prop::option::of(text()),
    ) {
        load_catalog(&text, move |_| client_id.clone());
    }

    #[test]
    fn catalog_load_never_panics_on_damaged_connectors(
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 0..3),
    ) {
        let mut bytes = VALID_CONNECTORS.as_bytes().to_vec();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        load_catalog(&String::from_utf8_lossy(&bytes), |_| None);
    }
}

/// Connections with few names and apps, so selectors often match several.
fn small_connection() -> impl Strategy<Value = Connection> {
    (
        id(),
        prop::sample::select(vec!["prod", "staging", "dev"]),
        prop::sample::select(vec!["acme", "slack", "hubspot"]),
    )
        .prop_map(|(id, name, app)| Connection {
            id,
            ..Connection::sample(app, name)
        })
}

// ---------------------------------------------------------------------------
// connectors.toml
// ---------------------------------------------------------------------------

const VALID_CONNECTORS: &str = r#"
[connectors.acme]
name = "Acme"
auth = "custom"
check_url = "https://api.acme.test/{region}/whoami"
check_account = ["/account/name"]
check_headers = { "X-Region" = "{region}" }

[[connectors.acme.fields]]
key = "region"
label = "Region"
secret = false
default = "eu"

[[connectors.acme.fields]]
key = "api_key"
label = "API key"
secret = true
header = "X-Api-Key"
prefix = "Token "

[connectors.hubspot]
client_id = "my-client"
scopes = ["crm.objects.contacts.read"]
redirect_port = 8976

[connectors.own-oauth]
name = "Own"
auth = "oauth2"
authorize_url = "https://own.test/authorize"
token_url = "https://own.test/token"
revoke_url = "https://own.test/revoke"
check_url = "https://own.test/me"
"#;

fn load_catalog(text: &str, env: impl Fn(&str) -> Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("connectors.toml");
    std::fs::write(&file, text).unwrap();
    match Catalog::load(&file, env) {
        Ok(catalog) => {
            // A loaded catalog is usable.
            for c in catalog.iter() {
                let _ = catalog.get(&c.id).expect("listed apps can be looked up");
            }
            let _ = catalog.suggest("acm");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// A value for a connectors.toml key: mostly of the right type, with
/// troublesome content (placeholders, odd URLs), sometimes the wrong type.
fn conn_value() -> impl Strategy<Value = toml::Value> {
    let s = prop::sample::select(vec![
        "",
        "Acme",
        "custom",
        "oauth2",
        "GET",
        "POST",
        "DELETE",
        "s256",
        "none",
        "basic",
        "https://x.test",
        "https://x.test/{api_key}",
        "http://127.0.0.1:1/{region}",
        "http://localhost",
        "http://[::1]:9/",
        "http://[::1",
        "http://evil.test",
        "https://",
        "{",
        "}",
        "{}",
        "{{region}}",
        "{region",
        "{access_token}",
        "Bearer {access_token}",
        "/ok",
        "ok",
        "/account/name",
        "127.0.0.1",
        "localhost",
        " ",
        ",",
        "é",
        "\u{0}",
    ])
    .prop_map(|s| toml::Value::String(s.to_owned()));
    prop_oneof![
        4 => s.clone(),
        1 => any::<i64>().prop_map(toml::Value::Integer),
        1 => any::<bool>().prop_map(toml::Value::Boolean),
        1 => prop::collection::vec(s.clone(), 0..3).prop_map(toml::Value::Array),
        1 => prop::collection::btree_map("[A-Za-z_{}-]{0,8}", s, 0..3)
            .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
    ]
}

fn field_table() -> impl Strategy<Value = toml::Value> {
    let keys = prop::sample::select(vec![
        "key", "label", "secret", "header", "prefix", "default", "bogus",
    ]);
    let key_value = prop_oneof![
        prop::sample::select(vec!["api_key", "region", "token", "", "Bad Key", "a"])
            .prop_map(|s| toml::Value::String(s.into())),
        any::<bool>().prop_map(toml::Value::Boolean),
        conn_value(),
    ];
    prop::collection::btree_map(keys, key_value, 0..6)
        .prop_map(|m| toml::Value::Table(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

fn connectors_toml() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "name",
        "auth",
        "docs_url",
        "notes",
        "authorize_url",
        "token_url",
        "revoke_url",
        "revoke_method",
        "scopes",
        "scope_separator",
        "scopes_in_request",
        "pkce",
        "token_auth",
        "token_body",
        "client_id",
        "redirect_host",
        "redirect_port",
        "redirect_rule",
        "authorize_params",
        "token_params",
        "token_headers",
        "callback_fields",
        "token_fields",
        "rotating_refresh",
        "tokens_expire",
        "check_url",
        "check_method",
        "check_headers",
        "check_body",
        "check_ok",
        "check_account",
        "basic_auth",
    ]);
    let app = prop::collection::btree_map(keys, conn_value(), 0..12);
    let fields = prop::option::of(prop::collection::vec(field_table(), 0..4));
    let ids = prop::sample::select(vec![
        "acme", "hubspot", "slack", "stripe", "x-1", "Bad", "-x", "a",
    ]);
    prop::collection::btree_map(ids, (app, fields), 0..3).prop_map(|apps| {
        let mut connectors = toml::Table::new();
        for (id, (keys, fields)) in apps {
            let mut t: toml::Table = keys.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            if let Some(f) = fields {
                t.insert("fields".into(), toml::Value::Array(f));
            }
            connectors.insert(id.to_owned(), toml::Value::Table(t));
        }
        let mut root = toml::Table::new();
        root.insert("connectors".into(), toml::Value::Table(connectors));
        toml::to_string(&root).unwrap_or_default()
    })
}

// ---------------------------------------------------------------------------
// Specific cases
// ---------------------------------------------------------------------------

/// One `[[connections]]` table; `id` and `name` are written as given (so a
/// test can use TOML literal strings), `account` is optional.
fn table(id: &str, name: &str, account: Option<&str>) -> String {
    let account = account
        .map(|a| format!("account = \"{a}\"\n"))
        .unwrap_or_default();
    format!(
        "[[connections]]\nid = {id}\nname = {name}\napp = \"stripe\"\nauth = \"custom\"\nstatus = \"connected\"\ncreated_at = \"2026-01-01T00:00:00Z\"\nupdated_at = \"2026-01-01T00:00:00Z\"\n{account}\n"
    )
}

/// A file whose last connection is the bad one; the lines of that table.
fn file_with_bad_last(tables: &[String]) -> (String, std::ops::RangeInclusive<usize>) {
    let mut text = String::from("version = 1\n\n");
    for t in &tables[..tables.len() - 1] {
        text.push_str(t);
    }
    let first = text.matches('\n').count() + 1;
    text.push_str(tables.last().unwrap());
    let last = text.matches('\n').count();
    (text, first..=last)
}

/// Which of the `cases` get no line, or a line outside the offending
/// connection's table.
fn misplaced_lines(cases: &[(&str, Vec<String>)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (what, tables) in cases {
        let (text, lines) = file_with_bad_last(tables);
        match store::parse(path(), &text) {
            Err(Error::Invalid {
                line: Some(line), ..
            }) if lines.contains(&line) => {}
            other => bad.push(format!(
                "{what}: expected an error on a line in {lines:?}, got {other:?}"
            )),
        }
    }
    bad
}

/// An invalid or duplicate connection is reported on a line of its own
/// table: this much works today.
#[test]
fn invalid_connections_are_reported_on_their_line() {
    let id = "\"c_7k2m9qx4\"";
    let bad = misplaced_lines(&[
        (
            "a duplicated ID",
            vec![table(id, "\"a\"", None), table(id, "\"b\"", None)],
        ),
        (
            "an invalid name",
            vec![
                table("\"c_7k2m9qx5\"", "\"ok\"", None),
                table(id, "\"has space\"", None),
            ],
        ),
    ]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The same, where today's text search for the value finds the wrong place
/// or nothing: a duplicated `app/name`, an ID or a name that also appears
/// as a value earlier in the file, a name written as a literal string. The
/// promise: "a damaged metadata file is reported with its path and line".
#[test]
fn invalid_connections_are_reported_on_their_line_in_every_spelling() {
    let id = "\"c_7k2m9qx4\"";
    let bad = misplaced_lines(&[
        (
            "a duplicated app/name",
            vec![
                table(id, "\"prod\"", None),
                table("\"c_7k2m9qx5\"", "\"prod\"", None),
            ],
        ),
        (
            "a duplicated ID that is also an account in between",
            vec![
                table(id, "\"a\"", None),
                table("\"c_7k2m9qx6\"", "\"x\"", Some("c_7k2m9qx4")),
                table(id, "\"b\"", None),
            ],
        ),
        (
            "an invalid name that is also an earlier account",
            vec![
                table("\"c_7k2m9qx5\"", "\"ok\"", Some("has space")),
                table(id, "\"has space\"", None),
            ],
        ),
        (
            "an invalid name as a literal string",
            vec![
                table("\"c_7k2m9qx5\"", "\"ok\"", None),
                table(id, "'has space'", None),
            ],
        ),
        (
            "a duplicated ID as a literal string",
            vec![
                table(id, "\"a\"", None),
                table("'c_7k2m9qx4'", "\"b\"", None),
            ],
        ),
    ]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn big_valid_file(tables: usize) -> String {
    let now = Timestamp::new(1_790_000_000, 0).unwrap();
    let conns: Vec<Connection> = (0..tables)
        .map(|i| Connection {
            created_at: now,
            updated_at: now,
            account: Some(format!("Account number {i}")),
            fields: BTreeMap::from([("region".to_owned(), "eu".to_owned())]),
            store: Some(SecretBackend::Keyring),
            ..Connection::sample("stripe", &format!("conn-{i}"))
        })
        .collect();
    // Random IDs of 8 characters from 31: a clash among this many is
    // possible but rare; the file is still a valid test either way.
    store::serialize(&conns)
}

/// 20 MB of junk on one line, 50,000 lines of comments, and a 20,000-table
/// file (5 MB): an error with the right line, or a parse; never a panic.
/// (Sizes keep a debug build under a few seconds: it parses ~1.5 MB/s.)
#[test]
fn huge_files_parse_or_fail_without_panicking() {
    let junk: String = "version = 1\n[[connections]]\nid = \"c_7k2m9qx4\"\nname = \""
        .chars()
        .chain(std::iter::repeat_n('x', 20 * 1024 * 1024))
        .collect();
    match store::parse(path(), &junk) {
        Ok(c) => check_valid_plain(&c),
        Err(e) => assert!(matches!(e, Error::Parse { line: 4, .. }), "{e:?}"),
    }
    let mut lines = String::from("version = 1\n");
    for i in 0..50_000 {
        lines.push_str(&format!("# {i} {}\n", "é".repeat(40)));
    }
    lines.push_str("oops\n");
    match store::parse(path(), &lines).unwrap_err() {
        Error::Parse { line, .. } => assert_eq!(line, 50_002),
        other => panic!("{other:?}"),
    }
    let big = big_valid_file(20_000);
    assert!(big.len() > 4_000_000, "{} bytes", big.len());
    match store::parse(path(), &big) {
        Ok(c) => assert_eq!(c.len(), 20_000),
        Err(e) => assert!(
            e.to_string().contains("more than one connection"),
            "only an (unlikely) ID clash may refuse it: {e}"
        ),
    }
}

fn check_valid_plain(conns: &[Connection]) {
    let mut ids = HashSet::new();
    for c in conns {
        assert!(ids.insert(&c.id));
    }
}

/// Runs the real binary on a config dir.
fn fourgent(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fourgent"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("FOURGENT_CONFIG_DIR", dir)
        .env("FOURGENT_SECRET_STORE", "file")
        .env("SECRET_VAR", "k")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run fourgent");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ADD: [&str; 8] = [
    "connections",
    "add",
    "stripe",
    "--name",
    "new",
    "--secret-env",
    "api_key=SECRET_VAR",
    "--no-verify",
];

/// Damaged files a reader must survive, as whole processes: a crash (a
/// stack overflow aborts with a signal) would show as no exit code.
#[test]
fn commands_on_huge_or_deeply_nested_files_fail_cleanly_and_write_nothing() {
    let deep_array = format!("version = 1\nx = {}\n", "[".repeat(200_000));
    let deep_table = format!("version = 1\nx = {}\n", "{ a = ".repeat(100_000));
    let junk = format!(
        "version = 1\n[[connections]]\nname = \"{}",
        "x".repeat(20 * 1024 * 1024)
    );
    for (what, text) in [
        ("deeply nested arrays", &deep_array),
        ("deeply nested inline tables", &deep_table),
        ("20 MB of junk", &junk),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("connections.toml");
        std::fs::write(&file, text).unwrap();
        for args in [&["connections", "list", "--json"][..], &ADD[..]] {
            let (code, stdout, stderr) = fourgent(dir.path(), args);
            assert_eq!(
                code,
                Some(7),
                "{what}: `{}` should fail as a damaged file:\n{stdout}\n{stderr}",
                args.join(" ")
            );
            assert!(
                stderr.contains(&file.display().to_string()),
                "{what}: {stderr}"
            );
            assert!(stderr.contains("line"), "{what}: {stderr}");
            assert!(
                std::fs::read_to_string(&file).unwrap() == *text,
                "{what}: `{}` changed the file",
                args.join(" ")
            );
        }
    }
}

#[test]
fn a_deeply_nested_connectors_file_fails_cleanly() {
    for text in [
        format!("[connectors.acme]\nname = {}\n", "[".repeat(200_000)),
        format!("[connectors.acme]\nname = {}\n", "{ a = ".repeat(100_000)),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("connectors.toml"), &text).unwrap();
        let (code, stdout, stderr) = fourgent(dir.path(), &["connectors", "list"]);
        assert_eq!(code, Some(7), "{stdout}\n{stderr}");
    }
}

/// A big valid file (10,000 connections, 2.5 MB): `list` reads it and
/// leaves it byte for byte as it was; `add` writes it back whole, with the
/// new connection. (100,000 work too, but take ~40 s in a debug build.)
#[test]
fn a_huge_valid_file_is_listed_without_being_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("connections.toml");
    let text = big_valid_file(10_000);
    std::fs::write(&file, &text).unwrap();
    let Ok(before) = store::parse(path(), &text) else {
        return; // an (unlikely) random ID clash: nothing to list
    };
    let (code, stdout, stderr) = fourgent(dir.path(), &["connections", "list", "--json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let listed: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(listed.as_array().unwrap().len(), before.len());
    assert!(
        std::fs::read_to_string(&file).unwrap() == text,
        "list rewrote the file"
    );

    let (code, _, stderr) = fourgent(dir.path(), &ADD);
    assert_eq!(code, Some(0), "{stderr}");
    let after = store::parse(path(), &std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(
        &after[..before.len()],
        &before[..],
        "add kept every connection"
    );
}

// ---------------------------------------------------------------------------
// The fast reader is a subset of the full parser
// ---------------------------------------------------------------------------

/// Lists the fast reader reads as written: like `valid_list`, but with bare
/// field keys (a quoted key sends the whole file to the full parser) and
/// fewer connections, so a mutation often leaves a file it still reads.
fn fast_readable_list() -> impl Strategy<Value = Vec<Connection>> {
    let conn = (
        connection(),
        prop::collection::btree_map("[a-z0-9_-]{1,8}", text(), 0..3),
    )
        .prop_map(|(mut c, fields)| {
            c.fields = fields;
            c
        });
    prop::collection::vec(conn, 0..4).prop_map(|conns| {
        let mut ids = HashSet::new();
        let mut labels = HashSet::new();
        conns
            .into_iter()
            .filter(|c| ids.insert(c.id.clone()) && labels.insert((c.app.clone(), c.name.clone())))
            .collect()
    })
}

/// Characters and escapes TOML is strict about inside strings: control
/// characters, Unicode whitespace, escapes it spells otherwise or not at
/// all, quotes.
const IN_STRINGS: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\t",
    "\u{b}",
    "\u{c}",
    "\r",
    "\u{1b}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "\\u+041",
    "\\u-041",
    "\\u 041",
    "\\u0041",
    "\\u00e9",
    "\\u004",
    "\\U0001F980",
    "\\U+001F980",
    "\\U-001F980",
    "\\uD800",
    "\\UD800",
    "\\U00110000",
    "\\u{41}",
    "\\x41",
    "\\x4",
    "\\e",
    "\\ ",
    "\\/",
    "\\'",
    "\\\"",
    "\\\\",
    "\\",
    "'",
    "''",
    "\"",
    "#",
];

/// The same and more, for anywhere in the file.
const SNIPPETS: &[&str] = &[
    "\u{0}", "\u{1}", "\u{8}", "\t", "\u{b}", "\u{c}", "\r", "\n", "\r\n", "\u{1b}", "\u{1f}",
    "\u{7f}", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}", "\u{feff}", "\u{fffd}", "\\u+041",
    "\\u0041", "\\x41", "\\e", "\\", "\\\n", "'", "''", "'''", "\"", "\"\"\"", "#", "=", " ", "[",
    "]", ",", "{", "}", ".",
];

/// `version = 1` rewritten as the number forms TOML has, and some it has not.
const VERSIONS: &[&str] = &[
    "01",
    "00",
    "001",
    "0",
    "-0",
    "+0",
    "+1",
    "-1",
    "1_0",
    "1__0",
    "_1",
    "0x1",
    "0o1",
    "0b1",
    "1.0",
    "1e0",
    "1.",
    "2",
    "10",
    "999999999",
    "9999999999",
    "１",
    " 1",
    "1 ",
    "\t1",
    "1\t",
    "inf",
    "nan",
    "true",
    "\"1\"",
    "'1'",
    "1\r",
    "1 # one",
    "",
];

/// Substrings of the written layout, and what an edit might make of them.
const EDITS: &[(&str, &str)] = &[
    ("\n", "\r\n"),
    ("\n", "\r"),
    ("\n", "\n\r"),
    ("\n", "\r\r\n"),
    ("\n", "\n\n"),
    ("\n", "\n \n"),
    ("\n", " \n"),
    ("\n", "\t\n"),
    (" = ", "="),
    (" = ", "\t=\t"),
    (" = ", " =  "),
    ("= \"", "= "),
    ("= \"", "= '"),
    ("\"\n", "'\n"),
    ("\"\n", "\" \n"),
    ("Z\"", "+00:00\""),
    ("Z\"", "z\""),
    ("Z\"", "\""),
    ("T", " "),
    (":00", ":60"),
    ("\", \"", "\",\t\""),
    ("\", \"", "\",\u{a0}\""),
    ("\", \"", "\",\u{b}\""),
    ("\", \"", "\" , \""),
    ("[\"", "[ \""),
    ("[\"", "[\t\""),
    ("[\"", "[\u{3000}\""),
    ("\"]", "\",]"),
    ("\"]", "\" ]"),
    ("\"]", "\"]]"),
    ("\\u00", "\\u+0"),
    ("\\u", "\\U0000"),
    ("\\n", "\\e"),
    ("\\t", "\\x09"),
    ("\\\\", "\\x5C"),
    ("\\\"", "\\u0022"),
    ("[[connections]]", "[[ connections ]]"),
    ("[[connections]]", "[[connections]] "),
    ("[[connections]]", "[connections]"),
    ("[connections.fields]", "[ connections.fields ]"),
    ("[connections.fields]", "[connections.\"fields\"]"),
    ("[connections.last_check]", "[connections.last-check]"),
    ("\"connected\"", "\"Connected\""),
    ("\"custom\"", "'custom'"),
    ("\"oauth2\"", "\"OAuth2\""),
    ("id = ", "ID = "),
    ("name = ", "\"name\" = "),
    ("name = ", "name\u{a0}= "),
];

#[derive(Clone, Debug)]
enum Mutation {
    /// XOR one byte (the text is then read as lossy UTF-8).
    Flip(prop::sample::Index, u8),
    /// Insert a snippet at a character boundary.
    Insert(prop::sample::Index, &'static str),
    /// Rewrite the version number.
    Version(&'static str),
    /// Apply an edit at one occurrence, or at all of them.
    Edit(&'static str, &'static str, Option<prop::sample::Index>),
    /// In one `key = "…"` line: insert a snippet into the string, and/or
    /// turn it into a literal string `key = '…'` (the body kept as it is).
    Value {
        line: prop::sample::Index,
        at: prop::sample::Index,
        snippet: Option<&'static str>,
        literal: bool,
    },
    /// Replace the file's last line end.
    Ending(&'static str),
    /// Cut the file short.
    Cut(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        1 => (index(), 1u8..=255).prop_map(|(i, m)| Mutation::Flip(i, m)),
        2 => (index(), prop::sample::select(SNIPPETS)).prop_map(|(i, s)| Mutation::Insert(i, s)),
        1 => prop::sample::select(VERSIONS).prop_map(Mutation::Version),
        2 => (prop::sample::select(EDITS), prop::option::of(index()))
            .prop_map(|((from, to), at)| Mutation::Edit(from, to, at)),
        6 => (index(), index(), prop::option::of(prop::sample::select(IN_STRINGS)), any::<bool>())
            .prop_map(|(line, at, snippet, literal)| Mutation::Value { line, at, snippet, literal }),
        1 => prop::sample::select(vec!["", "\r", "\r\n", "\n\r", "\r\r\n", "\n\n", "\n\r\n"])
            .prop_map(Mutation::Ending),
        1 => index().prop_map(Mutation::Cut),
    ]
}

/// The character boundaries of `text`, its end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

impl Mutation {
    fn apply(&self, text: &str) -> String {
        match self {
            Mutation::Flip(at, mask) => {
                let mut bytes = text.as_bytes().to_vec();
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] ^= mask;
                }
                String::from_utf8_lossy(&bytes).into_owned()
            }
            Mutation::Insert(at, snippet) => {
                let bounds = boundaries(text);
                let i = bounds[at.index(bounds.len())];
                format!("{}{snippet}{}", &text[..i], &text[i..])
            }
            Mutation::Version(v) => text.replacen("version = 1", &format!("version = {v}"), 1),
            Mutation::Edit(from, to, None) => text.replace(from, to),
            Mutation::Edit(from, to, Some(at)) => {
                let hits: Vec<usize> = text.match_indices(from).map(|(i, _)| i).collect();
                if hits.is_empty() {
                    return text.to_owned();
                }
                let i = hits[at.index(hits.len())];
                format!("{}{to}{}", &text[..i], &text[i + from.len()..])
            }
            Mutation::Value {
                line,
                at,
                snippet,
                literal,
            } => {
                let lines: Vec<&str> = text.split_inclusive('\n').collect();
                // (line, where ` = "` starts), for lines `key = "…"`.
                let quoted: Vec<(usize, usize)> = (0..lines.len())
                    .filter_map(|i| {
                        let eq = lines[i].find(" = \"")?;
                        (lines[i].ends_with("\"\n") && eq + 4 <= lines[i].len() - 2)
                            .then_some((i, eq))
                    })
                    .collect();
                if quoted.is_empty() {
                    return text.to_owned();
                }
                let (n, eq) = quoted[line.index(quoted.len())];
                let (key, body) = (&lines[n][..eq], &lines[n][eq + 4..lines[n].len() - 2]);
                let bounds = boundaries(body);
                let i = bounds[at.index(bounds.len())];
                let body = format!("{}{}{}", &body[..i], snippet.unwrap_or(""), &body[i..]);
                let q = if *literal { '\'' } else { '"' };
                let edited = format!("{key} = {q}{body}{q}\n");
                lines[..n].concat() + &edited + &lines[n + 1..].concat()
            }
            Mutation::Ending(ending) => match text.strip_suffix('\n') {
                Some(rest) => format!("{rest}{ending}"),
                None => format!("{text}{ending}"),
            },
            Mutation::Cut(at) => {
                let bounds = boundaries(text);
                text[..bounds[at.index(bounds.len())]].to_owned()
            }
        }
    }
}

/// A file fourgent wrote, then edited once or twice.
fn mutated_file() -> impl Strategy<Value = String> {
    (
        fast_readable_list(),
        prop::collection::vec(mutation(), 1..3),
    )
        .prop_map(|(conns, mutations)| {
            mutations
                .iter()
                .fold(store::serialize(&conns), |text, m| m.apply(&text))
        })
}

/// The fast reader may decline any file (`None`); when it reads one, the
/// full parser reads the same version and connections, and `parse` (which
/// takes the fast path) answers exactly as the full parser alone does.
/// Returns whether the fast reader read the file.
fn fast_agrees_with_toml(text: &str) -> Result<bool, TestCaseError> {
    let fast = store::parse_fast(text);
    let with_fast = format!("{:?}", store::parse(path(), text));
    let without = format!("{:?}", store::parse_full(path(), text));
    prop_assert_eq!(
        with_fast,
        without,
        "parse differs from the full parser on {:?}",
        text
    );
    let Some(fast) = fast else {
        return Ok(false);
    };
    match store::parse_toml(text) {
        Ok(full) => prop_assert_eq!(fast, full, "the readers differ on {:?}", text),
        Err(e) => prop_assert!(
            false,
            "the fast reader read what TOML refuses ({}): {:?}",
            e.message(),
            text
        ),
    }
    Ok(true)
}

/// Whenever `store::fast` returns a result, the full parser returns the same
/// one, on files fourgent wrote and then edited the ways people, disks and
/// attackers edit them. The test also counts how often the fast reader read
/// the edited file, so a generator that stops reaching it fails here rather
/// than passing on files only the full parser sees.
#[test]
fn the_fast_reader_reads_only_what_toml_reads_alike() {
    const RUNS: u32 = 1024;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: RUNS,
        ..config()
    });
    let read_fast = std::cell::Cell::new(0u32);
    let result = runner.run(&mutated_file(), |text| {
        if fast_agrees_with_toml(&text)? {
            read_fast.set(read_fast.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let read_fast = read_fast.get();
    assert!(
        read_fast >= RUNS / 16,
        "the fast reader read only {read_fast} of {RUNS} edited files: the generator no longer exercises it"
    );
}

/// The edits that once slipped through, each on its own.
#[test]
fn the_fast_reader_refuses_what_toml_refuses() {
    let text = store::serialize(&[Connection {
        id: "c_7k2m9qx4".parse().unwrap(),
        scopes: vec!["a".into(), "b".into()],
        store: Some(SecretBackend::File),
        refresh_failures: 2,
        refresh_retry_at: Some(Timestamp::UNIX_EPOCH),
        ..Connection::sample("stripe", "prod")
    }]);
    assert!(store::parse_fast(&text).is_some(), "{text}");
    for damaged in [
        text.replace("version = 1", "version = 01"),
        text.replace("name = \"prod\"", "name = 'pr\u{1}od'"),
        text.replace("name = \"prod\"", "name = 'pr\rod'"),
        text.replace("name = \"prod\"", "name = \"\\u+070rod\""),
        text.clone() + "\r",
        text.replace("\"a\", \"b\"", "\"a\",\u{a0}\"b\""),
    ] {
        assert!(
            store::parse_toml(&damaged).is_err(),
            "TOML reads {damaged:?}"
        );
        assert_eq!(store::parse_fast(&damaged), None, "{damaged:?}");
    }
}
