//! An ordinary outside TDLib client (Python with ctypes, tests/outside_client.py) loads the
//! simulator's library, drives TDLib's log functions and a client, and sees what it sees with
//! the real libtdjson 1.8.61; a fatal log message reaches its callback and ends the process in
//! both. Needs python3 and the real library; fails (does not skip) without them.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{real_path, simulator_path};
use serde_json::Value;

fn run(library: &Path, fatal: bool) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/outside_client.py");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new("python3");
    cmd.arg(&script).arg(library).arg(dir.path());
    if fatal {
        cmd.arg("fatal");
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("python3 is needed to run {}: {e}", script.display()))
}

fn observations(library: &Path) -> Value {
    let out = run(library, false);
    assert!(
        out.status.success(),
        "{} failed: {}",
        library.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.lines().last().unwrap_or("")).unwrap_or_else(|e| {
        panic!("{}: not JSON ({e}): {stdout}", library.display());
    })
}

#[test]
fn a_python_client_sees_the_same_as_with_the_real_libtdjson() {
    let sim = observations(&simulator_path());
    let real = observations(&real_path());
    assert_eq!(sim, real, "\n  sim: {sim}\n real: {real}");
    // What both agree on, spelled out.
    assert_eq!(sim["verbosity"], 2);
    assert_eq!(sim["file_lines"], serde_json::json!(["to the file"]));
    assert_eq!(sim["callback_heard"], serde_json::json!([[1, "one"]]));
    assert_eq!(
        sim["authorization_state"],
        "authorizationStateWaitTdlibParameters"
    );
    assert_eq!(sim["closed"], true);
}

#[cfg(unix)]
#[test]
fn a_fatal_log_message_reaches_the_callback_then_aborts_as_in_tdlib() {
    use std::os::unix::process::ExitStatusExt;
    for library in [simulator_path(), real_path()] {
        let out = run(&library, true);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("FATAL ") && stdout.contains("\tboom"),
            "{}: the fatal callback hears the message: {stdout:?}",
            library.display()
        );
        assert!(!stdout.contains("survived"), "{}", library.display());
        assert_eq!(
            out.status.signal(),
            Some(6),
            "{}: aborted (SIGABRT)",
            library.display()
        );
    }
}
