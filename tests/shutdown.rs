//! SIGTERM (and Ctrl+C) close TDLib and wait for `authorizationStateClosed` before the
//! process ends. Runs the real binary on the demo floor in a virtual X display.

#![cfg(unix)]

mod xvfb;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use xvfb::{Display, Guard};

fn wait_until(what: &str, secs: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done() {
        assert!(
            Instant::now() < deadline,
            "timed out after {secs} s waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn sigterm_closes_tdlib_before_the_process_exits() {
    let home = tempfile::tempdir().unwrap();
    let display = Display::start(300);
    let mut app = Guard(
        Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("--demo")
            .env("DISPLAY", &display.name)
            .env("DUTYDESK_HOME", home.path())
            .env("DUTYDESK_LOG", "info")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dutydesk starts"),
    );
    let logs = home.path().join("data/logs");
    // One file a day (`dutydesk.YYYY-MM-DD.log`): a run over midnight spans two.
    let read_log = || {
        let mut files: Vec<_> = std::fs::read_dir(&logs)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect::<String>()
    };
    wait_until("the demo session to be ready", 60, || {
        if let Ok(Some(status)) = app.0.try_wait() {
            panic!("dutydesk exited early with {status}: {}", read_log());
        }
        read_log().contains("authorization state: authorizationStateReady")
    });

    let killed = Command::new("kill")
        .args(["-TERM", &app.0.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut status = None;
    wait_until("the process to exit after SIGTERM", 30, || {
        status = app.0.try_wait().unwrap();
        status.is_some()
    });
    let log = read_log();
    assert_eq!(status.unwrap().code(), Some(143), "{log}");
    let closed = log
        .find("authorization state: authorizationStateClosed")
        .expect(&log);
    let confirmed = log.find("TDLib closed").expect(&log);
    assert!(
        closed < confirmed,
        "Closed is awaited before the process says it is done:\n{log}"
    );
}
