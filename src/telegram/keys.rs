//! The key TDLib encrypts each account's database with: 256 random bits kept in the OS
//! keyring, or, where no keyring is available, a passphrase the user types.

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;

/// The keyring service of every DutyDesk entry (part of every user's stored data).
pub const SERVICE: &str = "dutydesk";

/// Why the key could not come from the keyring; the UI shows it and asks for a passphrase.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    NoKeyring {
        reason: String,
    },
    /// There is a keyring, but it did not open: locked (its unlock prompt dismissed or
    /// impossible, e.g. with no display) or access refused. Not "no keyring": the key an
    /// existing database was encrypted with may be in it, and a passphrase would not open
    /// that database.
    Locked {
        reason: String,
    },
    /// The stored entry is not a key DutyDesk wrote. It is left as it is: replacing the key
    /// a database was encrypted with would lose the account's local data.
    Damaged {
        entry: String,
        reason: String,
    },
    EmptyPassphrase,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use i18n::t;
        f.write_str(&match self {
            KeyError::NoKeyring { reason } => t!("keyring-error-none", reason = reason.as_str()),
            KeyError::Locked { reason } => t!("keyring-error-locked", reason = reason.as_str()),
            KeyError::Damaged { entry, reason } => t!(
                "keyring-error-damaged",
                entry = entry.as_str(),
                service = SERVICE,
                reason = reason.as_str()
            ),
            KeyError::EmptyPassphrase => t!("keyring-error-empty-passphrase"),
        })
    }
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

/// The keyring entry of an account's key. Part of every user's stored data: renaming it
/// would orphan the keys already stored.
pub fn entry_name(account: &str) -> String {
    format!("tdlib-database-key:{account}")
}

/// A key as `random_key` makes them: 256 bits in base64.
fn is_key(key: &str) -> bool {
    STANDARD.decode(key).is_ok_and(|k| k.len() == 32)
}

fn keyring_key(account: &str) -> Result<String, KeyError> {
    let name = entry_name(account);
    let entry = open_entry(&name)?;
    // Get-or-create is two calls: two DutyDesks starting at once for a new account would
    // both find no key and each store its own; the one overwritten would then encrypt its
    // database with a key nobody keeps. So one process at a time (held until return).
    let _lock = creation_lock();
    if let Some(key) = read_key(&entry, &name)? {
        return Ok(key);
    }
    let key = random_key();
    entry
        .set_password(&key)
        .map_err(|e| keyring_error(e, &name))?;
    Ok(key)
}

fn open_entry(name: &str) -> Result<keyring::Entry, KeyError> {
    keyring::Entry::new(SERVICE, name).map_err(|e| keyring_error(e, name))
}

/// The key an account's entry holds, `None` when there is no entry yet (only then may one
/// be created). A damaged entry is an error, never overwritten: replacing the key TDLib's
/// database was encrypted with would lose the account's local data.
fn read_key(entry: &keyring::Entry, name: &str) -> Result<Option<String>, KeyError> {
    match entry.get_password() {
        Ok(key) if is_key(&key) => Ok(Some(key)),
        Ok(_) => Err(KeyError::Damaged {
            entry: name.to_owned(),
            reason: "not 256 bits in base64".into(),
        }),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(keyring_error(e, name)),
    }
}

/// Sorts the keyring's errors by what the user can do about them.
fn keyring_error(e: keyring::Error, entry: &str) -> KeyError {
    match e {
        keyring::Error::NoStorageAccess(_) => KeyError::Locked {
            reason: e.to_string(),
        },
        keyring::Error::BadEncoding(_)
        | keyring::Error::BadDataFormat(..)
        | keyring::Error::Ambiguous(_) => KeyError::Damaged {
            entry: entry.to_owned(),
            reason: e.to_string(),
        },
        _ => KeyError::NoKeyring {
            reason: e.to_string(),
        },
    }
}

/// How long a DutyDesk waits for another to finish getting or creating a key: long enough
/// for a person to answer the keyring's unlock prompt.
const LOCK_WAIT: Duration = Duration::from_secs(120);

/// Serialises get-or-create across this user's processes: the keyring is per user, so the
/// lock is in the user's runtime directory, not under `DUTYDESK_HOME`. Best effort: if it
/// cannot be taken, only a simultaneous first use of one account is exposed.
fn creation_lock() -> Option<rusqlite::Connection> {
    let dir = dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir);
    let lock = lock_in(&dir, LOCK_WAIT);
    if lock.is_none() {
        tracing::warn!(dir = %dir.display(), "no keyring creation lock; going on without");
    }
    lock
}

/// SQLite's file lock as a cross-process mutex: the OS drops it when the process ends, so
/// a crash never leaves it held, and it works alike on Linux, macOS and Windows. Released
/// when the returned connection drops (its transaction rolls back; nothing is written).
fn lock_in(dir: &Path, wait: Duration) -> Option<rusqlite::Connection> {
    let conn = rusqlite::Connection::open(dir.join("dutydesk-keyring.lock")).ok()?;
    conn.busy_timeout(wait).ok()?;
    conn.execute_batch("BEGIN IMMEDIATE").ok()?;
    Some(conn)
}

/// Whether the keyring would give `account` its key now, for `doctor`. A keyring service
/// that answers may still be locked, and then the app cannot start: so this reads the
/// account's entry as start-up does and, when there is none yet, stores and removes a probe
/// entry in its place (a locked keyring lets a search for a missing entry through and only
/// refuses the write that would create it). Never creates or changes the account's entry.
pub fn keyring_check(account: &str) -> Result<(), KeyError> {
    if let Err(e) = keyring::Entry::store_status() {
        return Err(KeyError::NoKeyring {
            reason: e.to_string(),
        });
    }
    let name = entry_name(account);
    if read_key(&open_entry(&name)?, &name)?.is_some() {
        return Ok(());
    }
    let probe = open_entry(PROBE_ENTRY)?;
    probe
        .set_password("written by dutydesk doctor; safe to delete")
        .map_err(|e| keyring_error(e, PROBE_ENTRY))?;
    // Best effort: a probe left behind holds nothing secret.
    let _ = probe.delete_credential();
    Ok(())
}

/// The entry `keyring_check` writes and removes; not a `tdlib-database-key:` name, so it
/// can never stand for an account's key.
const PROBE_ENTRY: &str = "doctor-probe";

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
    fn keyring_errors_say_what_to_do() {
        let platform = || Box::new(std::io::Error::other("prompt dismissed")) as _;
        let name = entry_name("alice");
        assert!(matches!(
            keyring_error(keyring::Error::NoStorageAccess(platform()), &name),
            KeyError::Locked { .. }
        ));
        let damaged = keyring_error(keyring::Error::BadEncoding(vec![0xff]), &name);
        assert!(
            matches!(&damaged, KeyError::Damaged { entry, .. } if entry == &name),
            "{damaged:?}"
        );
        assert!(matches!(
            keyring_error(keyring::Error::NoDefaultStore, &name),
            KeyError::NoKeyring { .. }
        ));
        assert!(matches!(
            keyring_error(keyring::Error::PlatformFailure(platform()), &name),
            KeyError::NoKeyring { .. }
        ));
    }

    #[test]
    fn the_creation_lock_is_held_by_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_in(dir.path(), Duration::ZERO).expect("free");
        assert!(lock_in(dir.path(), Duration::ZERO).is_none(), "held");
        // Another waits for it rather than failing.
        let waiter = std::thread::spawn({
            let dir = dir.path().to_owned();
            move || lock_in(&dir, Duration::from_secs(10)).is_some()
        });
        std::thread::sleep(Duration::from_millis(200));
        drop(first);
        assert!(waiter.join().unwrap(), "taken once released");
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
