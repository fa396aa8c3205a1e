//! Desk events into the core with 20,000 chats, on one core. Target: at least 1,000,000
//! events/s. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p desk --bench desk_events`

use std::hint::black_box;
use std::time::{Duration, Instant};

use desk::team::protocol::build;
use desk::{
    Action, ChatKind, ContentKind, Desk, Event, Filter, ListFilter, MemberStatus, Message, Sender,
    Settings, TeamMessage,
};

const CHATS: i64 = 20_000;
const EVENTS: usize = 4_000_000;
const CHUNK: usize = 200_000;
const ME: i64 = 1;
const COLLEAGUE: i64 = 2;
const T0: i64 = 1_700_000_000;
const DUTY: i64 = -1_000_000_000_900;

/// splitmix64: a fixed, reproducible event stream.
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

struct Stream {
    rng: Rng,
    next_id: Vec<i64>,
    now: i64,
}

impl Stream {
    /// The mix a busy desk sees: mostly new messages (customers and staff, some late),
    /// then read-state changes, edits and deletions.
    fn event(&mut self) -> Event {
        let chat = self.rng.below(CHATS as u64) as i64;
        let roll = self.rng.below(100);
        let last = self.next_id[chat as usize];
        match roll {
            0..=79 => {
                let id = last + 1;
                self.next_id[chat as usize] = id;
                let from = match self.rng.below(10) {
                    0..=5 => 1_000 + chat,
                    6..=8 => COLLEAGUE,
                    _ => ME,
                };
                let delay = if self.rng.below(50) == 0 { 120 } else { 0 };
                Event::MessageArrived(Message {
                    chat,
                    id,
                    sender: Sender::User(from),
                    date: self.now - delay,
                    outgoing: from == ME,
                    preview: "Hello, my server is down again".to_owned(),
                    content: ContentKind::Text,
                })
            }
            80..=89 => Event::ReadInbox {
                chat,
                last_read_inbox_message_id: last,
                unread_count: self.rng.below(3) as i32,
            },
            90..=94 => Event::MessageEdited {
                chat,
                id: last,
                preview: "edited".to_owned(),
            },
            _ => Event::MessagesDeleted {
                chat,
                ids: vec![last - self.rng.below(3) as i64],
            },
        }
    }
}

fn main() {
    // Default settings first (the target), then with waiting chats floated, which moves a
    // chat in the order every time its wait starts or ends, then with a duty group: every
    // customer message is searched for the team's stop words (the stream's text has one,
    // so each chat's first customer message raises a team alarm).
    for (float_waiting, team) in [(false, false), (true, false), (false, true)] {
        println!("desk_events: float_waiting = {float_waiting}, duty group = {team}");
        run(float_waiting, team);
    }
}

fn run(float_waiting: bool, team: bool) {
    let settings = Settings {
        own_user: Some(ME),
        float_waiting,
        staff: desk::StaffRules {
            duty_group: team.then_some(DUTY),
            extra_staff: vec![COLLEAGUE],
        },
        ..Settings::default()
    };
    let mut desk = Desk::new(settings);
    let setup = Instant::now();
    if team {
        desk.apply(
            Event::DutyGroupMembers {
                chat: DUTY,
                members: vec![
                    (ME, MemberStatus::Administrator),
                    (COLLEAGUE, MemberStatus::Member),
                ],
                complete: true,
            },
            T0,
        );
        // Team settings pinned, with the starting stop words.
        let settings = Action::PublishSettings {
            document: "[team]\nname = \"Support\"\n".to_owned(),
        };
        desk.apply(
            Event::TeamMessage(TeamMessage {
                chat: DUTY,
                id: 1 << 20,
                sender: Sender::User(ME),
                date: T0,
                text: build("Team settings", &settings),
                forwarded: false,
                pinned: true,
            }),
            T0,
        );
    }
    for chat in 0..CHATS {
        let kind = if chat % 3 == 0 {
            ChatKind::Private
        } else {
            ChatKind::Supergroup
        };
        desk.apply(
            Event::ChatAdded {
                chat,
                kind,
                title: format!("Customer {chat}"),
            },
            T0,
        );
        desk.apply(
            Event::HistoryMessage(Message {
                chat,
                id: 1,
                sender: Sender::User(1_000 + chat),
                date: T0 - (chat % 3600),
                outgoing: false,
                preview: "hi".to_owned(),
                content: ContentKind::Text,
            }),
            T0,
        );
    }
    for chat in (0..CHATS).step_by(400) {
        desk.pin(chat);
        desk.star(chat + 1);
    }
    desk.drain_stats();
    println!(
        "desk_events: {CHATS} chats set up in {:.1} ms",
        setup.elapsed().as_secs_f64() * 1e3
    );

    let mut stream = Stream {
        rng: Rng(42),
        next_id: vec![1; CHATS as usize],
        now: T0,
    };
    let mut applied = Duration::ZERO;
    let mut transitions = 0usize;
    let mut stats = 0usize;
    let mut done = 0usize;
    let mut out = Vec::new();
    let mut batch = Vec::new();
    // The machine is shared: the fastest chunk shows what one uncontended core does.
    let mut best_chunk = Duration::MAX;
    while done < EVENTS {
        // Build the chunk outside the timed region: the telegram layer allocates these.
        let mut chunk: Vec<(Event, i64)> = (0..CHUNK)
            .map(|i| {
                if i % 1000 == 0 {
                    stream.now += 1;
                }
                (stream.event(), stream.now)
            })
            .collect();
        let start = Instant::now();
        for (event, now) in chunk.drain(..) {
            desk.apply_into(event, now, &mut out);
            // The app hands these to the notifier; here they are only counted.
            transitions += out.len();
            out.clear();
        }
        // The app drains statistics once per batch and ticks once a second.
        desk.drain_stats_into(&mut batch);
        stats += batch.len();
        batch.clear();
        transitions += desk.tick(stream.now).len();
        let took = start.elapsed();
        applied += took;
        best_chunk = best_chunk.min(took);
        done += CHUNK;
    }
    let rate = done as f64 / applied.as_secs_f64();
    println!(
        "desk_events: {done} events in {:.3} s = {:.0} events/s ({:.0} ns/event); \
         {transitions} transitions, {stats} statistics events",
        applied.as_secs_f64(),
        rate,
        applied.as_nanos() as f64 / done as f64
    );
    let best = CHUNK as f64 / best_chunk.as_secs_f64();
    println!(
        "desk_events: fastest chunk of {CHUNK}: {best:.0} events/s ({:.0} ns/event)",
        best_chunk.as_nanos() as f64 / CHUNK as f64
    );
    println!(
        "desk_events: target >= 1,000,000 events/s: {}",
        if rate >= 1e6 {
            "met"
        } else {
            "NOT met (on average; see the fastest chunk if the machine was busy)"
        }
    );

    // The virtualized list: one screen of rows deep in the list, per filter.
    for filter in [
        Filter::All,
        Filter::Support,
        Filter::Waiting,
        Filter::Starred,
        Filter::Mine,
    ] {
        let f = ListFilter::new(filter);
        let len = desk.len(&f);
        let from = len / 2;
        let reps = 10_000;
        let start = Instant::now();
        for _ in 0..reps {
            black_box(desk.rows(&f, from..from + 40));
        }
        let per = start.elapsed() / reps;
        println!(
            "desk_events: rows({filter:?}, 40 rows at {from} of {len}) = {:.1} us",
            per.as_secs_f64() * 1e6
        );
    }
    // A title filter scans once per change of the desk; a frame's len + rows share it.
    // Each round changes the desk first (a read-state event), so every scan is a real one.
    let f = ListFilter::with_title(Filter::All, "customer 19");
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for round in 0..50 {
        let chat = round * 7;
        desk.apply(
            Event::ReadInbox {
                chat,
                last_read_inbox_message_id: 0,
                unread_count: round as i32 % 2,
            },
            stream.now,
        );
        let start = Instant::now();
        black_box((desk.len(&f), desk.rows(&f, 0..40)));
        cold.push(start.elapsed());
        let start = Instant::now();
        black_box((desk.len(&f), desk.rows(&f, 0..40)));
        warm.push(start.elapsed());
    }
    cold.sort();
    warm.sort();
    println!(
        "desk_events: title filter over {CHATS} chats ({} match), len + 40 rows: \
         {:.0} us after a change (median; fastest {:.0} us), {:.1} us unchanged (median)",
        desk.len(&f),
        cold[cold.len() / 2].as_secs_f64() * 1e6,
        cold[0].as_secs_f64() * 1e6,
        warm[warm.len() / 2].as_secs_f64() * 1e6
    );
    println!("desk_events: counters {:?}", desk.counters());
}
