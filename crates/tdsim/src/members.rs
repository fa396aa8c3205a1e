//! Group members and message links: what a duty console needs to know who is staff and to
//! point a task at a message.

use crate::json::W;
use crate::model::*;
use crate::req::{Fail, Request, bad};
use crate::requests::chat_of;
use crate::search::member;
use crate::world::{ME, World};

fn group_chat(world: &World, supergroup: bool, id: i64) -> Option<usize> {
    world.chats.iter().position(|c| match c.kind {
        ChatKind::Supergroup { supergroup_id, .. } => supergroup && supergroup_id == id,
        ChatKind::BasicGroup { group_id } => !supergroup && group_id == id,
        ChatKind::Private { .. } => false,
    })
}

fn is_admin(world: &World, idx: usize, user: UserId) -> bool {
    let c = &world.chats[idx];
    c.owner == user || user == ME || (c.is_group() && world.is_staff(user))
}

pub fn supergroup_members(world: &mut World, r: &Request) -> Result<W, Fail> {
    let id = r.int("supergroup_id")?;
    let idx = group_chat(world, true, id).ok_or_else(|| bad("Supergroup not found"))?;
    let (offset, limit) = (r.int("offset")?, r.int("limit")?);
    if offset < 0 {
        return Err(bad("Parameter offset must be non-negative"));
    }
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let admins_only = matches!(
        r.obj("filter")?,
        Some(("supergroupMembersFilterAdministrators", _))
    );
    world.ensure_chat(idx);
    let all: Vec<UserId> = world.chats[idx]
        .members
        .iter()
        .copied()
        .filter(|&u| !admins_only || is_admin(world, idx, u))
        .collect();
    let shown: Vec<UserId> = all
        .iter()
        .skip(offset as usize)
        .take(limit.min(200) as usize)
        .copied()
        .collect();
    let mut w = W::new();
    w.open("chatMembers");
    w.int("total_count", all.len() as i64);
    w.arr("members", &shown, |w, &u| member(world, idx, u, w));
    Ok(w)
}

pub fn basic_group_full_info(world: &mut World, r: &Request) -> Result<W, Fail> {
    let id = r.int("basic_group_id")?;
    let idx = group_chat(world, false, id).ok_or_else(|| bad("Basic group not found"))?;
    world.ensure_chat(idx);
    let c = &world.chats[idx];
    let mut w = W::new();
    w.open("basicGroupFullInfo");
    w.str("description", "");
    w.int("creator_user_id", c.owner);
    w.arr("members", &c.members, |w, &u| member(world, idx, u, w));
    w.bool("can_hide_members", false);
    w.bool("can_toggle_aggressive_anti_spam", false);
    w.empty_arr("bot_commands");
    Ok(w)
}

/// https://t.me/c/<supergroup id>/<server message id>, as TDLib gives for private supergroups.
pub fn message_link(world: &mut World, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, r)?;
    let id = r.int("message_id")?;
    let chat = &world.chats[idx];
    let Some(m) = chat.message(id) else {
        return Err(bad("Message not found"));
    };
    let ChatKind::Supergroup { supergroup_id, .. } = chat.kind else {
        return Err(bad(
            "Message links are available only for messages in supergroups and channel chats",
        ));
    };
    if m.sending != Sending::Sent {
        return Err(bad("Message links are available only for sent messages"));
    }
    r.int("media_timestamp")?;
    let mut w = W::new();
    w.open("messageLink");
    w.str(
        "link",
        &format!("https://t.me/c/{supergroup_id}/{}", m.id / SERVER_ID_STEP),
    );
    w.bool("is_public", false);
    Ok(w)
}
