//! Re-reading chats once the staff is known (`Desk::resync`): the duty group's members
//! arrive after the chats' history, and the replay sets the waits right.

use super::*;
use desk::Message;

/// A desk that knows the duty group but not yet its members: the colleague counts as a
/// customer for now.
fn desk_before_members() -> Desk {
    let mut d = Desk::new(settings());
    d.apply(Event::OwnUser { user: ME }, T0);
    d.apply(group(DUTY, "Duty"), T0);
    d.apply(group(10, "ACME"), T0);
    d
}

fn members_known(d: &mut Desk) {
    d.apply(
        Event::MembersChanged {
            chat: DUTY,
            added: vec![ME, COLLEAGUE],
            removed: vec![],
        },
        T0 + 120,
    );
}

fn history(m: Message) -> Event {
    Event::HistoryMessage(m)
}

#[test]
fn a_colleagues_reply_seen_before_they_were_staff_clears_the_wait() {
    let mut d = desk_before_members();
    d.apply(history(message(10, 1, CUSTOMER, T0)), T0 + 100);
    d.apply(history(message(10, 2, COLLEAGUE, T0 + 60)), T0 + 100);
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0));

    // The members arrive: the reply already read is still taken for a customer's.
    members_known(&mut d);
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    assert_eq!(d.waiting_chats(), vec![10], "the chats to re-read");

    // Re-read, the colleague's message answers the customer's before it.
    let page = vec![
        history(message(10, 2, COLLEAGUE, T0 + 60)),
        history(message(10, 1, CUSTOMER, T0)),
    ];
    d.resync([(10, page)], T0 + 130);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Normal);
    assert_eq!(row.waiting_since, None);
    assert_eq!(row.preview, "m2", "the last message is still the reply");
    assert_eq!(d.counters().waiting, 0);
    assert!(d.waiting_chats().is_empty());
}

#[test]
fn a_customer_message_after_the_reply_still_waits() {
    let mut d = desk_before_members();
    let page = vec![
        history(message(10, 1, CUSTOMER, T0)),
        history(message(10, 2, COLLEAGUE, T0 + 60)),
        history(message(10, 3, CUSTOMER, T0 + 90)),
    ];
    d.apply_all(page.clone(), T0 + 100);
    members_known(&mut d);
    d.resync([(10, page)], T0 + 130);
    let row = d.row(10).unwrap();
    assert_eq!(
        row.status,
        Status::Waiting,
        "a reply answers only what came before it"
    );
    assert_eq!(row.waiting_since, Some(T0 + 90));
}

#[test]
fn a_send_in_flight_stays_in_flight() {
    let mut d = desk_before_members();
    d.apply(history(message(10, 1, CUSTOMER, T0)), T0 + 100);
    let temp = 50;
    arrive(&mut d, 10, temp, ME, T0 + 110, T0 + 110);
    assert_eq!(
        d.row(10).unwrap().status,
        Status::Normal,
        "provisionally answered"
    );
    members_known(&mut d);
    d.drain_stats();

    // The page read meanwhile has the send still pending (src/telegram: MessageArrived).
    let page = vec![
        history(message(10, 1, CUSTOMER, T0)),
        Event::MessageArrived(message(10, temp, ME, T0 + 110)),
    ];
    d.resync([(10, page)], T0 + 130);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    let stats = d.drain_stats();
    assert!(
        !stats.iter().any(|s| matches!(s,
            StatEvent::Message { message, .. } | StatEvent::FirstReply { message, .. }
                if *message == temp)),
        "nothing is logged before it is sent: {stats:?}"
    );

    // Still in flight: when it fails the wait is back as it was.
    d.apply(Event::MessageSendFailed { chat: 10, id: temp }, T0 + 140);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Waiting);
    assert_eq!(row.waiting_since, Some(T0));
}

#[test]
fn a_send_in_flight_replayed_is_logged_once_when_confirmed() {
    let mut d = desk_before_members();
    d.apply(history(message(10, 1, CUSTOMER, T0)), T0 + 100);
    let temp = 50;
    arrive(&mut d, 10, temp, ME, T0 + 110, T0 + 110);
    members_known(&mut d);
    let page = vec![
        history(message(10, 1, CUSTOMER, T0)),
        Event::MessageArrived(message(10, temp, ME, T0 + 110)),
    ];
    d.resync([(10, page)], T0 + 130);
    d.drain_stats();
    d.apply(
        Event::MessageIdChanged {
            chat: 10,
            old: temp,
            new: 60,
            date: T0 + 150,
        },
        T0 + 150,
    );
    let replies: Vec<StatEvent> = d
        .drain_stats()
        .into_iter()
        .filter(|s| matches!(s, StatEvent::FirstReply { .. }))
        .collect();
    assert!(
        matches!(
            replies[..],
            [StatEvent::FirstReply {
                message: 60,
                waited_secs: 150,
                ..
            }]
        ),
        "{replies:?}"
    );
}

#[test]
fn replaying_twice_changes_nothing_more() {
    let mut d = desk_before_members();
    let page = vec![
        history(message(10, 1, CUSTOMER, T0)),
        history(message(10, 2, COLLEAGUE, T0 + 60)),
        history(message(10, 3, CUSTOMER, T0 + 90)),
    ];
    d.apply_all(page.clone(), T0 + 100);
    members_known(&mut d);
    d.resync([(10, page.clone())], T0 + 130);
    d.drain_stats();
    d.drain_local_changes();
    let (row, counters, order_before) = (d.row(10), d.counters(), order(&d, Filter::All));

    let transitions = d.resync([(10, page)], T0 + 130);
    assert_eq!(transitions, vec![]);
    assert_eq!(d.row(10), row);
    assert_eq!(d.counters(), counters);
    assert_eq!(order(&d, Filter::All), order_before);
    assert!(d.drain_local_changes().is_empty());
}
