//! Starting a Telegram session from what the config and the login form provide, or saying
//! which login stage must come first (TDLib download, API key, passphrase).

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::keys::{self, KeyError};
use crate::telegram::{self, Backend, Session, SessionConfig, tdjson};
use crate::ui::features::login::{NoKeyring, Stage};
use i18n::t;

/// Stands in for the OS keyring: an account's database key, or why not. The UI tests play
/// a locked or damaged keyring with one (on the simulator, which otherwise needs no key).
pub type Keyring = Arc<dyn Fn(&str) -> Result<String, KeyError> + Send + Sync>;

pub struct Inputs<'a> {
    pub demo: bool,
    pub config: &'a Config,
    pub paths: &'a Paths,
    /// Typed on the login screen when no keyring exists.
    pub passphrase: Option<&'a str>,
    /// `None`: the OS keyring (none at all on the simulator).
    pub keyring: Option<&'a Keyring>,
}

/// What starting asks for next.
pub enum Begun {
    Session(Session),
    /// The stage the login screen must show first.
    Stage(Stage),
    /// The key must come from the keyring: `KeyRead::read` may block on the OS's unlock
    /// prompt for as long as the user takes, so the app runs it off the window's thread,
    /// keeps the `Plan` meanwhile, and finishes with `finish`.
    Keyring(KeyRead, Plan),
}

/// A keyring read still to run.
pub struct KeyRead {
    account: String,
    /// `None`: the OS keyring.
    stand_in: Option<Keyring>,
}

/// The session's parameters but its key, kept by the app while the keyring is read.
#[derive(Debug)]
pub struct Plan {
    api_id: i32,
    api_hash: String,
    database_dir: PathBuf,
}

/// The keyring's answer. Its `Debug` hides the key: messages may be logged.
#[derive(Clone)]
pub struct KeyAnswer(Result<String, KeyError>);

impl std::fmt::Debug for KeyAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Ok(_) => f.write_str("KeyAnswer(Ok(<key>))"),
            Err(e) => write!(f, "KeyAnswer(Err({e:?}))"),
        }
    }
}

impl KeyAnswer {
    /// The read stopped before the keyring answered (its worker panicked). Taken as locked,
    /// not as "no keyring": Retry, never a passphrase that would not open a database
    /// encrypted with the keyring's key.
    pub fn stopped(reason: String) -> KeyAnswer {
        KeyAnswer(Err(KeyError::Locked {
            reason: t!("login-keyring-check-stopped", reason = reason),
        }))
    }
}

impl KeyRead {
    /// Asks the keyring (or the stand-in). Blocks: an OS keyring may show its unlock
    /// prompt and wait for the user.
    pub fn read(&self) -> KeyAnswer {
        KeyAnswer(match &self.stand_in {
            Some(stand_in) => stand_in(&self.account),
            None => keys::database_key(&self.account).map(|(key, _)| key),
        })
    }
}

impl Plan {
    /// Starts the account's session with its database key.
    fn start(self, encryption_key: String) -> Result<Session, Stage> {
        start(SessionConfig {
            api_id: self.api_id,
            api_hash: self.api_hash,
            database_dir: self.database_dir,
            encryption_key,
            demo: false,
        })
    }
}

/// Starts the session with the key the keyring gave, or says which stage comes instead.
pub fn finish(plan: Plan, answer: KeyAnswer) -> Result<Session, Stage> {
    let encryption_key = answer
        .0
        .map_err(|e| key_stage(e, plan.database_dir.clone()))?;
    plan.start(encryption_key)
}

/// A running session, the stage the login screen must show first, or a keyring read to
/// run before either.
pub fn begin(inputs: Inputs<'_>) -> Begun {
    match prepare(inputs) {
        Ok(Ok(session)) => Begun::Session(session),
        Ok(Err((read, plan))) => Begun::Keyring(read, plan),
        Err(stage) => Begun::Stage(stage),
    }
}

fn prepare(inputs: Inputs<'_>) -> Result<Result<Session, (KeyRead, Plan)>, Stage> {
    let Inputs {
        demo,
        config,
        paths,
        passphrase,
        keyring,
    } = inputs;
    if demo {
        if tdjson::backend_name() != "simulated" {
            return Err(Stage::NoLibrary(t!("login-demo-own-window")));
        }
        let dir = paths.data_dir.join("demo");
        // A fresh floor every time: yesterday's simulated chats are no use to a trainee.
        let _ = std::fs::remove_dir_all(&dir);
        return start(SessionConfig {
            api_id: 1,
            api_hash: "0".repeat(32),
            database_dir: dir,
            encryption_key: keys::random_key(),
            demo: true,
        })
        .map(Ok);
    }
    if tdjson::backend_name() == "none" {
        match telegram::native::locate(config.telegram.tdjson.as_deref(), &paths.tdlib_dir) {
            Ok(library) => {
                if let Err(e) = telegram::init_backend(Backend::Native(library)) {
                    return Err(Stage::NoLibrary(e.to_string()));
                }
            }
            Err(e) => {
                return Err(Stage::NoLibrary(t!(
                    "login-tdlib-missing",
                    reason = e.to_string()
                )));
            }
        }
    }
    let key = (config.telegram.api_id, config.telegram.api_hash.clone());
    let (Some(api_id), Some(api_hash)) = (match key {
        // A simulated Telegram takes any key: no my.telegram.org for a trainee.
        (None, _) | (_, None) if tdjson::is_simulated() => (Some(1), Some("0".repeat(32))),
        key => key,
    }) else {
        return Err(Stage::Credentials);
    };
    let account = config.telegram.account_name();
    let plan = Plan {
        api_id,
        api_hash,
        database_dir: paths.account_dir(&account),
    };
    let encryption_key = match (passphrase, keyring) {
        (Some(p), _) => keys::from_passphrase(p).map_err(|e| no_keyring(e, &plan.database_dir))?,
        // The simulator keeps nothing on disk worth protecting; no keyring needed.
        (None, None) if tdjson::is_simulated() => keys::random_key(),
        (None, stand_in) => {
            let read = KeyRead {
                account,
                stand_in: stand_in.cloned(),
            };
            return Ok(Err((read, plan)));
        }
    };
    plan.start(encryption_key).map(Ok)
}

/// The login stage for a key the keyring did not give. Only "no keyring" asks for a
/// passphrase: a locked keyring or a damaged entry may guard a database already encrypted
/// with the keyring's key, which a passphrase would not open.
fn key_stage(e: KeyError, folder: PathBuf) -> Stage {
    match e {
        KeyError::Locked { reason } => Stage::KeyringLocked(reason),
        KeyError::Damaged { entry, reason } => Stage::KeyDamaged {
            service: keys::SERVICE.into(),
            entry,
            reason,
            folder,
        },
        KeyError::NoKeyring { .. } | KeyError::EmptyPassphrase => no_keyring(e, &folder),
    }
}

/// The passphrase step: chosen (typed twice) while the account has no database yet,
/// otherwise the one it was encrypted with. The keyring's own words go under "Details".
fn no_keyring(e: KeyError, folder: &std::path::Path) -> Stage {
    let new = std::fs::read_dir(folder).map_or(true, |mut entries| entries.next().is_none());
    let details = match e {
        KeyError::NoKeyring { reason } => reason,
        other => other.to_string(),
    };
    Stage::Passphrase(NoKeyring { new, details })
}

fn start(config: SessionConfig) -> Result<Session, Stage> {
    Session::start(config)
        .map_err(|e| Stage::NoLibrary(t!("login-tdlib-not-started", error = e.to_string())))
}

/// "Try the demo floor" from a window already bound to the real TDLib: the backend is
/// chosen once per process, so the demo runs as a second process.
pub fn launch_demo() -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    std::process::Command::new(exe)
        .arg("--demo")
        .spawn()
        .map(|_| ())
        .map_err(|e| e.to_string())
}
