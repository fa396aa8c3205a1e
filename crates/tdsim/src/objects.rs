//! TDLib 1.8.61 objects written field by field, in the schema's order (tl/api.tl). Every
//! non-optional field must be present: tdlib-rs rejects an object missing one. Null optional
//! fields are omitted, as TDLib does.

use crate::json::W;
use crate::model::{Chat, ChatKind, Content, Folder, Message, Sender, Sending, User};

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

fn lists(c: &Chat) -> impl Iterator<Item = Option<i32>> + '_ {
    let member = !c.left;
    std::iter::once(None)
        .chain(c.folders.iter().map(|f| Some(*f)))
        .filter(move |_| member)
}

/// A chat's position in the main list and in each of its folders (none once the account left).
pub fn positions(w: &mut W, k: &str, c: &Chat) {
    let order = c.order();
    let lists = lists(c);
    w.arr(k, lists, |w, list| {
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
pub fn chat(w: &mut W, c: &Chat, with_state: bool) {
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
        if let Some(m) = c.last_message() {
            w.key("last_message");
            message(w, m);
        }
        positions(w, "positions", c);
    } else {
        w.empty_arr("positions");
    }
    w.arr("chat_lists", lists(c), |w, list| match list {
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
    w.bool("is_marked_as_unread", c.marked_unread);
    w.bool("view_as_topics", false);
    w.bool("has_scheduled_messages", false);
    w.bool("can_be_deleted_only_for_self", true);
    w.bool("can_be_deleted_for_all_users", !c.is_group());
    w.bool("can_be_reported", c.is_group());
    w.bool("default_disable_notification", false);
    w.int("unread_count", c.unread_count as i64);
    w.int("last_read_inbox_message_id", c.last_read_inbox);
    w.int("last_read_outbox_message_id", c.last_read_outbox);
    w.int("unread_mention_count", c.unread_mentions as i64);
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

pub fn sender(w: &mut W, k: &str, s: &Sender) {
    match *s {
        Sender::User(id) => w.obj(k, "messageSenderUser", |w| w.int("user_id", id)),
        Sender::Chat(id) => w.obj(k, "messageSenderChat", |w| w.int("chat_id", id)),
    }
}

pub fn message(w: &mut W, m: &Message) {
    w.open("message");
    w.int("id", m.id);
    sender(w, "sender_id", &m.sender);
    w.int("chat_id", m.chat_id);
    match &m.sending {
        Sending::Sent => {}
        Sending::Pending { sending_id } => {
            w.obj("sending_state", "messageSendingStatePending", |w| {
                w.int("sending_id", *sending_id as i64)
            })
        }
        Sending::Failed {
            code,
            message,
            retry_after,
        } => w.obj("sending_state", "messageSendingStateFailed", |w| {
            w.obj("error", "error", |w| {
                w.int("code", *code as i64);
                w.str("message", message);
            });
            w.bool("can_retry", *retry_after > 0.0);
            w.bool("need_another_sender", false);
            w.bool("need_another_reply_quote", false);
            w.bool("need_drop_reply", false);
            w.int("required_paid_message_star_count", 0);
            w.f64("retry_after", *retry_after);
        }),
    }
    w.bool("is_outgoing", m.outgoing);
    w.bool("is_pinned", false);
    w.bool("is_from_offline", false);
    w.bool("can_be_saved", true);
    w.bool("has_timestamped_media", false);
    w.bool("is_channel_post", matches!(m.sender, Sender::Chat(_)));
    w.bool("is_paid_star_suggested_post", false);
    w.bool("is_paid_ton_suggested_post", false);
    w.bool("contains_unread_mention", m.unread_mention);
    w.int("date", m.date);
    w.int("edit_date", m.edit_date);
    w.empty_arr("unread_reactions");
    if let Some(id) = m.reply_to {
        w.obj("reply_to", "messageReplyToMessage", |w| {
            w.int("chat_id", m.chat_id);
            w.int("message_id", id);
            w.int("checklist_task_id", 0);
            w.int("origin_send_date", 0);
        });
    }
    w.f64("self_destruct_in", 0.0);
    w.f64("auto_delete_in", 0.0);
    w.int("via_bot_user_id", 0);
    w.int("sender_business_bot_user_id", 0);
    w.int("sender_boost_count", 0);
    w.int("paid_message_star_count", 0);
    w.str("author_signature", "");
    w.long("media_album_id", 0);
    w.long("effect_id", 0);
    w.str("summary_language_code", "");
    w.key("content");
    content(w, m);
    w.close();
}

pub fn formatted_text(w: &mut W, k: &str, text: &str) {
    w.key(k);
    formatted_text_value(w, text, &crate::entities::detect(text));
}

pub fn formatted_text_value(w: &mut W, text: &str, entities: &[crate::entities::Entity]) {
    w.open("formattedText");
    w.str("text", text);
    crate::entities::write_all(w, "entities", entities);
    w.close();
}

/// A file that exists remotely only; ids derive from the message so they are stable.
fn file(w: &mut W, k: &str, id: i64, size: i64) {
    w.obj(k, "file", |w| {
        w.int("id", id);
        w.int("size", size);
        w.int("expected_size", size);
        w.obj("local", "localFile", |w| {
            w.str("path", "");
            w.bool("can_be_downloaded", true);
            w.bool("can_be_deleted", false);
            w.bool("is_downloading_active", false);
            w.bool("is_downloading_completed", false);
            w.int("download_offset", 0);
            w.int("downloaded_prefix_size", 0);
            w.int("downloaded_size", 0);
        });
        w.obj("remote", "remoteFile", |w| {
            w.str("id", &format!("tdsim-file-{id}"));
            w.str("unique_id", &format!("tdsim-{id}"));
            w.bool("is_uploading_active", false);
            w.bool("is_uploading_completed", true);
            w.int("uploaded_size", size);
        });
    });
}

fn file_id(m: &Message) -> i64 {
    // Keep within int32: TDLib file ids are small positive integers.
    1 + ((m.chat_id.unsigned_abs() as i64 * 31 + m.id / super::model::SERVER_ID_STEP) & 0x3FFF_FFFF)
}

pub fn content(w: &mut W, m: &Message) {
    match &m.content {
        Content::Text(text) => {
            w.open("messageText");
            formatted_text(w, "text", text);
            w.close();
        }
        Content::Photo { caption } => {
            w.open("messagePhoto");
            w.obj("photo", "photo", |w| {
                w.bool("has_stickers", false);
                w.arr(
                    "sizes",
                    [("m", 320, 240), ("x", 800, 600)],
                    |w, (ty, width, height)| {
                        w.open("photoSize");
                        w.str("type", ty);
                        file(w, "photo", file_id(m) + width, width * height / 8);
                        w.int("width", width);
                        w.int("height", height);
                        w.empty_arr("progressive_sizes");
                        w.close();
                    },
                );
            });
            formatted_text(w, "caption", caption);
            w.bool("show_caption_above_media", false);
            w.bool("has_spoiler", false);
            w.bool("is_secret", false);
            w.close();
        }
        Content::Document { file_name, caption } => {
            w.open("messageDocument");
            w.obj("document", "document", |w| {
                w.str("file_name", file_name);
                w.str("mime_type", mime_for(file_name));
                file(w, "document", file_id(m), 48_000);
            });
            formatted_text(w, "caption", caption);
            w.close();
        }
        Content::Voice { duration, caption } => {
            w.open("messageVoiceNote");
            w.obj("voice_note", "voiceNote", |w| {
                w.int("duration", *duration as i64);
                w.str("waveform", "");
                w.str("mime_type", "audio/ogg");
                file(w, "voice", file_id(m), *duration as i64 * 4_000);
            });
            formatted_text(w, "caption", caption);
            w.bool("is_listened", false);
            w.close();
        }
        Content::MembersAdded(ids) => {
            w.open("messageChatAddMembers");
            w.ints("member_user_ids", ids);
            w.close();
        }
        Content::MemberLeft(id) => {
            w.open("messageChatDeleteMember");
            w.int("user_id", *id);
            w.close();
        }
        Content::TitleChanged(title) => {
            w.open("messageChatChangeTitle");
            w.str("title", title);
            w.close();
        }
        Content::Sticker { emoji } => {
            w.open("messageSticker");
            w.obj("sticker", "sticker", |w| {
                w.long("id", 5_000 + file_id(m));
                w.long("set_id", 42);
                w.int("width", 512);
                w.int("height", 512);
                w.str("emoji", emoji);
                w.unit("format", "stickerFormatWebp");
                w.unit("full_type", "stickerFullTypeRegular");
                file(w, "sticker", file_id(m), 20_000);
            });
            w.bool("is_premium", false);
            w.close();
        }
    }
}

fn mime_for(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("txt") | Some("log") => "text/plain",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
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

/// A member's status: the owner is the creator, staff in the duty group are administrators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberStatus {
    Creator,
    Administrator,
    Member,
    Left,
}

pub fn member_status(w: &mut W, k: &str, s: MemberStatus) {
    match s {
        MemberStatus::Creator => w.obj(k, "chatMemberStatusCreator", |w| {
            w.str("custom_title", "");
            w.bool("is_anonymous", false);
            w.bool("is_member", true);
        }),
        MemberStatus::Administrator => w.obj(k, "chatMemberStatusAdministrator", |w| {
            w.str("custom_title", "");
            w.bool("can_be_edited", false);
            w.obj("rights", "chatAdministratorRights", |w| {
                for r in [
                    "can_manage_chat",
                    "can_change_info",
                    "can_post_messages",
                    "can_edit_messages",
                    "can_delete_messages",
                    "can_invite_users",
                    "can_restrict_members",
                    "can_pin_messages",
                    "can_manage_topics",
                    "can_promote_members",
                    "can_manage_video_chats",
                    "can_post_stories",
                    "can_edit_stories",
                    "can_delete_stories",
                    "can_manage_direct_messages",
                    "is_anonymous",
                ] {
                    w.bool(r, r != "is_anonymous" && r != "can_promote_members");
                }
            });
        }),
        MemberStatus::Member => w.obj(k, "chatMemberStatusMember", |w| {
            w.int("member_until_date", 0)
        }),
        MemberStatus::Left => w.unit(k, "chatMemberStatusLeft"),
    }
}

pub fn chat_member(w: &mut W, user_id: i64, inviter: i64, joined: i64, status: MemberStatus) {
    w.open("chatMember");
    sender(w, "member_id", &Sender::User(user_id));
    w.int("inviter_user_id", inviter);
    w.int("joined_chat_date", joined);
    member_status(w, "status", status);
    w.close();
}

pub fn basic_group(w: &mut W, id: i64, member_count: usize, status: MemberStatus) {
    w.open("basicGroup");
    w.int("id", id);
    w.int("member_count", member_count as i64);
    member_status(w, "status", status);
    w.bool("is_active", true);
    w.int("upgraded_to_supergroup_id", 0);
    w.close();
}

pub fn supergroup(
    w: &mut W,
    id: i64,
    date: i64,
    member_count: usize,
    is_channel: bool,
    status: MemberStatus,
) {
    w.open("supergroup");
    w.int("id", id);
    w.int("date", date);
    member_status(w, "status", status);
    w.int("member_count", member_count as i64);
    w.int("boost_level", 0);
    for k in [
        "has_automatic_translation",
        "has_linked_chat",
        "has_location",
        "sign_messages",
    ] {
        w.bool(k, false);
    }
    w.bool("show_message_sender", false);
    w.bool("join_to_send_messages", false);
    w.bool("join_by_request", false);
    w.bool("is_slow_mode_enabled", false);
    w.bool("is_channel", is_channel);
    w.bool("is_broadcast_group", false);
    w.bool("is_forum", false);
    w.bool("is_direct_messages_group", false);
    w.bool("is_administered_direct_messages_group", false);
    w.bool("has_direct_messages_group", false);
    w.bool("has_forum_tabs", false);
    w.int("paid_message_star_count", 0);
    w.close();
}
