//! TDLib 1.8.61 objects written field by field, in the schema's order (tl/api.tl). Every
//! non-optional field must be present: tdlib-rs rejects an object missing one. Null optional
//! fields are omitted, as TDLib does. Users, chats and folders here; messages in message.rs,
//! members and groups in groups.rs, proxies in net.rs. Objects that differ between members
//! (a chat's read state, whether a message is outgoing) take the viewer's side as arguments.

mod groups;
mod message;
mod net;

pub use groups::*;
pub use message::*;
pub use net::*;

use crate::json::W;
use crate::model::{Chat, ChatKind, ChatRead, Folder, Message, User, UserId};

/// A chat as one member sees it: their read state, their newest message (which may be their
/// own pending one), its order, and whether it is in their lists at all.
pub struct ChatView<'a> {
    pub chat: &'a Chat,
    pub viewer: UserId,
    pub read: &'a ChatRead,
    pub last: Option<&'a Message>,
    pub order: i64,
    /// Whether the viewer is a member: a chat they left is in no list.
    pub member: bool,
    /// The viewer's folders holding the chat.
    pub folders: &'a [i32],
}

pub fn user(w: &mut W, u: &User, now: i64) {
    w.open("user");
    w.int("id", u.id);
    w.str("first_name", &u.first_name);
    w.str("last_name", &u.last_name);
    if !u.username.is_empty() {
        usernames(w, &u.username);
    }
    w.str("phone_number", &u.phone);
    if now - u.was_online < 300 {
        w.obj("status", "userStatusOnline", |w| {
            w.int("expires", u.was_online + 300)
        });
    } else {
        w.obj("status", "userStatusOffline", |w| {
            w.int("was_online", u.was_online)
        });
    }
    w.int("accent_color_id", u.id.rem_euclid(7));
    w.long("background_custom_emoji_id", 0);
    w.int("profile_accent_color_id", -1);
    w.long("profile_background_custom_emoji_id", 0);
    w.bool("is_contact", false);
    w.bool("is_mutual_contact", false);
    w.bool("is_close_friend", false);
    w.bool("is_premium", false);
    w.bool("is_support", false);
    w.bool("restricts_new_chats", false);
    w.int("paid_message_star_count", 0);
    w.bool("have_access", true);
    w.unit("type", "userTypeRegular");
    w.str("language_code", "");
    w.bool("added_to_attachment_menu", false);
    w.close();
}

fn usernames(w: &mut W, name: &str) {
    w.obj("usernames", "usernames", |w| {
        w.arr("active_usernames", [name], |w, n| w.raw_str(n));
        w.empty_arr("disabled_usernames");
        w.str("editable_username", name);
        w.empty_arr("collectible_usernames");
    });
}

pub fn chat_list(w: &mut W, k: &str, folder: Option<i32>) {
    match folder {
        None => w.unit(k, "chatListMain"),
        Some(id) => w.obj(k, "chatListFolder", |w| w.int("chat_folder_id", id as i64)),
    }
}

fn lists<'a>(v: &'a ChatView) -> impl Iterator<Item = Option<i32>> + 'a {
    let member = v.member;
    std::iter::once(None)
        .chain(v.folders.iter().map(|f| Some(*f)))
        .filter(move |_| member)
}

/// A chat's position in the main list and in each of its folders (none once the viewer left).
pub fn positions(w: &mut W, k: &str, v: &ChatView) {
    let order = v.order;
    w.arr(k, lists(v), |w, list| {
        w.open("chatPosition");
        chat_list(w, "list", list);
        w.long("order", order);
        w.bool("is_pinned", false);
        w.close();
    });
}

pub fn chat_type(w: &mut W, kind: &ChatKind) {
    match *kind {
        ChatKind::Private { user_id } => {
            w.obj("type", "chatTypePrivate", |w| w.int("user_id", user_id))
        }
        ChatKind::BasicGroup { group_id } => w.obj("type", "chatTypeBasicGroup", |w| {
            w.int("basic_group_id", group_id)
        }),
        ChatKind::Supergroup {
            supergroup_id,
            is_channel,
        } => w.obj("type", "chatTypeSupergroup", |w| {
            w.int("supergroup_id", supergroup_id);
            w.bool("is_channel", is_channel);
        }),
    }
}

/// The chat as sent in updateNewChat and getChat. `with_state` false gives the shape TDLib
/// uses while loading chats: no last message and no positions yet (updates follow).
pub fn chat(w: &mut W, v: &ChatView, with_state: bool) {
    let c = v.chat;
    w.open("chat");
    w.int("id", c.id);
    chat_type(w, &c.kind);
    w.str("title", &c.title);
    w.int("accent_color_id", c.id.rem_euclid(7));
    w.long("background_custom_emoji_id", 0);
    w.int("profile_accent_color_id", -1);
    w.long("profile_background_custom_emoji_id", 0);
    w.obj("permissions", "chatPermissions", |w| {
        let can = !c.is_channel();
        for k in [
            "can_send_basic_messages",
            "can_send_audios",
            "can_send_documents",
            "can_send_photos",
            "can_send_videos",
            "can_send_video_notes",
            "can_send_voice_notes",
            "can_send_polls",
            "can_send_other_messages",
            "can_add_link_previews",
        ] {
            w.bool(k, can);
        }
        w.bool("can_change_info", false);
        w.bool("can_invite_users", can);
        w.bool("can_pin_messages", false);
        w.bool("can_create_topics", false);
    });
    if with_state {
        if let Some(m) = v.last {
            w.key("last_message");
            message(w, m, v.viewer, v.read);
        }
        positions(w, "positions", v);
    } else {
        w.empty_arr("positions");
    }
    w.arr("chat_lists", lists(v), |w, list| match list {
        None => {
            w.open("chatListMain");
            w.close();
        }
        Some(id) => {
            w.open("chatListFolder");
            w.int("chat_folder_id", id as i64);
            w.close();
        }
    });
    w.bool("has_protected_content", false);
    w.bool("is_translatable", false);
    w.bool("is_marked_as_unread", v.read.marked_unread);
    w.bool("view_as_topics", false);
    w.bool("has_scheduled_messages", false);
    w.bool("can_be_deleted_only_for_self", true);
    w.bool("can_be_deleted_for_all_users", !c.is_group());
    w.bool("can_be_reported", c.is_group());
    w.bool("default_disable_notification", false);
    w.int("unread_count", v.read.unread_count as i64);
    w.int("last_read_inbox_message_id", v.read.last_read_inbox);
    w.int("last_read_outbox_message_id", v.read.last_read_outbox);
    w.int("unread_mention_count", v.read.mentions.len() as i64);
    w.int("unread_reaction_count", 0);
    notification_settings(w);
    w.obj("available_reactions", "chatAvailableReactionsAll", |w| {
        w.int("max_reaction_count", 11)
    });
    w.int("message_auto_delete_time", 0);
    w.obj("video_chat", "videoChat", |w| {
        w.int("group_call_id", 0);
        w.bool("has_participants", false);
    });
    w.int("reply_markup_message_id", 0);
    w.str("client_data", "");
    w.close();
}

fn notification_settings(w: &mut W) {
    w.obj("notification_settings", "chatNotificationSettings", |w| {
        w.bool("use_default_mute_for", true);
        w.int("mute_for", 0);
        w.bool("use_default_sound", true);
        w.long("sound_id", 0);
        w.bool("use_default_show_preview", true);
        w.bool("show_preview", true);
        w.bool("use_default_mute_stories", true);
        w.bool("mute_stories", false);
        w.bool("use_default_story_sound", true);
        w.long("story_sound_id", 0);
        w.bool("use_default_show_story_poster", true);
        w.bool("show_story_poster", true);
        w.bool("use_default_disable_pinned_message_notifications", true);
        w.bool("disable_pinned_message_notifications", false);
        w.bool("use_default_disable_mention_notifications", true);
        w.bool("disable_mention_notifications", false);
    });
}

pub fn folder_info(w: &mut W, f: &Folder) {
    w.open("chatFolderInfo");
    w.int("id", f.id as i64);
    folder_name(w, &f.title);
    w.obj("icon", "chatFolderIcon", |w| w.str("name", &f.icon));
    w.int("color_id", -1);
    w.bool("is_shareable", false);
    w.bool("has_my_invite_links", false);
    w.close();
}

fn folder_name(w: &mut W, title: &str) {
    w.obj("name", "chatFolderName", |w| {
        w.key("text");
        formatted_text_value(w, title, &[]);
        w.bool("animate_custom_emoji", false);
    });
}

pub fn folder(w: &mut W, f: &Folder, chat_ids: &[i64]) {
    w.open("chatFolder");
    folder_name(w, &f.title);
    w.obj("icon", "chatFolderIcon", |w| w.str("name", &f.icon));
    w.int("color_id", -1);
    w.bool("is_shareable", false);
    w.empty_arr("pinned_chat_ids");
    w.ints("included_chat_ids", chat_ids);
    w.empty_arr("excluded_chat_ids");
    for k in [
        "exclude_muted",
        "exclude_read",
        "exclude_archived",
        "include_contacts",
        "include_non_contacts",
        "include_bots",
        "include_groups",
        "include_channels",
    ] {
        w.bool(k, false);
    }
    w.close();
}
