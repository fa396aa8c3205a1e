//! The pseudo-locale: every English message about 40% longer, in brackets, with accented
//! letters, and the arguments exactly as passed.

mod common;

use i18n::{FluentArgs, Language, t, with_language};

#[test]
fn every_message_grows_by_forty_percent_with_its_arguments_intact() {
    let english = common::ftl::locales().remove("en").unwrap();
    for id in english.messages.keys() {
        let mut args = FluentArgs::new();
        for name in english.variables(id) {
            args.set(name, 7);
        }
        let args = Some(&args);
        let plain = Language::En.try_format(id, args).unwrap();
        let pseudo = Language::Pseudo.try_format(id, args).unwrap();
        let (p, e) = (pseudo.chars().count(), plain.chars().count());
        assert!(
            pseudo.starts_with('[') && pseudo.ends_with(']'),
            "{id}: {pseudo}"
        );
        assert_eq!(
            pseudo.matches('7').count(),
            plain.matches('7').count(),
            "{id}: {plain} -> {pseudo}"
        );
        let letters = plain.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 0 {
            // The words grow by 40% at least (arguments do not), plus the brackets.
            assert!(
                p - e >= 2 + (2 * letters).div_ceil(5),
                "{id}: {plain} ({e}) -> {pseudo} ({p})"
            );
            assert_ne!(pseudo.trim_matches(['[', ']']), plain, "{id}: not accented");
        } else {
            // Only digits and punctuation ("07:07"): the brackets are all it gains.
            assert_eq!(pseudo, format!("[{plain}]"), "{id}");
        }
    }
}

#[test]
fn text_arguments_come_out_as_passed() {
    let body = with_language(Language::Pseudo, || {
        t!(
            "notifications-message-body",
            chat_title = "Acme Support",
            preview = "Hello there"
        )
    });
    assert_eq!(body, "[Acme Support: Hello there]");
    let found = with_language(Language::Pseudo, || {
        t!("doctor-config-found", path = "/home/ann/config.toml")
    });
    assert!(found.starts_with("[/home/ann/config.toml ("), "{found}");
    assert!(found.contains("ƒ") || found.contains('ö'), "{found}");
}
