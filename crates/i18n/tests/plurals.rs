//! Plurals follow each language's CLDR rules, and times each language's patterns: checked
//! on the shipped messages, in a language set for this thread only.

use i18n::{Language, t, with_language};

#[test]
fn russian_plurals_follow_cldr() {
    let cases = [
        (0, "Ещё 0 чатов ждут внимания"),
        (1, "Ещё 1 чат ждёт внимания"),
        (2, "Ещё 2 чата ждут внимания"),
        (5, "Ещё 5 чатов ждут внимания"),
        (11, "Ещё 11 чатов ждут внимания"),
        (21, "Ещё 21 чат ждёт внимания"),
        (22, "Ещё 22 чата ждут внимания"),
        (25, "Ещё 25 чатов ждут внимания"),
        (101, "Ещё 101 чат ждёт внимания"),
        (111, "Ещё 111 чатов ждут внимания"),
    ];
    for (count, expected) in cases {
        let text = with_language(Language::Ru, || {
            t!("notifications-more-chats", count = count)
        });
        assert_eq!(text, expected, "{count}");
    }
}

#[test]
fn fractions_take_each_languages_decimal_separator() {
    let progress = |language| {
        with_language(language, || {
            t!("login-download-progress", done = 5.0, total = 20.5)
        })
    };
    assert_eq!(progress(Language::En), "5.0 of 20.5 MB");
    assert_eq!(progress(Language::Ru), "5,0 из 20,5 МБ");
}

#[test]
fn english_plurals_follow_cldr() {
    let text = |count: u32| {
        with_language(Language::En, || {
            t!("notifications-more-chats", count = count)
        })
    };
    assert_eq!(text(1), "1 more chat needs attention");
    assert_eq!(text(2), "2 more chats need attention");
    assert_eq!(text(0), "0 more chats need attention");
    assert_eq!(text(21), "21 more chats need attention");
}

#[test]
fn times_follow_each_languages_patterns() {
    let week = |language| {
        with_language(language, || {
            t!("time-this-week", weekday = "mon", hour = 9, minute = 5)
        })
    };
    assert_eq!(week(Language::En), "Mon 09:05");
    assert_eq!(week(Language::Ru), "пн 09:05");
    let date = |language| {
        with_language(language, || {
            t!("time-date", year = 2026, month = 11, day = 3)
        })
    };
    assert_eq!(date(Language::En), "2026-11-03");
    assert_eq!(date(Language::Ru), "03.11.2026");
    let hours = with_language(Language::Ru, || {
        t!("time-waiting-hours", hours = 1, minutes = 5)
    });
    assert_eq!(hours, "1\u{a0}ч\u{a0}05");
}

#[test]
fn an_unknown_weekday_key_takes_the_default_variant_not_a_panic() {
    let text = with_language(Language::En, || {
        t!(
            "time-this-week",
            weekday = "someday",
            hour = 23,
            minute = 59
        )
    });
    assert_eq!(text, "Sun 23:59");
}
