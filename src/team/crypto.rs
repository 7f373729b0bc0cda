//! Client-side encryption for the team store: every secret is sealed with
//! AES-256-GCM under the team key before it is written, so the database only
//! ever holds a key ID, a nonce and ciphertext. The associated data binds each
//! ciphertext to its row (account and field), so rows cannot be swapped.

// The team store uses these items; this goes when it is wired in.
#![allow(dead_code)]

use std::fmt;
use std::str::FromStr;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use secrecy::SecretString;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 12;
const KEY_ID_CONTEXT: &[u8] = b"fourgent team key id v1\0";
const AAD_CONTEXT: &[u8] = b"fourgent-team-v1";
const KEY_ID_PREFIX: &str = "k-";
const KEY_ID_HEX: usize = 12;

/// Standard alphabet; reads keys with or without padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

// Without aes-gcm's `zeroize` feature the cipher would keep the key schedule
// in freed memory; this fails to compile then.
const _: fn() = || {
    fn zeroized_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    zeroized_on_drop::<Aes256Gcm>();
};

/// An opened secret; cleared when dropped.
pub(crate) type Plaintext = Zeroizing<Vec<u8>>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a team key could not be read or made. Never contains key material.
#[derive(Debug, thiserror::Error)]
pub(crate) enum KeyError {
    #[error("the team key is not valid base64")]
    NotBase64,
    #[error("the team key is {found} bytes long, but it must be {KEY_LEN}")]
    WrongLength { found: usize },
    #[error("the OS random number generator failed")]
    Random(#[source] getrandom::Error),
}

/// Why a value could not be sealed or opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CryptoError {
    #[error("the value was sealed with team key `{needed}`, but the key in use is `{have}`")]
    WrongKey { needed: KeyId, have: KeyId },
    #[error("a value sealed with team key `{key_id}` is damaged, changed or from another row")]
    Damaged { key_id: KeyId },
    #[error("a stored team key ID is malformed (expected `k-` and 12 lowercase hex digits)")]
    BadKeyId,
    #[error("the value to seal is too large ({len} bytes)")]
    TooLarge { len: usize },
    #[error("the OS random number generator failed")]
    Random(#[source] getrandom::Error),
}

/// A team key's public name: `k-` and the first 12 hex digits of a hash of
/// the key. Stored beside each ciphertext so a reader knows which key it needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct KeyId(String);

impl KeyId {
    fn of(key: &[u8; KEY_LEN]) -> KeyId {
        let digest = Sha256::new()
            .chain_update(KEY_ID_CONTEXT)
            .chain_update(key)
            .finalize();
        KeyId(format!("{KEY_ID_PREFIX}{}", hex(&digest[..KEY_ID_HEX / 2])))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for KeyId {
    type Err = CryptoError;

    /// Reads a key ID from a stored column; anything but the exact format is refused.
    fn from_str(s: &str) -> Result<KeyId, CryptoError> {
        let digits = s.strip_prefix(KEY_ID_PREFIX).unwrap_or_default();
        let hex = |b: u8| matches!(b, b'0'..=b'9' | b'a'..=b'f');
        if digits.len() != KEY_ID_HEX || !digits.bytes().all(hex) {
            return Err(CryptoError::BadKeyId);
        }
        Ok(KeyId(s.to_owned()))
    }
}

/// The team key: 32 random bytes, written as standard base64. No `Display`;
/// `Debug` shows only the key ID; the cipher state is zeroized on drop.
pub(crate) struct TeamKey {
    cipher: Aes256Gcm,
    id: KeyId,
}

impl fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamKey")
            .field("id", &self.id.0)
            .field("key", &"[redacted]")
            .finish()
    }
}

impl TeamKey {
    fn from_bytes(bytes: &Zeroizing<[u8; KEY_LEN]>) -> TeamKey {
        // A view of the bytes as the cipher's key type: no copy to clear.
        let key: &Key<Aes256Gcm> = (&**bytes).into();
        let id = KeyId::of(bytes);
        TeamKey {
            cipher: Aes256Gcm::new(key),
            id,
        }
    }

    /// Reads a key from its base64 text, ignoring surrounding whitespace.
    pub(crate) fn parse(text: &str) -> Result<TeamKey, KeyError> {
        let text = text.trim();
        // Reserved up front so decoding never reallocates and leaves a copy behind.
        let mut decoded =
            Zeroizing::new(Vec::with_capacity(base64::decoded_len_estimate(text.len())));
        // No detail from the decoder: it would quote a character of the key.
        BASE64
            .decode_vec(text, &mut decoded)
            .map_err(|_| KeyError::NotBase64)?;
        let found = decoded.len();
        if found != KEY_LEN {
            return Err(KeyError::WrongLength { found });
        }
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        bytes.copy_from_slice(&decoded);
        Ok(TeamKey::from_bytes(&bytes))
    }

    /// A new random key and its base64 text (padded), to show the user once.
    pub(crate) fn generate() -> Result<(TeamKey, SecretString), KeyError> {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        getrandom::fill(bytes.as_mut_slice()).map_err(KeyError::Random)?;
        let text = SecretString::from(base64::engine::general_purpose::STANDARD.encode(*bytes));
        Ok((TeamKey::from_bytes(&bytes), text))
    }

    pub(crate) fn id(&self) -> &KeyId {
        &self.id
    }

    /// Encrypts `plaintext` for the row `aad` names, under a fresh random nonce.
    pub(crate) fn seal(&self, aad: &Aad, plaintext: &[u8]) -> Result<Sealed, CryptoError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(CryptoError::Random)?;
        let payload = Payload {
            msg: plaintext,
            aad: &aad.0,
        };
        // Fails only for more than 64 GiB.
        let ciphertext = self
            .cipher
            .encrypt(&Nonce::from(nonce), payload)
            .map_err(|_| CryptoError::TooLarge {
                len: plaintext.len(),
            })?;
        Ok(Sealed {
            key_id: self.id.clone(),
            nonce,
            ciphertext,
        })
    }

    /// Decrypts a sealed value and checks that it belongs to the row `aad` names.
    pub(crate) fn open(&self, aad: &Aad, sealed: &Sealed) -> Result<Plaintext, CryptoError> {
        if sealed.key_id != self.id {
            let (needed, have) = (sealed.key_id.clone(), self.id.clone());
            return Err(CryptoError::WrongKey { needed, have });
        }
        let payload = Payload {
            msg: &sealed.ciphertext,
            aad: &aad.0,
        };
        // Wrapped at once: the whole buffer (spare capacity too) is cleared on drop.
        self.cipher
            .decrypt(&Nonce::from(sealed.nonce), payload)
            .map(Zeroizing::new)
            .map_err(|_| CryptoError::Damaged {
                key_id: sealed.key_id.clone(),
            })
    }
}

/// Associated data: binds a ciphertext to its row, so rows cannot be swapped.
/// Each part (context tag, account, field) is written with its length as
/// 8 bytes big-endian first, so no two different rows encode alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Aad(Vec<u8>);

impl Aad {
    pub(crate) fn new(account: &str, field: &str) -> Aad {
        let mut bytes = Vec::new();
        for part in [AAD_CONTEXT, account.as_bytes(), field.as_bytes()] {
            bytes.extend_from_slice(&(part.len() as u64).to_be_bytes());
            bytes.extend_from_slice(part);
        }
        Aad(bytes)
    }
}

/// What is stored in a row: the key ID, the nonce (fresh per seal), and the
/// ciphertext with its 16-byte tag at the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sealed {
    pub(crate) key_id: KeyId,
    pub(crate) nonce: [u8; NONCE_LEN],
    pub(crate) ciphertext: Vec<u8>,
}

/// Keys a reader may hold: the current one, which seals, and during a
/// rotation old ones, which only open.
#[derive(Debug)]
pub(crate) struct Keyring {
    current: TeamKey,
    old: Vec<TeamKey>,
}

impl Keyring {
    pub(crate) fn new(current: TeamKey, old: Vec<TeamKey>) -> Keyring {
        Keyring { current, old }
    }

    pub(crate) fn current(&self) -> &TeamKey {
        &self.current
    }

    pub(crate) fn seal(&self, aad: &Aad, plaintext: &[u8]) -> Result<Sealed, CryptoError> {
        self.current.seal(aad, plaintext)
    }

    /// Opens with the key whose ID the row names. Without one, the current
    /// key refuses it with `WrongKey`.
    pub(crate) fn open(&self, aad: &Aad, sealed: &Sealed) -> Result<Plaintext, CryptoError> {
        let key = self.old.iter().find(|key| key.id == sealed.key_id);
        key.unwrap_or(&self.current).open(aad, sealed)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use secrecy::ExposeSecret;

    use super::*;

    /// Bytes 0x00..=0x1f. Its ID and the row in `a_row_sealed_elsewhere_opens`
    /// were computed with `sha256sum` and Python's `cryptography`.
    const FIXED: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const FIXED_ID: &str = "k-95cb1ffb4a6e";

    fn key() -> TeamKey {
        TeamKey::parse(FIXED).unwrap()
    }

    fn aad() -> Aad {
        Aad::new("c_2345abcd", "access_token")
    }

    fn opened(result: Result<Plaintext, CryptoError>) -> Vec<u8> {
        result.unwrap().to_vec()
    }

    fn assert_damaged(result: Result<Plaintext, CryptoError>, what: &str) {
        let err = result.err();
        assert!(
            matches!(err, Some(CryptoError::Damaged { .. })),
            "{what}: {err:?}"
        );
    }

    #[test]
    fn seal_then_open_gives_the_plaintext() {
        let sealed = key().seal(&aad(), b"xoxb-secret").unwrap();
        assert_eq!(sealed.key_id.as_str(), FIXED_ID);
        assert_eq!(opened(key().open(&aad(), &sealed)), b"xoxb-secret");
    }

    #[test]
    fn a_row_sealed_elsewhere_opens() {
        let ciphertext = "9e77044f68b867dc1000f3d624e4f1f5c6d2e92083cb7eeec28bae";
        let ciphertext = (0..ciphertext.len() / 2)
            .map(|i| u8::from_str_radix(&ciphertext[i * 2..i * 2 + 2], 16).unwrap());
        let nonce = std::array::from_fn(|i| 0xa0 + i as u8);
        let (key_id, ciphertext) = (FIXED_ID.parse().unwrap(), ciphertext.collect());
        let sealed = Sealed {
            key_id,
            nonce,
            ciphertext,
        };
        assert_eq!(opened(key().open(&aad(), &sealed)), b"xoxb-secret");
    }

    #[test]
    fn the_key_id_is_stable_for_a_fixed_key() {
        assert_eq!(key().id().to_string(), FIXED_ID);
    }

    #[test]
    fn each_seal_uses_a_fresh_nonce() {
        let a = key().seal(&aad(), b"same").unwrap();
        let b = key().seal(&aad(), b"same").unwrap();
        assert_ne!((a.nonce, a.ciphertext), (b.nonce, b.ciphertext));
    }

    #[test]
    fn another_row_cannot_open_the_value() {
        let sealed = key().seal(&aad(), b"xoxb-secret").unwrap();
        let account = Aad::new("c_zzzzzzzz", "access_token");
        assert_damaged(key().open(&account, &sealed), "other account");
        let field = Aad::new("c_2345abcd", "refresh_token");
        assert_damaged(key().open(&field, &sealed), "other field");
    }

    #[test]
    fn the_associated_data_keeps_parts_apart() {
        assert_ne!(Aad::new("ab", "c"), Aad::new("a", "bc"));
        assert_ne!(Aad::new("", "ac"), Aad::new("ac", ""));
    }

    #[test]
    fn a_flipped_bit_is_damage() {
        let sealed = key().seal(&aad(), b"xoxb-secret").unwrap();
        for byte in [0, sealed.ciphertext.len() - 1] {
            let mut bad = sealed.clone();
            bad.ciphertext[byte] ^= 1;
            assert_damaged(key().open(&aad(), &bad), &format!("ciphertext byte {byte}"));
        }
        for byte in [0, NONCE_LEN - 1] {
            let mut bad = sealed.clone();
            bad.nonce[byte] ^= 0x80;
            assert_damaged(key().open(&aad(), &bad), &format!("nonce byte {byte}"));
        }
    }

    #[test]
    fn a_row_sealed_with_another_key_names_the_key_it_needs() {
        let (other, _) = TeamKey::generate().unwrap();
        let sealed = other.seal(&aad(), b"xoxb-secret").unwrap();
        let err = Keyring::new(key(), vec![])
            .open(&aad(), &sealed)
            .unwrap_err();
        let CryptoError::WrongKey { needed, have } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((needed, have.as_str()), (other.id(), FIXED_ID));
        assert!(err.to_string().contains(other.id().as_str()), "{err}");
    }

    #[test]
    fn a_keyring_opens_rows_of_the_old_key_and_seals_with_the_current() {
        let (current, _) = TeamKey::generate().unwrap();
        let old_row = key().seal(&aad(), b"old").unwrap();
        let ring = Keyring::new(current, vec![key()]);
        assert_eq!(opened(ring.open(&aad(), &old_row)), b"old");
        let new_row = ring.seal(&aad(), b"new").unwrap();
        assert_eq!(&new_row.key_id, ring.current().id());
        assert_eq!(opened(ring.open(&aad(), &new_row)), b"new");
    }

    #[test]
    fn parse_accepts_padding_or_none_and_trims_whitespace() {
        for text in [FIXED, FIXED.trim_end_matches('='), &format!("  {FIXED}\n")] {
            assert_eq!(
                TeamKey::parse(text).unwrap().id().as_str(),
                FIXED_ID,
                "{text:?}"
            );
        }
    }

    #[test]
    fn parse_rejects_short_long_and_non_base64_keys() {
        let length = |text| match TeamKey::parse(text) {
            Err(KeyError::WrongLength { found }) => found,
            other => panic!("{text:?}: {other:?}"),
        };
        assert_eq!(length("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="), 31);
        assert_eq!(length("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"), 33);
        assert_eq!(length(" \n"), 0);
        for text in [
            "AAEC-wQF",
            "AAECAwQFBgcICQoLDA0O DxAREhMUFRYXGBkaGxwdHh8=",
            "AAEC\u{e9}",
        ] {
            let err = TeamKey::parse(text).unwrap_err();
            assert!(matches!(err, KeyError::NotBase64), "{text:?}: {err:?}");
        }
    }

    #[test]
    fn a_generated_key_reads_back_from_its_text() {
        let (key, text) = TeamKey::generate().unwrap();
        assert_eq!(TeamKey::parse(text.expose_secret()).unwrap().id(), key.id());
    }

    #[test]
    fn debug_and_errors_show_no_key_material() {
        let (generated, text) = TeamKey::generate().unwrap();
        let debug = format!("{:?}", Keyring::new(generated, vec![key()]));
        assert!(
            !debug.contains(text.expose_secret()) && !debug.contains(FIXED),
            "{debug}"
        );
        let expected = r#"TeamKey { id: "k-95cb1ffb4a6e", key: "[redacted]" }"#;
        assert_eq!(format!("{:?}", key()), expected);
        let err = TeamKey::parse("AAECAwQFBgcICQoL!A0ODxAREhMUFRYXGBkaGxwdHh8=").unwrap_err();
        assert_eq!(err.to_string(), "the team key is not valid base64");
    }

    #[test]
    fn key_ids_are_read_only_in_their_exact_form() {
        assert_eq!(FIXED_ID.parse::<KeyId>().unwrap(), *key().id());
        let bad = [
            "",
            "k-",
            "95cb1ffb4a6e",
            "K-95cb1ffb4a6e",
            " k-95cb1ffb4a6e",
        ];
        let bad_digits = [
            "k-95CB1FFB4A6E",
            "k-95cb1ffb4a6",
            "k-95cb1ffb4a6e0",
            "k-95cb1ffb4a6g",
        ];
        for text in bad.into_iter().chain(bad_digits) {
            let parsed = text.parse::<KeyId>();
            assert!(
                matches!(parsed, Err(CryptoError::BadKeyId)),
                "{text:?}: {parsed:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn seal_then_open_round_trips(plaintext: Vec<u8>, account: String, field: String) {
            let aad = Aad::new(&account, &field);
            let sealed = key().seal(&aad, &plaintext).unwrap();
            prop_assert_eq!(opened(key().open(&aad, &sealed)), plaintext);
        }
    }
}
