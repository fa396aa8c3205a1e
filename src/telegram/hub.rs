//! The one receive loop: a dedicated OS thread calls td_receive without pause, sorts each
//! string (`receive::read`: updates the desk reads are parsed, the others dropped unparsed,
//! replies handed back to `tdlib_rs::receive`, which completes the futures of
//! `tdlib_rs::functions`), translates each update for the client it belongs to, and hands
//! the events on in order. Nothing else calls td_receive.
//!
//! TDLib multiplexes every client of the process through one receive queue, so the hub
//! keeps one channel per client id; the consumer drains its channel in batches, which is
//! what keeps the initial sync from flooding the UI with one message per update.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use super::events::TgEvent;
use super::receive::{self, Received};
use super::tdjson;
use super::translate::Translator;

/// How long one td_receive waits (as tdlib-rs' `receive` does).
const RECEIVE_TIMEOUT: f64 = 2.0;

type Sender = mpsc::UnboundedSender<TgEvent>;
/// The receiving end of one client's events.
pub type EventReceiver = mpsc::UnboundedReceiver<TgEvent>;

struct Client {
    sender: Sender,
    translator: Translator,
}

#[derive(Default)]
struct Hub {
    clients: Mutex<HashMap<i32, Client>>,
    // Signalled whenever a client reaches authorizationStateClosed.
    closed: Condvar,
    // Receivers not yet taken by their consumer (see `take_events`).
    unclaimed: Mutex<HashMap<i32, EventReceiver>>,
}

static HUB: OnceLock<Hub> = OnceLock::new();

fn hub() -> &'static Hub {
    HUB.get_or_init(|| {
        std::thread::Builder::new()
            .name("tdlib-receive".into())
            .spawn(receive_loop)
            .expect("the OS refused to start the TDLib receive thread");
        Hub::default()
    })
}

/// Registers a client before its first request, so no update is missed.
pub fn register(client_id: i32) {
    let (sender, receiver) = mpsc::unbounded_channel();
    let hub = hub();
    lock(&hub.clients).insert(
        client_id,
        Client {
            sender,
            translator: Translator::default(),
        },
    );
    lock(&hub.unclaimed).insert(client_id, receiver);
}

/// Takes the event receiver of a client (once).
pub fn take_events(client_id: i32) -> Option<EventReceiver> {
    lock(&hub().unclaimed).remove(&client_id)
}

/// Puts an event into a client's stream from outside the receive thread (e.g. the error
/// of a request made on the client's behalf), in order with the updates.
pub fn push(client_id: i32, event: TgEvent) {
    if let Some(client) = lock(&hub().clients).get(&client_id) {
        let _ = client.sender.send(event);
    }
}

/// Clients that have not reached authorizationStateClosed.
pub fn live_clients() -> Vec<i32> {
    HUB.get()
        .map(|hub| lock(&hub.clients).keys().copied().collect())
        .unwrap_or_default()
}

/// Waits until `client_id` (or, with None, every client) is closed. False on timeout.
pub fn wait_closed(client_id: Option<i32>, timeout: Duration) -> bool {
    let Some(hub) = HUB.get() else { return true };
    let deadline = Instant::now() + timeout;
    let mut clients = lock(&hub.clients);
    loop {
        let open = match client_id {
            Some(id) => clients.contains_key(&id),
            None => !clients.is_empty(),
        };
        if !open {
            return true;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        clients = hub
            .closed
            .wait_timeout(clients, left)
            .unwrap_or_else(|e| e.into_inner())
            .0;
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere must not stop the updates: the maps stay consistent under panics
    // because every critical section is a single insert/remove/send.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How much the receive thread defers to the window's: added to its nice value.
#[cfg(target_os = "linux")]
const RECEIVE_NICE: libc::c_int = 5;

/// Lowers the receive thread's priority below the window's. Under a storm Telegram's
/// updates come in bursts that take both cores for a moment (the receive thread parsing,
/// TDLib's or the simulator's own threads producing them), and a key pressed then waited
/// for the parse before the window's thread ran: the updates can wait a few milliseconds,
/// a person should not. On Linux a nice value set on a thread id applies to that thread
/// only; elsewhere the thread keeps the process's priority.
fn defer_to_the_window() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid, getpriority and setpriority take and return plain integers.
        let tid = unsafe { libc::gettid() } as libc::id_t;
        // Relative to the process's own: a DutyDesk started with `nice` keeps the order.
        let own = unsafe { libc::getpriority(libc::PRIO_PROCESS, tid) };
        let nice = (own + RECEIVE_NICE).min(19);
        let set = unsafe { libc::setpriority(libc::PRIO_PROCESS, tid, nice) };
        if set != 0 {
            tracing::debug!(
                "the receive thread keeps its priority: {}",
                std::io::Error::last_os_error()
            );
        }
    }
}

fn receive_loop() {
    defer_to_the_window();
    // HUB is being initialised by the thread that spawned us; wait for it.
    let hub = loop {
        if let Some(hub) = HUB.get() {
            break hub;
        }
        std::thread::yield_now();
    };
    loop {
        let Some(text) = tdjson::receive(RECEIVE_TIMEOUT) else {
            continue;
        };
        let (client_id, update) = match receive::read(&text) {
            Received::Update { client_id, update } => (client_id, *update),
            Received::Skipped => continue,
            Received::Other => {
                // A reply: tdlib-rs hands it to the request waiting for it. It unwraps its
                // JSON; a malformed object from outside must cost one reply, never the
                // whole stream.
                tdjson::hand_back(text);
                if std::panic::catch_unwind(AssertUnwindSafe(tdlib_rs::receive)).is_err() {
                    tracing::error!("dropped a reply that tdlib-rs could not parse");
                }
                continue;
            }
            Received::Unreadable(why) => {
                tracing::error!("dropped an object from TDLib: {why}");
                continue;
            }
        };
        let mut clients = lock(&hub.clients);
        let Some(client) = clients.get_mut(&client_id) else {
            tracing::debug!(client_id, "update for an unregistered client");
            continue;
        };
        let closed = client.translator.translate(update, &mut |event| {
            let _ = client.sender.send(event);
        });
        if closed {
            // authorizationStateClosed is the last update a client gets.
            clients.remove(&client_id);
            hub.closed.notify_all();
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// A thread's nice value from /proc (field 19 of its stat line).
    fn nice_of_this_thread() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
        // The command name may hold spaces: the fields after it start past its ')'.
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        after.split(' ').nth(16).unwrap().parse().unwrap()
    }

    #[test]
    fn the_receive_thread_defers_to_the_window_and_no_other_thread_does() {
        let before = nice_of_this_thread();
        let deferred = std::thread::spawn(|| {
            super::defer_to_the_window();
            nice_of_this_thread()
        })
        .join()
        .unwrap();
        // Raising a nice value needs no privilege; a test run already at 19 stays there.
        assert_eq!(deferred, (before + super::RECEIVE_NICE).min(19));
        assert_eq!(nice_of_this_thread(), before, "only the calling thread");
    }
}
