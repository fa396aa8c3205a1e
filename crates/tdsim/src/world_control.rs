//! The test, demo and trainer handle to a world: move the virtual clock, make any member
//! write, forward, edit, delete, pin; change the world's shape; see the team and who is logged
//! in as whom. Everything done here reaches every client in the chat concerned, as if it came
//! from Telegram.

use std::fmt;
use std::sync::{Arc, Mutex};

use crate::delivery::Draft;
use crate::hub::{hub, lock};
use crate::model::*;
use crate::world::{ME, World, WorldId};

#[derive(Clone)]
pub struct WorldControl {
    id: WorldId,
    world: Arc<Mutex<World>>,
}

/// What the world holds, by id, for tests to address.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The scenario's account.
    pub me: i64,
    pub duty_group_chat_id: i64,
    /// Staff colleagues (not the account itself); the first is the team lead.
    pub staff: Vec<i64>,
    pub lead: i64,
    pub customer_chats: Vec<CustomerChat>,
    pub channel_chat_id: Option<i64>,
    /// Chat folders: id and title.
    pub folders: Vec<(i32, String)>,
    /// Everyone who can log in: the account first, then the colleagues.
    pub team: Vec<TeamMember>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CustomerChat {
    pub chat_id: i64,
    pub title: String,
    pub is_private: bool,
    pub customers: Vec<i64>,
    /// Staff colleagues who are members of this chat.
    pub staff: Vec<i64>,
}

/// Someone who can log in, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamMember {
    pub user_id: i64,
    pub name: String,
    /// The phone number that logs a client in as this member (digits, with a leading +).
    pub phone: String,
    pub is_lead: bool,
    /// Administrator (or owner) of the duty group.
    pub is_admin: bool,
    /// Custom title in the duty group.
    pub title: String,
}

/// A client of the world: who it is logged in as and how it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionInfo {
    pub client_id: i32,
    /// The member it is (or is logging in as); None before it gave a phone number.
    pub user_id: Option<i64>,
    /// TDLib's name of its authorization state, e.g. "authorizationStateReady".
    pub auth_state: &'static str,
    /// TDLib's name of its connection state, e.g. "connectionStateReady".
    pub connection_state: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlError {
    UnknownChat(i64),
    UnknownUser(i64),
    NotAMember {
        chat_id: i64,
        user_id: i64,
    },
    UnknownMessage {
        chat_id: i64,
        message_id: i64,
    },
    UnknownFolder(i32),
    /// Nobody who can log in is in that chat (the account left it), so nothing written there
    /// reaches anyone.
    AccountNotInChat(i64),
    /// Telegram refuses the action to this member, with TDLib's message.
    NotAllowed {
        chat_id: i64,
        user_id: i64,
        reason: String,
    },
}

impl fmt::Display for ControlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ControlError::UnknownChat(id) => write!(f, "no chat {id} in this world"),
            ControlError::UnknownUser(id) => write!(f, "no user {id} in this world"),
            ControlError::NotAMember { chat_id, user_id } => {
                write!(f, "user {user_id} is not a member of chat {chat_id}")
            }
            ControlError::UnknownMessage {
                chat_id,
                message_id,
            } => write!(f, "no message {message_id} in chat {chat_id}"),
            ControlError::UnknownFolder(id) => write!(f, "no chat folder {id} in this world"),
            ControlError::AccountNotInChat(id) => {
                write!(f, "nobody who can log in is in chat {id}")
            }
            ControlError::NotAllowed {
                chat_id,
                user_id,
                reason,
            } => write!(f, "user {user_id} in chat {chat_id}: {reason}"),
        }
    }
}

impl std::error::Error for ControlError {}

fn chat(w: &World, chat_id: i64) -> Result<usize, ControlError> {
    w.chat_idx(chat_id)
        .ok_or(ControlError::UnknownChat(chat_id))
}

/// The chat, if `user_id` is a member and someone who can log in is too.
fn member_of(w: &World, chat_id: i64, user_id: i64) -> Result<usize, ControlError> {
    let idx = chat(w, chat_id)?;
    if w.user(user_id).is_none() {
        return Err(ControlError::UnknownUser(user_id));
    }
    if w.chats[idx].reads.is_empty() {
        return Err(ControlError::AccountNotInChat(chat_id));
    }
    if !w.chats[idx].is_member(user_id) {
        return Err(ControlError::NotAMember { chat_id, user_id });
    }
    Ok(idx)
}

fn unknown_message(chat_id: i64, message_id: i64) -> ControlError {
    ControlError::UnknownMessage {
        chat_id,
        message_id,
    }
}

impl WorldControl {
    pub(crate) fn new(id: WorldId, world: Arc<Mutex<World>>) -> Self {
        WorldControl { id, world }
    }

    /// Runs `f` on the world and moves every client's output to the receive queue.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let mut w = lock(&self.world);
        let r = f(&mut w);
        hub().flush(&mut w);
        r
    }

    pub(crate) fn shared(&self) -> &Arc<Mutex<World>> {
        &self.world
    }

    pub fn id(&self) -> WorldId {
        self.id
    }

    /// A new client of this world (it logs in as whoever owns the phone number it gives).
    pub fn create_client(&self) -> i32 {
        hub().join(&self.world)
    }

    /// The virtual time, unix seconds.
    pub fn now(&self) -> i64 {
        lock(&self.world).now
    }

    /// Moves the virtual clock forward, running the scenario's events due meanwhile in order,
    /// then reports the new time (updateOption unix_time) to every client.
    pub fn advance(&self, seconds: i64) {
        self.with(|w| {
            let target = w.now.saturating_add(seconds.max(0));
            w.base_virtual += seconds.max(0) as f64;
            w.advance_to(target);
        })
    }

    /// Changes the clock's speed (0.0 = manual; > 0 = virtual seconds per wall second),
    /// e.g. to pause the demo floor or to fast-forward a training session.
    pub fn set_speed(&self, speed: f64) {
        let mut w = lock(&self.world);
        if w.speed > 0.0 {
            let target = w.base_virtual + w.base_instant.elapsed().as_secs_f64() * w.speed;
            w.advance_to(target.floor() as i64);
        }
        w.speed = if speed.is_finite() {
            speed.max(0.0)
        } else {
            0.0
        };
        w.base_virtual = w.now as f64;
        w.base_instant = std::time::Instant::now();
        crate::hub::start_clock(&self.world, &mut w);
        hub().flush(&mut w);
    }

    pub fn speed(&self) -> f64 {
        lock(&self.world).speed
    }

    pub fn layout(&self) -> Layout {
        let w = lock(&self.world);
        let customer_chats = w
            .chats
            .iter()
            .filter(|c| c.is_customer)
            .map(|c| CustomerChat {
                chat_id: c.id,
                title: c.title.clone(),
                is_private: !c.is_group(),
                customers: c
                    .members
                    .iter()
                    .copied()
                    .filter(|u| !w.is_staff(*u))
                    .collect(),
                staff: c
                    .members
                    .iter()
                    .copied()
                    .filter(|u| w.staff.contains(u))
                    .collect(),
            })
            .collect();
        Layout {
            me: ME,
            duty_group_chat_id: w.chats[w.duty_chat].id,
            staff: w.staff.clone(),
            lead: w.staff[0],
            customer_chats,
            channel_chat_id: w.channel_chat.map(|i| w.chats[i].id),
            folders: w.folders.iter().map(|f| (f.id, f.title.clone())).collect(),
            team: team(&w),
        }
    }

    /// Every client of the world, in creation order.
    pub fn sessions(&self) -> Vec<SessionInfo> {
        let w = lock(&self.world);
        (0..w.sessions.len())
            .map(|s| SessionInfo {
                client_id: w.sessions[s].client_id,
                user_id: Some(w.sessions[s].user).filter(|u| *u != 0),
                auth_state: w.sessions[s].auth.name(),
                connection_state: w.link_state(s),
            })
            .collect()
    }

    /// `user_id` writes `text` in `chat_id` now; returns the message id. Anyone in the chat
    /// may write, the account and the colleagues too (as from another device).
    pub fn write(&self, chat_id: i64, user_id: i64, text: &str) -> Result<i64, ControlError> {
        self.write_late(chat_id, user_id, text, 0)
    }

    /// As [`WorldControl::write`], but the message is dated `age_seconds` ago: late delivery.
    pub fn write_late(
        &self,
        chat_id: i64,
        user_id: i64,
        text: &str,
        age_seconds: i64,
    ) -> Result<i64, ControlError> {
        self.with(|w| {
            let idx = member_of(w, chat_id, user_id)?;
            let date = w.now - age_seconds.max(0);
            let content = Content::Text(text.to_string());
            Ok(w.incoming(idx, Sender::User(user_id), content, date, None))
        })
    }

    /// `user_id` forwards messages of `from_chat_id` into `chat_id` now; returns the new
    /// messages' ids, in order (messages that can't be forwarded are skipped).
    pub fn forward(
        &self,
        chat_id: i64,
        user_id: i64,
        from_chat_id: i64,
        message_ids: &[i64],
    ) -> Result<Vec<i64>, ControlError> {
        self.with(|w| {
            let idx = member_of(w, chat_id, user_id)?;
            let from = chat(w, from_chat_id)?;
            let copies = crate::send::forwarded(w, from, message_ids, false, false);
            // All or nothing: a message that can't be forwarded fails the call before any post.
            if let Some(k) = copies.iter().position(Option::is_none) {
                return Err(unknown_message(from_chat_id, message_ids[k]));
            }
            let ids = copies
                .into_iter()
                .flatten()
                .map(|(content, forward)| {
                    let mut d = Draft::new(Sender::User(user_id), content, w.now);
                    d.forward = forward;
                    w.post(idx, d, None)
                })
                .collect();
            Ok(ids)
        })
    }

    /// A message edited by its author (any message of the chat).
    pub fn edit(&self, chat_id: i64, message_id: i64, text: &str) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = chat(w, chat_id)?;
            if w.edit_content(idx, message_id, Content::Text(text.to_string())) {
                Ok(())
            } else {
                Err(unknown_message(chat_id, message_id))
            }
        })
    }

    /// Messages deleted by their author or an admin.
    pub fn delete(&self, chat_id: i64, message_ids: &[i64]) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = chat(w, chat_id)?;
            let deleted = w.delete_messages(idx, message_ids);
            match message_ids.iter().find(|id| !deleted.contains(id)) {
                Some(&message_id) => Err(unknown_message(chat_id, message_id)),
                None => Ok(()),
            }
        })
    }

    /// `user_id` pins a message (only the owner and administrators may, in groups).
    pub fn pin(&self, chat_id: i64, user_id: i64, message_id: i64) -> Result<(), ControlError> {
        self.pinning(chat_id, user_id, Some(message_id), true)
    }

    /// `user_id` unpins a message, or (None) every pinned message of the chat.
    pub fn unpin(
        &self,
        chat_id: i64,
        user_id: i64,
        message_id: Option<i64>,
    ) -> Result<(), ControlError> {
        self.pinning(chat_id, user_id, message_id, false)
    }

    fn pinning(
        &self,
        chat_id: i64,
        user_id: i64,
        message_id: Option<i64>,
        pin: bool,
    ) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = member_of(w, chat_id, user_id)?;
            let done = match (pin, message_id) {
                (true, Some(id)) => w.pin(idx, id, user_id),
                (true, None) => Err("Message not found"),
                (false, id) => w.unpin(idx, id, user_id),
            };
            done.map_err(|reason| match reason {
                "Message not found" => unknown_message(chat_id, message_id.unwrap_or(0)),
                _ => ControlError::NotAllowed {
                    chat_id,
                    user_id,
                    reason: reason.to_string(),
                },
            })
        })
    }

    /// Makes a member an administrator of a group with a custom title (Some), or a plain
    /// member (None); their clients hear of their new status.
    pub fn set_admin(
        &self,
        chat_id: i64,
        user_id: i64,
        title: Option<&str>,
    ) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = member_of(w, chat_id, user_id)?;
            w.set_admin(idx, user_id, title);
            Ok(())
        })
    }

    /// A user's privacy setting: hidden, their forwarded messages name them only by name
    /// (messageOriginHiddenUser).
    pub fn set_hides_forwards(&self, user_id: i64, hidden: bool) -> Result<(), ControlError> {
        self.with(|w| {
            let i = *w
                .user_index
                .get(&user_id)
                .ok_or(ControlError::UnknownUser(user_id))?;
            w.users[i].hides_forwards = hidden;
            Ok(())
        })
    }

    /// Whether a proxy (by server and port) answers in this world, with its ping in seconds
    /// (None: it does not, as no proxy does offline). Clients using it connect or stall.
    pub fn set_proxy_reachable(&self, server: &str, port: i32, ping_seconds: Option<f64>) {
        self.with(|w| {
            w.proxy_pings
                .retain(|(s, p, _)| !(s == server && *p == port));
            if let Some(ping) = ping_seconds {
                w.proxy_pings
                    .push((server.to_string(), port, ping.max(0.0)));
            }
            w.relink_all();
        })
    }

    /// The chat's title changes (updateChatTitle).
    pub fn rename_chat(&self, chat_id: i64, title: &str) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = chat(w, chat_id)?;
            let actor = w.chats[idx].owner;
            w.rename_chat(idx, title, actor);
            Ok(())
        })
    }

    /// Puts a chat into one of the account's folders or takes it out
    /// (updateChatAddedToList / updateChatRemovedFromList and the folder position).
    pub fn set_in_folder(
        &self,
        chat_id: i64,
        folder_id: i32,
        included: bool,
    ) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = chat(w, chat_id)?;
            if !w.folders.iter().any(|f| f.id == folder_id) {
                return Err(ControlError::UnknownFolder(folder_id));
            }
            w.set_in_folder(idx, folder_id, included);
            Ok(())
        })
    }

    /// A known user joins a group (messageChatAddMembers, updated member count).
    pub fn add_member(&self, chat_id: i64, user_id: i64) -> Result<(), ControlError> {
        self.membership(chat_id, user_id, true)
    }

    /// A user leaves a group; their clients lose the chat from every list (positions with
    /// order 0). With the account's id (Layout::me) the account leaves.
    pub fn remove_member(&self, chat_id: i64, user_id: i64) -> Result<(), ControlError> {
        self.membership(chat_id, user_id, false)
    }

    fn membership(&self, chat_id: i64, user_id: i64, joined: bool) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = chat(w, chat_id)?;
            if w.user(user_id).is_none() {
                return Err(ControlError::UnknownUser(user_id));
            }
            if !w.chats[idx].is_group() {
                return Err(ControlError::NotAMember { chat_id, user_id });
            }
            let owner = w.chats[idx].owner;
            let actor = if user_id == owner { ME } else { owner };
            w.set_member(idx, user_id, joined, actor);
            Ok(())
        })
    }

    /// `customers` customer messages now, in chats picked as the scenario's traffic picks
    /// them (colleagues may answer some later, as they do): a trainer's burst.
    pub fn burst(&self, customers: usize) {
        self.with(|w| w.burst(customers))
    }

    /// Starts (Some(cap)) or stops (None) keeping every message that reaches a customer
    /// chat, for [`WorldControl::take_posts`]; at most `cap` are kept between two reads
    /// (older ones are dropped first and counted).
    ///
    /// Recording starts with the waits already open: each customer chat's customer
    /// messages since its last staff message, so a reply to a customer who wrote before
    /// the floor opened is counted too.
    pub fn record_posts(&self, cap: Option<usize>) {
        self.with(|w| {
            w.journal = cap.map(crate::journal::Journal::new);
            if w.journal.is_some() {
                w.record_open_waits();
            }
        })
    }

    /// The messages recorded since the last call, in the order they reached the server,
    /// and how many were dropped at the cap meanwhile.
    pub fn take_posts(&self) -> (Vec<crate::Post>, u64) {
        self.with(|w| match &mut w.journal {
            Some(j) => (j.take(), std::mem::take(&mut j.dropped)),
            None => (Vec::new(), 0),
        })
    }

    /// A new customer group with `customers` new customers (or, with `private`, a private chat
    /// with one new customer) appears; returns the chat id and the customers' user ids.
    pub fn add_customer_chat(
        &self,
        title: &str,
        customers: usize,
        private: bool,
    ) -> (i64, Vec<i64>) {
        self.with(|w| w.add_customer_chat(title, customers, private))
    }
}

fn team(w: &World) -> Vec<TeamMember> {
    let duty = &w.chats[w.duty_chat];
    std::iter::once(ME)
        .chain(w.staff.iter().copied())
        .filter_map(|id| {
            let u = w.user(id)?;
            Some(TeamMember {
                user_id: id,
                name: u.full_name(),
                phone: format!("+{}", u.phone),
                is_lead: u.is_lead,
                is_admin: duty.owner == id || duty.admins.contains(&id),
                title: duty.title_of(id).to_string(),
            })
        })
        .collect()
}
