//! Effects by backend: what one message asks of Telegram, of the store and of the outside
//! world is data of its own kind, looked at here before anything runs.

use super::*;
use dutydesk::desk::LocalChange;
use dutydesk::ui::effect::store::Write;
use dutydesk::ui::features::console::Request;
use dutydesk::ui::features::settings;

#[test]
fn opening_a_chat_asks_telegram_and_writes_nothing() {
    let (mut h, _home) = floor();
    let unread = customer_chats_where(&h, |_, r| r.unread)[0].chat_id;
    let effects = h.app.handle(Message::Console(console::Message::List(
        dutydesk::ui::widgets::chat_list::Event::Select(unread),
    )));
    let asked: Vec<&Request> = effects
        .telegram_calls()
        .iter()
        .map(|c| c.request::<Request>().expect("the console's own request"))
        .collect();
    assert_eq!(
        asked,
        [
            &Request::OpenChat(unread),
            &Request::LoadHistory {
                chat: unread,
                from: 0,
                limit: console::HISTORY_PAGE
            },
            &Request::MarkChatRead(unread),
        ]
    );
    assert!(effects.store_writes().is_empty());
    assert!(effects.http_calls().is_empty());
    // Run as the window would, the replies come back to the console.
    h.run(effects);
    assert!(!h.app.console().open().unwrap().history.lines.is_empty());
}

#[test]
fn a_pin_is_a_store_write_and_no_telegram_request() {
    let (mut h, _home) = floor();
    let chat = customer_chats_where(&h, |_, r| !r.pinned)[0].chat_id;
    let effects = h.app.handle(Message::Console(console::Message::Act(
        chat,
        console::ChatAction::TogglePin,
    )));
    assert!(effects.telegram_calls().is_empty());
    assert_eq!(
        effects.store_writes(),
        [Write::Marks(vec![LocalChange::Pins(vec![chat])])]
    );
    // Nothing is stored before the executor runs it.
    assert!(h.app.store().unwrap().load_local().unwrap().pins.is_empty());
    h.run(effects);
    assert_eq!(
        h.app.store().unwrap().load_local().unwrap().pins,
        vec![chat]
    );
}

#[test]
fn saved_settings_are_the_settings_screens_store_write() {
    let (mut h, _home) = floor();
    h.send(Message::Console(console::Message::OpenSettings));
    h.send(Message::Settings(settings::Message::Red("7".into())));
    let effects = h.app.handle(Message::Settings(settings::Message::Save));
    let [Write::Settings(saved)] = effects.store_writes() else {
        panic!("{effects:?}");
    };
    assert_eq!(saved.red_after_secs, 7 * 60);
    assert_eq!(saved, h.app.desk().settings(), "applied as written");
    assert!(
        effects.telegram_calls().is_empty(),
        "the duty group did not change: its members are not asked again"
    );
}
