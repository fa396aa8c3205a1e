//! What a client must be told before an id reaches it, in TDLib's order guarantees:
//! updateUser before a user id is used, updateBasicGroup / updateSupergroup and updateNewChat
//! before a chat id, then the change itself. Each client is told once; each sees the chat
//! from its own side (its member status, read state, lists).

use crate::json::W;
use crate::model::*;
use crate::objects::{self, ChatView, MemberStatus};
use crate::world::World;

impl World {
    /// A chat as session `s` sees it.
    pub fn chat_view(&self, s: usize, idx: usize) -> ChatView<'_> {
        let viewer = self.viewer(s);
        let chat = &self.chats[idx];
        ChatView {
            chat,
            viewer,
            read: chat.read(viewer),
            last: self.last_for(s, idx),
            order: self.order_for(s, idx),
            member: chat.is_member(viewer),
            folders: self.folders_of(viewer, idx),
        }
    }

    /// A message of chat `idx` as session `s` sees it.
    pub fn write_message(&self, w: &mut W, s: usize, idx: usize, m: &Message) {
        let viewer = self.viewer(s);
        objects::message(w, m, viewer, self.chats[idx].read(viewer));
    }

    /// `user`'s status in a chat, as `viewer` is told it.
    pub fn member_status(&self, idx: usize, user: UserId, viewer: UserId) -> MemberStatus<'_> {
        let c = &self.chats[idx];
        let title = c.title_of(user);
        if c.owner == user && c.is_member(user) {
            MemberStatus::Creator { title }
        } else if !c.is_member(user) {
            MemberStatus::Left
        } else if c.admins.contains(&user) {
            MemberStatus::Administrator {
                title,
                can_be_edited: viewer == c.owner && user != viewer,
            }
        } else {
            MemberStatus::Member
        }
    }

    pub fn ensure_user(&mut self, s: usize, id: UserId) {
        if !self.live(s) || self.sessions[s].users_sent.contains(&id) {
            return;
        }
        let Some(&i) = self.user_index.get(&id) else {
            return;
        };
        self.sessions[s].users_sent.insert(id);
        let now = self.now;
        self.emit(s, "updateUser", |w, world| {
            w.key("user");
            objects::user(w, &world.users[i], now);
        });
    }

    /// Sends updateNewChat (and the users and group it refers to) the first time session `s`
    /// hears of a chat.
    pub fn ensure_chat(&mut self, s: usize, idx: usize) {
        if !self.live(s) || self.sessions[s].seen(idx).announced {
            return;
        }
        let mut people = self.chats[idx].members.clone();
        people.push(self.chats[idx].owner);
        for u in people {
            self.ensure_user(s, u);
        }
        let chat_id = self.chats[idx].id;
        if self.sessions[s].groups_sent.insert(chat_id) {
            self.send_group(s, idx);
        }
        self.sessions[s].seen_mut(idx).announced = true;
        self.emit(s, "updateNewChat", |w, world| {
            w.key("chat");
            objects::chat(w, &world.chat_view(s, idx), false);
        });
    }

    /// updateBasicGroup / updateSupergroup with the member count and the viewer's status.
    pub fn send_group(&mut self, s: usize, idx: usize) {
        let chat = &self.chats[idx];
        let (count, created) = (chat.members.len(), chat.created);
        let viewer = self.viewer(s);
        match chat.kind {
            ChatKind::Private { .. } => {}
            ChatKind::BasicGroup { group_id } => self.emit(s, "updateBasicGroup", |w, world| {
                w.key("basic_group");
                let status = world.member_status(idx, viewer, viewer);
                objects::basic_group(w, group_id, count, status);
            }),
            ChatKind::Supergroup {
                supergroup_id,
                is_channel,
            } => self.emit(s, "updateSupergroup", |w, world| {
                w.key("supergroup");
                let status = world.member_status(idx, viewer, viewer);
                objects::supergroup(w, supergroup_id, created, count, is_channel, status);
            }),
        }
    }

    /// updateChatLastMessage with the chat's current positions (its order may have changed).
    pub fn send_last_message(&mut self, s: usize, idx: usize) {
        if !self.live(s) {
            return;
        }
        self.ensure_chat(s, idx);
        self.sessions[s].seen_mut(idx).positioned = true;
        self.emit(s, "updateChatLastMessage", |w, world| {
            let v = world.chat_view(s, idx);
            w.int("chat_id", v.chat.id);
            if let Some(m) = v.last {
                w.key("last_message");
                objects::message(w, m, v.viewer, v.read);
            }
            objects::positions(w, "positions", &v);
        });
    }

    pub fn send_read_inbox(&mut self, s: usize, idx: usize) {
        if !self.live(s) {
            return;
        }
        self.emit(s, "updateChatReadInbox", |w, world| {
            let c = &world.chats[idx];
            let read = c.read(world.viewer(s));
            w.int("chat_id", c.id);
            w.int("last_read_inbox_message_id", read.last_read_inbox);
            w.int("unread_count", read.unread_count as i64);
        });
    }

    pub fn send_mention_count(&mut self, s: usize, idx: usize) {
        self.emit(s, "updateChatUnreadMentionCount", |w, world| {
            let c = &world.chats[idx];
            w.int("chat_id", c.id);
            w.int(
                "unread_mention_count",
                c.read(world.viewer(s)).mentions.len() as i64,
            );
        });
    }

    /// Announces whatever a message refers to: its sender, the users a service message names,
    /// the origin of a forward.
    pub fn announce_refs(&mut self, s: usize, idx: usize, id: MessageId) {
        let Some(m) = self.chats[idx].message(id) else {
            return;
        };
        let sender = match m.sender {
            Sender::User(u) => Some(u),
            Sender::Chat(_) => None,
        };
        let named = match &m.content {
            Content::MembersAdded(ids) => ids.clone(),
            Content::MemberLeft(u) => vec![*u],
            _ => Vec::new(),
        };
        let (origin_user, origin_chat) = match m.forward.as_ref().map(|f| &f.origin) {
            Some(Origin::User(u)) => (Some(*u), None),
            Some(Origin::Chat { chat_id, .. } | Origin::Channel { chat_id, .. }) => {
                (None, self.chat_idx(*chat_id))
            }
            _ => (None, None),
        };
        for u in sender.into_iter().chain(named).chain(origin_user) {
            self.ensure_user(s, u);
        }
        if let Some(c) = origin_chat {
            self.ensure_chat(s, c);
        }
    }
}
