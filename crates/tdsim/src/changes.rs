//! Changes to messages already on the server, and who hears of them: edits
//! (updateMessageContent + updateMessageEdited), deletions (updateDeleteMessages, then the
//! chat's new last message and read state), and pins (updateMessageIsPinned and the
//! messagePinMessage service message). Every client that knows the chat hears of each, or
//! hears of it on reconnection.

use crate::delivery::Draft;
use crate::model::*;
use crate::session::Missed;
use crate::world::World;

pub const NO_PIN_RIGHTS: &str = "Not enough rights to manage pinned messages in the chat";

impl World {
    /// Sessions that know chat `idx` and hear of changes in it.
    fn watchers(&self, idx: usize) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&s| self.live(s) && self.sessions[s].seen(idx).announced)
            .collect()
    }

    pub fn edit_content(&mut self, idx: usize, id: MessageId, content: Content) -> bool {
        let now = self.now;
        let Some(pos) = self.chats[idx].message_index(id) else {
            return false;
        };
        let m = &mut self.chats[idx].messages[pos];
        m.content = content;
        m.edit_date = now;
        for s in self.watchers(idx) {
            if self.sessions[s].link.up {
                self.send_edit(s, idx, id);
            } else {
                self.sessions[s].missed.push(Missed::Edited(idx, id));
            }
        }
        true
    }

    pub fn send_edit(&mut self, s: usize, idx: usize, id: MessageId) {
        let Some(m) = self.chats[idx].message(id) else {
            return;
        };
        let edit_date = m.edit_date;
        self.emit(s, "updateMessageContent", |w, world| {
            let c = &world.chats[idx];
            w.int("chat_id", c.id);
            w.int("message_id", id);
            w.key("new_content");
            if let Some(m) = c.message(id) {
                crate::objects::content(w, m);
            }
        });
        self.emit(s, "updateMessageEdited", |w, world| {
            w.int("chat_id", world.chats[idx].id);
            w.int("message_id", id);
            w.int("edit_date", edit_date);
        });
    }

    /// Whether `user` may delete message `m` of chat `idx` for everyone.
    pub fn can_delete(&self, idx: usize, user: UserId, m: &Message) -> bool {
        let c = &self.chats[idx];
        !c.is_channel()
            && (m.sender == Sender::User(user)
                || !c.is_group()
                || c.owner == user
                || c.admins.contains(&user))
    }

    /// Deletes the given server messages that exist, for everyone; returns the ids deleted.
    pub fn delete_messages(&mut self, idx: usize, ids: &[MessageId]) -> Vec<MessageId> {
        let chat = &mut self.chats[idx];
        let last_before = chat.last_message().map(|m| m.id);
        let mut deleted = Vec::new();
        chat.messages.retain(|m| {
            let hit = ids.contains(&m.id);
            if hit {
                deleted.push(m.id);
            }
            !hit
        });
        if deleted.is_empty() {
            return deleted;
        }
        let last_changed = self.chats[idx].last_message().map(|m| m.id) != last_before;
        let unread_changed = self.recount_reads(idx);
        for s in self.watchers(idx) {
            if !self.sessions[s].link.up {
                self.sessions[s]
                    .missed
                    .push(Missed::Deleted(idx, deleted.clone()));
                continue;
            }
            self.send_deleted(s, idx, &deleted);
            if last_changed {
                self.send_last_message(s, idx);
            }
            if unread_changed.contains(&self.viewer(s)) {
                self.send_read_inbox(s, idx);
            }
            self.sync_unread_counters(s);
        }
        deleted
    }

    pub fn send_deleted(&mut self, s: usize, idx: usize, ids: &[MessageId]) {
        self.emit(s, "updateDeleteMessages", |w, world| {
            w.int("chat_id", world.chats[idx].id);
            w.ints("message_ids", ids);
            w.bool("is_permanent", true);
            w.bool("from_cache", false);
        });
    }

    /// Deletes session `s`'s own pending or failed messages; returns the ids deleted.
    pub fn delete_local(&mut self, s: usize, idx: usize, ids: &[MessageId]) -> Vec<MessageId> {
        let last_before = self.last_for(s, idx).map(|m| m.id);
        let deleted: Vec<MessageId> = ids
            .iter()
            .copied()
            .filter(|id| self.sessions[s].take_local(idx, *id).is_some())
            .collect();
        self.sessions[s]
            .offline_sends
            .retain(|(i, id)| *i != idx || !deleted.contains(id));
        if !deleted.is_empty() && self.live(s) {
            self.send_deleted(s, idx, &deleted);
            if self.last_for(s, idx).map(|m| m.id) != last_before {
                self.send_last_message(s, idx);
            }
        }
        deleted
    }

    /// Pins or unpins a message for everyone; returns whether it changed.
    pub fn set_pinned(&mut self, idx: usize, id: MessageId, pinned: bool) -> bool {
        let Some(pos) = self.chats[idx].message_index(id) else {
            return false;
        };
        if self.chats[idx].messages[pos].pinned == pinned {
            return false;
        }
        self.chats[idx].messages[pos].pinned = pinned;
        for s in self.watchers(idx) {
            if self.sessions[s].link.up {
                self.send_pinned(s, idx, id, pinned);
            } else {
                self.sessions[s]
                    .missed
                    .push(Missed::Pinned(idx, id, pinned));
            }
        }
        true
    }

    pub fn send_pinned(&mut self, s: usize, idx: usize, id: MessageId, pinned: bool) {
        self.emit(s, "updateMessageIsPinned", |w, world| {
            w.int("chat_id", world.chats[idx].id);
            w.int("message_id", id);
            w.bool("is_pinned", pinned);
        });
    }

    /// `actor` pins a message: updateMessageIsPinned, then the service message saying so.
    pub fn pin(&mut self, idx: usize, id: MessageId, actor: UserId) -> Result<(), &'static str> {
        let m = self.chats[idx].message(id).ok_or("Message not found")?;
        if m.content.is_service() || m.sending != Sending::Sent {
            return Err("Message can't be pinned");
        }
        if !self.can_pin(idx, actor) {
            return Err(NO_PIN_RIGHTS);
        }
        if self.set_pinned(idx, id, true) {
            let chat = &self.chats[idx];
            let sender = if chat.is_channel() {
                Sender::Chat(chat.id)
            } else {
                Sender::User(actor)
            };
            let d = Draft::new(sender, Content::Pinned(id), self.now);
            self.post(idx, d, None);
        }
        Ok(())
    }

    /// `actor` unpins one message, or every pinned message with `id` None.
    pub fn unpin(
        &mut self,
        idx: usize,
        id: Option<MessageId>,
        actor: UserId,
    ) -> Result<(), &'static str> {
        if !self.can_pin(idx, actor) {
            return Err(NO_PIN_RIGHTS);
        }
        let ids: Vec<MessageId> = match id {
            Some(id) => vec![id],
            None => self.chats[idx]
                .messages
                .iter()
                .filter(|m| m.pinned)
                .map(|m| m.id)
                .collect(),
        };
        for id in ids {
            self.set_pinned(idx, id, false);
        }
        Ok(())
    }
}
