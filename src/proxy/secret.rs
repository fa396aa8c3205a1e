//! A proxy's password or secret: kept in the OS keyring (service `dutydesk`, one entry per
//! proxy, named by `Proxy::keyring_entry`), never in the config or a log. `Secret`'s
//! `Debug` hides it, so messages and errors that carry one may be logged.
//!
//! `Secrets` is where they are kept: the OS keyring (`OsKeyring`) in the app, a stand-in
//! in memory (`MemoryKeyring`) in tests. Every call may block (a keyring may show its unlock
//! prompt), so the window makes them as blocking work, never on its own thread.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::telegram::keys::SERVICE;

/// A password or secret. Its `Debug` never shows it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(secret: impl Into<String>) -> Secret {
        Secret(secret.into())
    }

    /// The secret itself, for TDLib and the keyring only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str("Secret(none)")
        } else {
            f.write_str("Secret(***)")
        }
    }
}

/// The keyring did not keep or give a proxy's secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretError {
    pub entry: String,
    /// The keyring library's own words.
    pub reason: String,
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&i18n::t!(
            "connection-keyring-error",
            entry = self.entry.as_str(),
            reason = self.reason.as_str()
        ))
    }
}

impl std::error::Error for SecretError {}

/// Where proxies' secrets are kept. Calls may block.
pub trait Secrets: Send + Sync {
    /// The secret kept under `entry`; `None` if there is none.
    fn get(&self, entry: &str) -> Result<Option<Secret>, SecretError>;
    /// Keeps `secret` under `entry`; an empty secret removes the entry.
    fn set(&self, entry: &str, secret: &Secret) -> Result<(), SecretError>;
}

/// The OS keyring: Secret Service, Keychain, Credential Manager.
pub struct OsKeyring;

impl Secrets for OsKeyring {
    fn get(&self, entry: &str) -> Result<Option<Secret>, SecretError> {
        match open(entry)?.get_password() {
            Ok(secret) => Ok(Some(Secret(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(error(entry, e)),
        }
    }

    fn set(&self, entry: &str, secret: &Secret) -> Result<(), SecretError> {
        let kept = open(entry)?;
        if secret.is_empty() {
            return match kept.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(error(entry, e)),
            };
        }
        kept.set_password(secret.expose())
            .map_err(|e| error(entry, e))
    }
}

fn open(entry: &str) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, entry).map_err(|e| error(entry, e))
}

fn error(entry: &str, e: keyring::Error) -> SecretError {
    SecretError {
        entry: entry.to_string(),
        reason: e.to_string(),
    }
}

/// A keyring in memory: the tests' stand-in, or one that refuses everything (`failing`).
#[derive(Default)]
pub struct MemoryKeyring {
    entries: Mutex<HashMap<String, String>>,
    refuse: Option<String>,
}

impl MemoryKeyring {
    /// A keyring that answers every call with this error.
    pub fn failing(reason: &str) -> MemoryKeyring {
        MemoryKeyring {
            refuse: Some(reason.to_string()),
            ..MemoryKeyring::default()
        }
    }

    /// Every entry, for tests to look at.
    pub fn entries(&self) -> HashMap<String, String> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn check(&self, entry: &str) -> Result<(), SecretError> {
        match &self.refuse {
            Some(reason) => Err(SecretError {
                entry: entry.to_string(),
                reason: reason.clone(),
            }),
            None => Ok(()),
        }
    }
}

impl Secrets for MemoryKeyring {
    fn get(&self, entry: &str) -> Result<Option<Secret>, SecretError> {
        self.check(entry)?;
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        Ok(entries.get(entry).cloned().map(Secret))
    }

    fn set(&self, entry: &str, secret: &Secret) -> Result<(), SecretError> {
        self.check(entry)?;
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if secret.is_empty() {
            entries.remove(entry);
        } else {
            entries.insert(entry.to_string(), secret.expose().to_string());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_shows_in_debug() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert!(!format!("{:?}", Some(&s)).contains("hunter2"));
        assert_eq!(format!("{:?}", Secret::default()), "Secret(none)");
    }

    #[test]
    fn the_memory_keyring_keeps_and_forgets() {
        let k = MemoryKeyring::default();
        k.set("a", &Secret::new("x")).unwrap();
        assert_eq!(k.get("a").unwrap(), Some(Secret::new("x")));
        k.set("a", &Secret::default()).unwrap();
        assert_eq!(k.get("a").unwrap(), None);
        let refusing = MemoryKeyring::failing("locked");
        assert_eq!(refusing.get("a").unwrap_err().reason, "locked");
    }
}
