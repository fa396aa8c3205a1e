//! Group members as TDLib 1.8.61 lists them (getChatMember, getSupergroupMembers with its
//! filters, searchChatMembers, getBasicGroupFullInfo): the owner is chatMemberStatusCreator,
//! administrators carry their rights and custom titles ("Team lead"), then members; people who
//! left are chatMemberStatusLeft. Also message links, which point a task at a message.

use crate::json::W;
use crate::model::*;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::requests::chat_of;
use crate::world::World;

fn group_chat(world: &World, s: usize, supergroup: bool, id: i64) -> Option<usize> {
    let idx = world.chats.iter().position(|c| match c.kind {
        ChatKind::Supergroup { supergroup_id, .. } => supergroup && supergroup_id == id,
        ChatKind::BasicGroup { group_id } => !supergroup && group_id == id,
        ChatKind::Private { .. } => false,
    })?;
    world.visible(s, idx).then_some(idx)
}

/// One chatMember object, as session `s` sees it.
fn member(world: &World, s: usize, idx: usize, user: UserId, w: &mut W) {
    let c = &world.chats[idx];
    let status = world.member_status(idx, user, world.viewer(s));
    let inviter = if c.owner == user { 0 } else { c.owner };
    objects::chat_member(w, user, inviter, c.created, status);
}

fn members_reply(world: &mut World, s: usize, idx: usize, all: &[UserId], shown: &[UserId]) -> W {
    world.ensure_chat(s, idx);
    for &u in shown {
        world.ensure_user(s, u);
    }
    let mut w = W::new();
    w.open("chatMembers");
    w.int("total_count", all.len() as i64);
    w.arr("members", shown, |w, &u| member(world, s, idx, u, w));
    w
}

fn name_matches(world: &World, user: UserId, query: &str) -> bool {
    let query = query.to_lowercase();
    world.user(user).is_some_and(|u| {
        format!("{} {} {}", u.first_name, u.last_name, u.username)
            .to_lowercase()
            .contains(&query)
    })
}

fn is_admin(world: &World, idx: usize, user: UserId) -> bool {
    let c = &world.chats[idx];
    c.owner == user || c.admins.contains(&user)
}

/// Members of chat `idx` passing a filter, by its @type and its query (if any).
fn filtered(world: &World, idx: usize, filter: &str, query: &str) -> Vec<UserId> {
    world.chats[idx]
        .members
        .iter()
        .copied()
        .filter(|&u| match filter {
            "supergroupMembersFilterAdministrators" | "chatMembersFilterAdministrators" => {
                is_admin(world, idx, u)
            }
            // Nobody is a contact, a bot, restricted or banned in the simulated world.
            "supergroupMembersFilterContacts"
            | "chatMembersFilterContacts"
            | "supergroupMembersFilterBots"
            | "chatMembersFilterBots"
            | "supergroupMembersFilterRestricted"
            | "chatMembersFilterRestricted"
            | "supergroupMembersFilterBanned"
            | "chatMembersFilterBanned" => false,
            _ => true,
        })
        .filter(|&u| query.is_empty() || name_matches(world, u, query))
        .collect()
}

pub fn supergroup_members(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let id = r.int("supergroup_id")?;
    let idx = group_chat(world, s, true, id).ok_or_else(|| bad("Supergroup not found"))?;
    let (offset, limit) = (r.int("offset")?, r.int("limit")?);
    if offset < 0 {
        return Err(bad("Parameter offset must be non-negative"));
    }
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let (filter, query) = match r.obj("filter")? {
        Some((ty, m)) => (ty.to_string(), req::str_of(m.get("query"))?),
        None => (String::new(), String::new()),
    };
    let all = filtered(world, idx, &filter, &query);
    let shown: Vec<UserId> = all
        .iter()
        .skip(offset as usize)
        .take(limit.min(200) as usize)
        .copied()
        .collect();
    Ok(members_reply(world, s, idx, &all, &shown))
}

pub fn search_chat_members(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let query = r.str("query")?;
    let filter = r.obj("filter")?.map_or("", |(ty, _)| ty).to_string();
    let all = filtered(world, idx, &filter, &query);
    let shown: Vec<UserId> = all.iter().take(limit as usize).copied().collect();
    Ok(members_reply(world, s, idx, &all, &shown))
}

pub fn get_chat_member(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    // The inviter (the chat's owner) is announced with the chat.
    world.ensure_chat(s, idx);
    let user = match r.obj("member_id")? {
        Some(("messageSenderUser", m)) => m.get("user_id").map_or(Ok(0), req::int_of)?,
        _ => return Err(bad("Member not found")),
    };
    if world.user(user).is_none() {
        return Err(bad("User not found"));
    }
    world.ensure_user(s, user);
    let mut w = W::new();
    member(world, s, idx, user, &mut w);
    w.reopen();
    Ok(w)
}

pub fn basic_group_full_info(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let id = r.int("basic_group_id")?;
    let idx = group_chat(world, s, false, id).ok_or_else(|| bad("Basic group not found"))?;
    world.ensure_chat(s, idx);
    let c = &world.chats[idx];
    let mut w = W::new();
    w.open("basicGroupFullInfo");
    w.str("description", "");
    w.int("creator_user_id", c.owner);
    w.arr("members", &c.members, |w, &u| member(world, s, idx, u, w));
    w.bool("can_hide_members", false);
    w.bool("can_toggle_aggressive_anti_spam", false);
    w.empty_arr("bot_commands");
    Ok(w)
}

/// https://t.me/c/<supergroup id>/<server message id>, as TDLib gives for private supergroups.
pub fn message_link(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let id = r.int("message_id")?;
    let chat = &world.chats[idx];
    let Some(m) = world.visible_message(s, idx, id) else {
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
