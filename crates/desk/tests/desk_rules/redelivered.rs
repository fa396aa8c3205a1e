//! Sends TDLib delivers again while still pending (a chat's last message, a page of
//! history): src/telegram sends them as `MessageArrived`, so they stay in flight. A page
//! read while a send was pending can come back after the send ended; that stale copy must
//! not start a send that never ends.

use super::*;

#[test]
fn a_stale_pending_copy_of_a_failed_send_hides_no_wait() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    let customer = 1 << 20;
    arrive(&mut d, 10, customer, CUSTOMER, T0, T0);
    let temp = customer + 1;
    arrive(&mut d, 10, temp, ME, T0 + 60, T0 + 60);
    assert_eq!(d.row(10).unwrap().status, Status::Normal, "in flight");
    d.drain_stats();

    // It fails; then the copy of it in a history page read before the failure arrives.
    d.apply(Event::MessageSendFailed { chat: 10, id: temp }, T0 + 70);
    d.apply(
        Event::MessageArrived(message(10, temp, ME, T0 + 60)),
        T0 + 80,
    );
    let row = d.row(10).unwrap();
    assert_eq!(
        row.status,
        Status::Waiting,
        "the failed reply hides nothing"
    );
    assert_eq!(row.waiting_since, Some(T0));
    assert!(d.drain_stats().is_empty(), "nor is it logged");

    // A send still pending, delivered again, stays in flight: confirmed, it answers.
    let retry = customer + 2;
    arrive(&mut d, 10, retry, ME, T0 + 90, T0 + 90);
    d.apply(
        Event::MessageArrived(message(10, retry, ME, T0 + 90)),
        T0 + 95,
    );
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    assert!(d.drain_stats().is_empty(), "nothing before it is sent");
    let sent = 2 << 20;
    d.apply(
        Event::MessageIdChanged {
            chat: 10,
            old: retry,
            new: sent,
            date: T0 + 100,
        },
        T0 + 100,
    );
    let stats = d.drain_stats();
    assert!(
        matches!(stats[..], [
            StatEvent::Message { message: m, date, .. },
            StatEvent::FirstReply { message: r, waited_secs: 100, .. },
        ] if m == sent && r == sent && date == T0 + 100),
        "{stats:?}"
    );
    // Its stale pending copy afterwards is no second send and no second row.
    d.apply(
        Event::MessageArrived(message(10, retry, ME, T0 + 90)),
        T0 + 110,
    );
    assert!(d.drain_stats().is_empty());
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
}

#[test]
fn a_pending_copy_of_a_send_taken_as_sent_is_no_new_send() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    // One send more than the desk tracks: the oldest is taken as sent and logged.
    let sends = 200..=232;
    for id in sends.clone() {
        arrive(&mut d, 10, id, ME, T0, T0);
    }
    let stats = d.drain_stats();
    assert!(
        matches!(stats[..], [StatEvent::Message { message: 200, .. }]),
        "{stats:?}"
    );
    // Delivered again while pending: taken back in flight, it would push the next one out
    // (logging it) and be logged a second time when confirmed.
    d.apply(Event::MessageArrived(message(10, 200, ME, T0)), T0 + 5);
    assert!(d.drain_stats().is_empty());
}
