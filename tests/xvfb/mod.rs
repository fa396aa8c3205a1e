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

/// Stops a child process when dropped, so a failed assertion leaves nothing running.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // SIGTERM first: Xvfb then removes its lock file and socket. Killed outright it
        // leaves them behind, and enough stale locks once used up every display number.
        let pid = self.0.id().to_string();
        let asked = Command::new("kill")
            .arg(&pid)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let deadline = Instant::now() + Duration::from_secs(2);
        while asked && Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Display `n` is taken: its lock file names a process still running. A lock left by a
/// server that died is free (Xvfb takes such a lock over).
fn taken(n: u32) -> bool {
    let Ok(lock) = std::fs::read_to_string(format!("/tmp/.X{n}-lock")) else {
        return false;
    };
    match lock.trim().parse::<u32>() {
        Ok(pid) => Path::new(&format!("/proc/{pid}")).exists(),
        // Being written, or unreadable: leave it to its owner.
        Err(_) => true,
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
                .find(|&n| !taken(n))
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
