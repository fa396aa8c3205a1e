//! The key TDLib encrypts each account's database with: 256 random bits kept in the OS
//! keyring, or, where no keyring is available, a passphrase the user types.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;

const SERVICE: &str = "dutydesk";

/// Why the key could not come from the keyring; the UI asks for a passphrase instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error(
        "no OS keyring is available ({reason}), so DutyDesk cannot keep a random key for the \
         Telegram database; choose a passphrase instead (or set DUTYDESK_DB_PASSPHRASE)"
    )]
    NoKeyring { reason: String },
    #[error("the passphrase is empty")]
    EmptyPassphrase,
}

/// Where an account's key came from, for `doctor` and the login screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    Keyring,
    Passphrase,
}

/// The base64 key for TDLib's `database_encryption_key`: the passphrase from
/// `DUTYDESK_DB_PASSPHRASE` if set, else the keyring's (created on first use).
pub fn database_key(account: &str) -> Result<(String, KeySource), KeyError> {
    if let Ok(passphrase) = std::env::var("DUTYDESK_DB_PASSPHRASE") {
        return Ok((from_passphrase(&passphrase)?, KeySource::Passphrase));
    }
    keyring_key(account).map(|key| (key, KeySource::Keyring))
}

/// A passphrase as TDLib's key: TDLib derives the database key from these bytes itself.
pub fn from_passphrase(passphrase: &str) -> Result<String, KeyError> {
    if passphrase.is_empty() {
        return Err(KeyError::EmptyPassphrase);
    }
    Ok(STANDARD.encode(passphrase.as_bytes()))
}

/// A fresh random 256-bit key, base64.
pub fn random_key() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    STANDARD.encode(bytes)
}

fn keyring_key(account: &str) -> Result<String, KeyError> {
    let no_keyring = |e: keyring::Error| KeyError::NoKeyring {
        reason: e.to_string(),
    };
    let entry = keyring::Entry::new(SERVICE, &format!("tdlib-database-key:{account}"))
        .map_err(no_keyring)?;
    match entry.get_password() {
        Ok(key) if STANDARD.decode(&key).is_ok_and(|k| k.len() == 32) => Ok(key),
        // A damaged entry is never overwritten: replacing the key TDLib's database was
        // encrypted with would lose the account's local data. Only a missing one is created.
        Ok(_) => Err(KeyError::NoKeyring {
            reason: "the stored key is damaged".into(),
        }),
        Err(keyring::Error::NoEntry) => {
            let key = random_key();
            entry.set_password(&key).map_err(no_keyring)?;
            Ok(key)
        }
        Err(e) => Err(no_keyring(e)),
    }
}

/// Whether an OS keyring answers here, with the reason when not (for `doctor`).
pub fn keyring_status() -> Result<(), String> {
    match keyring::Entry::store_status() {
        Ok(()) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_keys_are_256_bits_and_differ() {
        let (a, b) = (random_key(), random_key());
        assert_eq!(STANDARD.decode(&a).unwrap().len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn passphrase_must_not_be_empty() {
        assert_eq!(from_passphrase(""), Err(KeyError::EmptyPassphrase));
        assert_eq!(
            STANDARD.decode(from_passphrase("s3cret").unwrap()).unwrap(),
            b"s3cret"
        );
    }
}
