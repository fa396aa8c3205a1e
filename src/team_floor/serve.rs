//! `dutydesk floor serve`: the world served, and the trainer's terminal. It prints how to
//! join, who can log in as whom, a line of who is connected whenever it changes, and what
//! happened to connections; it reads the trainer's commands on stdin (pause, resume, speed,
//! a burst of customers, drop or restore one member's connection, end); at the end (q,
//! Ctrl+C, SIGTERM) it prints the summary of first responses.

use std::net::SocketAddr;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use floor::summary::{Tally, breach_secs};
use floor::{Notice, Seat, Server, ServerConfig};
use i18n::t;

/// What `floor serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: String,
    pub seed: u64,
    pub speed: f64,
    pub listen: String,
    pub token: Option<String>,
    pub timeout_secs: f64,
}

/// What reaches the terminal's loop.
enum Input {
    Command(String),
    /// Ctrl+C, SIGTERM, or stdin's end with nothing to wait for.
    End,
}

pub fn run(opts: Options) -> crate::cli::CliResult {
    let listen: SocketAddr = opts.listen.parse()?;
    let token = join_token(opts.token.clone(), listen)?;
    let scenario = crate::demo::scenario(&opts.scenario)?;
    let mut config = ServerConfig::new(
        crate::demo::world(scenario.clone(), opts.speed, opts.seed),
        listen,
    );
    config.token = token.clone();
    config.timeout = Duration::from_secs_f64(opts.timeout_secs.clamp(0.5, 3600.0));
    let (server, notices) = Server::start(config)?;
    introduce(&server, &opts, &scenario.name, token.as_deref());
    let (tx, inputs) = mpsc::channel();
    read_stdin(tx.clone());
    on_signal(tx);
    serve(&server, &notices, &inputs, opts.speed);
    summarise(&server);
    server.stop();
    Ok(())
}

/// The token the floor requires: the one given; else none on loopback; else a new one (a
/// LAN floor never opens without one).
fn join_token(
    given: Option<String>,
    listen: SocketAddr,
) -> Result<Option<String>, Box<dyn std::error::Error>> {
    match (given, listen.ip().is_loopback()) {
        (Some(t), _) => Ok(Some(t)),
        (None, true) => Ok(None),
        (None, false) => {
            println!("{}", t!("floor-needs-token", addr = listen.to_string()));
            Ok(Some(floor::token::new_token()?))
        }
    }
}

fn introduce(server: &Server, opts: &Options, scenario: &str, token: Option<&str>) {
    let addr = server.addr();
    println!(
        "{}",
        t!(
            "floor-serving",
            scenario = scenario,
            seed = opts.seed.to_string(),
            speed = opts.speed.to_string(),
            addr = addr.to_string()
        )
    );
    let mut command = format!("dutydesk --floor {}", shown_addr(addr));
    if let Some(token) = token {
        println!("{}", t!("floor-token-made", token = token));
        command.push_str(&format!(" --token {token}"));
    }
    println!("{}", t!("floor-join-with", command = command));
    println!("{}", t!("floor-team-heading", code = tdsim::LOGIN_CODE));
    for seat in server.seats() {
        let m = &seat.member;
        let mut title = String::new();
        if !m.title.is_empty() {
            title = format!(" — {}", m.title);
        }
        if m.is_lead && m.title.is_empty() {
            title = format!(" {}", t!("floor-member-lead"));
        }
        let phone = format!("{:<14}", m.phone);
        println!(
            "  {}",
            t!(
                "floor-member",
                phone = phone,
                name = m.name.clone(),
                title = title
            )
        );
    }
    println!("{}", t!("floor-controls"));
}

fn read_stdin(tx: Sender<Input>) {
    let _ = std::thread::Builder::new()
        .name("trainer".into())
        .spawn(move || {
            let mut line = String::new();
            // Without a terminal (a CI run, a service), stdin ends at once: the floor then
            // runs until a signal.
            while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
                if tx.send(Input::Command(line.trim().to_string())).is_err() {
                    return;
                }
                line.clear();
            }
        });
}

fn on_signal(tx: Sender<Input>) {
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(crate::shutdown::wait_for_signal());
            let _ = tx.send(Input::End);
        });
}

/// The terminal's loop: notices, commands, and the connected line when it changes.
fn serve(server: &Server, notices: &Receiver<Notice>, inputs: &Receiver<Input>, speed: f64) {
    let mut last_line = String::new();
    let mut running_speed = if speed > 0.0 { speed } else { 1.0 };
    loop {
        while let Ok(n) = notices.try_recv() {
            println!("{}", say_notice(&n));
        }
        let line = connected_line(server);
        if line != last_line {
            println!("{line}");
            last_line = line;
        }
        match inputs.recv_timeout(Duration::from_millis(250)) {
            Ok(Input::Command(c)) if c == "q" => return,
            Ok(Input::Command(c)) => {
                if let Some(out) = command(server, &c, &mut running_speed) {
                    println!("{out}");
                }
            }
            Ok(Input::End) | Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

fn say_notice(n: &Notice) -> String {
    match n {
        Notice::Joined { peer, name } => {
            t!("floor-joined", peer = peer.to_string(), name = name.clone())
        }
        Notice::Refused { peer, reason } => {
            t!(
                "floor-refused",
                peer = peer.to_string(),
                reason = reason.clone()
            )
        }
        Notice::Left {
            peer, name, reason, ..
        } => t!(
            "floor-left",
            peer = peer.to_string(),
            name = name.clone(),
            reason = reason.clone()
        ),
    }
}

fn connected_line(server: &Server) -> String {
    let seats = server.seats();
    let names = |free: bool| {
        let v: Vec<String> = seats
            .iter()
            .filter(|s: &&Seat| s.is_free() == free)
            .map(|s| s.member.name.clone())
            .collect();
        if v.is_empty() {
            t!("floor-nobody")
        } else {
            v.join(", ")
        }
    };
    let now = server.world().now();
    let time = format!(
        "{:02}:{:02}",
        now.rem_euclid(86_400) / 3600,
        now.rem_euclid(3600) / 60
    );
    t!(
        "floor-connected",
        members = names(false),
        free = names(true),
        connections = server.connections().to_string(),
        time = time
    )
}

/// Runs one trainer's command; what to print.
fn command(server: &Server, line: &str, running_speed: &mut f64) -> Option<String> {
    let mut words = line.split_whitespace();
    let verb = words.next()?;
    let arg = words.collect::<Vec<_>>().join(" ");
    let number = || {
        arg.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    let world = server.world();
    Some(match (verb, number()) {
        ("p", _) => {
            world.set_speed(0.0);
            t!("floor-paused")
        }
        ("r", _) => {
            world.set_speed(*running_speed);
            t!("floor-resumed", speed = running_speed.to_string())
        }
        ("s", Some(speed)) => {
            world.set_speed(speed);
            if speed > 0.0 {
                *running_speed = speed;
            }
            t!("floor-speed-set", speed = speed.to_string())
        }
        ("b", Some(n)) => {
            let n = (n as usize).clamp(1, 10_000);
            world.burst(n);
            t!("floor-burst-done", customers = n.to_string())
        }
        ("d", _) | ("u", _) if !arg.is_empty() => {
            let drop = verb == "d";
            let clients = if drop {
                server.drop_member(&arg)
            } else {
                server.restore_member(&arg)
            };
            match clients {
                Some(c) if drop => t!(
                    "floor-dropped",
                    phone = arg.clone(),
                    clients = c.len().to_string()
                ),
                Some(c) => t!(
                    "floor-restored",
                    phone = arg.clone(),
                    clients = c.len().to_string()
                ),
                None => t!("floor-no-member", phone = arg.clone()),
            }
        }
        _ => t!("floor-unknown-command", command = line.to_string()),
    })
}

fn summarise(server: &Server) {
    let names: Vec<(i64, String)> = server
        .seats()
        .into_iter()
        .map(|s| (s.member.user_id, s.member.name))
        .collect();
    let now = server.world().now();
    for line in server.summary(|tally| summary_lines(tally, &names, now)) {
        println!("{line}");
    }
}

/// The summary, one line each (tested without a server).
pub fn summary_lines(tally: &Tally, names: &[(i64, String)], now: i64) -> Vec<String> {
    let breach = breach_secs();
    let figures = tally.figures(now);
    let mut out = vec![t!("floor-summary-heading", sla = (breach / 60).to_string())];
    if figures.trainees.admins.is_empty() {
        out.push(t!("floor-summary-none"));
    }
    for row in &figures.trainees.admins {
        let user = match row.responder {
            desk::Sender::User(u) => u,
            desk::Sender::Chat(c) => c,
        };
        let name = names
            .iter()
            .find(|(id, _)| *id == user)
            .map_or_else(|| user.to_string(), |(_, n)| n.clone());
        let w = &row.waits;
        out.push(t!(
            "floor-summary-trainee",
            name = name,
            count = w.answered.to_string(),
            median = span(w.median_secs),
            p90 = span(w.p90_secs),
            longest = span(w.max_secs),
            share = share(w.sla.breach_share())
        ));
    }
    let scripted = &figures.scripted.team;
    if scripted.answered > 0 {
        out.push(t!(
            "floor-summary-scripted",
            count = scripted.answered.to_string(),
            median = span(scripted.median_secs),
            share = share(scripted.sla.breach_share())
        ));
    }
    let open = figures.trainees.team.open;
    let longest_open = figures
        .trainees
        .longest
        .iter()
        .filter(|w| w.open)
        .map(|w| w.wait_secs)
        .max();
    if open > 0 {
        out.push(t!(
            "floor-summary-open",
            count = open.to_string(),
            longest = span(longest_open)
        ));
    }
    if tally.dropped > 0 {
        out.push(t!(
            "floor-summary-dropped",
            posts = tally.dropped.to_string()
        ));
    }
    out.push(t!("floor-summary-source"));
    out
}

/// "4 min 05 s", "38 s", "—".
fn span(secs: Option<i64>) -> String {
    match secs {
        None => "—".into(),
        Some(s) if s < 60 => t!("floor-span-seconds", s = s.to_string()),
        Some(s) => t!(
            "floor-span-minutes",
            m = (s / 60).to_string(),
            s = format!("{:02}", s % 60)
        ),
    }
}

/// The address trainees type: the listening one, or for 0.0.0.0 / [::] this machine's
/// address on its default route (no packet is sent: a UDP socket's connect only picks the
/// route).
fn shown_addr(addr: SocketAddr) -> SocketAddr {
    if !addr.ip().is_unspecified() {
        return addr;
    }
    let probe = std::net::UdpSocket::bind(("0.0.0.0", 0))
        .and_then(|u| u.connect(("192.0.2.1", 9)).map(|()| u))
        .and_then(|u| u.local_addr());
    match probe {
        Ok(local) => SocketAddr::new(local.ip(), addr.port()),
        Err(_) => addr,
    }
}

fn share(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdsim::Post;

    fn post(chat: i64, sender: i64, customer: bool, client: bool, date: i64) -> Post {
        Post {
            chat_id: chat,
            message_id: date,
            sender: Some(sender),
            from_customer: customer,
            from_client: client,
            date,
        }
    }

    #[test]
    fn trainees_are_told_an_address_they_can_reach() {
        let local: SocketAddr = "127.0.0.1:7733".parse().unwrap();
        assert_eq!(shown_addr(local), local);
        let shown = shown_addr("0.0.0.0:7733".parse().unwrap());
        assert_eq!(shown.port(), 7733);
        // With a default route, this machine's address on it; without one, as listened.
        assert!(!shown.ip().is_unspecified() || shown == "0.0.0.0:7733".parse().unwrap());
    }

    #[test]
    fn a_floor_on_the_network_always_has_a_token() {
        let lan: SocketAddr = "0.0.0.0:7733".parse().unwrap();
        let local: SocketAddr = "127.0.0.1:7733".parse().unwrap();
        assert_eq!(join_token(None, local).unwrap(), None);
        assert_eq!(
            join_token(Some("T".into()), local).unwrap().as_deref(),
            Some("T")
        );
        assert_eq!(
            join_token(Some("T".into()), lan).unwrap().as_deref(),
            Some("T")
        );
        let made = join_token(None, lan).unwrap().expect("a token made");
        assert_eq!(made.len(), 32);
    }

    #[test]
    fn the_trainer_s_commands_act_on_the_world() {
        let config = ServerConfig::new(
            tdsim::WorldConfig {
                speed: 5.0,
                ..Default::default()
            },
            "127.0.0.1:0".parse().unwrap(),
        );
        let (server, _notices) = Server::start(config).unwrap();
        let world = server.world().clone();
        let sam = world.create_client();
        for req in [
            r#"{"@type":"setTdlibParameters","database_directory":"/tmp/x","api_id":1,"api_hash":"h","system_language_code":"en","device_model":"t","application_version":"1"}"#,
            r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550000002"}"#,
            r#"{"@type":"checkAuthenticationCode","code":"22222"}"#,
        ] {
            tdsim::send(sam, req);
        }
        let say = |line: &str, speed: &mut f64| {
            i18n::with_language(i18n::Language::En, || command(&server, line, speed))
                .unwrap_or_default()
        };
        let mut speed = 5.0;
        assert_eq!(say("p", &mut speed), "Clock paused.");
        assert_eq!(world.speed(), 0.0);
        assert_eq!(say("r", &mut speed), "Clock running at 5×.");
        assert_eq!(world.speed(), 5.0);
        assert_eq!(say("s 60", &mut speed), "Speed 60×.");
        assert_eq!((world.speed(), speed), (60.0, 60.0));
        // The server folds the world's posts itself (its own thread reads them), so the
        // burst is counted through its tally, with the clock paused so only the burst writes.
        assert_eq!(say("p", &mut speed), "Clock paused.");
        let before = server.summary(|t| t.customer_messages);
        assert_eq!(say("b 4", &mut speed), "4 customers wrote.");
        assert_eq!(server.summary(|t| t.customer_messages) - before, 4);
        let control = tdsim::control(sam).unwrap();
        assert_eq!(control.connection_state(), "connectionStateReady");
        assert_eq!(
            say("d +1 555 000 0002", &mut speed),
            "+1 555 000 0002: connection dropped for 1 client(s)."
        );
        assert_eq!(control.connection_state(), "connectionStateConnecting");
        assert_eq!(
            say("u +15550000002", &mut speed),
            "+15550000002: connection back for 1 client(s)."
        );
        assert_eq!(control.connection_state(), "connectionStateReady");
        assert_eq!(
            say("d +19999", &mut speed),
            "No team member has phone +19999."
        );
        assert_eq!(say("x", &mut speed), "Not a trainer's command: x");
        assert_eq!(say("s fast", &mut speed), "Not a trainer's command: s fast");
    }

    #[test]
    fn the_summary_names_each_trainee_with_their_figures() {
        let mut tally = Tally::default();
        const T: i64 = 1_772_442_000;
        tally.fold(&[
            post(1, 30, true, false, T),
            post(1, 7, false, true, T + 125),
            post(2, 30, true, false, T),
            post(2, 7, false, true, T + 1000),
            post(3, 31, true, false, T),
            post(3, 9, false, false, T + 40),
            post(4, 31, true, false, T + 100),
        ]);
        let names = vec![(7, "Sam Support".to_string())];
        let lines = i18n::with_language(i18n::Language::En, || {
            summary_lines(&tally, &names, T + 400)
        });
        assert_eq!(
            lines[0],
            "Summary: first responses by trainee (SLA: under 15 min)"
        );
        assert_eq!(
            lines[1],
            "Sam Support: 2 first responses, median 2 min 05 s, P90 16 min 40 s, longest 16 min 40 s, within SLA 50%"
        );
        assert_eq!(
            lines[2],
            "Simulated colleagues: 1 first responses, median 40 s, within SLA 100%"
        );
        assert_eq!(
            lines[3],
            "Still waiting: 1 chats, the longest for 5 min 00 s."
        );
    }
}
