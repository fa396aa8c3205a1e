//! A client sending, forwarding, editing and deleting: a pending message of its own first
//! (nobody else sees it), then updateMessageSendSucceeded (and every other member's
//! updateNewMessage) or updateMessageSendFailed (test-injected or scenario faults). Edits and
//! deletions of messages on the server reach everyone in the chat.

use crate::delivery::Draft;
use crate::json::W;
use crate::model::*;
use crate::req::{self, Fail, Request, bad};
use crate::requests::{After, chat_of};
use crate::session::Failure;
use crate::world::World;

fn input_content(r: &Request) -> Result<Content, Fail> {
    let input = r.obj("input_message_content")?;
    let text = req::input_text(input)?;
    Ok(match input.map(|(ty, _)| ty) {
        Some("inputMessageText") => Content::Text(text),
        Some("inputMessagePhoto") => Content::Photo { caption: text },
        Some("inputMessageDocument") => Content::Document {
            file_name: "document".into(),
            caption: text,
        },
        Some("inputMessageVoiceNote") => Content::Voice {
            duration: 1,
            caption: text,
        },
        Some(ty) => {
            return Err(bad(format!(
                "Message content {ty} is not supported by the simulator"
            )));
        }
        None => return Err(bad("Message content must be non-empty")),
    })
}

fn check_can_write(world: &World, s: usize, idx: usize) -> Result<(), Fail> {
    let chat = &world.chats[idx];
    let viewer = world.viewer(s);
    let posts = chat.owner == viewer || chat.admins.contains(&viewer);
    if !chat.is_member(viewer) || (chat.is_channel() && !posts) {
        return Err(bad("Have no write access to the chat"));
    }
    Ok(())
}

/// Adds a pending message of session `s` to chat `idx` and tells the client; returns its
/// temporary id: above every id the client has in the chat, and not a server id.
fn add_pending(
    world: &mut World,
    s: usize,
    idx: usize,
    content: Content,
    reply_to: Option<MessageId>,
    forward: Option<Forward>,
) -> MessageId {
    let chat = &world.chats[idx];
    let id = world
        .last_for(s, idx)
        .map_or(0, |m| m.id)
        .max(chat.last_server_seq * SERVER_ID_STEP)
        + 1;
    let session = &mut world.sessions[s];
    let sending_id = session.next_sending_id;
    session.next_sending_id += 1;
    let msg = Message {
        id,
        chat_id: chat.id,
        sender: Sender::User(session.user),
        date: world.now,
        edit_date: 0,
        content,
        reply_to,
        sending: Sending::Pending { sending_id },
        pinned: false,
        forward,
    };
    session.local.push((idx, msg));
    world.ensure_chat(s, idx);
    world.emit(s, "updateNewMessage", |w, world| {
        w.key("message");
        if let Some(m) = world.sessions[s].local(idx, id) {
            world.write_message(w, s, idx, m);
        }
    });
    world.send_last_message(s, idx);
    id
}

fn local_reply(world: &World, s: usize, idx: usize, id: MessageId) -> W {
    let mut w = W::new();
    if let Some(m) = world.sessions[s].local(idx, id) {
        world.write_message(&mut w, s, idx, m);
    }
    w.reopen();
    w
}

pub fn send_message(world: &mut World, s: usize, r: &Request) -> Result<(W, Option<After>), Fail> {
    let idx = chat_of(world, s, r)?;
    check_can_write(world, s, idx)?;
    let content = input_content(r)?;
    let reply_to = match r.obj("reply_to")? {
        Some(("inputMessageReplyToMessage", m)) => {
            let id = m.get("message_id").map_or(Ok(0), req::int_of)?;
            world.chats[idx].message(id).map(|m| m.id)
        }
        _ => None,
    };
    let id = add_pending(world, s, idx, content, reply_to, None);
    let w = local_reply(world, s, idx, id);
    Ok((w, Some(After::CompleteSends(vec![(idx, id)]))))
}

/// What a forwarded copy of `m` says about its origin (the first origin of a forward).
fn forward_of(world: &World, idx: usize, m: &Message) -> Forward {
    if let Some(f) = &m.forward {
        return f.clone();
    }
    let chat = &world.chats[idx];
    let origin = match m.sender {
        Sender::Chat(c) if chat.is_channel() => Origin::Channel {
            chat_id: c,
            message_id: m.id,
            signature: String::new(),
        },
        Sender::Chat(c) => Origin::Chat {
            chat_id: c,
            signature: String::new(),
        },
        Sender::User(u) => match world.user(u) {
            Some(user) if user.hides_forwards => Origin::HiddenUser(user.full_name()),
            _ => Origin::User(u),
        },
    };
    Forward {
        origin,
        date: m.date,
    }
}

/// The copies of messages `ids` of chat `from` that `forwardMessages` would post: content and
/// forward info (None: the message can't be forwarded, and its place in the reply is null).
pub fn forwarded(
    world: &World,
    from: usize,
    ids: &[MessageId],
    send_copy: bool,
    remove_caption: bool,
) -> Vec<Option<(Content, Option<Forward>)>> {
    ids.iter()
        .map(|id| {
            let m = world.chats[from].message(*id)?;
            if m.content.is_service() {
                return None;
            }
            Some(if send_copy {
                let content = if remove_caption {
                    m.content.without_caption()
                } else {
                    m.content.clone()
                };
                (content, None)
            } else {
                (m.content.clone(), Some(forward_of(world, from, m)))
            })
        })
        .collect()
}

pub fn forward_messages(
    world: &mut World,
    s: usize,
    r: &Request,
) -> Result<(W, Option<After>), Fail> {
    let idx = chat_of(world, s, r)?;
    let from = world
        .chat_idx(r.int("from_chat_id")?)
        .filter(|&i| world.visible(s, i))
        .ok_or_else(|| bad("Chat to forward messages from not found"))?;
    let ids = r.ints("message_ids")?;
    if ids.len() > 100 {
        return Err(bad("Too many messages to forward"));
    }
    check_can_write(world, s, idx)?;
    let copies = forwarded(
        world,
        from,
        &ids,
        r.bool("send_copy")?,
        r.bool("remove_caption")?,
    );
    let mut sent = Vec::new();
    let made: Vec<Option<MessageId>> = copies
        .into_iter()
        .map(|c| {
            let (content, forward) = c?;
            let id = add_pending(world, s, idx, content, None, forward);
            sent.push((idx, id));
            Some(id)
        })
        .collect();
    let mut w = W::new();
    w.open("messages");
    w.int("total_count", sent.len() as i64);
    w.arr("messages", &made, |w, id| match id {
        Some(id) => match world.sessions[s].local(idx, *id) {
            Some(m) => world.write_message(w, s, idx, m),
            None => w.buf.push_str("null"),
        },
        None => w.buf.push_str("null"),
    });
    Ok((w, Some(After::CompleteSends(sent))))
}

impl World {
    /// The server's answer to session `s`'s pending send: success (the message reaches
    /// everyone in the chat), or the injected / scenario failure.
    pub fn complete_send(&mut self, s: usize, idx: usize, id: MessageId) {
        if !self.sessions[s].link.up {
            self.sessions[s].offline_sends.push((idx, id));
            return;
        }
        if self.sessions[s].local(idx, id).is_none() {
            return;
        }
        let failure = self.sessions[s]
            .fail_next_send
            .take()
            .or_else(|| self.scenario_failure());
        let Some(mut msg) = self.sessions[s].take_local(idx, id) else {
            return;
        };
        if let Some(f) = failure {
            // A new temporary id, unique within the chat (TDLib also renumbers failed messages).
            msg.id = self.last_for(s, idx).map_or(id, |m| m.id.max(id)) + 1;
            msg.sending = Sending::Failed {
                code: f.code,
                message: f.message.clone(),
                retry_after: f.retry_after,
            };
            let new_id = msg.id;
            self.sessions[s].local.push((idx, msg));
            self.emit(s, "updateMessageSendFailed", |w, world| {
                w.key("message");
                if let Some(m) = world.sessions[s].local(idx, new_id) {
                    world.write_message(w, s, idx, m);
                }
                w.int("old_message_id", id);
                w.obj("error", "error", |w| {
                    w.int("code", f.code as i64);
                    w.str("message", &f.message);
                });
            });
            self.send_last_message(s, idx);
            return;
        }
        let mut d = Draft::new(msg.sender, msg.content, self.now);
        d.reply_to = msg.reply_to;
        d.forward = msg.forward;
        self.post(idx, d, Some((s, id)));
    }

    /// A FLOOD_WAIT refusal of a network request, in seconds, by the scenario's chance.
    pub fn request_flood_wait(&mut self) -> Option<i64> {
        let f = &self.scenario.faults;
        let (chance, [lo, hi]) = (f.request_flood_wait_chance, f.flood_wait_seconds);
        (chance > 0.0 && self.rng.chance(chance)).then(|| self.rng.range(lo, hi))
    }

    fn scenario_failure(&mut self) -> Option<Failure> {
        let f = self.scenario.faults.clone();
        if f.flood_wait_chance > 0.0 && self.rng.chance(f.flood_wait_chance) {
            let secs = self
                .rng
                .range(f.flood_wait_seconds[0], f.flood_wait_seconds[1]);
            return Some(Failure {
                code: 429,
                message: format!("Too Many Requests: retry after {secs}"),
                retry_after: secs as f64,
            });
        }
        if f.send_failure_chance > 0.0 && self.rng.chance(f.send_failure_chance) {
            return Some(Failure {
                code: 500,
                message: "Internal Server Error".into(),
                retry_after: 0.0,
            });
        }
        None
    }
}

pub fn edit_message_text(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let id = r.int("message_id")?;
    let m = world
        .visible_message(s, idx, id)
        .ok_or_else(|| bad("Message not found"))?;
    let own = m.sender == Sender::User(world.viewer(s));
    if !own || m.sending != Sending::Sent || !matches!(m.content, Content::Text(_)) {
        return Err(bad("Message can't be edited"));
    }
    let input = r.obj("input_message_content")?;
    if input.map(|(ty, _)| ty) != Some("inputMessageText") {
        return Err(bad("Message content type must be inputMessageText"));
    }
    let text = req::input_text(input)?;
    world.edit_content(idx, id, Content::Text(text));
    let mut w = W::new();
    if let Some(m) = world.chats[idx].message(id) {
        world.write_message(&mut w, s, idx, m);
    }
    w.reopen();
    Ok(w)
}

/// deleteMessages: the client's own pending or failed messages go at once; messages on the
/// server are deleted for everyone, if the client may.
pub fn delete_messages(world: &mut World, s: usize, r: &Request) -> Result<W, Fail> {
    let idx = chat_of(world, s, r)?;
    let ids = r.ints("message_ids")?;
    let viewer = world.viewer(s);
    let server: Vec<MessageId> = ids
        .iter()
        .copied()
        .filter(|id| world.chats[idx].message(*id).is_some())
        .collect();
    let allowed = server.iter().all(|id| {
        let m = world.chats[idx].message(*id);
        m.is_some_and(|m| world.can_delete(idx, viewer, m))
    });
    if !allowed {
        return Err(bad("Message can't be deleted"));
    }
    world.delete_local(s, idx, &ids);
    world.delete_messages(idx, &server);
    let mut w = W::new();
    w.open("ok");
    Ok(w)
}
