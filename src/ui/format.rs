//! Short human strings for times and durations, as the dense rows need them, in the
//! current language: the words and patterns come from the catalog (`time.ftl`), the
//! arithmetic and the time zone from here.

use chrono::{Datelike, Local, NaiveDateTime, TimeZone, Timelike, Utc, Weekday};
use i18n::t;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// A waiting time in the list: "<1m", "12m", "1h05", "3d" in English. Whole minutes only,
/// so the clock need not tick every second.
pub fn waiting(secs: i64) -> String {
    let secs = secs.max(0);
    // The value the words depend on: minutes up to a day (0 under one), then whole days.
    let shown = match secs {
        0..86_400 => secs / 60,
        _ => secs / 86_400 * 1440,
    };
    memo(Label::Waiting, shown, || waiting_words(secs))
}

fn waiting_words(secs: i64) -> String {
    match secs {
        0..60 => t!("time-waiting-under-minute"),
        60..3600 => t!("time-waiting-minutes", minutes = secs / 60),
        3600..86_400 => t!(
            "time-waiting-hours",
            hours = secs / 3600,
            minutes = (secs % 3600) / 60
        ),
        _ => t!("time-waiting-days", days = secs / 86_400),
    }
}

/// Seconds until `waiting(secs)` shows something else: the next whole minute, or the next
/// whole day once it counts days.
pub fn waiting_changes_in(secs: i64) -> i64 {
    let secs = secs.max(0);
    if secs < 86_400 {
        60 - secs % 60
    } else {
        86_400 - secs % 86_400
    }
}

/// A message time: "14:05" today, "Mon 14:05" this week, else "2026-11-03" in English.
pub fn time(unix: i64, now: i64) -> String {
    let shape = time_shape(now - unix);
    // Zone offsets are whole minutes: the minute decides the words.
    memo(Label::Time(shape), unix.div_euclid(60), || {
        time_words(unix, shape)
    })
}

/// How a message time is written, by its age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum TimeShape {
    Today,
    ThisWeek,
    Date,
}

fn time_shape(age: i64) -> TimeShape {
    if (0..86_400).contains(&age) || (-300..0).contains(&age) {
        TimeShape::Today
    } else if (0..7 * 86_400).contains(&age) {
        TimeShape::ThisWeek
    } else {
        TimeShape::Date
    }
}

/// Which label a memoised text is (`memo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Label {
    Waiting,
    Time(TimeShape),
}

/// Labels formatted before, by language, wall clock and value. Every row of the list shows
/// a time or a wait, every frame; formatting them (the time zone, Fluent's arguments) cost
/// a dozen allocations a row, which on a fragmented heap was most of a frame's time.
type Memo = HashMap<(i18n::Language, bool, Label, i64), String>;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(HashMap::new());
}

/// Labels kept at most; then the memo starts again (a list shows a few dozen at once).
const MEMO_MAX: usize = 4096;

fn memo(label: Label, value: i64, make: impl FnOnce() -> String) -> String {
    let key = (i18n::language(), UTC.load(Ordering::Relaxed), label, value);
    MEMO.with(|m| {
        if let Some(s) = m.borrow().get(&key) {
            return s.clone();
        }
        let s = make();
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_MAX {
            m.clear();
        }
        m.insert(key, s.clone());
        s
    })
}

fn time_words(unix: i64, shape: TimeShape) -> String {
    let Some(t) = wall_clock(unix) else {
        return String::new();
    };
    let (hour, minute) = (t.hour(), t.minute());
    match shape {
        TimeShape::Today => t!("time-today", hour = hour, minute = minute),
        TimeShape::ThisWeek => t!(
            "time-this-week",
            weekday = weekday_key(t.weekday()),
            hour = hour,
            minute = minute
        ),
        TimeShape::Date => t!(
            "time-date",
            year = t.year(),
            month = t.month(),
            day = t.day()
        ),
    }
}

/// The wall clock's time of day, "14:05" (a quick reply's `{time}`).
pub fn clock(unix: i64) -> String {
    wall_clock(unix)
        .map(|t| t!("time-today", hour = t.hour(), minute = t.minute()))
        .unwrap_or_default()
}

/// The wall clock's date, "2026-11-03" in English (a quick reply's `{date}`).
pub fn date(unix: i64) -> String {
    wall_clock(unix)
        .map(|t| {
            t!(
                "time-date",
                year = t.year(),
                month = t.month(),
                day = t.day()
            )
        })
        .unwrap_or_default()
}

/// The wall clock's offset from UTC at `unix`, in seconds (0 when `use_utc` says so): what
/// "tomorrow 09:00" means here.
pub fn utc_offset(unix: i64) -> i64 {
    if UTC.load(Ordering::Relaxed) {
        return 0;
    }
    Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or(0, |t| i64::from(t.offset().local_minus_utc()))
}

/// `unix` on the wall clock: local time, or UTC when `use_utc` says so.
fn wall_clock(unix: i64) -> Option<NaiveDateTime> {
    if UTC.load(Ordering::Relaxed) {
        Utc.timestamp_opt(unix, 0).single().map(|t| t.naive_utc())
    } else {
        Local
            .timestamp_opt(unix, 0)
            .single()
            .map(|t| t.naive_local())
    }
}

/// The wall clock's offset from UTC at `unix`, in minutes (0 when `use_utc` says so): a
/// quoted message's time in a task is written with it.
pub fn utc_offset_minutes(unix: i64) -> i32 {
    use chrono::Offset;
    if UTC.load(Ordering::Relaxed) {
        return 0;
    }
    Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc() / 60)
}

/// The catalog's key for a weekday (`time-this-week` selects its name by it).
fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// Show times in UTC instead of local time: snapshots must not depend on the machine's
/// time zone.
pub fn use_utc(utc: bool) {
    UTC.store(utc, Ordering::Relaxed);
}

static UTC: AtomicBool = AtomicBool::new(false);

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::{Language, with_language};

    /// 2026-11-03 14:05:00 UTC, a Tuesday.
    const TUESDAY: i64 = 1_793_714_700;

    /// Times in UTC whatever the machine's zone; the language is this thread's only.
    fn time_in(language: Language, unix: i64, now: i64) -> String {
        use_utc(true);
        with_language(language, || time(unix, now))
    }

    #[test]
    fn message_times_follow_the_language() {
        let week_later = TUESDAY + 3 * 86_400;
        assert_eq!(time_in(Language::En, TUESDAY, TUESDAY + 60), "14:05");
        assert_eq!(time_in(Language::En, TUESDAY, week_later), "Tue 14:05");
        assert_eq!(time_in(Language::Ru, TUESDAY, week_later), "вт 14:05");
        assert_eq!(time_in(Language::De, TUESDAY, week_later), "Di 14:05");
        assert_eq!(time_in(Language::Pl, TUESDAY, week_later), "wt 14:05");
        let months_later = TUESDAY + 60 * 86_400;
        assert_eq!(time_in(Language::En, TUESDAY, months_later), "2026-11-03");
        assert_eq!(time_in(Language::Ru, TUESDAY, months_later), "03.11.2026");
        assert_eq!(time_in(Language::De, TUESDAY, months_later), "03.11.2026");
        assert_eq!(time_in(Language::Pl, TUESDAY, months_later), "03.11.2026");
        // A message dated a little ahead of our clock is still "today".
        assert_eq!(time_in(Language::Ru, TUESDAY + 120, TUESDAY), "14:07");
    }

    #[test]
    fn every_weekday_has_its_own_name() {
        for &language in Language::SHIPPED {
            let names: std::collections::BTreeSet<String> = (1..=7)
                .map(|d| time_in(language, TUESDAY + d * 86_400, TUESDAY + 7 * 86_400 + 60))
                .collect();
            assert_eq!(names.len(), 7, "{language:?}: {names:?}");
        }
    }

    #[test]
    fn waiting_strings_in_russian() {
        let ru = |secs| with_language(Language::Ru, || waiting(secs));
        assert_eq!(ru(30), "<1\u{a0}мин");
        assert_eq!(ru(600), "10\u{a0}мин");
        assert_eq!(ru(3900), "1\u{a0}ч\u{a0}05");
        assert_eq!(ru(3 * 86_400 + 5), "3\u{a0}дн");
    }

    #[test]
    fn waiting_strings_in_german_and_polish() {
        let de = |secs| with_language(Language::De, || waiting(secs));
        assert_eq!(de(30), "<1\u{a0}Min.");
        assert_eq!(de(600), "10\u{a0}Min.");
        assert_eq!(de(3900), "1\u{a0}Std.\u{a0}05");
        assert_eq!(de(3 * 86_400 + 5), "3\u{a0}Tg.");
        let pl = |secs| with_language(Language::Pl, || waiting(secs));
        assert_eq!(pl(30), "<1\u{a0}min");
        assert_eq!(pl(600), "10\u{a0}min");
        assert_eq!(pl(3900), "1\u{a0}h\u{a0}05");
        assert_eq!(pl(3 * 86_400 + 5), "3\u{a0}d");
    }

    #[test]
    fn remembered_labels_are_the_ones_formatted_afresh() {
        // Asked twice in every language, interleaved: the memo answers the second time,
        // and must say what formatting says, never another language's or value's words.
        for _ in 0..2 {
            for &language in Language::SHIPPED {
                with_language(language, || {
                    for secs in (0..3 * 86_400).step_by(1_777).chain([86_399, 86_400]) {
                        assert_eq!(waiting(secs), waiting_words(secs.max(0)), "{secs}");
                        let unix = TUESDAY - secs;
                        let fresh = |t: i64| time_words(t, time_shape(TUESDAY - t));
                        assert_eq!(time(unix, TUESDAY), fresh(unix), "{secs}");
                        let old = TUESDAY - 40 * secs;
                        assert_eq!(time(old, TUESDAY), fresh(old), "{secs}");
                    }
                });
            }
        }
    }

    #[test]
    fn waiting_strings() {
        let waiting = |secs| with_language(Language::En, || waiting(secs));
        assert_eq!(waiting(-5), "<1m");
        assert_eq!(waiting(59), "<1m");
        assert_eq!(waiting(600), "10m");
        assert_eq!(waiting(3900), "1h05");
        assert_eq!(waiting(3 * 86_400 + 5), "3d");
    }

    #[test]
    fn waiting_labels_change_when_predicted() {
        let waiting = |secs| with_language(Language::En, || waiting(secs));
        for secs in [
            -5,
            0,
            59,
            60,
            599,
            3599,
            3600,
            86_399,
            86_400,
            3 * 86_400 + 5,
        ] {
            let next = secs.max(0) + waiting_changes_in(secs);
            assert_ne!(waiting(next - 1), waiting(next), "{secs}");
            assert!(
                (secs.max(0)..next - 1).all(|s| waiting(s) == waiting(secs)),
                "{secs}"
            );
        }
    }
}
