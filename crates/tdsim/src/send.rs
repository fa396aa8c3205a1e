//! Sending and editing the account's own messages: a pending message first, then
//! updateMessageSendSucceeded or updateMessageSendFailed (test-injected or scenario faults).

use crate::json::W;
use crate::model::*;
use crate::objects;
use crate::req::{self, Fail, Request, bad};
use crate::requests::{After, chat_of};
use crate::world::{Failure, ME, World};

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

pub fn send_message(world: &mut World, r: &Request) -> Result<(W, Option<After>), Fail> {
    let idx = chat_of(world, r)?;
    if world.chats[idx].is_channel() || world.chats[idx].left {
        return Err(bad("Have no write access to the chat"));
    }
    let content = input_content(r)?;
    let reply_to = match r.obj("reply_to")? {
        Some(("inputMessageReplyToMessage", m)) => {
            let id = m.get("message_id").map_or(Ok(0), req::int_of)?;
            world.chats[idx].message(id).map(|m| m.id)
        }
        _ => None,
    };
    let chat = &world.chats[idx];
    // A temporary id above every id the chat has, and not a server id (not a multiple of 2^20).
    let id = chat
        .messages
        .back()
        .map_or(0, |m| m.id)
        .max(chat.last_server_seq * SERVER_ID_STEP)
        + 1;
    let sending_id = world.next_sending_id;
    world.next_sending_id += 1;
    let msg = Message {
        id,
        chat_id: chat.id,
        sender: Sender::User(ME),
        date: world.now,
        edit_date: 0,
        content,
        outgoing: true,
        unread_mention: false,
        reply_to,
        sending: Sending::Pending { sending_id },
    };
    world.insert_message(idx, msg);
    world.ensure_chat(idx);
    world.update("updateNewMessage", |w, world| {
        w.key("message");
        objects::message(w, world.chats[idx].message(id).expect("inserted"));
    });
    world.send_last_message(idx);
    let mut w = W::new();
    objects::message(&mut w, world.chats[idx].message(id).expect("inserted"));
    w.reopen();
    Ok((w, Some(After::CompleteSend { chat: idx, id })))
}

impl World {
    /// The server's answer to a pending send: success, or the injected / scenario failure.
    pub fn complete_send(&mut self, idx: usize, id: MessageId) {
        if !self.online {
            self.offline_sends.push((idx, id));
            return;
        }
        let Some(pos) = self.chats[idx].message_index(id) else {
            return;
        };
        let failure = self
            .fail_next_send
            .take()
            .or_else(|| self.scenario_failure());
        let Some(mut msg) = self.chats[idx].messages.remove(pos) else {
            return;
        };
        if let Some(f) = failure {
            // A new temporary id, unique within the chat (TDLib also renumbers failed messages).
            msg.id = self.chats[idx].messages.back().map_or(id, |m| m.id.max(id)) + 1;
            msg.sending = Sending::Failed {
                code: f.code,
                message: f.message.clone(),
                retry_after: f.retry_after,
            };
            let new_id = msg.id;
            self.insert_message(idx, msg);
            self.update("updateMessageSendFailed", |w, world| {
                w.key("message");
                objects::message(w, world.chats[idx].message(new_id).expect("inserted"));
                w.int("old_message_id", id);
                w.obj("error", "error", |w| {
                    w.int("code", f.code as i64);
                    w.str("message", &f.message);
                });
            });
            self.send_last_message(idx);
            return;
        }
        let new_id = self.next_server_id(idx);
        msg.id = new_id;
        msg.date = self.now;
        msg.sending = Sending::Sent;
        self.insert_message(idx, msg);
        self.update("updateMessageSendSucceeded", |w, world| {
            w.key("message");
            objects::message(w, world.chats[idx].message(new_id).expect("inserted"));
            w.int("old_message_id", id);
        });
        self.send_last_message(idx);
        // Writing in a chat reads it.
        if self.read_inbox(idx, new_id) {
            self.sync_unread_counters();
        }
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

pub fn edit_message_text(world: &mut World, r: &Request) -> Result<(W, Option<After>), Fail> {
    let idx = chat_of(world, r)?;
    let id = r.int("message_id")?;
    let m = world.chats[idx]
        .message(id)
        .ok_or_else(|| bad("Message not found"))?;
    if !m.outgoing || m.sending != Sending::Sent || !matches!(m.content, Content::Text(_)) {
        return Err(bad("Message can't be edited"));
    }
    let input = r.obj("input_message_content")?;
    if input.map(|(ty, _)| ty) != Some("inputMessageText") {
        return Err(bad("Message content type must be inputMessageText"));
    }
    let text = req::input_text(input)?;
    world.edit_content(idx, id, Content::Text(text));
    let mut w = W::new();
    objects::message(&mut w, world.chats[idx].message(id).expect("exists"));
    w.reopen();
    Ok((w, None))
}
