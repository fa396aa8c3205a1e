//! The chat context menu opens where it was asked for: at the pointer on a right click
//! (flipped to stay in the window near its edges), at the chat's row from the keyboard;
//! it closes when the admin scrolls away, and stays with its chat when the list re-sorts
//! under it, so a click meant for the menu never lands on another chat's row.

use super::*;
use dutydesk::ui::features::console::list_pane::MENU_ID;

fn menu_bounds(h: &Harness) -> iced::Rectangle {
    ui(&h.app)
        .find(id(MENU_ID))
        .expect("the menu is open")
        .bounds()
}

fn inside_window(r: iced::Rectangle) -> bool {
    r.x >= 0.0
        && r.y >= 0.0
        && r.x + r.width <= WINDOW_SIZE.width
        && r.y + r.height <= WINDOW_SIZE.height
}

#[test]
fn the_menu_opens_at_the_pointer_and_stays_in_the_window() {
    let (mut h, _home) = floor();
    // Open the first chat, so the right pane shows no chat titles of the list.
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let all = ListFilter::new(Filter::All);

    // A row near the top: the menu hangs from the pointer.
    let row = h.app.desk().rows(&all, 2..3).remove(0);
    let title = label_bounds(&h, &row.title);
    let pointer = iced::Point::new(title.x + 60.0, title.center_y());
    right_click(&mut h, pointer);
    assert_eq!(
        h.app.console().menu(),
        Some(row.chat),
        "the clicked row's menu"
    );
    let menu = menu_bounds(&h);
    assert!(
        (menu.x - pointer.x).abs() < 1.0 && (menu.y - pointer.y).abs() < 1.0,
        "the menu's corner is at the pointer: {menu:?} vs {pointer:?}"
    );

    // A right click on another row, beside the open menu, moves the menu there.
    let other = h.app.desk().rows(&all, 6..7).remove(0);
    let title = label_bounds(&h, &other.title);
    let pointer = iced::Point::new(title.x + 10.0, title.center_y());
    right_click(&mut h, pointer);
    assert_eq!(h.app.console().menu(), Some(other.chat));
    let menu = menu_bounds(&h);
    assert!((menu.x - pointer.x).abs() < 1.0 && (menu.y - pointer.y).abs() < 1.0);

    // A click beside the menu closes it.
    interact(&mut h, |sim| {
        sim.point_at(iced::Point::new(900.0, 400.0));
        sim.simulate([
            iced::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)),
            iced::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)),
        ]);
    });
    assert_eq!(h.app.console().menu(), None);

    // The last row in view, near the pane's right edge: the menu flips up and left.
    let pane = ui(&h.app)
        .find(id(dutydesk::ui::widgets::chat_list::LIST_ID))
        .unwrap()
        .bounds();
    let pointer = iced::Point::new(pane.x + pane.width - 30.0, pane.y + pane.height - 8.0);
    right_click(&mut h, pointer);
    assert!(
        h.app.console().menu().is_some(),
        "a row was under the pointer"
    );
    let menu = menu_bounds(&h);
    assert!(inside_window(menu), "{menu:?}");
    assert!(
        (menu.x + menu.width - pointer.x).abs() < 1.0
            && (menu.y + menu.height - pointer.y).abs() < 1.0,
        "the menu ends at the pointer: {menu:?} vs {pointer:?}"
    );
    assert!(visible(&h, "Raise alarm"), "its items are there");
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.app.console().menu(), None, "Esc closes it");
}

#[test]
fn from_the_keyboard_the_menu_opens_under_the_selected_row() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let chat = h.app.console().open_chat().unwrap();
    let title = h.app.desk().row(chat).unwrap().title;
    // A right click first: the keyboard must not reuse its position.
    right_click(&mut h, iced::Point::new(300.0, 500.0));
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));

    h.send(Message::Key(Key::Named(Named::F10), Modifiers::SHIFT));
    assert_eq!(h.app.console().menu(), Some(chat));
    // The list comes before the open chat's header in the window: the first label is the row.
    let row = ui(&h.app)
        .find(label(&title))
        .unwrap()
        .visible_bounds()
        .expect("the row is in view");
    assert!(
        row.x < 200.0,
        "the list's row, not the chat header: {row:?}"
    );
    let menu = menu_bounds(&h);
    assert!(
        menu.y >= row.y + row.height - 1.0 && menu.y <= row.y + row.height + 12.0,
        "just under the row: {menu:?} vs {row:?}"
    );
    assert!(inside_window(menu));
    interact(&mut h, |sim| {
        sim.click("Star").unwrap();
    });
    assert!(h.app.desk().is_starred(chat), "its items act on the chat");
}

/// Turns the mouse wheel over the chat list by `pixels` (down when positive).
fn scroll_list(h: &mut Harness, pixels: f32) {
    let list = ui(&h.app)
        .find(id(dutydesk::ui::widgets::chat_list::LIST_ID))
        .unwrap()
        .bounds();
    // Low in the list: a menu opened on one of the top rows reaches past its middle (the
    // toolkit's bar sits above the list) and would take the wheel itself.
    let spot = iced::Point::new(list.center_x(), list.y + list.height * 0.85);
    interact(h, |sim| {
        sim.point_at(spot);
        sim.simulate([iced::Event::Mouse(mouse::Event::WheelScrolled {
            delta: mouse::ScrollDelta::Pixels { x: 0.0, y: -pixels },
        })]);
    });
}

/// Right-clicks the title of the list's row `index` (All filter), returning its chat.
fn right_click_row(h: &mut Harness, index: usize) -> i64 {
    let row = h
        .app
        .desk()
        .rows(&ListFilter::new(Filter::All), index..index + 1)
        .remove(0);
    let title = label_bounds(h, &row.title);
    right_click(h, iced::Point::new(title.x + 20.0, title.center_y()));
    assert_eq!(
        h.app.console().menu(),
        Some(row.chat),
        "the clicked row's menu"
    );
    row.chat
}

#[test]
fn a_menu_at_the_pointer_closes_when_the_list_scrolls_under_it() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    right_click_row(&mut h, 2);
    // Nothing moved: a tick and a scroll report of the same position leave it open.
    h.send(Message::Tick);
    let (offset_y, height) = (h.app.console().scroll().0, h.app.console().scroll().1);
    h.send(Message::Console(console::Message::List(
        dutydesk::ui::widgets::chat_list::Event::Scrolled { offset_y, height },
    )));
    assert!(h.app.console().menu().is_some(), "still on its row");

    // A few pixels are enough: the pointer's spot is now on another part of the list.
    scroll_list(&mut h, 30.0);
    assert!(h.app.console().scroll().0 > 0.0, "the list scrolled");
    assert_eq!(h.app.console().menu(), None, "closed with the scroll");
    assert!(
        ui(&h.app).find(id(MENU_ID)).is_err(),
        "and gone from the view"
    );
}

#[test]
fn a_menu_at_the_pointer_stays_with_its_chat_when_the_list_re_sorts() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let all = ListFilter::new(Filter::All);
    let chat = right_click_row(&mut h, 2);
    // A customer writes in a calm chat further down: it comes up above the menu's row.
    let below = customer_chats_where(&h, |c, r| {
        h.app
            .desk()
            .position(&all, c.chat_id)
            .is_some_and(|i| i > 2)
            && r.status == Status::Normal
    })
    .into_iter()
    .next()
    .expect("a calm chat below the menu's row");
    h.control
        .write(below.chat_id, below.customers[0], "Hello? Anyone there?")
        .unwrap();
    h.settle();
    assert_ne!(
        h.app.desk().position(&all, chat),
        Some(2),
        "the menu's row moved down"
    );
    assert_eq!(
        h.app.console().menu(),
        Some(chat),
        "still open: a re-sort is not the admin's doing"
    );
    // Its items act on its own chat, not on the row that slid under the pointer.
    let under_pointer = h.app.desk().chat_ids(&all, 2..3)[0];
    assert_ne!(under_pointer, chat);
    interact(&mut h, |sim| {
        sim.click("Raise alarm").unwrap();
    });
    assert_eq!(h.app.console().menu(), None, "an item closes the menu");
    // The floor has a duty group: the alarm goes to the team, after its reason.
    interact(&mut h, |sim| {
        sim.click("Raise alarm").unwrap();
    });
    h.pump_until("the team's alarm", |app| {
        app.desk().row(chat).is_some_and(|r| r.alarm)
    });
    assert_eq!(h.app.desk().row(chat).unwrap().status, Status::Alarm);
    assert_ne!(
        h.app.desk().row(under_pointer).unwrap().status,
        Status::Alarm
    );
}

#[test]
fn a_menu_from_the_keyboard_follows_its_row_until_it_scrolls_out_of_view() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let chat = h.app.console().open_chat().unwrap();
    h.send(Message::Key(Key::Named(Named::F10), Modifiers::SHIFT));
    assert_eq!(h.app.console().menu(), Some(chat));
    let before = menu_bounds(&h);

    // Its row (the second) is still in view: the menu moves up with it.
    scroll_list(&mut h, 20.0);
    assert_eq!(h.app.console().menu(), Some(chat), "still open");
    let after = menu_bounds(&h);
    assert!(
        (before.y - after.y - 20.0).abs() < 1.0,
        "moved with its row: {before:?} then {after:?}"
    );

    // Scrolled far away: closed rather than left pinned to the list's edge.
    scroll_list(&mut h, 2_000.0);
    assert_eq!(h.app.console().menu(), None);
}
