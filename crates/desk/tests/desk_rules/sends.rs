//! Sends in flight: a reply clears the wait at once, a failed send brings it back exactly as
//! it was, a confirmed one is the first reply; and `next_deadline`.

use super::*;

fn first_replies(stats: &[StatEvent]) -> Vec<StatEvent> {
    stats
        .iter()
        .copied()
        .filter(|s| matches!(s, StatEvent::FirstReply { .. }))
        .collect()
}

fn logged(stats: &[StatEvent], id: i64) -> bool {
    stats.iter().any(|s| match *s {
        StatEvent::Message { message, .. } | StatEvent::FirstReply { message, .. } => message == id,
        StatEvent::MessageIdChanged { .. } | StatEvent::NotSent { .. } => false,
    })
}

#[test]
fn a_failed_send_reopens_the_wait_and_a_retry_that_succeeds_answers_it() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    let customer = 1 << 20;
    arrive(&mut d, 10, customer, CUSTOMER, T0, T0);
    assert_eq!(d.tick(T0 + 660), vec![Transition::TurnedRed { chat: 10 }]);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Red);
    assert_eq!(row.waiting_secs, Some(660));

    // The admin replies: TDLib announces it under a temporary id, then re-sends it as the
    // chat's last message. The red clears at once.
    let temp = customer + 1;
    arrive(&mut d, 10, temp, ME, T0 + 660, T0 + 660);
    d.apply(
        Event::HistoryMessage(message(10, temp, ME, T0 + 660)),
        T0 + 660,
    );
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Normal);
    assert_eq!(row.waiting_since, None);
    assert_eq!(row.preview, format!("m{temp}"));
    assert_eq!((d.counters().waiting, d.counters().red), (0, 0));
    assert_eq!(d.next_deadline(), None);
    let stats = d.drain_stats();
    assert!(!logged(&stats, temp), "nothing is logged before it is sent");

    // It fails: red again, counted from the customer's message as before.
    let t = d.apply(Event::MessageSendFailed { chat: 10, id: temp }, T0 + 670);
    assert_eq!(t, vec![Transition::TurnedRed { chat: 10 }]);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Red);
    assert_eq!(row.waiting_since, Some(T0));
    assert_eq!(row.waiting_secs, Some(670));
    assert_eq!((d.counters().waiting, d.counters().red), (1, 1));
    assert_eq!(order(&d, Filter::Waiting), vec![10]);
    assert_eq!(d.next_deadline(), Some(T0 + 900), "the breach is still due");
    assert!(d.drain_stats().is_empty());

    // A retry is a new temporary id; the server confirms it.
    let retry = customer + 2;
    arrive(&mut d, 10, retry, ME, T0 + 680, T0 + 680);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    d.apply(
        Event::MessageIdChanged {
            chat: 10,
            old: retry,
            new: 2 << 20,
            date: T0 + 680,
        },
        T0 + 681,
    );
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    assert!(d.tick(T0 + 2000).is_empty(), "no breach later");
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    let stats = d.drain_stats();
    assert_eq!(
        first_replies(&stats),
        vec![StatEvent::FirstReply {
            chat: 10,
            message: 2 << 20,
            date: T0 + 680,
            waited_secs: 680,
            responder: Sender::User(ME),
        }]
    );
    assert!(stats.contains(&StatEvent::Message {
        chat: 10,
        message: 2 << 20,
        role: Role::Staff,
        date: T0 + 680,
    }));
    assert!(!logged(&stats, temp) && !logged(&stats, retry));
    // The confirmed reply is a reply for good: a late failure report changes nothing.
    d.apply(
        Event::MessageSendFailed {
            chat: 10,
            id: retry,
        },
        T0 + 2001,
    );
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    assert!(first_replies(&d.drain_stats()).is_empty());
}

/// The waiting side of a desk: what a failed send must leave exactly as it found it.
fn waits(d: &Desk, chats: &[i64]) -> Vec<(Status, Option<i64>, Option<i64>, bool)> {
    chats
        .iter()
        .map(|&c| {
            let r = d.row(c).unwrap();
            (r.status, r.waiting_since, r.waiting_secs, r.late)
        })
        .collect()
}

#[test]
fn a_failed_send_leaves_the_wait_as_if_it_had_never_been_sent() {
    let mut s = settings();
    s.float_waiting = true;
    let build = |with_sends: bool| {
        let mut d = Desk::new(s.clone());
        d.apply(Event::OwnUser { user: ME }, T0);
        for chat in [10, 11] {
            d.apply(group(chat, "x"), T0);
        }
        arrive(&mut d, 10, 10, CUSTOMER, T0, T0);
        // Delivered late: counted from its date, marked late.
        arrive(&mut d, 10, 20, CUSTOMER, T0 - 100, T0 + 30);
        arrive(&mut d, 11, 10, CUSTOMER, T0 + 40, T0 + 40);
        if with_sends {
            arrive(&mut d, 10, 21, ME, T0 + 50, T0 + 50);
            // Two sends in flight at once; the later one fails first.
            arrive(&mut d, 10, 22, ME, T0 + 55, T0 + 55);
            d.apply(Event::MessageSendFailed { chat: 10, id: 22 }, T0 + 56);
            assert_eq!(d.row(10).unwrap().status, Status::Normal, "21 still hides");
        }
        // A customer message the server placed below the send, one above it.
        arrive(&mut d, 10, 15, CUSTOMER, T0 + 60, T0 + 60);
        arrive(&mut d, 10, 30, CUSTOMER, T0 + 70, T0 + 70);
        if with_sends {
            assert_eq!(d.row(10).unwrap().waiting_since, Some(T0 + 70));
            d.apply(Event::MessageSendFailed { chat: 10, id: 21 }, T0 + 80);
        }
        d.tick(T0 + 80);
        d
    };
    let mut sent = build(true);
    let mut never = build(false);
    for now in [T0 + 80, T0 + 500, T0 + 700, T0 + 1000] {
        let a = sent.tick(now);
        let b = never.tick(now);
        assert_eq!(a, b, "transitions at {now}");
        assert_eq!(
            waits(&sent, &[10, 11]),
            waits(&never, &[10, 11]),
            "at {now}"
        );
        assert_eq!(sent.counters(), never.counters(), "at {now}");
        assert_eq!(order(&sent, Filter::All), order(&never, Filter::All));
        assert_eq!(sent.next_deadline(), never.next_deadline());
    }
    assert_eq!(
        waits(&sent, &[10])[0],
        (Status::Breach, Some(T0 - 100), Some(1100), true)
    );
    assert!(first_replies(&sent.drain_stats()).is_empty());
}

#[test]
fn a_send_deleted_in_flight_answers_nothing_a_colleague_still_does() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 10, CUSTOMER, T0, T0);
    arrive(&mut d, 10, 11, ME, T0 + 10, T0 + 10);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    d.apply(
        Event::MessagesDeleted {
            chat: 10,
            ids: vec![11],
        },
        T0 + 20,
    );
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0));
    // Our send in flight, then a colleague answers on the server: his reply counts, and
    // our failure does not bring the wait back.
    arrive(&mut d, 10, 12, ME, T0 + 30, T0 + 30);
    arrive(&mut d, 10, 13, COLLEAGUE, T0 + 40, T0 + 40);
    d.apply(Event::MessageSendFailed { chat: 10, id: 12 }, T0 + 50);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    assert_eq!(
        first_replies(&d.drain_stats()),
        vec![StatEvent::FirstReply {
            chat: 10,
            message: 13,
            date: T0 + 40,
            waited_secs: 40,
            responder: Sender::User(COLLEAGUE),
        }]
    );
}

#[test]
fn sends_never_resolved_are_taken_as_sent_past_the_limit() {
    // Every send ends in a confirmation, a failure or a deletion; the desk still bounds
    // what it tracks per chat (32) and takes the oldest as sent beyond that.
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    for id in 2..=33 {
        arrive(&mut d, 10, id, ME, T0 + id, T0 + id);
    }
    assert!(first_replies(&d.drain_stats()).is_empty());
    arrive(&mut d, 10, 34, ME, T0 + 34, T0 + 34);
    assert_eq!(
        first_replies(&d.drain_stats()),
        vec![StatEvent::FirstReply {
            chat: 10,
            message: 2,
            date: T0 + 2,
            waited_secs: 2,
            responder: Sender::User(ME),
        }]
    );
    for id in 2..=34 {
        d.apply(Event::MessageSendFailed { chat: 10, id }, T0 + 40);
    }
    // None of them was sent after all: the customer waits again, from their message.
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Waiting);
    assert_eq!(row.waiting_since, Some(T0));
    assert!(d.drain_stats().contains(&StatEvent::NotSent {
        chat: 10,
        message: 2
    }));
}

#[test]
fn next_deadline_is_the_next_red_or_breach() {
    let mut d = desk();
    assert_eq!(d.next_deadline(), None);
    d.apply(group(10, "A"), T0);
    d.apply(group(11, "B"), T0);
    d.apply(channel(12, "News"), T0);
    arrive(&mut d, 12, 1, CUSTOMER, T0 - 50, T0);
    assert_eq!(d.next_deadline(), None, "not a support chat");
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    assert_eq!(d.next_deadline(), Some(T0 + 600));
    arrive(&mut d, 11, 1, CUSTOMER, T0 + 100, T0 + 100);
    assert_eq!(d.next_deadline(), Some(T0 + 600));
    // Sleeping until the deadline and ticking then gives exactly the transition.
    assert!(d.tick(T0 + 599).is_empty());
    assert_eq!(d.tick(T0 + 600), vec![Transition::TurnedRed { chat: 10 }]);
    assert_eq!(
        d.next_deadline(),
        Some(T0 + 700),
        "chat 11 turns red before 10 breaches"
    );
    assert_eq!(d.tick(T0 + 700), vec![Transition::TurnedRed { chat: 11 }]);
    assert_eq!(d.next_deadline(), Some(T0 + 900));
    // A reply in flight takes chat 10's breach off the schedule; its failure puts it back.
    arrive(&mut d, 10, 2, ME, T0 + 710, T0 + 710);
    assert_eq!(d.next_deadline(), Some(T0 + 1000));
    d.apply(Event::MessageSendFailed { chat: 10, id: 2 }, T0 + 720);
    assert_eq!(d.next_deadline(), Some(T0 + 900));
    arrive(&mut d, 10, 3, COLLEAGUE, T0 + 730, T0 + 730);
    assert_eq!(d.next_deadline(), Some(T0 + 1000));
    // New thresholds reschedule.
    let mut s = d.settings().clone();
    s.breach_after_secs = 950;
    d.set_settings(s);
    assert_eq!(d.next_deadline(), Some(T0 + 1050));
    assert_eq!(d.tick(T0 + 1050), vec![Transition::Breached { chat: 11 }]);
    assert_eq!(d.next_deadline(), None, "nothing waits below breach");
}

#[test]
fn a_failed_send_past_the_limit_reopens_the_wait_as_it_was() {
    // More sends in flight than the desk tracks (32): the oldest are taken as sent and
    // logged. When they fail after all (or are deleted unsent), the wait must come back
    // exactly as if they had never been sent, as it does within the limit: from the oldest
    // waiting message, with its date and late mark.
    let sends = 100..=140;
    let build = |with_sends: bool| {
        let mut d = desk();
        d.apply(group(10, "ACME"), T0);
        // Delivered late: counted from its date, marked late.
        arrive(&mut d, 10, 10, CUSTOMER, T0 - 100, T0 + 30);
        arrive(&mut d, 10, 20, CUSTOMER, T0 + 35, T0 + 35);
        arrive(&mut d, 10, 30, CUSTOMER, T0 + 36, T0 + 36);
        if with_sends {
            for id in sends.clone() {
                arrive(&mut d, 10, id, ME, T0 + 40, T0 + 40);
            }
            let stats = d.drain_stats();
            assert!(logged(&stats, 100), "the oldest were taken as sent");
            assert!(!logged(&stats, 140), "the newest are in flight");
            assert_eq!(d.row(10).unwrap().waiting_since, None);
        }
        // The server placed this one below the sends; the customer deletes another.
        arrive(&mut d, 10, 50, CUSTOMER, T0 + 45, T0 + 45);
        d.apply(
            Event::MessagesDeleted {
                chat: 10,
                ids: vec![30],
            },
            T0 + 46,
        );
        if with_sends {
            assert_eq!(d.row(10).unwrap().waiting_since, None);
            // A taken one comes again as the chat's last message: still unconfirmed.
            d.apply(
                Event::HistoryMessage(message(10, 100, ME, T0 + 40)),
                T0 + 47,
            );
            // They all fail (one is deleted unsent), the newest first: the wait stays
            // hidden while any send above it is left, then comes back whole.
            for id in sends.clone().rev() {
                let event = if id == 101 {
                    Event::MessagesDeleted {
                        chat: 10,
                        ids: vec![id],
                    }
                } else {
                    Event::MessageSendFailed { chat: 10, id }
                };
                d.apply(event, T0 + 48);
            }
            let stats = d.drain_stats();
            for id in [100, 101] {
                assert!(
                    stats.contains(&StatEvent::NotSent {
                        chat: 10,
                        message: id
                    }),
                    "{id}'s rows are withdrawn: {stats:?}"
                );
            }
        }
        d.tick(T0 + 50);
        d
    };
    let mut sent = build(true);
    let mut never = build(false);
    for now in [T0 + 50, T0 + 500, T0 + 700, T0 + 1000] {
        assert_eq!(sent.tick(now), never.tick(now), "transitions at {now}");
        assert_eq!(waits(&sent, &[10]), waits(&never, &[10]), "at {now}");
        assert_eq!(sent.counters(), never.counters(), "at {now}");
        assert_eq!(sent.next_deadline(), never.next_deadline());
    }
    assert_eq!(
        waits(&sent, &[10])[0],
        (Status::Breach, Some(T0 - 100), Some(1100), true)
    );
    // The next reply is the first reply, timed from the oldest message.
    arrive(&mut sent, 10, 200, COLLEAGUE, T0 + 1100, T0 + 1100);
    assert_eq!(
        first_replies(&sent.drain_stats()),
        vec![StatEvent::FirstReply {
            chat: 10,
            message: 200,
            date: T0 + 1100,
            waited_secs: 1200,
            responder: Sender::User(COLLEAGUE),
        }]
    );
}

#[test]
fn a_send_past_the_limit_confirmed_later_answers_for_good() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 10, CUSTOMER, T0, T0);
    for id in 100..=133 {
        arrive(&mut d, 10, id, ME, T0 + 10, T0 + 10);
    }
    // 100 and 101 were taken as sent; the server confirms 101 under its own id, above a
    // customer message it placed before it, and one it placed after.
    arrive(&mut d, 10, 150, CUSTOMER, T0 + 20, T0 + 20);
    arrive(&mut d, 10, 300, CUSTOMER, T0 + 30, T0 + 30);
    d.apply(
        Event::MessageIdChanged {
            chat: 10,
            old: 101,
            new: 200,
            date: T0 + 25,
        },
        T0 + 31,
    );
    d.drain_stats();
    for id in (100..=133).filter(|&id| id != 101) {
        d.apply(Event::MessageSendFailed { chat: 10, id }, T0 + 40);
    }
    // Only what came after the confirmed reply waits.
    let row = d.row(10).unwrap();
    assert_eq!(row.waiting_since, Some(T0 + 30));
    assert!(first_replies(&d.drain_stats()).is_empty());
}
