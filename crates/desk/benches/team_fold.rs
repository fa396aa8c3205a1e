//! Folding a duty group's history into team state, on one core: a year of a busy team
//! (twelve admins, 2,000 customer chats, about 1,100 actions a day: alarms and clears,
//! takes, assignments, releases, shared notes, a settings change a month, some outsiders'
//! and forwarded copies). Target: at least 200,000 messages/s through `Desk::apply`.
//! Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p desk --bench team_fold`

use std::hint::black_box;
use std::time::{Duration, Instant};

use desk::team::protocol::{Action, build, parse};
use desk::team::stop_words::{DEFAULT_STOP_WORDS, StopWords};
use desk::{ChatKind, Desk, Event, MemberStatus, Sender, Settings, StaffRules, TeamMessage};

const DUTY: i64 = -1_000_000_000_900;
const CHATS: i64 = 2_000;
const STAFF: i64 = 12;
const DAYS: i64 = 365;
const PER_DAY: i64 = 1_100;
const T0: i64 = 1_700_000_000;
const ROUNDS: usize = 5;

/// splitmix64: a fixed, reproducible history.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn chat_id(i: i64) -> i64 {
    -1_000_000_010_000 - i
}

fn history() -> Vec<TeamMessage> {
    let mut rng = Rng(7);
    let total = DAYS * PER_DAY;
    let mut out = Vec::with_capacity(total as usize);
    for n in 0..total {
        let id = (n + 1) << 20;
        let date = T0 + n * 86_400 / PER_DAY;
        let chat = chat_id(rng.below(CHATS as u64) as i64);
        let by = 1 + rng.below(STAFF as u64) as i64;
        let action = if n % (PER_DAY * 30) == 0 {
            Action::PublishSettings {
                document: format!(
                    "[roster]\n1 = [\"lead\"]\n2 = [\"account_manager\"]\n\
                     [sla]\nred_minutes = {}\n[alarms]\nstop_words = [\"down\", \"KYC\"]\n",
                    5 + n % 7
                ),
            }
        } else {
            match rng.below(100) {
                0..=14 => Action::RaiseAlarm {
                    chat,
                    message: Some((rng.below(10_000) as i64) << 20),
                    reason: Some("site down since 9:00, customer is VIP".into()),
                },
                15..=29 => Action::ClearAlarm { chat },
                30..=54 => Action::Take { chat },
                55..=64 => Action::Assign {
                    chat,
                    user: 1 + rng.below(STAFF as u64) as i64,
                },
                65..=79 => Action::Release { chat },
                80..=91 => Action::SetNote {
                    chat,
                    text: "Вернуть деньги после проверки = refund after check".into(),
                },
                _ => Action::ClearNote { chat },
            }
        };
        // Settings come from the lead (an administrator), pinned; the lead and the account
        // manager hand chats out and take them back.
        let (by, pinned) = match action {
            Action::PublishSettings { .. } => (1, true),
            Action::Assign { .. } | Action::Release { .. } => (1 + n % 2, false),
            _ => (by, false),
        };
        let outsider = rng.below(200) == 0;
        out.push(TeamMessage {
            chat: DUTY,
            id,
            sender: Sender::User(if outsider { 999 } else { by }),
            date,
            text: build(
                "Anna Petrova raised an alarm on «ACME Ltd»: https://t.me/c/1234/5678",
                &action,
            ),
            forwarded: rng.below(300) == 0,
            pinned,
        });
    }
    out
}

fn desk() -> Desk {
    let mut d = Desk::new(Settings {
        own_user: Some(1),
        staff: StaffRules {
            duty_group: Some(DUTY),
            extra_staff: Vec::new(),
        },
        ..Settings::default()
    });
    d.apply(
        Event::ChatAdded {
            chat: DUTY,
            kind: ChatKind::Supergroup,
            title: "Duty".into(),
        },
        T0,
    );
    for i in 0..CHATS {
        d.apply(
            Event::ChatAdded {
                chat: chat_id(i),
                kind: ChatKind::Supergroup,
                title: format!("Customer {i}"),
            },
            T0,
        );
    }
    let members = (1..=STAFF)
        .map(|u| {
            let status = if u == 1 {
                MemberStatus::Administrator
            } else {
                MemberStatus::Member
            };
            (u, status)
        })
        .collect();
    d.apply(
        Event::DutyGroupMembers {
            chat: DUTY,
            members,
            complete: true,
        },
        T0,
    );
    d
}

fn main() {
    let built = Instant::now();
    let history = history();
    let bytes: usize = history.iter().map(|m| m.text.len()).sum();
    println!(
        "team_fold: {} messages ({} days, {:.1} MB of text) generated in {:.2} s",
        history.len(),
        DAYS,
        bytes as f64 / 1e6,
        built.elapsed().as_secs_f64()
    );

    // Parsing alone: what the protocol costs of the fold.
    let start = Instant::now();
    let mut ok = 0usize;
    for m in &history {
        ok += usize::from(black_box(parse(&m.text)).is_ok());
    }
    let parse_took = start.elapsed();
    println!(
        "team_fold: parse only: {:.0} messages/s ({:.0} ns/message, {ok} actions)",
        history.len() as f64 / parse_took.as_secs_f64(),
        parse_took.as_nanos() as f64 / history.len() as f64
    );

    // Stop words: what every customer message costs with a duty group.
    let words = StopWords::new(DEFAULT_STOP_WORDS);
    let texts = [
        "Hello, my server is down again",
        "Hi! Could you please check ticket #4521, the invoice looks wrong",
        "Добрый день, оплата не работает уже второй час",
        "thanks!",
        "Please download the report and send it back to accounting by Friday",
        "Our payment failed twice, card ending 4242",
    ];
    let mut scratch = String::new();
    let reps = 100_000;
    let mut line = Vec::new();
    for text in texts {
        let start = Instant::now();
        let mut hit = None;
        for _ in 0..reps {
            hit = black_box(words.find(black_box(text), &mut scratch));
        }
        let ns = start.elapsed().as_nanos() as f64 / reps as f64;
        line.push(format!(
            "{} chars{} {ns:.0} ns",
            text.chars().count(),
            if hit.is_some() { " (match)" } else { "" }
        ));
    }
    println!(
        "team_fold: stop words (starting list) per customer message: {}",
        line.join(", ")
    );

    // The whole fold through the desk, several rounds on fresh desks; the machine is
    // shared, so the fastest round shows what one uncontended core does.
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut last = None;
    let mut notices = 0;
    for _ in 0..ROUNDS {
        let mut d = desk();
        let events: Vec<(Event, i64)> = history
            .iter()
            .map(|m| (Event::TeamMessage(m.clone()), m.date))
            .collect();
        let mut out = Vec::new();
        let mut refused = 0;
        let start = Instant::now();
        for (i, (event, now)) in events.into_iter().enumerate() {
            d.apply_into(event, now, &mut out);
            out.clear();
            // The app drains what was refused once per batch, into its log.
            if i % 2048 == 0 {
                refused += d.drain_team_notices().len();
            }
        }
        let took = start.elapsed();
        refused += d.drain_team_notices().len();
        notices = refused;
        best = best.min(took);
        total += took;
        last = Some(d);
    }
    let n = history.len() as f64;
    let rate = n * ROUNDS as f64 / total.as_secs_f64();
    let best_rate = n / best.as_secs_f64();
    println!(
        "team_fold: a year folded through Desk::apply: {:.0} messages/s on average \
         ({:.0} ns/message), fastest round {best_rate:.0} messages/s ({:.3} s for the year)",
        rate,
        total.as_nanos() as f64 / (n * ROUNDS as f64),
        best.as_secs_f64()
    );
    println!(
        "team_fold: target >= 200,000 messages/s: {}",
        if rate >= 2e5 { "met" } else { "NOT met" }
    );

    let d = last.expect("one round ran");
    let cp = d.team_checkpoint().expect("a duty group is set");
    let start = Instant::now();
    let json = serde_json::to_string(&cp).expect("serializable");
    let ser = start.elapsed();
    let open = cp.alarms.iter().filter(|(_, a)| a.is_raised()).count();
    let assigned = cp
        .assignments
        .iter()
        .filter(|(_, r)| r.value.is_some())
        .count();
    println!(
        "team_fold: state after the year: {open} open alarms, {assigned} assigned chats, \
         {notices} messages refused; checkpoint {:.0} KB as JSON, written in {:.1} ms",
        json.len() as f64 / 1e3,
        ser.as_secs_f64() * 1e3
    );
    // A client back after a day off: restore the checkpoint, fold the day after it.
    let day: Vec<TeamMessage> = history[history.len() - PER_DAY as usize..].to_vec();
    let start = Instant::now();
    let mut fresh = desk();
    let cp: desk::TeamCheckpoint = serde_json::from_str(&json).expect("reads back");
    fresh.restore_team(cp);
    for m in day {
        let date = m.date;
        fresh.apply(Event::TeamMessage(m), date);
    }
    println!(
        "team_fold: restore the checkpoint and fold a day ({PER_DAY} messages): {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}
