//! Loading a td_json library (the simulator's cdylib or the real libtdjson) through libloading,
//! exactly as DutyDesk's native backend does.
#![allow(dead_code)]

use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use libloading::{Library, Symbol};
use serde_json::{Value, json};

/// Tests in one binary share the loaded library and its global receive queue: one at a time.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

pub struct TdJson {
    /// Never unloaded: TDLib's threads outlive `close`, and unmapping their code crashes.
    lib: &'static Library,
}

/// The real libtdjson 1.8.61: DUTYDESK_TDJSON, else where `dutydesk fetch-tdlib` installs it
/// (the default data dir). Without it, the tests that compare fail rather than skip.
pub fn real_path() -> PathBuf {
    let path = std::env::var_os("DUTYDESK_TDJSON")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let file = format!(
                "{}tdjson{}",
                std::env::consts::DLL_PREFIX,
                std::env::consts::DLL_SUFFIX
            );
            dirs::data_dir().map(|d| d.join("dutydesk/tdlib/1.8.61").join(file))
        })
        .expect("a data directory");
    assert!(
        path.exists(),
        "the real libtdjson 1.8.61 is not at {}: run `cargo run -- fetch-tdlib` or set \
         DUTYDESK_TDJSON to run the conformance test",
        path.display()
    );
    path
}

/// The simulator's cdylib, built by cargo next to this test's executable (target/<profile>/).
pub fn simulator_path() -> PathBuf {
    let name = format!(
        "{}tdsim_tdjson{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("deps dir");
    for dir in [deps, deps.parent().unwrap_or(deps)] {
        let candidate = dir.join(&name);
        if candidate.exists() {
            return candidate;
        }
    }
    panic!(
        "the simulator cdylib {name} was not built next to {}",
        deps.display()
    );
}

impl TdJson {
    pub fn load(path: &std::path::Path) -> TdJson {
        // SAFETY: loading a td_json library runs no untrusted initialisers beyond its own.
        let lib = unsafe { Library::new(path) }
            .unwrap_or_else(|e| panic!("cannot load {}: {e}", path.display()));
        TdJson {
            lib: Box::leak(Box::new(lib)),
        }
    }

    pub fn library(&self) -> &Library {
        self.lib
    }

    pub fn create_client_id(&self) -> i32 {
        // SAFETY: td_json's documented signature.
        unsafe {
            let f: Symbol<unsafe extern "C" fn() -> c_int> =
                self.lib.get(b"td_create_client_id\0").expect("symbol");
            f()
        }
    }

    pub fn send(&self, client: i32, request: &str) {
        let c = CString::new(request).expect("no NUL");
        // SAFETY: td_json's documented signature; the string outlives the call.
        unsafe {
            let f: Symbol<unsafe extern "C" fn(c_int, *const c_char)> =
                self.lib.get(b"td_send\0").expect("symbol");
            f(client, c.as_ptr())
        }
    }

    pub fn receive(&self, timeout: f64) -> Option<String> {
        // SAFETY: the result is valid until the next call on this thread; copied at once.
        unsafe {
            let f: Symbol<unsafe extern "C" fn(c_double) -> *const c_char> =
                self.lib.get(b"td_receive\0").expect("symbol");
            let p = f(timeout);
            (!p.is_null()).then(|| CStr::from_ptr(p).to_string_lossy().into_owned())
        }
    }

    pub fn execute(&self, request: &str) -> Option<Value> {
        let c = CString::new(request).expect("no NUL");
        // SAFETY: as for receive.
        unsafe {
            let f: Symbol<unsafe extern "C" fn(*const c_char) -> *const c_char> =
                self.lib.get(b"td_execute\0").expect("symbol");
            let p = f(c.as_ptr());
            (!p.is_null())
                .then(|| serde_json::from_str(&CStr::from_ptr(p).to_string_lossy()).expect("JSON"))
        }
    }

    /// Objects for `client` until `done` says stop or `secs` pass; others are dropped (each
    /// test process drives one client at a time through a library).
    pub fn collect_until(
        &self,
        client: i32,
        secs: f64,
        mut done: impl FnMut(&Value) -> bool,
    ) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        let mut out = Vec::new();
        while Instant::now() < deadline {
            let Some(raw) = self.receive(0.2) else {
                continue;
            };
            let v: Value =
                serde_json::from_str(&raw).unwrap_or_else(|e| panic!("invalid JSON {e}: {raw}"));
            if v["@client_id"] != json!(client) {
                continue;
            }
            let stop = done(&v);
            out.push(v);
            if stop {
                break;
            }
        }
        out
    }

    /// Sends a request with @extra and waits for its reply (up to 30 s).
    pub fn call(&self, client: i32, mut request: Value, extra: u32) -> Value {
        request["@extra"] = json!(extra);
        self.send(client, &request.to_string());
        let got = self.collect_until(client, 30.0, |v| v["@extra"] == json!(extra));
        got.into_iter()
            .find(|v| v["@extra"] == json!(extra))
            .unwrap_or_else(|| panic!("no reply to {request}"))
    }

    /// close, then wait for authorizationStateClosed (a process exiting with TDLib's threads
    /// running can crash).
    pub fn close(&self, client: i32) {
        self.send(client, r#"{"@type":"close"}"#);
        let got = self.collect_until(client, 30.0, is_closed);
        assert!(
            got.iter().any(is_closed),
            "client {client} did not reach authorizationStateClosed"
        );
    }
}

pub fn is_closed(v: &Value) -> bool {
    v["@type"] == "updateAuthorizationState"
        && v["authorization_state"]["@type"] == "authorizationStateClosed"
}

pub fn auth_state(v: &Value) -> Option<&str> {
    (v["@type"] == "updateAuthorizationState")
        .then(|| v["authorization_state"]["@type"].as_str())
        .flatten()
}

pub fn parameters(dir: &std::path::Path) -> Value {
    json!({
        "@type": "setTdlibParameters",
        "database_directory": dir.join("db").to_string_lossy(),
        "files_directory": dir.join("files").to_string_lossy(),
        "use_message_database": true,
        "use_secret_chats": false,
        "api_id": 94575,
        "api_hash": "a3406de8d171bb422bb6ddf3bbd800e2",
        "system_language_code": "en",
        "device_model": "conformance",
        "system_version": "",
        "application_version": "1.0"
    })
}
