//! The simulator as a drop-in libtdjson: the fourteen C functions of TDLib 1.8.61's libtdjson
//! (td_json_client.h and td_log.h) over tdsim. Any TDLib client can run offline against it.
//! The world comes from the environment, read at the first client creation: TDSIM_SCENARIO (a
//! shipped name or a path to a TOML file; default "basic"), TDSIM_SEED (default 1),
//! TDSIM_SPEED (virtual seconds per wall second; default 1.0, since a plain TDLib client
//! cannot drive a manual clock), TDSIM_START (unix seconds; default now). As in TDLib, a fatal
//! error (a log message at level 0, or a panic inside the simulator) reaches the log callbacks
//! and then aborts the process.
//!
//! With TDSIM_FLOOR=host:port (and TDSIM_FLOOR_TOKEN when the floor asks for one) the
//! library joins a floor (`dutydesk floor serve`) instead: every client it creates is a
//! client of the floor's world, so an outside TDLib client logs in there beside DutyDesks.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char, c_double, c_int, c_longlong, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;
use std::sync::{Arc, Once, OnceLock};

use tdsim::{Scenario, WorldConfig};

thread_local! {
    /// td_receive / td_execute results stay valid until the next call on the same thread.
    static LAST: RefCell<Option<CString>> = const { RefCell::new(None) };
}

fn hand_out(s: Option<String>) -> *const c_char {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        // Our JSON never contains NUL (strings are escaped), so this cannot fail in practice.
        *last = s.and_then(|s| CString::new(s).ok());
        last.as_ref().map_or(ptr::null(), |c| c.as_ptr())
    })
}

fn read(request: *const c_char) -> Option<String> {
    if request.is_null() {
        return None;
    }
    // SAFETY: the caller passes a NUL-terminated string, as TDLib's contract requires.
    let s = unsafe { CStr::from_ptr(request) };
    Some(s.to_string_lossy().into_owned())
}

/// The config for worlds created through the C API, from TDSIM_* variables.
pub fn config_from_env() -> Result<WorldConfig, String> {
    let mut config = WorldConfig {
        speed: 1.0,
        ..WorldConfig::default()
    };
    if let Ok(name) = std::env::var("TDSIM_SCENARIO") {
        config.scenario = match Scenario::builtin(&name) {
            Some(s) => s,
            None => Scenario::load(&name).map_err(|e| e.to_string())?,
        };
    }
    let number = |key: &str| std::env::var(key).ok().map(|v| v.trim().to_string());
    if let Some(v) = number("TDSIM_SEED") {
        config.seed = v
            .parse()
            .map_err(|_| format!("TDSIM_SEED={v} is not an unsigned integer"))?;
    }
    if let Some(v) = number("TDSIM_SPEED") {
        config.speed = v
            .parse()
            .map_err(|_| format!("TDSIM_SPEED={v} is not a number"))?;
    }
    config.start_time = match number("TDSIM_START") {
        Some(v) => v
            .parse()
            .map_err(|_| format!("TDSIM_START={v} is not unix seconds"))?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(config.start_time, |d| d.as_secs() as i64),
    };
    Ok(config)
}

/// The floor named by TDSIM_FLOOR, joined at the first call that needs it; None without the
/// variable. A floor that cannot be joined is said on stderr once, and every client
/// creation then fails (-1).
fn floor() -> Option<&'static Result<floor::Connection, String>> {
    static FLOOR: OnceLock<Option<Result<floor::Connection, String>>> = OnceLock::new();
    FLOOR
        .get_or_init(|| {
            let addr = std::env::var("TDSIM_FLOOR")
                .ok()
                .filter(|a| !a.trim().is_empty())?;
            let token = std::env::var("TDSIM_FLOOR_TOKEN").ok();
            let name = format!("tdjson (tdsim {})", env!("CARGO_PKG_VERSION"));
            let joined = floor::Connection::connect(addr.trim(), token.as_deref(), &name)
                .map_err(|e| e.to_string());
            if let Err(e) = &joined {
                eprintln!("tdsim: TDSIM_FLOOR={addr}: {e}");
            }
            Some(joined)
        })
        .as_ref()
}

/// The joined floor, if TDSIM_FLOOR names one and it let us in.
fn joined() -> Option<&'static floor::Connection> {
    floor().and_then(|r| r.as_ref().ok())
}

/// A fatal error ends the process after the callbacks heard of it, as TDLib's does.
fn like_tdlib() {
    static ABORT: Once = Once::new();
    ABORT.call_once(|| tdsim::log::set_abort_on_fatal(true));
}

/// Runs an entry point; a panic inside the simulator is a fatal error, as in TDLib (a panic
/// must never unwind into the C caller).
fn guarded<R>(f: impl FnOnce() -> R) -> R {
    like_tdlib();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(e) => {
            let what = e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            tdsim::log::add_message(0, &format!("tdsim: {what}"));
            std::process::abort()
        }
    }
}

fn init_from_env() {
    static INIT: Once = Once::new();
    INIT.call_once(|| match config_from_env() {
        Ok(config) => tdsim::set_default_config(config),
        // No channel for errors exists before a client does; say it where a developer looks.
        Err(e) => eprintln!("tdsim: {e}; using the default world"),
    });
}

#[unsafe(no_mangle)]
pub extern "C" fn td_create_client_id() -> c_int {
    guarded(|| match floor() {
        Some(Ok(connection)) => connection.create_client(),
        Some(Err(_)) => -1,
        None => {
            init_from_env();
            tdsim::create_client_id()
        }
    })
}

/// # Safety
/// `request` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_send(client_id: c_int, request: *const c_char) {
    if let Some(request) = read(request) {
        guarded(|| match joined() {
            Some(connection) => connection.send(client_id, &request),
            None => tdsim::send(client_id, &request),
        });
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn td_receive(timeout: c_double) -> *const c_char {
    guarded(|| {
        hand_out(match joined() {
            Some(connection) => connection.receive(timeout),
            None => tdsim::receive(timeout),
        })
    })
}

/// # Safety
/// `request` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_execute(request: *const c_char) -> *const c_char {
    let request = read(request);
    if let Some(version) = reported_version(request.as_deref()) {
        return hand_out(Some(version));
    }
    guarded(|| {
        hand_out(request.and_then(|r| match joined() {
            Some(connection) => connection.execute(&r),
            None => tdsim::execute(&r),
        }))
    })
}

/// TDSIM_REPORT_VERSION makes the library claim another TDLib version, standing in for a
/// libtdjson of the wrong release when testing a client's version check.
fn reported_version(request: Option<&str>) -> Option<String> {
    let version = std::env::var("TDSIM_REPORT_VERSION").ok()?;
    let request: serde_json::Value = serde_json::from_str(request?).ok()?;
    let asks_version = request.get("@type")?.as_str()? == "getOption"
        && request.get("name")?.as_str()? == "version";
    asks_version.then(|| {
        let mut reply = serde_json::json!({"@type": "optionValueString", "value": version});
        if let Some(extra) = request.get("@extra") {
            reply["@extra"] = extra.clone();
        }
        reply.to_string()
    })
}

// The legacy td_json_client_* API: a client is a boxed client id.

#[unsafe(no_mangle)]
pub extern "C" fn td_json_client_create() -> *mut c_void {
    Box::into_raw(Box::new(td_create_client_id())) as *mut c_void
}

/// # Safety
/// `client` must come from td_json_client_create; `request` as for td_send.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_json_client_send(client: *mut c_void, request: *const c_char) {
    if client.is_null() {
        return;
    }
    // SAFETY: created by td_json_client_create and not yet destroyed.
    let id = unsafe { *(client as *const c_int) };
    unsafe { td_send(id, request) }
}

/// Legacy receive: this client's next object only.
///
/// # Safety
/// `client` must come from td_json_client_create.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_json_client_receive(
    client: *mut c_void,
    timeout: c_double,
) -> *const c_char {
    if client.is_null() {
        return ptr::null();
    }
    // SAFETY: as above.
    let id = unsafe { *(client as *const c_int) };
    match joined() {
        // A floor's connection keeps one queue: the legacy API's one client is all of it.
        Some(connection) => hand_out(connection.receive(timeout)),
        None => hand_out(tdsim::control(id).and_then(|c| c.receive(timeout))),
    }
}

/// # Safety
/// `request` as for td_execute; the client is not needed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_json_client_execute(
    _client: *mut c_void,
    request: *const c_char,
) -> *const c_char {
    unsafe { td_execute(request) }
}

/// # Safety
/// `client` must come from td_json_client_create and not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_json_client_destroy(client: *mut c_void) {
    if client.is_null() {
        return;
    }
    // SAFETY: created by Box::into_raw in td_json_client_create.
    let id = unsafe { Box::from_raw(client as *mut c_int) };
    match joined() {
        Some(connection) => connection.send(*id, r#"{"@type":"close"}"#),
        None => tdsim::send(*id, r#"{"@type":"close"}"#),
    }
}

// td_log.h: TDLib's log, deprecated there in favour of setLogStream & co. but exported by every
// libtdjson, so outside clients bind them at load.

/// Logs to this file instead of stderr (NULL or "" = back to stderr); 1 on success, 0 if the
/// file can't be opened.
///
/// # Safety
/// `file_path` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_set_log_file_path(file_path: *const c_char) -> c_int {
    let path = read(file_path);
    guarded(|| tdsim::log::set_file_path(path.as_deref()) as c_int)
}

/// The log file's size before it rotates (to "<path>.old"); non-positive is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn td_set_log_max_file_size(max_file_size: c_longlong) {
    guarded(|| tdsim::log::set_max_file_size(max_file_size))
}

/// The log's verbosity: 0 fatal errors, 1 errors, 2 warnings, 3 info, 4 debug, 5 verbose (the
/// default), up to 1024; other values are ignored.
#[unsafe(no_mangle)]
pub extern "C" fn td_set_log_verbosity_level(new_verbosity_level: c_int) {
    guarded(|| tdsim::log::set_verbosity_level(new_verbosity_level))
}

/// td_log_fatal_error_callback_ptr: called with the fatal message; the process aborts after.
pub type FatalErrorCallback = Option<unsafe extern "C" fn(error_message: *const c_char)>;

/// td_log_message_callback_ptr: called with a message's verbosity level and text.
pub type MessageCallback =
    Option<unsafe extern "C" fn(verbosity_level: c_int, message: *const c_char)>;

/// Called when a fatal error happens (and no message callback took the message); NULL removes
/// it.
#[unsafe(no_mangle)]
pub extern "C" fn td_set_log_fatal_error_callback(callback: FatalErrorCallback) {
    guarded(|| {
        let callback = callback.map(|cb| -> tdsim::log::FatalCallback {
            Arc::new(move |line: &str| {
                let line = CString::new(line).unwrap_or_default();
                // SAFETY: the caller registered a function of this signature.
                unsafe { cb(line.as_ptr()) }
            })
        });
        tdsim::log::set_fatal_error_callback(callback);
    })
}

/// Called for every message added to the log up to `max_verbosity_level`, instead of the log
/// stream; NULL removes it. None of the td_* functions may be called from it.
#[unsafe(no_mangle)]
pub extern "C" fn td_set_log_message_callback(
    max_verbosity_level: c_int,
    callback: MessageCallback,
) {
    guarded(|| {
        let callback = callback.map(|cb| -> tdsim::log::MessageCallback {
            Arc::new(move |level: i32, line: &str| {
                let line = CString::new(line).unwrap_or_default();
                // SAFETY: the caller registered a function of this signature.
                unsafe { cb(level, line.as_ptr()) }
            })
        });
        tdsim::log::set_message_callback(max_verbosity_level, callback);
    })
}
