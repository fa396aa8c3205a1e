//! Robustness: malformed, unknown and garbage-filled requests get TDLib's errors and exactly
//! one reply each; out-of-range scenarios are refused.

mod common;

use common::Client;
use serde_json::{Value, json};
use tdsim::Scenario;

fn ready() -> Client {
    let mut c = Client::basic();
    c.login();
    c.load_all_chats();
    c
}

#[test]
fn malformed_and_unknown_requests_get_tdlib_errors() {
    let mut c = Client::basic();
    let reply = c.call(json!({"@type":"getStickers","limit":1}));
    assert_eq!(reply["code"], 400);
    let reply = c.call(json!({"@type":"noSuchThing"}));
    assert_eq!(
        reply["message"],
        "Failed to parse JSON object as TDLib request: Unknown class \"noSuchThing\""
    );
    let reply = c.call(json!({"@type":"getOption","name":5}));
    assert_eq!(
        reply["message"],
        "Failed to parse JSON object as TDLib request: Expected String, but receive Number"
    );
    tdsim::send(c.id, "{oops");
    let err: Value = serde_json::from_str(&c.control.receive(1.0).unwrap()).unwrap();
    assert_eq!(
        (err["@type"].as_str(), err.get("@extra")),
        (Some("error"), None)
    );
    // "@extra" comes back exactly as sent, whatever its type.
    for extra in [
        json!("s"),
        json!([1, 2]),
        json!({"k": 1.5}),
        json!(4294967295u64),
    ] {
        tdsim::send(
            c.id,
            &json!({"@type":"getAuthorizationState","@extra":extra}).to_string(),
        );
        let v: Value = serde_json::from_str(&c.control.receive(1.0).unwrap()).unwrap();
        assert_eq!(v["@extra"], extra);
    }
    tdsim::send(987_654, r#"{"@type":"getMe","@extra":1}"#);
    assert!(tdsim::control(987_654).is_none());
}

#[test]
fn every_request_answers_once_whatever_its_fields() {
    let mut c = ready();
    let chat = c.control.layout().customer_chats[0].chat_id;
    let types = [
        "getMe",
        "getUser",
        "getChat",
        "getBasicGroup",
        "getSupergroup",
        "loadChats",
        "getChats",
        "openChat",
        "closeChat",
        "viewMessages",
        "readChatList",
        "toggleChatIsMarkedAsUnread",
        "sendMessage",
        "editMessageText",
        "deleteMessages",
        "getMessage",
        "getMessages",
        "getChatHistory",
        "searchChatMessages",
        "searchMessages",
        "getChatFolder",
        "getChatMember",
        "searchChatMembers",
        "getOption",
        "setOption",
        "parseTextEntities",
        "getTextEntities",
        "setLogVerbosityLevel",
        "checkAuthenticationCode",
        "setTdlibParameters",
        "getSupergroupMembers",
        "getBasicGroupFullInfo",
        "getMessageLink",
        "pinChatMessage",
        "unpinChatMessage",
        "unpinAllChatMessages",
        "getChatPinnedMessage",
        "forwardMessages",
        "addProxy",
        "editProxy",
        "enableProxy",
        "removeProxy",
        "getProxies",
        "pingProxy",
        "testProxy",
        "getInternalLink",
        "getInternalLinkType",
        "setLogStream",
        "getLogStream",
        "disableProxy",
        "setNetworkType",
    ];
    let garbage = [
        json!({}),
        json!({"chat_id": "abc", "limit": "x", "message_ids": 5, "query": 7, "chat_list": 3,
               "input_message_content": [], "user_id": {}, "name": null, "value": 1,
               "text": false, "parse_mode": "md", "offset": 1.5, "from_message_id": -1}),
        json!({"chat_id": chat, "limit": -5, "offset": 10, "message_ids": [1, "2", null],
               "input_message_content": {"@type": "inputMessageText", "text": 3},
               "chat_list": {"@type": "chatListFolder", "chat_folder_id": 999},
               "member_id": {"@type": "messageSenderChat"}, "value": {"@type": "nope"},
               "parse_mode": {"@type": "textParseModeMarkdown", "version": 2}, "text": "*x",
               "new_verbosity_level": 99999}),
        json!({"chat_id": chat, "limit": i64::MAX, "offset": i64::MIN, "message_id": i64::MAX,
               "from_message_id": i64::MAX, "query": "\u{0}\u{1f600}", "min_date": i64::MIN}),
    ];
    for ty in types {
        for fields in &garbage {
            let mut req = fields.clone();
            req["@type"] = json!(ty);
            let reply = c.call(req.clone());
            assert!(reply["@type"].is_string(), "{ty}: {reply}");
        }
    }
    // Still alive and consistent afterwards.
    assert_eq!(
        c.call(json!({"@type":"getAuthorizationState"}))["@type"],
        "authorizationStateReady"
    );
    c.drain();
    // A NaN timeout means "don't wait" rather than a panic.
    assert!(c.control.receive(f64::NAN).is_none());
}

#[test]
fn out_of_range_scenarios_are_rejected() {
    let err = Scenario::parse(
        "name = \"x\"\n[faults]\nlate_delay = [0, 9223372036854775807]\n",
        "big.toml",
    )
    .expect_err("too large");
    assert_eq!((err.line, err.key.as_str()), (3, "faults.late_delay"));
    let err = Scenario::parse(
        "name = \"x\"\n[storm]\nupdates_per_second = 4000000000\n",
        "storm.toml",
    )
    .expect_err("too many");
    assert_eq!(err.key, "storm.updates_per_second");
}

#[test]
fn requests_waiting_for_the_network_are_answered_on_close() {
    let mut c = Client::basic();
    c.control.set_network(false);
    c.call(
        json!({"@type":"setTdlibParameters","api_id":1,"api_hash":"h",
        "system_language_code":"en","device_model":"d","application_version":"1"}),
    );
    tdsim::send(
        c.id,
        r#"{"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100","@extra":"held"}"#,
    );
    let (_, closed) = c.request(json!({"@type":"close"}));
    assert_eq!(closed["@type"], "ok");
    let rest = c.drain();
    let held = rest
        .iter()
        .find(|v| v["@extra"] == "held")
        .expect("one reply");
    assert_eq!(
        (held["code"].as_i64(), held["message"].as_str()),
        (Some(500), Some("Request aborted"))
    );
}
