//! Alarm propagation through the whole path, ten DutyDesks in one process: app A's click
//! (the alarm dialog's Raise, or Ctrl+E to clear) → the team message built and sent
//! (td_send) → the simulated Telegram delivers it to every member's client → app B's
//! receive thread (the hub) → B's event batch → translate → desk (the team fold) → B's next
//! frame (`App::view` with the chat in the alarm band, or out of it). Each receiving app
//! runs on its own thread, polling its events every 0.1 ms (the window's subscription is
//! woken instead; polling adds at most that); A's thread clicks and waits for all nine. The network adds Telegram's own latency on a
//! real floor; this is DutyDesk's share (plus the simulator's).
//!
//! Prints the median and p99 per receiving app over every raise and clear. Asserts nothing
//! about time. Run: `cargo bench --bench team_propagation`

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dutydesk::config::Config;
use dutydesk::ui::Message;
use dutydesk::ui::features::console::{self, ChatAction};
use dutydesk::ui::features::team;
use dutydesk::ui::harness::Harness;

const APPS: usize = 10;
/// Alarm changes (raise, clear, raise, …) timed per receiving app.
const CHANGES: usize = 200;

/// What the receiving apps wait for: change `n` (raised when odd), clicked at `at`.
struct Round {
    at: Instant,
    raised: bool,
}

fn main() {
    let mut scenario = tdsim::Scenario::builtin("basic").expect("shipped");
    // Nine colleagues and the account: ten members of the duty group, ten apps.
    scenario.duty_group.staff = (1..APPS)
        .map(|i| tdsim::Colleague::named(&format!("Colleague {i}")))
        .collect();
    // Everyone is in the customer chat the alarm is about: every app lists it.
    scenario.customers.staff_per_group = (APPS - 1) as u32;
    let world = tdsim::create_world(tdsim::WorldConfig {
        scenario,
        seed: 1,
        speed: 0.0,
        start_time: 1_772_442_000,
    });
    let w = tdsim::world(world).expect("the world");
    let chat = w.layout().customer_chats[0].chat_id;
    let homes: Vec<tempfile::TempDir> = (0..APPS).map(|_| tempfile::tempdir().unwrap()).collect();
    let phones: Vec<String> = w.layout().team.iter().map(|m| m.phone.clone()).collect();
    let started = Instant::now();
    let mut apps: Vec<Harness> = phones
        .iter()
        .zip(&homes)
        .map(|(phone, home)| Harness::start_in(world, phone, home.path(), Config::default()))
        .collect();
    for h in &mut apps {
        h.pump_until("the team", |app| app.desk().team_members().len() == APPS);
    }
    println!(
        "team_propagation: {APPS} apps logged in and caught up in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let round = Arc::new(AtomicU64::new(0));
    let current = Arc::new(Mutex::new(Round {
        at: Instant::now(),
        raised: false,
    }));
    let (tx, rx) = mpsc::channel::<(usize, Duration)>();
    let mut clicker = apps.remove(0);
    let receivers: Vec<_> = apps
        .into_iter()
        .enumerate()
        .map(|(i, mut h)| {
            let (round, current, tx) = (round.clone(), current.clone(), tx.clone());
            std::thread::spawn(move || {
                let mut seen = 0;
                while seen < CHANGES as u64 {
                    h.pump();
                    let n = round.load(Ordering::Acquire);
                    if n > seen {
                        let (at, raised) = {
                            let r = current.lock().unwrap();
                            (r.at, r.raised)
                        };
                        if h.app.desk().row(chat).is_some_and(|r| r.alarm == raised) {
                            // The next frame: the list and its rows built.
                            drop(h.app.view());
                            tx.send((i, at.elapsed())).unwrap();
                            seen = n;
                            continue;
                        }
                    }
                    std::thread::sleep(Duration::from_micros(100));
                }
                h
            })
        })
        .collect();

    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); APPS - 1];
    for n in 1..=CHANGES as u64 {
        let raised = n % 2 == 1;
        {
            let mut r = current.lock().unwrap();
            r.raised = raised;
            r.at = Instant::now();
        }
        round.store(n, Ordering::Release);
        // The click: the dialog's Raise (its reason field empty), or Ctrl+E to clear.
        clicker.send(Message::Console(console::Message::Act(
            chat,
            ChatAction::ToggleAlarm,
        )));
        if raised {
            clicker.send(Message::Team(team::Message::Raise));
        }
        for _ in 0..APPS - 1 {
            let (i, took) = rx.recv_timeout(Duration::from_secs(30)).expect("delivered");
            samples[i].push(took);
        }
        clicker.pump_until("its own change back", |app| {
            app.desk().row(chat).is_some_and(|r| r.alarm == raised)
        });
    }
    for r in receivers {
        r.join().expect("a receiving app");
    }

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut all: Vec<Duration> = Vec::new();
    for (i, s) in samples.iter_mut().enumerate() {
        s.sort_unstable();
        let (median, p99) = (s[s.len() / 2], s[s.len() * 99 / 100]);
        println!(
            "team_propagation: app {:>2}: median {:.2} ms, p99 {:.2} ms ({} alarm changes)",
            i + 2,
            ms(median),
            ms(p99),
            s.len()
        );
        all.extend(s.iter().copied());
    }
    all.sort_unstable();
    println!(
        "team_propagation: all nine: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(all[all.len() / 2]),
        ms(all[all.len() * 99 / 100]),
        ms(all[all.len() - 1])
    );
}
