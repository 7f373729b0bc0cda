//! Sending requests to apps and classifying what comes back, without ever
//! putting a secret in a message.

use crate::ui::render::sanitize;

/// Why a request did not get an answer, in words for the user.
pub fn describe_send_error(e: &reqwest::Error) -> String {
    let host = e
        .url()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "the app".into());
    if e.is_timeout() {
        format!("{host} did not answer in time")
    } else if e.is_connect() {
        format!("cannot connect to {host}")
    } else {
        format!("the request to {host} failed")
    }
}

/// A short, terminal-safe summary of an error body: the `message`, `error`
/// or `error_description` of a JSON answer, else the start of the text.
pub fn summarize_body(body: &str) -> Option<String> {
    let text = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(v) => [
            "/message",
            "/error_description",
            "/error/message",
            "/error",
            "/errors/0/message",
        ]
        .iter()
        .find_map(|p| v.pointer(p).and_then(|x| x.as_str()).map(str::to_owned))?,
        Err(_) => body.trim().lines().next()?.to_owned(),
    };
    (!text.trim().is_empty()).then(|| sanitize(text.trim(), 200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_summarized_safely() {
        assert_eq!(
            summarize_body(r#"{"message":"Bad credentials"}"#).as_deref(),
            Some("Bad credentials")
        );
        assert_eq!(
            summarize_body(r#"{"ok":false,"error":"invalid_auth"}"#).as_deref(),
            Some("invalid_auth")
        );
        assert_eq!(
            summarize_body("<html>\x1b[2J</html>").as_deref(),
            Some("<html>\\u{1b}[2J</html>")
        );
        assert_eq!(summarize_body("  "), None);
    }
}
