//! The window's flows, headless (iced_test; set ICED_TEST_BACKEND=tiny-skia), on the
//! simulator: widgets are found by id and text, clicked and typed into, and the messages
//! they produce run through the app exactly as in the window.

use dutydesk::config::Config;
use dutydesk::desk::{Filter, ListFilter, RowView, Status};
use dutydesk::ui::features::console::list_pane::TITLE_FILTER_ID;
use dutydesk::ui::features::console::{self, COMPOSER_ID, NOTE_ID, SEARCH_ID};
use dutydesk::ui::features::login::{self, Stage};
use dutydesk::ui::features::settings::RED_ID;
use dutydesk::ui::harness::Harness;
use dutydesk::ui::{App, Message, Screen, WINDOW_SIZE};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::mouse;
use iced_test::Simulator;
use iced_test::selector::{Candidate, Target, id};

// Flows of the console's newer parts, in files of their own (this one was near 600 lines).
#[path = "ui_flows/alarms.rs"]
mod alarms;
#[path = "ui_flows/menu.rs"]
mod menu;
#[path = "ui_flows/timer.rs"]
mod timer;
// Start-up when the keyring does not give the database key: Retry, a named entry.
#[path = "ui_flows/keyring.rs"]
mod keyring;
// The tray, sounds, attention, closing into the tray, their settings.
#[path = "ui_flows/desktop.rs"]
mod desktop;
// The settings screen: every control from the keyboard, the duty-group picker.
#[path = "ui_flows/settings.rs"]
mod settings;
// The settings pickers offer chats and folders that load while the screen is open.
#[path = "ui_flows/pickers.rs"]
mod pickers;
// Effects by backend: Telegram requests, store writes, each looked at before they run.
#[path = "ui_flows/effects.rs"]
mod effects;
// A reply's send, whichever comes first: TDLib's reply or its updates.
#[path = "ui_flows/sending.rs"]
mod sending;
// The connection's state and hint; proxies from the connection settings, the config, links.
#[path = "ui_flows/connection.rs"]
mod connection;
// Tasks in the team's tracker from the chat view: API and browser mode, faults, projects.
#[path = "ui_flows/tasks.rs"]
mod tasks;
// The same flow against a real Redmine (CI runs it; `.ci/redmine start` for a local one).
#[path = "ui_flows/tasks_redmine.rs"]
mod tasks_redmine;
// Settings → Task trackers: add, store the token in the keyring, check, save, remove.
#[path = "ui_flows/tasks_setup.rs"]
mod tasks_setup;
// The window's language: chosen in Settings, Russian, and layouts that hold longer words.
#[path = "ui_flows/language.rs"]
mod language;
#[path = "ui_flows/layout.rs"]
mod layout;
// The team through the duty group: several DutyDesks in one simulated world.
#[path = "ui_flows/team.rs"]
mod team;
#[path = "ui_flows/team_demo.rs"]
mod team_demo;
// The login screen on a team floor (the offered members).
#[path = "ui_flows/floor_login.rs"]
mod floor_login;
// The support toolkit: quick replies, tags, tiers, reminders, alerts chats, guards.
#[path = "ui_flows/toolkit.rs"]
mod toolkit;
// A contractor's console: no customer's name, username, phone or e-mail on any screen.
#[path = "ui_flows/masking.rs"]
mod masking;
// The Statistics screen: periods, the empty state, drill-down, CSV, history read after a gap.
#[path = "ui_flows/statistics.rs"]
mod statistics;
// Under a storm of updates: frames at the refresh rate, every event applied, input at once.
#[path = "ui_flows/storm.rs"]
mod storm;

fn ui(app: &App) -> Simulator<'_, Message> {
    // As the window does before its first frame (some tests render before a Harness).
    dutydesk::ui::fonts::install();
    Simulator::with_size(iced::Settings::default(), WINDOW_SIZE, app.view())
}

/// Runs `f` against the app's current view; the messages it produced.
fn messages_from(app: &App, f: impl FnOnce(&mut Simulator<'_, Message>)) -> Vec<Message> {
    let mut sim = ui(app);
    f(&mut sim);
    sim.into_messages().collect()
}

/// Runs `f` against the current view, then feeds the messages it produced to the app.
fn interact(h: &mut Harness, f: impl FnOnce(&mut Simulator<'_, Message>)) {
    for m in messages_from(&h.app, f) {
        h.send(m);
    }
}

/// A text widget (not a text field) showing exactly `text`.
fn label(text: &str) -> impl FnMut(Candidate<'_>) -> Option<Target> + Send {
    let text = text.to_string();
    move |candidate| match candidate {
        Candidate::Text { content, .. } if content == text => Some(Target::from(candidate)),
        _ => None,
    }
}

fn visible(h: &Harness, what: &str) -> bool {
    ui(&h.app).find(what.to_string()).is_ok()
}

fn credentials() -> Config {
    let mut config = Config::default();
    config.telegram.api_id = Some(1);
    config.telegram.api_hash = Some("0123456789abcdef0123456789abcdef".into());
    config
}

fn stage(app: &App) -> Option<&Stage> {
    app.login().map(|l| l.stage())
}

/// The demo floor, logged in and synced, on a frozen clock.
fn floor() -> (Harness, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut h = Harness::start(true, home.path(), Config::default());
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.settle();
    h.freeze_clock();
    (h, home)
}

/// Finds a chat with the title filter, then opens it by clicking its row.
fn open_by_click(h: &mut Harness, title: &str) {
    filter_by_title(h, title);
    interact(h, |sim| {
        sim.click(label(title))
            .unwrap_or_else(|e| panic!("row {title}: {e}"));
    });
    h.settle();
}

/// Right-clicks at `at` (window coordinates).
fn right_click(h: &mut Harness, at: iced::Point) {
    interact(h, |sim| {
        sim.point_at(at);
        sim.simulate([
            iced::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Right)),
            iced::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Right)),
        ]);
    });
}

/// Where the text widget showing exactly `text` is drawn (the first, if several).
fn label_bounds(h: &Harness, text: &str) -> iced::Rectangle {
    ui(&h.app)
        .find(label(text))
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .visible_bounds()
        .unwrap_or_else(|| panic!("{text} is out of view"))
}

/// Right-clicks the row showing `title` (the list filtered to it first).
fn right_click_title(h: &mut Harness, title: &str) {
    filter_by_title(h, title);
    let at = label_bounds(h, title).center();
    right_click(h, at);
}

fn filter_by_title(h: &mut Harness, title: &str) {
    h.send(Message::Console(console::Message::TitleFilter(
        String::new(),
    )));
    interact(h, |sim| {
        sim.click(id(TITLE_FILTER_ID)).unwrap();
        sim.typewrite(title);
    });
}

/// The floor's customer chats, in its order, whose chat and row pass `keep`.
fn customer_chats_where(
    h: &Harness,
    keep: impl Fn(&tdsim::CustomerChat, &RowView) -> bool,
) -> Vec<tdsim::CustomerChat> {
    h.control
        .layout()
        .customer_chats
        .into_iter()
        .filter(|c| h.app.desk().row(c.chat_id).is_some_and(|r| keep(c, &r)))
        .collect()
}

/// A customer chat nobody waits in yet (the `index`-th), brought to the top of the list by
/// a fresh customer message.
fn customer_writes(h: &mut Harness, index: usize, text: &str) -> (i64, String) {
    let calm = customer_chats_where(h, |_, r| r.support && r.status == Status::Normal);
    let chat = calm[index].clone();
    h.control
        .write(chat.chat_id, chat.customers[0], text)
        .unwrap();
    h.settle();
    h.freeze_clock();
    (chat.chat_id, chat.title)
}

#[test]
fn logs_in_on_the_simulator_with_inline_errors() {
    let home = tempfile::tempdir().unwrap();
    let mut h = Harness::start(false, home.path(), credentials());
    h.pump_until("the phone step", |app| stage(app) == Some(&Stage::Phone));
    assert!(visible(&h, "Log in to Telegram"));

    interact(&mut h, |sim| {
        sim.click(id(login::PHONE)).unwrap();
        sim.typewrite(dutydesk::telegram::session::DEMO_PHONE);
        sim.click("Send code").unwrap();
    });
    h.pump_until("the code step", |app| {
        matches!(stage(app), Some(Stage::Code { .. }))
    });

    // A wrong code is refused inline, on the same step.
    interact(&mut h, |sim| {
        sim.click(id(login::CODE)).unwrap();
        sim.typewrite("00000");
        sim.tap_key(Key::Named(Named::Enter));
    });
    h.settle();
    assert!(matches!(stage(&h.app), Some(Stage::Code { .. })));
    assert!(
        visible(&h, "PHONE_CODE_INVALID"),
        "the error is shown inline"
    );

    h.send(Message::Login(login::Message::Code(String::new())));
    interact(&mut h, |sim| {
        sim.click(id(login::CODE)).unwrap();
        sim.typewrite(tdsim::LOGIN_CODE);
        sim.click("Log in").unwrap();
    });
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.pump_until("the chats", |app| {
        app.desk().len(&ListFilter::new(Filter::All)) > 100
    });
    assert!(visible(&h, "Mark all read"));
}

#[test]
fn replying_clears_the_red() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 0, "Our mail server rejects everything");
    h.advance(11 * 60);
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Red);
    filter_by_title(&mut h, &title);
    assert!(visible(&h, "11m"), "the waiting time is shown");

    open_by_click(&mut h, &title);
    assert_eq!(h.app.console().open_chat(), Some(chat));
    assert!(
        visible(&h, "Our mail server rejects everything"),
        "the history shows the message"
    );

    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite("Looking into it right now");
        sim.tap_key(Key::Named(Named::Enter));
    });
    h.pump_until("the reply to clear the wait", |app| {
        app.desk()
            .row(chat)
            .is_some_and(|r| r.status == Status::Normal && r.waiting_since.is_none())
    });
    assert!(visible(&h, "Looking into it right now"));
    assert!(!visible(&h, "Waiting too long"));
}

#[test]
fn a_failed_send_stays_with_retry() {
    let (mut h, _home) = floor();
    let (_, title) = customer_writes(&mut h, 1, "Hello?");
    open_by_click(&mut h, &title);
    h.control.fail_next_send(500, "INTERNAL_SERVER_ERROR");
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite("This one fails");
        sim.tap_key(Key::Named(Named::Enter));
    });
    h.settle();
    assert!(
        visible(&h, "This one fails"),
        "a failed message is never dropped"
    );
    assert!(visible(&h, "Retry"));
    interact(&mut h, |sim| {
        sim.click("Retry").unwrap();
    });
    h.settle();
    assert!(!visible(&h, "Retry"));
    assert!(visible(&h, "This one fails"));
}

#[test]
fn pin_star_note_search_and_mark_all_read() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 2, "Need a hand with the firewall");

    // Pin from the context menu (right click on the row).
    right_click_title(&mut h, &title);
    assert_eq!(h.app.console().menu(), Some(chat));
    interact(&mut h, |sim| {
        sim.click("Pin").unwrap();
    });
    assert_eq!(h.app.desk().pins(), &[chat]);
    let top = h.app.desk().chat_ids(&ListFilter::new(Filter::All), 0..1);
    assert_eq!(top, vec![chat], "a pinned chat leads the list");

    // Star from the keyboard, with the chat open.
    open_by_click(&mut h, &title);
    h.send(Message::Key(Key::Character("s".into()), Modifiers::CTRL));
    assert!(h.app.desk().is_starred(chat));
    h.send(Message::Console(console::Message::Filter(Filter::Starred)));
    assert_eq!(
        h.app.desk().chat_ids(&h.app.console().list_filter(), 0..10),
        vec![chat]
    );

    // A note, from the chat header.
    interact(&mut h, |sim| {
        sim.click("Note").unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(id(NOTE_ID)).unwrap();
        sim.typewrite("VIP, call before changes");
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert_eq!(h.app.desk().note(chat), Some("VIP, call before changes"));
    assert!(visible(&h, "Note: VIP, call before changes"));

    // Search in the chat (Ctrl+F), jumping between results.
    h.send(Message::Key(Key::Character("f".into()), Modifiers::CTRL));
    interact(&mut h, |sim| {
        sim.click(id(SEARCH_ID)).unwrap();
        sim.typewrite("firewall");
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert!(visible(&h, "1 of 1"), "the hit is counted");

    // Search across chats, grouped by chat.
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    interact(&mut h, |sim| {
        sim.click("Search chats").unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(id(dutydesk::ui::features::console::GLOBAL_SEARCH_ID))
            .unwrap();
        sim.typewrite("firewall");
        sim.tap_key(Key::Named(Named::Enter));
    });
    let groups = &h.app.console().global().unwrap().groups;
    assert!(
        groups
            .iter()
            .any(|(c, hits)| *c == chat && !hits.is_empty())
    );
    assert!(visible(&h, "1 found") || groups.iter().any(|(_, hits)| hits.len() > 1));

    // Mark all read.
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(h.app.desk().counters().unread_chats > 0);
    interact(&mut h, |sim| {
        sim.click("Mark all read").unwrap();
    });
    h.pump_until("no unread chats", |app| {
        app.desk().counters().unread_chats == 0
    });
}

#[test]
fn a_settings_change_moves_the_thresholds() {
    let (mut h, _home) = floor();
    let (chat, _) = customer_writes(&mut h, 3, "Is the maintenance over?");
    h.advance(4 * 60);
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Waiting);

    interact(&mut h, |sim| {
        sim.click("Settings").unwrap();
    });
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    interact(&mut h, |sim| {
        sim.click(id(RED_ID)).unwrap();
        sim.tap_key(Key::Named(Named::End));
        sim.tap_key(Key::Named(Named::Backspace));
        sim.tap_key(Key::Named(Named::Backspace));
        sim.typewrite("3");
    });
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert!(matches!(h.app.screen(), Screen::Console));
    assert_eq!(h.app.desk().settings().red_after_secs, 180);
    assert_eq!(
        h.app.desk().row(chat).unwrap().status,
        Status::Red,
        "4 minutes is now past red"
    );
}

#[test]
fn keyboard_moves_between_chats_and_jumps_to_the_longest_wait() {
    let (mut h, _home) = floor();
    let all = ListFilter::new(Filter::All);
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let first = h.app.desk().chat_ids(&all, 0..2);
    assert_eq!(h.app.console().open_chat(), Some(first[0]));
    h.send(Message::Key(Key::Named(Named::Tab), Modifiers::CTRL));
    assert_eq!(h.app.console().open_chat(), Some(first[1]));
    h.send(Message::Key(Key::Character("j".into()), Modifiers::CTRL));
    assert_eq!(h.app.console().open_chat(), h.app.desk().longest_waiting());
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.app.console().open_chat(), None);
}

#[test]
fn the_list_builds_only_the_rows_in_view_and_follows_the_scroll() {
    let (mut h, _home) = floor();
    let all = ListFilter::new(Filter::All);
    assert!(h.app.desk().len(&all) > 200);
    // Open the first chat, so the right pane shows no other chat titles.
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let far = h.app.desk().rows(&all, 150..151).remove(0).title;
    assert!(!visible_label(&h, &far), "row 150 is not built at the top");

    interact(&mut h, |sim| {
        sim.point_at(iced::Point::new(200.0, 300.0));
        sim.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Pixels {
                x: 0.0,
                y: -140.0 * 26.0,
            },
        })]);
    });
    assert!(
        h.app.console().scroll().0 > 100.0 * 26.0,
        "the scroll reached the console"
    );
    assert!(visible_label(&h, &far), "row 150 is built once scrolled to");
}

fn visible_label(h: &Harness, text: &str) -> bool {
    ui(&h.app).find(label(text)).is_ok()
}

#[test]
fn without_a_notification_service_news_is_announced_in_the_window() {
    let (mut h, _home) = floor();
    // As after a failed desktop notification: the platform has no service.
    h.app.notify_in_window();
    let now = h.app.clock().now();
    h.app.set_ready_at(now - 3600);
    h.send(Message::Focus(false));
    let (_, title) = customer_writes(&mut h, 4, "Nobody answers here?");
    let banner = h.app.banner().unwrap_or_default().to_string();
    assert!(
        banner.contains(&title),
        "the banner names the chat: {banner:?}"
    );
    assert!(banner.contains("Nobody answers here?"));
    interact(&mut h, |sim| {
        sim.click("Dismiss").unwrap();
    });
    assert!(h.app.banner().is_none());
}

#[test]
fn older_history_loads_when_scrolled_to_the_top() {
    let (mut h, _home) = floor();
    let chat = h.control.layout().customer_chats[5].clone();
    for i in 0..80 {
        h.control
            .write(chat.chat_id, chat.customers[0], &format!("line {i}"))
            .unwrap();
    }
    h.settle();
    h.freeze_clock();
    open_by_click(&mut h, &chat.title);
    let loaded = h.app.console().open().unwrap().history.lines.len();
    assert!(
        (50..80).contains(&loaded),
        "one page first ({loaded} lines)"
    );
    interact(&mut h, |sim| {
        sim.point_at(iced::Point::new(900.0, 400.0));
        sim.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Pixels {
                x: 0.0,
                y: 100_000.0,
            },
        })]);
    });
    h.settle();
    let now_loaded = h.app.console().open().unwrap().history.lines.len();
    assert!(
        now_loaded > loaded,
        "older messages came in ({loaded} -> {now_loaded})"
    );
    assert!(visible(&h, "line 0") || now_loaded < 80 + 2);
}

#[test]
fn without_tdlib_the_login_offers_the_download_with_progress() {
    use dutydesk::desk::{Desk, Settings};
    use dutydesk::ui::feature::{Ctx, Feature, ViewCtx};
    use dutydesk::ui::features::login::{Login, Message};
    let palette = dutydesk::ui::theme::Theme::light().colors;
    let mut desk = Desk::new(Settings::default());
    fn look(desk: &Desk, palette: dutydesk::ui::theme::Palette) -> ViewCtx<'_> {
        ViewCtx {
            desk,
            now: 0,
            palette,
            own_user: None,
            connection: None,
        }
    }
    let mut login = Login::new(Stage::NoLibrary("libtdjson 1.8.61 was not found.".into()));
    let messages: Vec<Message> = {
        let mut sim = Simulator::with_size(
            iced::Settings::default(),
            WINDOW_SIZE,
            login.view(look(&desk, palette)),
        );
        assert!(sim.find("libtdjson 1.8.61 was not found.").is_ok());
        sim.click("Download TDLib 1.8.61").unwrap();
        assert!(sim.find("Try the demo floor").is_ok());
        sim.into_messages().collect()
    };
    assert!(matches!(messages.as_slice(), [Message::Download]));
    let home = tempfile::tempdir().unwrap();
    let paths = dutydesk::paths::Paths::portable(home.path());
    let config = Config::default();
    let ctx = Ctx {
        desk: &mut desk,
        now: 0,
        config: &config,
        paths: &paths,
        own_user: None,
    };
    let progress = Message::Progress(5 * 1_048_576, 20 * 1_048_576);
    let (_, event) = login.update(progress, ctx);
    assert!(event.is_none(), "progress is the screen's own");
    let mut sim = Simulator::with_size(
        iced::Settings::default(),
        WINDOW_SIZE,
        login.view(look(&desk, palette)),
    );
    assert!(
        sim.find("5.0 of 20.0 MB").is_ok(),
        "the download shows its progress"
    );
}

#[test]
fn a_theme_chosen_in_settings_applies_and_is_saved() {
    let (mut h, home) = floor();
    h.send(Message::Console(console::Message::OpenSettings));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Theme("high-contrast".into()),
    ));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert_eq!(h.app.theme().name, "High contrast");
    let saved =
        std::fs::read_to_string(dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert!(saved.contains("high-contrast"), "{saved}");
}

#[test]
fn typing_is_never_sent_unless_enabled() {
    let (mut h, _home) = floor();
    let (chat, title) = customer_writes(&mut h, 0, "Is anyone there?");
    open_by_click(&mut h, &title);
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite("Hello");
    });
    assert_eq!(
        h.control.chat_actions(),
        vec![],
        "off by default: no chat action at all"
    );

    h.app.config_mut().messages.send_typing = true;
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite(", we are on it");
    });
    // Once per few seconds while typing, not once per key.
    assert_eq!(
        h.control.chat_actions(),
        vec![(chat, "chatActionTyping".to_string())]
    );
    h.advance(6);
    interact(&mut h, |sim| {
        sim.click(id(COMPOSER_ID)).unwrap();
        sim.typewrite("!");
    });
    assert_eq!(h.control.chat_actions().len(), 2);
}
