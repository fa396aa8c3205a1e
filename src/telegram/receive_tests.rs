//! The receive thread's sorting, on what the simulator really sends (its JSON is TDLib
//! 1.8.61's) and on any text at all.

use super::*;
use crate::telegram::events::TgEvent;
use crate::telegram::translate::Translator;
use proptest::prelude::*;

/// Everything a client on a busy floor receives: login, the chat list, an hour of traffic.
fn floor_stream() -> Vec<String> {
    let config = tdsim::WorldConfig {
        scenario: tdsim::Scenario::builtin("floor").unwrap(),
        seed: 11,
        speed: 0.0,
        start_time: 1_772_442_000,
    };
    let id = tdsim::create_client_with(config);
    let control = tdsim::control(id).unwrap();
    let code = format!(
        r#"{{"@type":"checkAuthenticationCode","code":"{}","@extra":7}}"#,
        tdsim::LOGIN_CODE
    );
    for request in [
        r#"{"@type":"setTdlibParameters","api_id":1,"api_hash":"h","system_language_code":"en","device_model":"test","application_version":"1"}"#,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}"#,
        &code,
        r#"{"@type":"loadChats","limit":1000,"@extra":8}"#,
    ] {
        tdsim::send(id, request);
    }
    let mut stream = control.drain();
    control.advance(3600);
    stream.extend(control.drain());
    stream
}

fn events_of(update: Update) -> Vec<TgEvent> {
    let mut events = Vec::new();
    Translator::default().translate(update, &mut |e| events.push(e));
    events
}

#[test]
fn updates_read_come_out_as_tdlib_rs_parses_them_and_those_skipped_say_nothing() {
    let stream = floor_stream();
    let (mut read, mut skipped, mut other) = (0, 0, 0);
    for text in &stream {
        let full: serde_json::Value = serde_json::from_str(text).unwrap();
        let kind = full["@type"].as_str().unwrap().to_string();
        match super::read(text) {
            Received::Update { client_id, update } => {
                read += 1;
                assert_eq!(i64::from(client_id), full["@client_id"].as_i64().unwrap());
                let expected: Update = serde_json::from_value(full).unwrap();
                assert_eq!(*update, expected, "{kind}");
            }
            Received::Skipped => {
                skipped += 1;
                // Parsed anyway, the translator would have said nothing about it.
                let update: Update = serde_json::from_value(full).unwrap();
                assert_eq!(events_of(update), vec![], "{kind} is read by translate");
            }
            Received::Other => {
                other += 1;
                assert!(
                    full.get("@extra").is_some() || !kind.starts_with("update"),
                    "{kind}"
                );
            }
            Received::Unreadable(why) => panic!("{kind}: {why}"),
        }
    }
    assert!(
        read > 100 && skipped > 10 && other > 0,
        "{read} {skipped} {other}"
    );
}

#[test]
fn objects_written_otherwise_than_tdlib_writes_them_are_still_sorted() {
    // "@type" not first, spaces, "@client_id" not last.
    let text = r#"{ "chat_id": 5, "@client_id": 3, "@type": "updateChatTitle", "title": "Acme" }"#;
    match read(text) {
        Received::Update { client_id, update } => {
            assert_eq!(client_id, 3);
            assert!(matches!(*update, Update::ChatTitle(ref u) if u.title == "Acme"));
        }
        other => panic!("{other:?}"),
    }
    let skipped = r#"{"@type":"updateUnreadChatCount","chat_list":{"@type":"chatListMain"}}"#;
    assert!(matches!(read(skipped), Received::Skipped));
    // A reply type that starts like an update is not one.
    assert!(matches!(
        read(r#"{"@type":"updates","updates":[],"@extra":1}"#),
        Received::Other
    ));
    assert!(matches!(
        read(r#"{"@type":"ok","@extra":2,"@client_id":1}"#),
        Received::Other
    ));
    // Broken or incomplete: said, not panicked.
    assert!(matches!(read("{"), Received::Unreadable(_)));
    assert!(matches!(
        read(r#"{"@type":"updateNewMessage","@client_id":1}"#),
        Received::Unreadable(_)
    ));
    assert!(matches!(
        read(r#"{"@type":"updateChatTitle","chat_id":1,"title":"x"}"#),
        Received::Unreadable(_)
    ));
}

proptest! {
    #[test]
    fn any_text_is_sorted_without_panicking(text in ".{0,200}") {
        let _ = read(&text);
    }

    #[test]
    fn any_text_after_an_update_head_is_sorted_without_panicking(
        kind in "update[A-Z][a-zA-Z]{0,20}",
        rest in ".{0,120}",
    ) {
        let _ = read(&format!(r#"{{"@type":"{kind}"{rest}"#));
        let _ = read(&format!(r#"{{"@type":"{kind}","@client_id":{rest}}}"#));
    }
}
