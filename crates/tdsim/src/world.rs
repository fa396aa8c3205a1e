//! One simulated account and everything it can see. Built deterministically from a scenario and
//! a seed; the rules that change it and the updates they emit live in state.rs.

use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Instant;

use crate::WorldConfig;
use crate::model::*;
use crate::rng::Rng;
use crate::scenario::Scenario;
use crate::traffic::Scheduled;

pub const ME: UserId = 1_000_001;
const STAFF_BASE: UserId = 2_000_001;
const CUSTOMER_BASE: UserId = 3_000_001;
const BASIC_GROUP_BASE: i64 = 500_001;
const SUPERGROUP_BASE: i64 = 1_700_000_001;
/// History kept per chat; older messages are dropped so long runs stay bounded.
pub const HISTORY_CAP: usize = 2_000;

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

#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Int(i64),
    Str(String),
}

/// A message the server has but the client has not received (the connection is down).
#[derive(Clone, Debug)]
pub struct Buffered {
    pub chat: usize,
    pub sender: Sender,
    pub content: Content,
    pub date: i64,
    pub id: MessageId,
}

/// A send the test asked to fail: the error and an optional FLOOD_WAIT retry delay.
#[derive(Clone, Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
    pub retry_after: f64,
}

pub struct World {
    pub client_id: i32,
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
    pub staff: Vec<UserId>,

    pub auth: Auth,
    pub started: bool,
    pub phone: String,
    pub options: BTreeMap<String, OptionValue>,
    pub users_sent: HashSet<UserId>,
    pub groups_sent: HashSet<ChatId>,
    /// Set once the app asked for the main list: TDLib only then sends unread counters.
    pub main_list_requested: bool,
    pub unread_messages: i64,
    pub unread_chats: i64,
    pub marked_chats: i64,
    pub listed_chats: i64,

    pub online: bool,
    pub buffered: Vec<Buffered>,
    pub offline_sends: Vec<(usize, MessageId)>,
    pub fail_next_send: Option<Failure>,
    pub next_sending_id: i32,

    pub events: BinaryHeap<Scheduled>,
    pub event_seq: u64,
    /// Output waiting to be moved to the shared receive queue.
    pub out: Vec<String>,
    pub updates_emitted: u64,
    /// Every sendChatAction received: (chat id, action @type).
    pub chat_actions: Vec<(i64, String)>,
}

fn split_name(full: &str) -> (String, String) {
    match full.split_once(' ') {
        Some((f, l)) => (f.to_string(), l.to_string()),
        None => (full.to_string(), String::new()),
    }
}

fn username_for(first: &str, last: &str, id: i64) -> String {
    let mut u: String = format!("{first}_{last}")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    u.push_str(&(id % 1000).to_string());
    u
}

impl World {
    pub fn new(client_id: i32, config: &WorldConfig) -> World {
        let scenario = Arc::new(config.scenario.clone());
        let mut rng = Rng::new(config.seed);
        let now = config.start_time;
        let mut w = World {
            client_id,
            scenario: scenario.clone(),
            rng: rng.fork(1),
            now,
            speed: config.speed.max(0.0),
            clock_thread: false,
            base_virtual: now as f64,
            base_instant: Instant::now(),
            announced_time: now,
            announced_wall: Instant::now(),
            users: Vec::new(),
            user_index: HashMap::new(),
            chats: Vec::new(),
            chat_index: HashMap::new(),
            folders: Vec::new(),
            duty_chat: 0,
            channel_chat: None,
            staff: Vec::new(),
            auth: Auth::WaitParameters,
            started: false,
            phone: String::new(),
            options: BTreeMap::new(),
            users_sent: HashSet::new(),
            groups_sent: HashSet::new(),
            main_list_requested: false,
            unread_messages: 0,
            unread_chats: 0,
            marked_chats: 0,
            listed_chats: 0,
            online: true,
            buffered: Vec::new(),
            offline_sends: Vec::new(),
            fail_next_send: None,
            next_sending_id: 1,
            events: BinaryHeap::new(),
            event_seq: 0,
            out: Vec::new(),
            updates_emitted: 0,
            chat_actions: Vec::new(),
        };
        w.populate(&mut rng.fork(2));
        w.write_history(&mut rng.fork(3));
        w.recount_unread();
        crate::traffic::schedule_initial(&mut w);
        w
    }

    pub fn add_user(
        &mut self,
        id: UserId,
        first: String,
        last: String,
        role: Role,
        was_online: i64,
    ) {
        let username = username_for(&first, &last, id);
        self.user_index.insert(id, self.users.len());
        self.users.push(User {
            id,
            first_name: first,
            last_name: last,
            username,
            phone: if role == Role::Customer {
                String::new()
            } else {
                format!("1555{:07}", id % 10_000_000)
            },
            role,
            is_lead: false,
            was_online,
        });
    }

    pub fn add_chat(
        &mut self,
        id: ChatId,
        kind: ChatKind,
        title: String,
        members: Vec<UserId>,
        owner: UserId,
        created: i64,
    ) -> usize {
        let idx = self.chats.len();
        self.chat_index.insert(id, idx);
        self.chats.push(Chat {
            id,
            kind,
            title,
            members,
            owner,
            created,
            messages: VecDeque::new(),
            last_server_seq: 0,
            last_read_inbox: 0,
            last_read_outbox: 0,
            unread_count: 0,
            unread_mentions: 0,
            marked_unread: false,
            is_duty: false,
            is_customer: false,
            folders: Vec::new(),
            announced: false,
            positioned: false,
            opened: false,
            left: false,
            history_served: false,
        });
        idx
    }

    fn populate(&mut self, rng: &mut Rng) {
        let s = self.scenario.clone();
        let created = self.now - 90 * 86_400;
        let a = &s.account;
        self.add_user(
            ME,
            a.first_name.clone(),
            a.last_name.clone(),
            Role::Me,
            self.now,
        );
        if let Some(me) = self.users.first_mut() {
            me.username = a.username.clone();
            me.phone = a.phone.trim_start_matches('+').to_string();
        }
        for (i, name) in s.duty_group.staff.iter().enumerate() {
            let (f, l) = split_name(name);
            let id = STAFF_BASE + i as i64;
            self.add_user(id, f, l, Role::Staff, self.now - rng.range(0, 3600));
            self.staff.push(id);
        }
        if let Some(lead) = self.users.get_mut(1) {
            lead.is_lead = true;
        }
        let mut duty_members = vec![ME];
        duty_members.extend(&self.staff);
        let lead = self.staff[0];
        self.duty_chat = self.add_chat(
            supergroup_chat_id(SUPERGROUP_BASE),
            ChatKind::Supergroup {
                supergroup_id: SUPERGROUP_BASE,
                is_channel: false,
            },
            s.duty_group.title.clone(),
            duty_members,
            lead,
            created,
        );
        self.chats[self.duty_chat].is_duty = true;

        let c = &s.customers;
        let mut next_customer = CUSTOMER_BASE;
        let mut next_super = SUPERGROUP_BASE + 1;
        let mut new_customer = |w: &mut World, rng: &mut Rng| {
            let first = rng.pick(&c.first_names).cloned().unwrap_or_default();
            let last = rng.pick(&c.last_names).cloned().unwrap_or_default();
            let id = next_customer;
            next_customer += 1;
            let seen = w.now - rng.range(0, 86_400);
            w.add_user(id, first, last, Role::Customer, seen);
            id
        };
        for i in 0..c.groups as usize {
            let company = &c.companies[i % c.companies.len()];
            let round = i / c.companies.len();
            let title = if round == 0 {
                format!("{company} support")
            } else {
                format!("{company} #{} support", round + 1)
            };
            let n = rng.range(c.members[0] as i64, c.members[1] as i64);
            let mut members = vec![ME];
            for _ in 0..n {
                members.push(new_customer(self, rng));
            }
            for k in 0..c.staff_per_group as usize {
                members.push(self.staff[(i + k) % self.staff.len()]);
            }
            let supergroup =
                c.supergroup_every > 0 && (i as u32 + 1).is_multiple_of(c.supergroup_every);
            let (id, kind) = if supergroup {
                let sg = next_super;
                next_super += 1;
                (
                    supergroup_chat_id(sg),
                    ChatKind::Supergroup {
                        supergroup_id: sg,
                        is_channel: false,
                    },
                )
            } else {
                let g = BASIC_GROUP_BASE + i as i64;
                (basic_group_chat_id(g), ChatKind::BasicGroup { group_id: g })
            };
            let idx = self.add_chat(id, kind, title, members, ME, created);
            self.chats[idx].is_customer = true;
        }
        for _ in 0..c.private_chats {
            let uid = new_customer(self, rng);
            let u = &self.users[self.user_index[&uid]];
            let title = format!("{} {}", u.first_name, u.last_name);
            let idx = self.add_chat(
                uid,
                ChatKind::Private { user_id: uid },
                title,
                vec![ME, uid],
                uid,
                created,
            );
            self.chats[idx].is_customer = true;
        }
        if let Some(ch) = &s.channel {
            let sg = next_super;
            let idx = self.add_chat(
                supergroup_chat_id(sg),
                ChatKind::Supergroup {
                    supergroup_id: sg,
                    is_channel: true,
                },
                ch.title.clone(),
                vec![ME, lead],
                lead,
                created,
            );
            self.channel_chat = Some(idx);
        }
        for f in &s.folders {
            self.folders.push(Folder {
                id: f.id,
                title: f.title.clone(),
                icon: f.icon.clone(),
            });
            for chat in self.chats.iter_mut() {
                let private = matches!(chat.kind, ChatKind::Private { .. });
                let inside = f.include.iter().any(|set| match set.as_str() {
                    "customer_groups" => chat.is_customer && !private,
                    "private" => chat.is_customer && private,
                    "all_customers" => chat.is_customer,
                    "duty" => chat.is_duty,
                    _ => false,
                });
                if inside {
                    chat.folders.push(f.id);
                }
            }
        }
    }

    /// Past messages before the start time: customers asking, staff answering; chats whose last
    /// message is a customer's stay unread.
    fn write_history(&mut self, rng: &mut Rng) {
        let s = self.scenario.clone();
        let span = s.history.span_hours as i64 * 3600;
        for idx in 0..self.chats.len() {
            let n = rng.range(
                s.history.messages_per_chat[0] as i64,
                s.history.messages_per_chat[1] as i64,
            );
            let mut dates: Vec<i64> = (0..n)
                .map(|_| self.now - 60 - rng.range(0, span.max(1)))
                .collect();
            dates.sort_unstable();
            // With `unanswered_share`, decide how the chat ends: waiting for a recent answer, or
            // answered. Only then is the RNG consulted, so other scenarios keep their streams.
            let open_at_start = s.history.unanswered_share.map(|share| {
                let open = (rng.range(0, 1_000_000) as f64) < share * 1_000_000.0;
                if open && let Some(last) = dates.last_mut() {
                    let within = s.history.unanswered_within_minutes as i64 * 60;
                    *last = (self.now - rng.range(30, within.max(31))).max(*last);
                }
                open
            });
            for (k, date) in dates.clone().into_iter().enumerate() {
                let chat = &self.chats[idx];
                let staff: Vec<UserId> = chat
                    .members
                    .iter()
                    .copied()
                    .filter(|u| self.is_staff(*u))
                    .collect();
                let customers: Vec<UserId> = chat
                    .members
                    .iter()
                    .copied()
                    .filter(|u| !self.is_staff(*u))
                    .collect();
                let (sender, text) = if chat.is_channel() {
                    (
                        Sender::Chat(chat.id),
                        "Scheduled maintenance tonight 02:00-03:00 UTC".to_string(),
                    )
                } else if chat.is_duty
                    || match open_at_start {
                        // Turns alternate back from the last message, which is the customer's
                        // (open) or a reply (answered; the account answers private chats).
                        Some(open) => (dates.len() - 1 - k) % 2 == usize::from(open),
                        None => k % 2 == 1 && !staff.is_empty(),
                    }
                {
                    let who = *rng.pick(&staff).unwrap_or(&ME);
                    (
                        Sender::User(who),
                        rng.pick(&s.traffic.replies).cloned().unwrap_or_default(),
                    )
                } else {
                    let who = *rng.pick(&customers).unwrap_or(&ME);
                    (
                        Sender::User(who),
                        rng.pick(&s.traffic.phrases).cloned().unwrap_or_default(),
                    )
                };
                let outgoing = sender == Sender::User(ME);
                let chat = &mut self.chats[idx];
                chat.last_server_seq += 1;
                let id = chat.last_server_seq * SERVER_ID_STEP;
                chat.messages.push_back(Message {
                    id,
                    chat_id: chat.id,
                    sender,
                    date,
                    edit_date: 0,
                    content: Content::Text(text),
                    outgoing,
                    unread_mention: false,
                    reply_to: None,
                    sending: Sending::Sent,
                });
            }
            let chat = &mut self.chats[idx];
            let last_staff = chat
                .messages
                .iter()
                .rev()
                .find(|m| match m.sender {
                    Sender::User(u) => u == ME || (STAFF_BASE..CUSTOMER_BASE).contains(&u),
                    Sender::Chat(_) => true,
                })
                .map_or(0, |m| m.id);
            chat.last_read_inbox = last_staff;
            chat.last_read_outbox = chat.messages.back().map_or(0, |m| m.id);
            chat.unread_count = chat
                .messages
                .iter()
                .filter(|m| m.id > last_staff && !m.outgoing)
                .count() as i32;
        }
    }

    /// Whether a text mentions the account (@username).
    pub fn mentions_me(&self, text: &str) -> bool {
        let name = self.users.first().map_or("", |u| u.username.as_str());
        !name.is_empty()
            && text.match_indices('@').any(|(i, _)| {
                let rest = &text[i + 1..];
                rest.starts_with(name)
                    && !rest[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
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

    /// The main list's counters (chats the account left are in no list).
    pub fn recount_unread(&mut self) {
        let (mut messages, mut chats, mut marked, mut total) = (0, 0, 0, 0);
        for c in self.chats.iter().filter(|c| !c.left) {
            total += 1;
            messages += c.unread_count as i64;
            chats += (c.unread_count > 0 || c.marked_unread) as i64;
            marked += c.marked_unread as i64;
        }
        (
            self.unread_messages,
            self.unread_chats,
            self.marked_chats,
            self.listed_chats,
        ) = (messages, chats, marked, total);
    }

    /// Chats in a list (None = main), best first.
    pub fn ordered_chats(&self, folder: Option<i32>) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.chats.len())
            .filter(|&i| !self.chats[i].left)
            .filter(|&i| folder.is_none_or(|f| self.chats[i].folders.contains(&f)))
            .collect();
        v.sort_by_key(|&i| std::cmp::Reverse(self.chats[i].order()));
        v
    }

    /// Whether the app currently receives updates (TDLib sends chat data only once logged in).
    pub fn live(&self) -> bool {
        self.auth == Auth::Ready
    }

    pub fn push(&mut self, s: String) {
        self.updates_emitted += 1;
        self.out.push(s);
    }
}
