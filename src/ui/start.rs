//! Starting a Telegram session from what the config and the login form provide, or saying
//! which login stage must come first (TDLib download, API key, passphrase).

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::keys::{self, KeyError};
use crate::telegram::{self, Backend, Session, SessionConfig, tdjson};
use crate::ui::screens::login::Stage;

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

/// Either a running session or the stage the login screen must show first.
pub fn begin(inputs: Inputs<'_>) -> Result<Session, Stage> {
    let Inputs {
        demo,
        config,
        paths,
        passphrase,
        keyring,
    } = inputs;
    if demo {
        if tdjson::backend_name() != "simulated" {
            return Err(Stage::NoLibrary(
                "The demo floor runs in its own window: start DutyDesk with --demo.".into(),
            ));
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
        });
    }
    if tdjson::backend_name() == "none" {
        match telegram::native::locate(config.telegram.tdjson.as_deref(), &paths.tdlib_dir) {
            Ok(library) => {
                if let Err(e) = telegram::init_backend(Backend::Native(library)) {
                    return Err(Stage::NoLibrary(format!("{e:?}")));
                }
            }
            Err(e) => {
                return Err(Stage::NoLibrary(format!(
                    "{e} DutyDesk can download it for you."
                )));
            }
        }
    }
    let (Some(api_id), Some(api_hash)) = (config.telegram.api_id, config.telegram.api_hash.clone())
    else {
        return Err(Stage::Credentials);
    };
    let account = config.telegram.account_name();
    let database_dir = paths.account_dir(&account);
    let key_stage = |e| key_stage(e, database_dir.clone());
    let encryption_key = match (passphrase, keyring) {
        (Some(p), _) => keys::from_passphrase(p).map_err(|e| Stage::Passphrase(e.to_string()))?,
        (None, Some(stand_in)) => stand_in(&account).map_err(key_stage)?,
        // The simulator keeps nothing on disk worth protecting; no keyring needed.
        (None, None) if tdjson::backend_name() == "simulated" => keys::random_key(),
        (None, None) => keys::database_key(&account).map_err(key_stage)?.0,
    };
    start(SessionConfig {
        api_id,
        api_hash,
        database_dir,
        encryption_key,
        demo: false,
    })
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
        KeyError::NoKeyring { .. } | KeyError::EmptyPassphrase => Stage::Passphrase(e.to_string()),
    }
}

fn start(config: SessionConfig) -> Result<Session, Stage> {
    Session::start(config).map_err(|e| Stage::NoLibrary(format!("TDLib did not start: {e}")))
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
