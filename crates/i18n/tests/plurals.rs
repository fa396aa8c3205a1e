//! Plurals follow each language's CLDR rules, and times each language's patterns: checked
//! on the shipped messages, in a language set for this thread only. Every plural selector
//! in a language's files names only that language's CLDR categories.

mod common;

use std::collections::BTreeSet;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement, VariantKey};
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
fn german_plurals_follow_cldr() {
    let cases = [
        (0, "0 weitere Chats brauchen Aufmerksamkeit"),
        (1, "1 weiterer Chat braucht Aufmerksamkeit"),
        (2, "2 weitere Chats brauchen Aufmerksamkeit"),
        (5, "5 weitere Chats brauchen Aufmerksamkeit"),
        (21, "21 weitere Chats brauchen Aufmerksamkeit"),
        (101, "101 weitere Chats brauchen Aufmerksamkeit"),
    ];
    for (count, expected) in cases {
        let text = with_language(Language::De, || {
            t!("notifications-more-chats", count = count)
        });
        assert_eq!(text, expected, "{count}");
    }
}

#[test]
fn polish_plurals_follow_cldr() {
    let cases = [
        (0, "Jeszcze 0 czatów wymaga uwagi"),
        (1, "Jeszcze 1 czat wymaga uwagi"),
        (2, "Jeszcze 2 czaty wymagają uwagi"),
        (4, "Jeszcze 4 czaty wymagają uwagi"),
        (5, "Jeszcze 5 czatów wymaga uwagi"),
        (12, "Jeszcze 12 czatów wymaga uwagi"),
        (14, "Jeszcze 14 czatów wymaga uwagi"),
        (21, "Jeszcze 21 czatów wymaga uwagi"),
        (22, "Jeszcze 22 czaty wymagają uwagi"),
        (25, "Jeszcze 25 czatów wymaga uwagi"),
        (101, "Jeszcze 101 czatów wymaga uwagi"),
        (112, "Jeszcze 112 czatów wymaga uwagi"),
        (122, "Jeszcze 122 czaty wymagają uwagi"),
    ];
    for (count, expected) in cases {
        let text = with_language(Language::Pl, || {
            t!("notifications-more-chats", count = count)
        });
        assert_eq!(text, expected, "{count}");
    }
}

/// The CLDR cardinal categories `code` gives to 0..=200 and to a few fractions, as Fluent
/// (the catalog's own resolver) picks them.
fn categories(code: &str) -> BTreeSet<String> {
    let mut bundle = FluentBundle::new(vec![code.parse().expect("a language code")]);
    bundle.set_use_isolating(false);
    let probe = "probe = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n \
                 [many] many\n *[other] other\n }\n";
    let resource = FluentResource::try_new(probe.to_string()).expect("the probe parses");
    bundle.add_resource(resource).expect("one resource");
    let pattern = bundle.get_message("probe").and_then(|m| m.value()).unwrap();
    let numbers = (0..=200).map(f64::from).chain([0.5, 1.5, 2.5, 5.5]);
    numbers
        .map(|n| {
            let mut args = FluentArgs::new();
            args.set("n", n);
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{errors:?}");
            text.into_owned()
        })
        .collect()
}

#[test]
fn the_probe_knows_each_languages_categories() {
    let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(categories("en"), set(&["one", "other"]));
    assert_eq!(categories("de"), set(&["one", "other"]));
    assert_eq!(categories("ru"), set(&["one", "few", "many", "other"]));
    assert_eq!(categories("pl"), set(&["one", "few", "many", "other"]));
}

/// Every `[key]` of every select whose keys are plural categories, with its message.
fn plural_keys(pattern: &Pattern<&str>, id: &str, out: &mut Vec<(String, String)>) {
    const CLDR: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        let Expression::Select { variants, .. } = expression else {
            continue;
        };
        let keys: Vec<&str> = variants
            .iter()
            .filter_map(|v| match &v.key {
                VariantKey::Identifier { name } => Some(*name),
                VariantKey::NumberLiteral { .. } => None,
            })
            .collect();
        if !keys.is_empty() && keys.iter().all(|k| CLDR.contains(k)) {
            out.extend(keys.iter().map(|k| (id.to_string(), k.to_string())));
        }
        for variant in variants {
            plural_keys(&variant.value, id, out);
        }
    }
}

#[test]
fn plural_selectors_name_only_their_languages_categories() {
    let mut wrong = Vec::new();
    let mut selectors = 0;
    for (code, locale) in common::ftl::locales() {
        let allowed = categories(&code);
        for (file, text) in &locale.files {
            let resource = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(r) | Err((r, _)) => r,
            };
            for entry in &resource.body {
                let Entry::Message(m) = entry else { continue };
                let mut keys = Vec::new();
                if let Some(value) = &m.value {
                    plural_keys(value, m.id.name, &mut keys);
                }
                selectors += keys.len();
                for (id, key) in keys {
                    if !allowed.contains(&key) {
                        wrong.push(format!(
                            "{code}/{file}: `{id}` has [{key}], not a {code} category"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        selectors > 20,
        "found almost no plural variants: {selectors}"
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
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
    assert_eq!(progress(Language::De), "5,0 von 20,5 MB");
    assert_eq!(progress(Language::Pl), "5,0 z 20,5 MB");
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
    assert_eq!(week(Language::De), "Mo 09:05");
    assert_eq!(week(Language::Pl), "pn 09:05");
    let date = |language| {
        with_language(language, || {
            t!("time-date", year = 2026, month = 11, day = 3)
        })
    };
    assert_eq!(date(Language::En), "2026-11-03");
    assert_eq!(date(Language::Ru), "03.11.2026");
    assert_eq!(date(Language::De), "03.11.2026");
    assert_eq!(date(Language::Pl), "03.11.2026");
    let hours = with_language(Language::Ru, || {
        t!("time-waiting-hours", hours = 1, minutes = 5)
    });
    assert_eq!(hours, "1\u{a0}ч\u{a0}05");
    let hours = |language| {
        with_language(language, || {
            t!("time-waiting-hours", hours = 1, minutes = 5)
        })
    };
    assert_eq!(hours(Language::De), "1\u{a0}Std.\u{a0}05");
    assert_eq!(hours(Language::Pl), "1\u{a0}h\u{a0}05");
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
