//! The window's language: chosen in Settings and spoken at once (and saved); the console,
//! login and settings in Russian; and laid out without overlapping or cut-off words in
//! Russian, German, Polish and the pseudo-locale (every message 40% longer), checked
//! through the widgets' bounds.

use super::layout::{self, Problems, Rules, Shown, check, check_rows, scan};
use super::*;
use dutydesk::ui::features::console::list_pane::MENU_ID;
use dutydesk::ui::features::login::{Login, NoKeyring};
use dutydesk::ui::features::settings::Draft;
use dutydesk::ui::widgets::chat_list::{LIST_ID, ROW_HEIGHT};
use dutydesk::ui::{fixture, fonts};
use i18n::Language;

#[test]
fn a_language_chosen_in_settings_is_spoken_at_once_and_saved() {
    let (mut h, home) = floor();
    assert_eq!(h.app.language(), Language::En);
    interact(&mut h, |sim| {
        sim.click("Settings").unwrap();
    });
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Language("ru".into()),
    ));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert_eq!(h.app.language(), Language::Ru);
    assert!(matches!(h.app.screen(), Screen::Console));
    assert!(
        visible(&h, "Прочитать все"),
        "the console redraws in Russian"
    );
    assert!(!visible(&h, "Mark all read"));
    assert!(
        h.app.title().starts_with("DutyDesk (демо-режим)"),
        "{}",
        h.app.title()
    );
    let saved =
        std::fs::read_to_string(dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert!(saved.contains("language = \"ru\""), "{saved}");

    // And back, from the Russian screen.
    interact(&mut h, |sim| {
        sim.click("Настройки").unwrap();
    });
    assert!(visible(&h, "Время ответа"), "settings in Russian");
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Language("en".into()),
    ));
    interact(&mut h, |sim| {
        sim.click("Сохранить").unwrap();
    });
    assert_eq!(h.app.language(), Language::En);
    assert!(visible(&h, "Mark all read"));
}

/// The fixture's floor (the first chat open) speaking `language`.
fn fixture_in(language: Language, home: &std::path::Path) -> App {
    let mut app = fixture::app(home);
    app.set_language(language);
    app
}

/// The customers' words on the fixture's floor: chat titles and last messages, as the
/// list shows them, and the open chat's messages.
fn customers_words(app: &App) -> Vec<String> {
    let all = ListFilter::new(Filter::All);
    let rows = app.desk().rows(&all, 0..app.desk().len(&all));
    let mut words: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            [
                r.title.clone(),
                r.preview.lines().next().unwrap_or("").into(),
            ]
        })
        .collect();
    if let Some(open) = app.console().open() {
        words.extend(open.history.lines.iter().map(|l| l.text.clone()));
    }
    words
}

/// The header's band: every text above the list is one line.
fn header_band(scan: &layout::Scan) -> (f32, f32) {
    let (list, _) = scan.id(LIST_ID).expect("the chat list");
    (0.0, list.y - 40.0)
}

/// The console as laid out: every text placed, list rows kept, nothing cut off.
fn console_problems(app: &App) -> (Problems, layout::Scan) {
    console_problems_at(app, WINDOW_SIZE)
}

fn console_problems_at(app: &App, window: iced::Size) -> (Problems, layout::Scan) {
    fonts::install();
    let mut sim = Simulator::with_size(iced::Settings::default(), window, app.view());
    let scan = scan(&mut sim);
    let words = customers_words(app);
    let rules = Rules {
        window,
        user_words: &words,
        one_line: vec![header_band(&scan)],
    };
    let texts: Vec<&Shown> = scan.texts.iter().collect();
    let mut problems = check(&texts, &scan.fields, &rules);
    let (list, _) = scan.id(LIST_ID).unwrap();
    problems.0.extend(check_rows(&scan, list, ROW_HEIGHT).0);
    (problems, scan)
}

fn console_is_laid_out(language: Language) {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture_in(language, home.path());
    assert!(app.console().open_chat().is_some());
    let (problems, seen) = console_problems(&app);
    assert!(
        seen.texts.len() > 100,
        "the walk saw the console's texts: {}",
        seen.texts.len()
    );
    problems.assert_none(&format!("{language:?} console, a chat open"));

    // The chat's menu over the list: its own words, in its own box.
    let _ = app.handle(Message::Console(console::Message::MenuForOpen));
    let mut sim = ui(&app);
    let scan = layout::scan(&mut sim);
    drop(sim);
    let (menu, after) = scan.id(MENU_ID).expect("the menu is open");
    let items: Vec<&Shown> = scan
        .texts
        .iter()
        .filter(|t| t.order > after && menu.contains(t.bounds.center()))
        .collect();
    assert!(items.len() >= 9, "the menu's items: {items:#?}");
    let rules = Rules {
        window: WINDOW_SIZE,
        user_words: &customers_words(&app),
        one_line: vec![(menu.y, menu.y + menu.height)],
    };
    let mut problems = check(&items, &[], &rules);
    for item in &items {
        let b = item.bounds;
        if b.x < menu.x || b.x + b.width > menu.x + menu.width + 0.75 {
            problems.0.push(format!(
                "{:?} at {b:?} leaves the menu {menu:?}",
                item.content
            ));
        }
    }
    problems.assert_none(&format!("{language:?} chat menu"));

    // No chat open: the longest waits and the keyboard's shortcuts.
    let _ = app.handle(Message::Console(console::Message::CloseMenu));
    let _ = app.handle(Message::Console(console::Message::Escape));
    assert!(app.console().open_chat().is_none());
    let (problems, _) = console_problems(&app);
    problems.assert_none(&format!("{language:?} console, the overview"));
}

fn login_is_laid_out(language: Language) {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture_in(language, home.path());
    let stages = [
        Stage::NoLibrary(
            "libtdjson 1.8.61 was not found (looked in: /usr/lib, /usr/local/lib, \
             ~/.local/share/dutydesk/tdlib)."
                .into(),
        ),
        Stage::Credentials,
        Stage::Passphrase(NoKeyring {
            new: true,
            details: "org.freedesktop.secrets was not provided by any .service files".into(),
        }),
        Stage::Passphrase(NoKeyring {
            new: false,
            details: "no secret service".into(),
        }),
        Stage::KeyringLocked("the secret service refused access".into()),
        Stage::KeyDamaged {
            service: "DutyDesk".into(),
            entry: "database-key-main".into(),
            reason: "not 64 hexadecimal characters".into(),
            folder: "/home/dana/.local/share/dutydesk/accounts/main".into(),
        },
        Stage::CheckingKeyring,
        Stage::Starting,
        Stage::Phone,
        Stage::Code {
            phone: "+1 555 010 0000".into(),
        },
        Stage::Password {
            hint: "the usual one".into(),
        },
        Stage::Ready,
    ];
    for stage in stages {
        let name = format!("{language:?} login at {stage:?}");
        app.set_screen(Screen::Login(Box::new(Login::new(stage))));
        let mut sim = ui(&app);
        let scan = scan(&mut sim);
        assert!(scan.texts.len() >= 2, "{name}: {:#?}", scan.texts);
        let texts: Vec<&Shown> = scan.texts.iter().collect();
        let rules = Rules {
            window: WINDOW_SIZE,
            user_words: &[],
            one_line: vec![],
        };
        check(&texts, &scan.fields, &rules).assert_none(&name);
        for t in &texts {
            let v = t.visible.unwrap_or_default();
            assert!(
                v.height >= t.bounds.height - 0.75,
                "{name}: {:?} is cut off at the window's bottom",
                t.content
            );
        }
    }
}

/// The settings screen, tall enough that nothing scrolls: every label, hint and picker.
fn settings_is_laid_out(language: Language) {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture_in(language, home.path());
    let themes = dutydesk::ui::theme::available(home.path());
    let draft = Draft::open(app.desk(), app.config(), themes);
    app.set_screen(Screen::Settings(Box::new(draft)));
    let tall = iced::Size::new(WINDOW_SIZE.width, 2400.0);
    fonts::install();
    let mut sim = Simulator::with_size(iced::Settings::default(), tall, app.view());
    let scan = scan(&mut sim);
    let texts: Vec<&Shown> = scan.texts.iter().collect();
    assert!(texts.len() > 30, "{texts:#?}");
    let bottom = texts
        .iter()
        .map(|t| t.bounds.y + t.bounds.height)
        .fold(0.0, f32::max);
    assert!(bottom < tall.height - 20.0, "everything fits unscrolled");
    let rules = Rules {
        window: tall,
        user_words: &[],
        one_line: vec![],
    };
    check(&texts, &scan.fields, &rules).assert_none(&format!("{language:?} settings"));
}

#[test]
fn the_pseudo_locale_overlaps_and_cuts_off_nothing() {
    console_is_laid_out(Language::Pseudo);
    login_is_laid_out(Language::Pseudo);
    settings_is_laid_out(Language::Pseudo);
}

#[test]
fn russian_overlaps_and_cuts_off_nothing() {
    console_is_laid_out(Language::Ru);
    login_is_laid_out(Language::Ru);
    settings_is_laid_out(Language::Ru);
}

/// German words are long, Polish ones often too: the console, every login stage and the
/// settings in each.
#[test]
fn german_and_polish_overlap_and_cut_off_nothing() {
    for language in [Language::De, Language::Pl] {
        console_is_laid_out(language);
        login_is_laid_out(language);
        settings_is_laid_out(language);
    }
}

/// The narrowest window the console allows (`ui::run`'s minimum size): the header's
/// counters and buttons go below the filters rather than over them.
#[test]
fn the_narrowest_window_keeps_every_word_in_every_language() {
    let narrowest = iced::Size::new(900.0, 480.0);
    for language in [
        Language::En,
        Language::Ru,
        Language::De,
        Language::Pl,
        Language::Pseudo,
    ] {
        let home = tempfile::tempdir().unwrap();
        let app = fixture_in(language, home.path());
        let (problems, _) = console_problems_at(&app, narrowest);
        problems.assert_none(&format!("{language:?} console at {narrowest:?}"));
    }
}

#[test]
fn the_console_login_and_settings_speak_russian() {
    let home = tempfile::tempdir().unwrap();
    let mut app = fixture_in(Language::Ru, home.path());
    let mut sim = ui(&app);
    for words in [
        "Все",
        "Ждут",
        "Прочитать все",
        "Поиск по чатам",
        "Настройки",
        "Закрепить",
        "Ответ не нужен",
        "клиент",
        "Отправить",
    ] {
        assert!(sim.find(words).is_ok(), "the console says {words:?}");
    }
    assert!(
        sim.find("Mark all read").is_err(),
        "and no English is left on it"
    );
    drop(sim);
    assert!(app.title().starts_with("DutyDesk — "), "{}", app.title());
    assert!(
        app.title().contains(" ждут, ") || app.title().contains(" ждёт, "),
        "{}",
        app.title()
    );

    app.set_screen(Screen::Login(Box::new(Login::new(Stage::Phone))));
    let mut sim = ui(&app);
    for words in ["Вход в Telegram", "Получить код", "Попробовать демо-режим"]
    {
        assert!(sim.find(words).is_ok(), "the login says {words:?}");
    }
    drop(sim);

    let themes = dutydesk::ui::theme::available(home.path());
    let draft = Draft::open(app.desk(), app.config(), themes);
    app.set_screen(Screen::Settings(Box::new(draft)));
    let mut sim = ui(&app);
    for words in ["Настройки", "Время ответа", "Язык", "Сохранить", "Отмена"]
    {
        assert!(sim.find(words).is_ok(), "the settings say {words:?}");
    }
}

#[test]
fn header_counters_say_their_number_in_each_languages_plural() {
    let home = tempfile::tempdir().unwrap();
    let app = fixture_in(Language::Ru, home.path());
    let k = app.desk().counters();
    let mut sim = ui(&app);
    // The number is drawn apart (larger, in the counter's colour); its words follow the
    // plural rule for that number.
    let waiting = if k.waiting % 10 == 1 && k.waiting % 100 != 11 {
        "ждёт"
    } else {
        "ждут"
    };
    assert!(sim.find(k.waiting.to_string()).is_ok());
    assert!(sim.find(waiting).is_ok(), "{} {waiting}", k.waiting);
    let red = if k.red % 10 == 1 && k.red % 100 != 11 {
        "красный"
    } else {
        "красных"
    };
    assert!(sim.find(red).is_ok(), "{} {red}", k.red);
}

/// Polish has a third form: 2–4 (not 12–14) take "czekają" / "czerwone", 5 and up
/// "czeka" / "czerwonych".
#[test]
fn header_counters_follow_polish_plurals() {
    let home = tempfile::tempdir().unwrap();
    let app = fixture_in(Language::Pl, home.path());
    let k = app.desk().counters();
    let mut sim = ui(&app);
    let few = |n: usize| (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100));
    let waiting = if few(k.waiting) { "czekają" } else { "czeka" };
    assert!(sim.find(k.waiting.to_string()).is_ok());
    assert!(sim.find(waiting).is_ok(), "{} {waiting}", k.waiting);
    let red = match k.red {
        1 => "czerwony",
        n if few(n) => "czerwone",
        _ => "czerwonych",
    };
    assert!(sim.find(red).is_ok(), "{} {red}", k.red);
}
