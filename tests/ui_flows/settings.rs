//! The settings screen from the keyboard and the mouse: every control, the duty-group
//! picker, which chooses the group whose members count as staff by its title, and the
//! support-folder picker, which chooses the chat folder of support chats by its name.

use super::*;
use dutydesk::desk::{ChatKind, Event};
use dutydesk::telegram::TgEvent;
use dutydesk::ui::features::settings::focus::Control;
use dutydesk::ui::features::settings::picker::{all_chats_label, none_label};
use dutydesk::ui::features::settings::{DUTY_GROUP_ID, FOLDER_ID, PATTERN_ID};
use std::collections::BTreeSet;

/// Taps each key in the settings screen, on a fresh view per key (as the window redraws
/// between presses), and asserts the screen used it.
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

/// Scrolls the settings body down by `pixels` with the mouse wheel.
pub(super) fn scroll_body(sim: &mut Simulator<'_, Message>, pixels: f32) {
    sim.point_at(iced::Point::new(400.0, 400.0));
    sim.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
        delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -pixels },
    })]);
}

fn settings_focus(app: &App) -> Option<Control> {
    app.settings().and_then(|draft| draft.focus())
}

#[test]
fn every_setting_changes_and_saves_from_the_keyboard_alone() {
    let (mut h, home) = floor();
    assert!(!h.app.desk().settings().float_waiting);
    assert!(!h.app.config().messages.link_previews);
    assert_eq!(h.app.config().ui.theme, "auto");
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    assert!(matches!(h.app.screen(), Screen::Settings(_)));
    assert_eq!(settings_focus(&h.app), None, "no ring before the first key");

    // Tab past the three minute fields to a checkbox; Space ticks it.
    tap(&mut h, &[Named::Tab; 4]);
    assert_eq!(settings_focus(&h.app), Some(Control::FloatWaiting));
    tap(&mut h, &[Named::Space]);
    // Down to the folder picker, Tab over its list (Down would walk it), Down to the
    // duty-group picker, Tab over its list too, Down through the staff field and the
    // notifications; Enter ticks too.
    tap(&mut h, &[Named::ArrowDown; 2]);
    assert_eq!(settings_focus(&h.app), Some(Control::Folder));
    tap(&mut h, &[Named::Tab, Named::ArrowDown]);
    assert_eq!(settings_focus(&h.app), Some(Control::DutyGroup));
    tap(&mut h, &[Named::Tab]);
    tap(&mut h, &[Named::ArrowDown; 5]);
    assert_eq!(settings_focus(&h.app), Some(Control::AlarmSound));
    // Past the sounds (red, breach, volume, quiet hours) to the messages.
    tap(&mut h, &[Named::ArrowDown; 5]);
    assert_eq!(settings_focus(&h.app), Some(Control::LinkPreviews));
    tap(&mut h, &[Named::Enter]);
    // Up and back down again, then the choices: Right steps through them.
    tap(
        &mut h,
        &[Named::ArrowUp, Named::ArrowDown, Named::Tab, Named::Tab],
    );
    assert_eq!(settings_focus(&h.app), Some(Control::Language));
    tap(&mut h, &[Named::Tab]);
    assert_eq!(settings_focus(&h.app), Some(Control::Theme));
    tap(&mut h, &[Named::ArrowRight, Named::ArrowRight]);
    tap(&mut h, &[Named::Tab, Named::ArrowRight]);
    assert_eq!(settings_focus(&h.app), Some(Control::Scale));
    // Nothing applies before Save.
    assert!(!h.app.desk().settings().float_waiting);
    assert_eq!(h.app.config().ui.theme, "auto");

    // Past the Desktop section (tray, closing into it, start at login) to Save.
    tap(&mut h, &[Named::Tab; 4]);
    assert_eq!(settings_focus(&h.app), Some(Control::Save));
    tap(&mut h, &[Named::Enter]);
    assert!(
        matches!(h.app.screen(), Screen::Console),
        "Enter on Save saved"
    );
    assert!(h.app.desk().settings().float_waiting);
    assert!(h.app.config().messages.link_previews);
    assert_eq!(h.app.config().ui.theme, "dark");
    assert_eq!(h.app.theme().name, "Dark", "the theme applies at once");
    assert!((h.app.config().ui.scale - 1.1).abs() < 1e-6);
    let paths = dutydesk::paths::Paths::portable(home.path());
    let saved = Config::load(&paths.config_file).unwrap();
    assert_eq!(saved.ui.theme, "dark");
    assert!(saved.messages.link_previews);
    assert!((saved.ui.scale - 1.1).abs() < 1e-6);
    let stored = h.app.store().unwrap().load_settings().unwrap().unwrap();
    assert!(stored.float_waiting, "the desk settings are stored");

    // Tab goes on from a field clicked into; Space there types; Esc still cancels.
    h.send(Message::Console(console::Message::OpenSettings));
    interact(&mut h, |sim| {
        sim.click(id(PATTERN_ID)).unwrap();
        sim.tap_key(Key::Named(Named::Tab));
    });
    assert_eq!(settings_focus(&h.app), Some(Control::DutyGroup));
    interact(&mut h, |sim| {
        sim.click(id(PATTERN_ID)).unwrap();
        sim.typewrite("Support: *");
    });
    assert_eq!(h.app.settings().map(|d| d.pattern()), Some("Support: *"));
    assert_eq!(settings_focus(&h.app), Some(Control::Pattern));
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(matches!(h.app.screen(), Screen::Console));
    assert!(h.app.desk().settings().support.title_pattern.is_empty());
}

/// A support chat a colleague is a member of, with nobody waiting: (chat, a customer, the
/// colleague).
fn calm_chat_with_a_colleague(h: &Harness) -> (i64, i64, i64) {
    let chat = customer_chats_where(h, |c, r| {
        !c.staff.is_empty() && r.support && r.status == Status::Normal
    })
    .into_iter()
    .next()
    .expect("a calm chat with a colleague in it");
    (chat.chat_id, chat.customers[0], chat.staff[0])
}

fn highlighted(app: &App) -> Option<Option<i64>> {
    app.settings()
        .and_then(|draft| draft.duty_group().highlighted())
}

#[test]
fn the_duty_group_is_picked_by_title_and_its_members_count_as_staff() {
    let (mut h, _home) = floor();
    let duty = h.control.layout().duty_group_chat_id;
    assert_eq!(h.app.desk().settings().staff.duty_group, Some(duty));
    let (chat, customer, colleague) = calm_chat_with_a_colleague(&h);

    // "None" with the mouse: no duty group, so colleagues are customers like anyone else.
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(visible(&h, "Chosen: Support duty"), "the title, not the id");
    interact(&mut h, |sim| {
        // The duty group sits below the support folder's picker, out of the first view.
        scroll_body(sim, 300.0);
        sim.click(label(&none_label())).unwrap();
    });
    assert!(visible(&h, "Chosen: none"));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert!(matches!(h.app.screen(), Screen::Console));
    assert_eq!(h.app.desk().settings().staff.duty_group, None);
    // The demo floor guessed the group by its title; the saved "None" is not guessed back
    // when Telegram announces the group again (and the store remembers the choice).
    let store = h.app.store().unwrap();
    assert!(store.duty_group_chosen().unwrap());
    let kind = h
        .app
        .desk()
        .row(duty)
        .map_or(ChatKind::Supergroup, |r| r.kind);
    let again = Event::ChatAdded {
        chat: duty,
        kind,
        title: "Support duty".into(),
    };
    h.send(Message::Tg(vec![TgEvent::Desk(again)]));
    assert_eq!(
        h.app.desk().settings().staff.duty_group,
        None,
        "not guessed back"
    );
    h.control
        .write(chat, customer, "Is the mail server down?")
        .unwrap();
    h.control.write(chat, colleague, "Looking into it").unwrap();
    h.settle();
    h.freeze_clock();
    assert_eq!(
        h.app.desk().row(chat).unwrap().status,
        Status::Waiting,
        "no duty group: the colleague's answer is not a staff reply"
    );

    // From the keyboard: part of the title, Down to the match, Space picks, Ctrl+S saves.
    h.send(Message::Key(Key::Character(",".into()), Modifiers::CTRL));
    interact(&mut h, |sim| {
        sim.click(id(DUTY_GROUP_ID)).unwrap();
        sim.typewrite("duty");
        sim.tap_key(Key::Named(Named::ArrowDown));
    });
    assert_eq!(settings_focus(&h.app), Some(Control::DutyGroup));
    assert_eq!(highlighted(&h.app), Some(Some(duty)), "the match, first");
    assert!(visible(&h, "Chosen: none"), "nothing picked yet");
    tap(&mut h, &[Named::Space]);
    assert!(visible(&h, "Chosen: Support duty"));
    assert!(visible(&h, "chosen"), "marked in the list");
    h.send(Message::Key(Key::Character("s".into()), Modifiers::CTRL));
    assert!(matches!(h.app.screen(), Screen::Console));
    assert_eq!(h.app.desk().settings().staff.duty_group, Some(duty));

    // Saving fetched the group's members: the colleague's next answer is a staff reply.
    h.control
        .write(chat, colleague, "Fixed, please check")
        .unwrap();
    h.settle();
    h.freeze_clock();
    assert_eq!(
        h.app.desk().row(chat).unwrap().status,
        Status::Normal,
        "answered by staff"
    );
}

#[test]
fn a_duty_group_not_loaded_is_shown_by_id_and_kept() {
    let (mut h, _home) = floor();
    let mut settings = h.app.desk().settings().clone();
    settings.staff.duty_group = Some(-4242);
    h.app.desk_mut().set_settings(settings);
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(visible(&h, "Chosen: -4242 (not loaded)"));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert_eq!(h.app.desk().settings().staff.duty_group, Some(-4242));
}

/// The chats the console lists under its current filter, top to bottom.
fn listed(h: &Harness) -> Vec<i64> {
    let filter = h.app.console().list_filter();
    h.app.desk().chat_ids(&filter, 0..h.app.desk().len(&filter))
}

#[test]
fn the_support_folder_is_picked_by_name_and_narrows_the_support_list() {
    let (mut h, _home) = floor();
    let layout = h.control.layout();
    let private_folder = layout
        .folders
        .iter()
        .find(|f| f.1 == "Private")
        .expect("the floor has a Private folder")
        .0;
    let private: BTreeSet<i64> = layout
        .customer_chats
        .iter()
        .filter(|c| c.is_private)
        .map(|c| c.chat_id)
        .collect();
    h.send(Message::Console(console::Message::Filter(Filter::Support)));
    let every_support_chat = listed(&h);
    assert!(
        every_support_chat.iter().any(|c| !private.contains(c)),
        "group chats are support chats too before a folder is chosen"
    );

    // Part of the name, then Enter in the field picks the best match.
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(visible(&h, "Chosen: all chats"));
    assert!(visible(&h, "Customers"), "the folders are listed by name");
    interact(&mut h, |sim| {
        sim.click(id(FOLDER_ID)).unwrap();
        sim.typewrite("RIV");
    });
    assert!(!visible(&h, "Customers"), "the filter narrows the folders");
    interact(&mut h, |sim| {
        sim.click(id(FOLDER_ID)).unwrap();
        sim.tap_key(Key::Named(Named::Enter));
    });
    assert!(visible(&h, "Chosen: Private"));
    assert_eq!(
        h.app.desk().settings().support.folder,
        None,
        "nothing applies before Save"
    );
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert!(matches!(h.app.screen(), Screen::Console));
    assert_eq!(h.app.desk().settings().support.folder, Some(private_folder));
    let in_folder = listed(&h);
    assert!(!in_folder.is_empty());
    assert!(
        in_folder.iter().all(|c| private.contains(c)),
        "only the folder's chats are support chats"
    );
    let expected: Vec<i64> = every_support_chat
        .iter()
        .copied()
        .filter(|c| private.contains(c))
        .collect();
    assert_eq!(in_folder, expected, "every private support chat stays");

    // "All chats" with the mouse: no folder, every support chat again.
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(visible(&h, "Chosen: Private"), "the saved choice, by name");
    interact(&mut h, |sim| {
        sim.click(label(&all_chats_label())).unwrap();
    });
    assert!(visible(&h, "Chosen: all chats"));
    h.send(Message::Key(Key::Character("s".into()), Modifiers::CTRL));
    assert_eq!(h.app.desk().settings().support.folder, None);
    assert_eq!(listed(&h), every_support_chat);
}

#[test]
fn a_folder_not_loaded_is_shown_by_id_and_kept() {
    let (mut h, _home) = floor();
    let mut settings = h.app.desk().settings().clone();
    settings.support.folder = Some(42);
    h.app.desk_mut().set_settings(settings);
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(visible(&h, "Chosen: 42 (not loaded)"));
    interact(&mut h, |sim| {
        sim.click("Save").unwrap();
    });
    assert_eq!(h.app.desk().settings().support.folder, Some(42));
}
