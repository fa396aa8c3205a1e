//! The chat context menu opens where it was asked for: at the pointer on a right click
//! (flipped to stay in the window near its edges), at the chat's row from the keyboard.

use super::*;
use dutydesk::ui::screens::console::list_pane::MENU_ID;

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
    let row = h.app.desk.rows(&all, 2..3).remove(0);
    let title = ui(&h.app)
        .find(label(&row.title))
        .unwrap()
        .visible_bounds()
        .unwrap();
    let pointer = iced::Point::new(title.x + 60.0, title.center_y());
    right_click(&mut h, pointer);
    assert_eq!(h.app.console.menu, Some(row.chat), "the clicked row's menu");
    let menu = menu_bounds(&h);
    assert!(
        (menu.x - pointer.x).abs() < 1.0 && (menu.y - pointer.y).abs() < 1.0,
        "the menu's corner is at the pointer: {menu:?} vs {pointer:?}"
    );

    // A right click on another row, beside the open menu, moves the menu there.
    let other = h.app.desk.rows(&all, 6..7).remove(0);
    let title = ui(&h.app)
        .find(label(&other.title))
        .unwrap()
        .visible_bounds()
        .unwrap();
    let pointer = iced::Point::new(title.x + 10.0, title.center_y());
    right_click(&mut h, pointer);
    assert_eq!(h.app.console.menu, Some(other.chat));
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
    assert_eq!(h.app.console.menu, None);

    // The last row in view, near the pane's right edge: the menu flips up and left.
    let pane = ui(&h.app)
        .find(id(dutydesk::ui::widgets::chat_list::LIST_ID))
        .unwrap()
        .bounds();
    let pointer = iced::Point::new(pane.x + pane.width - 30.0, pane.y + pane.height - 8.0);
    right_click(&mut h, pointer);
    assert!(h.app.console.menu.is_some(), "a row was under the pointer");
    let menu = menu_bounds(&h);
    assert!(inside_window(menu), "{menu:?}");
    assert!(
        (menu.x + menu.width - pointer.x).abs() < 1.0
            && (menu.y + menu.height - pointer.y).abs() < 1.0,
        "the menu ends at the pointer: {menu:?} vs {pointer:?}"
    );
    assert!(visible(&h, "Raise alarm"), "its items are there");
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.app.console.menu, None, "Esc closes it");
}

#[test]
fn from_the_keyboard_the_menu_opens_under_the_selected_row() {
    let (mut h, _home) = floor();
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    h.send(Message::Key(Key::Named(Named::ArrowDown), Modifiers::ALT));
    let chat = h.app.console.open_chat().unwrap();
    let title = h.app.desk.row(chat).unwrap().title;
    // A right click first: the keyboard must not reuse its position.
    right_click(&mut h, iced::Point::new(300.0, 500.0));
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));

    h.send(Message::Key(Key::Named(Named::F10), Modifiers::SHIFT));
    assert_eq!(h.app.console.menu, Some(chat));
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
    assert!(h.app.desk.is_starred(chat), "its items act on the chat");
}
