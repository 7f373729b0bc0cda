//! The OAuth2 authorization-code flow with PKCE (the `oauth2` crate), token
//! refresh and revocation. Commands coordinate these with the stores.
//!
//! `client` talks to the token endpoint, `authorize` runs the flow in the
//! browser, `revoke` ends a grant, `errors` says what went wrong; `refresh`
//! is the guarded refresh of a stored connection.

mod authorize;
pub mod browser;
mod client;
mod errors;
pub mod loopback;
pub mod refresh;
mod revoke;

use jiff::{SignedDuration, Timestamp};

use crate::secrets::TokenSet;

pub use authorize::{Authorized, Interaction, authorize};
pub use client::{App, refresh};
pub use errors::Error;
pub use revoke::revoke;

/// Refresh this long before the access token expires (or a quarter of the
/// token's lifetime, for short-lived tokens).
pub const REFRESH_SKEW: SignedDuration = SignedDuration::from_secs(60);

/// Whether a token is due for refresh: it expires within a minute, or
/// within a quarter of its lifetime when that is shorter.
pub fn is_due(token: &TokenSet, now: Timestamp) -> bool {
    let Some(exp) = token.expires_at else {
        return false;
    };
    let skew = match token.obtained_at {
        Some(got) => (exp.duration_since(got) / 4).clamp(SignedDuration::ZERO, REFRESH_SKEW),
        None => REFRESH_SKEW,
    };
    now.checked_add(skew).map_or(true, |t| t >= exp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Secret;

    fn token(expires_in: Option<i64>) -> TokenSet {
        TokenSet {
            obtained_at: None,
            access_token: Secret::from("a".to_owned()),
            refresh_token: None,
            refresh_obtained_at: None,
            token_type: None,
            expires_at: expires_in.map(|s| Timestamp::now() + SignedDuration::from_secs(s)),
            scopes: vec![],
        }
    }

    #[test]
    fn tokens_are_due_a_minute_before_expiry() {
        let now = Timestamp::now();
        assert!(!is_due(&token(None), now));
        assert!(!is_due(&token(Some(3600)), now));
        assert!(is_due(&token(Some(30)), now));
        assert!(is_due(&token(Some(-5)), now));
        // A 8-second token is due in its last 2 seconds, not from the start.
        let mut short = token(Some(8));
        short.obtained_at = Some(now);
        assert!(!is_due(&short, now));
        assert!(is_due(&short, now + SignedDuration::from_secs(7)));
    }
}
