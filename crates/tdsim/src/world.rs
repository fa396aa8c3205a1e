//! A shared world: the universe every client of it sees (users, chats, messages, membership,
//! pins, each account's read state, the virtual clock and the scenario's traffic) and the
//! clients (sessions) logged in to it, each as one member. Built deterministically from a
//! scenario and a seed (populate.rs); what changes it and the updates each change sends to
//! which clients live in delivery.rs, reading.rs, changes.rs and membership.rs.

use std::collections::{BinaryHeap, HashMap};
use std::fmt;
use std::sync::Arc;
use std::time::Instant;

use crate::json::W;
use crate::model::*;
use crate::rng::Rng;
use crate::scenario::Scenario;
use crate::session::{Auth, Session};
use crate::traffic::Scheduled;

/// The scenario's account.
pub const ME: UserId = 1_000_001;
pub const STAFF_BASE: UserId = 2_000_001;
pub const CUSTOMER_BASE: UserId = 3_000_001;
/// History kept per chat; older messages are dropped so long runs stay bounded.
pub const HISTORY_CAP: usize = 2_000;

/// A world's identity in this process (see [`crate::create_world`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorldId(pub(crate) u32);

impl fmt::Display for WorldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "world {}", self.0)
    }
}

pub struct World {
    pub id: WorldId,
    pub scenario: Arc<Scenario>,
    pub rng: Rng,
    pub now: i64,
    pub speed: f64,
    pub clock_thread: bool,
    /// Running mode: virtual time = base_virtual + wall time since base_instant * speed.
    pub base_virtual: f64,
    pub base_instant: Instant,
    pub announced_time: i64,
    pub announced_wall: Instant,

    pub users: Vec<User>,
    pub user_index: HashMap<UserId, usize>,
    pub chats: Vec<Chat>,
    pub chat_index: HashMap<ChatId, usize>,
    pub folders: Vec<Folder>,
    pub duty_chat: usize,
    pub channel_chat: Option<usize>,
    /// Colleagues, in scenario order; the first is the team lead.
    pub staff: Vec<UserId>,

    /// Clients of this world in creation order (client ids ascending).
    pub sessions: Vec<Session>,
    pub events: BinaryHeap<Scheduled>,
    pub event_seq: u64,
    /// Proxies that answer in this world: server, port, ping in seconds.
    pub proxy_pings: Vec<(String, i32, f64)>,
    /// Messages in customer chats, kept for a floor's summary once it asked.
    pub journal: Option<crate::journal::Journal>,
}

impl World {
    pub fn session_idx(&self, client_id: i32) -> Option<usize> {
        self.sessions.iter().position(|s| s.client_id == client_id)
    }

    pub fn add_session(&mut self, client_id: i32) -> usize {
        self.sessions.push(Session::new(client_id));
        self.sessions.len() - 1
    }

    /// Who session `s` is (0 before a phone number was given).
    pub fn viewer(&self, s: usize) -> UserId {
        self.sessions[s].user
    }

    /// Whether the client receives chat data (TDLib sends it only once logged in).
    pub fn live(&self, s: usize) -> bool {
        self.sessions[s].auth == Auth::Ready
    }

    /// Whether the client hears what happens in a chat: logged in as one of its members.
    pub fn follows(&self, s: usize, idx: usize) -> bool {
        self.live(s) && self.chats[idx].is_member(self.sessions[s].user)
    }

    /// Whether session `s` can address a chat: it is a member, or was told of it before.
    pub fn visible(&self, s: usize, idx: usize) -> bool {
        self.chats[idx].is_member(self.viewer(s)) || self.sessions[s].seen(idx).announced
    }

    /// Sessions logged in as `user`.
    pub fn sessions_of(&self, user: UserId) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&s| self.live(s) && self.sessions[s].user == user)
            .collect()
    }

    /// Whether every client that ever joined has closed (the clock may stop).
    pub fn all_closed(&self) -> bool {
        !self.sessions.is_empty() && self.sessions.iter().all(|s| s.auth == Auth::Closed)
    }

    /// Emits one object to session `s`, written by `f` after its "@type".
    pub fn emit(&mut self, s: usize, ty: &str, f: impl FnOnce(&mut W, &World)) {
        let mut w = W::new();
        w.open(ty);
        f(&mut w, self);
        let out = w.finish(None, Some(self.sessions[s].client_id));
        self.sessions[s].push(out);
    }

    pub fn is_staff(&self, user: UserId) -> bool {
        self.user(user).is_some_and(|u| u.role != Role::Customer)
    }

    pub fn user(&self, id: UserId) -> Option<&User> {
        self.user_index.get(&id).map(|&i| &self.users[i])
    }

    pub fn chat_idx(&self, id: ChatId) -> Option<usize> {
        self.chat_index.get(&id).copied()
    }

    /// Whether a text mentions `user` by @username.
    pub fn mentions(&self, user: UserId, text: &str) -> bool {
        let name = self.user(user).map_or("", |u| u.username.as_str());
        mentions_name(name, text)
    }

    /// The chat folders `viewer` sees a chat in (only the scenario's account has folders).
    pub fn folders_of(&self, viewer: UserId, idx: usize) -> &[i32] {
        if viewer == ME {
            &self.chats[idx].folders
        } else {
            &[]
        }
    }

    /// The newest message session `s` has in a chat: the server's, or its own pending one.
    pub fn last_for(&self, s: usize, idx: usize) -> Option<&Message> {
        let server = self.chats[idx].last_message();
        match (server, self.sessions[s].newest_local(idx)) {
            (Some(a), Some(b)) => Some(if b.id > a.id { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The chat's order in session `s`'s lists.
    pub fn order_for(&self, s: usize, idx: usize) -> i64 {
        let c = &self.chats[idx];
        order(self.last_for(s, idx).map_or(c.created, |m| m.date), c.id)
    }

    /// Chats in session `s`'s list (None = main), best first.
    pub fn ordered_chats(&self, s: usize, folder: Option<i32>) -> Vec<usize> {
        let viewer = self.viewer(s);
        let mut v: Vec<(i64, usize)> = (0..self.chats.len())
            .filter(|&i| self.chats[i].is_member(viewer))
            .filter(|&i| folder.is_none_or(|f| self.folders_of(viewer, i).contains(&f)))
            .map(|i| (self.order_for(s, i), i))
            .collect();
        v.sort_by_key(|&(o, _)| std::cmp::Reverse(o));
        v.into_iter().map(|(_, i)| i).collect()
    }

    /// Whether `user` may pin and unpin messages in a chat, as TDLib checks it.
    pub fn can_pin(&self, idx: usize, user: UserId) -> bool {
        let c = &self.chats[idx];
        c.is_member(user) && (!c.is_group() || c.owner == user || c.admins.contains(&user))
    }
}

/// Whether `text` has "@name" as a whole word.
pub fn mentions_name(name: &str, text: &str) -> bool {
    !name.is_empty()
        && text.match_indices('@').any(|(i, _)| {
            let rest = &text[i + 1..];
            rest.starts_with(name)
                && !rest[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
}
