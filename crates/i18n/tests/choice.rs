//! Which language DutyDesk speaks, and English whenever a wish cannot be met: an unknown
//! setting, an OS language without a catalog, a message a language lacks.

use i18n::{Catalog, Choice, Language, Origin, Source, t, valid_setting, with_language};

fn os(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

#[test]
fn a_setting_names_the_language_whatever_the_os_prefers() {
    let choice = Choice::from_setting("ru", &os(&["en-US"]));
    assert_eq!(choice.language, Language::Ru);
    assert_eq!(choice.origin, Origin::Setting);
    assert_eq!(choice.unmatched, None);
    for tag in ["RU", "ru-RU", "ru_RU.UTF-8"] {
        assert_eq!(
            Choice::from_setting(tag, &[]).language,
            Language::Ru,
            "{tag}"
        );
    }
    for (tag, language) in [
        ("de", Language::De),
        ("de-CH", Language::De),
        ("PL", Language::Pl),
    ] {
        assert_eq!(Choice::from_setting(tag, &[]).language, language, "{tag}");
    }
    assert_eq!(
        Choice::from_setting("pseudo", &[]).language,
        Language::Pseudo
    );
}

#[test]
fn an_unknown_setting_falls_back_to_english_with_a_notice() {
    let choice = Choice::from_setting("fr", &os(&["ru-RU"]));
    assert_eq!(choice.language, Language::En);
    assert_eq!(choice.origin, Origin::Setting);
    assert_eq!(choice.unmatched.as_deref(), Some("fr"));
    // The notice goes to the log; it must not panic without a subscriber either.
    choice.log();
    let text = with_language(choice.language, || t!("notifications-open-chat"));
    assert_eq!(text, "Open chat");
}

#[test]
fn auto_takes_the_first_os_language_the_catalog_has() {
    let choice = Choice::from_setting("auto", &os(&["fr-FR", "ru-RU", "en-US"]));
    assert_eq!((choice.language, choice.origin), (Language::Ru, Origin::Os));
    assert_eq!(choice.unmatched, None);
    let choice = Choice::from_setting("auto", &os(&["fr-FR", "pl-PL", "de-DE"]));
    assert_eq!((choice.language, choice.origin), (Language::Pl, Origin::Os));
    let choice = Choice::from_setting("auto", &os(&["de_AT.UTF-8", "en-US"]));
    assert_eq!((choice.language, choice.origin), (Language::De, Origin::Os));
    let choice = Choice::from_setting("auto", &os(&["ja-JP"]));
    assert_eq!(choice.language, Language::En);
    assert_eq!(choice.unmatched.as_deref(), Some("ja-JP"));
    // "C" names no language: English, and nothing to report.
    let choice = Choice::from_setting("auto", &os(&["C"]));
    assert_eq!((choice.language, choice.unmatched), (Language::En, None));
    assert_eq!(Choice::from_setting("", &[]).language, Language::En);
}

#[test]
fn the_setting_must_look_like_a_language_code() {
    for ok in [
        "auto",
        "en",
        "ru",
        "RU",
        "pt-BR",
        "de",
        "zh-Hant-TW",
        "pseudo",
    ] {
        assert!(valid_setting(ok), "{ok}");
    }
    for bad in ["", "русский", "english!", "e", "r u", "toolongcode"] {
        assert!(!valid_setting(bad), "{bad}");
    }
}

static PARTIAL: [Source; 2] = [
    Source {
        code: "en",
        files: &["greeting = Hello\nfarewell = Goodbye, { $name }\n"],
    },
    Source {
        code: "xx",
        files: &["greeting = Xello\n"],
    },
];

#[test]
fn a_message_a_language_lacks_comes_from_english() {
    let catalog = Catalog::new(&PARTIAL);
    assert_eq!(catalog.format(1, "greeting", None), "Xello");
    let mut args = i18n::FluentArgs::new();
    args.set("name", "Ann");
    assert_eq!(catalog.format(1, "farewell", Some(&args)), "Goodbye, Ann");
    assert_eq!(
        catalog.try_format(1, "farewell", Some(&args)).as_deref(),
        Ok("Goodbye, Ann")
    );
}

#[test]
fn a_message_no_language_has_comes_out_as_its_id() {
    let catalog = Catalog::new(&PARTIAL);
    assert_eq!(catalog.format(1, "nowhere", None), "nowhere");
    assert!(matches!(
        catalog.try_format(0, "nowhere", None),
        Err(i18n::FormatError::Missing { .. })
    ));
    // A missing argument is reported, and the text still comes out.
    let err = catalog.try_format(0, "farewell", None).unwrap_err();
    assert!(
        matches!(&err, i18n::FormatError::Broken { text, .. } if text.starts_with("Goodbye, ")),
        "{err:?}"
    );
    assert_eq!(catalog.format(0, "farewell", None), "Goodbye, {$name}");
}

#[test]
fn the_process_wide_language_reaches_every_thread_and_an_override_only_its_own() {
    i18n::set_language(Language::Ru);
    let elsewhere = std::thread::spawn(|| t!("notifications-open-chat"))
        .join()
        .unwrap();
    let here = with_language(Language::En, || t!("notifications-open-chat"));
    let after = i18n::language();
    i18n::set_language(Language::En);
    assert_eq!(elsewhere, "Открыть чат");
    assert_eq!(here, "Open chat");
    assert_eq!(after, Language::Ru, "the override ends with its closure");
}
