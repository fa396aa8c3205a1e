//! What members see of each other in a shared world: forwarded copies with their origin
//! (user, hidden user, channel; a forward of a forward keeps the first), and administrators
//! with rights and custom titles as TDLib 1.8.61 lists them.

mod common;

use common::{Client, DANA, KIM, LENA, all, find, new_message, world_with};
use serde_json::{Value, json};

#[test]
fn forwarded_copies_carry_their_origin() {
    let world =
        world_with(|s| s.channel = Some(toml::from_str("title = \"Status\"").expect("a channel")));
    let mut lena = Client::member(world, LENA);
    let mut dana = Client::member(world, DANA);
    let layout = lena.control.layout();
    let chat = layout.customer_chats[0].clone();
    let duty = layout.duty_group_chat_id;
    lena.control.advance(60);
    let asked = lena
        .control
        .write(chat.chat_id, chat.customers[0], "Please raise an alarm")
        .unwrap();
    let asked_at = lena.control.now();
    lena.control.advance(60);
    lena.drain();
    dana.drain();

    let reply = lena.call(
        json!({"@type":"forwardMessages","chat_id":duty,"from_chat_id":chat.chat_id,
        "message_ids":[asked, 12345]}),
    );
    assert_eq!(reply["total_count"], 1);
    assert_eq!(
        reply["messages"][1],
        Value::Null,
        "a missing message is null"
    );
    let origin = |m: &Value| m["forward_info"]["origin"].clone();
    assert_eq!(origin(&reply["messages"][0])["@type"], "messageOriginUser");
    let got = dana.drain();
    let copy = all(&got, "updateNewMessage")
        .into_iter()
        .map(|u| u["message"].clone())
        .find(|m| m["chat_id"] == duty)
        .expect("the copy reaches Dana");
    assert_eq!(copy["sender_id"]["user_id"], layout.lead);
    assert_eq!(copy["forward_info"]["date"], asked_at);
    assert_eq!(origin(&copy)["sender_user_id"], chat.customers[0]);

    // A forward of the forward keeps the first origin; a copy has none.
    let again = lena
        .control
        .forward(duty, layout.me, duty, &[copy["id"].as_i64().unwrap()])
        .unwrap();
    let twice = new_message(&dana.drain(), again[0]).cloned().unwrap();
    assert_eq!(origin(&twice)["sender_user_id"], chat.customers[0]);
    let copied = lena.call(
        json!({"@type":"forwardMessages","chat_id":duty,"from_chat_id":chat.chat_id,
        "message_ids":[asked],"send_copy":true}),
    );
    assert!(copied["messages"][0].get("forward_info").is_none());

    lena.control
        .set_hides_forwards(chat.customers[0], true)
        .unwrap();
    let hidden = lena
        .control
        .forward(duty, layout.lead, chat.chat_id, &[asked])
        .unwrap();
    let hidden = new_message(&dana.drain(), hidden[0]).cloned().unwrap();
    assert_eq!(origin(&hidden)["@type"], "messageOriginHiddenUser");
    assert!(!origin(&hidden)["sender_name"].as_str().unwrap().is_empty());

    let channel = layout.channel_chat_id.expect("a channel");
    let post = dana.call(json!({"@type":"getChatHistory","chat_id":channel,"limit":1}))["messages"]
        [0]["id"]
        .as_i64()
        .unwrap();
    let from_channel = lena
        .control
        .forward(duty, layout.lead, channel, &[post])
        .unwrap();
    let m = new_message(&dana.drain(), from_channel[0])
        .cloned()
        .unwrap();
    assert_eq!(origin(&m)["@type"], "messageOriginChannel");
    assert_eq!(
        (
            origin(&m)["chat_id"].as_i64(),
            origin(&m)["message_id"].as_i64()
        ),
        (Some(channel), Some(post))
    );
}

#[test]
fn administrators_and_custom_titles_as_tdlib_lists_them() {
    let world = world_with(|s| {
        s.duty_group.staff_are_admins = false;
        s.duty_group.staff[1].admin = Some(true);
        s.duty_group.staff[1].title = "Night shift".into();
    });
    let mut dana = Client::member(world, DANA);
    let mut lena = Client::member(world, LENA);
    let mut kim = Client::member(world, KIM);
    let layout = dana.control.layout();
    let duty = layout.duty_group_chat_id;
    let member = |c: &mut Client, user: i64| {
        c.call(json!({"@type":"getChatMember","chat_id":duty,"member_id":{"@type":"messageSenderUser","user_id":user}}))["status"]
            .clone()
    };
    let lead = member(&mut dana, layout.lead);
    assert_eq!(lead["@type"], "chatMemberStatusCreator");
    assert_eq!(lead["custom_title"], "Team lead");
    let sam = member(&mut dana, layout.staff[1]);
    assert_eq!(sam["@type"], "chatMemberStatusAdministrator");
    assert_eq!(sam["custom_title"], "Night shift");
    assert_eq!(sam["rights"]["can_pin_messages"], true);
    assert_eq!(sam["can_be_edited"], false, "only the owner may edit it");
    assert_eq!(member(&mut lena, layout.staff[1])["can_be_edited"], true);
    assert_eq!(
        member(&mut dana, layout.staff[2])["@type"],
        "chatMemberStatusMember"
    );

    let sg = dana.call(json!({"@type":"getChat","chat_id":duty}))["type"]["supergroup_id"].clone();
    let list = |c: &mut Client, filter: Value| -> Vec<i64> {
        c.call(json!({"@type":"getSupergroupMembers","supergroup_id":sg,"filter":filter,"offset":0,"limit":50}))
            ["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["member_id"]["user_id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        list(
            &mut dana,
            json!({"@type":"supergroupMembersFilterAdministrators"})
        ),
        [layout.me, layout.lead, layout.staff[1]]
    );
    assert_eq!(
        list(&mut dana, json!({"@type":"supergroupMembersFilterRecent"})).len(),
        4
    );
    assert_eq!(
        list(
            &mut dana,
            json!({"@type":"supergroupMembersFilterSearch","query":"kim"})
        ),
        [layout.staff[2]]
    );
    assert!(list(&mut dana, json!({"@type":"supergroupMembersFilterBots"})).is_empty());
    let admins = dana.call(
        json!({"@type":"searchChatMembers","chat_id":duty,"query":"",
        "limit":10,"filter":{"@type":"chatMembersFilterAdministrators"}}),
    );
    assert_eq!(admins["total_count"], 3);

    // Promoted, Kim's client hears of her new status.
    dana.control
        .set_admin(duty, layout.staff[2], Some("Trainee"))
        .unwrap();
    let got = kim.drain();
    let status = &find(&got, "updateSupergroup").expect("her status")["supergroup"]["status"];
    assert_eq!(status["@type"], "chatMemberStatusAdministrator");
    assert_eq!(status["custom_title"], "Trainee");
    let pinned = kim.call(json!({"@type":"pinChatMessage","chat_id":duty,
        "message_id": dana.control.write(duty, layout.me, "rules").unwrap()}));
    assert_eq!(pinned["@type"], "ok", "an administrator may pin");
}
