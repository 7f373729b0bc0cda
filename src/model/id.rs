//! Connection IDs: `c_` and eight characters from an alphabet without
//! look-alikes (no `0/o`, `1/l/i`), so they are easy to read aloud and copy.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 32] = b"23456789abcdefghjkmnpqrstuvwxyz_";
// `_` is never used: only the first 31 characters are drawn. Keeping the table
// 32 wide keeps the modulo below unbiased for 5-bit draws.
const DRAWN: usize = 31;
const LEN: usize = 8;
const PREFIX: &str = "c_";

/// Fourgent's ID for a connection: assigned once, never changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ConnectionId(String);

impl ConnectionId {
    /// A new random ID that is not in `taken`.
    pub fn generate(taken: impl Fn(&ConnectionId) -> bool) -> ConnectionId {
        loop {
            let mut bytes = [0u8; LEN * 2];
            getrandom::fill(&mut bytes).expect("the OS random number generator failed");
            let mut s = String::with_capacity(PREFIX.len() + LEN);
            s.push_str(PREFIX);
            // Rejection sampling on 5-bit values keeps the distribution uniform.
            for b in bytes.iter().map(|b| (b & 31) as usize) {
                if b < DRAWN && s.len() < PREFIX.len() + LEN {
                    s.push(ALPHABET[b] as char);
                }
            }
            if s.len() < PREFIX.len() + LEN {
                continue;
            }
            let id = ConnectionId(s);
            if !taken(&id) {
                return id;
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a string has the shape of an ID (it may still name no connection).
    pub fn looks_like_id(s: &str) -> bool {
        s.strip_prefix(PREFIX).is_some_and(|rest| {
            rest.len() == LEN && rest.bytes().all(|b| ALPHABET[..DRAWN].contains(&b))
        })
    }
}

impl fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ConnectionId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if ConnectionId::looks_like_id(s) {
            Ok(ConnectionId(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a connection ID (IDs look like `c_` followed by 8 letters and digits)"
            ))
        }
    }
}

impl TryFrom<String> for ConnectionId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<ConnectionId> for String {
    fn from(id: ConnectionId) -> String {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn generated_ids_have_the_documented_shape_and_differ() {
        let mut seen = HashSet::new();
        for _ in 0..2000 {
            let id = ConnectionId::generate(|_| false);
            assert!(ConnectionId::looks_like_id(id.as_str()), "{id}");
            assert!(!id.as_str()[2..].contains('_'));
            seen.insert(id);
        }
        assert_eq!(seen.len(), 2000);
    }

    #[test]
    fn generate_skips_taken_ids() {
        let first = ConnectionId::generate(|_| false);
        let second = ConnectionId::generate(|id| id == &first);
        assert_ne!(first, second);
    }

    #[test]
    fn parse_rejects_look_alikes_and_wrong_lengths() {
        assert!("c_7k2m9qx4".parse::<ConnectionId>().is_ok());
        assert!("c_7k2m9q".parse::<ConnectionId>().is_err());
        assert!("c_7k2m9qx0".parse::<ConnectionId>().is_err());
        assert!("x_7k2m9qx4".parse::<ConnectionId>().is_err());
        assert!("c_7K2M9QX4".parse::<ConnectionId>().is_err());
    }
}
