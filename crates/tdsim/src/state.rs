//! How the world changes, and the updates each change emits, in TDLib's order guarantees:
//! updateUser before a user id is used, updateNewChat before a chat id, then the change itself.

use crate::json::W;
use crate::model::*;
use crate::objects::{self, MemberStatus};
use crate::world::{Auth, Buffered, HISTORY_CAP, ME, World};

impl World {
    /// Emits one update written by `f` after its "@type".
    pub fn update(&mut self, ty: &str, f: impl FnOnce(&mut W, &World)) {
        let mut w = W::new();
        w.open(ty);
        f(&mut w, self);
        let s = w.finish(None, Some(self.client_id));
        self.push(s);
    }

    pub fn ensure_user(&mut self, id: UserId) {
        if !self.live() || self.users_sent.contains(&id) {
            return;
        }
        let Some(&i) = self.user_index.get(&id) else {
            return;
        };
        self.users_sent.insert(id);
        let now = self.now;
        self.update("updateUser", |w, world| {
            w.key("user");
            objects::user(w, &world.users[i], now);
        });
    }

    pub fn member_status(&self, chat: &Chat, user: UserId) -> MemberStatus {
        if chat.owner == user {
            MemberStatus::Creator
        } else if !chat.members.contains(&user) {
            MemberStatus::Left
        } else if chat.is_duty || (chat.is_group() && self.is_staff(user)) {
            MemberStatus::Administrator
        } else {
            MemberStatus::Member
        }
    }

    /// Sends updateNewChat (and the users and group it refers to) the first time a chat is used.
    pub fn ensure_chat(&mut self, idx: usize) {
        if !self.live() || self.chats[idx].announced {
            return;
        }
        let members = self.chats[idx].members.clone();
        for u in members {
            self.ensure_user(u);
        }
        let chat_id = self.chats[idx].id;
        if self.groups_sent.insert(chat_id) {
            let chat = &self.chats[idx];
            let status = self.member_status(chat, ME);
            match chat.kind {
                ChatKind::Private { .. } => {}
                ChatKind::BasicGroup { group_id } => self.update("updateBasicGroup", |w, world| {
                    w.key("basic_group");
                    objects::basic_group(w, group_id, world.chats[idx].members.len(), status);
                }),
                ChatKind::Supergroup {
                    supergroup_id,
                    is_channel,
                } => self.update("updateSupergroup", |w, world| {
                    let c = &world.chats[idx];
                    w.key("supergroup");
                    objects::supergroup(
                        w,
                        supergroup_id,
                        c.created,
                        c.members.len(),
                        is_channel,
                        status,
                    );
                }),
            }
        }
        self.chats[idx].announced = true;
        self.update("updateNewChat", |w, world| {
            w.key("chat");
            objects::chat(w, &world.chats[idx], false);
        });
    }

    /// updateChatLastMessage with the chat's current positions (its order may have changed).
    pub fn send_last_message(&mut self, idx: usize) {
        if !self.live() {
            return;
        }
        self.ensure_chat(idx);
        self.chats[idx].positioned = true;
        self.update("updateChatLastMessage", |w, world| {
            let c = &world.chats[idx];
            w.int("chat_id", c.id);
            if let Some(m) = c.last_message() {
                w.key("last_message");
                objects::message(w, m);
            }
            objects::positions(w, "positions", c);
        });
    }

    pub fn send_read_inbox(&mut self, idx: usize) {
        if !self.live() {
            return;
        }
        self.update("updateChatReadInbox", |w, world| {
            let c = &world.chats[idx];
            w.int("chat_id", c.id);
            w.int("last_read_inbox_message_id", c.last_read_inbox);
            w.int("unread_count", c.unread_count as i64);
        });
    }

    /// Re-derives the list counters and reports the ones that changed, once the app follows the
    /// main list (TDLib sends them only after the list was requested).
    pub fn sync_unread_counters(&mut self) {
        let (msgs, chats, marked) = (self.unread_messages, self.unread_chats, self.marked_chats);
        self.recount_unread();
        if !self.live() || !self.main_list_requested {
            return;
        }
        if msgs != self.unread_messages {
            self.send_unread_message_count();
        }
        if chats != self.unread_chats || marked != self.marked_chats {
            self.send_unread_chat_count();
        }
    }

    pub fn send_unread_message_count(&mut self) {
        self.update("updateUnreadMessageCount", |w, world| {
            w.unit("chat_list", "chatListMain");
            w.int("unread_count", world.unread_messages);
            w.int("unread_unmuted_count", world.unread_messages);
        });
    }

    pub fn send_unread_chat_count(&mut self) {
        self.update("updateUnreadChatCount", |w, world| {
            w.unit("chat_list", "chatListMain");
            w.int("total_count", world.listed_chats);
            w.int("unread_count", world.unread_chats);
            w.int("unread_unmuted_count", world.unread_chats);
            w.int("marked_as_unread_count", world.marked_chats);
            w.int("marked_as_unread_unmuted_count", world.marked_chats);
        });
    }

    pub fn next_server_id(&mut self, idx: usize) -> MessageId {
        let chat = &mut self.chats[idx];
        chat.last_server_seq += 1;
        chat.last_server_seq * SERVER_ID_STEP
    }

    /// A message from someone else (or a message the account sent elsewhere) reaches the
    /// server at `date`; the client sees it now, or on reconnection when offline.
    pub fn incoming(
        &mut self,
        idx: usize,
        sender: Sender,
        content: Content,
        date: i64,
        reply_to: Option<MessageId>,
    ) -> MessageId {
        let id = self.next_server_id(idx);
        if !self.online {
            self.buffered.push(Buffered {
                chat: idx,
                sender,
                content,
                date,
                id,
            });
            return id;
        }
        self.deliver(idx, id, sender, content, date, reply_to);
        id
    }

    pub fn deliver(
        &mut self,
        idx: usize,
        id: MessageId,
        sender: Sender,
        content: Content,
        date: i64,
        reply_to: Option<MessageId>,
    ) {
        let outgoing = sender == Sender::User(ME);
        let mention = !outgoing && self.mentions_me(content.text());
        let msg = Message {
            id,
            chat_id: self.chats[idx].id,
            sender,
            date,
            edit_date: 0,
            content,
            outgoing,
            unread_mention: mention,
            reply_to,
            sending: Sending::Sent,
        };
        self.insert_message(idx, msg);
        let from_customer = matches!(sender, Sender::User(u) if !self.is_staff(u));
        let chat = &mut self.chats[idx];
        let unread_changed = if outgoing {
            // Writing in a chat reads it, as the server does.
            let changed = chat.unread_count > 0 || chat.last_read_inbox < id;
            chat.last_read_inbox = id;
            chat.unread_count = 0;
            changed
        } else if id > chat.last_read_inbox {
            chat.unread_count += 1;
            true
        } else {
            false
        };
        if mention {
            chat.unread_mentions += 1;
        }
        // A customer writing has seen everything before: our outgoing messages become read.
        let outbox_read = from_customer && chat.last_read_outbox < id && {
            let last_out = chat
                .messages
                .iter()
                .rev()
                .find(|m| m.outgoing && m.sending == Sending::Sent)
                .map(|m| m.id);
            match last_out {
                Some(o) if o > chat.last_read_outbox => {
                    chat.last_read_outbox = o;
                    true
                }
                _ => false,
            }
        };
        if let Sender::User(u) = sender {
            let now = self.now;
            if let Some(&ui) = self.user_index.get(&u) {
                self.users[ui].was_online = now;
            }
        }
        if !self.live() {
            self.recount_unread();
            return;
        }
        if let Sender::User(u) = sender {
            self.ensure_user(u);
        }
        self.ensure_chat(idx);
        self.update("updateNewMessage", |w, world| {
            let c = &world.chats[idx];
            w.key("message");
            objects::message(
                w,
                c.message(id)
                    .unwrap_or_else(|| c.messages.back().expect("just inserted")),
            );
        });
        if self.chats[idx].last_message().map(|m| m.id) == Some(id) {
            self.send_last_message(idx);
        }
        if unread_changed {
            self.send_read_inbox(idx);
        }
        if mention {
            self.update("updateChatUnreadMentionCount", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.int(
                    "unread_mention_count",
                    world.chats[idx].unread_mentions as i64,
                );
            });
        }
        if outbox_read {
            self.update("updateChatReadOutbox", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.int(
                    "last_read_outbox_message_id",
                    world.chats[idx].last_read_outbox,
                );
            });
        }
        self.sync_unread_counters();
    }

    /// Keeps messages sorted by id (late and buffered ones may land before a pending one).
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

    /// Marks incoming messages up to `up_to` read; returns whether anything changed.
    pub fn read_inbox(&mut self, idx: usize, up_to: MessageId) -> bool {
        let chat = &mut self.chats[idx];
        let up_to = up_to.min(chat.messages.back().map_or(0, |m| m.id));
        if up_to <= chat.last_read_inbox {
            return false;
        }
        chat.last_read_inbox = up_to;
        chat.unread_count = chat
            .messages
            .iter()
            .filter(|m| !m.outgoing && m.id > up_to)
            .count() as i32;
        let mut mentions_read = Vec::new();
        for m in chat.messages.iter_mut() {
            if m.unread_mention && m.id <= up_to {
                m.unread_mention = false;
                mentions_read.push(m.id);
            }
        }
        chat.unread_mentions -= mentions_read.len() as i32;
        let chat_id = chat.id;
        self.send_read_inbox(idx);
        if self.live() {
            for id in &mentions_read {
                self.update("updateMessageMentionRead", |w, world| {
                    w.int("chat_id", chat_id);
                    w.int("message_id", *id);
                    w.int(
                        "unread_mention_count",
                        world.chats[idx].unread_mentions as i64,
                    );
                });
            }
            if !mentions_read.is_empty() {
                self.update("updateChatUnreadMentionCount", |w, world| {
                    w.int("chat_id", chat_id);
                    w.int(
                        "unread_mention_count",
                        world.chats[idx].unread_mentions as i64,
                    );
                });
            }
        }
        true
    }

    pub fn set_marked_unread(&mut self, idx: usize, marked: bool) {
        if self.chats[idx].marked_unread == marked {
            return;
        }
        self.chats[idx].marked_unread = marked;
        if self.live() {
            self.ensure_chat(idx);
            self.update("updateChatIsMarkedAsUnread", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.bool("is_marked_as_unread", marked);
            });
        }
        self.sync_unread_counters();
    }

    pub fn edit_content(&mut self, idx: usize, id: MessageId, content: Content) -> bool {
        let now = self.now;
        let Some(pos) = self.chats[idx].message_index(id) else {
            return false;
        };
        let m = &mut self.chats[idx].messages[pos];
        m.content = content;
        m.edit_date = now;
        if self.live() && self.chats[idx].announced {
            self.update("updateMessageContent", |w, world| {
                let c = &world.chats[idx];
                w.int("chat_id", c.id);
                w.int("message_id", id);
                w.key("new_content");
                objects::content(w, &c.messages[pos]);
            });
            self.update("updateMessageEdited", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.int("message_id", id);
                w.int("edit_date", now);
            });
        }
        true
    }

    /// Deletes the given messages that exist; returns the ids actually deleted.
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
        let last_read = chat.last_read_inbox;
        let unread = chat
            .messages
            .iter()
            .filter(|m| !m.outgoing && m.id > last_read)
            .count() as i32;
        let unread_changed = unread != chat.unread_count;
        chat.unread_count = unread;
        chat.unread_mentions = chat.messages.iter().filter(|m| m.unread_mention).count() as i32;
        let last_changed = chat.last_message().map(|m| m.id) != last_before;
        if self.live() && self.chats[idx].announced {
            let ids = deleted.clone();
            self.update("updateDeleteMessages", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.ints("message_ids", &ids);
                w.bool("is_permanent", true);
                w.bool("from_cache", false);
            });
            if last_changed {
                self.send_last_message(idx);
            }
            if unread_changed {
                self.send_read_inbox(idx);
            }
        }
        self.sync_unread_counters();
        deleted
    }

    pub fn set_online(&mut self, online: bool) {
        if self.online == online {
            return;
        }
        self.online = online;
        let state = if online {
            "connectionStateUpdating"
        } else {
            "connectionStateConnecting"
        };
        // TDLib reports the connection from setTdlibParameters until it closes.
        let visible = !matches!(
            self.auth,
            Auth::WaitParameters | Auth::Closing | Auth::Closed
        );
        if visible {
            self.update("updateConnectionState", |w, _| w.unit("state", state));
        }
        if !online {
            return;
        }
        // What the server kept for us arrives now, with its original dates.
        let mut buffered = std::mem::take(&mut self.buffered);
        buffered.sort_by_key(|b| (b.date, b.id));
        for b in buffered {
            self.deliver(b.chat, b.id, b.sender, b.content, b.date, None);
        }
        for (idx, id) in std::mem::take(&mut self.offline_sends) {
            self.complete_send(idx, id);
        }
        if visible {
            self.update("updateConnectionState", |w, _| {
                w.unit("state", "connectionStateReady")
            });
        }
    }
}
