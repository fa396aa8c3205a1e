//! Team state: what the fold of duty-group messages has built (open alarms, assignments,
//! shared notes) and its checkpoint.
//!
//! Every value is a register stamped with the duty-group message that last set it, and a
//! message changes a register only if its id is above the stamp's. Message ids grow with
//! the group's server order, so the state depends only on which messages were folded, not
//! on the order they arrived in: the same message twice changes nothing, and a page of
//! history folded after live updates (or a checkpoint plus the history after it) gives the
//! state a full replay gives.
//!
//! Stop-word alarms come from customer chats, not from the group, so their ids are not
//! comparable with the group's: a clear removes a stop-word alarm whose message is dated at
//! or before the clear, and a stop word in a message dated at or before the latest clear
//! raises nothing (Telegram dates both, on the same clock).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::protocol::Action;
use super::roles::MemberStatus;
use crate::hash::IdMap;
use crate::model::{ChatId, MessageId, UnixTime, UserId};

/// The duty-group message that set a value: its id, its sender, its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub message: MessageId,
    pub by: UserId,
    pub at: UnixTime,
}

/// An alarm a member raised through the duty group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamAlarm {
    pub stamp: Stamp,
    /// The customer message it points at, if any.
    pub about: Option<MessageId>,
    pub reason: Option<String>,
}

/// An alarm a customer's stop word raised on this client (and, from the same message, on
/// every other).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopAlarm {
    /// The stop word as the team wrote it.
    pub word: String,
    /// The customer message, in the customer chat.
    pub message: MessageId,
    pub at: UnixTime,
}

/// One chat's alarms.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AlarmSlot {
    pub raised: Option<TeamAlarm>,
    /// The latest raise or clear folded: older ones change nothing.
    pub last: Option<MessageId>,
    /// The date of the latest clear: stop words dated up to it are cleared.
    pub cleared_until: Option<UnixTime>,
    pub stop: Option<StopAlarm>,
}

impl AlarmSlot {
    pub fn is_raised(&self) -> bool {
        self.raised.is_some() || self.stop.is_some()
    }
}

/// A value some member set, or cleared (`value: None`), with the message that did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register<T> {
    pub value: Option<T>,
    pub stamp: Stamp,
}

/// The folded state (its public form is the `TeamCheckpoint`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TeamState {
    pub alarms: IdMap<ChatId, AlarmSlot>,
    pub assignments: IdMap<ChatId, Register<UserId>>,
    pub notes: IdMap<ChatId, Register<String>>,
    /// The highest duty-group message id folded: a client catches up from the history
    /// after it.
    pub last_message: Option<MessageId>,
}

impl TeamState {
    /// Applies a permitted action (settings are not state). Returns whether anything
    /// changed.
    pub fn apply(&mut self, action: &Action, stamp: Stamp) -> bool {
        match action {
            Action::RaiseAlarm {
                chat,
                message,
                reason,
            } => {
                let slot = self.alarms.entry(*chat).or_default();
                if slot.last.is_some_and(|l| l >= stamp.message) {
                    return false;
                }
                slot.last = Some(stamp.message);
                slot.raised = Some(TeamAlarm {
                    stamp,
                    about: *message,
                    reason: reason.clone(),
                });
                true
            }
            Action::ClearAlarm { chat } => self.clear_alarm(*chat, stamp),
            Action::Take { chat } => set(&mut self.assignments, *chat, Some(stamp.by), stamp),
            Action::Assign { chat, user } => set(&mut self.assignments, *chat, Some(*user), stamp),
            Action::Release { chat } => set(&mut self.assignments, *chat, None, stamp),
            Action::SetNote { chat, text } => {
                set(&mut self.notes, *chat, Some(text.clone()), stamp)
            }
            Action::ClearNote { chat } => set(&mut self.notes, *chat, None, stamp),
            Action::PublishSettings { .. } => false,
        }
    }

    fn clear_alarm(&mut self, chat: ChatId, stamp: Stamp) -> bool {
        let slot = self.alarms.entry(chat).or_default();
        let before = slot.clone();
        // By date, whatever the order the clears came in (see the module docs).
        let until = slot.cleared_until.map_or(stamp.at, |u| u.max(stamp.at));
        slot.cleared_until = Some(until);
        if slot.stop.as_ref().is_some_and(|s| s.at <= until) {
            slot.stop = None;
        }
        if slot.last.is_none_or(|l| l < stamp.message) {
            slot.last = Some(stamp.message);
            slot.raised = None;
        }
        *slot != before
    }

    /// A customer's message matched a stop word. Returns whether it raised an alarm: not if
    /// a clear dated at or after it was folded, nor if a stop word already holds the chat
    /// (the first keeps it until cleared).
    pub fn stop_word(&mut self, chat: ChatId, hit: StopAlarm) -> bool {
        let slot = self.alarms.entry(chat).or_default();
        if slot.cleared_until.is_some_and(|u| hit.at <= u) || slot.stop.is_some() {
            return false;
        }
        slot.stop = Some(hit);
        true
    }

    pub fn assignee(&self, chat: ChatId) -> Option<UserId> {
        self.assignments.get(&chat).and_then(|r| r.value)
    }
}

/// Sets a register if `stamp` is newer than its own. Returns whether the value or stamp
/// changed.
fn set<T: PartialEq>(
    map: &mut IdMap<ChatId, Register<T>>,
    chat: ChatId,
    value: Option<T>,
    stamp: Stamp,
) -> bool {
    match map.get_mut(&chat) {
        Some(r) if r.stamp.message >= stamp.message => false,
        Some(r) => {
            *r = Register { value, stamp };
            true
        }
        None => {
            map.insert(chat, Register { value, stamp });
            true
        }
    }
}

/// The settings document in force and the message that carried it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsSource {
    pub message: MessageId,
    pub document: String,
}

/// What a client keeps to rebuild team state without reading the whole duty group again:
/// the state, the settings in force, the members as last known, and the last message
/// folded. Rebuild with `Desk::restore_team` and then fold the group's history after
/// `last_message`. Serializable (the store keeps it as JSON); entries sorted by id, so the
/// same state always writes the same text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCheckpoint {
    /// This format's version.
    pub format: u32,
    /// The duty group it belongs to: a checkpoint of another group is refused.
    pub group: ChatId,
    pub last_message: Option<MessageId>,
    pub alarms: Vec<(ChatId, AlarmSlot)>,
    pub assignments: Vec<(ChatId, Register<UserId>)>,
    pub notes: Vec<(ChatId, Register<String>)>,
    pub settings: Option<SettingsSource>,
    pub members: Vec<(UserId, MemberStatus)>,
}

pub const CHECKPOINT_FORMAT: u32 = 1;

pub(crate) fn sorted<V: Clone>(map: &IdMap<ChatId, V>) -> Vec<(ChatId, V)> {
    let sorted: BTreeMap<ChatId, V> = map.iter().map(|(k, v)| (*k, v.clone())).collect();
    sorted.into_iter().collect()
}
