//! DutyDesk under a storm of updates (issue 16): the release binary on the shipped `storm`
//! scenario at speed 1 (about 20,000 updates a second) in a virtual X display, measured
//! for a window of wall time after login, beside a baseline: the same stream parsed into
//! tdlib-rs types and discarded. Prints, with the load average beside them:
//! - CPU-seconds per thread (from /proc/<pid>/task/*/stat), and DutyDesk's total outside
//!   the simulator's own thread against the parse baseline (target <= 2x);
//! - the window's thread as a share of one core (target <= 10%);
//! - frames drawn, views built and Telegram batches applied per second (the binary's
//!   `DUTYDESK_TRACE_FRAMES` hook);
//! - the p50/p99 time from a synthetic key press (xdotool, typing into the list's filter)
//!   to the frame that shows it (target p99 <= 50 ms): until the X server has the frame's
//!   pixels (a DAMAGE event on the window after the frame's present), beside the time until
//!   the frame's rasterizing began and the app's own share.
//!
//! cargo bench --bench ui_storm          (needs Xvfb and xdotool: apt-get install -y xvfb xauth xdotool)
//! DUTYDESK_STORM_SECS=20 cargo bench --bench ui_storm    (a shorter window while iterating)
//! DUTYDESK_STORM_BIN=/path/to/dutydesk cargo bench --bench ui_storm   (another build, to compare)
//! DUTYDESK_STORM_KEYS=1 cargo bench --bench ui_storm   (each key's figures, each DAMAGE event)
//!
//! CPU-seconds per thread are fairly robust to other work on the machine; latencies and
//! frame rates are not: read them beside the load average printed with them.

#[path = "../tests/xvfb/mod.rs"]
mod xvfb;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use xvfb::{Display, Guard};

/// USER_HZ on Linux: /proc's CPU times are in these ticks.
const TICKS: f64 = 100.0;

fn main() {
    let secs: u64 = std::env::var("DUTYDESK_STORM_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let window = Duration::from_secs(secs);
    println!(
        "ui_storm: storm scenario at speed 1, {secs} s after login; load {}",
        loadavg()
    );

    let baseline = parse_baseline(window);
    println!(
        "baseline: {} updates parsed into tdlib-rs types ({:.0}/s) in {:.2} CPU-s ({:.2} µs each); \
         the simulator's thread {:.2} CPU-s; load {}",
        baseline.updates,
        baseline.updates as f64 / window.as_secs_f64(),
        baseline.parse_cpu,
        1e6 * baseline.parse_cpu / baseline.updates.max(1) as f64,
        baseline.simulator_cpu,
        loadavg()
    );

    let app = run_app(window);
    print_app(&app, &baseline, window);
}

// ---------------------------------------------------------------------------------------
// The baseline: the storm's stream parsed as tdlib-rs does it, in this process.

struct Baseline {
    updates: u64,
    parse_cpu: f64,
    simulator_cpu: f64,
}

fn parse_baseline(window: Duration) -> Baseline {
    let scenario = tdsim::Scenario::builtin("storm").expect("the shipped storm scenario");
    let id = tdsim::create_client_with(dutydesk::demo::world(scenario, 1.0, 1));
    for request in [
        r#"{"@type":"setTdlibParameters","api_id":1,"api_hash":"h","system_language_code":"en","device_model":"bench","application_version":"1"}"#,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}"#,
        r#"{"@type":"checkAuthenticationCode","code":"22222"}"#,
        r#"{"@type":"loadChats","limit":1000}"#,
    ] {
        tdsim::send(id, request);
    }
    // The login and the initial sync are not the storm: drained unparsed for two seconds.
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_secs(2) {
        let _ = tdsim::receive(0.1);
    }
    let simulator = || thread_cpu(std::process::id(), |name| name.starts_with("tdsim-clock"));
    let own = || own_thread_cpu();
    let (sim0, own0) = (simulator(), own());
    let start = Instant::now();
    let mut updates = 0u64;
    let mut kinds = BTreeMap::<String, u64>::new();
    while start.elapsed() < window {
        let Some(text) = tdsim::receive(0.1) else {
            continue;
        };
        // What tdlib_rs::receive does with each string: a Value, then the typed Update.
        let value: serde_json::Value = serde_json::from_str(&text).expect("TDLib JSON");
        if value.get("@extra").is_some() {
            continue;
        }
        let kind = value["@type"].as_str().unwrap_or("?");
        if let Some(n) = kinds.get_mut(kind) {
            *n += 1;
        } else {
            kinds.insert(kind.to_string(), 1);
        }
        if serde_json::from_value::<tdlib_rs::enums::Update>(value).is_ok() {
            updates += 1;
        }
    }
    let mut kinds: Vec<(String, u64)> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!(
        "baseline: the storm's updates by kind: {}",
        kinds.join(", ")
    );
    let baseline = Baseline {
        updates,
        parse_cpu: own() - own0,
        simulator_cpu: simulator() - sim0,
    };
    tdsim::send(id, r#"{"@type":"close"}"#);
    let closing = Instant::now();
    while closing.elapsed() < Duration::from_secs(1) {
        let _ = tdsim::receive(0.1);
    }
    baseline
}

// ---------------------------------------------------------------------------------------
// The release binary in Xvfb.

struct AppRun {
    /// CPU-seconds per thread name over the window.
    threads: BTreeMap<String, f64>,
    /// The window's (main) thread.
    window_thread: f64,
    /// Per second.
    frames: f64,
    views: f64,
    batches: f64,
    events: f64,
    /// Per key answered, in ms: from its injection to the frame shown (the X server has
    /// its pixels), from its injection to the frame's rasterizing beginning, and from its
    /// arrival in the app to that beginning.
    latencies: Vec<Latency>,
    keys_sent: usize,
    load: String,
}

struct Latency {
    shown: f64,
    drawing: f64,
    in_app: f64,
}

fn run_app(window: Duration) -> AppRun {
    let xvfb = Display::start(70);
    let home = tempfile::tempdir().expect("a temporary home");
    let trace = home.path().join("frames.trace");
    // Another build of the binary (a before/after comparison) may stand in.
    let binary = std::env::var_os("DUTYDESK_STORM_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_dutydesk").into());
    let mut child = Command::new(binary)
        .args(["--demo", "--scenario", "storm", "--speed", "1"])
        .env("DISPLAY", &xvfb.name)
        .env("DUTYDESK_HOME", home.path())
        .env("DUTYDESK_TRACE_STARTUP", "1")
        .env("DUTYDESK_TRACE_FRAMES", &trace)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dutydesk starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let child = Guard(child);
    let pid = child.0.id();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.starts_with("dutydesk: first console view") => break,
            Ok(_) => {}
            Err(_) => panic!("dutydesk never showed the console"),
        }
    }
    // Focus the window and the list's filter (Ctrl+L); keys typed there change the list.
    let xdo = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &xvfb.name)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("xdotool runs (apt-get install -y xdotool)")
    };
    let found = Instant::now();
    while !xdo(&["search", "--name", "DutyDesk", "windowfocus", "--sync"]).success() {
        assert!(
            found.elapsed() < Duration::from_secs(10),
            "no DutyDesk window to focus"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    xdo(&["key", "ctrl+l"]);
    let damage = watch_damage(&xvfb.name, &window_id(&xvfb.name));
    // Past the initial sync.
    std::thread::sleep(Duration::from_secs(3));

    let cpu0 = threads_cpu(pid);
    let counts0 = last_counts(&trace);
    let start = Instant::now();
    let mut sent = Vec::new();
    let mut i = 0u64;
    while start.elapsed() < window {
        // About one key a second, off the beat of the storm's bursts. (Faster, the keys'
        // own frames add to the window's thread what the storm is measured by.)
        std::thread::sleep(Duration::from_millis(700 + (i * 263) % 600));
        let key = if i.is_multiple_of(2) {
            "a"
        } else {
            "BackSpace"
        };
        sent.push(unix_nanos());
        xdo(&["key", key]);
        i += 1;
    }
    // The frame of the last key, and a counts line after the window.
    std::thread::sleep(Duration::from_millis(1100));
    let cpu1 = threads_cpu(pid);
    let counts1 = last_counts(&trace);
    let load = loadavg();
    let _ = Command::new("kill").arg(pid.to_string()).status();
    let gone = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists()
        && gone.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(child);

    let mut threads = BTreeMap::new();
    let mut window_thread = 0.0;
    for (tid, (name, ticks)) in &cpu1 {
        let before = cpu0.get(tid).map_or(0, |(_, t)| *t);
        let used = (ticks - before) as f64 / TICKS;
        *threads.entry(name.clone()).or_insert(0.0) += used;
        if *tid == pid {
            window_thread = used;
        }
    }
    let text = std::fs::read_to_string(&trace).unwrap_or_default();
    let keys: Vec<(u64, u64)> = text
        .lines()
        .filter_map(|l| {
            let mut f = l.strip_prefix("key ")?.split(' ');
            Some((f.next()?.parse().ok()?, f.next()?.parse().ok()?))
        })
        .collect();
    let damage = damage.lock().map(|d| d.clone()).unwrap_or_default();
    // Each key sent is answered by the first key line received after it was sent, and
    // shown by the damage its frame's present caused: the first burst of DAMAGE events
    // after the frame's rasterizing began (a present may put several rectangles).
    let mut latencies = Vec::new();
    for (n, &at) in sent.iter().enumerate() {
        let next = sent.get(n + 1).copied().unwrap_or(u64::MAX);
        let Some(&(received, drawn)) = keys.iter().find(|(r, _)| *r >= at && *r < next) else {
            continue;
        };
        let Some(first) = damage.iter().position(|&d| d >= drawn) else {
            continue;
        };
        let mut shown = damage[first];
        for &d in &damage[first + 1..] {
            if d > shown + BURST {
                break;
            }
            shown = d;
        }
        if keys_listed() {
            println!(
                "key {n}: sent at {at} (+{:.3} s), reached the app {:.1} ms, drawing {:.1} ms, shown {:.1} ms",
                (at - sent[0]) as f64 / 1e9,
                (received - at) as f64 / 1e6,
                (drawn - at) as f64 / 1e6,
                (shown - at) as f64 / 1e6
            );
        }
        latencies.push(Latency {
            shown: (shown - at) as f64 / 1e6,
            drawing: (drawn - at) as f64 / 1e6,
            in_app: (drawn - received) as f64 / 1e6,
        });
    }
    // The counts' own times: each line is written about once a second.
    let span = (counts1.0.saturating_sub(counts0.0) as f64 / 1e9).max(1e-9);
    let rate = |i: usize| counts1.1[i].saturating_sub(counts0.1[i]) as f64 / span;
    AppRun {
        threads,
        window_thread,
        frames: rate(0),
        views: rate(1),
        batches: rate(2),
        events: rate(3),
        latencies,
        keys_sent: sent.len(),
        load,
    }
}

fn print_app(app: &AppRun, baseline: &Baseline, window: Duration) {
    let secs = window.as_secs_f64();
    println!(
        "dutydesk, CPU-seconds per thread over {secs:.0} s (load {}):",
        app.load
    );
    let mut outside_simulator = 0.0;
    for (name, used) in &app.threads {
        if *used >= 0.005 {
            println!(
                "  {name:<20} {used:7.2} CPU-s  {:5.1}% of one core",
                100.0 * used / secs
            );
        }
        if !name.starts_with("tdsim-clock") {
            outside_simulator += used;
        }
    }
    println!(
        "  outside the simulator's thread: {outside_simulator:.2} CPU-s = {:.2}x the parse baseline ({:.2} CPU-s); target <= 2x",
        outside_simulator / baseline.parse_cpu.max(1e-9),
        baseline.parse_cpu
    );
    println!(
        "  the window's thread: {:.2} CPU-s = {:.1}% of one core; target <= 10%",
        app.window_thread,
        100.0 * app.window_thread / secs
    );
    println!(
        "frames drawn {:.1}/s, views built {:.1}/s, Telegram batches {:.1}/s carrying {:.0} events/s",
        app.frames, app.views, app.batches, app.events
    );
    let mut shown: Vec<f64> = app.latencies.iter().map(|l| l.shown).collect();
    let mut drawing: Vec<f64> = app.latencies.iter().map(|l| l.drawing).collect();
    let mut in_app: Vec<f64> = app.latencies.iter().map(|l| l.in_app).collect();
    println!(
        "key press to the frame that shows it ({} of {} keys answered): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms \
         from injection (xdotool's start included) to the X server having the frame; target p99 <= 50 ms",
        shown.len(),
        app.keys_sent,
        percentile(&mut shown, 0.50),
        percentile(&mut shown, 0.99),
        percentile(&mut shown, 1.0),
    );
    println!(
        "  of which until the frame's rasterizing began: p50 {:.1} ms, p99 {:.1} ms from injection; \
         in the app p50 {:.1} ms, p99 {:.1} ms",
        percentile(&mut drawing, 0.50),
        percentile(&mut drawing, 0.99),
        percentile(&mut in_app, 0.50),
        percentile(&mut in_app, 0.99),
    );
}

// ---------------------------------------------------------------------------------------
// The X server's side: when a frame's pixels arrive.

/// DAMAGE events closer than this to the one before belong to the same present.
const BURST: u64 = 2_000_000;

/// The DutyDesk window's X id, as xdotool finds it by name.
fn window_id(display: &str) -> String {
    let out = Command::new("xdotool")
        .args(["search", "--name", "DutyDesk"])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .next()
        .expect("xdotool finds the DutyDesk window")
        .trim()
        .to_string()
}

/// The times (ns since the Unix epoch, this process's clock) at which the X server reported
/// damage to `window`: every rectangle a present puts (DAMAGE at raw-rectangle level).
/// The watching thread lives until the process ends: the window's end ends its events.
/// `DUTYDESK_STORM_KEYS=1`: every key's figures on stdout and every DAMAGE event (time,
/// rectangle) on stderr, to tell a slow key's cause (a late arrival, a long frame).
fn keys_listed() -> bool {
    std::env::var_os("DUTYDESK_STORM_KEYS").is_some()
}

fn watch_damage(display: &str, window: &str) -> Arc<Mutex<Vec<u64>>> {
    use x11rb::connection::{Connection, RequestConnection};
    use x11rb::protocol::{Event, damage};
    let window: u32 = window.parse().expect("a numeric X window id");
    let (conn, _) = x11rb::connect(Some(display)).expect("a connection to the X display");
    conn.extension_information(damage::X11_EXTENSION_NAME)
        .ok()
        .flatten()
        .expect("the X server has the DAMAGE extension");
    damage::query_version(&conn, 1, 1)
        .expect("a DAMAGE version request")
        .reply()
        .expect("DAMAGE 1.1");
    let id = conn.generate_id().expect("an X id");
    damage::create(&conn, id, window, damage::ReportLevel::RAW_RECTANGLES)
        .expect("a DAMAGE create request")
        .check()
        .expect("a DAMAGE object on the DutyDesk window");
    let times = Arc::new(Mutex::new(Vec::new()));
    let sink = times.clone();
    let listed = keys_listed();
    std::thread::spawn(move || {
        while let Ok(event) = conn.wait_for_event() {
            if let Event::DamageNotify(e) = event
                && let Ok(mut times) = sink.lock()
            {
                let now = unix_nanos();
                times.push(now);
                if listed {
                    let a = e.area;
                    eprintln!("damage {now} {} {} {}x{}", a.x, a.y, a.width, a.height);
                }
            }
        }
    });
    times
}

// ---------------------------------------------------------------------------------------
// /proc readers.

/// Each thread of `pid`: its name and utime + stime in ticks, by thread id.
fn threads_cpu(pid: u32) -> BTreeMap<u32, (String, u64)> {
    let mut out = BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return out;
    };
    for task in tasks.flatten() {
        let Ok(tid) = task.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        if let Some(entry) = parse_stat(&stat) {
            out.insert(tid, entry);
        }
    }
    out
}

/// (name, utime + stime) from a /proc stat line; the name may hold spaces and parentheses.
fn parse_stat(stat: &str) -> Option<(String, u64)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat[open + 1..close].to_string();
    let fields: Vec<&str> = stat[close + 1..].split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((name, utime + stime))
}

/// CPU-seconds of the threads of `pid` whose name passes `keep`.
fn thread_cpu(pid: u32, keep: impl Fn(&str) -> bool) -> f64 {
    threads_cpu(pid)
        .values()
        .filter(|(name, _)| keep(name))
        .map(|(_, t)| *t as f64 / TICKS)
        .sum()
}

fn own_thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    parse_stat(&stat).map_or(0.0, |(_, t)| t as f64 / TICKS)
}

/// The last `counts` line of the trace: its time, then frames, views, batches, events.
fn last_counts(trace: &std::path::Path) -> (u64, [u64; 4]) {
    let text = std::fs::read_to_string(trace).unwrap_or_default();
    let line = text.lines().rev().find_map(|l| l.strip_prefix("counts "));
    let mut out = [0; 4];
    let mut at = 0;
    if let Some(line) = line {
        let mut fields = line.split(' ');
        at = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        for (slot, v) in out.iter_mut().zip(fields) {
            *slot = v.parse().unwrap_or(0);
        }
    }
    (at, out)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn unix_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let i = ((values.len() - 1) as f64 * p).round() as usize;
    values[i]
}
