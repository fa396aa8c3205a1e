//! Changes to the shape of the world that tests need to provoke: chats renamed, moved between
//! folders, added; members joining and leaving (a member who leaves loses the chat from every
//! list, as TDLib reports it), administrators promoted or demoted.

use crate::model::*;
use crate::objects;
use crate::world::{ME, World};

impl World {
    pub fn rename_chat(&mut self, idx: usize, title: &str, actor: UserId) {
        self.chats[idx].title = title.to_string();
        if self.chats[idx].is_group() {
            let now = self.now;
            self.incoming(
                idx,
                Sender::User(actor),
                Content::TitleChanged(title.to_string()),
                now,
                None,
            );
        }
        for s in 0..self.sessions.len() {
            if self.live(s) && self.sessions[s].seen(idx).announced {
                self.emit(s, "updateChatTitle", |w, world| {
                    w.int("chat_id", world.chats[idx].id);
                    w.str("title", title);
                });
            }
        }
    }

    fn send_position(&mut self, s: usize, idx: usize, folder: Option<i32>, order: i64) {
        self.emit(s, "updateChatPosition", |w, world| {
            w.int("chat_id", world.chats[idx].id);
            w.obj("position", "chatPosition", |w| {
                objects::chat_list(w, "list", folder);
                w.long("order", order);
                w.bool("is_pinned", false);
            });
        });
    }

    fn send_list_change(&mut self, s: usize, idx: usize, folder: Option<i32>, added: bool) {
        let ty = if added {
            "updateChatAddedToList"
        } else {
            "updateChatRemovedFromList"
        };
        self.emit(s, ty, |w, world| {
            w.int("chat_id", world.chats[idx].id);
            objects::chat_list(w, "chat_list", folder);
        });
    }

    /// Puts a chat into one of the account's folders or takes it out.
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
        for s in self.sessions_of(ME) {
            if !self.sessions[s].seen(idx).announced {
                continue;
            }
            let order = if included { self.order_for(s, idx) } else { 0 };
            self.send_list_change(s, idx, Some(folder), included);
            self.send_position(s, idx, Some(folder), order);
        }
    }

    /// Whether `user` joining chat `idx` makes them an administrator: colleagues administer
    /// the customer groups, and the duty group as the scenario says.
    fn joins_as_admin(&self, idx: usize, user: UserId) -> bool {
        let c = &self.chats[idx];
        if c.is_duty {
            match self.staff.iter().position(|u| *u == user) {
                Some(i) => i > 0 && self.scenario.duty_group.is_admin(i),
                None => user == ME && self.scenario.account.admin,
            }
        } else {
            c.is_customer && c.is_group() && self.is_staff(user) && user != c.owner
        }
    }

    /// `user` joins or leaves a group; `actor` did it. A member who leaves hears of it, then
    /// loses the chat from every list (order 0), as TDLib reports it.
    pub fn set_member(&mut self, idx: usize, user: UserId, joined: bool, actor: UserId) {
        if self.chats[idx].is_member(user) == joined {
            return;
        }
        let now = self.now;
        if joined {
            let admin = self.joins_as_admin(idx, user);
            let account = self.is_account(user);
            let chat = &mut self.chats[idx];
            chat.members.push(user);
            if admin {
                chat.admins.push(user);
            }
            let content = Content::MembersAdded(vec![user]);
            let id = self.incoming(idx, Sender::User(actor), content, now, None);
            // What was said before joining (and the joining itself) counts as read.
            if account {
                let read = ChatRead {
                    last_read_inbox: id,
                    last_read_outbox: id,
                    ..ChatRead::default()
                };
                self.chats[idx].reads.push((user, read));
            }
        } else {
            let content = Content::MemberLeft(user);
            self.incoming(idx, Sender::User(user), content, now, None);
            let chat = &mut self.chats[idx];
            chat.members.retain(|u| *u != user);
            chat.admins.retain(|u| *u != user);
            chat.reads.retain(|(u, _)| *u != user);
        }
        for s in 0..self.sessions.len() {
            if !self.live(s) || !self.sessions[s].seen(idx).announced {
                continue;
            }
            self.send_group(s, idx);
            if self.viewer(s) != user {
                continue;
            }
            self.sync_unread_counters(s);
            if !joined {
                let folders = self.folders_of(user, idx).to_vec();
                for list in std::iter::once(None).chain(folders.into_iter().map(Some)) {
                    self.send_position(s, idx, list, 0);
                    self.send_list_change(s, idx, list, false);
                }
            }
        }
    }

    /// Makes `user` an administrator of a group with a custom title, or (None) a plain member.
    pub fn set_admin(&mut self, idx: usize, user: UserId, title: Option<&str>) {
        let chat = &mut self.chats[idx];
        chat.admins.retain(|u| *u != user);
        chat.titles.retain(|(u, _)| *u != user);
        if let Some(t) = title {
            if user != chat.owner {
                chat.admins.push(user);
            }
            if !t.is_empty() {
                chat.titles.push((user, t.to_string()));
            }
        }
        for s in self.sessions_of(user) {
            if self.sessions[s].seen(idx).announced {
                self.send_group(s, idx);
            }
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
        for s in self.sessions_of(ME) {
            self.ensure_chat(s, idx);
            self.send_last_message(s, idx);
            self.sync_unread_counters(s);
        }
        (id, ids)
    }
}
