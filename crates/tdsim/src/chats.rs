//! Chat requests of one client: getChat, loadChats / getChats (the client's own lists: the
//! chats its user is a member of, in the account's folders for the account), getMessage(s),
//! opening, viewing and reading chats, marking them unread, folders, chat actions and drafts.

use crate::json::W;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::requests::{chat_of, ok};
use crate::world::World;

pub fn dispatch(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    match r.ty.as_str() {
        "getChat" => {
            let idx = chat_of(world, s, r)?;
            world.ensure_chat(s, idx);
            let mut w = W::new();
            objects::chat(&mut w, &world.chat_view(s, idx), true);
            w.reopen();
            Ok(w)
        }
        "loadChats" => load_chats(world, s, r),
        "getChats" => get_chats(world, s, r),
        "openChat" | "closeChat" => {
            let idx = chat_of(world, s, r)?;
            world.sessions[s].seen_mut(idx).opened = r.ty == "openChat";
            Ok(ok())
        }
        "viewMessages" => view_messages(world, s, r),
        "readChatList" => {
            let list = req::chat_list(r.obj("chat_list")?)?;
            if let Some(folder) = list {
                let viewer = world.viewer(s);
                for idx in world.ordered_chats(s, folder) {
                    let last = world.chats[idx].last_message().map_or(0, |m| m.id);
                    world.read_inbox(viewer, idx, last);
                    world.set_marked_unread(viewer, idx, false);
                }
                world.sync_counters_of(viewer);
            }
            Ok(ok())
        }
        "toggleChatIsMarkedAsUnread" => {
            let idx = chat_of(world, s, r)?;
            let viewer = world.viewer(s);
            world.set_marked_unread(viewer, idx, r.bool("is_marked_as_unread")?);
            Ok(ok())
        }
        "getChatFolder" => get_chat_folder(world, s, r),
        "getMessage" => {
            let idx = chat_of(world, s, r)?;
            let id = r.int("message_id")?;
            if world.visible_message(s, idx, id).is_none() {
                return Err((404, "Not Found".to_string()));
            }
            world.announce_refs(s, idx, id);
            let mut w = W::new();
            if let Some(m) = world.visible_message(s, idx, id) {
                world.write_message(&mut w, s, idx, m);
            }
            w.reopen();
            Ok(w)
        }
        "getMessages" => {
            let idx = chat_of(world, s, r)?;
            let ids = r.ints("message_ids")?;
            for id in &ids {
                world.announce_refs(s, idx, *id);
            }
            let found = ids
                .iter()
                .filter(|id| world.visible_message(s, idx, **id).is_some())
                .count();
            let mut w = W::new();
            w.open("messages");
            w.int("total_count", found as i64);
            w.arr("messages", &ids, |w, id| {
                match world.visible_message(s, idx, *id) {
                    Some(m) => world.write_message(w, s, idx, m),
                    None => w.buf.push_str("null"),
                }
            });
            Ok(w)
        }
        // Kept for tests ("a client never sends typing unless enabled"); nobody else sees it.
        "sendChatAction" => {
            let idx = chat_of(world, s, r)?;
            let action = match r.obj("action")? {
                Some((kind, _)) => kind.to_string(),
                None => "chatActionCancel".to_string(),
            };
            let chat = world.chats[idx].id;
            world.sessions[s].chat_actions.push((chat, action));
            Ok(ok())
        }
        // Accepted and dropped: nobody in the simulated world reads drafts.
        "setChatDraftMessage" => {
            chat_of(world, s, r)?;
            Ok(ok())
        }
        other => Err(bad(format!(
            "Method \"{other}\" is not supported by the simulator"
        ))),
    }
}

fn view_messages(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let ids = r.ints("message_ids")?;
    if world.sessions[s].seen(idx).opened || r.bool("force_read")? {
        let max = ids
            .iter()
            .copied()
            .filter(|id| world.chats[idx].message(*id).is_some())
            .max();
        if let Some(max) = max {
            let viewer = world.viewer(s);
            world.read_inbox(viewer, idx, max);
            world.sync_counters_of(viewer);
        }
    }
    Ok(ok())
}

fn get_chat_folder(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let id = r.int("chat_folder_id")? as i32;
    let viewer = world.viewer(s);
    let f = world
        .folders
        .iter()
        .find(|f| f.id == id && viewer == crate::world::ME)
        .cloned()
        .ok_or_else(|| bad("Chat folder not found"))?;
    let inside: Vec<usize> = (0..world.chats.len())
        .filter(|&i| world.chats[i].folders.contains(&id))
        .collect();
    for &i in &inside {
        world.ensure_chat(s, i);
    }
    let ids: Vec<i64> = inside.iter().map(|&i| world.chats[i].id).collect();
    let mut w = W::new();
    objects::folder(&mut w, &f, &ids);
    w.reopen();
    Ok(w)
}

/// Announces the next `limit` chats of a list that the client has not seen placed yet; 404
/// once every chat is loaded, as TDLib does.
fn load_into(world: &mut World, s: usize, folder: Option<i32>, limit: usize) -> usize {
    let first_time = folder.is_none() && !world.sessions[s].main_list_requested;
    if folder.is_none() {
        world.sessions[s].main_list_requested = true;
    }
    let todo: Vec<usize> = world
        .ordered_chats(s, folder)
        .into_iter()
        .filter(|&i| !world.sessions[s].seen(i).positioned)
        .take(limit)
        .collect();
    for &idx in &todo {
        world.ensure_chat(s, idx);
        world.send_last_message(s, idx);
    }
    if first_time {
        world.sessions[s].counters = world.recount(world.viewer(s));
        world.send_unread_message_count(s);
        world.send_unread_chat_count(s);
    }
    todo.len()
}

fn load_chats(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let Some(folder) = req::chat_list(r.obj("chat_list")?)? else {
        return Err((404, "Not Found".into()));
    };
    if let Some(f) = folder
        && !(world.viewer(s) == crate::world::ME && world.folders.iter().any(|x| x.id == f))
    {
        return Err(bad("Chat folder not found"));
    }
    if load_into(world, s, folder, limit as usize) == 0 {
        return Err((404, "Not Found".into()));
    }
    Ok(ok())
}

fn get_chats(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let limit = r.int("limit")?.max(0) as usize;
    let folder = req::chat_list(r.obj("chat_list")?)?;
    let ids: Vec<i64> = match folder {
        None => Vec::new(),
        Some(folder) => {
            let known = world
                .ordered_chats(s, folder)
                .into_iter()
                .take_while(|&i| world.sessions[s].seen(i).positioned)
                .count();
            if known < limit {
                load_into(world, s, folder, limit - known);
            }
            world
                .ordered_chats(s, folder)
                .into_iter()
                .take(limit)
                .map(|i| world.chats[i].id)
                .collect()
        }
    };
    let total = folder.map_or(0, |f| world.ordered_chats(s, f).len());
    let mut w = W::new();
    w.open("chats");
    w.int("total_count", total as i64);
    w.ints("chat_ids", &ids);
    Ok(w)
}
