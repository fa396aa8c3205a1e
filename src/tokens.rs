//! Tracker tokens: kept in the OS keyring, never in the config file or a log line.
//!
//! One entry per configured tracker, service `dutydesk`, entry `tracker-token:<name>` (the
//! `[[trackers]] name`). The environment variable `DUTYDESK_TRACKER_TOKEN_<NAME>` overrides
//! the keyring (CI, a shared machine without a keyring). In: a tracker's name, and the secret
//! the admin typed in Settings. Out: a `tracker::Token`, or why there is none.
//!
//! The window reads a token on a blocking worker together with the tracker call it is for
//! (`ui::effect::tracker`): an OS keyring may show its unlock prompt and wait. The demo floor
//! and the tests use an in-memory store ([`Memory`]) instead.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use i18n::t;
use tracker::Token;

/// The keyring service of every DutyDesk entry (the database key's too).
pub use crate::telegram::keys::SERVICE;

/// Where tokens are kept; shared by the window's workers.
pub type Tokens = Arc<dyn TokenStore>;

/// Why a token could not be read or kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No OS keyring on this machine (no Secret Service, say).
    NoKeyring { reason: String },
    /// The keyring did not open: locked, its prompt dismissed, or access refused.
    Locked { reason: String },
    /// Anything else the keyring answered.
    Failed { reason: String },
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            TokenError::NoKeyring { reason } => {
                t!("tasks-token-no-keyring", reason = reason.as_str())
            }
            TokenError::Locked { reason } => t!("tasks-token-locked", reason = reason.as_str()),
            TokenError::Failed { reason } => t!("tasks-token-failed", reason = reason.as_str()),
        })
    }
}

impl TokenError {
    /// Whether asking again may work (the keyring unlocked meanwhile).
    pub fn is_transient(&self) -> bool {
        matches!(self, TokenError::Locked { .. })
    }
}

/// A place tracker tokens are kept.
pub trait TokenStore: Send + Sync {
    /// The tracker's token as text (Settings moves a renamed tracker's token with it).
    fn read_secret(&self, tracker: &str) -> Result<Option<String>, TokenError>;

    /// The tracker's token; `None` when none is stored.
    fn read(&self, tracker: &str) -> Result<Option<Token>, TokenError> {
        Ok(self.read_secret(tracker)?.map(Token::new))
    }

    fn write(&self, tracker: &str, secret: &str) -> Result<(), TokenError>;
    /// Forgets the tracker's token (a tracker removed in Settings); no token is no error.
    fn delete(&self, tracker: &str) -> Result<(), TokenError>;
}

/// The keyring entry of a tracker's token. Part of every user's stored data.
pub fn entry_name(tracker: &str) -> String {
    format!("tracker-token:{}", tracker.trim())
}

/// The environment variable that overrides the keyring for a tracker's token:
/// `DUTYDESK_TRACKER_TOKEN_` and the name upper-cased, every other character as `_`.
pub fn env_variable(tracker: &str) -> String {
    let name: String = tracker
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("DUTYDESK_TRACKER_TOKEN_{name}")
}

/// The OS keyring, with the environment's override on reading.
pub struct Keyring;

/// The OS keyring, shared.
pub fn os() -> Tokens {
    Arc::new(Keyring)
}

impl Keyring {
    fn entry(tracker: &str) -> Result<keyring::Entry, TokenError> {
        keyring::Entry::new(SERVICE, &entry_name(tracker)).map_err(sorted)
    }

    /// The token from the environment, if its variable is set.
    pub fn from_env(tracker: &str) -> Option<String> {
        std::env::var(env_variable(tracker))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }
}

impl TokenStore for Keyring {
    fn read_secret(&self, tracker: &str) -> Result<Option<String>, TokenError> {
        if let Some(secret) = Keyring::from_env(tracker) {
            return Ok(Some(secret));
        }
        match Keyring::entry(tracker)?.get_password() {
            Ok(secret) if secret.trim().is_empty() => Ok(None),
            Ok(secret) => Ok(Some(secret.trim().to_string())),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(sorted(e)),
        }
    }

    fn write(&self, tracker: &str, secret: &str) -> Result<(), TokenError> {
        Keyring::entry(tracker)?
            .set_password(secret.trim())
            .map_err(sorted)
    }

    fn delete(&self, tracker: &str) -> Result<(), TokenError> {
        match Keyring::entry(tracker)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(sorted(e)),
        }
    }
}

/// Sorts the keyring's errors by what the admin can do about them. The text never holds a
/// secret: the keyring reports about entries, not their contents.
fn sorted(e: keyring::Error) -> TokenError {
    let reason = e.to_string();
    match e {
        keyring::Error::NoStorageAccess(_) => TokenError::Locked { reason },
        keyring::Error::NoDefaultStore | keyring::Error::NotSupportedByStore(_) => {
            TokenError::NoKeyring { reason }
        }
        _ => TokenError::Failed { reason },
    }
}

/// Tokens in memory: the demo floor's simulated tracker, and the tests.
#[derive(Default)]
pub struct Memory {
    tokens: Mutex<HashMap<String, String>>,
}

impl Memory {
    pub fn new() -> Memory {
        Memory::default()
    }

    /// A store holding `tracker`'s token.
    pub fn with(tracker: &str, secret: &str) -> Memory {
        let memory = Memory::new();
        let _ = memory.write(tracker, secret);
        memory
    }

    /// Whether a token is kept for `tracker` (tests check what Settings stored).
    pub fn holds(&self, tracker: &str, secret: &str) -> bool {
        self.lock().get(tracker.trim()).map(String::as_str) == Some(secret)
    }

    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.lock().keys().cloned().collect();
        names.sort();
        names
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl TokenStore for Memory {
    fn read_secret(&self, tracker: &str) -> Result<Option<String>, TokenError> {
        Ok(self.lock().get(tracker.trim()).cloned())
    }

    fn write(&self, tracker: &str, secret: &str) -> Result<(), TokenError> {
        self.lock()
            .insert(tracker.trim().to_string(), secret.trim().to_string());
        Ok(())
    }

    fn delete(&self, tracker: &str) -> Result<(), TokenError> {
        self.lock().remove(tracker.trim());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_and_entries_are_named_after_the_tracker() {
        assert_eq!(
            env_variable("Support Jira"),
            "DUTYDESK_TRACKER_TOKEN_SUPPORT_JIRA"
        );
        assert_eq!(
            env_variable(" redmine #2 "),
            "DUTYDESK_TRACKER_TOKEN_REDMINE__2"
        );
        assert_eq!(entry_name(" Support Jira "), "tracker-token:Support Jira");
    }

    #[test]
    fn memory_keeps_reads_and_forgets() {
        let m = Memory::with("Redmine", " s3cret ");
        assert_eq!(m.read("Redmine").unwrap(), Some(Token::new("s3cret")));
        assert_eq!(m.read("Jira").unwrap(), None);
        m.delete("Redmine").unwrap();
        assert_eq!(m.read("Redmine").unwrap(), None);
        m.delete("Redmine").unwrap();
    }

    #[test]
    fn keyring_errors_are_sorted_by_what_to_do() {
        let platform = || Box::new(std::io::Error::other("prompt dismissed")) as _;
        let locked = sorted(keyring::Error::NoStorageAccess(platform()));
        assert!(matches!(locked, TokenError::Locked { .. }));
        assert!(locked.is_transient());
        assert!(matches!(
            sorted(keyring::Error::NoDefaultStore),
            TokenError::NoKeyring { .. }
        ));
        assert!(matches!(
            sorted(keyring::Error::PlatformFailure(platform())),
            TokenError::Failed { .. }
        ));
    }
}
