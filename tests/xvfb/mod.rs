//! A virtual X display (Xvfb) for the tests and benches that run the real window.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills a child process when dropped, so a failed assertion leaves nothing running.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running Xvfb of the window's size; the server stops when this is dropped.
pub struct Display {
    /// The `DISPLAY` value, e.g. ":73".
    pub name: String,
    _server: Guard,
}

impl Display {
    /// Starts Xvfb on a free display number at or above `base` (+ a per-process offset, so
    /// test binaries running side by side do not collide).
    pub fn start(base: u32) -> Display {
        let start = base + std::process::id() % 200;
        let n = (start..start + 100)
            .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .expect("a free X display number");
        let name = format!(":{n}");
        let server = Command::new("Xvfb")
            .args([&name, "-screen", "0", "1280x820x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (apt-get install -y xvfb xauth)");
        let server = Guard(server);
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb did not come up on {name}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Display {
            name,
            _server: server,
        }
    }
}
