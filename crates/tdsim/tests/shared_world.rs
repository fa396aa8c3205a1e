//! Shared worlds: several clients in one world, each logged in as a member of the team by
//! phone number. What one sends, edits, deletes or pins reaches every other client in the chat
//! with TDLib's objects, ids and sender; read state is per account; a chat's messages reach
//! only its members; the clock and the traffic run once per world.

mod common;

use std::hash::{Hash, Hasher};

use common::{Client, DANA, KIM, LENA, SAM, all, basic_world, find, new_message, text, world_with};
use serde_json::{Value, json};
use tdsim::{Colleague, Scenario, WorldConfig};

/// Sends a text and returns the server id it got (after updateMessageSendSucceeded).
fn send(c: &mut Client, chat: i64, t: &str) -> i64 {
    let reply =
        c.call(json!({"@type":"sendMessage","chat_id":chat,"input_message_content":text(t)}));
    assert_eq!(reply["@type"], "message", "{reply}");
    let done = c.drain();
    let ok = find(&done, "updateMessageSendSucceeded").expect("the send succeeds");
    assert_eq!(ok["old_message_id"], reply["id"]);
    ok["message"]["id"].as_i64().expect("an id")
}

#[test]
fn a_message_by_one_member_reaches_the_others_from_their_side() {
    let world = basic_world();
    let dana = Client::member(world, DANA);
    let mut lena = Client::member(world, LENA);
    let mut sam = Client::member(world, SAM);
    let layout = dana.control.layout();
    assert_eq!(lena.call(json!({"@type":"getMe"}))["id"], layout.lead);
    assert_eq!(sam.control.user_id(), Some(layout.staff[1]));
    assert_eq!(
        sam.call(json!({"@type":"getOption","name":"my_id"}))["value"],
        layout.staff[1].to_string()
    );

    let duty = layout.duty_group_chat_id;
    let (pending_updates, pending) = lena.request(
        json!({"@type":"sendMessage","chat_id":duty,"input_message_content":text("Alarm: Acme")}),
    );
    assert_eq!(pending["is_outgoing"], true);
    assert_eq!(
        new_message(&pending_updates, pending["id"].as_i64().unwrap()).unwrap()["sending_state"]["@type"],
        "messageSendingStatePending"
    );
    let confirmed = lena.drain();
    let ok = find(&confirmed, "updateMessageSendSucceeded").expect("confirmed");
    let id = ok["message"]["id"].as_i64().unwrap();
    assert_eq!(id % (1 << 20), 0, "a server id");
    assert_eq!(ok["message"]["is_outgoing"], true);
    assert!(
        new_message(&confirmed, id).is_none(),
        "its own copy is the confirmation"
    );

    for other in [&dana, &sam] {
        let got = other.drain();
        assert!(
            new_message(&got, pending["id"].as_i64().unwrap()).is_none(),
            "nobody else sees the pending message"
        );
        let m = new_message(&got, id).expect("the message arrives");
        assert_eq!(m["sender_id"]["user_id"], layout.lead);
        assert_eq!(m["is_outgoing"], false);
        assert_eq!(m["chat_id"], duty);
        assert_eq!(m["content"]["text"]["text"], "Alarm: Acme");
        let last = find(&got, "updateChatLastMessage").expect("the chat's last message");
        assert_eq!(last["last_message"]["id"], id);
        let read = find(&got, "updateChatReadInbox").expect("one more unread");
        assert!(read["unread_count"].as_i64().unwrap() >= 1);
    }
}

#[test]
fn the_same_account_on_two_devices_shares_outgoing_messages_and_read_state() {
    let world = basic_world();
    let mut phone = Client::member(world, DANA);
    let mut desktop = Client::member(world, DANA);
    let sam = Client::member(world, SAM);
    let chat = phone.control.layout().customer_chats[0].clone();
    let asked = phone
        .control
        .write(chat.chat_id, chat.customers[0], "Is anyone there?")
        .unwrap();
    for c in [&phone, &desktop, &sam] {
        assert!(new_message(&c.drain(), asked).is_some());
    }
    phone.call(json!({"@type":"openChat","chat_id":chat.chat_id}));
    phone.call(json!({"@type":"viewMessages","chat_id":chat.chat_id,"message_ids":[asked],"force_read":false}));
    let other_device = desktop.drain();
    let read = find(&other_device, "updateChatReadInbox").expect("read on the other device");
    assert_eq!(read["unread_count"], 0);
    assert!(sam.drain().is_empty(), "Sam's read state is his own");
    let mut sam = sam;
    assert!(
        sam.call(json!({"@type":"getChat","chat_id":chat.chat_id}))["unread_count"]
            .as_i64()
            .unwrap()
            >= 1,
        "Sam has not read it"
    );
    assert_eq!(
        desktop.call(json!({"@type":"getChat","chat_id":chat.chat_id}))["unread_count"],
        0
    );

    let id = send(&mut desktop, chat.chat_id, "Yes, looking");
    let mine = new_message(&phone.drain(), id)
        .cloned()
        .expect("on the phone too");
    assert_eq!(mine["is_outgoing"], true);
    let theirs = new_message(&sam.drain(), id).cloned().expect("Sam sees it");
    assert_eq!(theirs["is_outgoing"], false);
    assert_eq!(theirs["sender_id"]["user_id"], phone.control.layout().me);
}

#[test]
fn edits_deletions_and_pins_reach_every_member() {
    let world = world_with(|s| s.duty_group.staff[2].admin = Some(false));
    let mut dana = Client::member(world, DANA);
    let mut lena = Client::member(world, LENA);
    let mut kim = Client::member(world, KIM);
    let duty = dana.control.layout().duty_group_chat_id;
    let id = send(&mut lena, duty, "settings v1");
    dana.drain();
    kim.drain();

    lena.call(json!({"@type":"editMessageText","chat_id":duty,"message_id":id,"input_message_content":text("settings v2")}));
    for c in [&dana, &kim] {
        let got = c.drain();
        let content = find(&got, "updateMessageContent").expect("the edit");
        assert_eq!(content["new_content"]["text"]["text"], "settings v2");
        assert_eq!(find(&got, "updateMessageEdited").unwrap()["message_id"], id);
    }

    let refused = kim.call(json!({"@type":"pinChatMessage","chat_id":duty,"message_id":id}));
    assert_eq!(
        (refused["code"].as_i64(), refused["message"].as_str()),
        (
            Some(400),
            Some("Not enough rights to manage pinned messages in the chat")
        )
    );
    let (own, reply) =
        lena.request(json!({"@type":"pinChatMessage","chat_id":duty,"message_id":id}));
    assert_eq!(reply["@type"], "ok");
    let service = |got: &[Value]| {
        all(got, "updateNewMessage")
            .into_iter()
            .map(|u| u["message"].clone())
            .find(|m| m["content"]["@type"] == "messagePinMessage")
    };
    assert_eq!(service(&own).unwrap()["is_outgoing"], true);
    for c in [&dana, &kim] {
        let got = c.drain();
        let pinned = find(&got, "updateMessageIsPinned").expect("pinned");
        assert_eq!(
            (pinned["message_id"].as_i64(), &pinned["is_pinned"]),
            (Some(id), &json!(true))
        );
        let note = service(&got).expect("the service message");
        assert_eq!(note["content"]["message_id"], id);
        assert_eq!(note["sender_id"]["user_id"], dana.control.layout().lead);
        assert_eq!(note["is_outgoing"], false);
    }
    let newest = kim.call(json!({"@type":"getChatPinnedMessage","chat_id":duty}));
    assert_eq!(
        (newest["id"].as_i64(), &newest["is_pinned"]),
        (Some(id), &json!(true))
    );
    let found = kim.call(
        json!({"@type":"searchChatMessages","chat_id":duty,"query":"","limit":10,
        "filter":{"@type":"searchMessagesFilterPinned"}}),
    );
    assert_eq!(found["total_count"], 1);

    lena.call(json!({"@type":"unpinAllChatMessages","chat_id":duty}));
    let got = dana.drain();
    assert_eq!(
        find(&got, "updateMessageIsPinned").unwrap()["is_pinned"],
        false
    );
    let none = kim.call(json!({"@type":"getChatPinnedMessage","chat_id":duty}));
    assert_eq!(none["code"], 404);

    let not_hers =
        kim.call(json!({"@type":"deleteMessages","chat_id":duty,"message_ids":[id],"revoke":true}));
    assert_eq!(not_hers["message"], "Message can't be deleted");
    dana.call(json!({"@type":"deleteMessages","chat_id":duty,"message_ids":[id],"revoke":true}));
    for c in [&lena, &kim] {
        let got = c.drain();
        assert_eq!(
            find(&got, "updateDeleteMessages").unwrap()["message_ids"],
            json!([id])
        );
    }
}

#[test]
fn a_chat_reaches_only_its_members() {
    let world = world_with(|s| s.customers.staff_per_group = 1);
    let dana = Client::member(world, DANA);
    let lena = Client::member(world, LENA);
    let mut kim = Client::member(world, KIM);
    let layout = dana.control.layout();
    let lenas = layout
        .customer_chats
        .iter()
        .find(|c| c.staff == [layout.lead])
        .expect("a customer group with Lena only")
        .clone();
    let kims: Vec<i64> = layout
        .customer_chats
        .iter()
        .filter(|c| c.staff.contains(&layout.staff[2]))
        .map(|c| c.chat_id)
        .collect();
    let list = kim.call(json!({"@type":"getChats","limit":50}));
    let mut listed: Vec<i64> = list["chat_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    listed.sort_unstable();
    let mut expected = kims.clone();
    expected.push(layout.duty_group_chat_id);
    expected.sort_unstable();
    assert_eq!(
        listed, expected,
        "Kim's list: the duty group and her customer groups"
    );

    let id = dana
        .control
        .write(lenas.chat_id, lenas.customers[0], "Help, Lena?")
        .unwrap();
    assert!(new_message(&dana.drain(), id).is_some());
    assert!(new_message(&lena.drain(), id).is_some());
    let kims_updates = kim.drain();
    assert!(
        !kims_updates
            .iter()
            .any(|u| u.to_string().contains(&lenas.chat_id.to_string())),
        "Kim hears nothing of a chat she is not in: {kims_updates:?}"
    );
    for ty in ["getChat", "getChatHistory"] {
        let no = kim.call(json!({"@type":ty,"chat_id":lenas.chat_id,"limit":5}));
        assert_eq!(no["message"], "Chat not found", "{ty}");
    }

    let duty = layout.duty_group_chat_id;
    let said = dana
        .control
        .write(duty, layout.lead, "Shift starts")
        .unwrap();
    assert!(
        new_message(&kim.drain(), said).is_some(),
        "the duty group reaches Kim"
    );
    dana.control.remove_member(duty, layout.staff[2]).unwrap();
    let left = kim.drain();
    assert!(
        all(&left, "updateChatPosition")
            .iter()
            .all(|p| p["position"]["order"] == "0")
    );
    assert!(!all(&left, "updateChatPosition").is_empty());
    let after = dana.control.write(duty, layout.lead, "Kim left").unwrap();
    assert!(
        new_message(&kim.drain(), after).is_none(),
        "no longer a member"
    );
    assert!(new_message(&dana.drain(), after).is_some());
}

#[test]
fn phone_numbers_decide_who_logs_in() {
    let world = world_with(|s| {
        s.duty_group.staff.push(Colleague {
            name: "Zed Zero".into(),
            phone: Some("+44 20 7946 0000".into()),
            title: "Night shift".into(),
            admin: Some(false),
            roles: Vec::new(),
        })
    });
    let wc = tdsim::world(world).expect("the world");
    let team = wc.layout().team;
    let phones: Vec<&str> = team.iter().map(|m| m.phone.as_str()).collect();
    assert_eq!(
        phones,
        [DANA, LENA, SAM, KIM, "+442079460000"],
        "the account first, then the colleagues in order"
    );
    assert!(team[1].is_lead && team[1].is_admin);
    assert_eq!(team[1].title, "Team lead");
    assert!(!team[4].is_admin);
    assert_eq!(team[4].title, "Night shift");

    let zed = Client::member(world, "+44 20 7946 0000");
    let stranger = Client::member(world, "+1 999 123 4567");
    assert_eq!(zed.control.user_id(), Some(team[4].user_id));
    assert_eq!(
        stranger.control.user_id(),
        Some(team[0].user_id),
        "any other number logs in as the account, as before shared worlds"
    );
    let sessions = wc.sessions();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0].user_id, Some(team[4].user_id));
    assert_eq!(sessions[0].auth_state, "authorizationStateReady");
    assert_eq!(sessions[1].connection_state, "connectionStateReady");
}

/// A hash of one client's stream without client ids.
fn fingerprint(objects: &[String]) -> (u64, usize) {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for o in objects {
        let cut = o.rfind(",\"@client_id\":").unwrap_or(o.len());
        o[..cut].hash(&mut h);
    }
    (h.finish(), objects.len())
}

/// The account's stream over an hour of the floor, with or without a colleague logged in
/// (and the colleague's), and the world's layout.
fn floor_hour(with_colleague: bool) -> (Vec<String>, Vec<String>, tdsim::Layout) {
    let world = tdsim::create_world(WorldConfig {
        scenario: Scenario::builtin("floor").expect("shipped"),
        seed: 4,
        ..WorldConfig::default()
    });
    let dana = Client::member(world, DANA);
    let sam = with_colleague.then(|| Client::member(world, SAM));
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..60 {
        dana.control.advance(60);
        mine.extend(dana.control.drain());
        if let Some(sam) = &sam {
            theirs.extend(sam.control.drain());
        }
    }
    (mine, theirs, dana.control.layout())
}

#[test]
fn the_clock_and_the_traffic_run_once_per_world() {
    let (alone, _, _) = floor_hour(false);
    let (with_sam, sams, layout) = floor_hour(true);
    assert_eq!(
        fingerprint(&alone),
        fingerprint(&with_sam),
        "a colleague joining changes nothing the account receives"
    );
    let ids = |objects: &[String], chat: Option<i64>| -> Vec<i64> {
        objects
            .iter()
            .map(|o| serde_json::from_str::<Value>(o).unwrap())
            .filter(|v| v["@type"] == "updateNewMessage")
            .filter(|v| chat.is_none_or(|c| v["message"]["chat_id"] == c))
            .map(|v| v["message"]["id"].as_i64().unwrap())
            .collect()
    };
    let shared = layout
        .customer_chats
        .iter()
        .find(|c| c.staff.contains(&layout.staff[1]) && !ids(&sams, Some(c.chat_id)).is_empty())
        .expect("a busy chat Sam is in");
    assert_eq!(
        ids(&with_sam, Some(shared.chat_id)),
        ids(&sams, Some(shared.chat_id)),
        "both hear the same messages, once"
    );
    assert!(
        ids(&sams, None).len() < ids(&with_sam, None).len(),
        "Sam is in fewer chats"
    );
    let times = |objects: &[String]| {
        objects
            .iter()
            .filter(|o| o.contains("\"name\":\"unix_time\""))
            .count()
    };
    assert_eq!(
        times(&sams),
        times(&with_sam),
        "one clock, reported to both"
    );
}

#[test]
fn clients_created_on_a_joining_thread_share_its_world() {
    let world = basic_world();
    let (a, b) = {
        let _guard = tdsim::joining(world);
        (tdsim::create_client_id(), tdsim::create_client_id())
    };
    let after = tdsim::create_client_id();
    let id = |c: i32| tdsim::control(c).expect("a client").id();
    assert_eq!(
        (id(a), id(b)),
        (world, world),
        "td_create_client_id joins the world"
    );
    assert_ne!(
        id(after),
        world,
        "after the guard, a world of its own again"
    );
    assert_eq!(tdsim::world(world).unwrap().sessions().len(), 2);
}
