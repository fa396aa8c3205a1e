//! Shared by the integration tests: where the real TDLib and the simulator's cdylib are,
//! and how to wait for events.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use dutydesk::telegram::{self, TgEvent};

/// The real libtdjson 1.8.61: `DUTYDESK_TDJSON`, or the default data directory, where
/// `dutydesk fetch-tdlib` puts it (fetched here if it is not there yet).
pub fn real_tdjson() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        if let Some(path) = std::env::var_os("DUTYDESK_TDJSON").filter(|p| !p.is_empty()) {
            return PathBuf::from(path);
        }
        let tdlib_dir = dirs::data_dir()
            .expect("a data directory")
            .join("dutydesk")
            .join("tdlib");
        let path = telegram::fetch::installed_path(&tdlib_dir);
        if !path.exists() {
            telegram::fetch::fetch_tdlib(&tdlib_dir, |_, _| {}).unwrap_or_else(|e| {
                panic!("TDLib 1.8.61 is needed for this test and could not be fetched: {e}")
            });
        }
        path
    })
    .clone()
}

/// The simulator built as a drop-in libtdjson (crates/tdsim-ffi), from this build's target
/// dir: `cargo test` leaves it in target/<profile>/deps, `cargo build` in target/<profile>.
pub fn sim_cdylib() -> PathBuf {
    let name = format!(
        "{}tdsim_tdjson{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("target/<profile>/deps");
    let profile = deps.parent().unwrap_or(deps);
    [deps, profile]
        .iter()
        .map(|dir| dir.join(&name))
        .find(|path| path.exists())
        .unwrap_or_else(|| {
            panic!(
                "{name} is in neither {} nor {}: `cargo test` at the workspace root builds it \
                 (or `cargo build -p tdsim-ffi`)",
                deps.display(),
                profile.display()
            )
        })
}

/// Receives events until `pick` returns Some, failing after `secs` seconds.
pub async fn wait_for<T>(
    events: &mut telegram::hub::EventReceiver,
    secs: u64,
    what: &str,
    mut pick: impl FnMut(&TgEvent) -> Option<T>,
) -> T {
    let found = tokio::time::timeout(Duration::from_secs(secs), async {
        while let Some(event) = events.recv().await {
            if let Some(found) = pick(&event) {
                return Some(found);
            }
        }
        None
    })
    .await;
    match found {
        Ok(Some(found)) => found,
        Ok(None) => panic!("the event stream ended while waiting for {what}"),
        Err(_) => panic!("timed out after {secs} s waiting for {what}"),
    }
}
