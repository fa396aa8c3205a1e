//! Changes to the shape of the world that tests need to provoke: chats renamed, moved between
//! folders, added; members joining and leaving (the account too, which removes the chat from
//! every list, as TDLib reports it).

use crate::model::*;
use crate::objects;
use crate::world::{ME, World};

impl World {
    pub fn rename_chat(&mut self, idx: usize, title: &str, actor: UserId) {
        self.chats[idx].title = title.to_string();
        if self.chats[idx].is_group() {
            let (id, now) = (self.next_server_id(idx), self.now);
            self.deliver(
                idx,
                id,
                Sender::User(actor),
                Content::TitleChanged(title.to_string()),
                now,
                None,
            );
        }
        if self.live() && self.chats[idx].announced {
            self.update("updateChatTitle", |w, world| {
                w.int("chat_id", world.chats[idx].id);
                w.str("title", title);
            });
        }
    }

    fn send_position(&mut self, idx: usize, folder: Option<i32>, order: i64) {
        self.update("updateChatPosition", |w, world| {
            w.int("chat_id", world.chats[idx].id);
            w.obj("position", "chatPosition", |w| {
                objects::chat_list(w, "list", folder);
                w.long("order", order);
                w.bool("is_pinned", false);
            });
        });
    }

    fn send_list_change(&mut self, idx: usize, folder: Option<i32>, added: bool) {
        let ty = if added {
            "updateChatAddedToList"
        } else {
            "updateChatRemovedFromList"
        };
        self.update(ty, |w, world| {
            w.int("chat_id", world.chats[idx].id);
            objects::chat_list(w, "chat_list", folder);
        });
    }

    /// Puts a chat into a folder or takes it out.
    pub fn set_in_folder(&mut self, idx: usize, folder: i32, included: bool) {
        let chat = &mut self.chats[idx];
        if chat.folders.contains(&folder) == included {
            return;
        }
        if included {
            chat.folders.push(folder);
            chat.folders.sort_unstable();
        } else {
            chat.folders.retain(|f| *f != folder);
        }
        if self.live() && self.chats[idx].announced {
            let order = if included { self.chats[idx].order() } else { 0 };
            self.send_list_change(idx, Some(folder), included);
            self.send_position(idx, Some(folder), order);
        }
    }

    /// `user` joins or leaves a group; `actor` did it. When the account leaves, the chat leaves
    /// every list (order 0), as TDLib reports it.
    pub fn set_member(&mut self, idx: usize, user: UserId, joined: bool, actor: UserId) {
        if self.chats[idx].members.contains(&user) == joined {
            return;
        }
        if joined {
            self.chats[idx].members.push(user);
        } else {
            self.chats[idx].members.retain(|u| *u != user);
        }
        if user == ME {
            self.chats[idx].left = !joined;
        }
        // Users see membership changes as service messages (updateChatMember is for bots).
        let (sender, content) = if joined {
            (actor, Content::MembersAdded(vec![user]))
        } else {
            (user, Content::MemberLeft(user))
        };
        let now = self.now;
        let id = self.next_server_id(idx);
        self.ensure_user(user);
        self.deliver(idx, id, Sender::User(sender), content, now, None);
        if !(self.live() && self.chats[idx].announced) {
            return;
        }
        self.send_group(idx);
        if user == ME {
            self.sync_unread_counters();
        }
        if user == ME && !joined {
            let folders = self.chats[idx].folders.clone();
            for list in std::iter::once(None).chain(folders.into_iter().map(Some)) {
                self.send_position(idx, list, 0);
                self.send_list_change(idx, list, false);
            }
        }
    }

    /// updateBasicGroup / updateSupergroup with the current member count and our status.
    pub fn send_group(&mut self, idx: usize) {
        let chat = &self.chats[idx];
        let status = self.member_status(chat, ME);
        let (count, created) = (chat.members.len(), chat.created);
        match chat.kind {
            ChatKind::Private { .. } => {}
            ChatKind::BasicGroup { group_id } => self.update("updateBasicGroup", |w, _| {
                w.key("basic_group");
                objects::basic_group(w, group_id, count, status);
            }),
            ChatKind::Supergroup {
                supergroup_id,
                is_channel,
            } => self.update("updateSupergroup", |w, _| {
                w.key("supergroup");
                objects::supergroup(w, supergroup_id, created, count, is_channel, status);
            }),
        }
    }

    /// A new customer chat appears (a company opens a support group, or a customer writes
    /// privately for the first time); returns its id and its customers.
    pub fn add_customer_chat(
        &mut self,
        title: &str,
        customers: usize,
        private: bool,
    ) -> (ChatId, Vec<UserId>) {
        let s = self.scenario.clone();
        let c = &s.customers;
        let first_id = self
            .users
            .iter()
            .map(|u| u.id)
            .max()
            .unwrap_or(0)
            .max(3_000_000)
            + 1;
        let count = if private { 1 } else { customers.max(1) };
        let mut ids = Vec::new();
        for k in 0..count as i64 {
            let first = self.rng.pick(&c.first_names).cloned().unwrap_or_default();
            let last = self.rng.pick(&c.last_names).cloned().unwrap_or_default();
            self.add_user(first_id + k, first, last, Role::Customer, self.now);
            ids.push(first_id + k);
        }
        let mut members = vec![ME];
        members.extend(&ids);
        let (id, kind, owner) = if private {
            (ids[0], ChatKind::Private { user_id: ids[0] }, ids[0])
        } else {
            let group_id = 900_000 + self.chats.len() as i64;
            (
                basic_group_chat_id(group_id),
                ChatKind::BasicGroup { group_id },
                ME,
            )
        };
        let now = self.now;
        let idx = self.add_chat(id, kind, title.to_string(), members, owner, now);
        self.chats[idx].is_customer = true;
        if self.live() {
            self.ensure_chat(idx);
            self.send_last_message(idx);
            self.sync_unread_counters();
        }
        (id, ids)
    }
}
