//! The settings pickers while chats load: a group chat or a chat folder that arrives while
//! Settings is open is offered at once, and what the admin typed, highlighted and chose
//! (unsaved) stays as it was.

use super::*;
use dutydesk::desk::{ChatFolder, ChatKind, Event};
use dutydesk::telegram::TgEvent;
use dutydesk::ui::features::settings::picker::none_label;
use dutydesk::ui::features::settings::{DUTY_GROUP_ID, Draft, FOLDER_ID};

/// A group chat the floor does not have.
const NEW_GROUP: i64 = -100_777_000_001;
const NEW_GROUP_TITLE: &str = "Duty escalations";
const NEW_FOLDER: i32 = 9_001;
const NEW_FOLDER_NAME: &str = "Escalated";

fn draft(app: &App) -> &Draft {
    app.settings().expect("the settings screen")
}

#[test]
fn a_group_and_a_folder_arriving_while_settings_is_open_are_pickable_at_once() {
    let (mut h, _home) = floor();
    let duty = h.control.layout().duty_group_chat_id;
    h.send(Message::Console(console::Message::OpenSettings));
    assert!(!visible(&h, NEW_GROUP_TITLE));

    // An unsaved choice (no duty group), then a filter and the arrows on its first match.
    interact(&mut h, |sim| {
        // The duty group sits below the support folder's picker, out of the first view.
        super::settings::scroll_body(sim, 300.0);
        sim.click(label(&none_label())).unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(id(DUTY_GROUP_ID)).unwrap();
        sim.typewrite("duty");
        sim.tap_key(Key::Named(Named::ArrowDown));
    });
    assert_eq!(draft(&h.app).duty_group().highlighted(), Some(Some(duty)));
    // And a filter typed into the folder picker.
    interact(&mut h, |sim| {
        sim.click(id(FOLDER_ID)).unwrap();
        sim.typewrite("esc");
    });
    assert!(visible(&h, "No chat folder matches"));

    // Telegram announces a new group chat and lists the folders anew, with one more.
    let mut folders: Vec<ChatFolder> = h.app.desk().folders().to_vec();
    folders.push(ChatFolder {
        id: NEW_FOLDER,
        name: NEW_FOLDER_NAME.into(),
    });
    h.send(Message::Tg(vec![
        TgEvent::Desk(Event::ChatAdded {
            chat: NEW_GROUP,
            kind: ChatKind::Supergroup,
            title: NEW_GROUP_TITLE.into(),
        }),
        TgEvent::Desk(Event::ChatFolders(folders)),
    ]));

    // Offered without reopening, and nothing the admin did is lost.
    let d = draft(&h.app);
    assert_eq!(d.duty_group().filter, "duty");
    assert_eq!(d.duty_group().chosen, None, "the unsaved choice stays");
    assert_eq!(
        d.duty_group().options().first(),
        Some(&Some(NEW_GROUP)),
        "the new group matches the filter first"
    );
    assert_eq!(
        d.duty_group().highlighted(),
        Some(Some(duty)),
        "the highlight stays on the group it was on"
    );
    assert_eq!(d.folder().filter, "esc");
    assert!(visible(&h, NEW_GROUP_TITLE));
    assert!(visible(&h, NEW_FOLDER_NAME));
    assert!(visible(&h, "Chosen: none"));

    // Both are picked with the mouse, and saved.
    interact(&mut h, |sim| {
        sim.click(label(NEW_GROUP_TITLE)).unwrap();
    });
    interact(&mut h, |sim| {
        sim.click(label(NEW_FOLDER_NAME)).unwrap();
    });
    assert!(visible(&h, &format!("Chosen: {NEW_GROUP_TITLE}")));
    assert!(visible(&h, &format!("Chosen: {NEW_FOLDER_NAME}")));
    h.send(Message::Key(Key::Character("s".into()), Modifiers::CTRL));
    assert!(matches!(h.app.screen(), Screen::Console));
    let saved = &h.app.desk().settings();
    assert_eq!(saved.staff.duty_group, Some(NEW_GROUP));
    assert_eq!(saved.support.folder, Some(NEW_FOLDER));
}
