//! Messages and their contents, as one member sees them: their own messages are outgoing,
//! mentions of them unread until they read them.

use crate::json::W;
use crate::model::{ChatRead, Content, Message, Origin, SERVER_ID_STEP, Sender, Sending, UserId};

pub fn sender(w: &mut W, k: &str, s: &Sender) {
    match *s {
        Sender::User(id) => w.obj(k, "messageSenderUser", |w| w.int("user_id", id)),
        Sender::Chat(id) => w.obj(k, "messageSenderChat", |w| w.int("chat_id", id)),
    }
}

pub fn message(w: &mut W, m: &Message, viewer: UserId, read: &ChatRead) {
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
    w.bool("is_outgoing", m.sender == Sender::User(viewer));
    w.bool("is_pinned", m.pinned);
    w.bool("is_from_offline", false);
    w.bool("can_be_saved", true);
    w.bool("has_timestamped_media", false);
    w.bool("is_channel_post", matches!(m.sender, Sender::Chat(_)));
    w.bool("is_paid_star_suggested_post", false);
    w.bool("is_paid_ton_suggested_post", false);
    w.bool(
        "contains_unread_mention",
        read.mentions.binary_search(&m.id).is_ok(),
    );
    w.int("date", m.date);
    w.int("edit_date", m.edit_date);
    if let Some(f) = &m.forward {
        w.obj("forward_info", "messageForwardInfo", |w| {
            origin(w, "origin", &f.origin);
            w.int("date", f.date);
            w.str("public_service_announcement_type", "");
        });
    }
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
    1 + ((m.chat_id.unsigned_abs() as i64 * 31 + m.id / SERVER_ID_STEP) & 0x3FFF_FFFF)
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
        Content::Pinned(id) => {
            w.open("messagePinMessage");
            w.int("message_id", *id);
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

fn origin(w: &mut W, k: &str, o: &Origin) {
    match o {
        Origin::User(id) => w.obj(k, "messageOriginUser", |w| w.int("sender_user_id", *id)),
        Origin::HiddenUser(name) => {
            w.obj(k, "messageOriginHiddenUser", |w| w.str("sender_name", name))
        }
        Origin::Chat { chat_id, signature } => w.obj(k, "messageOriginChat", |w| {
            w.int("sender_chat_id", *chat_id);
            w.str("author_signature", signature);
        }),
        Origin::Channel {
            chat_id,
            message_id,
            signature,
        } => w.obj(k, "messageOriginChannel", |w| {
            w.int("chat_id", *chat_id);
            w.int("message_id", *message_id);
            w.str("author_signature", signature);
        }),
    }
}
