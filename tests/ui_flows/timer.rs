//! The window's own timer: it wakes exactly when something on screen changes by time
//! alone, so a chat turns red at the threshold, not some seconds later.

use super::*;
use dutydesk::ui::timer::LABEL_GRAIN_SECS;

#[test]
fn a_chat_turns_red_exactly_at_the_threshold() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 0, "The backup job hangs again");
    let since = h.app.desk().row(chat).unwrap().waiting_since.unwrap();
    let red_at = since + h.app.desk().settings().red_after_secs;
    // The chat in view, and open, so its waiting time is on screen twice.
    open_by_click(&mut h, &title);
    assert!(visible(&h, "<1m"));

    // Wake as the window's timer would, until the chat is red.
    let mut wakes = Vec::new();
    let mut red_before = h.app.desk().counters().red;
    while h.app.desk().row(chat).unwrap().status != Status::Red {
        assert!(h.app.clock().now() < red_at, "never late");
        red_before = h.app.desk().counters().red;
        let at = h.wake().expect("the timer runs while a customer waits");
        assert!(
            wakes
                .last()
                .is_none_or(|&w| at - w <= 60 + LABEL_GRAIN_SECS),
            "a waiting time on screen is never a minute stale"
        );
        wakes.push(at);
        assert!(wakes.len() < 200, "the wakes go on: {wakes:?}");
    }
    assert_eq!(
        wakes.last(),
        Some(&red_at),
        "red at the wake for the threshold"
    );
    assert_eq!(h.app.clock().now(), red_at);
    // Each minute of this chat's wait was a wake (its label turned over then, give or
    // take the grain that coalesces label wakes).
    for minute in 1..=10 {
        let turn = since + minute * 60;
        assert!(
            wakes
                .iter()
                .any(|&w| w >= turn && w < turn + LABEL_GRAIN_SECS),
            "minute {minute}: {wakes:?}"
        );
    }
    // And the window says so at once: the row's time, the header, the title.
    assert!(visible(&h, "Waiting too long · 10m"), "the chat header");
    assert_eq!(h.app.desk().counters().red, red_before + 1);
    assert!(h.app.title().contains(&format!("{} red", red_before + 1)));
}

#[test]
fn off_screen_the_deadline_alone_wakes_the_window() {
    let (mut h, _home) = floor();
    // A threshold off the minute, so no waiting time's minute could hit it by chance.
    let mut settings = h.app.desk().settings().clone();
    settings.red_after_secs = 9 * 60 + 30;
    h.app.desk_mut().set_settings(settings);
    let (chat, title) = customer_writes(&mut h, 2, "Anyone on duty?");
    let red_at = h.app.desk().row(chat).unwrap().waiting_since.unwrap() + 570;
    // Nothing waiting on screen: a calm chat open, a list filtered to nothing.
    let calm = h.app.desk().rows(&ListFilter::new(Filter::All), 0..400);
    let calm = calm.iter().find(|r| r.waiting_since.is_none()).unwrap();
    open_by_click(&mut h, &calm.title);
    filter_by_title(&mut h, "no chat is called this");
    assert!(!visible(&h, &title));

    let mut wakes = Vec::new();
    while h.app.desk().row(chat).unwrap().status != Status::Red {
        assert!(h.app.clock().now() < red_at, "never late");
        wakes.push(h.wake().expect("deadlines wake the window"));
        assert!(wakes.len() < 200, "{wakes:?}");
    }
    assert_eq!(wakes.last(), Some(&red_at), "{wakes:?}");
}

#[test]
fn with_nobody_waiting_the_timer_sleeps() {
    let (mut h, _home) = floor();
    // Answer nobody, but dismiss every wait: no deadline, no waiting time anywhere.
    let waiting = ListFilter::new(Filter::Waiting);
    let chats = h
        .app
        .desk()
        .chat_ids(&waiting, 0..h.app.desk().len(&waiting));
    assert!(!chats.is_empty());
    for chat in chats {
        h.send(Message::Console(console::Message::Act(
            chat,
            console::ChatAction::NoReplyNeeded,
        )));
    }
    assert_eq!(h.app.desk().counters().waiting, 0);
    assert_eq!(h.app.next_wake(), None);

    // One customer writes, and the wake is that chat's next minute at the latest.
    let (chat, _) = customer_writes(&mut h, 1, "Hello?");
    let since = h.app.desk().row(chat).unwrap().waiting_since.unwrap();
    let wake = h.app.next_wake().expect("a wait to watch");
    assert!(
        wake > h.app.clock().now() && wake < since + 60 + LABEL_GRAIN_SECS,
        "{wake} vs {since}"
    );
    // The wake time holds between wakes (the timer's identity): a redraw or another
    // message that changes nothing on screen does not move it.
    h.send(Message::Focus(false));
    h.send(Message::Resized(WINDOW_SIZE.height));
    assert_eq!(h.app.next_wake(), Some(wake));
}
