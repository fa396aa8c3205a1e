//! The simulator built as a drop-in libtdjson, loaded exactly as the real TDLib is (through
//! DutyDesk's native backend), driving a login and chat loading.

mod common;

use common::wait_for;
use dutydesk::desk::Event;
use dutydesk::telegram::{self, AuthState, NativeLibrary, Session, SessionConfig, TgEvent, hub};

#[tokio::test]
async fn the_simulator_cdylib_drives_login_and_chat_loading() {
    let lib =
        NativeLibrary::load(&common::sim_cdylib()).expect("the simulator loads as a libtdjson");
    assert_eq!(lib.version(), "1.8.61");
    telegram::init_backend(telegram::Backend::Native(lib)).unwrap();
    assert_eq!(telegram::tdjson::backend_name(), "native");

    let dir = tempfile::tempdir().unwrap();
    let session = Session::start(SessionConfig {
        api_id: 1,
        api_hash: "0123456789abcdef0123456789abcdef".into(),
        database_dir: dir.path().to_path_buf(),
        encryption_key: telegram::keys::random_key(),
        demo: false,
    })
    .unwrap();
    let mut events = hub::take_events(session.client_id()).unwrap();
    let state = |want: AuthState| {
        move |e: &TgEvent| matches!(e, TgEvent::Auth(s) if *s == want).then_some(())
    };
    wait_for(
        &mut events,
        10,
        "WaitPhoneNumber",
        state(AuthState::WaitPhoneNumber),
    )
    .await;
    session.set_phone("+15550199".into()).await.unwrap();
    session.check_code(tdsim::LOGIN_CODE.into()).await.unwrap();
    wait_for(&mut events, 10, "Ready", state(AuthState::Ready)).await;

    session.load_all_chats().await.unwrap();
    let mut chats = 0;
    wait_for(&mut events, 10, "chats", |e| {
        if let TgEvent::Desk(Event::ChatAdded { .. }) = e {
            chats += 1;
        }
        (chats >= 3).then_some(())
    })
    .await;

    session.close().await.unwrap();
    wait_for(&mut events, 10, "Closed", state(AuthState::Closed)).await;
}
