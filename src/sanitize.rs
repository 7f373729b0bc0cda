//! The one redactor and the one sanitizer for text fourgent did not write:
//! what an app answers (error bodies, `error_description`, scopes, account
//! names) and what a hand-edited file holds.
//!
//! - [`remember`] adds a secret to a process-wide list. Every request that
//!   carries credentials passes through `http::send`, which remembers what
//!   it sends (the `Authorization` header, sensitive headers, secret form
//!   fields); the check and the OAuth2 code remember the credentials they
//!   are handed and the tokens they receive. A secret cannot be sent without
//!   being remembered first.
//! - [`redact`] cuts every remembered secret out of a text.
//! - [`sanitize`] neutralises what could drive a terminal: C0 and C1
//!   controls (so ESC sequences), bidi overrides and isolates, zero-width
//!   characters, line and paragraph separators, and tag characters are shown
//!   as `\u{…}` escapes; the length is capped.
//! - [`clean`] does both, redacting first (so a secret is never cut in half
//!   by the cap): use it for anything an app says.

use std::sync::Mutex;

/// What a removed secret is replaced with.
pub(crate) const REDACTED: &str = "[redacted]";

/// Shorter values are not redacted: they would blank out ordinary words
/// (a Basic password of `X`), and are no credential worth the name.
const MIN_SECRET_CHARS: usize = 6;

static KNOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Adds a secret to the list [`redact`] removes, with its URL-encoded forms
/// (an app may quote a request body back).
pub(crate) fn remember(secret: &str) {
    if secret.chars().count() < MIN_SECRET_CHARS {
        return;
    }
    let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let percent = form.replace('+', "%20");
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    for s in [secret.to_owned(), form, percent] {
        if !known.contains(&s) {
            known.push(s);
        }
    }
    // Longest first, so a secret that contains another goes whole.
    known.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// `text` with every remembered secret replaced by `[redacted]`.
pub(crate) fn redact(text: &str) -> String {
    let known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_owned();
    for s in known.iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), REDACTED);
        }
    }
    out
}

/// Whether a character could change what a terminal shows beyond itself.
fn is_unsafe(ch: char) -> bool {
    ch.is_control() // C0 (ESC, CR, LF, BEL…), DEL and C1 (CSI, OSC…)
        || matches!(ch,
            '\u{061C}'                   // Arabic letter mark
            | '\u{180E}'                 // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'    // zero-width space/joiners, LRM, RLM
            | '\u{2028}' | '\u{2029}'    // line and paragraph separators
            | '\u{202A}'..='\u{202E}'    // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'    // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}'    // bidi isolates
            | '\u{FEFF}'                 // zero-width no-break space (BOM)
            | '\u{E0000}'..='\u{E007F}' // tag characters
        )
}

/// Makes text safe for a terminal: unsafe characters are shown as
/// `\u{…}` escapes, and the text is cut after `max_chars` characters
/// (marked with `…`).
pub(crate) fn sanitize(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)));
    for (i, ch) in text.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        if is_unsafe(ch) {
            out.extend(ch.escape_unicode());
        } else {
            out.push(ch);
        }
    }
    out
}

/// A message for the terminal, line by line: it may quote a connection's
/// label or a value from connections.toml, which anyone may have edited.
pub(crate) fn lines(text: &str) -> String {
    text.split('\n')
        .map(|line| sanitize(line, usize::MAX))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text from an app, ready to store and show: secrets redacted, then
/// sanitized and capped.
pub(crate) fn clean(text: &str, max_chars: usize) -> String {
    sanitize(&redact(text), max_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_terminal_control_and_caps_length() {
        assert_eq!(sanitize("ok\x1b[31mred", 100), "ok\\u{1b}[31mred");
        assert_eq!(sanitize("a\u{9b}31m", 100), "a\\u{9b}31m", "C1 CSI");
        assert_eq!(sanitize("a\u{202E}b", 100), "a\\u{202e}b");
        assert_eq!(sanitize("a\u{2067}b", 100), "a\\u{2067}b");
        assert_eq!(sanitize("a\u{200B}b\u{FEFF}", 100), "a\\u{200b}b\\u{feff}");
        assert_eq!(sanitize("a\u{2028}b\u{2029}", 100), "a\\u{2028}b\\u{2029}");
        assert_eq!(sanitize("a\u{E0041}", 100), "a\\u{e0041}");
        assert_eq!(
            sanitize("line\nnext\r\t", 100),
            "line\\u{a}next\\u{d}\\u{9}"
        );
        assert_eq!(sanitize("abcdef", 3), "abc…");
        assert_eq!(sanitize("Zoë 日本 ✓", 100), "Zoë 日本 ✓");
    }

    #[test]
    fn messages_keep_their_lines() {
        assert_eq!(
            lines("error: acme\x1b[2J/x\n\nhint: run it"),
            "error: acme\\u{1b}[2J/x\n\nhint: run it"
        );
    }

    #[test]
    fn sanitize_is_idempotent() {
        let once = sanitize("\x1b]0;title\x07\u{202E}x", 100);
        assert_eq!(sanitize(&once, 100), once);
    }

    #[test]
    fn redact_removes_remembered_secrets_and_their_encodings() {
        remember("sanitize-test-Secret+/=");
        remember("abc"); // too short to redact
        assert_eq!(
            redact("bad secret sanitize-test-Secret+/= here"),
            "bad secret [redacted] here"
        );
        assert_eq!(
            redact("body: client_secret=sanitize-test-Secret%2B%2F%3D&x=abc"),
            "body: client_secret=[redacted]&x=abc"
        );
    }

    #[test]
    fn clean_redacts_before_cutting() {
        remember("sanitize-test-long-secret-0123456789");
        let text = format!("{}sanitize-test-long-secret-0123456789", "x".repeat(20));
        let out = clean(&text, 30);
        assert!(!out.contains("sanitize-test-long"), "{out}");
        assert_eq!(out, format!("{}[redacted]", "x".repeat(20)));
    }
}
