//! Property tests of the toolkit's readers of outside text: masking is stable and leaves no
//! digit run of a phone number it was given; templates, guards and toolkit documents never
//! panic on any text; card numbers that pass Luhn are always found.

use desk::toolkit::document::{Origin, parse};
use desk::toolkit::guards::{self, Guard, GuardAction, Pattern};
use desk::toolkit::masking::{MaskWords, Masker, NameIndex, pseudonym};
use desk::toolkit::template::{Template, Values, parse as parse_template, pick};
use proptest::prelude::*;

fn digit_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A phone number's digits written the way people write them.
fn written_phone() -> impl Strategy<Value = (String, String)> {
    (
        proptest::collection::vec(0u8..10, 7..=15),
        any::<bool>(),
        prop::sample::select(vec!["", " ", "-", ".", "\u{a0}"]),
        proptest::collection::vec(1usize..5, 1..6),
        any::<bool>(),
    )
        .prop_map(|(digits, plus, sep, groups, brackets)| {
            let plain: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let mut out = String::new();
            if plus {
                out.push('+');
            }
            let mut at = 0;
            for (i, len) in groups.iter().cycle().enumerate() {
                if at >= plain.len() {
                    break;
                }
                let end = (at + len).min(plain.len());
                if i > 0 {
                    out.push_str(sep);
                }
                let group = &plain[at..end];
                if brackets && i == 1 {
                    out.push('(');
                    out.push_str(group);
                    out.push(')');
                } else {
                    out.push_str(group);
                }
                at = end;
            }
            (plain, out)
        })
}

fn masker_over<'a>(words: &'a MaskWords, names: &'a NameIndex) -> Masker<'a> {
    Masker {
        words,
        names,
        is_staff: &|u| u < 10,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn masking_leaves_no_run_of_the_phone_s_digits(
        (digits, written) in written_phone(),
        before in "[ -~а-я]{0,20}",
        after in "[ -~а-я]{0,20}",
    ) {
        let words = MaskWords::default();
        let names = NameIndex::default();
        let text = format!("{before}{written}{after}");
        let masked = masker_over(&words, &names).text(&text);
        for run in digit_runs(&masked) {
            prop_assert!(run != digits, "{text:?} → {masked:?}");
            prop_assert!(!run.contains(&digits), "{text:?} → {masked:?}");
        }
    }

    #[test]
    fn the_same_customer_gets_the_same_pseudonym(
        user in 10i64..i64::MAX,
        first in "[A-Z][a-z]{2,8}",
        last in "[A-Z][a-z]{2,10}",
        filler in "[a-z ]{0,30}",
    ) {
        let words = MaskWords::default();
        let mut names = NameIndex::default();
        names.add(user, &format!("{first} {last}"));
        let m = masker_over(&words, &names);
        let p = pseudonym(&words, user);
        prop_assert_eq!(&p, &pseudonym(&words, user));
        let once = m.text(&format!("{first} {last}: {filler}")).into_owned();
        let again = m.text(&format!("{first} {last}: {filler}")).into_owned();
        prop_assert_eq!(&once, &again);
        prop_assert!(once.starts_with(&p), "{once}");
    }

    #[test]
    fn masking_never_panics(text in any::<String>(), name in any::<String>()) {
        let words = MaskWords::default();
        let mut names = NameIndex::default();
        names.add(42, &name);
        let _ = masker_over(&words, &names).text(&text);
    }

    #[test]
    fn template_parsing_never_panics(text in any::<String>(), braces in "[{}a-z_ ]{0,40}") {
        for text in [text, braces] {
            if let Ok(t) = Template::new("t", &text, &["order".to_owned()]) {
                let filled = t.fill(&Values { chat_title: Some("ACME"), ..Values::default() }, &["x".into(), "y".into()]);
                for r in filled.filled.iter().chain(filled.missing.iter().map(|m| &m.1)) {
                    prop_assert!(filled.text.get(r.clone()).is_some());
                }
                let _ = pick(std::slice::from_ref(&t), &text);
            }
        }
    }

    #[test]
    fn text_without_braces_is_one_literal(text in "[^{}]{1,60}") {
        let (parts, fields) = parse_template(&text, &[]).unwrap();
        prop_assert_eq!(parts, vec![desk::toolkit::template::Part::Text(text)]);
        prop_assert!(fields.is_empty());
    }

    #[test]
    fn guards_never_panic_and_hits_lie_on_char_boundaries(
        text in any::<String>(),
        word in any::<String>(),
        pattern in "[a-zа-я*?#.\\\\ ]{1,12}",
    ) {
        let guard = Guard {
            name: "g".into(),
            action: GuardAction::Warn,
            words: vec![word.chars().flat_map(char::to_lowercase).collect()],
            patterns: Pattern::new(&pattern).into_iter().collect(),
            cards: true,
        };
        for hit in guards::check(std::slice::from_ref(&guard), &text) {
            prop_assert!(text.get(hit.range.clone()).is_some());
            prop_assert!(hit.range.start < hit.range.end);
        }
    }

    #[test]
    fn a_card_that_passes_luhn_is_found(mut digits in proptest::collection::vec(0u8..10, 12..=18), sep in prop::sample::select(vec!["", " ", "-"])) {
        // The last digit that makes the Luhn sum a multiple of ten.
        let check = (0u8..10).find(|&c| {
            let mut all = digits.clone();
            all.push(c);
            guards::luhn(&all)
        }).unwrap();
        digits.push(check);
        let written: Vec<String> = digits.chunks(4).map(|c| c.iter().map(|d| char::from(b'0' + d)).collect()).collect();
        let text = format!("card: {} thanks", written.join(sep));
        let guard = Guard { name: "cards".into(), action: GuardAction::Block, words: vec![], patterns: vec![], cards: true };
        let hits = guards::check(std::slice::from_ref(&guard), &text);
        prop_assert_eq!(hits.len(), 1, "{}", text);
        prop_assert_eq!(&text[hits[0].range.clone()], written.join(sep));
    }

    #[test]
    fn toolkit_documents_never_panic(text in any::<String>(), toml in "(\\[\\[?(toolkit\\.)?(quick_replies|tags|sla_tiers|guards)(\\.[a-z]{1,3})?\\]\\]?\n([a-z_]{1,12} = (\"[^\"\n]{0,20}\"|[0-9]{1,3}|true|\\[\\])\n){0,4}){0,4}") {
        let _ = parse(&text, Origin::Team);
        let _ = parse(&text, Origin::Config);
        let _ = parse(&toml, Origin::Team);
        let _ = parse(&toml, Origin::Config);
    }
}
