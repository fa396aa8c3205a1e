//! DutyDesk's Telegram layer (sessions, the receive hub, translation) against the
//! in-process simulator: the same code path as with the real TDLib.

mod common;

use std::time::Duration;

use common::wait_for;
use dutydesk::desk::{ChatKind, Event, Sender};
use dutydesk::telegram::{self, AuthState, Session, SessionConfig, TgEvent, hub};

fn init() {
    telegram::init_backend(telegram::Backend::Simulated(tdsim::WorldConfig::default()))
        .expect("the simulated backend");
}

fn config(demo: bool) -> SessionConfig {
    SessionConfig {
        api_id: 1,
        api_hash: "0123456789abcdef0123456789abcdef".into(),
        database_dir: std::env::temp_dir().join("dutydesk-session-test"),
        encryption_key: telegram::keys::random_key(),
        demo,
    }
}

async fn auth(
    events: &mut hub::EventReceiver,
    what: &str,
    want: fn(&AuthState) -> bool,
) -> AuthState {
    wait_for(events, 10, what, |e| match e {
        TgEvent::Auth(state) if want(state) => Some(state.clone()),
        TgEvent::Error(e) => panic!("unexpected error while waiting for {what}: {e}"),
        _ => None,
    })
    .await
}

#[tokio::test]
async fn logs_in_step_by_step_and_rejects_a_wrong_code() {
    init();
    let session = Session::start(config(false)).unwrap();
    let mut events = hub::take_events(session.client_id()).unwrap();
    auth(&mut events, "WaitPhoneNumber", |s| {
        *s == AuthState::WaitPhoneNumber
    })
    .await;
    session.set_phone("+15550123".into()).await.unwrap();
    let state = auth(&mut events, "WaitCode", |s| {
        matches!(s, AuthState::WaitCode { .. })
    })
    .await;
    // TDLib reports the number as digits only.
    assert_eq!(
        state,
        AuthState::WaitCode {
            phone: "15550123".into()
        }
    );
    let wrong = session.check_code("00000".into()).await.unwrap_err();
    assert_eq!(
        (wrong.code, wrong.message.as_str()),
        (400, "PHONE_CODE_INVALID")
    );
    session.check_code(tdsim::LOGIN_CODE.into()).await.unwrap();
    auth(&mut events, "Ready", |s| *s == AuthState::Ready).await;

    session.close().await.unwrap();
    auth(&mut events, "Closed", |s| *s == AuthState::Closed).await;
    assert!(hub::wait_closed(
        Some(session.client_id()),
        Duration::from_secs(5)
    ));
}

#[tokio::test]
async fn chats_messages_and_clock_arrive_as_desk_events() {
    init();
    let session = Session::start(config(true)).unwrap();
    let control = tdsim::control(session.client_id()).unwrap();
    let layout = control.layout();
    let mut events = hub::take_events(session.client_id()).unwrap();
    auth(&mut events, "Ready (demo logs in by itself)", |s| {
        *s == AuthState::Ready
    })
    .await;
    session.load_all_chats().await.unwrap();

    let customer_chat = &layout.customer_chats[0];
    let kind = wait_for(&mut events, 10, "the customer chat", |e| match e {
        TgEvent::Desk(Event::ChatAdded { chat, kind, .. }) if *chat == customer_chat.chat_id => {
            Some(*kind)
        }
        _ => None,
    })
    .await;
    assert_ne!(kind, ChatKind::Channel);

    // A customer writes; ten virtual minutes pass; both reach the app in order.
    let customer = customer_chat.customers[0];
    let id = control
        .write(customer_chat.chat_id, customer, "the server is down")
        .unwrap();
    let start = control.now();
    let arrived = wait_for(&mut events, 10, "the customer's message", |e| match e {
        TgEvent::Desk(Event::MessageArrived(m)) if m.id == id => Some(m.clone()),
        _ => None,
    })
    .await;
    assert_eq!(arrived.sender, Sender::User(customer));
    assert_eq!(arrived.preview, "the server is down");
    assert_eq!(arrived.date, start);
    control.advance(600);
    let clock = wait_for(&mut events, 10, "the clock", |e| match e {
        TgEvent::Clock(t) if *t >= start + 600 => Some(*t),
        _ => None,
    })
    .await;
    assert_eq!(clock, start + 600);

    // Our reply: a temporary id, then the permanent one.
    let temp = session
        .send_text(customer_chat.chat_id, "on it".into(), Some(id), false)
        .await
        .unwrap();
    let (old, new) = wait_for(&mut events, 10, "send succeeded", |e| match e {
        TgEvent::SendSucceeded { old_id, new_id, .. } => Some((*old_id, *new_id)),
        _ => None,
    })
    .await;
    assert_eq!(old, temp);
    assert_ne!(new, temp);

    // A failed send is reported, never dropped.
    control.fail_next_send(500, "INTERNAL_SERVER_ERROR");
    let _ = session
        .send_text(customer_chat.chat_id, "retry me".into(), None, false)
        .await;
    let error = wait_for(&mut events, 10, "send failed", |e| match e {
        TgEvent::SendFailed { error, .. } => Some(error.clone()),
        _ => None,
    })
    .await;
    assert!(error.contains("INTERNAL_SERVER_ERROR"), "{error}");

    let history = session
        .load_history(customer_chat.chat_id, 0, 10)
        .await
        .unwrap();
    assert!(
        history.iter().any(|m| m.id == id),
        "history has the customer's message"
    );
    let found = session.search_all("server is down".into()).await.unwrap();
    assert!(
        found
            .iter()
            .any(|m| m.id == id && m.chat == customer_chat.chat_id)
    );

    session.close().await.unwrap();
    auth(&mut events, "Closed", |s| *s == AuthState::Closed).await;
}

#[tokio::test]
async fn batches_keep_order() {
    use futures::StreamExt;
    init();
    let session = Session::start(config(true)).unwrap();
    let control = tdsim::control(session.client_id()).unwrap();
    let layout = control.layout();
    let mut stream = Box::pin(telegram::event_stream(session.client_id()));
    // TDLib sends no messages before the account is ready.
    loop {
        let batch = tokio::time::timeout(Duration::from_secs(10), stream.next())
            .await
            .unwrap()
            .unwrap();
        if batch.contains(&TgEvent::Auth(AuthState::Ready)) {
            break;
        }
    }
    session.load_all_chats().await.unwrap();
    let chat = &layout.customer_chats[0];
    let mut sent = Vec::new();
    for i in 0..50 {
        sent.push(
            control
                .write(chat.chat_id, chat.customers[0], &format!("m{i}"))
                .unwrap(),
        );
    }
    // Everything is queued before the consumer looks: it must come in a few batches, not
    // one UI message per update.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut seen = Vec::new();
    let mut batches = 0;
    while seen.len() < sent.len() {
        let batch = tokio::time::timeout(Duration::from_secs(10), stream.next())
            .await
            .expect("events within 10 s")
            .expect("stream open");
        let before = seen.len();
        for event in batch {
            if let TgEvent::Desk(Event::MessageArrived(m)) = event {
                seen.push(m.id);
            }
        }
        if seen.len() > before {
            batches += 1;
        }
    }
    assert_eq!(seen, sent, "messages arrive in the order they were written");
    assert!(
        batches <= 2,
        "updates are batched ({batches} batches for {} messages)",
        sent.len()
    );
}
