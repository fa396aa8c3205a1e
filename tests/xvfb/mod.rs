//! A virtual X display (Xvfb) for the tests and benches that run the real window.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[cfg(unix)]
fn connects(socket: &str) -> bool {
    std::os::unix::net::UnixStream::connect(socket).is_ok()
}

#[cfg(not(unix))]
fn connects(socket: &str) -> bool {
    Path::new(socket).exists()
}

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
        let mut n = start;
        loop {
            n = (n..start + 100)
                .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
                .expect("a free X display number");
            if let Some(display) = Display::try_start(n) {
                return display;
            }
            // Taken meanwhile (another test's Xvfb), or a stale socket: the next one.
            n += 1;
        }
    }

    /// Xvfb on display `n`, once it accepts connections; None if it exited first.
    fn try_start(n: u32) -> Option<Display> {
        let name = format!(":{n}");
        let server = Command::new("Xvfb")
            // -noreset: the probe below is a client too; without it, its leaving would
            // reset the server just as the real client connects.
            .args([
                &name,
                "-screen",
                "0",
                "1280x820x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (apt-get install -y xvfb xauth)");
        let mut server = Guard(server);
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        // A socket file alone may be a dead server's: wait until ours accepts.
        while !connects(&socket) {
            if let Ok(Some(_)) = server.0.try_wait() {
                return None;
            }
            assert!(Instant::now() < deadline, "Xvfb did not come up on {name}");
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Ok(Some(_)) = server.0.try_wait() {
            return None;
        }
        Some(Display {
            name,
            _server: server,
        })
    }
}
