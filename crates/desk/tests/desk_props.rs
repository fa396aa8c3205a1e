//! Property tests: over random event sequences the desk's order, waiting state and counters
//! match a simple oracle that keeps every message and recomputes everything from scratch.
//! This account's new messages are sends in flight until confirmed or failed; to the
//! oracle a failed send never answered anything (it still counts as activity for the
//! damped order), and no statistic ever names it. Bursts of sends pass the desk's limit of
//! sends in flight, so some are taken as sent (logged early) before they fail.

use desk::{
    ChatKind, ContentKind, Desk, Event, Filter, ListFilter, Message, Sender, Settings, StaffRules,
    StatEvent,
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

#[path = "desk_props/oracle.rs"]
mod oracle;
use oracle::{Msg, Oracle, take_past_limit};

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
        Filter::Mine,
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
    // The longest waits: every chat listed under "Waiting", by when its wait began.
    let mut longest: Vec<(Option<i64>, i64)> = oracle
        .order(Filter::Waiting, damping, float)
        .into_iter()
        .map(|c| (oracle.waiting(c).map(|w| w.since), c))
        .collect();
    longest.sort_by_key(|&(since, c)| (since.unwrap_or(i64::MAX), c));
    let got: Vec<_> = desk.longest_waits(usize::MAX).collect();
    prop_assert_eq!(&got, &longest, "longest waits");
    prop_assert_eq!(
        desk.longest_waiting(),
        longest.first().and_then(|&(since, c)| since.map(|_| c)),
        "longest waiting"
    );
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
