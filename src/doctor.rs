//! `dutydesk doctor`: what the app sees on this machine, in plain lines.

use std::time::Duration;

use crate::cli::CliResult;
use crate::config::Config;
use crate::paths::Paths;
use crate::telegram::{self, AuthState, Session, SessionConfig, TgEvent};
use i18n::{Choice, Origin, t};

/// How long the login probe waits for TDLib, to reach a login state and to close.
const PROBE_TIMEOUT_SECS: u64 = 60;
const CLOSE_TIMEOUT_SECS: u64 = 30;

pub fn run(paths: &Paths, login_probe: bool, language: &Choice) -> CliResult {
    let report = Report::new();
    let config_path = paths.config_file.display().to_string();
    let config = match Config::load_with_env(paths) {
        Ok(config) => {
            let line = if paths.config_file.exists() {
                t!("doctor-config-found", path = config_path)
            } else {
                t!("doctor-config-missing", path = config_path)
            };
            report.line(&t!("doctor-label-config"), &line);
            config
        }
        Err(e) => {
            let line = t!(
                "doctor-config-error",
                path = config_path,
                error = e.to_string()
            );
            report.line(&t!("doctor-label-config"), &line);
            Config::default()
        }
    };
    report.line(
        &t!("doctor-label-data"),
        &paths.data_dir.display().to_string(),
    );
    let library = telegram::native::locate(config.telegram.tdjson.as_deref(), &paths.tdlib_dir);
    let tdlib = match &library {
        Ok(lib) => t!(
            "doctor-tdlib-found",
            path = lib.path().display().to_string(),
            version = lib.version()
        ),
        Err(e) => t!("doctor-tdlib-unusable", error = e.to_string()),
    };
    report.line(&t!("doctor-label-tdlib"), &tdlib);
    report.line(
        &t!("doctor-label-keyring"),
        &keyring_line(&config.telegram.account_name()),
    );
    report.line(&t!("doctor-label-notifications"), &crate::notify_status());
    report.line(&t!("doctor-label-language"), &language_line(language));
    if login_probe {
        let lib = library?;
        telegram::init_backend(telegram::Backend::Native(lib))?;
        let state = probe()?;
        report.line(&t!("doctor-label-login-probe"), state.tdlib_name());
    }
    Ok(())
}

/// The report's lines: a label column as wide as the longest label in the current
/// language, then the value.
struct Report {
    width: usize,
}

impl Report {
    fn new() -> Report {
        let labels = [
            t!("doctor-label-config"),
            t!("doctor-label-data"),
            t!("doctor-label-tdlib"),
            t!("doctor-label-keyring"),
            t!("doctor-label-notifications"),
            t!("doctor-label-language"),
            t!("doctor-label-login-probe"),
        ];
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
        Report { width }
    }

    fn line(&self, label: &str, value: &str) {
        println!("{label:<width$}{value}", width = self.width);
    }
}

/// The language shown, and why: the config's choice, the system's, or English standing in
/// for a language there is no catalog for.
fn language_line(choice: &Choice) -> String {
    let language = choice.language.native_name();
    match (&choice.unmatched, choice.origin) {
        (None, Origin::Setting) => t!("doctor-language-setting", language = language),
        (None, Origin::Os) => t!("doctor-language-system", language = language),
        (Some(wish), Origin::Setting) => {
            t!("doctor-language-unmatched-setting", wish = wish.as_str())
        }
        (Some(wish), Origin::Os) => t!("doctor-language-unmatched-system", wish = wish.as_str()),
    }
}

/// The keyring as start-up will find it for `account`: a locked keyring is not
/// "available" (the window could not start) nor "not available" (a passphrase would not
/// open a database encrypted with the keyring's key).
fn keyring_line(account: &str) -> String {
    use telegram::keys::{self, KeyError};
    match keys::keyring_check(account) {
        Ok(()) => t!("doctor-keyring-available"),
        Err(KeyError::NoKeyring { reason }) => {
            t!("doctor-keyring-none", reason = reason)
        }
        Err(KeyError::Locked { .. }) => t!("doctor-keyring-locked"),
        Err(KeyError::Damaged { entry, reason }) => t!(
            "doctor-keyring-damaged",
            entry = entry,
            service = keys::SERVICE,
            reason = reason
        ),
        Err(e) => e.to_string(),
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
        telegram::hub::take_events(session.client_id()).ok_or_else(|| t!("doctor-probe-taken"))?;
    let reached = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(PROBE_TIMEOUT_SECS), async {
            while let Some(event) = events.recv().await {
                match event {
                    TgEvent::Auth(AuthState::WaitParameters) => continue,
                    TgEvent::Auth(state) => return Ok(state),
                    TgEvent::Error(e) => return Err(e.to_string()),
                    _ => continue,
                }
            }
            Err(t!("doctor-probe-stopped"))
        })
        .await
        .map_err(|_| t!("doctor-probe-timeout", seconds = PROBE_TIMEOUT_SECS))?
    });
    runtime.block_on(async {
        let _ = session.close().await;
    });
    if !telegram::hub::wait_closed(
        Some(session.client_id()),
        Duration::from_secs(CLOSE_TIMEOUT_SECS),
    ) {
        return Err(t!("doctor-probe-not-closed", seconds = CLOSE_TIMEOUT_SECS).into());
    }
    Ok(reached?)
}
