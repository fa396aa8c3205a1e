//! Request dispatch: each td_send request gets exactly one reply carrying its "@extra", after
//! any updates the request caused (as in TDLib, a chat is announced before its id is returned).

use crate::json::{self, W};
use crate::model::*;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::world::{Auth, ME, World};

/// Work that TDLib does after replying (the reply to close comes before authorizationStateClosed).
pub enum After {
    Close { log_out: bool },
    CompleteSend { chat: usize, id: MessageId },
}

type Handled = Result<(W, Option<After>), Fail>;

fn ok() -> W {
    let mut w = W::new();
    w.open("ok");
    w
}

fn done(w: W) -> Handled {
    Ok((w, None))
}

/// Requests that need no login (the rest need setTdlibParameters, then an authorized account).
const ANY_STATE: [&str; 12] = [
    "getOption",
    "setOption",
    "getAuthorizationState",
    "setTdlibParameters",
    "setAuthenticationPhoneNumber",
    "checkAuthenticationCode",
    "checkAuthenticationPassword",
    "close",
    "logOut",
    "destroy",
    "getCurrentState",
    "testNetwork",
];

pub fn handle(world: &mut World, raw: &str) {
    if !world.started {
        world.start();
    }
    let (result, extra) = match req::parse(raw) {
        Ok(r) => (dispatch(world, &r), r.extra),
        Err((fail, extra)) => (Err(fail), extra),
    };
    let client = Some(world.client_id);
    match result {
        Ok((w, after)) => {
            let s = w.finish(extra.as_deref(), client);
            world.push(s);
            match after {
                Some(After::Close { log_out }) => world.close_now(log_out),
                Some(After::CompleteSend { chat, id }) => world.complete_send(chat, id),
                None => {}
            }
        }
        Err((code, message)) => {
            let s = json::error(code, &message, extra.as_deref(), client);
            world.push(s);
        }
    }
}

fn dispatch(world: &mut World, r: &Request) -> Handled {
    if world.auth == Auth::Closed {
        return Err((500, "Request aborted".into()));
    }
    if let Some(reply) = crate::execute::sync_request(r) {
        return reply.map(|w| (w, None));
    }
    if !ANY_STATE.contains(&r.ty.as_str()) {
        match world.auth {
            Auth::WaitParameters => {
                return Err(bad(
                    "Initialization parameters are needed: call setTdlibParameters first",
                ));
            }
            Auth::Ready => {}
            _ => return Err((401, "Unauthorized".into())),
        }
    }
    if matches!(
        r.ty.as_str(),
        "getChatHistory" | "searchChatMessages" | "searchMessages" | "searchChatMembers"
    ) && let Some(secs) = world.request_flood_wait()
    {
        return Err((429, format!("Too Many Requests: retry after {secs}")));
    }
    match r.ty.as_str() {
        "getOption" => world.get_option(r).map(|w| (w, None)),
        "setOption" => world.set_option_request(r).map(|_| (ok(), None)),
        "getAuthorizationState" => {
            let mut w = W::new();
            crate::auth::state_object(&mut w, world);
            w.reopen();
            done(w)
        }
        "setTdlibParameters" => world.set_tdlib_parameters(r).map(|_| (ok(), None)),
        "setAuthenticationPhoneNumber" => world.set_phone(r).map(|_| (ok(), None)),
        "checkAuthenticationCode" => world.check_code(r).map(|_| (ok(), None)),
        "checkAuthenticationPassword" => world.check_password(r).map(|_| (ok(), None)),
        "close" | "destroy" => Ok((ok(), Some(After::Close { log_out: false }))),
        "logOut" => Ok((ok(), Some(After::Close { log_out: true }))),
        "getMe" => user_reply(world, ME),
        "getUser" => user_reply(world, r.int("user_id")?),
        "getChat" => {
            let idx = chat_of(world, r)?;
            world.ensure_chat(idx);
            let mut w = W::new();
            objects::chat(&mut w, &world.chats[idx], true);
            w.reopen();
            done(w)
        }
        "getBasicGroup" => group_reply(world, r.int("basic_group_id")?, false),
        "getSupergroup" => group_reply(world, r.int("supergroup_id")?, true),
        "loadChats" => load_chats(world, r),
        "getChats" => get_chats(world, r),
        "openChat" | "closeChat" => {
            let idx = chat_of(world, r)?;
            world.chats[idx].opened = r.ty == "openChat";
            done(ok())
        }
        "viewMessages" => {
            let idx = chat_of(world, r)?;
            let ids = r.ints("message_ids")?;
            if world.chats[idx].opened || r.bool("force_read")? {
                let max = ids
                    .iter()
                    .copied()
                    .filter(|id| world.chats[idx].message(*id).is_some())
                    .max();
                if let Some(max) = max {
                    world.read_inbox(idx, max);
                    world.sync_unread_counters();
                }
            }
            done(ok())
        }
        "readChatList" => {
            let list = req::chat_list(r.obj("chat_list")?)?;
            if let Some(folder) = list {
                for idx in world.ordered_chats(folder) {
                    let last = world.chats[idx].last_message().map_or(0, |m| m.id);
                    world.read_inbox(idx, last);
                    world.set_marked_unread(idx, false);
                }
                world.sync_unread_counters();
            }
            done(ok())
        }
        "toggleChatIsMarkedAsUnread" => {
            let idx = chat_of(world, r)?;
            world.set_marked_unread(idx, r.bool("is_marked_as_unread")?);
            done(ok())
        }
        "sendMessage" => crate::send::send_message(world, r),
        "editMessageText" => crate::send::edit_message_text(world, r),
        "deleteMessages" => {
            let idx = chat_of(world, r)?;
            if world.chats[idx].is_channel() {
                return Err(bad("Message can't be deleted"));
            }
            world.delete_messages(idx, &r.ints("message_ids")?);
            done(ok())
        }
        "getMessage" => {
            let idx = chat_of(world, r)?;
            let id = r.int("message_id")?;
            let m = world.chats[idx]
                .message(id)
                .ok_or((404, "Not Found".to_string()))?;
            let mut w = W::new();
            objects::message(&mut w, m);
            w.reopen();
            done(w)
        }
        "getMessages" => {
            let idx = chat_of(world, r)?;
            let ids = r.ints("message_ids")?;
            let chat = &world.chats[idx];
            let found: Vec<Option<&Message>> = ids.iter().map(|id| chat.message(*id)).collect();
            let mut w = W::new();
            w.open("messages");
            w.int("total_count", found.iter().flatten().count() as i64);
            w.arr("messages", found, |w, m| match m {
                Some(m) => objects::message(w, m),
                None => w.buf.push_str("null"),
            });
            done(w)
        }
        "getChatHistory" => crate::search::chat_history(world, r).map(|w| (w, None)),
        "searchChatMessages" => crate::search::search_chat_messages(world, r).map(|w| (w, None)),
        "searchMessages" => crate::search::search_messages(world, r).map(|w| (w, None)),
        "getChatFolder" => {
            let id = r.int("chat_folder_id")? as i32;
            let f = world
                .folders
                .iter()
                .find(|f| f.id == id)
                .cloned()
                .ok_or_else(|| bad("Chat folder not found"))?;
            let ids: Vec<i64> = world
                .chats
                .iter()
                .filter(|c| c.folders.contains(&id))
                .map(|c| c.id)
                .collect();
            for i in 0..world.chats.len() {
                if world.chats[i].folders.contains(&id) {
                    world.ensure_chat(i);
                }
            }
            let mut w = W::new();
            objects::folder(&mut w, &f, &ids);
            w.reopen();
            done(w)
        }
        "getChatMember" => crate::search::get_chat_member(world, r).map(|w| (w, None)),
        "searchChatMembers" => crate::search::search_chat_members(world, r).map(|w| (w, None)),
        "getSupergroupMembers" => crate::members::supergroup_members(world, r).map(|w| (w, None)),
        "getBasicGroupFullInfo" => {
            crate::members::basic_group_full_info(world, r).map(|w| (w, None))
        }
        "getMessageLink" => crate::members::message_link(world, r).map(|w| (w, None)),
        // Kept for tests ("a client never sends typing unless enabled"); nobody else sees it.
        "sendChatAction" => {
            let idx = chat_of(world, r)?;
            let action = match r.obj("action")? {
                Some((kind, _)) => kind.to_string(),
                None => "chatActionCancel".to_string(),
            };
            let chat = world.chats[idx].id;
            world.chat_actions.push((chat, action));
            done(ok())
        }
        // Accepted and dropped: nobody in the simulated world reads drafts.
        "setChatDraftMessage" => {
            chat_of(world, r)?;
            done(ok())
        }
        other => Err(bad(format!(
            "Method \"{other}\" is not supported by the simulator"
        ))),
    }
}

pub fn chat_of(world: &World, r: &Request) -> Result<usize, Fail> {
    let id = r.int("chat_id")?;
    world.chat_idx(id).ok_or_else(|| bad("Chat not found"))
}

fn user_reply(world: &mut World, id: UserId) -> Handled {
    let i = *world
        .user_index
        .get(&id)
        .ok_or_else(|| bad("User not found"))?;
    world.ensure_user(id);
    let mut w = W::new();
    objects::user(&mut w, &world.users[i], world.now);
    w.reopen();
    done(w)
}

fn group_reply(world: &mut World, id: i64, supergroup: bool) -> Handled {
    let idx = world.chats.iter().position(|c| match c.kind {
        ChatKind::BasicGroup { group_id } => !supergroup && group_id == id,
        ChatKind::Supergroup { supergroup_id, .. } => supergroup && supergroup_id == id,
        ChatKind::Private { .. } => false,
    });
    let Some(idx) = idx else {
        return Err(bad(if supergroup {
            "Supergroup not found"
        } else {
            "Basic group not found"
        }));
    };
    let c = &world.chats[idx];
    let status = world.member_status(c, ME);
    let mut w = W::new();
    match c.kind {
        ChatKind::Supergroup { is_channel, .. } => {
            objects::supergroup(&mut w, id, c.created, c.members.len(), is_channel, status)
        }
        _ => objects::basic_group(&mut w, id, c.members.len(), status),
    }
    w.reopen();
    done(w)
}

/// Announces the next `limit` chats of a list that the app has not seen placed yet; 404 once
/// every chat is loaded, as TDLib does.
fn load_into(world: &mut World, folder: Option<i32>, limit: usize) -> usize {
    let first_time = folder.is_none() && !world.main_list_requested;
    if folder.is_none() {
        world.main_list_requested = true;
    }
    let todo: Vec<usize> = world
        .ordered_chats(folder)
        .into_iter()
        .filter(|&i| !world.chats[i].positioned)
        .take(limit)
        .collect();
    for &idx in &todo {
        world.ensure_chat(idx);
        world.send_last_message(idx);
    }
    if first_time {
        world.recount_unread();
        world.send_unread_message_count();
        world.send_unread_chat_count();
    }
    todo.len()
}

fn load_chats(world: &mut World, r: &Request) -> Handled {
    let limit = r.int("limit")?;
    if limit <= 0 {
        return Err(bad("Parameter limit must be positive"));
    }
    let Some(folder) = req::chat_list(r.obj("chat_list")?)? else {
        return Err((404, "Not Found".into()));
    };
    if let Some(f) = folder
        && !world.folders.iter().any(|x| x.id == f)
    {
        return Err(bad("Chat folder not found"));
    }
    if load_into(world, folder, limit as usize) == 0 {
        return Err((404, "Not Found".into()));
    }
    done(ok())
}

fn get_chats(world: &mut World, r: &Request) -> Handled {
    let limit = r.int("limit")?.max(0) as usize;
    let folder = req::chat_list(r.obj("chat_list")?)?;
    let ids: Vec<i64> = match folder {
        None => Vec::new(),
        Some(folder) => {
            let known = world
                .ordered_chats(folder)
                .into_iter()
                .take_while(|&i| world.chats[i].positioned)
                .count();
            if known < limit {
                load_into(world, folder, limit - known);
            }
            world
                .ordered_chats(folder)
                .into_iter()
                .take(limit)
                .map(|i| world.chats[i].id)
                .collect()
        }
    };
    let total = folder.map_or(0, |f| world.ordered_chats(f).len());
    let mut w = W::new();
    w.open("chats");
    w.int("total_count", total as i64);
    w.ints("chat_ids", &ids);
    done(w)
}
