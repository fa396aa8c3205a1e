//! The desktop around the window, headless: the title and the tray follow the desk's
//! counters, a breach or an alarm sounds and asks for attention, the tray's menu mutes
//! sounds and quits, closing the window goes into the tray only when that was chosen and
//! a tray is there, and the Settings for all of it (sounds, quiet hours, tray, start at
//! login) from the keyboard. Sounds are recorded by the harness, never played; the tray is
//! a link whose states the test reads.

use super::*;
use dutydesk::sound::{Played, Sound};
use dutydesk::tray::{self, Action, TrayState};
use dutydesk::ui::features::settings::focus::Control;

/// The floor, its account settled (so transitions are announced), a tray linked.
fn floor_with_tray() -> (
    Harness,
    tempfile::TempDir,
    std::sync::mpsc::Receiver<TrayState>,
) {
    let (mut h, home) = floor();
    let now = h.app.clock().now();
    h.app.set_ready_at(now - 3600);
    let (link, states) = tray::Link::pair();
    h.send(Message::Tray(tray::Event::Ready(link)));
    (h, home, states)
}

/// The last state handed to the tray, if any came since the last look.
fn latest(states: &std::sync::mpsc::Receiver<TrayState>) -> Option<TrayState> {
    states.try_iter().last()
}

#[test]
fn the_title_and_the_tray_follow_the_counters() {
    let (mut h, _home, states) = floor_with_tray();
    let before = h.app.desk().counters();
    let shown = latest(&states).expect("the tray gets a state as soon as it is up");
    assert_eq!(shown, h.app.tray_state());
    assert_eq!((shown.waiting, shown.red), (before.waiting, before.red));
    assert!(
        h.app
            .title()
            .contains(&format!("{} waiting, {} red", before.waiting, before.red)),
        "{}",
        h.app.title()
    );

    // A customer writes: one more waiting, in the title and the tray's tooltip.
    let (chat, _) = customer_writes(&mut h, 0, "Is anyone there?");
    let k = h.app.desk().counters();
    assert_eq!(k.waiting, before.waiting + 1);
    let shown = latest(&states).expect("the tray hears of the new wait");
    assert_eq!(shown.waiting, k.waiting);
    assert!(
        shown
            .tooltip()
            .contains(&format!("{} customers waiting", k.waiting)),
        "{:?}",
        shown.tooltip()
    );
    assert!(h.app.title().contains(&format!("{} waiting", k.waiting)));
    assert!(shown.badge().is_some());

    // Its wait turns red: the title's red count and the tray's line follow.
    let red_at = h.app.desk().row(chat).unwrap().waiting_since.unwrap()
        + h.app.desk().settings().red_after_secs;
    h.advance(red_at - h.app.clock().now());
    let k = h.app.desk().counters();
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Red);
    let shown = latest(&states).expect("the tray hears of the red chat");
    assert_eq!((shown.waiting, shown.red), (k.waiting, k.red));
    assert!(
        shown
            .tooltip()
            .contains(&format!("{} waited too long", k.red))
    );
    assert!(h.app.title().contains(&format!("{} red", k.red)));
    // Nothing moved: nothing more is sent.
    h.send(Message::Tick);
    assert_eq!(
        latest(&states),
        None,
        "an unchanged state is not sent again"
    );

    // In Russian, the tray speaks it like the window.
    h.app.set_language(i18n::Language::Ru);
    h.send(Message::Tick);
    let shown = latest(&states).expect("a new language is a new state");
    assert!(shown.tooltip()[0].contains("ждут"), "{:?}", shown.tooltip());
    assert!(h.app.title().contains("ждут"), "{}", h.app.title());
}

#[test]
fn red_and_breach_sound_a_breach_asks_for_attention_and_the_tray_mutes() {
    let (mut h, _home, states) = floor_with_tray();
    // No breach anywhere on the floor while a chat turns red: its sound is heard alone.
    let mut settings = h.app.desk().settings().clone();
    settings.breach_after_secs = 7 * 24 * 3600;
    h.app.desk_mut().set_settings(settings.clone());
    let (chat, _) = customer_writes(&mut h, 1, "Our payments fail");
    let since = h.app.desk().row(chat).unwrap().waiting_since.unwrap();
    let played_before = h.app.player().played().len();
    let attention_before = h.app.attention_requests();

    h.advance(since + settings.red_after_secs - h.app.clock().now());
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Red);
    let played = h.app.player().played();
    assert!(played.len() > played_before, "turning red is heard");
    assert_eq!(
        played.last(),
        Some(&Played {
            sound: Sound::Red,
            amplitude: dutydesk::sound::amplitude(70)
        }),
        "the red sound, at the default volume"
    );
    assert_eq!(
        h.app.attention_requests(),
        attention_before,
        "red alone does not flash"
    );

    // Muted from the tray's menu: a breach asks for attention but stays silent.
    h.send(Message::Tray(tray::Event::Action(Action::Mute)));
    assert!(h.app.muted_until().is_some());
    let shown = latest(&states).unwrap();
    assert!(shown.muted_until.is_some());
    assert_eq!(shown.menu()[1].0, Action::Unmute);
    settings.breach_after_secs = settings.red_after_secs + 5 * 60;
    h.app.desk_mut().set_settings(settings.clone());
    let heard = h.app.player().played().len();
    h.advance(since + settings.breach_after_secs - h.app.clock().now());
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Breach);
    assert_eq!(h.app.player().played().len(), heard, "muted");
    let asked = h.app.attention_requests();
    assert!(asked > attention_before, "a breach asks for attention");
    assert!(latest(&states).unwrap().needs_attention());

    // Unmuted, the next breach is heard, as the breach sound.
    h.send(Message::Tray(tray::Event::Action(Action::Unmute)));
    let (second, _) = customer_writes(&mut h, 2, "Still down");
    let since = h.app.desk().row(second).unwrap().waiting_since.unwrap();
    h.advance(since + settings.breach_after_secs - h.app.clock().now());
    assert_eq!(h.app.desk().row(second).unwrap().status, Status::Breach);
    assert_eq!(h.app.player().played().last().unwrap().sound, Sound::Breach);
    assert!(h.app.attention_requests() > asked);
}

#[test]
fn a_mute_ends_by_itself_after_thirty_minutes() {
    let (mut h, _home, _states) = floor_with_tray();
    h.send(Message::Tray(tray::Event::Action(Action::Mute)));
    let until = h.app.muted_until().expect("muted");
    assert_eq!(until, h.app.clock().now() + 30 * 60);
    assert!(
        h.app.next_wake().is_some_and(|at| at <= until),
        "the window wakes when the mute ends, to show it"
    );
    h.advance(30 * 60);
    assert_eq!(h.app.muted_until(), None);
    assert_eq!(h.app.tray_state().muted_until, None);
}

#[test]
fn closing_the_window_keeps_dutydesk_in_the_tray_only_when_chosen_and_there_is_one() {
    let window = iced::window::Id::unique();
    // By default closing quits, tray or not.
    let (mut h, _home, _states) = floor_with_tray();
    h.send(Message::WindowOpened(window));
    assert!(h.app.window_open());
    h.send(Message::CloseRequested(window));
    assert!(h.app.quitting(), "off by default: closing quits");

    // Chosen, and a tray is there: the window closes, DutyDesk goes on; Open brings it back.
    let (mut h, _home, _states) = floor_with_tray();
    h.app.config_mut().desktop.close_to_tray = true;
    h.send(Message::WindowOpened(window));
    h.send(Message::CloseRequested(window));
    assert!(!h.app.window_open());
    assert!(!h.app.quitting());
    h.send(Message::Tray(tray::Event::Action(Action::Open)));
    assert!(h.app.window_open(), "the tray's Open opens a window again");
    h.send(Message::Tray(tray::Event::Action(Action::Quit)));
    assert!(h.app.quitting());

    // Chosen, but the desktop has no tray (or it went away): closing quits.
    let (mut h, _home) = floor();
    h.app.config_mut().desktop.close_to_tray = true;
    h.send(Message::Tray(tray::Event::Unavailable("no watcher".into())));
    h.send(Message::WindowOpened(window));
    h.send(Message::CloseRequested(window));
    assert!(h.app.quitting());

    // Closed into the tray, then the tray goes: the window comes back, the only way in.
    let (mut h, _home, _states) = floor_with_tray();
    h.app.config_mut().desktop.close_to_tray = true;
    h.send(Message::WindowOpened(window));
    h.send(Message::CloseRequested(window));
    assert!(!h.app.window_open());
    h.send(Message::Tray(tray::Event::Gone));
    assert!(h.app.window_open());
}

/// Taps each key in the settings screen, on a fresh view per key, as the window would.
fn tap(h: &mut Harness, keys: &[Named]) {
    for key in keys {
        interact(h, |sim| {
            let status = sim.tap_key(Key::Named(*key));
            assert_eq!(
                status,
                iced::event::Status::Captured,
                "{key:?} was not used"
            );
        });
    }
}

fn focus(app: &App) -> Option<Control> {
    app.settings().and_then(|draft| draft.focus())
}

#[test]
fn sounds_tray_and_start_at_login_set_from_the_keyboard() {
    let (mut h, home) = floor();
    let entry = home.path().join("config/autostart/dutydesk.desktop");
    assert!(!entry.exists());
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    // From the alarm sound's switch down through the sounds.
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::AlarmSound(true),
    ));
    assert_eq!(focus(&h.app), Some(Control::AlarmSound));
    tap(&mut h, &[Named::ArrowDown]);
    assert_eq!(focus(&h.app), Some(Control::RedSound));
    tap(&mut h, &[Named::Space, Named::ArrowDown, Named::ArrowDown]);
    assert_eq!(focus(&h.app), Some(Control::Volume));
    tap(&mut h, &[Named::ArrowLeft, Named::ArrowLeft]);
    tap(&mut h, &[Named::Tab]);
    assert_eq!(focus(&h.app), Some(Control::QuietHours));
    // What typing there sends (the field may be below the fold of the headless window).
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::QuietHours("22:00-07:00".into()),
    ));
    // On to the Desktop section, after the scale.
    tap(&mut h, &[Named::Tab; 6]);
    assert_eq!(focus(&h.app), Some(Control::Tray));
    tap(&mut h, &[Named::ArrowDown]);
    assert_eq!(focus(&h.app), Some(Control::CloseToTray));
    tap(&mut h, &[Named::Space, Named::ArrowDown]);
    assert_eq!(focus(&h.app), Some(Control::Autostart));
    tap(&mut h, &[Named::Space, Named::Tab]);
    assert_eq!(focus(&h.app), Some(Control::Save));
    assert!(!entry.exists(), "nothing is written before Save");
    tap(&mut h, &[Named::Enter]);

    assert!(matches!(h.app.screen(), Screen::Console), "saved");
    let n = &h.app.config().notifications;
    assert!(!n.red_sound);
    assert!(n.breach_sound && n.alarm_sound);
    assert_eq!(n.volume, 50);
    assert_eq!(n.quiet_hours, "22:00-07:00");
    assert!(h.app.config().desktop.close_to_tray);
    let saved = Config::load(&dutydesk::paths::Paths::portable(home.path()).config_file).unwrap();
    assert_eq!(saved.notifications, *n);
    assert_eq!(saved.desktop, h.app.config().desktop);
    let written = std::fs::read_to_string(&entry).expect("the login entry is written");
    assert!(written.contains("Exec=\""), "{written}");

    // The switch reads the system's entry: on when Settings opens again; off removes it.
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Autostart(false),
    ));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Save,
    ));
    assert!(!entry.exists(), "switched off, the entry is gone");
}

#[test]
fn quiet_hours_that_do_not_read_keep_the_screen_open_with_the_reason() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::QuietHours("after 22".into()),
    ));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Save,
    ));
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    assert!(visible(
        &h,
        "Quiet hours: \"after 22\" is not a time range like 22:00-07:00"
    ));
    assert_eq!(h.app.config().notifications.quiet_hours, "");
}

#[test]
fn where_there_is_no_way_to_start_at_login_the_switch_says_why() {
    let (mut h, _home) = floor();
    h.app
        .no_autostart(dutydesk::autostart::Unavailable::Flatpak);
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Autostart(true),
    ));
    assert!(visible(
        &h,
        "In a Flatpak, your desktop's own startup settings start DutyDesk at login."
    ));
    h.send(Message::Settings(
        dutydesk::ui::features::settings::Message::Save,
    ));
    assert!(matches!(h.app.screen(), Screen::Console));
}
