//! `dutydesk doctor`: what the app sees on this machine, in plain lines.
//!
//! Trackers: each configured one gets a line; in API mode its token (from the OS keyring,
//! where Settings keeps it, or `DUTYDESK_TRACKER_TOKEN_<NAME>`) is checked against the
//! tracker (reachable, token valid, default project visible) with read-only calls.

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
    let tokens = crate::tokens::os();
    for t in &config.trackers {
        let line = tracker_line(t, tokens.as_ref());
        report.line(&t!("doctor-label-tracker"), &line);
    }
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
            t!("doctor-label-tracker"),
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

/// How long doctor waits for one tracker call.
const TRACKER_TIMEOUT: Duration = Duration::from_secs(10);

/// One tracker's line: browser mode needs no token; API mode checks the tracker with the
/// token, read-only.
fn tracker_line(t: &tracker::TrackerConfig, tokens: &dyn crate::tokens::TokenStore) -> String {
    let (name, kind, url) = (t.name.as_str(), t.kind.label(), t.base_url.as_str());
    if t.mode() == tracker::Mode::Browser {
        return t!(
            "doctor-tracker-browser",
            name = name,
            kind = kind,
            url = url
        );
    }
    let token = match tokens.read(&t.name) {
        Ok(Some(token)) if !token.is_empty() => token,
        Ok(_) => {
            return t!(
                "doctor-tracker-no-token",
                name = name,
                kind = kind,
                variable = crate::tokens::env_variable(&t.name)
            );
        }
        Err(e) => {
            return t!(
                "doctor-tracker-keyring",
                name = name,
                kind = kind,
                problem = e.to_string()
            );
        }
    };
    let checked = tracker::Client::with_timeout(t, token, TRACKER_TIMEOUT)
        .and_then(|client| Ok((client.api_origin(), client.check()?)));
    match checked {
        Ok((origin, report)) => match report.project {
            Some(project) => t!(
                "doctor-tracker-valid-project",
                name = name,
                kind = kind,
                origin = origin,
                account = report.account,
                project = project
            ),
            None => t!(
                "doctor-tracker-valid",
                name = name,
                kind = kind,
                origin = origin,
                account = report.account
            ),
        },
        Err(e) => t!(
            "doctor-tracker-failed",
            name = name,
            kind = kind,
            problem = e.fault.to_string()
        ),
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

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use super::*;
    use crate::tokens::Memory;

    /// A Redmine stand-in answering `count` requests: the right key gets the account and
    /// project, any other a 401.
    fn redmine(count: usize) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(count) {
                let mut stream = stream.unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let mut key_ok = false;
                loop {
                    let mut h = String::new();
                    reader.read_line(&mut h).unwrap();
                    if h.trim().is_empty() {
                        break;
                    }
                    key_ok |= h.to_ascii_lowercase().trim() == "x-redmine-api-key: right";
                }
                let (status, body) = match (key_ok, line.split(' ').nth(1).unwrap_or_default()) {
                    (false, _) => ("401 Unauthorized", String::new()),
                    (true, "/users/current.json") => {
                        ("200 OK", r#"{"user":{"login":"admin"}}"#.into())
                    }
                    (true, "/projects/support.json") => {
                        ("200 OK", r#"{"project":{"name":"Support"}}"#.into())
                    }
                    _ => ("404 Not Found", String::new()),
                };
                let reply = format!(
                    "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                stream.write_all(reply.as_bytes()).unwrap();
            }
        });
        url
    }

    fn config(mode: tracker::Mode, base_url: &str) -> tracker::TrackerConfig {
        let mut t =
            tracker::TrackerConfig::new("Support Redmine", tracker::TrackerKind::Redmine, base_url);
        t.mode = Some(mode);
        t.default_project = Some("support".into());
        t
    }

    #[test]
    fn api_trackers_are_checked_with_the_token_from_the_keyring() {
        let url = redmine(2);
        let keyring = Memory::with("Support Redmine", "right");
        let line = tracker_line(&config(tracker::Mode::Api, &url), &keyring);
        assert_eq!(
            line,
            format!(
                "Support Redmine (Redmine, API): reachable at {url}, token valid (account admin), \
                 project \"Support\" visible"
            )
        );
        let url = redmine(1);
        let wrong = Memory::with("Support Redmine", "wrong");
        let line = tracker_line(&config(tracker::Mode::Api, &url), &wrong);
        assert!(line.contains("the token was refused (401)"), "{line}");
        assert!(!line.contains("wrong"), "{line}");
    }

    #[test]
    fn browser_trackers_and_missing_tokens_say_so_without_a_request() {
        let empty = Memory::new();
        let line = tracker_line(
            &config(tracker::Mode::Browser, "https://r.example.com"),
            &empty,
        );
        assert!(line.ends_with("no token needed"), "{line}");
        let line = tracker_line(&config(tracker::Mode::Api, "https://r.example.com"), &empty);
        assert!(line.contains("Settings"), "{line}");
        assert!(
            line.contains("DUTYDESK_TRACKER_TOKEN_SUPPORT_REDMINE"),
            "{line}"
        );
    }
}
