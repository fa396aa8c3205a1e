//! Request dispatch for one client of a world: each td_send request gets exactly one reply
//! carrying its "@extra", after any updates the request caused (as in TDLib, a chat is
//! announced before its id is returned). Requests TDLib answers only once it has its
//! parameters wait for them; network requests wait for the connection.

use crate::connection::NETWORK_REQUESTS;
use crate::json::{self, W};
use crate::model::*;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::session::Auth;
use crate::world::World;
use crate::{chats, members, pins, proxy, search, send};

/// Work that TDLib does after replying (the reply to close comes before
/// authorizationStateClosed; a proxy's effect on the connection follows its reply).
pub enum After {
    Close { log_out: bool },
    CompleteSends(Vec<(usize, MessageId)>),
    Relink,
    RunDeferred,
}

type Handled = Result<(W, Option<After>), Fail>;

pub fn ok() -> W {
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

/// Requests TDLib keeps until it has its parameters, then answers at any login state.
const PREINIT: [&str; 9] = [
    "addProxy",
    "editProxy",
    "enableProxy",
    "disableProxy",
    "removeProxy",
    "getProxies",
    "pingProxy",
    "testProxy",
    "setNetworkType",
];

/// Requests answered before login, once the parameters are set.
const PREAUTH: [&str; 2] = ["getInternalLink", "getInternalLinkType"];

pub fn handle(world: &mut World, s: usize, raw: &str) {
    if !world.sessions[s].started {
        world.start(s);
    }
    let client = Some(world.sessions[s].client_id);
    let r = match req::parse(raw) {
        Ok(r) => r,
        Err(((code, message), extra)) => {
            let out = json::error(code, &message, extra.as_deref(), client);
            world.sessions[s].push(out);
            return;
        }
    };
    let session = &mut world.sessions[s];
    if session.auth == Auth::WaitParameters && PREINIT.contains(&r.ty.as_str()) {
        session.deferred.push(raw.to_string());
        return;
    }
    let waits = !matches!(session.auth, Auth::WaitParameters | Auth::Closed);
    if waits && !session.link.up && NETWORK_REQUESTS.contains(&r.ty.as_str()) {
        session.held.push(raw.to_string());
        return;
    }
    match dispatch(world, s, &r) {
        Ok((w, after)) => {
            let out = w.finish(r.extra.as_deref(), client);
            world.sessions[s].push(out);
            match after {
                Some(After::Close { log_out }) => world.close_now(s, log_out),
                Some(After::CompleteSends(sends)) => {
                    for (chat, id) in sends {
                        world.complete_send(s, chat, id);
                    }
                }
                Some(After::Relink) => world.relink(s),
                Some(After::RunDeferred) => {
                    for raw in std::mem::take(&mut world.sessions[s].deferred) {
                        handle(world, s, &raw);
                    }
                }
                None => {}
            }
        }
        Err((code, message)) => {
            let out = json::error(code, &message, r.extra.as_deref(), client);
            world.sessions[s].push(out);
        }
    }
}

/// Refuses what the client's login state does not allow yet, as TDLib does.
fn check_state(world: &World, s: usize, ty: &str) -> Result<(), Fail> {
    let auth = world.sessions[s].auth;
    if ANY_STATE.contains(&ty) {
        return Ok(());
    }
    match auth {
        Auth::WaitParameters => Err(bad(
            "Initialization parameters are needed: call setTdlibParameters first",
        )),
        Auth::Ready => Ok(()),
        _ if PREINIT.contains(&ty) || PREAUTH.contains(&ty) => Ok(()),
        _ => Err((401, "Unauthorized".into())),
    }
}

fn dispatch(world: &mut World, s: usize, r: &Request) -> Handled {
    if world.sessions[s].auth == Auth::Closed {
        return Err((500, "Request aborted".into()));
    }
    if let Some(reply) = crate::execute::sync_request(r) {
        return reply.map(|w| (w, None));
    }
    check_state(world, s, &r.ty)?;
    if matches!(
        r.ty.as_str(),
        "getChatHistory" | "searchChatMessages" | "searchMessages" | "searchChatMembers"
    ) && let Some(secs) = world.request_flood_wait()
    {
        return Err((429, format!("Too Many Requests: retry after {secs}")));
    }
    let relinked = |w: W| Ok((w, Some(After::Relink)));
    match r.ty.as_str() {
        "getOption" => world.get_option(s, r).map(|w| (w, None)),
        "setOption" => world.set_option_request(s, r).map(|_| (ok(), None)),
        "getAuthorizationState" => {
            let mut w = W::new();
            crate::auth::state_object(&mut w, world, s);
            w.reopen();
            done(w)
        }
        "setTdlibParameters" => world
            .set_tdlib_parameters(s, r)
            .map(|_| (ok(), Some(After::RunDeferred))),
        "setAuthenticationPhoneNumber" => world.set_phone(s, r).map(|_| (ok(), None)),
        "checkAuthenticationCode" => world.check_code(s, r).map(|_| (ok(), None)),
        "checkAuthenticationPassword" => world.check_password(s, r).map(|_| (ok(), None)),
        "close" | "destroy" => Ok((ok(), Some(After::Close { log_out: false }))),
        "logOut" => Ok((ok(), Some(After::Close { log_out: true }))),
        "getMe" => user_reply(world, s, world.viewer(s)),
        "getUser" => user_reply(world, s, r.int("user_id")?),
        "getBasicGroup" => group_reply(world, s, r.int("basic_group_id")?, false),
        "getSupergroup" => group_reply(world, s, r.int("supergroup_id")?, true),
        "sendMessage" => send::send_message(world, s, r),
        "forwardMessages" => send::forward_messages(world, s, r),
        "editMessageText" => send::edit_message_text(world, s, r).map(|w| (w, None)),
        "deleteMessages" => send::delete_messages(world, s, r).map(|w| (w, None)),
        "getChatHistory" => search::chat_history(world, s, r).map(|w| (w, None)),
        "searchChatMessages" => search::search_chat_messages(world, s, r).map(|w| (w, None)),
        "searchMessages" => search::search_messages(world, s, r).map(|w| (w, None)),
        "getChatMember" => members::get_chat_member(world, s, r).map(|w| (w, None)),
        "searchChatMembers" => members::search_chat_members(world, s, r).map(|w| (w, None)),
        "getSupergroupMembers" => members::supergroup_members(world, s, r).map(|w| (w, None)),
        "getBasicGroupFullInfo" => members::basic_group_full_info(world, s, r).map(|w| (w, None)),
        "getMessageLink" => members::message_link(world, s, r).map(|w| (w, None)),
        "getChatPinnedMessage" => pins::get_chat_pinned_message(world, s, r).map(|w| (w, None)),
        "pinChatMessage" => pins::pin_chat_message(world, s, r).map(|_| (ok(), None)),
        "unpinChatMessage" => pins::unpin_chat_message(world, s, r).map(|_| (ok(), None)),
        "unpinAllChatMessages" => pins::unpin_all_chat_messages(world, s, r).map(|_| (ok(), None)),
        "addProxy" => proxy::add_proxy(world, s, r).and_then(relinked),
        "editProxy" => proxy::edit_proxy(world, s, r).and_then(relinked),
        "enableProxy" => proxy::enable_proxy(world, s, r).and_then(|_| relinked(ok())),
        "disableProxy" => {
            proxy::disable_proxy(world, s);
            relinked(ok())
        }
        "removeProxy" => proxy::remove_proxy(world, s, r).and_then(|_| relinked(ok())),
        "getProxies" => done(proxy::get_proxies(world, s)),
        "pingProxy" => proxy::ping_proxy(world, s, r).map(|w| (w, None)),
        "testProxy" => proxy::test_proxy(world, s, r).map(|_| (ok(), None)),
        "getInternalLink" => proxy::get_internal_link(r).map(|w| (w, None)),
        "getInternalLinkType" => proxy::get_internal_link_type(r).map(|w| (w, None)),
        "setNetworkType" => {
            let none = matches!(r.obj("type")?, Some(("networkTypeNone", _)));
            world.sessions[s].link.network = !none;
            relinked(ok())
        }
        _ => chats::dispatch(world, s, r).map(|w| (w, None)),
    }
}

/// The chat a request names, if this client can see it (a member, or told of it before).
pub fn chat_of(world: &World, s: usize, r: &Request) -> Result<usize, Fail> {
    let id = r.int("chat_id")?;
    world
        .chat_idx(id)
        .filter(|&i| world.visible(s, i))
        .ok_or_else(|| bad("Chat not found"))
}

fn user_reply(world: &mut World, s: usize, id: UserId) -> Handled {
    let i = *world
        .user_index
        .get(&id)
        .ok_or_else(|| bad("User not found"))?;
    world.ensure_user(s, id);
    let mut w = W::new();
    objects::user(&mut w, &world.users[i], world.now);
    w.reopen();
    done(w)
}

fn group_reply(world: &mut World, s: usize, id: i64, supergroup: bool) -> Handled {
    let idx = world.chats.iter().position(|c| match c.kind {
        ChatKind::BasicGroup { group_id } => !supergroup && group_id == id,
        ChatKind::Supergroup { supergroup_id, .. } => supergroup && supergroup_id == id,
        ChatKind::Private { .. } => false,
    });
    let Some(idx) = idx.filter(|&i| world.visible(s, i)) else {
        return Err(bad(if supergroup {
            "Supergroup not found"
        } else {
            "Basic group not found"
        }));
    };
    let c = &world.chats[idx];
    let viewer = world.viewer(s);
    let status = world.member_status(idx, viewer, viewer);
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
