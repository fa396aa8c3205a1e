//! The duty-group fold as the team lives it: who counts (members, not outsiders, forwarded
//! copies, customers' copies or meaning-changing edits), idempotence, order, members not yet
//! known. Team settings are in team_rules/settings.rs; stop words in
//! team_rules/stop_words.rs; visibility and "Mine" in team_rules/visibility.rs; the rows
//! in team_rules/rows.rs; checkpoints in team_rules/checkpoint.rs.

#[path = "team_rules/checkpoint.rs"]
mod checkpoint;
#[path = "team_rules/rows.rs"]
mod rows;
#[path = "team_rules/settings.rs"]
mod settings;
#[path = "team_rules/stop_words.rs"]
mod stop_words;
#[path = "team_rules/visibility.rs"]
mod visibility;

mod team_common;

use desk::team::protocol::build;
use desk::{Action, Event, Ignored, Sender, Status};
use team_common::*;

#[test]
fn a_members_alarm_raises_the_chat_for_everyone_and_a_clear_clears_it() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "site down"));
    assert_eq!(d.drain_raised_alarms(), vec![ACME]);
    let row = d.row(ACME).unwrap();
    assert_eq!(row.status, Status::Alarm);
    let a = row.team_alarm.expect("a team alarm");
    assert_eq!(a.raised_by, Some(COLLEAGUE));
    assert_eq!(a.raised_by_name.as_deref(), Some("Anna Petrova"));
    assert_eq!(a.at, T0 + 10);
    assert_eq!(a.reason.as_deref(), Some("site down"));
    assert!(!row.local_alarm);
    assert_eq!(d.counters().alarms, 1);
    post(&mut d, 11, ME, &clear(ACME));
    let row = d.row(ACME).unwrap();
    assert_eq!(row.status, Status::Normal);
    assert_eq!(row.team_alarm, None);
    assert_eq!(d.counters().alarms, 0);
    assert_eq!(ignored(&mut d), vec![]);
}

#[test]
fn outsiders_forwarded_copies_and_customers_copies_change_nothing() {
    let mut d = team_desk();
    post(&mut d, 10, OUTSIDER, &alarm(ACME, "x"));
    let mut forwarded = action_message(11, COLLEAGUE, &alarm(ACME, "x"));
    forwarded.forwarded = true;
    d.apply(Event::TeamMessage(forwarded), T0);
    // A customer pastes the machine line into their support chat.
    let mut copy = action_message(5, CUSTOMER, &alarm(ACME, "x"));
    copy.chat = ACME;
    d.apply(Event::TeamMessage(copy), T0);
    // A message on behalf of a chat has no member to hold to it.
    let mut anonymous = action_message(12, COLLEAGUE, &alarm(ACME, "x"));
    anonymous.sender = Sender::Chat(-777);
    d.apply(Event::TeamMessage(anonymous), T0);
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    assert_eq!(
        ignored(&mut d),
        vec![
            Ignored::NotMember,
            Ignored::Forwarded,
            Ignored::OutsideDutyGroup,
            Ignored::AnonymousSender
        ]
    );
}

#[test]
fn a_member_who_left_no_longer_counts() {
    let mut d = team_desk();
    d.apply(
        Event::MembersChanged {
            chat: DUTY,
            added: vec![],
            removed: vec![COLLEAGUE],
        },
        T0,
    );
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    assert_eq!(ignored(&mut d), vec![Ignored::NotMember]);
}

#[test]
fn an_edit_that_changes_the_meaning_is_ignored_and_reported() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "site down"));
    // The readable part fixed: same action, nothing to report.
    let same = format!(
        "Fixed typo\n{}",
        desk::team::protocol::machine_line(&alarm(ACME, "site down"))
    );
    d.apply(
        Event::MessageEdited {
            chat: DUTY,
            id: 10,
            preview: same,
        },
        T0,
    );
    assert_eq!(ignored(&mut d), vec![]);
    // The machine line changed to a clear: ignored, the alarm stays.
    d.apply(
        Event::MessageEdited {
            chat: DUTY,
            id: 10,
            preview: build("", &clear(ACME)),
        },
        T0,
    );
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(ignored(&mut d), vec![Ignored::Edited]);
    // The same edit delivered again as a message (a history page): still ignored.
    d.apply(
        Event::TeamMessage(action_message(10, COLLEAGUE, &clear(ACME))),
        T0,
    );
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(ignored(&mut d), vec![Ignored::Edited]);
    // An ordinary message edited into an action does nothing either.
    d.apply(
        Event::MessageEdited {
            chat: DUTY,
            id: 3,
            preview: build("", &clear(ACME)),
        },
        T0,
    );
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(ignored(&mut d), vec![Ignored::Edited]);
}

#[test]
fn the_same_message_twice_changes_nothing_and_is_reported_once() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut d, 11, ME, &clear(ACME));
    post(&mut d, 12, OUTSIDER, &alarm(ACME, "x"));
    let before = d.team_checkpoint();
    assert_eq!(ignored(&mut d), vec![Ignored::NotMember]);
    assert_eq!(d.drain_raised_alarms(), vec![ACME]);
    // History replayed after the live updates: the same messages again.
    let t = post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut d, 11, ME, &clear(ACME));
    post(&mut d, 12, OUTSIDER, &alarm(ACME, "x"));
    assert_eq!(t, vec![]);
    assert_eq!(
        d.drain_raised_alarms(),
        Vec::<i64>::new(),
        "not raised again"
    );
    assert_eq!(d.team_checkpoint(), before);
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    assert_eq!(ignored(&mut d), vec![]);
}

#[test]
fn a_late_older_message_does_not_undo_a_newer_one() {
    // The clear (id 11) arrives before the raise (id 10) it followed.
    let mut d = team_desk();
    post(&mut d, 11, ME, &clear(ACME));
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    let mut e = team_desk();
    post(&mut e, 10, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut e, 11, ME, &clear(ACME));
    assert_eq!(d.team_checkpoint(), e.team_checkpoint());
}

#[test]
fn messages_before_the_member_list_wait_for_it() {
    let mut d = bare_desk();
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    post(&mut d, 11, OUTSIDER, &alarm(INITECH, "x"));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal, "nobody known");
    assert_eq!(ignored(&mut d), vec![]);
    d.apply(members(), T0 + 20);
    assert_eq!(d.drain_raised_alarms(), vec![ACME]);
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(d.row(INITECH).unwrap().status, Status::Normal);
    assert_eq!(ignored(&mut d), vec![Ignored::NotMember]);
}

#[test]
fn malformed_and_future_machine_lines_are_reported() {
    let mut d = team_desk();
    d.apply(
        Event::TeamMessage(team_message(10, COLLEAGUE, "x\n#dutydesk v2 alarm chat=1")),
        T0,
    );
    d.apply(
        Event::TeamMessage(team_message(11, COLLEAGUE, "#dutydesk v1 take chat=abc")),
        T0,
    );
    let notes = ignored(&mut d);
    assert!(matches!(&notes[0], Ignored::Malformed(e) if e.to_string().contains("`v2`")));
    assert!(matches!(&notes[1], Ignored::Malformed(e) if e.to_string().contains("chat=")));
    assert_eq!(notes.len(), 2);
}

#[test]
fn assignments_follow_take_assign_and_release() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &Action::Take { chat: ACME });
    assert_eq!(d.assignee(ACME).map(|a| a.user), Some(COLLEAGUE));
    post(
        &mut d,
        11,
        COLLEAGUE,
        &Action::Assign {
            chat: ACME,
            user: ME,
        },
    );
    assert_eq!(d.assignee(ACME).map(|a| a.user), Some(ME));
    post(&mut d, 12, ME, &Action::Release { chat: ACME });
    assert_eq!(d.assignee(ACME), None);
    // Only members can be assigned.
    post(
        &mut d,
        13,
        ME,
        &Action::Assign {
            chat: ACME,
            user: OUTSIDER,
        },
    );
    assert_eq!(d.assignee(ACME), None);
    assert_eq!(ignored(&mut d), vec![Ignored::AssigneeNotMember(OUTSIDER)]);
}

#[test]
fn shared_notes_are_set_and_cleared() {
    let mut d = team_desk();
    let note = Action::SetNote {
        chat: ACME,
        text: "VIP: call before 18:00\nask for Bob".into(),
    };
    post(&mut d, 10, LEAD, &note);
    let n = d.shared_note(ACME).expect("a shared note");
    assert_eq!(n.text, "VIP: call before 18:00\nask for Bob");
    assert_eq!((n.by, n.at), (LEAD, T0 + 10));
    assert!(d.row(ACME).unwrap().has_shared_note);
    assert!(
        !d.row(ACME).unwrap().has_note,
        "the private note is another thing"
    );
    post(&mut d, 11, COLLEAGUE, &Action::ClearNote { chat: ACME });
    assert_eq!(d.shared_note(ACME), None);
    assert!(!d.row(ACME).unwrap().has_shared_note);
}

#[test]
fn another_duty_group_is_another_team() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    let mut s = d.settings().clone();
    s.staff.duty_group = Some(-1_000_000_000_901);
    d.set_settings(s);
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    assert_eq!(d.team_checkpoint().unwrap().alarms, vec![]);
}

#[test]
fn without_a_duty_group_nothing_is_folded() {
    let mut d = desk::Desk::new(desk::Settings::default());
    d.apply(
        Event::ChatAdded {
            chat: ACME,
            kind: desk::ChatKind::Supergroup,
            title: "ACME".into(),
        },
        T0,
    );
    post(&mut d, 10, COLLEAGUE, &alarm(ACME, "x"));
    assert_eq!(d.row(ACME).unwrap().status, Status::Normal);
    assert_eq!(d.team_checkpoint(), None);
    assert_eq!(ignored(&mut d), vec![]);
}
