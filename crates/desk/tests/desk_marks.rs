//! Unit tests of the admin's local marks and the list queries: pins and their order, alarms,
//! stars, notes, "no reply needed", unread chats, the title filter, paging.

mod desk_common;

use desk::{Desk, Event, Filter, ListFilter, LocalChange, LocalState, StatEvent, Status};
use desk_common::*;

#[test]
fn no_reply_needed_clears_until_the_next_customer_message() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    assert!(d.no_reply_needed(10));
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    assert_eq!(
        d.drain_local_changes(),
        vec![LocalChange::Dismissed { chat: 10, up_to: 1 }]
    );
    assert!(
        !d.drain_stats()
            .iter()
            .any(|s| matches!(s, StatEvent::FirstReply { .. })),
        "dismissal is not a reply"
    );
    arrive(&mut d, 10, 2, CUSTOMER, T0 + 10, T0 + 10);
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0 + 10));

    // Loaded dismissals apply to chats that arrive later (after a restart).
    let mut d2 = Desk::new(settings());
    d2.load_local(LocalState {
        dismissed: vec![(10, 1)],
        ..Default::default()
    });
    d2.apply(group(10, "ACME"), T0);
    d2.apply(Event::HistoryMessage(message(10, 1, CUSTOMER, T0)), T0 + 5);
    assert_eq!(d2.row(10).unwrap().status, Status::Normal);
}

#[test]
fn pins_then_alarms_then_activity_and_pins_keep_admin_order() {
    let mut d = desk();
    for (i, chat) in [10, 11, 12, 13, 14].into_iter().enumerate() {
        d.apply(group(chat, &format!("c{chat}")), T0);
        arrive(&mut d, chat, 1, CUSTOMER, T0 + i as i64 * 1000, T0 + 5000);
    }
    assert_eq!(order(&d, Filter::Support), vec![14, 13, 12, 11, 10]);
    assert!(d.pin(10));
    assert!(d.pin(12));
    assert!(!d.pin(12));
    assert!(d.raise_alarm(11));
    assert_eq!(order(&d, Filter::Support), vec![10, 12, 11, 14, 13]);
    assert!(d.move_pin(12, 0));
    assert_eq!(order(&d, Filter::Support), vec![12, 10, 11, 14, 13]);
    assert_eq!(d.pins(), &[12, 10]);
    assert_eq!(d.row(11).unwrap().status, Status::Alarm);
    assert_eq!(d.counters().alarms, 1);
    assert!(d.unpin(12));
    assert!(d.clear_alarm(11));
    assert_eq!(order(&d, Filter::Support), vec![10, 14, 13, 12, 11]);
    let changes = d.drain_local_changes();
    let last_pins = changes
        .iter()
        .rev()
        .find(|c| matches!(c, LocalChange::Pins(_)));
    assert_eq!(last_pins, Some(&LocalChange::Pins(vec![10])));
    // Alarms are kept like the other marks.
    let alarms: Vec<_> = changes
        .iter()
        .filter(|c| matches!(c, LocalChange::Alarm { .. }))
        .collect();
    assert_eq!(
        alarms,
        [
            &LocalChange::Alarm {
                chat: 11,
                raised: true
            },
            &LocalChange::Alarm {
                chat: 11,
                raised: false
            }
        ]
    );
    // Pins loaded from the store come back in their order.
    let mut d2 = Desk::new(settings());
    d2.load_local(LocalState {
        pins: vec![13, 11],
        ..Default::default()
    });
    for chat in [10, 11, 12, 13] {
        d2.apply(group(chat, "x"), T0);
    }
    assert_eq!(order(&d2, Filter::All)[..2], [13, 11]);
    // An alarm loaded from the store puts its chat right below the pins.
    d2.load_local(LocalState {
        pins: vec![13],
        alarms: vec![12],
        ..Default::default()
    });
    assert_eq!(order(&d2, Filter::All)[..2], [13, 12]);
    assert_eq!(d2.row(12).unwrap().status, Status::Alarm);
    assert!(
        d2.drain_local_changes().is_empty(),
        "loading is not a change"
    );
}

#[test]
fn stars_notes_unread_and_title_filter() {
    let mut d = desk();
    d.apply(group(10, "ACME Support"), T0);
    d.apply(group(11, "Initech"), T0);
    d.apply(group(12, "acme billing"), T0);
    assert!(d.star(11));
    assert!(!d.star(11));
    assert_eq!(order(&d, Filter::Starred), vec![11]);
    d.set_note(10, "VIP, call first");
    assert_eq!(d.note(10), Some("VIP, call first"));
    assert!(d.row(10).unwrap().has_note);
    d.set_note(10, "  ");
    assert_eq!(d.note(10), None);
    assert!(d.unstar(11));
    assert!(order(&d, Filter::Starred).is_empty());
    d.apply(
        Event::ReadInbox {
            chat: 10,
            last_read_inbox_message_id: 0,
            unread_count: 4,
        },
        T0,
    );
    d.apply(
        Event::MarkedAsUnread {
            chat: 11,
            marked: true,
        },
        T0,
    );
    assert_eq!(d.counters().unread_chats, 2);
    d.apply(
        Event::ReadInbox {
            chat: 10,
            last_read_inbox_message_id: 9,
            unread_count: 0,
        },
        T0,
    );
    assert_eq!(d.counters().unread_chats, 1);
    let acme = ListFilter::with_title(Filter::All, "ACME");
    assert_eq!(d.len(&acme), 2);
    let titles: Vec<String> = d.rows(&acme, 0..10).into_iter().map(|r| r.title).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.iter().all(|t| t.to_lowercase().contains("acme")));
    assert_eq!(d.rows(&acme, 1..10).len(), 1);
    assert_eq!(d.position(&acme, 11), None);
    assert!(d.position(&acme, 12).is_some());
    assert_eq!(
        d.drain_local_changes(),
        vec![
            LocalChange::Star {
                chat: 11,
                starred: true
            },
            LocalChange::Note {
                chat: 10,
                text: "VIP, call first".into()
            },
            LocalChange::Note {
                chat: 10,
                text: String::new()
            },
            LocalChange::Star {
                chat: 11,
                starred: false
            },
        ]
    );
}

#[test]
fn rows_and_positions_page_through_a_long_list() {
    let mut d = Desk::new(settings());
    for chat in 0..1000 {
        d.apply(group(chat, &format!("c{chat}")), T0);
        arrive(&mut d, chat, 1, CUSTOMER, T0 + chat, T0 + 1000);
    }
    let f = ListFilter::new(Filter::All);
    assert_eq!(d.len(&f), 1000);
    let page = d.rows(&f, 500..520);
    assert_eq!(page.len(), 20);
    assert_eq!(page[0].chat, 499, "newest activity first");
    assert_eq!(d.position(&f, 499), Some(500));
    assert_eq!(d.rows(&f, 995..2000).len(), 5);
}

#[test]
fn the_title_filter_follows_renames_and_new_chats() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    d.apply(group(11, "Initech"), T0);
    let acme = ListFilter::with_title(Filter::Support, "acme");
    assert_eq!(d.chat_ids(&acme, 0..10), vec![10]);
    d.apply(
        Event::ChatRenamed {
            chat: 11,
            title: "ACME East".into(),
        },
        T0,
    );
    assert_eq!(d.len(&acme), 2);
    d.apply(group(12, "acme west"), T0);
    arrive(&mut d, 12, 1, CUSTOMER, T0 + 5, T0 + 5);
    assert_eq!(d.chat_ids(&acme, 0..10)[0], 12, "newest activity first");
    assert_eq!(d.position(&acme, 12), Some(0));
    d.apply(Event::ChatRemoved { chat: 10 }, T0 + 6);
    assert_eq!(d.len(&acme), 2);
    assert_eq!(d.len(&ListFilter::with_title(Filter::All, "east")), 1);
}
