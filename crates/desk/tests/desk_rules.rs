//! Unit tests of the desk's rules: support chats, staff, damping at the boundary, waiting
//! and SLA levels, late messages, edits, deletions, id changes, order bands, removal; sends
//! in flight, failed sends and the next deadline are in desk_rules/sends.rs; pending sends
//! delivered again in desk_rules/redelivered.rs; chats re-read once the staff is known in
//! desk_rules/resync.rs.

#[path = "desk_rules/business_hours.rs"]
mod business_hours;
#[path = "desk_rules/redelivered.rs"]
mod redelivered;
#[path = "desk_rules/resync.rs"]
mod resync;
#[path = "desk_rules/sends.rs"]
mod sends;

mod desk_common;

use desk::{
    ChatKind, Counters, Desk, Event, Filter, LocalChange, Role, Sender, StatEvent, Status,
    SupportFlag, Transition,
};
use desk_common::*;

#[test]
fn staff_is_me_duty_members_and_extra_ids() {
    let mut d = desk();
    assert_eq!(d.role_of(Sender::User(ME), false), Role::Staff);
    assert_eq!(d.role_of(Sender::User(COLLEAGUE), false), Role::Staff);
    assert_eq!(d.role_of(Sender::User(CUSTOMER), false), Role::Customer);
    assert_eq!(d.role_of(Sender::Chat(5), false), Role::Customer);
    assert_eq!(d.role_of(Sender::Chat(5), true), Role::Staff);
    d.apply(
        Event::MembersChanged {
            chat: DUTY,
            added: vec![],
            removed: vec![COLLEAGUE],
        },
        T0,
    );
    assert_eq!(d.role_of(Sender::User(COLLEAGUE), false), Role::Customer);
    // Members of other chats are not staff.
    d.apply(
        Event::MembersChanged {
            chat: 77,
            added: vec![300],
            removed: vec![],
        },
        T0,
    );
    assert_eq!(d.role_of(Sender::User(300), false), Role::Customer);
    let mut s = d.settings().clone();
    s.staff.extra_staff = vec![300];
    d.set_settings(s);
    assert_eq!(d.role_of(Sender::User(300), false), Role::Staff);
}

#[test]
fn support_chats_follow_kind_lists_folder_pattern_and_flags() {
    let mut d = desk();
    d.apply(group(10, "ACME support"), T0);
    d.apply(
        Event::ChatAdded {
            chat: 11,
            kind: ChatKind::Private,
            title: "Bob".into(),
        },
        T0,
    );
    d.apply(channel(12, "News"), T0);
    assert!(d.is_support(10) && d.is_support(11));
    assert!(!d.is_support(12), "channels are never support chats");
    assert!(
        !d.is_support(DUTY),
        "the duty group is never a support chat"
    );

    d.apply(
        Event::ChatListsChanged {
            chat: 11,
            in_main_list: false,
            folders: vec![],
        },
        T0,
    );
    assert!(!d.is_support(11), "archived chats are not support chats");
    assert!(!order(&d, Filter::All).contains(&11), "nor listed");

    let mut s = d.settings().clone();
    s.support.title_pattern = "*support".into();
    d.set_settings(s.clone());
    assert!(d.is_support(10));
    d.apply(
        Event::ChatRenamed {
            chat: 10,
            title: "ACME".into(),
        },
        T0,
    );
    assert!(!d.is_support(10), "renamed out of the pattern");
    d.set_support_flag(10, Some(SupportFlag::Include));
    assert!(d.is_support(10), "include flag overrides the pattern");

    s.support.title_pattern.clear();
    s.support.folder = Some(3);
    d.set_settings(s);
    d.apply(group(13, "Initech"), T0);
    assert!(!d.is_support(13));
    d.apply(
        Event::ChatListsChanged {
            chat: 13,
            in_main_list: true,
            folders: vec![3],
        },
        T0,
    );
    assert!(d.is_support(13));
    d.set_support_flag(13, Some(SupportFlag::Exclude));
    assert!(!d.is_support(13), "exclude flag overrides the folder");
    assert_eq!(
        d.drain_local_changes(),
        vec![
            LocalChange::SupportFlag {
                chat: 10,
                flag: Some(SupportFlag::Include)
            },
            LocalChange::SupportFlag {
                chat: 13,
                flag: Some(SupportFlag::Exclude)
            },
        ]
    );
    // support_only narrows "All" to support chats.
    assert!(order(&d, Filter::All).contains(&DUTY));
    let mut s = d.settings().clone();
    s.support.support_only = true;
    d.set_settings(s);
    assert_eq!(order(&d, Filter::All), vec![10]);
}

#[test]
fn damping_boundary_4_59_stays_5_01_jumps() {
    let mut d = desk();
    d.apply(group(10, "A"), T0);
    d.apply(group(11, "B"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    arrive(&mut d, 11, 1, CUSTOMER, T0 + 10, T0 + 10);
    assert_eq!(order(&d, Filter::Support), vec![11, 10]);
    // 4:59 after chat 10's previous message: it stays below.
    arrive(&mut d, 10, 2, CUSTOMER, T0 + 299, T0 + 299);
    assert_eq!(order(&d, Filter::Support), vec![11, 10]);
    // Exactly 5:00 after its previous message (T0+299): not "more than", stays.
    arrive(&mut d, 10, 3, CUSTOMER, T0 + 599, T0 + 599);
    assert_eq!(order(&d, Filter::Support), vec![11, 10]);
    // 5:01 after the previous one: it jumps to the top.
    arrive(&mut d, 10, 4, CUSTOMER, T0 + 900, T0 + 900);
    assert_eq!(order(&d, Filter::Support), vec![10, 11]);
    // Chat 11: 5:01 after its only message, jumps back above.
    arrive(&mut d, 11, 2, CUSTOMER, T0 + 311, T0 + 901);
    assert_eq!(
        order(&d, Filter::Support),
        vec![10, 11],
        "late message with an old date"
    );
    arrive(&mut d, 11, 3, CUSTOMER, T0 + 1202, T0 + 1202);
    assert_eq!(order(&d, Filter::Support), vec![11, 10]);
}

#[test]
fn waiting_turns_red_then_breaches_and_a_colleague_clears_it() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    let t = arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    assert_eq!(
        t,
        vec![Transition::CustomerMessage {
            chat: 10,
            message: 1
        }]
    );
    arrive(&mut d, 10, 2, CUSTOMER, T0 + 120, T0 + 120);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Waiting);
    assert_eq!(
        row.waiting_since,
        Some(T0),
        "counted from the oldest unanswered"
    );
    assert_eq!(row.waiting_secs, Some(120));
    assert!(d.tick(T0 + 599).is_empty());
    assert_eq!(d.tick(T0 + 600), vec![Transition::TurnedRed { chat: 10 }]);
    assert_eq!(d.row(10).unwrap().status, Status::Red);
    assert!(d.tick(T0 + 601).is_empty(), "announced once");
    assert_eq!(d.tick(T0 + 900), vec![Transition::Breached { chat: 10 }]);
    assert_eq!(
        d.counters(),
        Counters {
            support_chats: 1,
            waiting: 1,
            red: 1,
            breach: 1,
            alarms: 0,
            unread_chats: 0,
            alerts_unread: 0,
            reminders_due: 0,
        }
    );
    assert_eq!(order(&d, Filter::Waiting), vec![10]);
    arrive(&mut d, 10, 3, COLLEAGUE, T0 + 950, T0 + 950);
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Normal);
    assert_eq!(row.waiting_since, None);
    assert_eq!(d.counters().waiting, 0);
    assert_eq!(d.counters().breach, 0);
    assert!(order(&d, Filter::Waiting).is_empty());
    let stats = d.drain_stats();
    assert!(stats.contains(&StatEvent::FirstReply {
        chat: 10,
        message: 3,
        date: T0 + 950,
        waited_secs: 950,
        responder: Sender::User(COLLEAGUE),
    }));
    let roles: Vec<Role> = stats
        .iter()
        .filter_map(|s| match s {
            StatEvent::Message { role, .. } => Some(*role),
            _ => None,
        })
        .collect();
    assert_eq!(roles, vec![Role::Customer, Role::Customer, Role::Staff]);
    // A second staff message is not a first reply.
    arrive(&mut d, 10, 4, ME, T0 + 960, T0 + 960);
    assert!(
        !d.drain_stats()
            .iter()
            .any(|s| matches!(s, StatEvent::FirstReply { .. }))
    );
}

#[test]
fn a_late_message_counts_from_its_date_and_is_marked_late() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    // Dated 11 minutes before it reached us: red on arrival.
    let t = arrive(&mut d, 10, 1, CUSTOMER, T0, T0 + 660);
    assert!(t.contains(&Transition::TurnedRed { chat: 10 }));
    let row = d.row(10).unwrap();
    assert!(row.late);
    assert_eq!(row.status, Status::Red);
    assert_eq!(row.waiting_secs, Some(660));
    // Within a minute is not late.
    d.apply(group(11, "B"), T0);
    arrive(&mut d, 11, 1, CUSTOMER, T0 + 600, T0 + 660);
    assert!(!d.row(11).unwrap().late);
    // History messages are never late.
    d.apply(group(12, "C"), T0);
    d.apply(
        Event::HistoryMessage(message(12, 1, CUSTOMER, T0)),
        T0 + 5000,
    );
    let row = d.row(12).unwrap();
    assert!(!row.late);
    assert_eq!(row.status, Status::Breach);
}

#[test]
fn a_staff_reply_only_answers_what_came_before_it() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 5, CUSTOMER, T0, T0);
    arrive(&mut d, 10, 7, CUSTOMER, T0 + 30, T0 + 30);
    // A reply the server placed between them (delivered late) answers only message 5.
    arrive(&mut d, 10, 6, COLLEAGUE, T0 + 20, T0 + 40);
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0 + 30));
    // A customer message older than the last reply does not start a wait.
    arrive(&mut d, 10, 8, ME, T0 + 50, T0 + 50);
    arrive(&mut d, 10, 4, CUSTOMER, T0 - 10, T0 + 60);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
}

#[test]
fn edits_keep_the_wait_deletions_update_it() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    arrive(&mut d, 10, 2, CUSTOMER, T0 + 100, T0 + 100);
    d.apply(
        Event::MessageEdited {
            chat: 10,
            id: 2,
            preview: "edited".into(),
        },
        T0 + 200,
    );
    let row = d.row(10).unwrap();
    assert_eq!(row.preview, "edited");
    assert_eq!(row.waiting_since, Some(T0));
    // Deleting the oldest moves the wait to the next one.
    d.apply(
        Event::MessagesDeleted {
            chat: 10,
            ids: vec![1],
        },
        T0 + 300,
    );
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0 + 100));
    // Deleting the only waiting message clears it; the last preview goes until the
    // telegram layer sends the new last message.
    d.apply(
        Event::MessagesDeleted {
            chat: 10,
            ids: vec![2],
        },
        T0 + 300,
    );
    let row = d.row(10).unwrap();
    assert_eq!(row.status, Status::Normal);
    assert_eq!(row.preview, "");
    assert_eq!(d.counters().waiting, 0);
    d.apply(Event::HistoryMessage(message(10, 0, ME, T0 - 50)), T0 + 300);
    assert_eq!(d.row(10).unwrap().preview, "m0");
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
}

#[test]
fn a_sent_message_id_change_answers_what_the_server_put_before_it() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1 << 20, CUSTOMER, T0, T0);
    // Our reply goes out with a temporary id just above the last known message.
    arrive(&mut d, 10, (1 << 20) + 1, ME, T0 + 60, T0 + 60);
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    // Meanwhile a customer message lands on the server before ours.
    arrive(&mut d, 10, 2 << 20, CUSTOMER, T0 + 61, T0 + 61);
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    d.drain_stats();
    // The server dates ours when it gets it, two seconds after TDLib's pending date.
    d.apply(
        Event::MessageIdChanged {
            chat: 10,
            old: (1 << 20) + 1,
            new: 3 << 20,
            date: T0 + 62,
        },
        T0 + 62,
    );
    assert_eq!(d.row(10).unwrap().status, Status::Normal);
    // Logged once, under the server's id and date; nothing was logged under the temporary
    // id, so there is nothing to rename.
    assert_eq!(
        d.drain_stats(),
        vec![
            StatEvent::Message {
                chat: 10,
                message: 3 << 20,
                role: Role::Staff,
                date: T0 + 62,
            },
            StatEvent::FirstReply {
                chat: 10,
                message: 3 << 20,
                date: T0 + 62,
                waited_secs: 62,
                responder: Sender::User(ME),
            },
        ]
    );
}

#[test]
fn float_waiting_puts_waiting_chats_below_alarms_oldest_first() {
    let mut s = settings();
    s.float_waiting = true;
    let mut d = Desk::new(s);
    for chat in [10, 11, 12, 13] {
        d.apply(group(chat, "x"), T0);
    }
    arrive(&mut d, 10, 1, CUSTOMER, T0 + 10, T0 + 10);
    arrive(&mut d, 11, 1, CUSTOMER, T0 + 5, T0 + 20);
    arrive(&mut d, 12, 1, ME, T0 + 30, T0 + 30);
    d.raise_alarm(13);
    assert_eq!(order(&d, Filter::All), vec![13, 11, 10, 12]);
}

#[test]
fn removed_chats_leave_the_list_and_the_counters() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    d.tick(T0 + 1000);
    assert_eq!(d.counters().breach, 1);
    d.apply(Event::ChatRemoved { chat: 10 }, T0 + 1000);
    assert_eq!(d.counters(), Counters::default());
    assert!(order(&d, Filter::All).iter().all(|&c| c != 10));
    assert!(d.tick(T0 + 5000).is_empty());
}

#[test]
fn lower_thresholds_in_settings_turn_chats_red_at_once() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    arrive(&mut d, 10, 1, CUSTOMER, T0, T0);
    d.tick(T0 + 300);
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    let mut s = d.settings().clone();
    s.red_after_secs = 240;
    s.breach_after_secs = 280;
    assert_eq!(d.set_settings(s), vec![Transition::Breached { chat: 10 }]);
    assert_eq!(d.row(10).unwrap().status, Status::Breach);
    assert_eq!(d.counters().breach, 1);
}

#[test]
fn history_messages_do_not_announce_but_do_wait() {
    let mut d = desk();
    d.apply(group(10, "ACME"), T0);
    let t = d.apply(Event::HistoryMessage(message(10, 1, CUSTOMER, T0)), T0 + 30);
    assert!(t.is_empty());
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    // The same message arriving again (initial sync, then updateChatLastMessage) changes
    // nothing and logs a statistic the store will ignore as a duplicate.
    d.apply(Event::HistoryMessage(message(10, 1, CUSTOMER, T0)), T0 + 31);
    assert_eq!(d.row(10).unwrap().waiting_since, Some(T0));
    assert_eq!(d.counters().waiting, 1);
}
