//! The release binary on the demo floor in a virtual X display (Xvfb):
//! - first frame: time from launch to the first view (the frame is drawn right after it)
//!   and to the first console view; target <= 500 ms;
//! - resident memory with 5,000 chats once the initial sync is done; target <= 100 MB;
//! - idle CPU with nothing happening (a manual virtual clock): near zero.
//!
//! cargo bench --bench ui_launch   (needs Xvfb: apt-get install -y xvfb xauth)

#[path = "../tests/xvfb/mod.rs"]
mod xvfb;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use xvfb::{Display, Guard};

fn main() {
    let xvfb = Display::start(60);
    let display = xvfb.name.clone();

    let home = tempfile::tempdir().expect("a temporary directory");
    let scenario = home.path().join("floor-5000.toml");
    let floor = include_str!("../crates/tdsim/scenarios/floor.toml")
        .replace("groups = 200", "groups = 4750")
        .replace("private_chats = 25", "private_chats = 250");
    std::fs::write(&scenario, floor).expect("the scenario file");
    let scenario = scenario.to_str().expect("a UTF-8 path");

    // iced is built with tiny-skia only (no wgpu): one renderer to measure.
    {
        let name = "tiny-skia";
        // First frame, on the shipped floor (225 chats), three launches.
        for round in 1..=3 {
            let run = launch(&display, &["--demo"]);
            let first = run.wait_line("dutydesk: first view", Duration::from_secs(30));
            let console = run.wait_line("dutydesk: first console view", Duration::from_secs(30));
            println!(
                "[{name}] launch {round}: first view {:.0} ms, first console view {:.0} ms after launch (target <= 500 ms)",
                ms(first),
                ms(console)
            );
        }
        // Memory and idle CPU with 5,000 chats on a manual clock: nothing moves unless told.
        let args = ["--demo", "--speed", "0", "--scenario", scenario];
        let run = launch(&display, &args);
        run.wait_line("dutydesk: first console view", Duration::from_secs(60));
        // The initial sync is over when the process stops using CPU.
        let pid = run.child.0.id();
        let mut last = cpu_ticks(pid);
        let settle = Instant::now();
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = cpu_ticks(pid);
            if now - last < 5 || settle.elapsed() > Duration::from_secs(60) {
                break;
            }
            last = now;
        }
        println!(
            "[{name}] 5,000 chats, after sync: resident {} MB, peak {} MB (target <= 100 MB)",
            status_kb(pid, "VmRSS:") / 1024,
            status_kb(pid, "VmHWM:") / 1024
        );
        let ticks_per_sec = 100.0; // USER_HZ on Linux
        let window = Duration::from_secs(30);
        let before = cpu_ticks(pid);
        std::thread::sleep(window);
        let used = (cpu_ticks(pid) - before) as f64 / ticks_per_sec;
        println!(
            "[{name}] idle CPU over {} s with 5,000 chats: {:.2} s of CPU = {:.2}% of one core",
            window.as_secs(),
            used,
            100.0 * used / window.as_secs_f64()
        );
    }
}

struct Run {
    child: Guard,
    lines: mpsc::Receiver<(String, Instant)>,
    started: Instant,
}

impl Run {
    fn wait_line(&self, prefix: &str, timeout: Duration) -> Duration {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok((line, at)) if line.starts_with(prefix) => return at - self.started,
                Ok(_) => {}
                Err(_) => panic!("dutydesk never printed {prefix:?}"),
            }
        }
    }
}

fn launch(display: &str, args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("a temporary home").keep();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(args)
        .env("DISPLAY", display)
        .env("DUTYDESK_HOME", &home)
        .env("DUTYDESK_TRACE_STARTUP", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dutydesk starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send((line, Instant::now())).is_err() {
                break;
            }
        }
    });
    Run {
        child: Guard(child),
        lines,
        started,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

fn status_kb(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix(key)
                .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        })
        .unwrap_or(0)
}
