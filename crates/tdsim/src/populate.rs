//! Building a world from its scenario and seed: the account, the team (with the phone
//! numbers they log in with, their roles and titles in the duty group), customers and their
//! chats, folders, and the history before the start time. Deterministic: the same scenario
//! and seed always give the same world.

use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::Arc;
use std::time::Instant;

use crate::WorldConfig;
use crate::model::*;
use crate::rng::Rng;
use crate::world::{CUSTOMER_BASE, ME, STAFF_BASE, World, WorldId};

mod traffic_history;

const BASIC_GROUP_BASE: i64 = 500_001;
const SUPERGROUP_BASE: i64 = 1_700_000_001;

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

pub fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

impl World {
    pub fn new(id: WorldId, config: &WorldConfig) -> World {
        let scenario = Arc::new(config.scenario.clone());
        let mut rng = Rng::new(config.seed);
        let now = config.start_time;
        let mut w = World {
            id,
            scenario,
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
            sessions: Vec::new(),
            events: BinaryHeap::new(),
            event_seq: 0,
            proxy_pings: Vec::new(),
            journal: None,
        };
        w.populate(&mut rng.fork(2));
        let mut history = rng.fork(3);
        // Forked after the history's own: scenarios without traffic history keep theirs.
        let mut traffic = rng.fork(4);
        w.write_history(&mut history, &mut traffic);
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
            phone: String::new(),
            role,
            is_lead: false,
            was_online,
            hides_forwards: false,
        });
    }

    pub fn is_account(&self, user: UserId) -> bool {
        self.user(user).is_some_and(|u| u.role != Role::Customer)
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
        let reads = members
            .iter()
            .filter(|u| self.is_account(**u))
            .map(|u| (*u, ChatRead::default()))
            .collect();
        self.chat_index.insert(id, idx);
        self.chats.push(Chat {
            id,
            kind,
            title,
            members,
            owner,
            admins: Vec::new(),
            titles: Vec::new(),
            created,
            messages: VecDeque::new(),
            last_server_seq: 0,
            reads,
            is_duty: false,
            is_customer: false,
            folders: Vec::new(),
        });
        idx
    }

    /// The account and the team: names, the phones they log in with, the lead first.
    fn add_team(&mut self, rng: &mut Rng) {
        let s = self.scenario.clone();
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
            me.phone = digits(&a.phone);
        }
        for (i, c) in s.duty_group.staff.iter().enumerate() {
            let (f, l) = split_name(&c.name);
            let id = STAFF_BASE + i as i64;
            self.add_user(id, f, l, Role::Staff, self.now - rng.range(0, 3600));
            let phone = digits(&s.duty_group.phone_of(i));
            if let Some(u) = self.users.last_mut() {
                u.phone = phone;
                u.is_lead = i == 0;
            }
            self.staff.push(id);
        }
    }

    /// The duty group: the lead owns it; the account and colleagues are administrators or
    /// members as the scenario says, with their custom titles.
    fn add_duty_group(&mut self, created: i64) {
        let s = self.scenario.clone();
        let mut members = vec![ME];
        members.extend(&self.staff);
        let lead = self.staff[0];
        let idx = self.add_chat(
            supergroup_chat_id(SUPERGROUP_BASE),
            ChatKind::Supergroup {
                supergroup_id: SUPERGROUP_BASE,
                is_channel: false,
            },
            s.duty_group.title.clone(),
            members,
            lead,
            created,
        );
        let chat = &mut self.chats[idx];
        chat.is_duty = true;
        if s.account.admin {
            chat.admins.push(ME);
        }
        if !s.account.title.is_empty() {
            chat.titles.push((ME, s.account.title.clone()));
        }
        for (i, c) in s.duty_group.staff.iter().enumerate() {
            let id = self.staff[i];
            if i > 0 && s.duty_group.is_admin(i) {
                chat.admins.push(id);
            }
            if !c.title.is_empty() {
                chat.titles.push((id, c.title.clone()));
            }
        }
        self.duty_chat = idx;
    }

    fn populate(&mut self, rng: &mut Rng) {
        let s = self.scenario.clone();
        let created = self.now - 90 * 86_400;
        self.add_team(rng);
        self.add_duty_group(created);
        self.pin_team_settings(created);
        let lead = self.staff[0];

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
            let mut colleagues = Vec::new();
            for k in 0..c.staff_per_group as usize {
                colleagues.push(self.staff[(i + k) % self.staff.len()]);
            }
            members.extend(&colleagues);
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
            // Colleagues administer the customer groups the account owns.
            self.chats[idx].admins = colleagues;
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
            self.chats[idx].admins.push(ME);
            self.channel_chat = Some(idx);
        }
        self.add_folders();
    }

    fn add_folders(&mut self) {
        let s = self.scenario.clone();
        for f in &s.folders {
            self.folders.push(Folder {
                id: f.id,
                title: f.title.clone(),
                icon: f.icon.clone(),
            });
            for chat in self.chats.iter_mut() {
                let private = !chat.is_group();
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
    /// message is a customer's stay unread for every account in them.
    fn write_history(&mut self, rng: &mut Rng, traffic: &mut Rng) {
        let customer_chats = self.chats.iter().filter(|c| c.is_customer).count();
        for idx in 0..self.chats.len() {
            self.write_chat_history(idx, rng, traffic, customer_chats);
            self.settle_history_reads(idx);
        }
    }

    fn write_chat_history(
        &mut self,
        idx: usize,
        rng: &mut Rng,
        traffic: &mut Rng,
        customer_chats: usize,
    ) {
        let s = self.scenario.clone();
        let span = s.history.span_hours as i64 * 3600;
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
        let chat = &self.chats[idx];
        let (staff, customers): (Vec<UserId>, Vec<UserId>) =
            chat.members.iter().partition(|u| self.is_staff(**u));
        let mut entries: Vec<(i64, Sender, String)> = Vec::with_capacity(dates.len());
        for (k, &date) in dates.iter().enumerate() {
            let chat = &self.chats[idx];
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
            entries.push((date, sender, text));
        }
        // The traffic's days before (and among) them, ending at the chat's last message, so
        // how the chat stands at the start stays the history's.
        if s.history.traffic_days > 0 && self.chats[idx].is_customer {
            let end = dates.last().copied().unwrap_or(self.now - 60);
            let start = self.now - i64::from(s.history.traffic_days) * 86_400;
            let talk = traffic_history::Talk {
                staff: &staff,
                customers: &customers,
                traffic: &s.traffic,
                chats: customer_chats,
            };
            entries.extend(talk.between(start, end, traffic));
            // By date (the traffic's end before the history's last message).
            entries.sort_by_key(|e| e.0);
        }
        for (date, sender, text) in entries {
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
                reply_to: None,
                sending: Sending::Sent,
                pinned: false,
                forward: None,
            });
        }
    }

    /// Every account has read up to the team's last word; the rest is unread.
    fn settle_history_reads(&mut self, idx: usize) {
        let chat = &self.chats[idx];
        let last_staff = chat
            .messages
            .iter()
            .rev()
            .find(|m| match m.sender {
                Sender::User(u) => u == ME || (STAFF_BASE..CUSTOMER_BASE).contains(&u),
                Sender::Chat(_) => true,
            })
            .map_or(0, |m| m.id);
        let last = chat.messages.back().map_or(0, |m| m.id);
        let reads: Vec<(UserId, ChatRead)> = chat
            .reads
            .iter()
            .map(|(u, _)| {
                let own = |m: &&Message| m.sender == Sender::User(*u);
                let read = ChatRead {
                    last_read_inbox: last_staff,
                    last_read_outbox: last,
                    unread_count: chat
                        .messages
                        .iter()
                        .filter(|m| m.id > last_staff && !own(m))
                        .count() as i32,
                    mentions: Vec::new(),
                    marked_unread: false,
                    last_sent: chat.messages.iter().rev().find(own).map_or(0, |m| m.id),
                };
                (*u, read)
            })
            .collect();
        self.chats[idx].reads = reads;
    }
}
