//! One client's side of a shared world: its authorization, who it is logged in as, its options,
//! what it has already been told (users, groups, chats, counters), its connection and proxies,
//! its own pending sends, and its output waiting for the receive queue. Everything every member
//! sees alike (users, chats, messages, read state per account) lives in the World.

use std::collections::{BTreeMap, HashSet};

use crate::connection::Link;
use crate::model::*;
use crate::proxy::Proxies;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    WaitParameters,
    WaitPhone,
    WaitCode,
    WaitPassword,
    Ready,
    LoggingOut,
    Closing,
    Closed,
}

impl Auth {
    /// TDLib's name of the state.
    pub fn name(self) -> &'static str {
        match self {
            Auth::WaitParameters => "authorizationStateWaitTdlibParameters",
            Auth::WaitPhone => "authorizationStateWaitPhoneNumber",
            Auth::WaitCode => "authorizationStateWaitCode",
            Auth::WaitPassword => "authorizationStateWaitPassword",
            Auth::Ready => "authorizationStateReady",
            Auth::LoggingOut => "authorizationStateLoggingOut",
            Auth::Closing => "authorizationStateClosing",
            Auth::Closed => "authorizationStateClosed",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Int(i64),
    Str(String),
}

/// What this client has been told about one chat.
#[derive(Clone, Copy, Debug, Default)]
pub struct Seen {
    /// updateNewChat was sent.
    pub announced: bool,
    /// Its positions were sent (loadChats placed it).
    pub positioned: bool,
    pub opened: bool,
    /// getChatHistory answered for it before.
    pub history_served: bool,
}

/// A send the test asked to fail: the error and an optional FLOOD_WAIT retry delay.
#[derive(Clone, Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
    pub retry_after: f64,
}

/// Something that happened while this client's connection was down; it learns of it on
/// reconnection, as TDLib does from the server's difference.
#[derive(Clone, Debug)]
pub enum Missed {
    New(usize, MessageId),
    Edited(usize, MessageId),
    Deleted(usize, Vec<MessageId>),
    Pinned(usize, MessageId, bool),
    /// The account's read state of the chat changed (on another device).
    Read(usize),
}

/// The main list's counters as last reported (unread messages and chats, marked, listed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    pub messages: i64,
    pub chats: i64,
    pub marked: i64,
    pub listed: i64,
}

pub struct Session {
    pub client_id: i32,
    pub auth: Auth,
    /// Whether the first request arrived (TDLib's opening updates were sent).
    pub started: bool,
    pub phone: String,
    /// The user this client is (or is logging in as); 0 before a phone number was given.
    pub user: UserId,
    pub options: BTreeMap<String, OptionValue>,
    pub users_sent: HashSet<UserId>,
    pub groups_sent: HashSet<ChatId>,
    /// Per chat index.
    pub seen: Vec<Seen>,
    /// Set once the app asked for the main list: TDLib only then sends unread counters.
    pub main_list_requested: bool,
    pub counters: Counters,
    pub link: Link,
    pub proxies: Proxies,
    pub missed: Vec<Missed>,
    /// This client's own pending and failed messages (chat index, message): nobody else
    /// sees them until the server has them.
    pub local: Vec<(usize, Message)>,
    pub offline_sends: Vec<(usize, MessageId)>,
    /// Requests that need the network, waiting for the connection (TDLib holds them too).
    pub held: Vec<String>,
    /// Requests that TDLib answers only once it has its parameters (proxies, network type).
    pub deferred: Vec<String>,
    pub fail_next_send: Option<Failure>,
    pub next_sending_id: i32,
    /// Output waiting to be moved to the shared receive queue.
    pub out: Vec<String>,
    pub emitted: u64,
    /// Every sendChatAction received: (chat id, action @type).
    pub chat_actions: Vec<(i64, String)>,
}

impl Session {
    pub fn new(client_id: i32) -> Session {
        Session {
            client_id,
            auth: Auth::WaitParameters,
            started: false,
            phone: String::new(),
            user: 0,
            options: BTreeMap::new(),
            users_sent: HashSet::new(),
            groups_sent: HashSet::new(),
            seen: Vec::new(),
            main_list_requested: false,
            counters: Counters::default(),
            link: Link::default(),
            proxies: Proxies::default(),
            missed: Vec::new(),
            local: Vec::new(),
            offline_sends: Vec::new(),
            held: Vec::new(),
            deferred: Vec::new(),
            fail_next_send: None,
            next_sending_id: 1,
            out: Vec::new(),
            emitted: 0,
            chat_actions: Vec::new(),
        }
    }

    pub fn seen(&self, idx: usize) -> Seen {
        self.seen.get(idx).copied().unwrap_or_default()
    }

    pub fn seen_mut(&mut self, idx: usize) -> &mut Seen {
        if self.seen.len() <= idx {
            self.seen.resize(idx + 1, Seen::default());
        }
        &mut self.seen[idx]
    }

    pub fn push(&mut self, s: String) {
        self.emitted += 1;
        self.out.push(s);
    }

    /// This client's own newest pending or failed message in a chat.
    pub fn newest_local(&self, idx: usize) -> Option<&Message> {
        self.local
            .iter()
            .filter(|(i, _)| *i == idx)
            .map(|(_, m)| m)
            .max_by_key(|m| m.id)
    }

    pub fn local(&self, idx: usize, id: MessageId) -> Option<&Message> {
        self.local
            .iter()
            .find(|(i, m)| *i == idx && m.id == id)
            .map(|(_, m)| m)
    }

    pub fn take_local(&mut self, idx: usize, id: MessageId) -> Option<Message> {
        let pos = self
            .local
            .iter()
            .position(|(i, m)| *i == idx && m.id == id)?;
        Some(self.local.remove(pos).1)
    }

    /// A closed client keeps only what it needs to answer "Request aborted".
    pub fn release(&mut self) {
        self.seen = Vec::new();
        self.local = Vec::new();
        self.missed = Vec::new();
        self.held = Vec::new();
        self.deferred = Vec::new();
        self.users_sent = HashSet::new();
        self.groups_sent = HashSet::new();
    }
}
