//! The test and demo handle to one world: move the virtual clock, make people write, inject
//! faults, and read this client's own output.

use std::fmt;
use std::sync::{Arc, Mutex};

use crate::hub::{hub, lock};
use crate::model::*;
use crate::world::{Failure, ME, World};

#[derive(Clone)]
pub struct Control {
    client_id: i32,
    world: Arc<Mutex<World>>,
}

/// What the world holds, by id, for tests to address.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub me: i64,
    pub duty_group_chat_id: i64,
    /// Staff colleagues (not the account itself); the first is the team lead.
    pub staff: Vec<i64>,
    pub lead: i64,
    pub customer_chats: Vec<CustomerChat>,
    pub channel_chat_id: Option<i64>,
    /// Chat folders: id and title.
    pub folders: Vec<(i32, String)>,
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
    /// The account is not in that chat (it left), so nothing written there reaches it.
    AccountNotInChat(i64),
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
            ControlError::AccountNotInChat(id) => write!(f, "the account is not in chat {id}"),
        }
    }
}

impl std::error::Error for ControlError {}

impl Control {
    pub(crate) fn new(client_id: i32, world: Arc<Mutex<World>>) -> Self {
        Control { client_id, world }
    }

    /// Runs `f` on the world and moves its output to the receive queue.
    fn with<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let mut w = lock(&self.world);
        let r = f(&mut w);
        hub().flush(&mut w);
        r
    }

    pub fn client_id(&self) -> i32 {
        self.client_id
    }

    /// The virtual time, unix seconds.
    pub fn now(&self) -> i64 {
        lock(&self.world).now
    }

    /// Moves the virtual clock forward, running the scenario's events due meanwhile in order,
    /// then reports the new time (updateOption unix_time).
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
        }
    }

    fn check(w: &World, chat_id: i64, user_id: i64) -> Result<usize, ControlError> {
        let idx = w
            .chat_idx(chat_id)
            .ok_or(ControlError::UnknownChat(chat_id))?;
        if w.user(user_id).is_none() {
            return Err(ControlError::UnknownUser(user_id));
        }
        if w.chats[idx].left {
            return Err(ControlError::AccountNotInChat(chat_id));
        }
        if !w.chats[idx].members.contains(&user_id) {
            return Err(ControlError::NotAMember { chat_id, user_id });
        }
        Ok(idx)
    }

    /// `user_id` writes `text` in `chat_id` now; returns the message id. The account itself
    /// (Layout::me) may write too, as from another device.
    pub fn write(&self, chat_id: i64, user_id: i64, text: &str) -> Result<i64, ControlError> {
        self.write_late(chat_id, user_id, text, 0)
    }

    /// As [`Control::write`], but the message is dated `age_seconds` ago: late delivery.
    pub fn write_late(
        &self,
        chat_id: i64,
        user_id: i64,
        text: &str,
        age_seconds: i64,
    ) -> Result<i64, ControlError> {
        self.with(|w| {
            let idx = Self::check(w, chat_id, user_id)?;
            let date = w.now - age_seconds.max(0);
            Ok(w.incoming(
                idx,
                Sender::User(user_id),
                Content::Text(text.to_string()),
                date,
                None,
            ))
        })
    }

    /// A message edited by its author (any message of the chat).
    pub fn edit(&self, chat_id: i64, message_id: i64, text: &str) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = w
                .chat_idx(chat_id)
                .ok_or(ControlError::UnknownChat(chat_id))?;
            if w.edit_content(idx, message_id, Content::Text(text.to_string())) {
                Ok(())
            } else {
                Err(ControlError::UnknownMessage {
                    chat_id,
                    message_id,
                })
            }
        })
    }

    /// Messages deleted by their author or an admin.
    pub fn delete(&self, chat_id: i64, message_ids: &[i64]) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = w
                .chat_idx(chat_id)
                .ok_or(ControlError::UnknownChat(chat_id))?;
            let deleted = w.delete_messages(idx, message_ids);
            match message_ids.iter().find(|id| !deleted.contains(id)) {
                Some(&message_id) => Err(ControlError::UnknownMessage {
                    chat_id,
                    message_id,
                }),
                None => Ok(()),
            }
        })
    }

    /// The chat's title changes (updateChatTitle).
    pub fn rename_chat(&self, chat_id: i64, title: &str) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = w
                .chat_idx(chat_id)
                .ok_or(ControlError::UnknownChat(chat_id))?;
            let actor = w.chats[idx].owner;
            w.rename_chat(idx, title, actor);
            Ok(())
        })
    }

    /// Puts a chat into a folder or takes it out (updateChatAddedToList /
    /// updateChatRemovedFromList and the folder position).
    pub fn set_in_folder(
        &self,
        chat_id: i64,
        folder_id: i32,
        included: bool,
    ) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = w
                .chat_idx(chat_id)
                .ok_or(ControlError::UnknownChat(chat_id))?;
            if !w.folders.iter().any(|f| f.id == folder_id) {
                return Err(ControlError::UnknownFolder(folder_id));
            }
            w.set_in_folder(idx, folder_id, included);
            Ok(())
        })
    }

    /// A known user joins a group (updateChatMember, updated member count).
    pub fn add_member(&self, chat_id: i64, user_id: i64) -> Result<(), ControlError> {
        self.membership(chat_id, user_id, true)
    }

    /// A user leaves a group; with the account's own id (Layout::me) the account leaves and
    /// the chat disappears from every list (positions with order 0).
    pub fn remove_member(&self, chat_id: i64, user_id: i64) -> Result<(), ControlError> {
        self.membership(chat_id, user_id, false)
    }

    fn membership(&self, chat_id: i64, user_id: i64, joined: bool) -> Result<(), ControlError> {
        self.with(|w| {
            let idx = w
                .chat_idx(chat_id)
                .ok_or(ControlError::UnknownChat(chat_id))?;
            if w.user(user_id).is_none() {
                return Err(ControlError::UnknownUser(user_id));
            }
            if !w.chats[idx].is_group() {
                return Err(ControlError::NotAMember { chat_id, user_id });
            }
            let actor = if user_id == ME {
                w.chats[idx].owner
            } else {
                ME
            };
            w.set_member(idx, user_id, joined, actor);
            Ok(())
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

    /// The next sendMessage fails with this error (updateMessageSendFailed).
    pub fn fail_next_send(&self, code: i32, message: &str) {
        let message = message.to_string();
        self.with(|w| {
            w.fail_next_send = Some(Failure {
                code,
                message,
                retry_after: 0.0,
            })
        })
    }

    /// The next sendMessage fails with FLOOD_WAIT: 429 "Too Many Requests: retry after N".
    pub fn flood_wait_next_send(&self, seconds: i64) {
        self.with(|w| {
            w.fail_next_send = Some(Failure {
                code: 429,
                message: format!("Too Many Requests: retry after {seconds}"),
                retry_after: seconds as f64,
            })
        })
    }

    /// The connection drops: connectionStateConnecting; messages wait on the server and sends
    /// stay pending until [`Control::restore_connection`].
    pub fn drop_connection(&self) {
        self.with(|w| w.set_online(false))
    }

    /// The connection returns: connectionStateUpdating, the missed messages (with their
    /// original dates), pending sends complete, then connectionStateReady.
    pub fn restore_connection(&self) {
        self.with(|w| w.set_online(true))
    }

    /// Every chat action ("typing…") the client sent: (chat id, action @type).
    pub fn chat_actions(&self) -> Vec<(i64, String)> {
        lock(&self.world).chat_actions.clone()
    }

    pub fn is_online(&self) -> bool {
        lock(&self.world).online
    }

    /// The next object of this client only (others stay queued for [`crate::receive`]).
    pub fn receive(&self, timeout: f64) -> Option<String> {
        hub().receive(Some(self.client_id), timeout)
    }

    /// Everything queued for this client right now.
    pub fn drain(&self) -> Vec<String> {
        std::iter::from_fn(|| self.receive(0.0)).collect()
    }

    /// How many objects (updates and replies) this world has produced so far.
    pub fn objects_emitted(&self) -> u64 {
        lock(&self.world).updates_emitted
    }
}
