//! History loading against a simulator that, like real TDLib, answers a chat's first
//! getChatHistory with only the last message (the faults scenario).

mod common;

use common::wait_for;
use dutydesk::telegram::{self, AuthState, Session, SessionConfig, TgEvent, hub};

#[tokio::test]
async fn load_history_asks_again_until_the_page_is_full() {
    let config = tdsim::WorldConfig {
        scenario: tdsim::Scenario::builtin("faults").unwrap(),
        ..tdsim::WorldConfig::default()
    };
    telegram::init_backend(telegram::Backend::Simulated(config)).unwrap();
    let session = Session::start(SessionConfig {
        api_id: 1,
        api_hash: "0123456789abcdef0123456789abcdef".into(),
        database_dir: std::env::temp_dir().join("dutydesk-history-test"),
        encryption_key: telegram::keys::random_key(),
        demo: true,
    })
    .unwrap();
    let control = tdsim::control(session.client_id()).unwrap();
    let mut events = hub::take_events(session.client_id()).unwrap();
    wait_for(&mut events, 10, "Ready", |e| {
        matches!(e, TgEvent::Auth(AuthState::Ready)).then_some(())
    })
    .await;
    session.load_all_chats().await.unwrap();

    let chat = &control.layout().customer_chats[0];
    let mut written = Vec::new();
    for i in 0..8 {
        let id = control.write(chat.chat_id, chat.customers[0], &format!("question {i}"));
        written.push(id.unwrap());
    }
    let page = session.load_history(chat.chat_id, 0, 5).await.unwrap();
    let ids: Vec<i64> = page.iter().map(|m| m.id).collect();
    let newest: Vec<i64> = written.iter().rev().take(5).copied().collect();
    assert_eq!(ids, newest, "five newest, newest first, no duplicates");

    let older = session.load_history(chat.chat_id, ids[4], 3).await.unwrap();
    let older_ids: Vec<i64> = older.iter().map(|m| m.id).collect();
    let expected: Vec<i64> = written.iter().rev().skip(5).copied().collect();
    assert_eq!(
        older_ids, expected,
        "the next page continues where the first ended"
    );
}
