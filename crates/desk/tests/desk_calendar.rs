//! The business-hours calendar: known days (a night, a weekend, a holiday, DST changes in
//! Berlin and New York) and properties against a naive minute-by-minute oracle.

use desk::calendar::{
    BusinessCalendar, CivilDate, WaitClock, WeekHours, Zone, parse_date, parse_hours,
};
use proptest::prelude::*;

const H: i64 = 3600;

fn date(text: &str) -> CivilDate {
    parse_date(text).unwrap()
}

/// Berlin, Monday to Friday 09:00–18:00, Good Friday 2026 off.
fn berlin_office() -> BusinessCalendar {
    let week = WeekHours::weekdays(&[parse_hours("09:00-18:00").unwrap()]).unwrap();
    BusinessCalendar::new(
        Zone::named("Europe/Berlin").unwrap(),
        week,
        [date("2026-04-03")],
    )
}

/// Open around the clock every day, in `zone`.
fn always(zone: &str) -> BusinessCalendar {
    let mut week = WeekHours::closed();
    for d in 0..7 {
        week.set(d, vec![(0, 86_400)]).unwrap();
    }
    BusinessCalendar::new(Zone::named(zone).unwrap(), week, [])
}

fn at(cal: &BusinessCalendar, day: &str, hh: u32, mm: u32) -> i64 {
    cal.zone().instant(date(day), hh * 3600 + mm * 60)
}

#[test]
fn a_message_at_23_starts_its_clock_at_9_the_next_working_day() {
    let cal = berlin_office();
    // Tuesday 2026-03-10, 23:00.
    let late = at(&cal, "2026-03-10", 23, 0);
    let nine = at(&cal, "2026-03-11", 9, 0);
    assert_eq!(cal.next_business_instant(late), Some(nine));
    assert_eq!(cal.business_secs(late, nine), 0);
    assert_eq!(
        cal.deadline(late, 600),
        Some(nine + 600),
        "red after ten business minutes"
    );
    assert_eq!(cal.business_secs(late, nine + 600), 600);
    let clock = WaitClock::Business(std::sync::Arc::new(cal.clone()));
    assert_eq!(clock.elapsed(late, nine + 600), 600);
    assert_eq!(
        WaitClock::AroundTheClock.elapsed(late, nine + 600),
        10 * H + 600
    );
}

#[test]
fn a_friday_evening_wait_runs_on_monday_and_skips_the_holiday() {
    let cal = berlin_office();
    // Thursday 2026-04-02 17:55; Friday the 3rd is a holiday; Monday the 6th is open.
    let start = at(&cal, "2026-04-02", 17, 55);
    assert_eq!(cal.deadline(start, 600), Some(at(&cal, "2026-04-06", 9, 5)));
    assert_eq!(
        cal.business_secs(start, at(&cal, "2026-04-06", 12, 0)),
        300 + 3 * H
    );
    assert!(!cal.is_open(at(&cal, "2026-04-03", 10, 0)), "holiday");
    assert!(!cal.is_open(at(&cal, "2026-04-04", 10, 0)), "Saturday");
    assert!(cal.is_open(at(&cal, "2026-04-06", 9, 0)));
    assert!(
        !cal.is_open(at(&cal, "2026-04-06", 18, 0)),
        "closing time is closed"
    );
}

#[test]
fn dst_days_are_as_long_as_they_really_are() {
    for (zone, spring, fall) in [
        ("Europe/Berlin", "2026-03-29", "2026-10-25"),
        ("America/New_York", "2026-03-08", "2026-11-01"),
    ] {
        let cal = always(zone);
        let z = cal.zone();
        let day = |d: &str| (z.day_start(date(d)), z.day_start(date(d).next()));
        let (a, b) = day(spring);
        assert_eq!(cal.business_secs(a, b), 23 * H, "{zone} spring");
        let (a, b) = day(fall);
        assert_eq!(cal.business_secs(a, b), 25 * H, "{zone} fall");
    }
    // Open 02:00-03:00 only: that hour does not exist on the spring-forward day.
    let mut week = WeekHours::closed();
    week.set(6, vec![(2 * 3600, 3 * 3600)]).unwrap();
    let cal = BusinessCalendar::new(Zone::named("Europe/Berlin").unwrap(), week, []);
    let z = cal.zone();
    let sunday = date("2026-03-29");
    assert_eq!(
        cal.business_secs(z.day_start(sunday), z.day_start(sunday.next())),
        0
    );
    // On the fall-back Sunday it happens twice: the range opens at the first 02:00 and
    // closes at 03:00, two real hours later.
    let sunday = date("2026-10-25");
    assert_eq!(
        cal.business_secs(z.day_start(sunday), z.day_start(sunday.next())),
        2 * H
    );
}

#[test]
fn a_closed_week_never_opens_and_overlaps_are_refused() {
    let cal = BusinessCalendar::new(Zone::utc(), WeekHours::closed(), []);
    assert_eq!(cal.next_business_instant(1_700_000_000), None);
    assert_eq!(cal.deadline(1_700_000_000, 60), None);
    assert_eq!(cal.business_secs(0, 1_700_000_000), 0);
    let mut week = WeekHours::closed();
    let err = week
        .set(0, vec![(9 * 3600, 12 * 3600), (11 * 3600, 13 * 3600)])
        .unwrap_err();
    assert!(err.contains("overlaps"), "{err}");
    week.set(0, vec![(9 * 3600, 12 * 3600), (12 * 3600, 13 * 3600)])
        .unwrap();
    assert_eq!(
        week.on(0),
        &[(9 * 3600, 13 * 3600)],
        "touching ranges merge"
    );
}

/// Naive: open seconds counted minute by minute from the wall clock (instants on minutes).
fn naive_secs(cal: &BusinessCalendar, a: i64, b: i64) -> i64 {
    let holidays: Vec<CivilDate> = cal.holidays().collect();
    let mut total = 0;
    let mut t = a;
    while t < b {
        let local = cal.zone().local(t);
        let open = !holidays.contains(&local.date)
            && cal
                .week()
                .on(local.date.weekday())
                .iter()
                .any(|&(s, e)| s <= local.secs_of_day && local.secs_of_day < e);
        if open {
            total += 60;
        }
        t += 60;
    }
    total
}

/// Minutes around the 2026 DST changes in Berlin, so most cases cross nights, weekends,
/// the holiday and a clock change.
fn minute() -> impl Strategy<Value = i64> {
    let base = 1_774_000_000 - 1_774_000_000 % 60; // 2026-03-20
    prop_oneof![
        (0i64..20 * 1440).prop_map(move |m| base + m * 60),
        (0i64..10 * 1440).prop_map(|m| 1_792_000_000 - 1_792_000_000 % 60 + m * 60), // late Oct
    ]
}

fn calendars() -> impl Strategy<Value = BusinessCalendar> {
    prop_oneof![
        Just(berlin_office()),
        Just(always("Europe/Berlin")),
        Just(always("Asia/Kolkata")),
        // Two ranges a day, Saturday mornings too, New York.
        Just({
            let mut week =
                WeekHours::weekdays(&[(8 * 3600, 12 * 3600), (13 * 3600, 17 * 3600 + 1800)])
                    .unwrap();
            week.set(5, vec![(9 * 3600, 12 * 3600)]).unwrap();
            BusinessCalendar::new(
                Zone::named("America/New_York").unwrap(),
                week,
                [date("2026-03-25")],
            )
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn business_secs_agree_with_the_naive_count(cal in calendars(), a in minute(), len in 0i64..4 * 1440) {
        let b = a + len * 60;
        prop_assert_eq!(cal.business_secs(a, b), naive_secs(&cal, a, b));
    }

    #[test]
    fn business_secs_are_monotonic_additive_and_bounded(
        cal in calendars(), a in minute(), x in 0i64..400_000, y in 0i64..400_000, z in 0i64..400_000,
    ) {
        let (m, c) = (a + x, a + x + y);
        let whole = cal.business_secs(a, c);
        prop_assert_eq!(whole, cal.business_secs(a, m) + cal.business_secs(m, c), "additive");
        prop_assert!(cal.business_secs(a, c + z) >= whole, "monotonic");
        prop_assert!(whole <= c - a && whole >= 0, "bounded by wall time");
        prop_assert_eq!(cal.business_secs(c, a), 0, "nothing backwards");
        let tl = cal.timeline(a, c + z);
        prop_assert_eq!(tl.business_secs(m, c), cal.business_secs(m, c), "timeline");
        prop_assert_eq!(tl.business_secs(a, c + z), cal.business_secs(a, c + z));
        let hint = tl.opened_by(a);
        prop_assert_eq!(tl.business_secs_after(hint, m, c + z), cal.business_secs(m, c + z), "hinted");
    }

    #[test]
    fn the_next_business_instant_is_open_and_nothing_before_it_is(cal in calendars(), t in minute(), s in 0i64..60) {
        let t = t + s;
        let next = cal.next_business_instant(t).expect("these calendars open");
        prop_assert!(next >= t);
        prop_assert!(cal.is_open(next));
        prop_assert_eq!(cal.business_secs(t, next), 0, "zero outside hours");
        if cal.is_open(t) { prop_assert_eq!(next, t); }
    }

    #[test]
    fn a_deadline_is_the_first_instant_with_that_much_business_time(cal in calendars(), t in minute(), secs in 1i64..200_000) {
        let d = cal.deadline(t, secs).expect("these calendars open");
        prop_assert_eq!(cal.business_secs(t, d), secs);
        prop_assert!(cal.business_secs(t, d - 1) < secs);
    }

    #[test]
    fn parsers_of_outside_text_never_panic(text in ".{0,24}") {
        let _ = parse_hours(&text);
        let _ = parse_date(&text);
        let _ = Zone::named(&text);
    }

    #[test]
    fn ranges_round_trip(h1 in 0u32..24, m1 in 0u32..60, len in 1u32..600) {
        let start = h1 * 3600 + m1 * 60;
        let end = (start + len * 60).min(86_400);
        prop_assume!(end > start);
        let text = format!("{:02}:{:02}-{:02}:{:02}", start / 3600, start % 3600 / 60, end / 3600, end % 3600 / 60);
        prop_assert_eq!(parse_hours(&text), Ok((start, end)));
    }
}
