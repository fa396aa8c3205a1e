//! Red and breach on the list in business hours: a wait counts only the calendar's open
//! seconds, so a message at 23:00 turns red minutes after the next working day opens, and
//! the desk's next deadline (when the window wakes) is that moment, not ten minutes later.

use super::*;
use desk::WaitClock;
use desk::calendar::{BusinessCalendar, WeekHours, Zone, parse_hours};
use std::sync::Arc;

/// Monday to Friday 09:00–18:00 UTC.
fn office() -> WaitClock {
    let week = WeekHours::weekdays(&[parse_hours("09:00-18:00").unwrap()]).unwrap();
    WaitClock::Business(Arc::new(BusinessCalendar::new(Zone::utc(), week, [])))
}

/// Tuesday 2026-12-01 00:00 UTC.
const TUESDAY: i64 = 1_796_083_200;
const H: i64 = 3600;
const M: i64 = 60;

#[test]
fn a_message_at_23_turns_red_ten_open_minutes_after_nine() {
    let mut d = desk();
    assert!(d.set_wait_clock(office()).is_empty());
    d.apply(group(10, "ACME"), TUESDAY - 2 * H);
    let monday_23 = TUESDAY - H;
    arrive(&mut d, 10, 1, CUSTOMER, monday_23, monday_23);
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    // The default SLA: red after 10 minutes, breach after 15 — of open time.
    assert_eq!(d.next_deadline(), Some(TUESDAY + 9 * H + 10 * M));
    assert!(
        d.tick(TUESDAY + 8 * H + 59 * M).is_empty(),
        "a night is not waited"
    );
    assert!(d.tick(TUESDAY + 9 * H + 10 * M - 1).is_empty());
    assert_eq!(
        d.tick(TUESDAY + 9 * H + 10 * M),
        vec![Transition::TurnedRed { chat: 10 }]
    );
    assert_eq!(d.next_deadline(), Some(TUESDAY + 9 * H + 15 * M));
    assert_eq!(
        d.tick(TUESDAY + 9 * H + 15 * M),
        vec![Transition::Breached { chat: 10 }]
    );
    assert_eq!(d.row(10).unwrap().status, Status::Breach);
}

#[test]
fn around_the_clock_the_same_message_is_red_at_23_10_and_switching_clocks_re_derives() {
    let mut d = desk();
    d.apply(group(10, "ACME"), TUESDAY - 2 * H);
    let monday_23 = TUESDAY - H;
    arrive(&mut d, 10, 1, CUSTOMER, monday_23, monday_23);
    assert_eq!(d.next_deadline(), Some(monday_23 + 10 * M));
    assert_eq!(
        d.tick(monday_23 + 10 * M),
        vec![Transition::TurnedRed { chat: 10 }]
    );
    // The team sets business hours: the night's wait no longer counts, the chat is back to
    // waiting and its deadline moves to the morning; switching back makes it red again.
    assert!(d.set_wait_clock(office()).is_empty());
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
    assert_eq!(d.next_deadline(), Some(TUESDAY + 9 * H + 10 * M));
    assert_eq!(
        d.set_wait_clock(WaitClock::AroundTheClock),
        vec![Transition::TurnedRed { chat: 10 }]
    );
}

#[test]
fn a_calendar_that_never_opens_never_turns_a_chat_red() {
    let mut d = desk();
    d.set_wait_clock(WaitClock::Business(Arc::new(BusinessCalendar::new(
        Zone::utc(),
        WeekHours::closed(),
        [],
    ))));
    d.apply(group(10, "ACME"), TUESDAY);
    arrive(&mut d, 10, 1, CUSTOMER, TUESDAY, TUESDAY);
    assert_eq!(d.next_deadline(), None);
    assert!(d.tick(TUESDAY + 30 * 24 * H).is_empty());
    assert_eq!(d.row(10).unwrap().status, Status::Waiting);
}
