//! Requests beyond login: sending (success, failure, FLOOD_WAIT, offline), editing, deleting,
//! history and search, read state, 2FA, closing, errors, and the running clock.

mod common;

use common::{Client, types};
use serde_json::{Value, json};
use tdsim::{Scenario, WorldConfig};

fn text(t: &str) -> Value {
    json!({"@type":"inputMessageText","text":{"@type":"formattedText","text":t,"entities":[]}})
}

fn ready() -> Client {
    let mut c = Client::basic();
    c.login();
    c.load_all_chats();
    c
}

fn find<'a>(updates: &'a [Value], ty: &str) -> Option<&'a Value> {
    updates.iter().find(|u| u["@type"] == ty)
}

#[test]
fn send_message_is_pending_then_succeeds_and_reads_the_chat() {
    let mut c = ready();
    let chat = c.control.layout().customer_chats[1].clone();
    c.control
        .write(chat.chat_id, chat.customers[0], "hello?")
        .unwrap();
    c.drain();
    let (before, reply) = c.request(
        json!({"@type":"sendMessage","chat_id":chat.chat_id,"input_message_content":text("Hi!")}),
    );
    assert_eq!(reply["@type"], "message");
    assert_eq!(
        reply["sending_state"]["@type"],
        "messageSendingStatePending"
    );
    assert_eq!(
        find(&before, "updateNewMessage").unwrap()["message"]["id"],
        reply["id"]
    );
    let after = c.drain();
    let ok = find(&after, "updateMessageSendSucceeded").expect("succeeded");
    assert_eq!(ok["old_message_id"], reply["id"]);
    let new_id = ok["message"]["id"].as_i64().unwrap();
    assert_eq!(new_id % (1 << 20), 0, "server ids are multiples of 2^20");
    assert!(ok["message"].get("sending_state").is_none());
    assert_eq!(
        find(&after, "updateChatReadInbox").unwrap()["unread_count"],
        0
    );
    let got = c.call(json!({"@type":"getMessage","chat_id":chat.chat_id,"message_id":new_id}));
    assert_eq!(got["content"]["text"]["text"], "Hi!");
}

#[test]
fn injected_failures_and_flood_wait() {
    let mut c = ready();
    let chat = c.control.layout().customer_chats[0].chat_id;
    c.control.fail_next_send(500, "Internal Server Error");
    let reply =
        c.call(json!({"@type":"sendMessage","chat_id":chat,"input_message_content":text("a")}));
    let failed = c.drain();
    let f = find(&failed, "updateMessageSendFailed").expect("failed");
    assert_eq!(f["old_message_id"], reply["id"]);
    assert_eq!(f["error"]["code"], 500);
    assert_eq!(
        f["message"]["sending_state"]["@type"],
        "messageSendingStateFailed"
    );
    c.control.flood_wait_next_send(30);
    c.call(json!({"@type":"sendMessage","chat_id":chat,"input_message_content":text("b")}));
    let f = c.drain();
    let f = find(&f, "updateMessageSendFailed").expect("flood wait");
    assert_eq!(f["error"]["code"], 429);
    assert_eq!(f["error"]["message"], "Too Many Requests: retry after 30");
    assert_eq!(f["message"]["sending_state"]["retry_after"], 30.0);
    // The next send is fine again.
    c.call(json!({"@type":"sendMessage","chat_id":chat,"input_message_content":text("c")}));
    assert!(find(&c.drain(), "updateMessageSendSucceeded").is_some());
}

#[test]
fn offline_messages_arrive_late_on_reconnection() {
    let mut c = ready();
    let layout = c.control.layout();
    let chat = &layout.customer_chats[0];
    c.control.drop_connection();
    let state = c.drain();
    assert_eq!(
        find(&state, "updateConnectionState").unwrap()["state"]["@type"],
        "connectionStateConnecting"
    );
    let written_at = c.control.now();
    c.control
        .write(chat.chat_id, chat.customers[0], "anyone?")
        .unwrap();
    let reply = c.call(
        json!({"@type":"sendMessage","chat_id":chat.chat_id,"input_message_content":text("here")}),
    );
    assert_eq!(
        reply["sending_state"]["@type"],
        "messageSendingStatePending"
    );
    c.control.advance(300);
    let quiet = c.drain();
    assert!(
        find(&quiet, "updateNewMessage").is_none(),
        "nothing arrives while offline"
    );
    c.control.restore_connection();
    let back = c.drain();
    let t = types(&back);
    assert_eq!(t.first(), Some(&"updateConnectionState"));
    assert_eq!(
        back.last().unwrap()["state"]["@type"],
        "connectionStateReady"
    );
    let new = find(&back, "updateNewMessage").unwrap();
    assert_eq!(
        new["message"]["date"], written_at,
        "a late message keeps its own date"
    );
    assert!(find(&back, "updateMessageSendSucceeded").is_some());
}

#[test]
fn edits_and_deletions_by_both_sides() {
    let mut c = ready();
    let chat = c.control.layout().customer_chats[0].clone();
    let id = c
        .control
        .write(chat.chat_id, chat.customers[0], "typo")
        .unwrap();
    c.drain();
    c.control.edit(chat.chat_id, id, "fixed").unwrap();
    let u = c.drain();
    assert_eq!(
        find(&u, "updateMessageContent").unwrap()["new_content"]["text"]["text"],
        "fixed"
    );
    assert_eq!(
        find(&u, "updateMessageEdited").unwrap()["edit_date"],
        c.control.now()
    );
    let cant = c.call(json!({"@type":"editMessageText","chat_id":chat.chat_id,"message_id":id,"input_message_content":text("x")}));
    assert_eq!(cant["message"], "Message can't be edited");
    c.control.delete(chat.chat_id, &[id]).unwrap();
    let u = c.drain();
    assert_eq!(
        find(&u, "updateDeleteMessages").unwrap()["message_ids"],
        json!([id])
    );
    assert!(
        find(&u, "updateChatLastMessage").is_some(),
        "the last message changed"
    );
    assert_eq!(
        c.call(json!({"@type":"getMessage","chat_id":chat.chat_id,"message_id":id}))["code"],
        404
    );
    assert!(c.control.delete(chat.chat_id, &[id]).is_err());
}

#[test]
fn history_pages_and_search() {
    let mut c = ready();
    let chat = c.control.layout().customer_chats[0].clone();
    let ids: Vec<i64> = (0..12)
        .map(|i| {
            c.control
                .write(chat.chat_id, chat.customers[0], &format!("line {i} needle"))
                .unwrap()
        })
        .collect();
    c.drain();
    let page = c.call(json!({"@type":"getChatHistory","chat_id":chat.chat_id,"from_message_id":0,"offset":0,"limit":5}));
    let got: Vec<i64> = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, ids.iter().rev().take(5).copied().collect::<Vec<_>>());
    let next = c.call(json!({"@type":"getChatHistory","chat_id":chat.chat_id,"from_message_id":got[4],"offset":-1,"limit":3}));
    let next: Vec<i64> = next["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(next, vec![ids[7], ids[6], ids[5]]);
    let bad = c.call(json!({"@type":"getChatHistory","chat_id":chat.chat_id,"limit":0}));
    assert_eq!(bad["message"], "Parameter limit must be positive");
    let found = c.call(
        json!({"@type":"searchChatMessages","chat_id":chat.chat_id,"query":"NEEDLE","limit":10}),
    );
    assert_eq!(found["total_count"], 12);
    assert_eq!(found["messages"].as_array().unwrap().len(), 10);
    assert_eq!(found["next_from_message_id"], ids[2]);
    let all = c.call(json!({"@type":"searchMessages","query":"needle","offset":"","limit":8}));
    assert_eq!(all["total_count"], 12);
    assert_eq!(all["next_offset"], "8");
    let rest = c.call(json!({"@type":"searchMessages","query":"needle","offset":"8","limit":8}));
    assert_eq!(rest["messages"].as_array().unwrap().len(), 4);
    assert_eq!(rest["next_offset"], "");
    let members =
        c.call(json!({"@type":"searchChatMembers","chat_id":chat.chat_id,"query":"","limit":50}));
    assert_eq!(
        members["total_count"].as_u64().unwrap() as usize,
        1 + chat.customers.len() + chat.staff.len()
    );
    let me = c.call(json!({"@type":"getChatMember","chat_id":chat.chat_id,"member_id":{"@type":"messageSenderUser","user_id":c.control.layout().me}}));
    assert_eq!(me["status"]["@type"], "chatMemberStatusCreator");
}

#[test]
fn marking_and_reading_the_whole_list() {
    let mut c = ready();
    let layout = c.control.layout();
    let chat = layout.customer_chats[2].clone();
    c.control
        .write(chat.chat_id, chat.customers[0], "one")
        .unwrap();
    let (mut u, _) = c.request(json!({"@type":"toggleChatIsMarkedAsUnread","chat_id":layout.duty_group_chat_id,"is_marked_as_unread":true}));
    u.extend(c.drain());
    assert_eq!(
        find(&u, "updateChatIsMarkedAsUnread").unwrap()["is_marked_as_unread"],
        true
    );
    let (u, reply) =
        c.request(json!({"@type":"readChatList","chat_list":{"@type":"chatListMain"}}));
    assert_eq!(reply["@type"], "ok");
    let counts = u
        .iter()
        .rev()
        .find(|x| x["@type"] == "updateUnreadChatCount")
        .expect("counter");
    assert_eq!(
        (
            counts["unread_count"].as_i64(),
            counts["marked_as_unread_count"].as_i64()
        ),
        (Some(0), Some(0))
    );
    for chat in c.call(json!({"@type":"getChats","limit":50}))["chat_ids"]
        .as_array()
        .unwrap()
    {
        assert_eq!(
            c.call(json!({"@type":"getChat","chat_id":chat}))["unread_count"],
            0
        );
    }
}

#[test]
fn two_factor_password_and_log_out() {
    let mut scenario = Scenario::builtin("basic").unwrap();
    scenario.account.password = Some("hunter2".into());
    scenario.account.password_hint = "the usual".into();
    let mut c = Client::new(WorldConfig {
        scenario,
        ..WorldConfig::default()
    });
    c.call(json!({"@type":"setTdlibParameters","api_id":1,"api_hash":"h","system_language_code":"en","device_model":"d","application_version":"1"}));
    c.call(json!({"@type":"setAuthenticationPhoneNumber","phone_number":"+15550100"}));
    let (u, _) = c.request(json!({"@type":"checkAuthenticationCode","code":"22222"}));
    let waiting = u
        .iter()
        .rev()
        .find(|x| x["@type"] == "updateAuthorizationState")
        .unwrap();
    assert_eq!(
        waiting["authorization_state"]["@type"],
        "authorizationStateWaitPassword"
    );
    assert_eq!(waiting["authorization_state"]["password_hint"], "the usual");
    assert_eq!(
        c.call(json!({"@type":"checkAuthenticationPassword","password":"nope"}))["message"],
        "PASSWORD_HASH_INVALID"
    );
    assert_eq!(
        c.call(json!({"@type":"checkAuthenticationPassword","password":"hunter2"}))["@type"],
        "ok"
    );
    assert_eq!(
        c.call(json!({"@type":"getAuthorizationState"}))["@type"],
        "authorizationStateReady"
    );
    let (_, reply) = c.request(json!({"@type":"logOut"}));
    assert_eq!(reply["@type"], "ok");
    let states: Vec<Value> = c
        .drain()
        .into_iter()
        .filter(|x| x["@type"] == "updateAuthorizationState")
        .collect();
    let names: Vec<&str> = states
        .iter()
        .map(|x| x["authorization_state"]["@type"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "authorizationStateLoggingOut",
            "authorizationStateClosing",
            "authorizationStateClosed"
        ]
    );
    assert_eq!(
        c.call(json!({"@type":"getMe"}))["code"],
        500,
        "a closed client answers with errors, never hangs"
    );
}

#[test]
fn running_clock_reports_unix_time_every_wall_second() {
    let config = WorldConfig {
        speed: 60.0,
        ..WorldConfig::default()
    };
    let start = config.start_time;
    let mut c = Client::new(config);
    c.call(json!({"@type":"getAuthorizationState"}));
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(2500);
    let mut last = start;
    while std::time::Instant::now() < deadline {
        if let Some(raw) = c.control.receive(0.1) {
            let v: Value = serde_json::from_str(&raw).unwrap();
            if v["name"] == "unix_time" {
                last = v["value"]["value"].as_str().unwrap().parse().unwrap();
            }
        }
    }
    // About 2.5 wall seconds at 60x: well over a virtual minute, and reported as it went.
    assert!(
        last >= start + 60,
        "virtual time moved to {last}, from {start}"
    );
    assert!(c.control.now() >= last);
}

#[test]
fn renames_folders_members_and_new_chats() {
    let c = ready();
    let layout = c.control.layout();
    let chat = layout.customer_chats[0].chat_id;
    c.control.rename_chat(chat, "Acme (VIP)").unwrap();
    let u = c.drain();
    assert_eq!(find(&u, "updateChatTitle").unwrap()["title"], "Acme (VIP)");
    let service = &find(&u, "updateNewMessage").unwrap()["message"]["content"];
    assert_eq!(service["@type"], "messageChatChangeTitle");
    let (folder, _) = layout.folders[0];
    c.control
        .set_in_folder(layout.duty_group_chat_id, folder, true)
        .unwrap();
    let u = c.drain();
    assert_eq!(types(&u), ["updateChatAddedToList", "updateChatPosition"]);
    assert_eq!(u[1]["position"]["list"]["chat_folder_id"], folder);
    assert_ne!(u[1]["position"]["order"], "0");
    c.control
        .set_in_folder(layout.duty_group_chat_id, folder, false)
        .unwrap();
    let u = c.drain();
    assert_eq!(
        types(&u),
        ["updateChatRemovedFromList", "updateChatPosition"]
    );
    assert_eq!(u[1]["position"]["order"], "0");
    assert!(c.control.set_in_folder(chat, 99, true).is_err());

    let colleague = layout.staff[1];
    c.control
        .remove_member(layout.duty_group_chat_id, colleague)
        .unwrap();
    let u = c.drain();
    let m = &find(&u, "updateNewMessage").unwrap()["message"];
    assert_eq!(m["content"]["@type"], "messageChatDeleteMember");
    assert_eq!(m["content"]["user_id"], colleague);
    assert_eq!(
        find(&u, "updateSupergroup").unwrap()["supergroup"]["member_count"],
        3
    );

    let (new_chat, customers) = c.control.add_customer_chat("Newcomer support", 2, false);
    let u = c.drain();
    assert_eq!(find(&u, "updateNewChat").unwrap()["chat"]["id"], new_chat);
    assert_eq!(customers.len(), 2);
    assert!(
        c.control
            .layout()
            .customer_chats
            .iter()
            .any(|x| x.chat_id == new_chat)
    );
    c.control.remove_member(new_chat, layout.me).unwrap();
    let u = c.drain();
    let gone: Vec<_> = u
        .iter()
        .filter(|x| x["@type"] == "updateChatPosition")
        .collect();
    assert!(gone.iter().all(|x| x["position"]["order"] == "0") && !gone.is_empty());
    assert_eq!(
        c.control.write(new_chat, customers[0], "hello?"),
        Err(tdsim::ControlError::AccountNotInChat(new_chat))
    );
}

#[test]
fn staff_lists_and_message_links() {
    let mut c = ready();
    let layout = c.control.layout();
    let duty = c.call(json!({"@type":"getChat","chat_id":layout.duty_group_chat_id}));
    let sg = duty["type"]["supergroup_id"].clone();
    let members =
        c.call(json!({"@type":"getSupergroupMembers","supergroup_id":sg,"offset":0,"limit":50}));
    let ids: Vec<i64> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["member_id"]["user_id"].as_i64().unwrap())
        .collect();
    let mut expected = vec![layout.me];
    expected.extend(&layout.staff);
    assert_eq!(ids, expected);
    let id = c
        .control
        .write(layout.duty_group_chat_id, layout.lead, "ALARM: Acme")
        .unwrap();
    let link = c.call(
        json!({"@type":"getMessageLink","chat_id":layout.duty_group_chat_id,"message_id":id}),
    );
    assert_eq!(link["link"], format!("https://t.me/c/{sg}/{}", id >> 20));
    let basic = layout
        .customer_chats
        .iter()
        .find(|x| !x.is_private)
        .unwrap();
    let chat = c.call(json!({"@type":"getChat","chat_id":basic.chat_id}));
    if let Some(bg) = chat["type"]["basic_group_id"].as_i64() {
        let info = c.call(json!({"@type":"getBasicGroupFullInfo","basic_group_id":bg}));
        assert_eq!(info["creator_user_id"], layout.me);
        assert_eq!(
            info["members"].as_array().unwrap().len(),
            1 + basic.customers.len() + basic.staff.len()
        );
        let last = chat["last_message"]["id"].clone();
        let no =
            c.call(json!({"@type":"getMessageLink","chat_id":basic.chat_id,"message_id":last}));
        assert_eq!(no["code"], 400);
    }
    let typing = json!({"@type":"sendChatAction","chat_id":basic.chat_id,"action":{"@type":"chatActionTyping"}});
    assert_eq!(c.call(typing)["@type"], "ok");
}

#[test]
fn the_clock_can_be_started_paused_and_resumed() {
    let c = Client::basic();
    let start = c.control.now();
    c.control.set_speed(120.0);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let running = c.control.now();
    assert!(running >= start + 60, "{running} vs {start}");
    c.control.set_speed(0.0);
    let paused = c.control.now();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(c.control.now(), paused);
    c.control.advance(10);
    assert_eq!(c.control.now(), paused + 10);
    assert_eq!(c.control.speed(), 0.0);
}

#[test]
fn short_first_history_pages_when_the_scenario_asks() {
    let mut scenario = Scenario::builtin("basic").unwrap();
    scenario.faults.short_history_pages = true;
    let mut c = Client::new(WorldConfig {
        scenario,
        ..WorldConfig::default()
    });
    c.login();
    c.load_all_chats();
    let chat = c.control.layout().customer_chats[0].clone();
    for i in 0..5 {
        c.control
            .write(chat.chat_id, chat.customers[0], &format!("m{i}"))
            .unwrap();
    }
    let history = json!({"@type":"getChatHistory","chat_id":chat.chat_id,"from_message_id":0,"offset":0,"limit":10});
    let first = c.call(history.clone());
    assert_eq!(first["messages"].as_array().unwrap().len(), 1);
    let second = c.call(history);
    assert!(second["messages"].as_array().unwrap().len() >= 5);
}
