//! The td_json C API that tdlib-rs calls, defined here and routed to the backend chosen
//! once at start-up: the real libtdjson, the in-process simulator, or a simulated world
//! served by a floor (`dutydesk floor serve`) that this process joined over TCP.
//!
//! Keeping the seam at this level means everything above it, tdlib-rs' JSON included,
//! runs the same code against both.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::sync::OnceLock;

use super::native::NativeLibrary;

/// What answers the td_json calls.
// Built once per process, so the size difference between the variants costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum Backend {
    Native(NativeLibrary),
    Simulated(tdsim::WorldConfig),
    /// A floor joined (`floor::Connection::connect`): its clients live in the server's world.
    Floor(floor::Connection),
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Backend::Native(lib) => write!(f, "Native({})", lib.path().display()),
            Backend::Simulated(_) => f.write_str("Simulated"),
            Backend::Floor(_) => f.write_str("Floor"),
        }
    }
}

enum Active {
    Native(NativeLibrary),
    Simulated,
    Floor(floor::Connection),
}

static ACTIVE: OnceLock<Active> = OnceLock::new();

/// A second backend asked for after the first was chosen; `true` when the native TDLib is
/// the one already chosen, `false` for the simulator.
#[derive(Debug)]
pub struct BackendAlreadySet(bool);

impl std::fmt::Display for BackendAlreadySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            true => i18n::t!("tdlib-backend-native-chosen"),
            false => i18n::t!("tdlib-backend-simulator-chosen"),
        })
    }
}

impl std::error::Error for BackendAlreadySet {}

/// Chooses the backend for the rest of the process. A second call with the same kind of
/// backend is accepted (tests share one process); switching kinds is an error.
pub fn install(backend: Backend) -> Result<(), BackendAlreadySet> {
    let wanted = kind(&backend);
    let mut installed_now = false;
    let active = ACTIVE.get_or_init(|| {
        installed_now = true;
        match backend {
            Backend::Native(lib) => Active::Native(lib),
            Backend::Simulated(config) => {
                tdsim::set_default_config(config);
                Active::Simulated
            }
            Backend::Floor(connection) => Active::Floor(connection),
        }
    });
    let now = match active {
        Active::Native(_) => "native",
        Active::Simulated => "simulated",
        Active::Floor(_) => "floor",
    };
    if installed_now || now == wanted {
        Ok(())
    } else {
        // A floor is the simulator too, as far as the words go.
        Err(BackendAlreadySet(now == "native"))
    }
}

fn kind(backend: &Backend) -> &'static str {
    match backend {
        Backend::Native(_) => "native",
        Backend::Simulated(_) => "simulated",
        Backend::Floor(_) => "floor",
    }
}

/// "native", "simulated", "floor" or "none": for `doctor` and logs, never for behaviour
/// (`is_simulated` is what behaviour may ask).
pub fn backend_name() -> &'static str {
    match ACTIVE.get() {
        Some(Active::Native(_)) => "native",
        Some(Active::Simulated) => "simulated",
        Some(Active::Floor(_)) => "floor",
        None => "none",
    }
}

/// Whether a simulated Telegram answers (in this process or on a floor): no real account,
/// so no API key of the user's and no keyring are needed.
pub fn is_simulated() -> bool {
    matches!(
        ACTIVE.get(),
        Some(Active::Simulated) | Some(Active::Floor(_))
    )
}

/// The loaded native library, if that is the backend.
pub fn native_library() -> Option<&'static NativeLibrary> {
    match ACTIVE.get() {
        Some(Active::Native(lib)) => Some(lib),
        _ => None,
    }
}

thread_local! {
    // td_receive / td_execute hand out pointers valid until the next call on the thread,
    // as TDLib's own do; the simulator's strings are parked here for that long.
    static RECEIVED: RefCell<Option<CString>> = const { RefCell::new(None) };
    static EXECUTED: RefCell<Option<CString>> = const { RefCell::new(None) };
    // A string the receive thread read itself and hands back to tdlib-rs (`hand_back`):
    // the thread's next td_receive returns it.
    static HANDED_BACK: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// td_receive with an owned string: the simulator's as it comes, TDLib's copied (as
/// tdlib-rs copies it).
pub fn receive(timeout: f64) -> Option<String> {
    if let Some(Active::Simulated) = ACTIVE.get() {
        return tdsim::receive(timeout);
    }
    let received = td_receive(timeout);
    // SAFETY: NULL or a NUL-terminated string valid until the next td_receive here.
    (!received.is_null()).then(|| {
        unsafe { CStr::from_ptr(received) }
            .to_string_lossy()
            .into_owned()
    })
}

/// Makes `text` what the next td_receive on this thread returns: the receive thread reads
/// each string first and hands replies to requests back to `tdlib_rs::receive`, which
/// completes the request's future.
pub fn hand_back(text: String) {
    HANDED_BACK.with(|cell| *cell.borrow_mut() = Some(text));
}

fn park(
    slot: &'static std::thread::LocalKey<RefCell<Option<CString>>>,
    s: Option<String>,
) -> *const c_char {
    slot.with(|cell| {
        let mut cell = cell.borrow_mut();
        // A NUL inside JSON would be a simulator bug; dropping it beats a crash.
        *cell = s.map(|s| {
            CString::new(s).unwrap_or_else(|e| {
                let mut bytes = e.into_vec();
                bytes.retain(|b| *b != 0);
                CString::new(bytes).unwrap_or_default()
            })
        });
        cell.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
    })
}

/// # Safety
/// Called by tdlib-rs; takes no arguments.
#[unsafe(no_mangle)]
pub extern "C" fn td_create_client_id() -> c_int {
    match ACTIVE.get() {
        Some(Active::Native(lib)) => lib.create_client_id(),
        Some(Active::Simulated) => tdsim::create_client_id(),
        Some(Active::Floor(c)) => c.create_client(),
        None => {
            tracing::error!("td_create_client_id called before a TDLib backend was chosen");
            -1
        }
    }
}

/// # Safety
/// `request` must be NULL or a NUL-terminated UTF-8 string, as td_json requires.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_send(client_id: c_int, request: *const c_char) {
    if request.is_null() {
        return;
    }
    match ACTIVE.get() {
        // SAFETY: checked non-NULL; NUL-terminated per the contract above.
        Some(Active::Native(lib)) => unsafe { lib.send_raw(client_id, request) },
        Some(Active::Simulated) => {
            // SAFETY: checked non-NULL; NUL-terminated per the contract above.
            let text = unsafe { CStr::from_ptr(request) }.to_string_lossy();
            tdsim::send(client_id, &text);
        }
        Some(Active::Floor(c)) => {
            // SAFETY: checked non-NULL; NUL-terminated per the contract above.
            let text = unsafe { CStr::from_ptr(request) }.to_string_lossy();
            c.send(client_id, &text);
        }
        None => tracing::error!("td_send called before a TDLib backend was chosen"),
    }
}

/// # Safety
/// The returned pointer is valid until the next td_receive call on the same thread.
#[unsafe(no_mangle)]
pub extern "C" fn td_receive(timeout: c_double) -> *const c_char {
    if let Some(text) = HANDED_BACK.with(|cell| cell.borrow_mut().take()) {
        return park(&RECEIVED, Some(text));
    }
    match ACTIVE.get() {
        Some(Active::Native(lib)) => lib.receive_raw(timeout),
        Some(Active::Simulated) => park(&RECEIVED, tdsim::receive(timeout)),
        Some(Active::Floor(c)) => park(&RECEIVED, c.receive(timeout)),
        None => {
            // Behave like an idle TDLib rather than spinning the caller.
            std::thread::sleep(std::time::Duration::from_secs_f64(timeout.clamp(0.0, 10.0)));
            std::ptr::null()
        }
    }
}

/// # Safety
/// `request` must be NULL or NUL-terminated; the returned pointer is valid until the next
/// td_execute call on the same thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_execute(request: *const c_char) -> *const c_char {
    if request.is_null() {
        return std::ptr::null();
    }
    match ACTIVE.get() {
        // SAFETY: checked non-NULL; NUL-terminated per the contract above.
        Some(Active::Native(lib)) => unsafe { lib.execute_raw(request) },
        Some(Active::Simulated) => {
            // SAFETY: checked non-NULL; NUL-terminated per the contract above.
            let text = unsafe { CStr::from_ptr(request) }.to_string_lossy();
            park(&EXECUTED, tdsim::execute(&text))
        }
        Some(Active::Floor(c)) => {
            // SAFETY: checked non-NULL; NUL-terminated per the contract above.
            let text = unsafe { CStr::from_ptr(request) }.to_string_lossy();
            park(&EXECUTED, c.execute(&text))
        }
        None => std::ptr::null(),
    }
}

/// Synchronous TDLib request (td_execute) with owned strings.
pub fn execute(request: &str) -> Option<String> {
    let request = CString::new(request).ok()?;
    // SAFETY: a valid C string; the reply is copied out before any other td_execute call.
    let reply = unsafe { td_execute(request.as_ptr()) };
    (!reply.is_null()).then(|| {
        unsafe { CStr::from_ptr(reply) }
            .to_string_lossy()
            .into_owned()
    })
}
