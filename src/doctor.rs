//! `dutydesk doctor`: what the app sees on this machine, in plain lines.

use std::time::Duration;

use crate::cli::CliResult;
use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::{self, AuthState, Session, SessionConfig, TgEvent};

pub fn run(paths: &Paths, login_probe: bool) -> CliResult {
    let config = match Config::load_with_env(paths) {
        Ok(config) => {
            println!(
                "config:        {} ({})",
                paths.config_file.display(),
                exists(&paths.config_file)
            );
            config
        }
        Err(e) => {
            println!(
                "config:        {} (error: {e})",
                paths.config_file.display()
            );
            Config::default()
        }
    };
    println!("data:          {}", paths.data_dir.display());
    let library = telegram::native::locate(config.telegram.tdjson.as_deref(), &paths.tdlib_dir);
    match &library {
        Ok(lib) => println!(
            "tdlib:         {} (version {})",
            lib.path().display(),
            lib.version()
        ),
        Err(e) => println!("tdlib:         not usable: {e}"),
    }
    println!(
        "keyring:       {}",
        keyring_line(&config.telegram.account_name())
    );
    println!("notifications: {}", crate::notify_status());
    if login_probe {
        let lib = library?;
        telegram::init_backend(telegram::Backend::Native(lib))?;
        let state = probe()?;
        println!("login probe:   {}", state.tdlib_name());
    }
    Ok(())
}

/// The keyring as start-up will find it for `account`: a locked keyring is not
/// "available" (the window could not start) nor "not available" (a passphrase would not
/// open a database encrypted with the keyring's key).
fn keyring_line(account: &str) -> String {
    use telegram::keys::{self, KeyError};
    match keys::keyring_check(account) {
        Ok(()) => "available".into(),
        Err(KeyError::NoKeyring { reason }) => {
            format!("not available ({reason}); the database key will be a passphrase")
        }
        Err(KeyError::Locked { .. }) => "locked (unlock it in your keyring app, e.g. Seahorse \
             / Keychain Access / Credential Manager)"
            .into(),
        Err(KeyError::Damaged { entry, reason }) => format!(
            "damaged: the entry \"{entry}\" (service \"{}\") is not a database key \
             ({reason}); DutyDesk leaves it untouched",
            keys::SERVICE
        ),
        Err(e) => e.to_string(),
    }
}

fn exists(path: &std::path::Path) -> &'static str {
    if path.exists() {
        "found"
    } else {
        "not created yet; defaults apply"
    }
}

/// Starts TDLib in a temporary directory and returns the first state past the parameters;
/// then closes it and waits for TDLib to confirm.
pub fn probe() -> Result<AuthState, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let session = Session::start(SessionConfig {
        // Placeholders: TDLib checks them only when it reaches Telegram's servers.
        api_id: 1,
        api_hash: "00000000000000000000000000000000".into(),
        database_dir: dir.path().join("db"),
        encryption_key: telegram::keys::random_key(),
        demo: false,
    })?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let mut events =
        telegram::hub::take_events(session.client_id()).ok_or("event stream already taken")?;
    let reached = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(event) = events.recv().await {
                match event {
                    TgEvent::Auth(AuthState::WaitParameters) => continue,
                    TgEvent::Auth(state) => return Ok(state),
                    TgEvent::Error(e) => return Err(e.to_string()),
                    _ => continue,
                }
            }
            Err("TDLib stopped before reaching a login state".to_string())
        })
        .await
        .map_err(|_| "TDLib did not reach a login state within 60 s".to_string())?
    });
    runtime.block_on(async {
        let _ = session.close().await;
    });
    if !telegram::hub::wait_closed(Some(session.client_id()), Duration::from_secs(30)) {
        return Err("TDLib did not confirm closing within 30 s".into());
    }
    Ok(reached?)
}
