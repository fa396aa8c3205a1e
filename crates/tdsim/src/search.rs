//! History and search, as one client sees them: its own pending messages are in its history,
//! nobody else's are. Results only name chats and users the client has been told about (the
//! corresponding updates are sent first).

use crate::json::W;
use crate::model::*;
use crate::req::{self, Fail, Request, bad};
use crate::requests::chat_of;
use crate::world::World;

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

impl World {
    /// A message of chat `idx` session `s` can see: on the server, or its own pending one.
    pub fn visible_message(&self, s: usize, idx: usize, id: MessageId) -> Option<&Message> {
        self.chats[idx]
            .message(id)
            .or_else(|| self.sessions[s].local(idx, id))
    }
}

fn write_messages(w: &mut W, world: &World, s: usize, idx: usize, ids: &[MessageId]) {
    w.arr("messages", ids, |w, id| {
        if let Some(m) = world.visible_message(s, idx, *id) {
            world.write_message(w, s, idx, m);
        }
    });
}

fn announce_senders(world: &mut World, s: usize, idx: usize, ids: &[MessageId]) {
    world.ensure_chat(s, idx);
    for id in ids {
        world.announce_refs(s, idx, *id);
    }
}

pub fn chat_history(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let (limit, offset) = (r.int("limit")?, r.int("offset")?);
    check_limit(limit, offset)?;
    let mut ids: Vec<MessageId> = world.chats[idx].messages.iter().map(|m| m.id).collect();
    ids.extend(
        world.sessions[s]
            .local
            .iter()
            .filter(|(i, _)| *i == idx)
            .map(|(_, m)| m.id),
    );
    ids.sort_unstable();
    let mut found = page(&ids, r.int("from_message_id")?, offset, limit.min(100));
    // Real TDLib often answers the first request for a chat with just what it has cached
    // (the last message); apps must ask again. Scenarios can make the simulator do the same.
    if world.scenario.faults.short_history_pages && !world.sessions[s].seen(idx).history_served {
        found.truncate(1);
    }
    world.sessions[s].seen_mut(idx).history_served = true;
    announce_senders(world, s, idx, &found);
    let mut w = W::new();
    w.open("messages");
    w.int("total_count", found.len() as i64);
    write_messages(&mut w, world, s, idx, &found);
    Ok(w)
}

fn matches_query(m: &Message, query: &str) -> bool {
    query.is_empty() || m.content.text().to_lowercase().contains(query)
}

/// searchChatMessages' filters the simulator knows; others search everything.
fn passes_filter(world: &World, s: usize, idx: usize, m: &Message, filter: &str) -> bool {
    let viewer = world.viewer(s);
    match filter {
        "searchMessagesFilterPinned" => m.pinned,
        "searchMessagesFilterMention" => world.mentions(viewer, m.content.text()),
        "searchMessagesFilterUnreadMention" => world.chats[idx]
            .read(viewer)
            .mentions
            .binary_search(&m.id)
            .is_ok(),
        _ => true,
    }
}

pub fn search_chat_messages(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
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
    let filter = r.obj("filter")?.map_or("", |(ty, _)| ty).to_string();
    let ids: Vec<MessageId> = world.chats[idx]
        .messages
        .iter()
        .filter(|m| {
            m.sending == Sending::Sent
                && matches_query(m, &query)
                && sender.is_none_or(|x| x == m.sender)
                && passes_filter(world, s, idx, m, &filter)
        })
        .map(|m| m.id)
        .collect();
    let found = page(&ids, r.int("from_message_id")?, offset, limit.min(100));
    announce_senders(world, s, idx, &found);
    let next = match found.last() {
        Some(&last) if ids.first().is_some_and(|&f| f < last) => last,
        _ => 0,
    };
    let mut w = W::new();
    w.open("foundChatMessages");
    w.int("total_count", ids.len() as i64);
    write_messages(&mut w, world, s, idx, &found);
    w.int("next_from_message_id", next);
    Ok(w)
}

/// Across chats, newest first; `offset` is an opaque position ("" to start).
pub fn search_messages(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let query = r.str("query")?.to_lowercase();
    let (min_date, max_date) = (r.int("min_date")?, r.int("max_date")?);
    let folder = req::chat_list(r.obj("chat_list")?)?.unwrap_or(None);
    let start: usize = r.str("offset")?.parse().unwrap_or(0);
    let mut hits: Vec<(i64, usize, MessageId)> = Vec::new();
    for idx in world.ordered_chats(s, folder) {
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
        announce_senders(world, s, idx, &[id]);
    }
    let next = start + page.len();
    let mut w = W::new();
    w.open("foundMessages");
    w.int("total_count", hits.len() as i64);
    w.arr("messages", &page, |w, &(_, idx, id)| {
        if let Some(m) = world.chats[idx].message(id) {
            world.write_message(w, s, idx, m);
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
