//! The history's merging, and the property that every order of a send's reply and updates
//! ends with one line per message, in the state TDLib last gave it.

use super::*;
use proptest::prelude::*;

fn msg(id: i64, text: &str) -> Message {
    Message {
        chat: 1,
        id,
        sender: Sender::User(7),
        date: id,
        outgoing: false,
        preview: text.into(),
        content: ContentKind::Text,
    }
}

fn own(id: i64, text: &str) -> Message {
    Message {
        sender: Sender::User(99),
        outgoing: true,
        ..msg(id, text)
    }
}

#[test]
fn merge_orders_and_dedups() {
    let mut h = History::new(1);
    h.merge(&[msg(3, "c"), msg(1, "a")]);
    h.merge(&[msg(2, "b"), msg(3, "c")]);
    let ids: Vec<_> = h.lines.iter().map(|l| l.id).collect();
    assert_eq!(ids, vec![Some(1), Some(2), Some(3)]);
    assert_eq!(h.oldest_id(), 1);
}

#[test]
fn send_lifecycle_keeps_failed_messages() {
    let mut h = History::new(1);
    h.merge(&[msg(10, "hi")]);
    h.push_local(1, Sender::User(99), "hello".into(), Some(10), 20);
    // The update with the temporary id can come before the send reply.
    h.arrived(&own(11, "hello"));
    h.sent(1, 11);
    assert_eq!(h.lines.len(), 2);
    assert_eq!(h.lines[1].state, SendState::Pending);
    h.failed(11, "FLOOD".into());
    assert!(matches!(h.lines[1].state, SendState::Failed(_)));
    assert_eq!(h.take_failed(1), Some(("hello".into(), Some(10))));
    h.push_local(2, Sender::User(99), "again".into(), None, 21);
    h.sent(2, 12);
    h.succeeded(12, 500);
    assert_eq!(
        h.lines.last().map(|l| (l.id, &l.state)),
        Some((Some(500), &SendState::Delivered))
    );
}

/// The demo floor's case: the update stream confirmed the message before the reply to
/// `sendMessage` reached the chat view. One delivered line, no "sending…" copy.
#[test]
fn a_confirmation_before_the_reply_leaves_one_delivered_line() {
    let mut h = History::new(1);
    h.push_local(1, Sender::User(99), "on it".into(), None, 20);
    h.arrived(&own(11, "on it"));
    h.succeeded(11, 1 << 20);
    h.sent(1, 11);
    assert_eq!(h.lines.len(), 1, "{:?}", h.lines);
    assert_eq!(h.lines[0].id, Some(1 << 20));
    assert_eq!(h.lines[0].state, SendState::Delivered);
    assert_eq!(h.lines[0].local, Some(1));
}

/// A message sent from the admin's phone: pending, then confirmed under the same id.
#[test]
fn a_message_from_another_device_is_confirmed_in_place() {
    let mut h = History::new(1);
    h.arrived(&own(5 << 20, "from my phone"));
    assert_eq!(h.lines[0].state, SendState::Pending);
    h.succeeded(5 << 20, 5 << 20);
    assert_eq!(h.lines.len(), 1);
    assert_eq!(h.lines[0].state, SendState::Delivered);
}

/// How one send ends.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Confirmed,
    Failed,
    /// TDLib's reply to sendMessage is an error: no update follows.
    Refused,
}

/// What reaches the history about send `n` (from 0).
#[derive(Debug, Clone, Copy)]
enum Step {
    /// The reply to sendMessage.
    Reply(usize),
    /// updateNewMessage under the temporary id.
    NewMessage(usize),
    /// updateMessageSendSucceeded or updateMessageSendFailed, as the outcome says.
    Settled(usize),
    /// A customer writes meanwhile.
    Customer(usize),
    /// A page of history bringing the server's copies of the sends confirmed so far.
    Page,
}

fn temp(n: usize) -> MessageId {
    (100 + 2 * n as i64) | 1
}

fn server(n: usize) -> MessageId {
    (200 + n as i64) << 20
}

fn text(n: usize) -> String {
    format!("reply {n}")
}

/// Sends with their outcomes, and every step of theirs in an arbitrary order, a few
/// customer messages and history pages mixed in.
fn scenario() -> impl Strategy<Value = (Vec<Outcome>, Vec<Step>)> {
    let outcome = prop_oneof![
        Just(Outcome::Confirmed),
        Just(Outcome::Failed),
        Just(Outcome::Refused)
    ];
    (
        proptest::collection::vec(outcome, 1..5),
        0..3usize,
        0..3usize,
    )
        .prop_flat_map(|(outcomes, customers, pages)| {
            let mut steps = Vec::new();
            for (n, o) in outcomes.iter().enumerate() {
                steps.push(Step::Reply(n));
                if !matches!(o, Outcome::Refused) {
                    steps.push(Step::NewMessage(n));
                    steps.push(Step::Settled(n));
                }
            }
            steps.extend((0..customers).map(Step::Customer));
            steps.extend((0..pages).map(|_| Step::Page));
            (Just(outcomes), Just(steps).prop_shuffle())
        })
}

/// Plays the steps. A send's placeholder is made before anything about it can arrive (the
/// window makes it as it asks TDLib to send).
fn play(outcomes: &[Outcome], steps: &[Step]) -> History {
    let mut h = History::new(1);
    h.merge(&[msg(1 << 20, "hello, anyone?")]);
    let mut made = vec![false; outcomes.len()];
    let mut settled = vec![false; outcomes.len()];
    for step in steps {
        let n = match *step {
            Step::Reply(n) | Step::NewMessage(n) | Step::Settled(n) => Some(n),
            Step::Customer(_) | Step::Page => None,
        };
        if let Some(n) = n
            && !made[n]
        {
            made[n] = true;
            h.push_local(n as u64 + 1, Sender::User(99), text(n), None, 20);
        }
        match *step {
            Step::Reply(n) => match outcomes[n] {
                Outcome::Refused => h.failed_local(n as u64 + 1, "Chat not found".into()),
                _ => h.sent(n as u64 + 1, temp(n)),
            },
            Step::NewMessage(n) => h.arrived(&own(temp(n), &text(n))),
            Step::Settled(n) => {
                settled[n] = true;
                match outcomes[n] {
                    Outcome::Confirmed => h.succeeded(temp(n), server(n)),
                    _ => h.failed(temp(n), "INTERNAL_SERVER_ERROR".into()),
                }
            }
            Step::Customer(k) => h.arrived(&msg((300 + k as i64) << 20, "still there?")),
            Step::Page => {
                let confirmed: Vec<Message> = (0..outcomes.len())
                    .filter(|&n| settled[n] && matches!(outcomes[n], Outcome::Confirmed))
                    .map(|n| own(server(n), &text(n)))
                    .collect();
                h.merge(&confirmed);
            }
        }
    }
    h
}

proptest! {
    #[test]
    fn every_order_ends_with_one_line_per_message_in_its_state(
        (outcomes, steps) in scenario()
    ) {
        let mut h = play(&outcomes, &steps);
        let customers = steps.iter().filter(|s| matches!(s, Step::Customer(_))).count();
        prop_assert_eq!(h.lines.len(), 1 + customers + outcomes.len(), "{:?}", h.lines);
        for (n, outcome) in outcomes.iter().enumerate() {
            let mine: Vec<&Line> = h.lines.iter().filter(|l| l.text == text(n)).collect();
            prop_assert_eq!(mine.len(), 1, "send {}: {:?}", n, h.lines);
            let line = mine[0];
            prop_assert_eq!(line.local, Some(n as u64 + 1), "send {} keeps its key", n);
            match outcome {
                Outcome::Confirmed => {
                    prop_assert_eq!(line.id, Some(server(n)));
                    prop_assert_eq!(&line.state, &SendState::Delivered);
                }
                Outcome::Failed | Outcome::Refused => {
                    prop_assert!(matches!(line.state, SendState::Failed(_)), "{:?}", line);
                }
            }
        }
        // Failed ones can be sent again, and then they are gone from where they were.
        for (n, outcome) in outcomes.iter().enumerate() {
            let retried = h.take_failed(n as u64 + 1);
            prop_assert_eq!(retried.is_some(), !matches!(outcome, Outcome::Confirmed));
        }
        let mut ids: Vec<MessageId> = h.lines.iter().filter_map(|l| l.id).collect();
        let all = ids.len();
        ids.dedup();
        prop_assert_eq!(ids.len(), all, "ids are unique and in order: {:?}", h.lines);
    }
}
