//! Property tests: over random event sequences the desk's order, waiting state and counters
//! match a simple oracle that keeps every message and recomputes everything from scratch.
//! This account's new messages are sends in flight until confirmed or failed; to the
//! oracle a failed send never answered anything (it still counts as activity for the
//! damped order), and no statistic ever names it. Bursts of sends pass the desk's limit of
//! sends in flight, so some are taken as sent (logged early) before they fail.

use std::collections::{BTreeMap, BTreeSet};

use dutydesk::desk::{
    ChatKind, ContentKind, Desk, Event, Filter, ListFilter, Message, Sender, Settings, StaffRules,
    StatEvent, Status,
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
    /// who: 0 customer, 1 colleague, 2 me (a send in flight unless `history`); delay
    /// before it reached us; id jitter.
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
    /// A staff message's id changes: a send in flight is confirmed (sent), anything else
    /// is renamed.
    IdChange {
        chat: i64,
        pick: usize,
        jitter: i64,
    },
    /// A send in flight fails.
    SendFailed {
        chat: i64,
        pick: usize,
    },
    /// This account sends `n` messages at once (e.g. queued while offline): with those
    /// already in flight, often more than the desk tracks (see `LIMIT`).
    Burst {
        chat: i64,
        n: usize,
    },
    /// Every send in flight in the chat fails, newest first (the connection dropped).
    FailAll(i64),
    /// A send in flight comes again as the chat's last message (`updateChatLastMessage`).
    Redeliver {
        chat: i64,
        pick: usize,
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
        2 => (chat.clone(), any::<usize>(), -12i64..12).prop_map(|(chat, pick, jitter)| Op::IdChange { chat, pick, jitter }),
        2 => (chat.clone(), any::<usize>()).prop_map(|(chat, pick)| Op::SendFailed { chat, pick }),
        1 => (chat.clone(), any::<usize>()).prop_map(|(chat, pick)| Op::Redeliver { chat, pick }),
        1 => (chat.clone(), 10usize..40).prop_map(|(chat, n)| Op::Burst { chat, n }),
        1 => chat.clone().prop_map(Op::FailAll),
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
    /// A staff message that answers the customer messages below it: one seen in a support
    /// chat, deleted or not, unless it was a send that failed or was confirmed under
    /// another id (its confirmed copy answers instead).
    answers: bool,
    /// A send in flight (this account's new message, not yet confirmed or failed).
    sending: bool,
    /// A send that failed (or was deleted in flight): it never reached anyone.
    failed: bool,
    /// A send in flight past the desk's limit, which takes it as sent: statistics may name
    /// it early, but it answers only while it is not failed, like any send in flight.
    taken: bool,
}

/// The desk's limit of sends in flight per chat (`SENDING_MAX`).
const LIMIT: usize = 32;

/// Marks what the desk takes as sent: the oldest sends in flight beyond `LIMIT`.
fn take_past_limit(list: &mut [Msg]) {
    let in_flight: Vec<usize> = (0..list.len())
        .filter(|&i| list[i].sending && !list[i].taken)
        .collect();
    for &i in in_flight.iter().rev().skip(LIMIT) {
        list[i].taken = true;
    }
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
        // lower id; a failed send never does.
        let mut answered = msgs
            .iter()
            .filter(|m| m.answers)
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
    // A burst is that many sends, each checked like any other message.
    let ops = ops.into_iter().flat_map(|op| match op {
        Op::Burst { chat, n } => vec![
            Op::Message {
                chat,
                who: 2,
                delay: 0,
                jitter: 0,
                history: false,
            };
            n
        ],
        op => vec![op],
    });
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
                let tracked = !oracle.unlisted.contains(&chat);
                list.push(Msg {
                    id,
                    staff: user != CUSTOMER,
                    date: m.date,
                    late: !history && delay > 60,
                    deleted: false,
                    tracked,
                    dropped: false,
                    answers: user != CUSTOMER && tracked,
                    sending: user == ME && !history,
                    failed: false,
                    taken: false,
                });
                take_past_limit(list);
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
                if m.sending {
                    // Deleted in flight: never sent.
                    (m.sending, m.failed, m.answers) = (false, true, false);
                }
                let ids = vec![m.id];
                desk.apply(Event::MessagesDeleted { chat, ids }, now);
            }
            Op::IdChange { chat, pick, jitter } => {
                // Only this account's sent messages change id.
                let Some(list) = oracle.msgs.get_mut(&chat) else {
                    continue;
                };
                // (A failed send is not confirmed later.)
                let mine: Vec<usize> = (0..list.len())
                    .filter(|&i| list[i].staff && !list[i].failed)
                    .collect();
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
                // The oracle keeps both: a reply once seen keeps answering, but a send in
                // flight only answers under its confirmed id from now on.
                let mut renamed = list[i].clone();
                renamed.id = new;
                renamed.tracked = !oracle.unlisted.contains(&chat);
                renamed.answers = renamed.tracked;
                renamed.sending = false;
                renamed.deleted = false;
                if list[i].sending {
                    list[i].sending = false;
                    list[i].answers = false;
                }
                list[i].deleted = true;
                let date = renamed.date;
                list.push(renamed);
                desk.apply(
                    Event::MessageIdChanged {
                        chat,
                        old,
                        new,
                        date,
                    },
                    now,
                );
            }
            Op::SendFailed { chat, pick } => {
                let Some(list) = oracle.msgs.get_mut(&chat) else {
                    continue;
                };
                let sending: Vec<usize> = (0..list.len()).filter(|&i| list[i].sending).collect();
                if sending.is_empty() {
                    continue;
                }
                let m = &mut list[sending[pick % sending.len()]];
                (m.sending, m.failed, m.answers) = (false, true, false);
                desk.apply(Event::MessageSendFailed { chat, id: m.id }, now);
            }
            Op::FailAll(chat) => {
                for m in oracle.msgs.entry(chat).or_default().iter_mut().rev() {
                    if m.sending {
                        (m.sending, m.failed, m.answers) = (false, true, false);
                        desk.apply(Event::MessageSendFailed { chat, id: m.id }, now);
                    }
                }
            }
            Op::Burst { .. } => unreachable!("expanded above"),
            Op::Redeliver { chat, pick } => {
                let Some(list) = oracle.msgs.get(&chat) else {
                    continue;
                };
                let sending: Vec<&Msg> = list.iter().filter(|m| m.sending).collect();
                if sending.is_empty() {
                    continue;
                }
                let m = sending[pick % sending.len()];
                let again = Message {
                    chat,
                    id: m.id,
                    sender: Sender::User(ME),
                    date: m.date,
                    outgoing: true,
                    preview: String::new(),
                    content: ContentKind::Text,
                };
                desk.apply(Event::HistoryMessage(again), now);
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
        check_stats(&desk.drain_stats(), &oracle)?;
    }
    Ok(())
}

/// Statistics only ever name messages that were sent: never a send in flight (unless taken
/// as sent past the limit), never one that failed, and a failed send is no first reply.
fn check_stats(stats: &[StatEvent], oracle: &Oracle) -> Result<(), TestCaseError> {
    for s in stats {
        let (chat, message) = match *s {
            StatEvent::Message { chat, message, .. }
            | StatEvent::FirstReply { chat, message, .. } => (chat, message),
            StatEvent::MessageIdChanged { .. } | StatEvent::NotSent { .. } => continue,
        };
        let m = oracle
            .msgs
            .get(&chat)
            .and_then(|l| l.iter().find(|m| m.id == message));
        prop_assert!(m.is_some(), "{:?} names an unknown message", s);
        let m = m.unwrap();
        prop_assert!(
            (!m.sending || m.taken) && !m.failed,
            "{:?} names a send that was not sent",
            s
        );
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
    // The next red or breach: the earliest threshold still ahead of a listed waiting chat.
    let next = (0..CHATS)
        .filter(|c| !oracle.unlisted.contains(c))
        .filter_map(|c| oracle.waiting(c))
        .filter_map(|w| {
            [w.since + RED, w.since + BREACH]
                .into_iter()
                .find(|&t| t > now)
        })
        .min();
    prop_assert_eq!(desk.next_deadline(), next, "next deadline");
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
