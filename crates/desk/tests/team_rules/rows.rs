//! What a row shows: team alarms right under the pins with who, when and why; the local
//! alarm told apart; the assignee's initials.

use desk::{Action, Filter, Status};

use super::team_common::*;

#[test]
fn team_alarms_sit_right_under_the_pins_newest_activity_first() {
    let mut d = team_desk();
    customer_says(&mut d, ACME, 1, T0 + 1, "hello");
    customer_says(&mut d, INITECH, 1, T0 + 400, "hello");
    d.pin(ALERTS);
    post(&mut d, 500, COLLEAGUE, &alarm(ACME, "VIP"));
    let all = order(&d, Filter::All);
    assert_eq!(&all[..3], &[ALERTS, ACME, INITECH]);
    assert_eq!(d.row(ACME).unwrap().status, Status::Alarm);
    assert_eq!(d.row(INITECH).unwrap().status, Status::Waiting);
}

#[test]
fn the_local_alarm_is_told_apart_from_the_teams() {
    let mut d = team_desk();
    d.raise_alarm(INITECH);
    let row = d.row(INITECH).unwrap();
    assert!(row.alarm && row.local_alarm);
    assert_eq!(row.team_alarm, None);
    post(&mut d, 10, COLLEAGUE, &alarm(INITECH, "x"));
    let row = d.row(INITECH).unwrap();
    assert!(row.local_alarm && row.team_alarm.is_some());
    // Clearing the local one leaves the team's, and the chat in the alarm band.
    d.clear_alarm(INITECH);
    let row = d.row(INITECH).unwrap();
    assert!(!row.local_alarm);
    assert_eq!(row.status, Status::Alarm);
    assert_eq!(d.counters().alarms, 1);
}

#[test]
fn the_assignee_shows_as_initials() {
    let mut d = team_desk();
    post(&mut d, 10, COLLEAGUE, &Action::Take { chat: ACME });
    let a = d.row(ACME).unwrap().assignee.unwrap();
    assert_eq!((a.user, a.initials.as_str()), (COLLEAGUE, "AP"));
    post(
        &mut d,
        11,
        COLLEAGUE,
        &Action::Assign {
            chat: ACME,
            user: LEAD,
        },
    );
    assert_eq!(d.row(ACME).unwrap().assignee.unwrap().initials, "ЛТ");
    assert_eq!(desk::team::initials("olga"), "O");
    assert_eq!(desk::team::initials("  "), "?");
    assert_eq!(desk::team::initials("Jean-Luc  (Support) Picard"), "JP");
}

#[test]
fn a_row_says_why_and_points_at_the_message() {
    let mut d = team_desk();
    let a = desk::Action::RaiseAlarm {
        chat: ACME,
        message: Some(77 << 20),
        reason: Some("refund = 5 000 ₽, 100% urgent".into()),
    };
    post(&mut d, 10, LEAD, &a);
    let view = d.team_alarm(ACME).unwrap();
    assert_eq!(
        view.reason.as_deref(),
        Some("refund = 5 000 ₽, 100% urgent")
    );
    assert_eq!(view.message, Some(77 << 20));
    assert_eq!(view.raised_by_name.as_deref(), Some("Лев Толстой"));
    assert_eq!(
        desk::team::message_link(ACME, 77 << 20, None).as_deref(),
        Some("https://t.me/c/1001/77")
    );
    assert_eq!(
        desk::team::message_link(ACME, 77 << 20, Some("acme_support")).as_deref(),
        Some("https://t.me/acme_support/77")
    );
    assert_eq!(desk::team::message_link(CUSTOMER, 77 << 20, None), None);
}

#[test]
fn an_alarm_points_at_the_oldest_unanswered_message_else_the_last() {
    let mut d = team_desk();
    assert_eq!(d.message_to_point_at(ACME), None, "no message yet");
    customer_says(&mut d, ACME, 5 << 20, T0 + 5, "hello?");
    customer_says(&mut d, ACME, 6 << 20, T0 + 6, "anyone?");
    assert_eq!(d.message_to_point_at(ACME), Some(5 << 20));
    d.apply(
        desk::Event::HistoryMessage(desk::Message {
            chat: ACME,
            id: 7 << 20,
            sender: desk::Sender::User(COLLEAGUE),
            date: T0 + 7,
            outgoing: false,
            preview: "on it".into(),
            content: desk::ContentKind::Text,
        }),
        T0 + 7,
    );
    assert_eq!(
        d.message_to_point_at(ACME),
        Some(7 << 20),
        "answered: the last message"
    );
    assert_eq!(d.message_to_point_at(-42), None, "an unknown chat");
    assert_eq!(d.own_user(), Some(ME));
}

#[test]
fn the_settings_in_force_name_their_message() {
    let mut d = team_desk();
    assert_eq!(d.team_settings_message(), None);
    publish(&mut d, 20, LEAD, "[sla]\nred_minutes = 5\n");
    assert_eq!(d.team_settings_message(), Some(20));
    // A bad newer one leaves the good one in force.
    publish(&mut d, 21, LEAD, "[sla]\nred_minute = 5\n");
    assert_eq!(d.team_settings_message(), Some(20));
    publish(&mut d, 22, OWNER, "[sla]\nred_minutes = 6\n");
    assert_eq!(d.team_settings_message(), Some(22));
}
