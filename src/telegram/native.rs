//! The real TDLib, loaded at run time with libloading, its version checked before use.

use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::path::{Path, PathBuf};

/// The TDLib version tdlib-rs 1.4 was generated from; any other schema would make the
/// JSON disagree with the Rust types silently.
pub const TDLIB_VERSION: &str = "1.8.61";

type CreateClientId = unsafe extern "C" fn() -> c_int;
type Send = unsafe extern "C" fn(c_int, *const c_char);
type Receive = unsafe extern "C" fn(c_double) -> *const c_char;
type Execute = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// A loaded libtdjson whose version has been checked.
pub struct NativeLibrary {
    path: PathBuf,
    version: String,
    create_client_id: CreateClientId,
    send: Send,
    receive: Receive,
    execute: Execute,
    // Keeps the functions above valid. Never unloaded: TDLib starts threads of its own (even
    // td_execute does), and unmapping the library under them crashes the process.
    _library: std::mem::ManuallyDrop<libloading::Library>,
}

impl std::fmt::Debug for NativeLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeLibrary")
            .field("path", &self.path)
            .field("version", &self.version)
            .finish()
    }
}

/// Why a TDLib library cannot be used. Each message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    NotFound {
        searched: Vec<PathBuf>,
    },
    LoadFailed {
        path: PathBuf,
        reason: String,
    },
    MissingSymbol {
        path: PathBuf,
        symbol: &'static str,
    },
    WrongVersion {
        path: PathBuf,
        found: String,
    },
    /// The library answered the version question with something that is not a version.
    UnknownVersion {
        path: PathBuf,
        reply: String,
    },
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use i18n::t;
        let shown = |path: &Path| path.display().to_string();
        f.write_str(&match self {
            LibraryError::NotFound { searched } => t!(
                "tdlib-not-found",
                version = TDLIB_VERSION,
                searched = list(searched)
            ),
            LibraryError::LoadFailed { path, reason } => t!(
                "tdlib-load-failed",
                path = shown(path),
                reason = reason.as_str(),
                version = TDLIB_VERSION
            ),
            LibraryError::MissingSymbol { path, symbol } => {
                t!("tdlib-missing-symbol", path = shown(path), symbol = *symbol)
            }
            LibraryError::WrongVersion { path, found } => t!(
                "tdlib-wrong-version",
                path = shown(path),
                found = found.as_str(),
                version = TDLIB_VERSION
            ),
            LibraryError::UnknownVersion { path, reply } => t!(
                "tdlib-unknown-version",
                path = shown(path),
                reply = format!("{reply:?}"),
                version = TDLIB_VERSION
            ),
        })
    }
}

fn list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

impl NativeLibrary {
    /// Loads `path` and checks that it is TDLib 1.8.61.
    pub fn load(path: &Path) -> Result<NativeLibrary, LibraryError> {
        // SAFETY: loading runs the library's initialisers; libtdjson's only set up its own
        // globals. The path is one the user or `fetch-tdlib` chose.
        let library =
            unsafe { libloading::Library::new(path) }.map_err(|e| LibraryError::LoadFailed {
                path: path.into(),
                reason: e.to_string(),
            })?;
        let symbol = |name: &'static str| LibraryError::MissingSymbol {
            path: path.into(),
            symbol: name,
        };
        // SAFETY: the signatures are td_json_client.h's; the pointers stay valid because
        // `_library` is kept alive with them.
        let lib = unsafe {
            let create_client_id = *library
                .get::<CreateClientId>(b"td_create_client_id\0")
                .map_err(|_| symbol("td_create_client_id"))?;
            let send = *library
                .get::<Send>(b"td_send\0")
                .map_err(|_| symbol("td_send"))?;
            let receive = *library
                .get::<Receive>(b"td_receive\0")
                .map_err(|_| symbol("td_receive"))?;
            let execute = *library
                .get::<Execute>(b"td_execute\0")
                .map_err(|_| symbol("td_execute"))?;
            NativeLibrary {
                path: path.into(),
                version: String::new(),
                create_client_id,
                send,
                receive,
                execute,
                _library: std::mem::ManuallyDrop::new(library),
            }
        };
        lib.checked()
    }

    fn checked(mut self) -> Result<NativeLibrary, LibraryError> {
        let reply = self
            .execute(r#"{"@type":"getOption","name":"version"}"#)
            .unwrap_or_default();
        let Some(found) = serde_json::from_str::<serde_json::Value>(&reply)
            .ok()
            .and_then(|v| v.get("value").and_then(|v| v.as_str()).map(str::to_owned))
        else {
            return Err(LibraryError::UnknownVersion {
                path: self.path,
                reply,
            });
        };
        if found != TDLIB_VERSION {
            return Err(LibraryError::WrongVersion {
                path: self.path,
                found,
            });
        }
        self.version = found;
        Ok(self)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn create_client_id(&self) -> i32 {
        // SAFETY: a function of the loaded library with its C signature.
        unsafe { (self.create_client_id)() }
    }

    /// # Safety
    /// `request` must be a NUL-terminated string that stays valid for the call.
    pub unsafe fn send_raw(&self, client_id: i32, request: *const c_char) {
        // SAFETY: upheld by the caller, as documented above.
        unsafe { (self.send)(client_id, request) }
    }

    pub fn receive_raw(&self, timeout: f64) -> *const c_char {
        // SAFETY: TDLib returns NULL or a string valid until the next td_receive call.
        unsafe { (self.receive)(timeout) }
    }

    /// # Safety
    /// `request` must be a NUL-terminated string; the reply is valid until the next
    /// td_execute call on this thread.
    pub unsafe fn execute_raw(&self, request: *const c_char) -> *const c_char {
        // SAFETY: upheld by the caller, as documented above.
        unsafe { (self.execute)(request) }
    }

    /// td_execute with owned strings.
    pub fn execute(&self, request: &str) -> Option<String> {
        let request = CString::new(request).ok()?;
        // SAFETY: a valid C string, alive for the call.
        let reply = unsafe { self.execute_raw(request.as_ptr()) };
        // SAFETY: NULL or a NUL-terminated string valid until the next call on this thread.
        (!reply.is_null()).then(|| {
            unsafe { CStr::from_ptr(reply) }
                .to_string_lossy()
                .into_owned()
        })
    }
}

/// The file name of libtdjson on this platform.
pub fn library_file_name() -> &'static str {
    if cfg!(target_os = "windows") {
        "tdjson.dll"
    } else if cfg!(target_os = "macos") {
        "libtdjson.dylib"
    } else {
        "libtdjson.so"
    }
}

/// The places searched for libtdjson, in order: `DUTYDESK_TDJSON` (or the config's
/// `telegram.tdjson`), beside the executable (see `beside_executable`), the data directory,
/// the system path.
pub fn candidates(explicit: Option<&Path>, tdlib_dir: &Path) -> Vec<PathBuf> {
    if let Some(path) = explicit {
        // An explicit choice is final: silently falling back to another library would hide
        // the user's mistake.
        return vec![path.to_path_buf()];
    }
    let name = library_file_name();
    let mut paths = std::env::current_exe()
        .map(|exe| beside_executable(&exe))
        .unwrap_or_default();
    paths.push(tdlib_dir.join(TDLIB_VERSION).join(name));
    // A bare name makes the platform loader search the system library path.
    paths.push(PathBuf::from(name));
    paths
}

/// Where a package puts libtdjson for the executable `exe`: in the executable's own
/// folder, symlinks resolved (the .deb's `/usr/bin/dutydesk` links to
/// `/usr/lib/dutydesk/dutydesk`, beside the library; an AppImage's or a Windows install's
/// folder holds both), and in a macOS bundle's `Contents/Frameworks`.
pub fn beside_executable(exe: &Path) -> Vec<PathBuf> {
    let name = library_file_name();
    // Linux's current_exe is already resolved (/proc/self/exe); macOS's is the path the
    // program was started by, which may be a link.
    let exe = std::fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
    let Some(dir) = exe.parent() else {
        return Vec::new();
    };
    let mut paths = vec![dir.join(name)];
    if cfg!(target_os = "macos") {
        paths.push(dir.join("../Frameworks").join(name));
    }
    paths
}

/// Finds and loads libtdjson from the first candidate that exists.
pub fn locate(explicit: Option<&Path>, tdlib_dir: &Path) -> Result<NativeLibrary, LibraryError> {
    let candidates = candidates(explicit, tdlib_dir);
    for (i, path) in candidates.iter().enumerate() {
        let system_lookup = explicit.is_none() && i + 1 == candidates.len();
        if !system_lookup && !path.exists() {
            continue;
        }
        match NativeLibrary::load(path) {
            Err(LibraryError::LoadFailed { .. }) if system_lookup => break,
            result => return result,
        }
    }
    Err(LibraryError::NotFound {
        searched: candidates,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_library_is_the_only_candidate() {
        let explicit = Path::new("/opt/td/libtdjson.so");
        assert_eq!(
            candidates(Some(explicit), Path::new("/data/tdlib")),
            vec![explicit.to_path_buf()]
        );
    }

    #[test]
    fn the_lookup_order_is_executable_dir_then_data_dir_then_system() {
        let found = candidates(None, Path::new("/data/tdlib"));
        let exe = std::env::current_exe().unwrap();
        let mut expected = beside_executable(&exe);
        assert_eq!(
            expected[0],
            std::fs::canonicalize(&exe)
                .unwrap()
                .with_file_name(library_file_name())
        );
        expected.extend([
            Path::new("/data/tdlib")
                .join(TDLIB_VERSION)
                .join(library_file_name()),
            PathBuf::from(library_file_name()),
        ]);
        assert_eq!(found, expected);
    }

    #[cfg(unix)]
    #[test]
    fn beside_a_linked_executable_means_beside_the_file_it_links_to() {
        // The .deb's layout: /usr/bin/dutydesk -> ../lib/dutydesk/dutydesk.
        let root = tempfile::tempdir().unwrap();
        let lib_dir = root.path().join("usr/lib/dutydesk");
        let bin_dir = root.path().join("usr/bin");
        std::fs::create_dir_all(&lib_dir).unwrap();
        std::fs::create_dir_all(&bin_dir).unwrap();
        std::fs::write(lib_dir.join("dutydesk"), b"").unwrap();
        std::os::unix::fs::symlink("../lib/dutydesk/dutydesk", bin_dir.join("dutydesk")).unwrap();
        let found = beside_executable(&bin_dir.join("dutydesk"));
        let real_lib_dir = std::fs::canonicalize(&lib_dir).unwrap();
        assert_eq!(found[0], real_lib_dir.join(library_file_name()));
        assert!(!found.contains(&bin_dir.join(library_file_name())));
    }

    #[test]
    fn nothing_found_lists_every_place_searched() {
        let dir = tempfile::tempdir().unwrap();
        // The test binary's own directory has no libtdjson, nor has the empty data dir; the
        // system lookup may find one only where TDLib is installed system-wide.
        match locate(None, dir.path()) {
            Err(LibraryError::NotFound { searched }) => {
                let beside = beside_executable(&std::env::current_exe().unwrap()).len();
                assert_eq!(searched.len(), beside + 2)
            }
            Ok(lib) => assert_eq!(lib.version(), TDLIB_VERSION),
            Err(other) => panic!("unexpected: {other}"),
        }
    }
}
