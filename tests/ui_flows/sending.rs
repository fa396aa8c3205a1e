//! A reply's way out: the reply to `sendMessage` comes back as a task while the updates
//! (`updateNewMessage`, `updateMessageSendSucceeded`) come through the event stream, and the
//! window must end with one line for the message whichever the app sees first.

use super::*;
use dutydesk::ui::features::console::history::SendState;

/// Types `text` in the composer and presses Enter; the send's reply is held back.
fn type_and_send(h: &mut Harness, text: &str) -> dutydesk::ui::harness::Held {
    let messages = messages_from(&h.app, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite(text);
        sim.tap_key(Key::Named(Named::Enter));
    });
    let mut held = None;
    for m in messages {
        let this = h.send_holding_replies(m);
        if !this.is_empty() {
            assert!(held.is_none(), "one Telegram request: the send");
            held = Some(this);
        }
    }
    held.expect("Enter sends")
}

/// The open chat's lines showing `text`, with their state.
fn lines_with(h: &Harness, text: &str) -> Vec<SendState> {
    let open = h.app.console().open().expect("a chat is open");
    open.history
        .lines
        .iter()
        .filter(|l| l.text == text)
        .map(|l| l.state.clone())
        .collect()
}

/// The demo floor's case: the confirmation reached the window before the send's reply.
/// Before the fix a "sending…" copy stayed above the delivered message for good.
#[test]
fn a_reply_confirmed_before_its_send_answers_shows_once() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 2, "Is the backup running?");
    open_by_click(&mut h, &title);
    let held = type_and_send(&mut h, "Checking the backup now");
    held.wait_answered("sendMessage");
    // The update stream first: the message arrives and is confirmed.
    h.pump_until("the confirmation", |app| {
        app.desk()
            .row(chat)
            .is_some_and(|r| r.waiting_since.is_none())
    });
    h.deliver(held);
    assert_eq!(
        lines_with(&h, "Checking the backup now"),
        [SendState::Delivered]
    );
    assert!(visible(&h, "Checking the backup now"));
    assert!(!visible(&h, "sending…"), "no copy left sending");
}

/// The other order, as the harness usually runs it: the reply first, then the updates.
#[test]
fn a_reply_answered_before_its_confirmation_shows_once() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 3, "Hello, my site is down");
    open_by_click(&mut h, &title);
    let held = type_and_send(&mut h, "Looking at it");
    held.wait_answered("sendMessage");
    h.deliver(held);
    h.settle();
    assert_eq!(lines_with(&h, "Looking at it"), [SendState::Delivered]);
    assert!(!visible(&h, "sending…"));
}

/// A send that fails after its reply: one line, with Retry, in either order.
#[test]
fn a_send_failing_before_its_reply_shows_once_with_retry() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 4, "Anyone?");
    open_by_click(&mut h, &title);
    h.control.fail_next_send(500, "INTERNAL_SERVER_ERROR");
    let held = type_and_send(&mut h, "This one fails first");
    held.wait_answered("sendMessage");
    h.settle();
    h.deliver(held);
    let states = lines_with(&h, "This one fails first");
    assert!(
        matches!(states[..], [SendState::Failed(_)]),
        "one failed line: {states:?}"
    );
    interact(&mut h, |sim| {
        sim.click("Retry").unwrap();
    });
    h.settle();
    assert_eq!(
        lines_with(&h, "This one fails first"),
        [SendState::Delivered]
    );
}
