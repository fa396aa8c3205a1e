//! The translator fed TDLib 1.8.61's JSON as the real library writes it (parsed by tdlib-rs
//! exactly as the receive thread does), not hand-built tdlib-rs values: a field renamed
//! between TDLib versions fails here.

use super::*;
use crate::desk::{ChatFolder, MemberStatus};

fn desk_events(json: &str) -> Vec<Event> {
    let update: Update = serde_json::from_str(json).expect("tdlib-rs parses TDLib's JSON");
    let mut events = Vec::new();
    Translator::default().translate(update, &mut |e| {
        if let TgEvent::Desk(e) = e {
            events.push(e);
        }
    });
    events
}

#[test]
fn chat_folders_arrive_with_their_names() {
    // As TDLib 1.8.61 sends it: the name is a formattedText inside chatFolderName; a custom
    // emoji is an entity over its fallback characters, which stay in the text.
    let json = r#"{"@type":"updateChatFolders","chat_folders":[
        {"@type":"chatFolderInfo","id":3,"name":{"@type":"chatFolderName",
            "text":{"@type":"formattedText","text":"Support","entities":[]},
            "animate_custom_emoji":true},
         "icon":{"@type":"chatFolderIcon","name":"Custom"},"color_id":-1,
         "is_shareable":false,"has_my_invite_links":false},
        {"@type":"chatFolderInfo","id":7,"name":{"@type":"chatFolderName",
            "text":{"@type":"formattedText","text":"🎧 VIP","entities":[
                {"@type":"textEntity","offset":0,"length":2,"type":{
                    "@type":"textEntityTypeCustomEmoji","custom_emoji_id":"5368324170671202286"}}]},
            "animate_custom_emoji":false},
         "icon":{"@type":"chatFolderIcon","name":"Star"},"color_id":2,
         "is_shareable":true,"has_my_invite_links":false}],
        "main_chat_list_position":0,"are_tags_enabled":false}"#;
    assert_eq!(
        desk_events(json),
        vec![Event::ChatFolders(vec![
            ChatFolder {
                id: 3,
                name: "Support".into()
            },
            ChatFolder {
                id: 7,
                name: "🎧 VIP".into()
            },
        ])]
    );
    // The last folder deleted: an empty list, which must clear the names too.
    let none = r#"{"@type":"updateChatFolders","chat_folders":[],
        "main_chat_list_position":0,"are_tags_enabled":false}"#;
    assert_eq!(desk_events(none), vec![Event::ChatFolders(Vec::new())]);
}

/// A text message from this account as TDLib 1.8.61 writes it, in `sending_state` (a JSON
/// object, or "" for a message on the server: TDLib leaves null fields out).
fn own_message(id: i64, sending_state: &str) -> String {
    let state = if sending_state.is_empty() {
        String::new()
    } else {
        format!(r#""sending_state":{sending_state},"#)
    };
    format!(
        r#"{{"@type":"message","id":{id},
        "sender_id":{{"@type":"messageSenderUser","user_id":77}},"chat_id":-1005,{state}
        "is_outgoing":true,"is_pinned":false,"is_from_offline":false,"can_be_saved":true,
        "has_timestamped_media":true,"is_channel_post":false,
        "is_paid_star_suggested_post":false,"is_paid_ton_suggested_post":false,
        "contains_unread_mention":false,"date":1772442000,"edit_date":0,
        "unread_reactions":[],"self_destruct_in":0.0,"auto_delete_in":0.0,
        "via_bot_user_id":0,"sender_business_bot_user_id":0,"sender_boost_count":0,
        "paid_message_star_count":0,"author_signature":"","media_album_id":"0",
        "effect_id":"0","summary_language_code":"",
        "content":{{"@type":"messageText","text":{{"@type":"formattedText",
            "text":"On it","entities":[]}}}}}}"#
    )
}

const PENDING: &str = r#"{"@type":"messageSendingStatePending","sending_id":3}"#;
const FAILED: &str = r#"{"@type":"messageSendingStateFailed",
    "error":{"@type":"error","code":400,"message":"CHAT_WRITE_FORBIDDEN"},"can_retry":false,
    "need_another_sender":false,"need_another_reply_quote":false,"need_drop_reply":false,
    "required_paid_message_star_count":0,"retry_after":0.0}"#;

fn last_message(message: &str) -> String {
    format!(
        r#"{{"@type":"updateChatLastMessage","chat_id":-1005,"last_message":{message},
        "positions":[]}}"#
    )
}

/// The message events a re-delivery makes, as (kind, id).
fn delivered(json: &str) -> Vec<(&'static str, i64)> {
    desk_events(json)
        .into_iter()
        .filter_map(|e| match e {
            Event::MessageArrived(m) => Some(("in flight", m.id)),
            Event::HistoryMessage(m) => Some(("history", m.id)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_pending_send_delivered_again_stays_a_send_in_flight() {
    // A yet-unsent id (TDLib: the last server id, 5 << 20, plus one).
    let temp = (5 << 20) + 1;
    assert_eq!(
        delivered(&last_message(&own_message(temp, PENDING))),
        vec![("in flight", temp)],
        "as when updateNewMessage announced it: logged once, when confirmed"
    );
    assert_eq!(
        delivered(&last_message(&own_message(6 << 20, ""))),
        vec![("history", 6 << 20)],
        "on the server: history"
    );
    assert_eq!(
        delivered(&last_message(&own_message(temp + 1, FAILED))),
        vec![],
        "failed: no message (updateMessageSendFailed said so)"
    );
}

/// A text message in the duty group (-1009) from user 42, as TDLib 1.8.61 writes it, with
/// `extra` fields (a `forward_info`, a `sending_state`) and whether it is pinned.
fn duty_message(id: i64, text: &str, pinned: bool, extra: &str) -> String {
    let text = serde_json::to_string(text).expect("a JSON string");
    format!(
        r#"{{"@type":"message","id":{id},
        "sender_id":{{"@type":"messageSenderUser","user_id":42}},"chat_id":-1009,{extra}
        "is_outgoing":false,"is_pinned":{pinned},"is_from_offline":false,"can_be_saved":true,
        "has_timestamped_media":true,"is_channel_post":false,
        "is_paid_star_suggested_post":false,"is_paid_ton_suggested_post":false,
        "contains_unread_mention":false,"date":1772442000,"edit_date":0,
        "unread_reactions":[],"self_destruct_in":0.0,"auto_delete_in":0.0,
        "via_bot_user_id":0,"sender_business_bot_user_id":0,"sender_boost_count":0,
        "paid_message_star_count":0,"author_signature":"","media_album_id":"0",
        "effect_id":"0","summary_language_code":"",
        "content":{{"@type":"messageText","text":{{"@type":"formattedText",
            "text":{text},"entities":[]}}}}}}"#
    )
}

const ALARM: &str = "Anna raised an alarm on ACME: site down\n\
    #dutydesk v1 alarm chat=-1001234 msg=5678 reason=site%20down";

fn team_messages(json: &str) -> Vec<crate::desk::TeamMessage> {
    desk_events(json)
        .into_iter()
        .filter_map(|e| match e {
            Event::TeamMessage(m) => Some(m),
            _ => None,
        })
        .collect()
}

#[test]
fn a_duty_group_action_arrives_as_a_team_message_beside_the_chat_message() {
    let json = format!(
        r#"{{"@type":"updateNewMessage","message":{}}}"#,
        duty_message(7 << 20, ALARM, false, "")
    );
    let events = desk_events(&json);
    assert!(matches!(&events[0], Event::MessageArrived(m) if m.preview == ALARM));
    assert_eq!(
        events[1],
        Event::TeamMessage(crate::desk::TeamMessage {
            chat: -1009,
            id: 7 << 20,
            sender: Sender::User(42),
            date: 1772442000,
            text: ALARM.into(),
            forwarded: false,
            pinned: false,
        })
    );
    assert_eq!(events.len(), 2);
    // An ordinary message: no team message, and its text is not copied for one.
    let plain = format!(
        r#"{{"@type":"updateNewMessage","message":{}}}"#,
        duty_message(8 << 20, "lunch at 1? #dutydesk is great", false, "")
    );
    assert_eq!(team_messages(&plain), vec![]);
}

#[test]
fn a_forwarded_copy_says_so() {
    let forward = r#""forward_info":{"@type":"messageForwardInfo",
        "origin":{"@type":"messageOriginUser","sender_user_id":42},"date":1772441000,
        "public_service_announcement_type":""},"#;
    let json = format!(
        r#"{{"@type":"updateNewMessage","message":{}}}"#,
        duty_message(9 << 20, ALARM, false, forward)
    );
    let team = team_messages(&json);
    assert_eq!(team.len(), 1);
    assert!(team[0].forwarded);
}

#[test]
fn an_own_action_counts_once_the_server_has_it() {
    let temp = (9 << 20) + 1;
    let pending = format!(r#""sending_state":{PENDING},"#);
    let new = format!(
        r#"{{"@type":"updateNewMessage","message":{}}}"#,
        duty_message(temp, ALARM, false, &pending)
    );
    assert_eq!(
        team_messages(&new),
        vec![],
        "in flight: not in the group yet"
    );
    let sent = format!(
        r#"{{"@type":"updateMessageSendSucceeded","message":{},"old_message_id":{temp}}}"#,
        duty_message(10 << 20, ALARM, false, "")
    );
    let team = team_messages(&sent);
    assert_eq!(team.len(), 1);
    assert_eq!(team[0].id, 10 << 20, "under the server's id");
}

#[test]
fn the_pinned_settings_message_delivered_again_carries_its_pin() {
    let settings = "Team settings\n#dutydesk v1 settings\n[sla]\nred_minutes = 5";
    let json = format!(
        r#"{{"@type":"updateChatLastMessage","chat_id":-1009,"last_message":{},
        "positions":[]}}"#,
        duty_message(11 << 20, settings, true, "")
    );
    let team = team_messages(&json);
    assert_eq!(team.len(), 1);
    assert!(team[0].pinned);
    assert_eq!(team[0].text, settings);
}

#[test]
fn pins_and_edits_reach_the_desk() {
    let pin = r#"{"@type":"updateMessageIsPinned","chat_id":-1009,"message_id":12582912,
        "is_pinned":true}"#;
    assert_eq!(
        desk_events(pin),
        vec![Event::MessagePinned {
            chat: -1009,
            id: 12 << 20,
            pinned: true
        }]
    );
    // An edit carries the full new text: the desk compares its meaning with the old one.
    let edit = r#"{"@type":"updateMessageContent","chat_id":-1009,"message_id":12582912,
        "new_content":{"@type":"messageText","text":{"@type":"formattedText",
        "text":"Anna\n#dutydesk v1 clear-alarm chat=-1001234","entities":[]}}}"#;
    assert_eq!(
        desk_events(edit),
        vec![Event::MessageEdited {
            chat: -1009,
            id: 12 << 20,
            preview: "Anna\n#dutydesk v1 clear-alarm chat=-1001234".into()
        }]
    );
}

#[test]
fn duty_members_keep_their_standing() {
    let rights = r#"{"@type":"chatAdministratorRights","can_manage_chat":true,
        "can_change_info":true,"can_post_messages":false,"can_edit_messages":false,
        "can_delete_messages":true,"can_invite_users":true,"can_restrict_members":true,
        "can_pin_messages":true,"can_manage_topics":false,"can_promote_members":false,
        "can_manage_video_chats":true,"can_post_stories":false,"can_edit_stories":false,
        "can_delete_stories":false,"can_manage_direct_messages":false,"is_anonymous":false}"#;
    let member = |user: i64, status: &str| -> Option<(i64, MemberStatus)> {
        let json = format!(
            r#"{{"@type":"chatMember","member_id":{{"@type":"messageSenderUser",
            "user_id":{user}}},"inviter_user_id":0,"joined_chat_date":1772000000,
            "status":{status}}}"#
        );
        let m: types::ChatMember = serde_json::from_str(&json).expect("TDLib's chatMember");
        duty_member(&m)
    };
    assert_eq!(
        member(
            1,
            r#"{"@type":"chatMemberStatusCreator","custom_title":"","is_anonymous":false,
            "is_member":true}"#
        ),
        Some((1, MemberStatus::Owner))
    );
    assert_eq!(
        member(
            2,
            &format!(
                r#"{{"@type":"chatMemberStatusAdministrator","custom_title":"Lead",
                "can_be_edited":false,"rights":{rights}}}"#
            )
        ),
        Some((2, MemberStatus::Administrator))
    );
    assert_eq!(
        member(
            3,
            r#"{"@type":"chatMemberStatusMember","member_until_date":0}"#
        ),
        Some((3, MemberStatus::Member))
    );
    assert_eq!(
        member(4, r#"{"@type":"chatMemberStatusLeft"}"#),
        Some((4, MemberStatus::NotMember))
    );
    assert_eq!(
        member(
            5,
            r#"{"@type":"chatMemberStatusBanned","banned_until_date":0}"#
        ),
        Some((5, MemberStatus::NotMember))
    );
}
