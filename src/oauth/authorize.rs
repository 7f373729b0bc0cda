//! The authorization-code flow with PKCE: the listener, the browser (or a
//! pasted address), the callback, and the code exchange.

use std::collections::BTreeMap;
use std::time::Duration;

use oauth2::{AuthorizationCode, CsrfToken, PkceCodeChallenge};

use super::client::{App, send_token_request, token_fields, token_set};
use super::errors::Error;
use super::loopback;
use crate::catalog::Pkce;
use crate::sanitize::{self, clean};
use crate::secrets::TokenSet;

/// What a finished authorization gives.
pub struct Authorized {
    pub token: TokenSet,
    /// Non-secret values from the redirect (`callback_fields`) and the token
    /// response (`token_fields`).
    pub fields: BTreeMap<String, String>,
}

/// How the user takes part in the flow.
pub struct Interaction<'a> {
    pub scopes: Vec<String>,
    pub port: Option<u16>,
    pub timeout: Duration,
    /// Prints the URL and opens the browser (called once the listener is up).
    pub present: &'a dyn Fn(&str, &str),
    /// Lines pasted at the terminal, when the user can paste.
    pub pasted: Option<tokio::sync::mpsc::Receiver<String>>,
    /// Hears about stray requests to the listener.
    pub on_stray: &'a dyn Fn(&str),
    /// Hears why a pasted address was not accepted (the wait goes on).
    pub on_bad_paste: &'a dyn Fn(&str),
}

/// Runs the authorization-code flow: listener, browser, callback, exchange.
pub async fn authorize(
    http: &reqwest::Client,
    app: &App<'_>,
    mut how: Interaction<'_>,
) -> Result<Authorized, Error> {
    let spec = app.spec();
    app.remember_secrets();
    let port = how.port.or(spec.redirect_port);
    // The issuer as the app writes it: a filled template, without the `/`
    // that URL parsing adds to a bare origin.
    let issuer = spec
        .issuer
        .as_deref()
        .map(|i| -> Result<String, Error> {
            let url = app.url("issuer", i)?.as_url().to_string();
            Ok(if i.ends_with('/') {
                url
            } else {
                url.trim_end_matches('/').to_owned()
            })
        })
        .transpose()?;
    let listener = loopback::Listener::bind(spec.redirect_host, port)
        .await?
        .expecting_issuer(issuer.clone());
    let redirect_uri = listener.redirect_uri();
    let (client, token_url) = app.client(Some(&redirect_uri))?;

    let mut request = client.authorize_url(CsrfToken::new_random);
    let scopes = if how.scopes.is_empty() {
        spec.scopes.clone()
    } else {
        how.scopes.clone()
    };
    if spec.scopes_in_request && !scopes.is_empty() {
        request = request.add_extra_param("scope", scopes.join(&spec.scope_separator));
    }
    let verifier = if spec.pkce == Pkce::Unsupported {
        None
    } else {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        sanitize::remember(verifier.secret());
        request = request.set_pkce_challenge(challenge);
        Some(verifier)
    };
    for (k, v) in &spec.authorize_params {
        request = request.add_extra_param(k.as_str(), v.as_str());
    }
    let (url, state) = request.url();
    (how.present)(url.as_str(), &redirect_uri);

    let state = state.secret().clone();
    let expected = state.clone();
    let wait = async {
        let from_browser = listener.wait(state, how.on_stray);
        tokio::pin!(from_browser);
        loop {
            let pasted = async {
                match how.pasted.as_mut() {
                    Some(rx) => rx.recv().await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                v = &mut from_browser => return v,
                line = pasted => match line {
                    Some(line) => match loopback::parse_target(&line) {
                        Some((_, params)) => match loopback::judge(params, &expected, issuer.as_deref()) {
                            loopback::Verdict::Stray(why) => (how.on_bad_paste)(why),
                            v => return v,
                        },
                        None => (how.on_bad_paste)("it is not a URL"),
                    },
                    None => how.pasted = None,
                },
            }
        }
    };
    let verdict = tokio::time::timeout(how.timeout, wait)
        .await
        .map_err(|_| Error::TimedOut(how.timeout))?;
    let (code, params) = match verdict {
        loopback::Verdict::Code { code, params } => (code, params),
        loopback::Verdict::Denied { error, description } => {
            return Err(Error::Denied {
                app: app.connector.name.clone(),
                error: clean(&error, 100),
                description: description.map(|d| clean(&d, 300)),
            });
        }
        loopback::Verdict::Stray(why) => return Err(Error::BadPaste(why)),
    };

    sanitize::remember(&code);
    let mut exchange = client.exchange_code(AuthorizationCode::new(code));
    if let Some(v) = verifier {
        exchange = exchange.set_pkce_verifier(v);
    }
    let response = send_token_request!(exchange, app, http, token_url)?;
    let token = token_set(&response, None, &scopes);
    let mut fields = BTreeMap::new();
    for key in &spec.callback_fields {
        if let Some(v) = params.get(key) {
            fields.insert(key.clone(), clean(v, 200));
        }
    }
    fields.extend(token_fields(spec, &response));
    app.check_answer(&fields)?;
    Ok(Authorized { token, fields })
}
