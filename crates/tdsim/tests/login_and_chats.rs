mod common;

use common::{Client, types};
use serde_json::json;

#[test]
fn first_request_gets_tdlib_initial_updates() {
    let mut c = Client::basic();
    let (updates, reply) = c.request(json!({"@type":"getAuthorizationState"}));
    assert_eq!(
        types(&updates),
        ["updateOption", "updateOption", "updateAuthorizationState"]
    );
    assert_eq!(updates[0]["name"], "version");
    assert_eq!(updates[0]["value"]["value"], "1.8.61");
    assert_eq!(
        updates[2]["authorization_state"]["@type"],
        "authorizationStateWaitTdlibParameters"
    );
    assert_eq!(reply["@type"], "authorizationStateWaitTdlibParameters");
}

#[test]
fn login_walks_the_states_and_rejects_a_wrong_code() {
    let mut c = Client::basic();
    let reply = c.call(json!({"@type":"getMe"}));
    assert_eq!(
        reply["message"],
        "Initialization parameters are needed: call setTdlibParameters first"
    );
    let reply = c.call(json!({"@type":"setTdlibParameters","api_id":0,"api_hash":"x"}));
    assert_eq!(
        reply["message"],
        "Valid api_id must be provided. Can be obtained at https://my.telegram.org"
    );
    let (updates, reply) = c.request(
        json!({"@type":"setTdlibParameters","api_id":5,"api_hash":"x",
        "system_language_code":"en","device_model":"d","application_version":"1"}),
    );
    assert_eq!(reply["@type"], "ok");
    let states: Vec<_> = updates
        .iter()
        .filter(|u| u["@type"] == "updateAuthorizationState")
        .collect();
    assert_eq!(
        states.last().unwrap()["authorization_state"]["@type"],
        "authorizationStateWaitPhoneNumber"
    );
    assert_eq!(c.call(json!({"@type":"getMe"}))["code"], 401);
    assert_eq!(
        c.call(json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}))["@type"],
        "ok"
    );
    let wrong = c.call(json!({"@type":"checkAuthenticationCode","code":"11111"}));
    assert_eq!(
        (wrong["code"].as_i64(), wrong["message"].as_str()),
        (Some(400), Some("PHONE_CODE_INVALID"))
    );
    let (updates, reply) = c.request(json!({"@type":"checkAuthenticationCode","code":"22222"}));
    assert_eq!(reply["@type"], "ok");
    let ready = updates
        .iter()
        .position(|u| u["authorization_state"]["@type"] == "authorizationStateReady")
        .unwrap();
    let me = updates
        .iter()
        .position(|u| u["@type"] == "updateUser")
        .unwrap();
    assert!(me < ready, "the account's user comes before Ready");
    let me = c.call(json!({"@type":"getMe"}));
    assert_eq!(me["id"], c.control.layout().me);
    assert_eq!(me["usernames"]["editable_username"], "dana_duty");
}

#[test]
fn load_chats_announces_every_chat_then_404() {
    let mut c = Client::basic();
    let mut updates = c.login();
    updates.extend(c.load_all_chats());
    let layout = c.control.layout();
    let new_chats: Vec<i64> = updates
        .iter()
        .filter(|u| u["@type"] == "updateNewChat")
        .map(|u| u["chat"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(new_chats.len(), layout.customer_chats.len() + 1);
    assert!(new_chats.contains(&layout.duty_group_chat_id));
    // Every user and chat id appears in an update before it is used.
    let mut users = std::collections::HashSet::new();
    let mut chats = std::collections::HashSet::new();
    for u in &updates {
        match u["@type"].as_str().unwrap() {
            "updateUser" => {
                users.insert(u["user"]["id"].as_i64().unwrap());
            }
            "updateNewChat" => {
                let chat = &u["chat"];
                if chat["type"]["@type"] == "chatTypePrivate" {
                    assert!(users.contains(&chat["type"]["user_id"].as_i64().unwrap()));
                }
                chats.insert(chat["id"].as_i64().unwrap());
            }
            "updateChatLastMessage" => {
                assert!(chats.contains(&u["chat_id"].as_i64().unwrap()));
                if let Some(sender) = u["last_message"]["sender_id"]["user_id"].as_i64() {
                    assert!(users.contains(&sender), "sender {sender} announced first");
                }
                assert!(!u["positions"].as_array().unwrap().is_empty());
            }
            _ => {}
        }
    }
    let chats_reply =
        c.call(json!({"@type":"getChats","chat_list":{"@type":"chatListMain"},"limit":100}));
    assert_eq!(
        chats_reply["chat_ids"].as_array().unwrap().len(),
        new_chats.len()
    );
}

#[test]
fn a_customer_message_arrives_with_unread_counts_and_dates_follow_the_clock() {
    let mut c = Client::basic();
    c.login();
    c.load_all_chats();
    let layout = c.control.layout();
    let chat = &layout.customer_chats[0];
    c.control.advance(120);
    let now = c.control.now();
    let id = c
        .control
        .write(chat.chat_id, chat.customers[0], "help, @dana_duty!")
        .unwrap();
    let updates = c.drain();
    let t = types(&updates);
    assert!(t.contains(&"updateNewMessage"), "{t:?}");
    let new = updates
        .iter()
        .find(|u| u["@type"] == "updateNewMessage")
        .unwrap();
    assert_eq!(new["message"]["id"], id);
    assert_eq!(new["message"]["date"], now);
    assert_eq!(new["message"]["contains_unread_mention"], true);
    assert_eq!(
        new["message"]["content"]["text"]["entities"][0]["type"]["@type"],
        "textEntityTypeMention"
    );
    let read = updates
        .iter()
        .find(|u| u["@type"] == "updateChatReadInbox")
        .unwrap();
    assert!(read["unread_count"].as_i64().unwrap() >= 1);
    // Reading it through viewMessages clears the count.
    c.call(json!({"@type":"openChat","chat_id":chat.chat_id}));
    let (updates, reply) = c.request(json!({"@type":"viewMessages","chat_id":chat.chat_id,"message_ids":[id],"force_read":false}));
    assert_eq!(reply["@type"], "ok");
    let read = updates
        .iter()
        .find(|u| u["@type"] == "updateChatReadInbox")
        .unwrap();
    assert_eq!(read["unread_count"], 0);
    assert!(types(&updates).contains(&"updateChatUnreadMentionCount"));
}

#[test]
fn advancing_reports_unix_time() {
    let mut c = Client::basic();
    c.login();
    let start = c.control.now();
    assert_eq!(
        c.call(json!({"@type":"getOption","name":"unix_time"}))["value"],
        start.to_string()
    );
    c.control.advance(600);
    let updates = c.drain();
    let last = updates
        .iter()
        .rev()
        .find(|u| u["@type"] == "updateOption" && u["name"] == "unix_time")
        .unwrap();
    assert_eq!(last["value"]["value"], (start + 600).to_string());
}
