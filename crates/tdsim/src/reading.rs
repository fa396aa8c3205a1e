//! Read state, kept per account as Telegram does: unread counts, last read inbox/outbox ids,
//! unread mentions, chats marked as unread, and the main list's counters. Every client logged
//! in as the same account sees the same state; each account sees only its own.

use crate::model::*;
use crate::session::{Counters, Missed};
use crate::world::World;

/// How a new message changed one account's read state in its chat.
#[derive(Clone, Debug, Default)]
pub struct ReadChange {
    pub user: UserId,
    pub unread: bool,
    pub mention: bool,
    pub outbox: bool,
    /// Mentions read by the account's own writing.
    pub mentions_read: Vec<MessageId>,
    /// How the account's main-list counters moved.
    pub counters: Counters,
}

/// One chat's share of an account's main-list counters.
fn share(r: &ChatRead) -> Counters {
    Counters {
        messages: r.unread_count as i64,
        chats: (r.unread_count > 0 || r.marked_unread) as i64,
        marked: r.marked_unread as i64,
        listed: 1,
    }
}

fn minus(a: Counters, b: Counters) -> Counters {
    Counters {
        messages: a.messages - b.messages,
        chats: a.chats - b.chats,
        marked: a.marked - b.marked,
        listed: a.listed - b.listed,
    }
}

fn plus(a: Counters, b: Counters) -> Counters {
    minus(a, minus(Counters::default(), b))
}

impl World {
    /// A new message in chat `idx`: its author has read the chat; everyone else has one more
    /// unread message (and a mention, if it names them); a customer's message reads the
    /// accounts' earlier messages.
    pub fn note_new_message(&mut self, idx: usize, id: MessageId) -> Vec<ReadChange> {
        let (users, index) = (&self.users, &self.user_index);
        let username = |u: UserId| index.get(&u).map_or("", |&i| users[i].username.as_str());
        let Chat {
            messages, reads, ..
        } = &mut self.chats[idx];
        let pos = match messages.back() {
            Some(last) if last.id == id => messages.len() - 1,
            _ => match messages.binary_search_by_key(&id, |m| m.id) {
                Ok(pos) => pos,
                Err(_) => return Vec::new(),
            },
        };
        let (sender, text) = (messages[pos].sender, messages[pos].content.text());
        let from_customer = matches!(sender, Sender::User(u)
            if index.get(&u).is_none_or(|&i| users[i].role == Role::Customer));
        let mut changes = Vec::with_capacity(reads.len());
        for (u, r) in reads.iter_mut() {
            let before = share(r);
            let mention =
                sender != Sender::User(*u) && crate::world::mentions_name(username(*u), text);
            let mut ch = ReadChange {
                user: *u,
                ..ReadChange::default()
            };
            if sender == Sender::User(*u) {
                // Writing in a chat reads it, as the server does.
                ch.unread = r.unread_count > 0 || r.last_read_inbox < id;
                r.last_read_inbox = id;
                r.unread_count = 0;
                r.last_sent = id;
                ch.mentions_read = std::mem::take(&mut r.mentions);
            } else if id > r.last_read_inbox {
                r.unread_count += 1;
                ch.unread = true;
            }
            if mention {
                r.mentions.push(id);
                ch.mention = true;
            }
            if from_customer && r.last_sent > r.last_read_outbox {
                r.last_read_outbox = r.last_sent;
                ch.outbox = true;
            }
            ch.counters = minus(share(r), before);
            changes.push(ch);
        }
        changes
    }

    /// Tells session `s` how its account's read state of chat `idx` changed.
    pub fn emit_read_change(&mut self, s: usize, idx: usize, ch: &ReadChange) {
        if ch.unread {
            self.send_read_inbox(s, idx);
        }
        self.send_mentions_read(s, idx, &ch.mentions_read);
        if ch.mention {
            self.send_mention_count(s, idx);
        }
        if ch.outbox {
            self.emit(s, "updateChatReadOutbox", |w, world| {
                let c = &world.chats[idx];
                w.int("chat_id", c.id);
                w.int(
                    "last_read_outbox_message_id",
                    c.read(world.viewer(s)).last_read_outbox,
                );
            });
        }
    }

    fn send_mentions_read(&mut self, s: usize, idx: usize, ids: &[MessageId]) {
        if ids.is_empty() || !self.live(s) {
            return;
        }
        let chat_id = self.chats[idx].id;
        for id in ids {
            self.emit(s, "updateMessageMentionRead", |w, world| {
                w.int("chat_id", chat_id);
                w.int("message_id", *id);
                let read = world.chats[idx].read(world.viewer(s));
                w.int("unread_mention_count", read.mentions.len() as i64);
            });
        }
        self.send_mention_count(s, idx);
    }

    /// `user` read chat `idx` up to `up_to`; every client of theirs hears of it. Returns
    /// whether anything changed.
    pub fn read_inbox(&mut self, user: UserId, idx: usize, up_to: MessageId) -> bool {
        let chat = &mut self.chats[idx];
        let up_to = up_to.min(chat.messages.back().map_or(0, |m| m.id));
        if up_to <= chat.read(user).last_read_inbox {
            return false;
        }
        let unread = chat
            .messages
            .iter()
            .filter(|m| m.sender != Sender::User(user) && m.id > up_to)
            .count() as i32;
        let Some(r) = chat.read_mut(user) else {
            return false;
        };
        r.last_read_inbox = up_to;
        r.unread_count = unread;
        let keep = r.mentions.partition_point(|m| *m <= up_to);
        let read: Vec<MessageId> = r.mentions.drain(..keep).collect();
        for s in self.sessions_of(user) {
            if !self.sessions[s].seen(idx).announced {
                continue;
            }
            if !self.sessions[s].link.up {
                self.sessions[s].missed.push(Missed::Read(idx));
                continue;
            }
            self.send_read_inbox(s, idx);
            self.send_mentions_read(s, idx, &read);
        }
        true
    }

    /// Re-derives every account's unread count and mentions of chat `idx` after messages
    /// left it; returns the accounts whose unread count changed.
    pub fn recount_reads(&mut self, idx: usize) -> Vec<UserId> {
        let chat = &mut self.chats[idx];
        let mut changed = Vec::new();
        for (u, r) in chat.reads.iter_mut() {
            let unread = chat
                .messages
                .iter()
                .filter(|m| m.sender != Sender::User(*u) && m.id > r.last_read_inbox)
                .count() as i32;
            if unread != r.unread_count {
                r.unread_count = unread;
                changed.push(*u);
            }
            let messages = &chat.messages;
            r.mentions
                .retain(|id| messages.binary_search_by_key(id, |m| m.id).is_ok());
        }
        changed
    }

    pub fn set_marked_unread(&mut self, user: UserId, idx: usize, marked: bool) {
        let Some(r) = self.chats[idx].read_mut(user) else {
            return;
        };
        if r.marked_unread == marked {
            return;
        }
        r.marked_unread = marked;
        for s in self.sessions_of(user) {
            self.ensure_chat(s, idx);
            self.emit(s, "updateChatIsMarkedAsUnread", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.bool("is_marked_as_unread", marked);
            });
        }
        self.sync_counters_of(user);
    }

    /// The main list's counters for `user` (chats they are not in are in no list).
    pub fn recount(&self, user: UserId) -> Counters {
        let mut c = Counters::default();
        for chat in &self.chats {
            if let Some((_, r)) = chat.reads.iter().find(|(u, _)| *u == user) {
                c = plus(c, share(r));
            }
        }
        c
    }

    /// Re-derives session `s`'s counters and reports the ones that changed, once the app
    /// follows the main list (TDLib sends them only after the list was requested).
    pub fn sync_unread_counters(&mut self, s: usize) {
        let new = self.recount(self.viewer(s));
        self.report_counters(s, new);
    }

    /// As sync_unread_counters, when the change is known: counters of a connected client
    /// always equal a recount, so the delta keeps them so without one.
    pub fn move_counters(&mut self, s: usize, delta: Counters) {
        let new = plus(self.sessions[s].counters, delta);
        self.report_counters(s, new);
    }

    fn report_counters(&mut self, s: usize, new: Counters) {
        // Offline, the old figures stay: the change is reported on reconnection.
        if !self.sessions[s].link.up {
            return;
        }
        let old = self.sessions[s].counters;
        self.sessions[s].counters = new;
        if !self.live(s) || !self.sessions[s].main_list_requested {
            return;
        }
        if old.messages != new.messages {
            self.send_unread_message_count(s);
        }
        if old.chats != new.chats || old.marked != new.marked {
            self.send_unread_chat_count(s);
        }
    }

    pub fn sync_counters_of(&mut self, user: UserId) {
        for s in self.sessions_of(user) {
            self.sync_unread_counters(s);
        }
    }

    pub fn send_unread_message_count(&mut self, s: usize) {
        let c = self.sessions[s].counters;
        self.emit(s, "updateUnreadMessageCount", |w, _| {
            w.unit("chat_list", "chatListMain");
            w.int("unread_count", c.messages);
            w.int("unread_unmuted_count", c.messages);
        });
    }

    pub fn send_unread_chat_count(&mut self, s: usize) {
        let c = self.sessions[s].counters;
        self.emit(s, "updateUnreadChatCount", |w, _| {
            w.unit("chat_list", "chatListMain");
            w.int("total_count", c.listed);
            w.int("unread_count", c.chats);
            w.int("unread_unmuted_count", c.chats);
            w.int("marked_as_unread_count", c.marked);
            w.int("marked_as_unread_unmuted_count", c.marked);
        });
    }
}
