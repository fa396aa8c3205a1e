//! A team on one floor, every member in their own process: `dutydesk floor serve` and three
//! DutyDesk windows (each under its own Xvfb) logged in as the lead and two admins by typing
//! on the login screen. The lead raises an alarm with the app's own keys (Ctrl+J, Ctrl+E,
//! Enter) and both other windows show it within one wall second; an admin takes the chat
//! (Ctrl+G) and the third sees it taken; an admin killed with SIGKILL leaves the server and the
//! others going and logs in again; an outside TDLib client (Python, ctypes, the simulator's C
//! library joined through TDSIM_FLOOR) replies to a waiting customer and the wait clears in
//! every window; malformed, oversized and token-less connections are refused meanwhile.
//!
//! Each window's state is read from its `--report-state` file. Needs Xvfb, xdotool and
//! python3 (the CI installs them); fails, never skips, without them.

mod common;
mod xvfb;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use floor::frame::{self, Frame, PROTOCOL_VERSION};
use serde_json::Value;
use xvfb::{Display, Guard};

const TOKEN: &str = "TRAINING-TOKEN-42";
const LEAD: &str = "+15550000001";
const SAM: &str = "+15550000002";
const KIM: &str = "+15550000003";

fn tool(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `dutydesk floor serve` with its terminal's lines collected.
struct Floor {
    _child: Guard,
    addr: String,
    lines: Arc<Mutex<Vec<String>>>,
    stdin: ChildStdin,
}

impl Floor {
    fn start(home: &Path) -> Floor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .args(["floor", "serve", "--scenario", "basic", "--speed", "1"])
            .args([
                "--listen",
                "127.0.0.1:0",
                "--token",
                TOKEN,
                "--timeout",
                "3",
            ])
            .env("DUTYDESK_HOME", home)
            .env("DUTYDESK_LANGUAGE", "en")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dutydesk floor serve starts");
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take().unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let mut floor = Floor {
            _child: Guard(child),
            addr: String::new(),
            lines,
            stdin,
        };
        let join = floor.wait_line("the join command", |l| l.starts_with("Join with: "));
        // "Join with: dutydesk --floor 127.0.0.1:PORT --token TOKEN"
        floor.addr = join.split_whitespace().nth(4).unwrap().to_string();
        floor
    }

    /// The first line (from the start) that satisfies `f`, waiting up to 30 s.
    fn wait_line(&self, what: &str, f: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(l) = self.lines.lock().unwrap().iter().find(|l| f(l)) {
                return l.clone();
            }
            assert!(
                Instant::now() < deadline,
                "the floor never printed {what}:\n{}",
                self.lines.lock().unwrap().join("\n")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn said(&self, f: impl Fn(&str) -> bool) -> usize {
        self.lines.lock().unwrap().iter().filter(|l| f(l)).count()
    }

    /// The newest "Connected:" line.
    fn connected(&self) -> String {
        let lines = self.lines.lock().unwrap();
        lines
            .iter()
            .rev()
            .find(|l| l.starts_with("Connected: "))
            .cloned()
            .unwrap_or_default()
    }
}

/// One DutyDesk window on its own display, with its state report.
struct Window {
    who: &'static str,
    _display: Display,
    display: String,
    child: Guard,
    report: PathBuf,
    _home: tempfile::TempDir,
    window: String,
}

impl Window {
    fn open(floor: &Floor, who: &'static str, display_base: u32) -> Window {
        let home = tempfile::tempdir().unwrap();
        let xvfb = Display::start(display_base);
        let display = xvfb.name.clone();
        let report = home.path().join("state.json");
        let child = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
            .args(["--floor", &floor.addr, "--token", TOKEN, "--report-state"])
            .arg(&report)
            .env("DISPLAY", &display)
            .env("DUTYDESK_HOME", home.path())
            .env("DUTYDESK_LANGUAGE", "en")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(home.path().join("stderr.log")).unwrap())
            .spawn()
            .expect("dutydesk --floor starts");
        let mut w = Window {
            who,
            _display: xvfb,
            display,
            child: Guard(child),
            report,
            _home: home,
            window: String::new(),
        };
        w.window = w.find_window();
        w
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn find_window(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.0.try_wait() {
                let log = std::fs::read_to_string(self._home.path().join("stderr.log"));
                panic!(
                    "{}'s DutyDesk exited: {status}\n{}",
                    self.who,
                    log.unwrap_or_default()
                );
            }
            let id = self.xdotool(&["search", "--name", "DutyDesk"]);
            if let Some(id) = id.lines().next().filter(|l| !l.is_empty()) {
                return id.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "{}'s window never opened",
                self.who
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Keys to this window (focused first, as a person would click into it).
    fn keys(&self, keys: &[&str]) {
        self.xdotool(&["windowfocus", "--sync", &self.window]);
        for k in keys {
            self.xdotool(&["key", "--window", &self.window, k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn type_text(&self, text: &str) {
        self.xdotool(&["windowfocus", "--sync", &self.window]);
        self.xdotool(&["type", "--delay", "15", text]);
    }

    fn state(&self) -> Value {
        std::fs::read_to_string(&self.report)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null)
    }

    /// Polls the report (every 10 ms) until `f` holds; returns the state and when.
    fn wait(&self, what: &str, secs: u64, f: impl Fn(&Value) -> bool) -> (Value, Instant) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.state();
            if f(&s) {
                return (s, Instant::now());
            }
            assert!(
                Instant::now() < deadline,
                "{}: never {what}; last state {s}",
                self.who
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Logs in on the login screen: phone (Tab into the field, type, Enter), then the code.
    fn log_in(&self, phone: &str) {
        self.wait("on the phone step", 60, |s| s["screen"] == "login-phone");
        for (step, text, next) in [
            ("login-phone", phone, "login-code"),
            ("login-code", tdsim::LOGIN_CODE, "console"),
        ] {
            let mut tries = 0;
            while self.state()["screen"] == step {
                tries += 1;
                assert!(tries <= 5, "{}: typing into {step} did nothing", self.who);
                self.keys(&["Tab"]);
                self.type_text(text);
                self.keys(&["Return"]);
                let deadline = Instant::now() + Duration::from_secs(5);
                while self.state()["screen"] == step && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            self.wait(&format!("past {step}"), 30, |s| s["screen"] == next);
        }
        self.wait("chats loaded", 60, |s| {
            s["waiting"].as_array().is_some_and(|w| !w.is_empty())
        });
    }
}

fn chats(state: &Value, key: &str) -> Vec<i64> {
    state[key]
        .as_array()
        .map(|v| v.iter().filter_map(|x| x["chat"].as_i64()).collect())
        .unwrap_or_default()
}

/// What arrives on a raw connection before the server closes it.
fn raw(addr: &str, bytes: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(bytes).unwrap();
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    got
}

fn hello(token: &str) -> Vec<u8> {
    Frame::Hello {
        version: PROTOCOL_VERSION,
        token: token.into(),
        name: "raw".into(),
    }
    .encode()
}

#[test]
fn a_team_trains_on_one_floor_each_in_their_own_process() {
    assert!(
        tool("Xvfb") && tool("xdotool") && tool("python3"),
        "this test needs Xvfb, xdotool and python3: apt-get install -y xvfb xauth xdotool python3"
    );
    let started = Instant::now();
    let home = tempfile::tempdir().unwrap();
    let floor = Floor::start(home.path());
    let lead = Window::open(&floor, "lead", 110);
    let sam = Window::open(&floor, "Sam", 120);
    let mut kim = Window::open(&floor, "Kim", 130);
    lead.log_in(LEAD);
    sam.log_in(SAM);
    kim.log_in(KIM);
    floor.wait_line("everyone connected", |l| {
        l.starts_with("Connected: Lena Lead, Sam Support, Kim Keeper ·")
    });
    eprintln!("logged in after {:?}", started.elapsed());

    // The lead raises the alarm on the chat waiting longest, with the app's own keys.
    lead.keys(&["ctrl+j", "ctrl+e"]);
    // Enter raises once the reason dialog is up; on a loaded machine it may come after the
    // first Enter (which then lands in the empty composer and sends nothing): press again.
    let mut tries = 0;
    while chats(&lead.state(), "alarms").is_empty() && tries < 5 {
        tries += 1;
        std::thread::sleep(Duration::from_millis(300));
        lead.keys(&["Return"]);
        let deadline = Instant::now() + Duration::from_secs(3);
        while chats(&lead.state(), "alarms").is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let (raised, at) = lead.wait("raised the alarm", 20, |s| !chats(s, "alarms").is_empty());
    let alarmed = chats(&raised, "alarms")[0];
    assert_eq!(raised["alarms"][0]["team"], true, "{raised}");
    for other in [&sam, &kim] {
        let (_, seen) = other.wait("seen the alarm", 20, |s| {
            chats(s, "alarms").contains(&alarmed)
        });
        let late = seen.saturating_duration_since(at);
        assert!(
            late <= Duration::from_secs(1),
            "{} saw the lead's alarm {late:?} after the lead's own window",
            other.who
        );
    }

    // Sam takes it (Ctrl+J opens the chat waiting longest, the alarmed one; Ctrl+G takes it),
    // Kim sees it taken.
    sam.keys(&["ctrl+j", "ctrl+g"]);
    let (taken, _) = kim.wait("seen the chat taken", 20, |s| {
        chats(s, "assignments").contains(&alarmed)
    });
    let sam_id = sam
        .wait("own assignment", 20, |s| {
            chats(s, "assignments").contains(&alarmed)
        })
        .0["assignments"][0]["user"]
        .clone();
    assert_eq!(taken["assignments"][0]["user"], sam_id, "{taken}");

    // Kim is killed outright: the server and the others go on; Kim logs in again.
    kim.child.0.kill().unwrap();
    let _ = kim.child.0.wait();
    floor.wait_line("Kim's connection gone", |l| l.starts_with("left: "));
    floor.wait_line("Kim free again", |l| {
        l.starts_with("Connected: Lena Lead, Sam Support ·") && l.contains("Kim Keeper")
    });
    kim = Window::open(&floor, "Kim again", 140);
    kim.log_in(KIM);
    kim.wait("caught up with the team", 30, |s| {
        chats(s, "assignments").contains(&alarmed) && chats(s, "alarms").contains(&alarmed)
    });

    // Strangers knock meanwhile: none gets in, nobody notices.
    let refused = raw(&floor.addr, &hello(""));
    assert!(String::from_utf8_lossy(&refused).contains("a join token is required"));
    let wrong = raw(&floor.addr, &hello("TRAINING-TOKEN-43"));
    assert!(String::from_utf8_lossy(&wrong).contains("wrong join token"));
    raw(&floor.addr, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut oversized = hello(TOKEN);
    oversized.extend_from_slice(&[0x7f, 0xff, 0xff, 0xff, 6]);
    let answer = raw(&floor.addr, &oversized);
    assert!(matches!(
        frame::read_frame(&mut &answer[..], 1 << 20),
        Ok(Frame::Welcome { .. })
    ));
    let mut malformed = hello(TOKEN);
    malformed.extend_from_slice(&[0, 0, 0, 1, 250]);
    raw(&floor.addr, &malformed);
    floor.wait_line("the oversized frame refused", |l| {
        l.contains("oversized frame")
    });
    floor.wait_line("the malformed frame refused", |l| {
        l.contains("unknown kind 250")
    });
    assert_eq!(floor.said(|l| l.starts_with("refused ")), 3);

    // An outside TDLib client joins as the account and answers a customer everyone sees.
    let waiting = |w: &Window| chats(&w.state(), "waiting");
    let customer = *waiting(&lead)
        .iter()
        .find(|c| waiting(&sam).contains(c) && waiting(&kim).contains(c))
        .expect("a chat waiting in every window");
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/floor_client.py"))
        .arg(common::sim_cdylib())
        .args(["+15550100", &customer.to_string(), "On it, checking now"])
        .env("TDSIM_FLOOR", &floor.addr)
        .env("TDSIM_FLOOR_TOKEN", TOKEN)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the Python client failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(seen["first_name"], "Dana");
    assert_eq!(seen["succeeded"], true);
    for w in [&lead, &sam, &kim] {
        w.wait("the wait cleared", 20, |s| {
            !chats(s, "waiting").contains(&customer)
        });
    }

    // The trainer ends the session: the summary names the one who answered.
    writeln!(&floor.stdin, "q").unwrap();
    floor.wait_line("the summary", |l| {
        l.starts_with("Dana Duty: 1 first responses")
    });
    assert!(floor.connected().contains("Lena Lead"));
    eprintln!("the whole session took {:?}", started.elapsed());
}
