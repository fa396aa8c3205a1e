//! The team part of the exercise: a second client, logged in as the lead, pins and forwards
//! in the duty group; the first reads members, administrators and custom titles.

use serde_json::json;

use super::Session;
use crate::Layout;

pub fn run(s: &mut Session, layout: &Layout) {
    let duty = layout.duty_group_chat_id;
    let mut lead = Session::join(s);
    lead.login(&layout.team[1].phone);
    let text =
        |t: &str| json!({"@type":"inputMessageText","text":{"@type":"formattedText","text":t}});
    lead.call(
        json!({"@type":"sendMessage","chat_id":duty,"input_message_content":text("team settings")}),
    );
    lead.collect();
    let settings = lead.last_sent();
    lead.call(json!({"@type":"pinChatMessage","chat_id":duty,"message_id":settings}));
    s.call(json!({"@type":"getChatPinnedMessage","chat_id":duty}));
    s.call(
        json!({"@type":"searchChatMessages","chat_id":duty,"query":"","limit":5,
        "filter":{"@type":"searchMessagesFilterPinned"}}),
    );
    lead.call(json!({"@type":"unpinChatMessage","chat_id":duty,"message_id":settings}));
    lead.call(json!({"@type":"pinChatMessage","chat_id":duty,"message_id":settings}));
    lead.call(json!({"@type":"unpinAllChatMessages","chat_id":duty}));
    s.call(json!({"@type":"getChatPinnedMessage","chat_id":duty}));

    if let Some(chat) = layout
        .customer_chats
        .iter()
        .find(|c| c.staff.contains(&layout.lead) && !c.customers.is_empty())
    {
        let asked = s
            .control
            .write(chat.chat_id, chat.customers[0], "please escalate")
            .unwrap_or(0);
        lead.call(
            json!({"@type":"forwardMessages","chat_id":duty,"from_chat_id":chat.chat_id,
            "message_ids":[asked]}),
        );
        lead.call(
            json!({"@type":"forwardMessages","chat_id":duty,"from_chat_id":chat.chat_id,
            "message_ids":[asked],"send_copy":true}),
        );
        s.control.set_hides_forwards(chat.customers[0], true).ok();
        s.control
            .forward(duty, layout.lead, chat.chat_id, &[asked])
            .ok();
    }
    if let Some(channel) = layout.channel_chat_id {
        let last = s.call(json!({"@type":"getChatHistory","chat_id":channel,"limit":1}));
        if let Some(post) = last["messages"][0]["id"].as_i64() {
            s.control.forward(duty, layout.lead, channel, &[post]).ok();
        }
    }

    let member = |user: i64| {
        json!({"@type":"getChatMember","chat_id":duty,
        "member_id":{"@type":"messageSenderUser","user_id":user}})
    };
    s.call(member(layout.lead));
    s.call(member(layout.staff[layout.staff.len() - 1]));
    if let Some(customer) = layout
        .customer_chats
        .first()
        .and_then(|c| c.customers.first())
    {
        s.call(member(*customer));
    }
    let chat = s.call(json!({"@type":"getChat","chat_id":duty}));
    let sg = chat["type"]["supergroup_id"].clone();
    for filter in [
        json!({"@type":"supergroupMembersFilterAdministrators"}),
        json!({"@type":"supergroupMembersFilterSearch","query":"a"}),
        json!({"@type":"supergroupMembersFilterBots"}),
    ] {
        s.call(json!({"@type":"getSupergroupMembers","supergroup_id":sg,"filter":filter,"offset":0,"limit":20}));
    }
    s.call(
        json!({"@type":"searchChatMembers","chat_id":duty,"query":"","limit":20,
        "filter":{"@type":"chatMembersFilterAdministrators"}}),
    );
    s.control
        .set_admin(duty, layout.me, Some("Duty admin"))
        .ok();
    lead.call(json!({"@type":"close"}));
    lead.collect();
    s.collect();
    s.objects.append(&mut lead.objects);
}
