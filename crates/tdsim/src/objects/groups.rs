//! Members and groups: a member's status (owner, administrator with rights and custom title,
//! member, left), chat members, basic groups and supergroups.

use super::sender;
use crate::json::W;
use crate::model::Sender;

/// A member's status: the owner is the creator, administrators have rights and maybe a
/// custom title ("Team lead").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberStatus<'a> {
    Creator { title: &'a str },
    Administrator { title: &'a str, can_be_edited: bool },
    Member,
    Left,
}

pub fn member_status(w: &mut W, k: &str, s: MemberStatus) {
    match s {
        MemberStatus::Creator { title } => w.obj(k, "chatMemberStatusCreator", |w| {
            w.str("custom_title", title);
            w.bool("is_anonymous", false);
            w.bool("is_member", true);
        }),
        MemberStatus::Administrator {
            title,
            can_be_edited,
        } => w.obj(k, "chatMemberStatusAdministrator", |w| {
            w.str("custom_title", title);
            w.bool("can_be_edited", can_be_edited);
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
