//! Alarms raised and cleared from the window: the context menu, the key, the row's mark,
//! the order and the store.

use super::*;
use dutydesk::ui::widgets::chat_list::alarm_label;

/// The floor without a duty group: alarms are this screen's own (the fallback).
fn floor_without_team() -> (Harness, tempfile::TempDir) {
    let (mut h, home) = floor();
    let mut settings = h.app.desk().settings().clone();
    settings.staff.duty_group = None;
    h.app.desk_mut().set_settings(settings);
    (h, home)
}

#[test]
fn an_alarm_lifts_a_chat_below_the_pins_and_clears_from_the_keyboard() {
    let (mut h, _home) = floor_without_team();
    let all = ListFilter::new(Filter::All);
    let calm = customer_chats_where(&h, |_, r| {
        r.status == Status::Normal && r.waiting_since.is_none()
    });
    let (pinned, chat) = (calm[0].chat_id, calm[1].clone());
    h.send(Message::Console(console::Message::Act(
        pinned,
        console::ChatAction::TogglePin,
    )));
    let before = h.app.desk().position(&all, chat.chat_id).unwrap();
    assert!(before > 1, "the chat starts lower in the list ({before})");

    // Raise it from the context menu.
    right_click_title(&mut h, &chat.title);
    assert_eq!(h.app.console().menu(), Some(chat.chat_id));
    interact(&mut h, |sim| {
        sim.click("Raise alarm").unwrap();
    });
    assert_eq!(h.app.console().menu(), None);
    h.send(Message::Console(console::Message::TitleFilter(
        String::new(),
    )));
    assert_eq!(
        h.app.desk().chat_ids(&all, 0..2),
        vec![pinned, chat.chat_id],
        "the alarm sits right below the pins"
    );
    let row = h.app.desk().row(chat.chat_id).unwrap();
    assert_eq!(row.status, Status::Alarm);
    // The row itself says so, on the chat's own line.
    {
        let mut sim = ui(&h.app);
        let title = sim.find(label(&chat.title)).unwrap();
        let mark = sim
            .find(label(&alarm_label()))
            .expect("the row shows the alarm");
        let (title, mark) = (
            title.visible_bounds().unwrap(),
            mark.visible_bounds().unwrap(),
        );
        assert!((title.center_y() - mark.center_y()).abs() < 4.0);
    }
    let saved = h.app.store().unwrap().load_local().unwrap();
    assert_eq!(saved.alarms, vec![chat.chat_id], "the alarm is stored");

    // The menu now offers to clear it; Ctrl+E on the open chat does.
    right_click_title(&mut h, &chat.title);
    assert!(visible(&h, "Clear alarm"));
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.app.console().menu(), None, "Esc closes the menu");
    open_by_click(&mut h, &chat.title);
    h.send(Message::Key(Key::Character("e".into()), Modifiers::CTRL));
    h.send(Message::Console(console::Message::TitleFilter(
        String::new(),
    )));
    assert_eq!(
        h.app.desk().row(chat.chat_id).unwrap().status,
        Status::Normal
    );
    assert_eq!(
        h.app.desk().position(&all, chat.chat_id),
        Some(before),
        "it returns to its place"
    );
    assert!(!visible_label(&h, &alarm_label()));
    let saved = h.app.store().unwrap().load_local().unwrap();
    assert!(saved.alarms.is_empty(), "the cleared alarm is forgotten");
}
