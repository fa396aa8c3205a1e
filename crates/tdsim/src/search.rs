//! History, search and members. Results only name chats and users the app has been told about
//! (the corresponding updates are sent first).

use crate::json::W;
use crate::model::*;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::requests::chat_of;
use crate::world::{ME, World};

fn check_limit(limit: i64, offset: i64) -> Result<(), Fail> {
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    if offset > 0 {
        return Err(bad("Parameter offset must be non-positive"));
    }
    if offset <= -limit {
        return Err(bad("Parameter offset must be greater than -limit"));
    }
    Ok(())
}

/// Newest-first page of `ids` (sorted ascending) older than `from` (0 = from the newest), as
/// TDLib pages: `offset` -k also includes `from` itself and k-1 newer messages.
fn page(ids: &[MessageId], from: MessageId, offset: i64, limit: i64) -> Vec<MessageId> {
    let start = if from == 0 {
        ids.len()
    } else {
        ids.partition_point(|&id| id < from)
    };
    let start = (start as i64 - offset).clamp(0, ids.len() as i64) as usize;
    let end = start.saturating_sub(limit as usize);
    ids[end..start].iter().rev().copied().collect()
}

fn write_messages(w: &mut W, world: &World, idx: usize, ids: &[MessageId]) {
    let chat = &world.chats[idx];
    w.arr("messages", ids, |w, id| {
        if let Some(m) = chat.message(*id) {
            objects::message(w, m);
        }
    });
}

fn announce_senders(world: &mut World, idx: usize, ids: &[MessageId]) {
    world.ensure_chat(idx);
    let senders: Vec<UserId> = ids
        .iter()
        .filter_map(|id| match world.chats[idx].message(*id)?.sender {
            Sender::User(u) => Some(u),
            Sender::Chat(_) => None,
        })
        .collect();
    for u in senders {
        world.ensure_user(u);
    }
}

pub fn chat_history(world: &mut World, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, r)?;
    let (limit, offset) = (r.int("limit")?, r.int("offset")?);
    check_limit(limit, offset)?;
    let ids: Vec<MessageId> = world.chats[idx].messages.iter().map(|m| m.id).collect();
    let mut found = page(&ids, r.int("from_message_id")?, offset, limit.min(100));
    // Real TDLib often answers the first request for a chat with just what it has cached
    // (the last message); apps must ask again. Scenarios can make the simulator do the same.
    if world.scenario.faults.short_history_pages && !world.chats[idx].history_served {
        found.truncate(1);
    }
    world.chats[idx].history_served = true;
    announce_senders(world, idx, &found);
    let mut w = W::new();
    w.open("messages");
    w.int("total_count", found.len() as i64);
    write_messages(&mut w, world, idx, &found);
    Ok(w)
}

fn matches_query(m: &Message, query: &str) -> bool {
    query.is_empty() || m.content.text().to_lowercase().contains(query)
}

pub fn search_chat_messages(world: &mut World, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, r)?;
    let (limit, offset) = (r.int("limit")?, r.int("offset")?);
    check_limit(limit, offset)?;
    let query = r.str("query")?.to_lowercase();
    let sender = match r.obj("sender_id")? {
        Some(("messageSenderUser", m)) => {
            Some(Sender::User(m.get("user_id").map_or(Ok(0), req::int_of)?))
        }
        Some(("messageSenderChat", m)) => {
            Some(Sender::Chat(m.get("chat_id").map_or(Ok(0), req::int_of)?))
        }
        _ => None,
    };
    let ids: Vec<MessageId> = world.chats[idx]
        .messages
        .iter()
        .filter(|m| {
            m.sending == Sending::Sent
                && matches_query(m, &query)
                && sender.is_none_or(|s| s == m.sender)
        })
        .map(|m| m.id)
        .collect();
    let found = page(&ids, r.int("from_message_id")?, offset, limit.min(100));
    announce_senders(world, idx, &found);
    let next = match found.last() {
        Some(&last) if ids.first().is_some_and(|&f| f < last) => last,
        _ => 0,
    };
    let mut w = W::new();
    w.open("foundChatMessages");
    w.int("total_count", ids.len() as i64);
    write_messages(&mut w, world, idx, &found);
    w.int("next_from_message_id", next);
    Ok(w)
}

/// Across chats, newest first; `offset` is an opaque position ("" to start).
pub fn search_messages(world: &mut World, r: &Request) -> Result<W, Fail> {
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let query = r.str("query")?.to_lowercase();
    let (min_date, max_date) = (r.int("min_date")?, r.int("max_date")?);
    let folder = req::chat_list(r.obj("chat_list")?)?.unwrap_or(None);
    let start: usize = r.str("offset")?.parse().unwrap_or(0);
    let mut hits: Vec<(i64, usize, MessageId)> = Vec::new();
    for idx in world.ordered_chats(folder) {
        for m in world.chats[idx].messages.iter() {
            let in_dates = m.date >= min_date && (max_date == 0 || m.date <= max_date);
            if m.sending == Sending::Sent && in_dates && matches_query(m, &query) {
                hits.push((m.date, idx, m.id));
            }
        }
    }
    hits.sort_by(|a, b| (b.0, b.2, world.chats[b.1].id).cmp(&(a.0, a.2, world.chats[a.1].id)));
    let page: Vec<(i64, usize, MessageId)> = hits
        .iter()
        .skip(start)
        .take(limit.min(100) as usize)
        .copied()
        .collect();
    for &(_, idx, id) in &page {
        announce_senders(world, idx, &[id]);
    }
    let next = start + page.len();
    let mut w = W::new();
    w.open("foundMessages");
    w.int("total_count", hits.len() as i64);
    w.arr("messages", &page, |w, &(_, idx, id)| {
        if let Some(m) = world.chats[idx].message(id) {
            objects::message(w, m);
        }
    });
    w.str(
        "next_offset",
        &if next < hits.len() {
            next.to_string()
        } else {
            String::new()
        },
    );
    Ok(w)
}

pub(crate) fn member(world: &World, idx: usize, user: UserId, w: &mut W) {
    let c = &world.chats[idx];
    let status = world.member_status(c, user);
    let inviter = if c.owner == user { 0 } else { c.owner };
    objects::chat_member(w, user, inviter, c.created, status);
}

pub fn get_chat_member(world: &mut World, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, r)?;
    // The inviter (the chat's owner) is a member: announcing the chat announces it.
    world.ensure_chat(idx);
    let user = match r.obj("member_id")? {
        Some(("messageSenderUser", m)) => m.get("user_id").map_or(Ok(0), req::int_of)?,
        _ => return Err(bad("Member not found")),
    };
    if world.user(user).is_none() {
        return Err(bad("User not found"));
    }
    world.ensure_user(user);
    let mut w = W::new();
    member(world, idx, user, &mut w);
    w.reopen();
    Ok(w)
}

pub fn search_chat_members(world: &mut World, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, r)?;
    world.ensure_chat(idx);
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let query = r.str("query")?.to_lowercase();
    let admins_only = matches!(
        r.obj("filter")?,
        Some(("chatMembersFilterAdministrators", _))
    );
    let found: Vec<UserId> = world.chats[idx]
        .members
        .iter()
        .copied()
        .filter(|&u| {
            let user = world.user(u);
            let name = user
                .map(|u| format!("{} {} {}", u.first_name, u.last_name, u.username).to_lowercase());
            let admin = u == ME || world.is_staff(u) || world.chats[idx].owner == u;
            name.is_some_and(|n| n.contains(&query)) && (!admins_only || admin)
        })
        .collect();
    let shown: Vec<UserId> = found.iter().take(limit as usize).copied().collect();
    for &u in &shown {
        world.ensure_user(u);
    }
    let mut w = W::new();
    w.open("chatMembers");
    w.int("total_count", found.len() as i64);
    w.arr("members", &shown, |w, &u| member(world, idx, u, w));
    Ok(w)
}
