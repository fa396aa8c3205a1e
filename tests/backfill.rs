//! Backfill on the simulator: DutyDesk logs live, is closed for three hours while the
//! floor goes on, comes back, and backfills. Exactly the missing messages are logged (the
//! store's rows equal the simulator's history, no more, no less), first replies in and
//! after the gap equal a naive reading of the full history, a second run reads only the
//! newest page, a run dropped mid-way and resumed ends exactly where an uninterrupted one
//! does, and FLOOD_WAIT is waited out for as long as it asks.

mod sim_desk;

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::Duration;

use dutydesk::desk::{ChatId, Message, MessageId, Role, Sender, UnixTime};
use dutydesk::store::Store;
use dutydesk::telegram::TgError;
use dutydesk::telegram::backfill::{
    self, BackfillEvent, BackfillPlan, BackfillProgress, HistorySource, Pacer,
};
use futures::FutureExt;
use serde_json::json;
use sim_desk::Sim;

const FLOOR: &str = r#"
name = "gappy"
[duty_group]
title = "Duty team"
staff = ["Lena Lead", "Sam Support", "Kim Keeper"]
[customers]
groups = 8
private_chats = 3
members = [1, 3]
staff_per_group = 2
[history]
messages_per_chat = [3, 12]
span_hours = 48
[traffic]
messages_per_hour = 120.0
working_hours = [0, 24]
staff_reply_chance = 0.6
staff_reply_delay = [30, 1800]
edit_chance = 0.05
"#;

fn world(request_floods: f64) -> Sim {
    let mut text = FLOOR.to_string();
    if request_floods > 0.0 {
        text.push_str(&format!(
            "[faults]\nrequest_flood_wait_chance = {request_floods}\n"
        ));
    }
    Sim::start_with(tdsim::WorldConfig {
        scenario: tdsim::Scenario::parse(&text, "gappy.toml").unwrap(),
        seed: 11,
        speed: 0.0,
        start_time: tdsim::WorldConfig::default().start_time,
    })
}

/// The simulator answering getChatHistory through td_json and tdlib-rs' types.
struct SimHistory<'a>(RefCell<&'a mut Sim>);

impl HistorySource for SimHistory<'_> {
    async fn history_page(
        &self,
        chat: ChatId,
        from: MessageId,
        limit: i32,
    ) -> Result<Vec<tdlib_rs::types::Message>, TgError> {
        let reply = self
            .0
            .borrow_mut()
            .call(json!({"@type":"getChatHistory","chat_id":chat,
            "from_message_id":from,"offset":0,"limit":limit,"only_local":false}));
        if reply["@type"] == "error" {
            return Err(TgError {
                code: reply["code"].as_i64().unwrap() as i32,
                message: reply["message"].as_str().unwrap().to_string(),
            });
        }
        let tdlib_rs::enums::Messages::Messages(page) =
            serde_json::from_value(reply).expect("tdlib-rs parses the page");
        Ok(page.messages.into_iter().flatten().collect())
    }
}

/// Never waits; remembers what it was asked to wait. `hang` makes the next wait last
/// forever: the process "dies" there when the test drops the future.
#[derive(Default)]
struct Recorder {
    slept: Vec<Duration>,
    hang: Rc<Cell<bool>>,
}

impl Pacer for Recorder {
    async fn sleep(&mut self, d: Duration) {
        self.slept.push(d);
        if self.hang.get() {
            std::future::pending::<()>().await;
        }
    }
}

fn plan(sim: &Sim) -> BackfillPlan {
    let layout = sim.control.layout();
    let chats = layout.customer_chats.iter().map(|c| c.chat_id).collect();
    BackfillPlan {
        own_user: Some(layout.me),
        staff: layout.staff.clone(),
        ..BackfillPlan::new(chats, sim.control.now())
    }
}

fn run(
    sim: &mut Sim,
    store: &mut Store,
    pacer: &mut Recorder,
) -> (BackfillProgress, Vec<BackfillEvent>) {
    let plan = plan(sim);
    let source = SimHistory(RefCell::new(sim));
    let mut events = Vec::new();
    let progress =
        futures::executor::block_on(backfill::run(&source, store, &plan, pacer, &mut |e| {
            events.push(e)
        }))
        .unwrap();
    (progress, events)
}

/// Live logging into every store, in ten-minute steps.
fn live(sim: &mut Sim, stores: &mut [&mut Store], minutes: i64) {
    for _ in 0..minutes / 10 {
        sim.control.advance(600);
        sim.pump();
        let stats = sim.desk.drain_stats();
        for s in stores.iter_mut() {
            s.append_stats(&stats).unwrap();
        }
    }
}

/// DutyDesk closed for `minutes`, then started again with a fresh desk.
fn gap(sim: &mut Sim, minutes: i64) {
    sim.deaf = true;
    sim.control.advance(minutes * 60);
    sim.pump();
    sim.deaf = false;
    sim.restart_desk();
    sim.pump();
}

/// Every message the simulator's server holds, per chat, oldest first.
fn truth(sim: &mut Sim) -> Vec<(ChatId, Vec<Message>)> {
    let chats: Vec<ChatId> = sim
        .control
        .layout()
        .customer_chats
        .iter()
        .map(|c| c.chat_id)
        .collect();
    let source = SimHistory(RefCell::new(sim));
    chats
        .into_iter()
        .map(|chat| {
            let mut all = Vec::new();
            let mut from = 0;
            loop {
                // The flood scenario refuses some requests: ask again.
                let page = loop {
                    if let Ok(page) =
                        futures::executor::block_on(source.history_page(chat, from, 100))
                    {
                        break page;
                    }
                };
                let Some(oldest) = page.last().map(|m| m.id).filter(|&id| id != from) else {
                    break;
                };
                all.extend(
                    page.into_iter()
                        .filter(|m| m.id != from && m.sending_state.is_none())
                        .map(dutydesk::telegram::translate::message),
                );
                from = oldest;
            }
            all.sort_by_key(|m| m.id);
            (chat, all)
        })
        .collect()
}

fn role(sim: &Sim, m: &Message) -> Role {
    let staff = m.outgoing
        || matches!(m.sender, Sender::User(u) if u == sim.control.layout().me || sim.control.layout().staff.contains(&u));
    if staff { Role::Staff } else { Role::Customer }
}

type Row = (ChatId, MessageId, UnixTime, bool);

fn logged_rows(store: &Store) -> BTreeSet<Row> {
    store
        .messages_between(i64::MIN, i64::MAX)
        .unwrap()
        .iter()
        .map(|m| (m.chat, m.message, m.date, m.role == Role::Staff))
        .collect()
}

fn true_rows(sim: &Sim, truth: &[(ChatId, Vec<Message>)]) -> BTreeSet<Row> {
    truth
        .iter()
        .flat_map(|(chat, ms)| {
            ms.iter()
                .map(move |m| (*chat, m.id, m.date, role(sim, m) == Role::Staff))
        })
        .collect()
}

type Reply = (ChatId, MessageId, UnixTime, i64, (u8, i64));

fn who(s: Sender) -> (u8, i64) {
    match s {
        Sender::User(u) => (0, u),
        Sender::Chat(c) => (1, c),
    }
}

/// First replies by a naive reading: a staff message answers the unanswered customer
/// messages before it, timed from the oldest of them.
fn true_replies(sim: &Sim, truth: &[(ChatId, Vec<Message>)]) -> BTreeSet<Reply> {
    let mut out = BTreeSet::new();
    for (chat, ms) in truth {
        let mut waiting: Option<UnixTime> = None;
        for m in ms {
            match role(sim, m) {
                Role::Customer => waiting = Some(waiting.map_or(m.date, |w| w.min(m.date))),
                Role::Staff => {
                    if let Some(since) = waiting.take() {
                        out.insert((*chat, m.id, m.date, (m.date - since).max(0), who(m.sender)));
                    }
                }
            }
        }
    }
    out
}

fn logged_replies(store: &Store, since: UnixTime) -> BTreeSet<Reply> {
    store
        .replies_between(since, i64::MAX)
        .unwrap()
        .iter()
        .map(|r| (r.chat, r.message, r.date, r.waited_secs, who(r.responder)))
        .collect()
}

fn temp_store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(name)).unwrap()
}

#[test]
fn after_a_gap_exactly_the_missing_messages_are_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = temp_store(&dir, "a.sqlite3");
    let mut sim = world(0.0);
    live(&mut sim, &mut [&mut store], 120);
    let gap_start = sim.control.now();
    gap(&mut sim, 180);
    live(&mut sim, &mut [&mut store], 60);
    let truth = truth(&mut sim);
    let expected = true_rows(&sim, &truth);
    let before = logged_rows(&store);
    assert!(
        before.is_subset(&expected),
        "live logging logs only real messages"
    );
    let missing = expected.len() - before.len();
    assert!(missing > 100, "the gap lost messages: {missing}");

    let (progress, events) = run(&mut sim, &mut store, &mut Recorder::default());
    assert_eq!(
        logged_rows(&store),
        expected,
        "nothing missing, nothing extra"
    );
    assert_eq!(progress.chats_done, progress.chats_total);
    assert_eq!(progress.chats_failed, 0);
    let new_replies = logged_replies(&store, gap_start);
    let expected_replies: BTreeSet<Reply> = true_replies(&sim, &truth)
        .into_iter()
        .filter(|r| r.2 >= gap_start)
        .collect();
    assert_eq!(
        new_replies, expected_replies,
        "first replies in and after the gap"
    );
    assert!(progress.rows_logged as usize >= missing, "{progress:?}");
    let progress_events = events
        .iter()
        .filter(|e| matches!(e, BackfillEvent::Progress(_)))
        .count();
    assert_eq!(
        progress_events, progress.chats_total,
        "one progress event per chat"
    );
    assert_eq!(events.last(), Some(&BackfillEvent::Finished(progress)));

    // Again right away: every chat is marked, one page each, nothing new.
    let (again, _) = run(&mut sim, &mut store, &mut Recorder::default());
    assert_eq!(again.rows_logged, 0);
    assert!(
        again.messages_read <= 2 * again.chats_total as u64,
        "{again:?}"
    );

    // Another gap: only it is read (the marks hold), and the log is complete again; replies
    // in it to questions asked before it are timed from those questions.
    let second_gap = sim.control.now();
    gap(&mut sim, 90);
    live(&mut sim, &mut [&mut store], 30);
    let (third, _) = run(&mut sim, &mut store, &mut Recorder::default());
    let all = self::truth(&mut sim);
    let truth = true_rows(&sim, &all);
    assert_eq!(logged_rows(&store), truth);
    let expected_replies: BTreeSet<Reply> = true_replies(&sim, &all)
        .into_iter()
        .filter(|r| r.2 >= second_gap)
        .collect();
    assert_eq!(logged_replies(&store, second_gap), expected_replies);
    assert!(
        (third.messages_read as usize) < truth.len() / 3,
        "{third:?} of {}",
        truth.len()
    );
}

#[test]
fn a_backfill_dropped_mid_way_and_resumed_ends_like_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut whole = temp_store(&dir, "whole.sqlite3");
    let mut cut = temp_store(&dir, "cut.sqlite3");
    let mut sim = world(0.0);
    live(&mut sim, &mut [&mut whole, &mut cut], 60);
    gap(&mut sim, 240);
    live(&mut sim, &mut [&mut whole, &mut cut], 30);

    run(&mut sim, &mut whole, &mut Recorder::default());

    // The cut run "dies" waiting before its fourth chat's first request.
    let plan = plan(&sim);
    let mut pacer = Recorder::default();
    let hang = pacer.hang.clone();
    let done = Rc::new(Cell::new(0));
    {
        let source = SimHistory(RefCell::new(&mut sim));
        let seen = done.clone();
        let mut report = |e: BackfillEvent| {
            if let BackfillEvent::Progress(p) = e {
                seen.set(p.chats_done);
                if p.chats_done == 3 {
                    hang.set(true);
                }
            }
        };
        let future = backfill::run(&source, &mut cut, &plan, &mut pacer, &mut report);
        assert!(future.now_or_never().is_none(), "stuck in the fourth chat");
    }
    assert_eq!(done.get(), 3);
    let partial = logged_rows(&cut);
    assert!(
        partial.len() < logged_rows(&whole).len(),
        "the cut run stopped short"
    );

    let (resumed, _) = run(&mut sim, &mut cut, &mut Recorder::default());
    assert_eq!(resumed.chats_failed, 0);
    assert_eq!(logged_rows(&cut), logged_rows(&whole));
    assert_eq!(
        logged_replies(&cut, i64::MIN),
        logged_replies(&whole, i64::MIN)
    );
    assert_eq!(cut.open_waits().unwrap(), whole.open_waits().unwrap());
    for chat in plan.chats {
        assert_eq!(
            cut.backfill_mark(chat).unwrap(),
            whole.backfill_mark(chat).unwrap()
        );
    }
}

#[test]
fn flood_wait_is_waited_out_as_long_as_telegram_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = temp_store(&dir, "flood.sqlite3");
    let mut sim = world(0.3);
    live(&mut sim, &mut [&mut store], 30);
    gap(&mut sim, 120);
    let mut pacer = Recorder::default();
    let (progress, events) = run(&mut sim, &mut store, &mut pacer);
    let floods: Vec<u64> = events
        .iter()
        .filter_map(|e| match e {
            BackfillEvent::FloodWait { secs, .. } => Some(*secs),
            _ => None,
        })
        .collect();
    assert!(!floods.is_empty(), "the scenario refuses some requests");
    for secs in &floods {
        assert!(
            pacer.slept.contains(&Duration::from_secs(*secs)),
            "waited {secs} s"
        );
    }
    let paced = pacer
        .slept
        .iter()
        .filter(|d| **d == plan(&sim).pace)
        .count();
    assert!(paced > 0, "requests are paced");
    assert_eq!(progress.chats_failed, 0, "{events:?}");
    let truth = truth(&mut sim);
    assert_eq!(logged_rows(&store), true_rows(&sim, &truth));
}
