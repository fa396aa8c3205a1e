//! A message reaching the server, and every client in its chat hearing of it: the sender's own
//! client gets updateMessageSendSucceeded for its pending message, every other client logged in
//! as a member gets updateNewMessage (outgoing on the sender's other devices), then the chat's
//! new last message, read state and counters, each from its own side. A client whose connection
//! is down misses it and hears of it on reconnection (replay_missed).

use crate::model::*;
use crate::reading::ReadChange;
use crate::session::Missed;
use crate::world::{HISTORY_CAP, World};

/// A message about to reach the server.
#[derive(Clone, Debug)]
pub struct Draft {
    pub sender: Sender,
    pub content: Content,
    pub date: i64,
    pub reply_to: Option<MessageId>,
    pub forward: Option<Forward>,
}

impl Draft {
    pub fn new(sender: Sender, content: Content, date: i64) -> Draft {
        Draft {
            sender,
            content,
            date,
            reply_to: None,
            forward: None,
        }
    }
}

impl World {
    pub fn next_server_id(&mut self, idx: usize) -> MessageId {
        let chat = &mut self.chats[idx];
        chat.last_server_seq += 1;
        chat.last_server_seq * SERVER_ID_STEP
    }

    /// Keeps messages sorted by id and the history bounded.
    pub fn insert_message(&mut self, idx: usize, msg: Message) {
        let chat = &mut self.chats[idx];
        match chat.messages.back() {
            Some(last) if last.id > msg.id => {
                let pos = chat.messages.partition_point(|m| m.id < msg.id);
                chat.messages.insert(pos, msg);
            }
            _ => chat.messages.push_back(msg),
        }
        if chat.messages.len() > HISTORY_CAP {
            chat.messages.pop_front();
        }
    }

    /// Someone's message reaches the server now (dated `date`): every member's client hears of
    /// it. Returns its id.
    pub fn incoming(
        &mut self,
        idx: usize,
        sender: Sender,
        content: Content,
        date: i64,
        reply_to: Option<MessageId>,
    ) -> MessageId {
        let mut d = Draft::new(sender, content, date);
        d.reply_to = reply_to;
        self.post(idx, d, None)
    }

    /// Stores a message on the server and tells every client in the chat. `confirm` names
    /// the client whose pending message (by its temporary id) this is.
    pub fn post(&mut self, idx: usize, d: Draft, confirm: Option<(usize, MessageId)>) -> MessageId {
        let id = self.next_server_id(idx);
        let msg = Message {
            id,
            chat_id: self.chats[idx].id,
            sender: d.sender,
            date: d.date,
            edit_date: 0,
            content: d.content,
            reply_to: d.reply_to,
            sending: Sending::Sent,
            pinned: false,
            forward: d.forward,
        };
        self.insert_message(idx, msg);
        if self.journal.is_some() && self.chats[idx].is_customer {
            self.record_post(idx, id, d.sender, d.date, confirm.is_some());
        }
        if let Sender::User(u) = d.sender
            && let Some(&ui) = self.user_index.get(&u)
        {
            self.users[ui].was_online = self.now;
        }
        let changes = self.note_new_message(idx, id);
        for s in 0..self.sessions.len() {
            let own = confirm.filter(|c| c.0 == s).map(|c| c.1);
            if own.is_none() && !self.follows(s, idx) {
                continue;
            }
            if !self.sessions[s].link.up {
                self.sessions[s].missed.push(Missed::New(idx, id));
                continue;
            }
            let viewer = self.viewer(s);
            let change = changes.iter().find(|c| c.user == viewer);
            self.deliver_to(s, idx, id, own, change);
        }
        id
    }

    /// Into the journal: every customer chat's customer messages since its last staff one.
    pub fn record_open_waits(&mut self) {
        for idx in 0..self.chats.len() {
            if !self.chats[idx].is_customer {
                continue;
            }
            let unanswered: Vec<(MessageId, Sender, i64)> = self.chats[idx]
                .messages
                .iter()
                .rev()
                .take_while(|m| !matches!(m.sender, Sender::User(u) if self.is_staff(u)))
                .filter(|m| m.sending == Sending::Sent)
                .map(|m| (m.id, m.sender, m.date))
                .collect();
            for (id, sender, date) in unanswered.into_iter().rev() {
                self.record_post(idx, id, sender, date, false);
            }
        }
    }

    fn record_post(
        &mut self,
        idx: usize,
        id: MessageId,
        sender: Sender,
        date: i64,
        from_client: bool,
    ) {
        let sender = match sender {
            Sender::User(u) => Some(u),
            Sender::Chat(_) => None,
        };
        let post = crate::journal::Post {
            chat_id: self.chats[idx].id,
            message_id: id,
            sender,
            from_customer: sender.is_some_and(|u| !self.is_staff(u)),
            from_client,
            date,
        };
        if let Some(journal) = &mut self.journal {
            journal.record(post);
        }
    }

    fn deliver_to(
        &mut self,
        s: usize,
        idx: usize,
        id: MessageId,
        own: Option<MessageId>,
        change: Option<&ReadChange>,
    ) {
        self.announce_refs(s, idx, id);
        self.ensure_chat(s, idx);
        let ty = if own.is_some() {
            "updateMessageSendSucceeded"
        } else {
            "updateNewMessage"
        };
        self.emit(s, ty, |w, world| {
            let c = &world.chats[idx];
            w.key("message");
            if let Some(m) = c.message(id) {
                world.write_message(w, s, idx, m);
            }
            if let Some(old) = own {
                w.int("old_message_id", old);
            }
        });
        if self.last_for(s, idx).map(|m| m.id) == Some(id) {
            self.send_last_message(s, idx);
        }
        match change {
            Some(ch) => {
                self.emit_read_change(s, idx, ch);
                self.move_counters(s, ch.counters);
            }
            None => self.sync_unread_counters(s),
        }
    }

    /// On reconnection: what session `s` missed, in order, then each touched chat's last
    /// message and read state, then the counters.
    pub fn replay_missed(&mut self, s: usize) {
        let missed = std::mem::take(&mut self.sessions[s].missed);
        let mut touched: Vec<usize> = Vec::new();
        for m in missed {
            let idx = match &m {
                Missed::New(i, _)
                | Missed::Edited(i, _)
                | Missed::Deleted(i, _)
                | Missed::Pinned(i, _, _)
                | Missed::Read(i) => *i,
            };
            match m {
                Missed::New(idx, id) if self.chats[idx].message(id).is_some() => {
                    self.announce_refs(s, idx, id);
                    self.ensure_chat(s, idx);
                    self.emit(s, "updateNewMessage", |w, world| {
                        w.key("message");
                        if let Some(m) = world.chats[idx].message(id) {
                            world.write_message(w, s, idx, m);
                        }
                    });
                }
                Missed::Edited(idx, id) => self.send_edit(s, idx, id),
                Missed::Deleted(idx, ids) => self.send_deleted(s, idx, &ids),
                Missed::Pinned(idx, id, pinned) => self.send_pinned(s, idx, id, pinned),
                _ => {}
            }
            if !touched.contains(&idx) {
                touched.push(idx);
            }
        }
        for idx in touched {
            if self.sessions[s].seen(idx).announced {
                self.send_last_message(s, idx);
                self.send_read_inbox(s, idx);
                self.send_mention_count(s, idx);
            }
        }
        self.sync_unread_counters(s);
    }
}
