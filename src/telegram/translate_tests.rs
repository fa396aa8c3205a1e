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
