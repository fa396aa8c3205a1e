//! Everything that knows TDLib: the td_json boundary and its two backends, the receive
//! thread, sessions and the translation of updates into desk events. Nothing above this
//! module knows which backend is behind it.

pub mod backfill;
pub mod duty;
pub mod events;
pub mod fetch;
pub mod hub;
pub mod keys;
pub mod native;
pub mod offer;
pub mod pace;
pub mod proxy;
pub mod receive;
pub mod session;
pub mod tdjson;
pub mod translate;

use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};

pub use events::{AuthState, ConnectionState, TgError, TgEvent};
pub use native::{LibraryError, NativeLibrary, TDLIB_VERSION};
pub use session::{Session, SessionConfig};
pub use tdjson::{Backend, execute};

/// Chooses the td_json backend for this process (once).
pub fn init_backend(backend: Backend) -> Result<(), tdjson::BackendAlreadySet> {
    let result = tdjson::install(backend);
    if result.is_ok() {
        quiet_tdlib_log();
    }
    result
}

/// TDLib logs at verbosity 5 to stderr by default; errors only, unless asked otherwise.
fn quiet_tdlib_log() {
    let level = std::env::var("DUTYDESK_TDLIB_VERBOSITY")
        .ok()
        .and_then(|v| v.parse::<i32>().ok())
        .unwrap_or(1);
    execute(&format!(
        r#"{{"@type":"setLogVerbosityLevel","new_verbosity_level":{level}}}"#
    ));
}

pub use pace::MAX_BATCH;

/// A client's events, in order, in batches paced for the window (`pace`: at once after a
/// quiet spell, at most once a refresh period while they stream). Can be taken once per
/// client.
pub fn event_stream(client_id: i32) -> impl Stream<Item = Vec<TgEvent>> + Send + 'static {
    futures::stream::iter(hub::take_events(client_id).map(Channel)).flat_map(pace::batches)
}

/// The receive thread's channel for one client, on the real clock.
struct Channel(hub::EventReceiver);

impl pace::Source<TgEvent> for Channel {
    async fn next(&mut self) -> Option<TgEvent> {
        self.0.recv().await
    }

    fn ready(&mut self) -> Option<TgEvent> {
        self.0.try_recv().ok()
    }

    fn now(&self) -> Instant {
        Instant::now()
    }

    async fn sleep_until(&mut self, at: Instant) {
        tokio::time::sleep_until(at.into()).await;
    }
}

/// Asks every open client to close and waits until TDLib confirms: a process that exits
/// with TDLib's threads still running can crash on the way out and risks its database.
pub fn close_all(timeout: Duration) -> bool {
    for client_id in hub::live_clients() {
        // Fire and forget: the confirmation is authorizationStateClosed, awaited below.
        let request = format!(r#"{{"@type":"close","@client_id":{client_id}}}"#);
        if let Ok(request) = std::ffi::CString::new(request) {
            // SAFETY: a valid NUL-terminated request string.
            unsafe { tdjson::td_send(client_id, request.as_ptr()) };
        }
    }
    hub::wait_closed(None, timeout)
}
