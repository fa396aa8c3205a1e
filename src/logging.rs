//! Logging with tracing to `<data>/logs/dutydesk.log`; `DUTYDESK_LOG` sets the filter
//! (e.g. `debug`, `dutydesk::telegram=trace`).

use std::fs::OpenOptions;
use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// Starts logging to a file in `log_dir`. Failing to log is not a reason to refuse to run:
/// the error is returned for the caller to mention, and the app goes on without a log.
pub fn init(log_dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(log_dir).map_err(|e| format!("{}: {e}", log_dir.display()))?;
    let path = log_dir.join("dutydesk.log");
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let filter = EnvFilter::try_from_env("DUTYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init()
        .map_err(|e| e.to_string())
}
