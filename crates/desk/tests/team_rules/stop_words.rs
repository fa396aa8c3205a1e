//! Stop words in customer messages raise the team's alarm by themselves, saying which word;
//! a clear dated after the message clears it, and the same message read again later (or a
//! colleague's message) raises nothing. They come with the team settings: a published
//! document that names none has the starting list; a team with no settings has none.

use desk::{Event, Message, Sender, Status};

use super::team_common::*;

/// The team with settings published that leave the stop words at the starting list.
fn desk_with_stop_words() -> desk::Desk {
    let mut d = team_desk();
    publish(&mut d, 1, LEAD, "[team]\nname = \"ACME support\"\n");
    d
}

#[test]
fn a_team_without_settings_has_no_stop_words() {
    let mut d = team_desk();
    customer_says(&mut d, ACME, 1, T0 + 5, "Hi, our site is DOWN");
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    assert_eq!(d.team_settings().stop_words.words().count(), 0);
}

#[test]
fn a_customers_stop_word_raises_an_alarm_with_the_word() {
    let mut d = desk_with_stop_words();
    customer_says(&mut d, ACME, 1, T0 + 5, "Hi, our site is DOWN since 9:00");
    assert_eq!(d.drain_raised_alarms(), vec![ACME]);
    let row = d.row(ACME).unwrap();
    assert_eq!(row.status, Status::Alarm);
    let a = row.team_alarm.unwrap();
    assert_eq!(a.stop_word.as_deref(), Some("down"));
    assert_eq!((a.raised_by, a.at, a.message), (None, T0 + 5, Some(1)));
    assert_eq!(order(&d, desk::Filter::All)[0], ACME);
}

#[test]
fn whole_words_only_and_cyrillic_in_any_case() {
    let mut d = desk_with_stop_words();
    customer_says(&mut d, ACME, 1, T0, "please download the invoice");
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    customer_says(&mut d, INITECH, 1, T0, "Оплата НЕ РАБОТАЕТ!");
    let a = d.row(INITECH).unwrap().team_alarm.unwrap();
    assert_eq!(a.stop_word.as_deref(), Some("не работает"));
}

#[test]
fn staff_messages_and_answered_messages_raise_nothing() {
    let mut d = desk_with_stop_words();
    d.apply(
        Event::MessageArrived(Message {
            chat: ACME,
            id: 2,
            sender: Sender::User(COLLEAGUE),
            date: T0,
            outgoing: false,
            preview: "our monitoring is down, checking".into(),
            content: desk::ContentKind::Text,
        }),
        T0,
    );
    assert_eq!(d.row(ACME).unwrap().team_alarm, None);
    // A customer message below the staff reply, read late from history: answered already.
    d.apply(
        Event::HistoryMessage(Message {
            chat: ACME,
            id: 1,
            sender: Sender::User(CUSTOMER),
            date: T0 - 60,
            outgoing: false,
            preview: "site down".into(),
            content: desk::ContentKind::Text,
        }),
        T0,
    );
    assert_eq!(d.row(ACME).unwrap().team_alarm, None);
}

#[test]
fn a_clear_clears_it_and_only_later_messages_raise_it_again() {
    let mut d = desk_with_stop_words();
    customer_says(&mut d, ACME, 1, T0 + 5, "KYC failed");
    // The lead clears it at T0 + 10 (the duty-group message's date).
    post(&mut d, 10, LEAD, &clear(ACME));
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
    // The same customer message read again (history after a restart): nothing.
    customer_says(&mut d, ACME, 1, T0 + 5, "KYC failed");
    assert_eq!(d.row(ACME).unwrap().team_alarm, None);
    // A new one after the clear raises it again.
    customer_says(&mut d, ACME, 2, T0 + 20, "security issue!");
    let a = d.row(ACME).unwrap().team_alarm.unwrap();
    assert_eq!(a.stop_word.as_deref(), Some("security"));
}

#[test]
fn a_clear_that_arrives_late_still_clears_what_came_before_it() {
    let mut d = desk_with_stop_words();
    post(&mut d, 10, LEAD, &clear(ACME));
    customer_says(&mut d, ACME, 1, T0 + 5, "payment failed");
    assert_eq!(
        d.row(ACME).unwrap().team_alarm,
        None,
        "dated before the clear"
    );
}

#[test]
fn the_teams_own_list_replaces_the_starting_one() {
    let mut d = team_desk();
    publish(
        &mut d,
        10,
        LEAD,
        "[alarms]\nstop_words = [\"refund now\"]\n",
    );
    customer_says(&mut d, ACME, 1, T0 + 20, "site down");
    assert_eq!(d.row(ACME).unwrap().team_alarm, None);
    customer_says(&mut d, INITECH, 1, T0 + 20, "I want a REFUND\tnow");
    assert!(d.row(INITECH).unwrap().team_alarm.is_some());
}

#[test]
fn without_a_duty_group_stop_words_are_off() {
    let mut d = desk::Desk::new(desk::Settings::default());
    d.apply(
        Event::ChatAdded {
            chat: ACME,
            kind: desk::ChatKind::Supergroup,
            title: "ACME".into(),
        },
        T0,
    );
    customer_says(&mut d, ACME, 1, T0, "site down");
    assert_eq!(d.row(ACME).unwrap().status, Status::Waiting);
}
