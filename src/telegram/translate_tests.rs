//! The translator fed TDLib 1.8.61's JSON as the real library writes it (parsed by tdlib-rs
//! exactly as the receive thread does), not hand-built tdlib-rs values: a field renamed
//! between TDLib versions fails here.

use super::*;
use crate::desk::ChatFolder;

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
