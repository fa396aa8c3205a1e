//! One floor server in a process of its own (this bench re-run as the server), the storm
//! scenario, 50 clients connected over loopback TCP and logged in round the team (the account
//! sees all 500 chats, each colleague the groups they are in). Prints the updates per second
//! delivered to each client, the server's CPU and memory, and the time from a lead's alarm
//! (a duty-group message built by `desk::team::protocol`) to the last of the 50 clients
//! receiving it: median and P99. The machine's load average is printed with the figures.
//!
//! `cargo bench -p floor --bench floor`. Knobs: FLOOR_BENCH_CLIENTS (50),
//! FLOOR_BENCH_SECONDS (10: the measured window), FLOOR_BENCH_SPEED (1.0: virtual seconds
//! per wall second, 20,000 updates each for every client logged in as the account),
//! FLOOR_BENCH_ALARMS (40, on the quiet floor before the storm).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use desk::team::protocol::{Action, build};
use floor::{Connection, Server, ServerConfig};
use serde_json::json;

fn knob<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::var("FLOOR_BENCH_SERVE").is_ok() {
        return serve();
    }
    let clients: usize = knob("FLOOR_BENCH_CLIENTS", 50);
    let seconds: u64 = knob("FLOOR_BENCH_SECONDS", 10);
    let speed: f64 = knob("FLOOR_BENCH_SPEED", 1.0);
    let alarms: usize = knob("FLOOR_BENCH_ALARMS", 40);

    let mut server = Command::new(std::env::current_exe().unwrap())
        .env("FLOOR_BENCH_SERVE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server process starts");
    let mut control = server.stdin.take().unwrap();
    let pid = server.id();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let addr = lines.next().unwrap().unwrap();
    let team: Vec<String> = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    let duty: i64 = lines.next().unwrap().unwrap().parse().unwrap();

    CLIENTS.store(clients as u64, Ordering::Relaxed);
    let counts: Vec<Arc<AtomicU64>> = (0..clients).map(|_| Arc::new(AtomicU64::new(0))).collect();
    let arrivals: Arc<Mutex<Vec<Vec<Instant>>>> = Arc::new(Mutex::new(vec![Vec::new(); alarms]));
    let stop = Arc::new(AtomicBool::new(false));
    let joined_at = Instant::now();
    let mut conns = Vec::new();
    for (i, count) in counts.iter().enumerate() {
        let phone = team[i % team.len()].clone();
        let conn = Connection::connect(&addr, None, "bench").expect("joins");
        let id = conn.create_client();
        login(&conn, id, &phone);
        let (count, arrivals, stop) = (count.clone(), arrivals.clone(), stop.clone());
        conns.push(conn.clone());
        std::thread::spawn(move || read(conn, count, arrivals, stop));
    }
    let lead = Connection::connect(&addr, None, "bench lead").expect("joins");
    let lead_id = lead.create_client();
    login(&lead, lead_id, &team[1]);
    println!(
        "floor: {clients} clients logged in over loopback in {:.1} s (round the team: {})",
        joined_at.elapsed().as_secs_f64(),
        team.join(", ")
    );

    // A quiet floor first (the server starts paused): the protocol's own latency.
    drained(&counts);
    let lead = Alarms {
        conn: lead,
        id: lead_id,
        duty,
        arrivals: arrivals.clone(),
    };
    let quiet = lead.measure(
        0,
        alarms,
        Duration::from_millis(250),
        Duration::from_secs(5),
    );
    report("a quiet floor", &quiet, clients);

    // Then the storm: what each client is delivered, what it costs the server.
    writeln!(control, "speed {speed}").unwrap();
    let _ = lines.next();
    std::thread::sleep(Duration::from_secs(1));
    storm(pid, &counts, seconds, speed);
    dropped(&conns, &team);
    stop.store(true, Ordering::Relaxed);
    println!("floor: load average {}", load_average());
    let _ = server.kill();
    let _ = server.wait();
    std::process::exit(0);
}

/// Measures the storm for `seconds`: what each client received, the server's CPU and memory.
fn storm(pid: u32, counts: &[Arc<AtomicU64>], seconds: u64, speed: f64) {
    let cpu0 = cpu_seconds(pid);
    let before: Vec<u64> = counts.iter().map(|c| c.load(Ordering::Relaxed)).collect();
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds(pid).zip(cpu0).map(|(b, a)| b - a);
    let mut rates: Vec<f64> = counts
        .iter()
        .zip(&before)
        .map(|(c, b)| (c.load(Ordering::Relaxed) - b) as f64 / wall)
        .collect();
    rates.sort_by(f64::total_cmp);
    let total: f64 = rates.iter().sum();
    println!(
        "floor: storm at {speed}× (20,000 updates per virtual second to the busiest client): updates/s delivered per client: min {:.0}, median {:.0}, max {:.0}; all {}: {:.0}/s",
        rates[0],
        rates[rates.len() / 2],
        rates[rates.len() - 1],
        counts.len(),
        total
    );
    match (cpu, memory_kb(pid)) {
        (Some(cpu), Some((rss, peak))) => println!(
            "floor: server CPU {:.0}% of one core over {wall:.1} s; memory {} MB resident, peak {} MB",
            cpu / wall * 100.0,
            rss / 1024,
            peak / 1024
        ),
        _ => println!("floor: server CPU and memory: not readable here (/proc)"),
    }
}

/// Says how many clients the server disconnected for falling behind, and as whom.
fn dropped(conns: &[Connection], team: &[String]) {
    let alive = conns.iter().filter(|c| c.is_alive()).count();
    let mut dropped: Vec<&str> = conns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_alive())
        .map(|(i, _)| team[i % team.len()].as_str())
        .collect();
    dropped.dedup();
    println!(
        "floor: clients still connected after the storm window: {alive} of {}; the others fell {} MB behind and were disconnected (logged in as {})",
        conns.len(),
        ServerConfig::new(Default::default(), "127.0.0.1:0".parse().unwrap()).queue_limit >> 20,
        if dropped.is_empty() {
            "nobody".to_string()
        } else {
            dropped.join(", ")
        }
    );
}

/// The lead's alarms and when each client had them.
struct Alarms {
    conn: Connection,
    id: i32,
    duty: i64,
    arrivals: Arc<Mutex<Vec<Vec<Instant>>>>,
}

impl Alarms {
    /// Posts alarms `from..to`, `gap` apart; after the last, waits up to `wait` for them.
    /// Returns, per alarm, the time to its last client (None: not everyone had it).
    fn measure(&self, from: usize, to: usize, gap: Duration, wait: Duration) -> Vec<Option<f64>> {
        let mut sent = Vec::new();
        for n in from..to {
            let action = Action::RaiseAlarm {
                chat: self.duty,
                message: None,
                reason: Some(format!("bench {n}")),
            };
            let text = build(&format!("bench alarm {n}"), &action);
            let req = json!({"@type": "sendMessage", "chat_id": self.duty, "input_message_content": {
                "@type": "inputMessageText", "text": {"@type": "formattedText", "text": text}}});
            sent.push(Instant::now());
            self.conn.send(self.id, &req.to_string());
            std::thread::sleep(gap);
        }
        let deadline = Instant::now() + wait;
        let everyone = |n: usize, clients: usize| self.arrivals.lock().unwrap()[n].len() >= clients;
        let clients = CLIENTS.load(Ordering::Relaxed) as usize;
        while Instant::now() < deadline && !(from..to).all(|n| everyone(n, clients)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let arrivals = self.arrivals.lock().unwrap();
        (from..to)
            .map(|n| {
                let at = &arrivals[n];
                (at.len() >= clients).then(|| {
                    at.iter()
                        .max()
                        .unwrap()
                        .duration_since(sent[n - from])
                        .as_secs_f64()
                        * 1000.0
                })
            })
            .collect()
    }
}

static CLIENTS: AtomicU64 = AtomicU64::new(0);

fn report(when: &str, times: &[Option<f64>], clients: usize) {
    let mut lasts: Vec<f64> = times.iter().flatten().copied().collect();
    lasts.sort_by(f64::total_cmp);
    let missing = times.len() - lasts.len();
    if lasts.is_empty() {
        println!("floor: {when}: no alarm reached all {clients} clients in time");
        return;
    }
    let rank = |p: f64| {
        lasts[((p / 100.0 * lasts.len() as f64).ceil() as usize).clamp(1, lasts.len()) - 1]
    };
    println!(
        "floor: {when}: the lead's alarm to the last of {clients} clients: median {:.1} ms, p99 {:.1} ms ({} alarms{})",
        rank(50.0),
        rank(99.0),
        lasts.len(),
        if missing > 0 {
            format!(", {missing} not everywhere in time")
        } else {
            String::new()
        }
    );
}

/// Waits until no client received anything for a second (or 60 s passed).
fn drained(counts: &[Arc<AtomicU64>]) {
    let total = || {
        counts
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .sum::<u64>()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut last = total();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_secs(1));
        let now = total();
        // unix_time reports go on once a second: a handful per client is quiet.
        if now - last <= 2 * counts.len() as u64 {
            return;
        }
        last = now;
    }
}

/// The server side: prints its address, the team's phones and the duty group, then serves.
fn serve() {
    let world = tdsim::WorldConfig {
        scenario: tdsim::Scenario::builtin("storm").unwrap(),
        seed: 1,
        // Paused until the parent says "speed X".
        speed: 0.0,
        start_time: 1_772_442_000,
    };
    let mut config = ServerConfig::new(world, "127.0.0.1:0".parse().unwrap());
    config.timeout = Duration::from_secs(30);
    let (server, notices) = Server::start(config).expect("listens");
    // Why a client left, on stderr: a bench whose clients were dropped says so.
    std::thread::spawn(move || {
        for n in notices {
            if let floor::Notice::Left { reason, .. } = n {
                eprintln!("floor server: a client left: {reason}");
            }
        }
    });
    let layout = server.world().layout();
    let phones: Vec<String> = layout.team.iter().map(|m| m.phone.clone()).collect();
    println!("{}", server.addr());
    println!("{}", serde_json::to_string(&phones).unwrap());
    println!("{}", layout.duty_group_chat_id);
    // "speed X" on stdin sets the world's clock (0 pauses the storm).
    for line in std::io::stdin().lines().map_while(Result::ok) {
        if let Some(x) = line.strip_prefix("speed ").and_then(|x| x.parse().ok()) {
            server.world().set_speed(x);
            println!("ok");
        }
    }
}

fn login(conn: &Connection, id: i32, phone: &str) {
    for req in [
        json!({"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h",
               "system_language_code":"en","device_model":"bench","application_version":"1"}),
        json!({"@type":"setAuthenticationPhoneNumber","phone_number":phone}),
        json!({"@type":"checkAuthenticationCode","code":tdsim::LOGIN_CODE}),
        json!({"@type":"loadChats","limit":1000}),
    ] {
        conn.send(id, &req.to_string());
    }
}

/// Counts what one client receives; notes when each bench alarm arrived.
fn read(
    conn: Connection,
    count: Arc<AtomicU64>,
    arrivals: Arc<Mutex<Vec<Vec<Instant>>>>,
    stop: Arc<AtomicBool>,
) {
    while !stop.load(Ordering::Relaxed) {
        let Some(raw) = conn.receive(0.2) else {
            continue;
        };
        count.fetch_add(1, Ordering::Relaxed);
        if let Some(at) = raw.find("bench alarm ")
            && raw.starts_with(r#"{"@type":"updateNewMessage""#)
        {
            let n: String = raw[at + 12..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = n.parse::<usize>()
                && let Some(v) = arrivals.lock().unwrap().get_mut(n)
            {
                v.push(Instant::now());
            }
        }
    }
}

/// The process's user + system CPU seconds (Linux).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Resident and peak resident memory in kB (Linux).
fn memory_kb(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
