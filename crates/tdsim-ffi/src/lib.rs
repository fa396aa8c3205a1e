//! The simulator as a drop-in libtdjson: TDLib's td_json C functions over tdsim. Any TDLib
//! client can run offline against it. The world comes from the environment, read at the first
//! client creation: TDSIM_SCENARIO (a shipped name or a path to a TOML file; default "basic"),
//! TDSIM_SEED (default 1), TDSIM_SPEED (virtual seconds per wall second; default 1.0, since a
//! plain TDLib client cannot drive a manual clock), TDSIM_START (unix seconds; default now).

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char, c_double, c_int, c_void};
use std::ptr;
use std::sync::Once;

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
    init_from_env();
    tdsim::create_client_id()
}

/// # Safety
/// `request` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_send(client_id: c_int, request: *const c_char) {
    if let Some(request) = read(request) {
        tdsim::send(client_id, &request);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn td_receive(timeout: c_double) -> *const c_char {
    hand_out(tdsim::receive(timeout))
}

/// # Safety
/// `request` must be null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn td_execute(request: *const c_char) -> *const c_char {
    let request = read(request);
    if let Some(version) = reported_version(request.as_deref()) {
        return hand_out(Some(version));
    }
    hand_out(request.and_then(|r| tdsim::execute(&r)))
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
    hand_out(tdsim::control(id).and_then(|c| c.receive(timeout)))
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
    tdsim::send(*id, r#"{"@type":"close"}"#);
}
