//! The Statistics screen on the simulated floor: opened by its key and its button, a custom
//! range checked as typed, a period with no data shown as empty (not as an error), a long
//! wait opening its chat at the message, the screen's CSV equal to `dutydesk stats --csv`,
//! and history read by the running app after a gap: exactly the missing messages logged.

use super::*;
use dutydesk::desk::{ChatId, MessageId, Role, Sender, UnixTime};
use dutydesk::statistics::command::{self, StatsArgs};
use dutydesk::ui::features::console::jump::FOCUS_ID;
use dutydesk::ui::features::statistics::{self, Choice, Export, FROM_ID, TO_ID};
use std::collections::BTreeSet;
use std::path::Path;

/// The demo floor with history reading on (unpaced: the simulator never floods), logged
/// in, its first reading of history done.
fn floor_reading_history() -> (Harness, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.statistics.backfill_pace_ms = 0;
    let mut h = Harness::start_with_backfill(true, home.path(), config);
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.settle();
    h.pump_until("history read", |app| {
        let b = app.backfill_status();
        b.progress.chats_total > 0 && !b.running
    });
    h.freeze_clock();
    (h, home)
}

fn f9(h: &mut Harness) {
    h.send(Message::Key(Key::Named(Named::F9), Modifiers::empty()));
}

/// A logged message: chat, id, date, staff.
type Row = (ChatId, MessageId, UnixTime, bool);

/// Every message of the support chats as the simulator's server has them.
fn truth(h: &Harness) -> BTreeSet<Row> {
    let layout = h.control.layout();
    let staff = |m: &dutydesk::desk::Message| {
        m.outgoing
            || matches!(m.sender, Sender::User(u) if u == layout.me || layout.staff.contains(&u))
    };
    let mut out = BTreeSet::new();
    for chat in h.app.desk().support_chats() {
        let history = iced::futures::executor::block_on(h.session.load_history(chat, 0, 100_000))
            .expect("the chat's history");
        out.extend(history.iter().map(|m| (chat, m.id, m.date, staff(m))));
    }
    out
}

/// What `logged` has that `truth` has not, and the reverse (a few of each, and how many).
fn differ(logged: &[Row], truth: &BTreeSet<Row>) -> Option<String> {
    let logged_set: BTreeSet<Row> = logged.iter().copied().collect();
    let extra: Vec<&Row> = logged_set.difference(truth).collect();
    let missing: Vec<&Row> = truth.difference(&logged_set).collect();
    let twice = logged.len() - logged_set.len();
    (!extra.is_empty() || !missing.is_empty() || twice > 0).then(|| {
        format!(
            "{} extra {:?}, {} missing {:?}, {twice} logged twice",
            extra.len(),
            &extra[..extra.len().min(5)],
            missing.len(),
            &missing[..missing.len().min(5)]
        )
    })
}

fn logged(store_path: &Path) -> Vec<Row> {
    let store = dutydesk::store::Store::open(store_path).unwrap();
    store
        .messages_between(i64::MIN, i64::MAX)
        .unwrap()
        .iter()
        .map(|m| (m.chat, m.message, m.date, m.role == Role::Staff))
        .collect()
}

fn store_path(h: &Harness) -> std::path::PathBuf {
    h.app.store().expect("the store").path().to_path_buf()
}

#[test]
fn the_screen_opens_by_key_and_button_and_checks_a_custom_range_as_typed() {
    let (mut h, _home) = floor();
    interact(&mut h, |sim| {
        sim.click("Statistics").expect("the header's button");
    });
    assert!(matches!(h.app.screen(), Screen::Statistics));
    // The query ran off the window's thread (here: by the harness) and its answer is shown.
    let loaded = h
        .app
        .statistics()
        .loaded()
        .expect("the last 7 days' figures");
    assert_eq!(h.app.statistics().choice(), Choice::Week);
    assert!(h.app.statistics().error().is_none());
    let (first, last) = loaded.days;
    assert_eq!(first.next().next().next().next().next().next(), last);
    // The live chart draws the answer's last hour at once, a bar per minute.
    let per_minute = |f: fn(&dutydesk::desk::figures::MinuteRow) -> u32| {
        let rows = &loaded.answer.last_hour;
        rows.iter().map(|r| f64::from(f(r))).collect::<Vec<_>>()
    };
    assert_eq!(loaded.answer.last_hour.len(), 60);
    assert_eq!(loaded.charts.live_customer, per_minute(|r| r.customer));
    assert_eq!(loaded.charts.live_staff, per_minute(|r| r.staff));
    // Today alone: one day.
    interact(&mut h, |sim| {
        sim.click("Today").unwrap();
    });
    let (first, last) = h.app.statistics().loaded().unwrap().days;
    assert_eq!(first, last);
    assert!(visible(&h, "Active support chats per hour"));
    f9(&mut h);
    assert!(matches!(h.app.screen(), Screen::Console), "F9 again: back");
    f9(&mut h);
    assert!(matches!(h.app.screen(), Screen::Statistics));

    // A custom range: a date half typed is named as wrong, nothing is asked meanwhile.
    interact(&mut h, |sim| {
        sim.click("Custom range").unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(id(FROM_ID)).unwrap();
        sim.typewrite("2020-01-0");
    });
    assert!(visible(&h, "2020-01-0 is not a date like 2026-03-01"));
    let asked_before = h.app.statistics().loaded().unwrap().asked;
    // (Each step here draws the view anew, so the field's cursor is not kept: the rest of
    // the date comes as the field's message.)
    h.send(Message::Statistics(statistics::Message::From(
        "2020-01-01".into(),
    )));
    interact(&mut h, |sim| {
        sim.click(id(TO_ID)).unwrap();
        sim.typewrite("2019-12-31");
    });
    assert!(visible(&h, "the range ends before it starts"));
    assert_eq!(h.app.statistics().loaded().unwrap().asked, asked_before);

    // A week long before the floor existed: no data is an empty state, not an error.
    h.send(Message::Statistics(statistics::Message::To(
        "2020-01-07".into(),
    )));
    assert_eq!(h.app.statistics().error(), None);
    assert_eq!(h.app.statistics().range_error(), None);
    let loaded = h.app.statistics().loaded().unwrap();
    assert!(loaded.asked > asked_before);
    assert!(loaded.answer.figures.is_empty());
    assert!(h.app.statistics().error().is_none());
    assert!(visible(
        &h,
        "No support messages and no waits in this period."
    ));
    assert!(!visible(&h, "Active support chats per hour"));

    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(matches!(h.app.screen(), Screen::Console));
}

#[test]
fn history_read_after_a_gap_logs_exactly_the_missing_messages() {
    let (mut h, _home) = floor_reading_history();
    let path = store_path(&h);
    let first = truth(&h);
    assert!(first.len() > 500, "the floor's history: {}", first.len());
    assert_eq!(differ(&logged(&path), &first), None);

    // DutyDesk loses the connection; meanwhile customers write and a colleague answers
    // some of them, and none of it reaches the window.
    h.control.drop_connection();
    h.settle();
    let gap_start = h.control.now();
    let layout = h.control.layout();
    let mut written = 0;
    for (k, chat) in layout.customer_chats.iter().take(12).enumerate() {
        h.control.advance(240);
        h.control
            .write(chat.chat_id, chat.customers[0], "Is anyone there?")
            .unwrap();
        written += 1;
        if k % 2 == 0
            && let Some(&colleague) = chat.staff.first()
        {
            h.control.advance(300);
            h.control
                .write(chat.chat_id, colleague, "Yes, looking into it")
                .unwrap();
            written += 1;
        }
    }
    h.control.restore_connection();
    std::thread::sleep(std::time::Duration::from_millis(50));
    let lost = h.lose_news();
    assert!(lost >= written, "the window saw none of it ({lost} lost)");
    h.pump_until("history read again", |app| !app.backfill_status().running);
    h.settle();

    let expected = truth(&h);
    assert_eq!(expected.len(), first.len() + written);
    assert_eq!(
        differ(&logged(&path), &expected),
        None,
        "nothing missing, extra or twice"
    );
    // The colleague's answers are first replies, timed from the oldest question they
    // answered (asked in the gap, or still open from before it).
    let store = dutydesk::store::Store::open(&path).unwrap();
    let replies: BTreeSet<(ChatId, MessageId, i64)> = store
        .replies_between(gap_start, i64::MAX)
        .unwrap()
        .iter()
        .map(|r| (r.chat, r.message, r.waited_secs))
        .collect();
    let mut naive = BTreeSet::new();
    let mut waiting: Option<(ChatId, UnixTime)> = None;
    for &(chat, message, date, staff) in &expected {
        if waiting.is_some_and(|(c, _)| c != chat) {
            waiting = None;
        }
        match (staff, waiting) {
            (false, None) => waiting = Some((chat, date)),
            (true, Some((_, since))) => {
                if date >= gap_start {
                    naive.insert((chat, message, date - since));
                }
                waiting = None;
            }
            _ => {}
        }
    }
    assert_eq!(replies.len(), 6, "one per answered chat");
    assert_eq!(replies, naive);
}

#[test]
fn a_long_wait_opens_its_chat_at_the_message() {
    let (mut h, _home) = floor_reading_history();
    f9(&mut h);
    h.send(Message::Statistics(statistics::Message::Period(
        Choice::Week,
    )));
    let loaded = h.app.statistics().loaded().expect("the week");
    let wait = *loaded
        .answer
        .figures
        .longest
        .iter()
        .find(|w| w.message.is_some())
        .expect("a long wait with its message");
    let message = wait.message.unwrap();
    // Its row's button, below the charts (the table is scrolled to in the window).
    assert!(ui(&h.app).find("Open chat").is_ok());
    h.send(Message::Statistics(statistics::Message::OpenWait {
        chat: wait.chat,
        message: wait.message,
    }));
    assert!(matches!(h.app.screen(), Screen::Console));
    assert_eq!(h.app.console().open_chat(), Some(wait.chat));
    let open = h.app.console().open().unwrap();
    assert!(
        open.history.find(message).is_some(),
        "the history reaches back to the message"
    );
    assert_eq!(open.focus, Some(message));
    assert!(!open.history.loading);
    // One unbroken run down to the newest message, the marked one drawn with its id.
    let newest =
        iced::futures::executor::block_on(h.session.load_history(wait.chat, 0, 1)).unwrap()[0].id;
    assert_eq!(open.history.newest_id(), Some(newest));
    assert!(
        ui(&h.app).find(id(FOCUS_ID)).is_ok(),
        "the message is marked"
    );
}

#[test]
fn the_screens_csv_is_the_stats_commands() {
    let (mut h, home) = floor_reading_history();
    f9(&mut h);
    h.send(Message::Statistics(statistics::Message::Period(
        Choice::Week,
    )));
    interact(&mut h, |sim| {
        sim.click("Export CSV").unwrap();
    });
    let Some(Export::Saved { folder, files }) = h.app.statistics().export_state().cloned() else {
        panic!("exported: {:?}", h.app.statistics().export_state());
    };
    assert!(
        folder.starts_with(home.path()) && folder.ends_with("exports"),
        "{folder:?}"
    );
    assert_eq!(files, 7);
    assert!(visible(&h, "Open folder"));
    interact(&mut h, |sim| {
        sim.click("Open folder").unwrap();
    });
    assert_eq!(h.opened, vec![folder.display().to_string()]);

    let loaded = h.app.statistics().loaded().unwrap();
    let (first, last) = loaded.days;
    let out = tempfile::tempdir().unwrap();
    let args = StatsArgs {
        from: first.to_string(),
        to: last.to_string(),
        csv: Some(out.path().join("cli.csv")),
        tz: None,
        longest: 20,
        store: Some(store_path(&h)),
        now: Some(loaded.query.as_of),
    };
    let paths = dutydesk::paths::Paths::portable(home.path());
    let run = command::run(&paths, &args, &mut Vec::new()).unwrap();
    assert_eq!(run.csv_files.len(), files);
    for table in &run.tables {
        let cli =
            std::fs::read_to_string(out.path().join(format!("cli-{}.csv", table.name))).unwrap();
        let screen = std::fs::read_to_string(
            folder.join(format!("dutydesk-stats-{first}-{last}-{}.csv", table.name)),
        )
        .unwrap();
        assert_eq!(screen, cli, "{}", table.name);
    }
    // Staff are named in both, not numbered.
    let admins = std::fs::read_to_string(out.path().join("cli-admins.csv")).unwrap();
    assert!(
        admins.contains("Lena Lead") || admins.contains("Dana Duty"),
        "{admins}"
    );
}

/// The Statistics screen over the fixture's week, in a window tall enough that nothing
/// scrolls (tables included), and at the window's size: no text overlaps another or a
/// field, leaves the window, or is cut off; the bar's words stay whole when they wrap.
fn statistics_is_laid_out(language: i18n::Language) {
    let home = tempfile::tempdir().unwrap();
    let mut app = dutydesk::ui::fixture::statistics::app(home.path());
    app.set_language(language);
    let titles: Vec<String> = (0..app.desk().len(&ListFilter::new(Filter::All)))
        .filter_map(|i| {
            let all = ListFilter::new(Filter::All);
            app.desk().rows(&all, i..i + 1).pop().map(|r| r.title)
        })
        .collect();
    let check_at = |app: &App, window: iced::Size, what: &str| {
        dutydesk::ui::fonts::install();
        let mut sim = Simulator::with_size(iced::Settings::default(), window, app.view());
        let scan = layout::scan(&mut sim);
        let texts: Vec<&layout::Shown> = scan.texts.iter().collect();
        assert!(
            texts.len() > 60,
            "{what}: the walk saw the screen: {}",
            texts.len()
        );
        let rules = layout::Rules {
            window,
            user_words: &titles,
            one_line: vec![],
        };
        layout::check(&texts, &scan.fields, &rules)
            .assert_none(&format!("{language:?} statistics, {what}"));
    };
    let tall = iced::Size::new(WINDOW_SIZE.width, 3400.0);
    check_at(&app, tall, "every table");
    check_at(&app, WINDOW_SIZE, "the window");
    // A custom range being typed: the date fields in the bar.
    let _ = app.handle(Message::Statistics(statistics::Message::Period(
        Choice::Custom,
    )));
    let _ = app.handle(Message::Statistics(statistics::Message::From(
        "2026-02-3".into(),
    )));
    check_at(&app, WINDOW_SIZE, "a custom range half typed");
    // And an admin picked for the per-day chart and table.
    let who = app.statistics().loaded().unwrap().answer.figures.admins[0].responder;
    let _ = app.handle(Message::Statistics(statistics::Message::Admin(Some(who))));
    check_at(&app, tall, "one admin's days");
}

#[test]
fn the_statistics_screen_holds_russian_and_the_pseudo_locale() {
    statistics_is_laid_out(i18n::Language::Ru);
    statistics_is_laid_out(i18n::Language::Pseudo);
}

#[test]
fn the_statistics_screen_holds_german_and_polish() {
    statistics_is_laid_out(i18n::Language::De);
    statistics_is_laid_out(i18n::Language::Pl);
}
