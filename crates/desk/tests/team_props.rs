//! Property tests of the team layer's parsers and fold, over outside text:
//! - the protocol: parse(build(x)) == x for every action, whatever the values (spaces,
//!   Unicode, `=`, `%`, newlines, very long reasons) and whatever the readable text (even
//!   lines that look like machine lines); the parser never panics on arbitrary text
//!   (100,000 cases), nor on the kept corpus (team_props/corpus.txt: inputs that once
//!   mattered, replayed on every run; this stands in for a `cargo fuzz` target, which the
//!   stable-only toolchain here does not run);
//! - the settings parser never panics and its errors point into the document;
//! - stop words never panic, match Cyrillic in any case, never match inside a word;
//! - the fold: twice is once, any order gives the same state (no roster), and a checkpoint
//!   plus the rest is the full replay.

mod team_common;

use desk::team::protocol::{
    Action, MAX_LINE_BYTES, ProtocolError, build, fits_in_one_message, machine_line, parse,
};
use desk::team::settings::parse_settings;
use desk::team::stop_words::StopWords;
use desk::{Event, Sender, TeamMessage};
use proptest::prelude::*;
use team_common::*;

/// Any text, biased towards what a machine line is made of. Drawn as plain numbers and
/// mapped here, which keeps 100,000 cases within seconds in a debug build.
fn texty() -> impl Strategy<Value = String> {
    const PIECES: [&str; 16] = [
        "#dutydesk ",
        "#DutyDesk",
        " v1 ",
        "v2",
        "alarm",
        "take",
        "settings",
        "chat=",
        "reason=",
        "=",
        "%",
        "%4",
        "%E2%80",
        "\n",
        " ",
        "```",
    ];
    prop::collection::vec(any::<u32>(), 0..40).prop_map(|v| {
        let mut out = String::new();
        for n in v {
            match n % 8 {
                0 | 1 => out.push_str(PIECES[(n >> 3) as usize % PIECES.len()]),
                2 => out.push_str(&(n >> 3).to_string()),
                // Any scalar value, surrogates skipped.
                _ => out.push(char::from_u32((n >> 3) % 0x11_0000).unwrap_or('\u{FFFD}')),
            }
        }
        out
    })
}

fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => texty(),
        1 => (texty(), 100usize..600).prop_map(|(t, n)| t.repeat(n).chars().take(6000).collect()),
    ]
}

fn id() -> impl Strategy<Value = i64> {
    prop_oneof![any::<i64>(), -1_000_000_100_000i64..-1_000_000_000_000]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (
            id(),
            proptest::option::of(id()),
            proptest::option::of(long_text())
        )
            .prop_map(|(chat, message, reason)| Action::RaiseAlarm {
                chat,
                message,
                reason
            }),
        id().prop_map(|chat| Action::ClearAlarm { chat }),
        id().prop_map(|chat| Action::Take { chat }),
        (id(), id()).prop_map(|(chat, user)| Action::Assign { chat, user }),
        id().prop_map(|chat| Action::Release { chat }),
        (id(), long_text()).prop_map(|(chat, text)| Action::SetNote { chat, text }),
        id().prop_map(|chat| Action::ClearNote { chat }),
        texty().prop_map(|document| Action::PublishSettings { document }),
    ]
}

/// Readable text that tries to pass for a machine line.
fn readable() -> impl Strategy<Value = String> {
    prop_oneof![
        texty(),
        (texty(), action(), texty())
            .prop_map(|(a, x, b)| format!("{a}\n{}\n{b}", machine_line(&x))),
        (texty(), "[ \t\r\u{2028}\u{85}]{0,3}")
            .prop_map(|(a, ws)| format!("{a}{ws}#DutyDesk v1 take chat=1")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_action_reads_back(readable in readable(), action in action()) {
        let text = build(&readable, &action);
        // Whatever Telegram can carry reads back; a longer machine line is refused whole
        // (values up to 6,000 characters here cross both limits).
        let readable_line = machine_line(&action).len() <= MAX_LINE_BYTES;
        prop_assert!(readable_line || !fits_in_one_message(&text), "sendable means readable");
        if readable_line {
            prop_assert_eq!(parse(&text), Ok(action));
        } else {
            let refused = matches!(parse(&text), Err(ProtocolError::LineTooLong { .. }));
            prop_assert!(refused);
        }
    }

    #[test]
    fn settings_errors_point_into_the_document(doc in settings_like()) {
        if let Err(e) = parse_settings(&doc) {
            prop_assert!(e.line >= 1 && e.line <= doc.lines().count() + 1, "{}", e);
        }
    }

    #[test]
    fn stop_words_match_cyrillic_in_any_case(
        word in "[а-яё]{2,8}( [а-яё]{2,8})?",
        flips in prop::collection::vec(any::<bool>(), 20),
        before in "[ ,.!?\n]{1,3}|",
        after in "[ ,.!?\n]{1,3}|",
        prefix in "[a-zа-я ]{0,10}",
    ) {
        let shouted: String = word
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, &up)| if up { c.to_uppercase().next().unwrap() } else { c })
            .collect();
        let text = format!("{prefix} {before}{shouted}{after}");
        let words = StopWords::new([word.as_str()]);
        prop_assert_eq!(words.find(&text, &mut String::new()), Some(word.as_str()));
    }

    #[test]
    fn stop_words_never_match_inside_a_word(
        word in "[a-zа-я]{2,6}( [a-zа-я]{2,6})?",
        left in "[a-zа-яé0-9_]",
        right in "[a-zа-яé0-9_]",
    ) {
        // Word characters right against both ends: the only occurrence is inside a word.
        let text = format!("{left}{word}{right}");
        let words = StopWords::new([word.as_str()]);
        prop_assert_eq!(words.find(&text, &mut String::new()), None);
    }
}

fn settings_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("[sla]".to_owned()),
        Just("[roster]".to_owned()),
        Just("[alarms]".to_owned()),
        Just("[tags]".to_owned()),
        Just("[[quick_replies]]".to_owned()),
        Just("red_minutes = 5".to_owned()),
        Just("breach_minutes = 1".to_owned()),
        Just("stop_words = [\"a\", 1]".to_owned()),
        Just("clear = \"leads\"".to_owned()),
        Just("123 = [\"lead\"]".to_owned()),
        Just("x = [[[[[[[[[[1]]]]]]]]]]".to_owned()),
        "[a-z_\\[\\]=\" 0-9.{}]{0,30}",
    ];
    prop::collection::vec(line, 0..12).prop_map(|v| v.join("\n"))
}

proptest! {
    // A large count: parsing outside text must never panic. About a second in debug here.
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn the_parser_never_panics(text in texty()) {
        if let Ok(a) = parse(&text) {
            // What it read, it writes back the same.
            prop_assert_eq!(parse(&build("", &a)), Ok(a));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn matching_never_panics(
        words in prop::collection::vec(".{0,12}", 0..4),
        text in ".{0,80}",
    ) {
        let words = StopWords::new(&words);
        let _ = words.find(&text, &mut String::new());
    }

    #[test]
    fn the_settings_parser_never_panics(doc in prop_oneof![settings_like(), ".{0,200}"]) {
        let _ = parse_settings(&doc);
    }
}

#[test]
fn the_corpus_reads_without_panicking_and_reads_back() {
    let corpus = include_str!("team_props/corpus.txt");
    let cases: Vec<&str> = corpus.split("\n=====\n").skip(1).collect();
    assert!(cases.len() >= 20, "the corpus is there");
    let mut ok = 0;
    for case in cases {
        let _ = parse_settings(case);
        let _ = StopWords::new(case.lines()).find(case, &mut String::new());
        if let Ok(a) = parse(case) {
            assert_eq!(parse(&build(case, &a)), Ok(a), "{case:?}");
            ok += 1;
        }
    }
    assert!(ok >= 5, "some corpus entries are good actions");
}

/// A duty-group message from a small cast, about a few chats.
fn team_op() -> impl Strategy<Value = (i64, u8, u8, bool)> {
    // (chat index, sender index, action kind, forwarded)
    (0i64..3, 0u8..5, 0u8..8, prop::bool::weighted(0.1))
}

fn messages(ops: &[(i64, u8, u8, bool)]) -> Vec<TeamMessage> {
    let chats = [ACME, INITECH, ALERTS];
    let senders = [ME, COLLEAGUE, LEAD, OWNER, OUTSIDER];
    ops.iter()
        .enumerate()
        .map(|(i, &(c, s, kind, forwarded))| {
            let chat = chats[c as usize];
            let action = match kind {
                0 | 1 => alarm(chat, "why"),
                2 => clear(chat),
                3 => Action::Take { chat },
                4 => Action::Assign {
                    chat,
                    user: senders[usize::from(s + 1) % 4],
                },
                5 => Action::Release { chat },
                6 => Action::SetNote {
                    chat,
                    text: format!("note {i}"),
                },
                _ => Action::ClearNote { chat },
            };
            let mut m = action_message(i as i64 + 1, senders[usize::from(s)], &action);
            m.forwarded = forwarded;
            m
        })
        .collect()
}

fn fold(d: &mut desk::Desk, ms: &[TeamMessage]) {
    for m in ms {
        d.apply(Event::TeamMessage(m.clone()), m.date);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_fold_is_idempotent_order_free_and_resumable(
        ops in prop::collection::vec(team_op(), 0..40),
        shuffle in prop::collection::vec(any::<prop::sample::Index>(), 40),
        cut in any::<prop::sample::Index>(),
    ) {
        let ms = messages(&ops);
        let mut full = team_desk();
        fold(&mut full, &ms);
        let expected = full.team_checkpoint();
        // Twice is once.
        fold(&mut full, &ms);
        prop_assert_eq!(full.team_checkpoint(), expected.clone());
        // Any order (without a roster, no permission depends on what came before).
        let mut shuffled = ms.clone();
        for (i, pick) in shuffle.iter().enumerate().take(shuffled.len()) {
            let j = pick.index(shuffled.len());
            shuffled.swap(i, j);
        }
        let mut other = team_desk();
        fold(&mut other, &shuffled);
        prop_assert_eq!(other.team_checkpoint(), expected.clone());
        // A checkpoint after k messages, restored, plus the rest.
        let k = cut.index(ms.len() + 1);
        let mut early = team_desk();
        fold(&mut early, &ms[..k]);
        let mut later = bare_desk();
        prop_assert!(later.restore_team(early.team_checkpoint().unwrap()));
        fold(&mut later, &ms[k..]);
        prop_assert_eq!(later.team_checkpoint(), expected);
        for chat in [ACME, INITECH, ALERTS] {
            prop_assert_eq!(later.row(chat), full.row(chat));
        }
    }
}

#[test]
fn a_sender_on_behalf_of_the_group_may_publish_settings() {
    // An anonymous administrator posts as the group itself.
    let mut d = team_desk();
    let mut m = action_message(
        5,
        LEAD,
        &Action::PublishSettings {
            document: "[sla]\nred_minutes = 2\n".into(),
        },
    );
    m.sender = Sender::Chat(DUTY);
    m.pinned = true;
    d.apply(Event::TeamMessage(m), T0);
    assert_eq!(d.team_settings().red_after_secs, Some(120));
}
