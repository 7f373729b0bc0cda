//! What can go wrong in an OAuth request, and how a failed token request
//! is told to the user.

use std::time::Duration;

use oauth2::RequestTokenError;
use oauth2::basic::BasicErrorResponse;

use super::client::App;
use super::loopback;
use crate::catalog::UrlError;
use crate::sanitize::clean;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{app} has no OAuth client ID configured")]
    NoClientId { app: String },
    #[error("{app} refused the authorization: {error}{}", description.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Denied {
        app: String,
        error: String,
        description: Option<String>,
    },
    #[error("no authorization arrived within {} seconds", .0.as_secs())]
    TimedOut(Duration),
    #[error("{app}'s {what} refused the request: {error}{}", description.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Rejected {
        app: String,
        what: &'static str,
        error: String,
        description: Option<String>,
    },
    #[error("cannot reach {app}'s {what}: {reason}")]
    Network {
        app: String,
        what: &'static str,
        reason: String,
    },
    /// The request went out and no answer came back (timeout, connection
    /// reset): the app may have acted on it.
    #[error("{app}'s {what} did not answer: {reason}")]
    NoAnswer {
        app: String,
        what: &'static str,
        reason: String,
    },
    #[error("{app}'s token endpoint answered with something that is not a token response")]
    Malformed { app: String },
    /// A URL the policy refused to build from the connector and the
    /// connection's values: nothing was sent.
    #[error(transparent)]
    Url(Box<UrlError>),
    /// The app's answer (the redirect or the token response) holds a value
    /// the connection's URLs may not use: nothing was saved.
    #[error("{} answered with a value fourgent will not use: {}", .0.app, .0.problem)]
    UnsafeAnswer(Box<UrlError>),
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Listener(#[from] loopback::Error),
    #[error("the pasted address is not the authorization callback: {0}")]
    BadPaste(&'static str),
}

impl Error {
    /// `invalid_grant`: the refresh token (or code) is no longer valid.
    pub fn is_invalid_grant(&self) -> bool {
        matches!(self, Error::Rejected { error, .. } if error == "invalid_grant")
    }

    /// Whether the request may have reached the app although no answer came
    /// back (so a rotating refresh token may already be spent).
    pub fn maybe_sent(&self) -> bool {
        matches!(self, Error::NoAnswer { .. })
    }
}

pub(super) type TokenRequestError = RequestTokenError<crate::http::Error, BasicErrorResponse>;

/// What a failed token request (code exchange or refresh) tells the user;
/// everything the app said is redacted and sanitized.
pub(super) fn request_error(app: &App<'_>, e: TokenRequestError) -> Error {
    const WHAT: &str = "token endpoint";
    let name = app.connector.name.clone();
    match e {
        // The app's own trouble (RFC 6749 §4.1.2.1 codes, which some token
        // endpoints also send with a 4xx): nothing said about the tokens.
        RequestTokenError::ServerResponse(r)
            if matches!(
                r.error().as_ref(),
                "temporarily_unavailable" | "server_error"
            ) =>
        {
            Error::Network {
                app: name,
                what: WHAT,
                reason: format!("it answered {}", clean(r.error().as_ref(), 100)),
            }
        }
        RequestTokenError::ServerResponse(r) => Error::Rejected {
            app: name,
            what: WHAT,
            error: clean(r.error().as_ref(), 100),
            description: r.error_description().map(|d| clean(d, 300)),
        },
        RequestTokenError::Request(crate::http::Error::Lost(reason)) => Error::NoAnswer {
            app: name,
            what: WHAT,
            reason,
        },
        RequestTokenError::Request(e) => Error::Network {
            app: name,
            what: WHAT,
            reason: e.to_string(),
        },
        // Some apps (Slack) answer errors with 200 and `{"ok": false, "error": …}`.
        // Only the `error` field is read: the body may hold tokens.
        RequestTokenError::Parse(_, body) => {
            match serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned))
            {
                Some(error) => Error::Rejected {
                    app: name,
                    what: WHAT,
                    error: clean(&error, 100),
                    description: None,
                },
                None => Error::Malformed { app: name },
            }
        }
        RequestTokenError::Other(_) => Error::Malformed { app: name },
    }
}
