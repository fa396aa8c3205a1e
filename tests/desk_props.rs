//! Property tests: over random event sequences the desk's order, waiting state and counters
//! match a simple oracle that keeps every message and recomputes everything from scratch.

use std::collections::{BTreeMap, BTreeSet};

use dutydesk::desk::{
    ChatKind, ContentKind, Desk, Event, Filter, ListFilter, Message, Sender, Settings, StaffRules,
    Status,
};
use proptest::prelude::*;

const CHATS: i64 = 6;
const ME: i64 = 1;
const COLLEAGUE: i64 = 2;
const CUSTOMER: i64 = 100;
const T0: i64 = 1_700_000_000;
const RED: i64 = 120;
const BREACH: i64 = 200;

#[derive(Debug, Clone)]
enum Op {
    /// who: 0 customer, 1 colleague, 2 me; delay before it reached us; id jitter.
    Message {
        chat: i64,
        who: u8,
        delay: i64,
        jitter: i64,
        history: bool,
    },
    Delete {
        chat: i64,
        pick: usize,
    },
    IdChange {
        chat: i64,
        pick: usize,
        jitter: i64,
    },
    Pin(i64),
    Unpin(i64),
    MovePin(i64, usize),
    Alarm(i64, bool),
    Star(i64, bool),
    NoReply(i64),
    /// Into or out of the main list (archived): listing and support follow.
    Lists(i64, bool),
    Tick,
}

fn op() -> impl Strategy<Value = Op> {
    let chat = 0..CHATS;
    prop_oneof![
        8 => (chat.clone(), 0u8..3, prop_oneof![4 => 0i64..30, 1 => 61i64..400], -12i64..12, proptest::bool::weighted(0.1))
            .prop_map(|(chat, who, delay, jitter, history)| Op::Message { chat, who, delay, jitter, history }),
        2 => (chat.clone(), any::<usize>()).prop_map(|(chat, pick)| Op::Delete { chat, pick }),
        1 => (chat.clone(), any::<usize>(), -12i64..12).prop_map(|(chat, pick, jitter)| Op::IdChange { chat, pick, jitter }),
        1 => chat.clone().prop_map(Op::Pin),
        1 => chat.clone().prop_map(Op::Unpin),
        1 => (chat.clone(), 0usize..4).prop_map(|(c, i)| Op::MovePin(c, i)),
        1 => (chat.clone(), any::<bool>()).prop_map(|(c, b)| Op::Alarm(c, b)),
        1 => (chat.clone(), any::<bool>()).prop_map(|(c, b)| Op::Star(c, b)),
        1 => chat.clone().prop_map(Op::NoReply),
        1 => (chat, proptest::bool::weighted(0.6)).prop_map(|(c, main)| Op::Lists(c, main)),
        2 => Just(Op::Tick),
    ]
}

#[derive(Debug, Clone)]
struct Msg {
    id: i64,
    staff: bool,
    date: i64,
    late: bool,
    deleted: bool,
    /// Arrived while the chat was a support chat (only those are tracked for waiting).
    tracked: bool,
    /// The chat stopped being a support chat after it arrived: its wait starts afresh.
    dropped: bool,
}

/// Everything that happened, kept whole; every answer is recomputed from it.
#[derive(Debug, Default)]
struct Oracle {
    /// Per chat, messages in arrival order.
    msgs: BTreeMap<i64, Vec<Msg>>,
    /// Per chat, ids covered by "no reply needed" (everything up to the max id seen then).
    dismissed: BTreeMap<i64, i64>,
    pins: Vec<i64>,
    alarms: BTreeSet<i64>,
    stars: BTreeSet<i64>,
    /// Chats out of the main list (archived): not listed, not support chats.
    unlisted: BTreeSet<i64>,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Waiting {
    since: i64,
    late: bool,
}

impl Oracle {
    fn waiting(&self, chat: i64) -> Option<Waiting> {
        let msgs = self.msgs.get(&chat)?;
        // Staff replies seen in a support chat, deleted or not, answer everything with a
        // lower id.
        let mut answered = msgs
            .iter()
            .filter(|m| m.staff && m.tracked)
            .map(|m| m.id)
            .max()
            .unwrap_or(i64::MIN);
        if let Some(&d) = self.dismissed.get(&chat) {
            answered = answered.max(d + 1);
        }
        msgs.iter()
            .filter(|m| !m.staff && m.tracked && !m.dropped && !m.deleted && m.id >= answered)
            .map(|m| (m.date, !m.late))
            .min()
            .map(|(since, not_late)| Waiting {
                since,
                late: !not_late,
            })
    }

    fn jump(&self, chat: i64, damping: i64) -> Option<i64> {
        let mut jump = None;
        let mut prev: Option<i64> = None;
        for m in self.msgs.get(&chat).into_iter().flatten() {
            if prev.is_none_or(|p| m.date - p > damping) {
                jump = Some(jump.map_or(m.date, |j: i64| j.max(m.date)));
            }
            prev = Some(prev.map_or(m.date, |p| p.max(m.date)));
        }
        jump
    }

    fn status(&self, chat: i64, now: i64) -> Status {
        if self.alarms.contains(&chat) {
            return Status::Alarm;
        }
        match self.waiting(chat) {
            None => Status::Normal,
            Some(w) if now - w.since >= BREACH => Status::Breach,
            Some(w) if now - w.since >= RED => Status::Red,
            Some(_) => Status::Waiting,
        }
    }

    fn order(&self, filter: Filter, damping: i64, float: bool) -> Vec<i64> {
        let mut keyed: Vec<((u8, i64), i64)> = (0..CHATS)
            .filter(|c| !self.unlisted.contains(c))
            .filter(|c| match filter {
                Filter::All | Filter::Support => true,
                Filter::Waiting => self.waiting(*c).is_some(),
                Filter::Starred => self.stars.contains(c),
            })
            .map(|c| {
                let newest_first = self.jump(c, damping).map_or(i64::MAX, |j| -j);
                let key = if let Some(i) = self.pins.iter().position(|&p| p == c) {
                    (0, i as i64)
                } else if self.alarms.contains(&c) {
                    (1, newest_first)
                } else if let (true, Some(w)) = (float, self.waiting(c)) {
                    (2, w.since)
                } else {
                    (3, newest_first)
                };
                (key, c)
            })
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, c)| c).collect()
    }
}

fn run(ops: Vec<Op>, damping: i64, float: bool) -> Result<(), TestCaseError> {
    let settings = Settings {
        red_after_secs: RED,
        breach_after_secs: BREACH,
        damping_secs: damping,
        float_waiting: float,
        own_user: Some(ME),
        staff: StaffRules {
            duty_group: None,
            extra_staff: vec![COLLEAGUE],
        },
        ..Settings::default()
    };
    let mut desk = Desk::new(settings);
    let mut oracle = Oracle::default();
    let mut now = T0;
    let mut counter = 100i64;
    for c in 0..CHATS {
        desk.apply(
            Event::ChatAdded {
                chat: c,
                kind: ChatKind::Supergroup,
                title: format!("chat {c}"),
            },
            now,
        );
    }
    for op in ops {
        now += 7;
        desk.tick(now);
        match op {
            Op::Message {
                chat,
                who,
                delay,
                jitter,
                history,
            } => {
                counter += 1;
                let id = counter * 4 + jitter;
                let list = oracle.msgs.entry(chat).or_default();
                if list.iter().any(|m| m.id == id) {
                    continue;
                }
                let user = [CUSTOMER, COLLEAGUE, ME][who as usize];
                let m = Message {
                    chat,
                    id,
                    sender: Sender::User(user),
                    date: now - delay,
                    outgoing: user == ME,
                    preview: String::new(),
                    content: ContentKind::Text,
                };
                list.push(Msg {
                    id,
                    staff: user != CUSTOMER,
                    date: m.date,
                    late: !history && delay > 60,
                    deleted: false,
                    tracked: !oracle.unlisted.contains(&chat),
                    dropped: false,
                });
                desk.apply(
                    if history {
                        Event::HistoryMessage(m)
                    } else {
                        Event::MessageArrived(m)
                    },
                    now,
                );
            }
            Op::Delete { chat, pick } => {
                let live: Vec<usize> = oracle
                    .msgs
                    .get(&chat)
                    .map(|l| (0..l.len()).filter(|&i| !l[i].deleted).collect())
                    .unwrap_or_default();
                if live.is_empty() {
                    continue;
                }
                let m = &mut oracle.msgs.get_mut(&chat).unwrap()[live[pick % live.len()]];
                m.deleted = true;
                let ids = vec![m.id];
                desk.apply(Event::MessagesDeleted { chat, ids }, now);
            }
            Op::IdChange { chat, pick, jitter } => {
                // Only this account's sent messages change id.
                let Some(list) = oracle.msgs.get_mut(&chat) else {
                    continue;
                };
                let mine: Vec<usize> = (0..list.len()).filter(|&i| list[i].staff).collect();
                if mine.is_empty() {
                    continue;
                }
                counter += 1;
                let new = counter * 4 + jitter;
                if list.iter().any(|m| m.id == new) {
                    continue;
                }
                let i = mine[pick % mine.len()];
                let old = list[i].id;
                // The oracle keeps both: a reply once seen keeps answering.
                let mut renamed = list[i].clone();
                renamed.id = new;
                renamed.tracked = !oracle.unlisted.contains(&chat);
                list[i].deleted = true;
                list.push(renamed);
                desk.apply(Event::MessageIdChanged { chat, old, new }, now);
            }
            Op::Pin(c) => {
                let changed = desk.pin(c);
                prop_assert_eq!(changed, !oracle.pins.contains(&c));
                if changed {
                    oracle.pins.push(c);
                }
            }
            Op::Unpin(c) => {
                let changed = desk.unpin(c);
                prop_assert_eq!(changed, oracle.pins.contains(&c));
                oracle.pins.retain(|&p| p != c);
            }
            Op::MovePin(c, to) => {
                desk.move_pin(c, to);
                if let Some(from) = oracle.pins.iter().position(|&p| p == c) {
                    oracle.pins.remove(from);
                    let to = to.min(oracle.pins.len());
                    oracle.pins.insert(to, c);
                }
            }
            Op::Alarm(c, on) => {
                if on {
                    desk.raise_alarm(c);
                    oracle.alarms.insert(c);
                } else {
                    desk.clear_alarm(c);
                    oracle.alarms.remove(&c);
                }
            }
            Op::Star(c, on) => {
                if on {
                    desk.star(c);
                    oracle.stars.insert(c);
                } else {
                    desk.unstar(c);
                    oracle.stars.remove(&c);
                }
            }
            Op::NoReply(c) => {
                desk.no_reply_needed(c);
                if let Some(max) = oracle
                    .msgs
                    .get(&c)
                    .and_then(|l| l.iter().map(|m| m.id).max())
                {
                    let d = oracle.dismissed.entry(c).or_insert(max);
                    *d = (*d).max(max);
                }
            }
            Op::Lists(c, main) => {
                let was_main = !oracle.unlisted.contains(&c);
                if was_main && !main {
                    oracle.unlisted.insert(c);
                    for m in oracle.msgs.entry(c).or_default() {
                        m.dropped = true;
                    }
                } else if main {
                    oracle.unlisted.remove(&c);
                }
                desk.apply(
                    Event::ChatListsChanged {
                        chat: c,
                        in_main_list: main,
                        folders: vec![],
                    },
                    now,
                );
            }
            Op::Tick => {
                now += 60;
                desk.tick(now);
            }
        }
        check(&desk, &oracle, now, damping, float)?;
    }
    Ok(())
}

fn check(
    desk: &Desk,
    oracle: &Oracle,
    now: i64,
    damping: i64,
    float: bool,
) -> Result<(), TestCaseError> {
    for filter in [
        Filter::All,
        Filter::Support,
        Filter::Waiting,
        Filter::Starred,
    ] {
        let f = ListFilter::new(filter);
        let expected = oracle.order(filter, damping, float);
        let got = desk.chat_ids(&f, 0..desk.len(&f));
        prop_assert_eq!(&got, &expected, "order under {:?}", filter);
        for (i, &c) in expected.iter().enumerate() {
            prop_assert_eq!(desk.position(&f, c), Some(i));
        }
    }
    let mut waiting = 0;
    let mut red = 0;
    let mut breach = 0;
    for c in 0..CHATS {
        let row = desk.row(c).expect("chat is known");
        let w = oracle.waiting(c);
        prop_assert_eq!(
            row.waiting_since,
            w.map(|w| w.since),
            "waiting since, chat {}",
            c
        );
        prop_assert_eq!(row.late, w.is_some_and(|w| w.late), "late flag, chat {}", c);
        prop_assert_eq!(row.status, oracle.status(c, now), "status, chat {}", c);
        prop_assert_eq!(row.pinned, oracle.pins.contains(&c));
        prop_assert_eq!(row.starred, oracle.stars.contains(&c));
        if let Some(w) = w.filter(|_| !oracle.unlisted.contains(&c)) {
            waiting += 1;
            red += usize::from(now - w.since >= RED);
            breach += usize::from(now - w.since >= BREACH);
        }
    }
    let k = desk.counters();
    prop_assert_eq!(k.support_chats, CHATS as usize - oracle.unlisted.len());
    prop_assert_eq!(k.waiting, waiting);
    prop_assert_eq!(k.red, red);
    prop_assert_eq!(k.breach, breach);
    prop_assert_eq!(k.alarms, oracle.alarms.difference(&oracle.unlisted).count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn order_waiting_and_counters_match_the_oracle(
        ops in proptest::collection::vec(op(), 1..120),
        damping in prop_oneof![Just(0i64), Just(30), Just(300)],
        float in any::<bool>(),
    ) {
        run(ops, damping, float)?;
    }
}
