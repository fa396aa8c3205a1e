//! SIGTERM (and Ctrl+C) close TDLib and wait for `authorizationStateClosed` before the
//! process ends. Runs the real binary on the demo floor in a virtual X display.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_display() -> u32 {
    let start = 300 + std::process::id() % 200;
    (start..start + 100)
        .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
        .expect("a free X display number")
}

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
    let n = free_display();
    let display = format!(":{n}");
    let _xvfb = Guard(
        Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x820x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (apt-get install -y xvfb xauth)"),
    );
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    wait_until("Xvfb", 10, || socket.exists());

    let mut app = Guard(
        Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .arg("--demo")
            .env("DISPLAY", &display)
            .env("DUTYDESK_HOME", home.path())
            .env("DUTYDESK_LOG", "info")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dutydesk starts"),
    );
    let log = home.path().join("data/logs/dutydesk.log");
    let read_log = || std::fs::read_to_string(&log).unwrap_or_default();
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
