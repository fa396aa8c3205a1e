//! Ending the process cleanly: on Ctrl+C or SIGTERM, every TDLib client is closed and
//! `authorizationStateClosed` awaited before the process exits. A process that exits with
//! TDLib's threads still running can crash on the way out and risks its database.

use std::time::Duration;

/// How long TDLib gets to flush its database and confirm closing.
pub const CLOSE_TIMEOUT: Duration = Duration::from_secs(15);

/// Closes every TDLib client and logs the outcome.
pub fn close_telegram() {
    if crate::telegram::close_all(CLOSE_TIMEOUT) {
        tracing::info!("TDLib closed");
    } else {
        tracing::error!("TDLib did not confirm closing within {CLOSE_TIMEOUT:?}");
    }
}

/// Installs the Ctrl+C / SIGTERM handlers on a thread of their own.
pub fn install_signal_handlers() {
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(|| {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    tracing::error!("no signal handling: {e}");
                    return;
                }
            };
            let code = runtime.block_on(wait_for_signal());
            tracing::info!("signal received; closing TDLib before exiting");
            close_telegram();
            std::process::exit(code);
        });
    if let Err(e) = spawned {
        tracing::error!("no signal handling: {e}");
    }
}

/// Waits for Ctrl+C or SIGTERM; returns the conventional exit code (128 + signal).
pub(crate) async fn wait_for_signal() -> i32 {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return 130;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => 130,
            _ = term.recv() => 143,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        130
    }
}
