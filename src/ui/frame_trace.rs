//! A measuring hook for benchmarks (`DUTYDESK_TRACE_FRAMES=<file>`): counts the views
//! built, the frames drawn and the Telegram batches and events applied, and times each
//! key press to the frame drawn after it. Off (one relaxed load per view) unless the
//! variable is set when the window opens.
//!
//! What flows out, as lines appended to the file, times in nanoseconds since the Unix
//! epoch (so another process can compare them with its own clock):
//! - `counts <now> <frames> <views> <batches> <events>` once a second, from a thread of
//!   its own, so a benchmark reads the totals over any window it likes;
//! - `key <received> <drawn>`: a key press reached the app at `received`; the first frame
//!   drawn after it was reported at `drawn`.
//!
//! Frames are counted from the runtime's `RedrawRequested` broadcast, which iced sends
//! after it recorded a frame's primitives and before the renderer rasterizes and presents
//! them (`event::listen_raw`; the callback returns no message, so counting costs no update
//! or redraw of its own). So `drawn` is when the frame's rasterizing began; the storm bench
//! takes when the X server had its pixels from DAMAGE events on the window.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

static ON: AtomicBool = AtomicBool::new(false);
static FRAMES: AtomicU64 = AtomicU64::new(0);
static VIEWS: AtomicU64 = AtomicU64::new(0);
static BATCHES: AtomicU64 = AtomicU64::new(0);
static EVENTS: AtomicU64 = AtomicU64::new(0);
/// When the first key press not yet drawn reached the app, in nanoseconds since `base()`
/// plus one (0: none waiting).
static KEY_AT: AtomicU64 = AtomicU64::new(0);
/// Its wall-clock time, for the line written when it is drawn.
static KEY_UNIX: AtomicU64 = AtomicU64::new(0);
static FILE: OnceLock<Mutex<std::fs::File>> = OnceLock::new();

/// The variable that turns the hook on, naming the file it appends to.
pub const VARIABLE: &str = "DUTYDESK_TRACE_FRAMES";

/// Turns the hook on when `DUTYDESK_TRACE_FRAMES` names a file it can open.
pub fn start_from_env() {
    let Some(path) = std::env::var_os(VARIABLE) else {
        return;
    };
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path);
    let file = match opened {
        Ok(file) => file,
        Err(e) => {
            tracing::error!("{VARIABLE}: cannot open {}: {e}", path.to_string_lossy());
            return;
        }
    };
    if FILE.set(Mutex::new(file)).is_err() {
        return;
    }
    base();
    ON.store(true, Relaxed);
    let spawned = std::thread::Builder::new()
        .name("frame-trace".into())
        .spawn(|| {
            loop {
                line(&format!(
                    "counts {} {} {} {} {}",
                    unix_nanos(),
                    FRAMES.load(Relaxed),
                    VIEWS.load(Relaxed),
                    BATCHES.load(Relaxed),
                    EVENTS.load(Relaxed)
                ));
                std::thread::sleep(Duration::from_secs(1));
            }
        });
    if let Err(e) = spawned {
        tracing::error!("{VARIABLE}: no reporting thread: {e}");
    }
}

/// Whether the hook is on (the app subscribes to frames only then).
pub fn is_on() -> bool {
    ON.load(Relaxed)
}

pub fn view_built() {
    if is_on() {
        VIEWS.fetch_add(1, Relaxed);
    }
}

pub fn batch_applied(events: usize) {
    if is_on() {
        BATCHES.fetch_add(1, Relaxed);
        EVENTS.fetch_add(events as u64, Relaxed);
    }
}

pub fn key_received() {
    if is_on() {
        // The first press waiting for its frame keeps its time: the frame answers it.
        let since = base().elapsed().as_nanos() as u64 + 1;
        if KEY_AT.compare_exchange(0, since, Relaxed, Relaxed).is_ok() {
            KEY_UNIX.store(unix_nanos(), Relaxed);
        }
    }
}

/// The runtime's events as `event::listen_raw` hands them over: counts frames drawn.
pub fn on_runtime_event(
    event: iced::Event,
    _status: iced::event::Status,
    _window: iced::window::Id,
) -> Option<std::convert::Infallible> {
    if let iced::Event::Window(iced::window::Event::RedrawRequested(started)) = event {
        FRAMES.fetch_add(1, Relaxed);
        // This callback runs on the executor, a moment after the frame: a frame begun
        // before the key was handled does not answer it.
        let began = started.saturating_duration_since(base()).as_nanos() as u64 + 1;
        let key = KEY_AT.load(Relaxed);
        if key != 0 && began >= key && KEY_AT.compare_exchange(key, 0, Relaxed, Relaxed).is_ok() {
            line(&format!("key {} {}", KEY_UNIX.load(Relaxed), unix_nanos()));
        }
    }
    None
}

fn line(text: &str) {
    if let Some(file) = FILE.get() {
        let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
        let _ = writeln!(file, "{text}");
    }
}

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn unix_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}
