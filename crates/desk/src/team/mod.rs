//! The team layer: what travels between admins' clients through the duty group, with no
//! server of ours. In: duty-group messages (`Event::TeamMessage`, edits, pins) and the
//! group's members with their standing (`Event::DutyGroupMembers`); customer messages for
//! stop words. Out: team alarms, assignments and shared notes on the desk's rows, the
//! "Mine" filter and role visibility, the team settings in force, and a `TeamNotice` for
//! every duty-group message the fold refused.
//!
//! - `protocol`: the one module that builds and parses a team action's message.
//! - `state`: the folded registers (alarms, assignments, notes) and the checkpoint.
//! - `fold`: who counts (members, admins for settings, no forwarded copies, no edits that
//!   change meaning) and the settings in force (the newest good pinned document).
//! - `settings`: the team settings document (TOML), errors by line and key.
//! - `roles`: roles, member standing, permissions and visibility.
//! - `stop_words`: whole-word, case-insensitive matching in any script.
//! - `desk`: how all of it reaches the `Desk` (events, rows, filters, queries).

mod desk;
pub(crate) mod fold;
pub mod protocol;
pub mod roles;
pub mod settings;
pub mod state;
pub mod stop_words;

use std::fmt;

use crate::model::{ChatId, MessageId, Sender, UnixTime, UserId};
pub use desk::{AlarmView, Assignee, SharedNote, TeamMember, initials};
pub use protocol::ProtocolError;

/// A message that carries a machine line (`protocol::has_marker`), as the Telegram layer
/// hands it over: new, from history, or the pinned message read again. The desk folds only
/// the duty group's; a copy anywhere else is reported and ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMessage {
    pub chat: ChatId,
    /// A server id (never a send's temporary id: a send counts once the server confirmed it).
    pub id: MessageId,
    pub sender: Sender,
    pub date: UnixTime,
    /// The full text (or caption).
    pub text: String,
    /// A forwarded copy (TDLib `forward_info`): never acted on.
    pub forwarded: bool,
    /// Pinned in its chat (TDLib `is_pinned`): what makes a settings message count.
    pub pinned: bool,
}

/// Why the fold refused a duty-group message (or a copy of one elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// A machine line outside the duty group, e.g. a customer's copy in a support chat.
    OutsideDutyGroup,
    Forwarded,
    /// The sender is not a current member of the duty group.
    NotMember,
    /// Sent on behalf of a chat: no member to hold to it (settings excepted, where the
    /// group itself stands for an anonymous administrator).
    AnonymousSender,
    Malformed(ProtocolError),
    /// A member without the right for this (see `roles`).
    NotAllowed(Refusal),
    /// Assigned to someone who is not a member of the duty group.
    AssigneeNotMember(UserId),
    /// An edit that would change what an action means, or turn a message into one: edits
    /// never change team state (settings excepted).
    Edited,
    /// Arrived before the duty group's members were known, and too many were waiting.
    NoMemberList,
}

/// Which right a member lacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refusal {
    ClearIsForLeads,
    AssignIsForLeadsAndManagers,
    SettingsAreForAdmins,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutsideDutyGroup => write!(f, "a team action outside the duty group"),
            Self::Forwarded => write!(f, "a forwarded copy"),
            Self::NotMember => write!(f, "the sender is not a member of the duty group"),
            Self::AnonymousSender => write!(f, "sent on behalf of a chat, not by a member"),
            Self::Malformed(e) => write!(f, "unreadable machine line: {e}"),
            Self::NotAllowed(Refusal::ClearIsForLeads) => {
                write!(f, "the team settings let only leads clear alarms")
            }
            Self::NotAllowed(Refusal::AssignIsForLeadsAndManagers) => write!(
                f,
                "only leads and account managers assign chats to others or release theirs"
            ),
            Self::NotAllowed(Refusal::SettingsAreForAdmins) => write!(
                f,
                "team settings count only from the group's owner and administrators"
            ),
            Self::AssigneeNotMember(u) => write!(f, "user {u} is not a member of the duty group"),
            Self::Edited => write!(f, "an edit that changes a team action"),
            Self::NoMemberList => write!(f, "the duty group's members are not known yet"),
        }
    }
}

/// A message the fold refused, for the app's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamNotice {
    pub chat: ChatId,
    pub message: MessageId,
    /// Unknown for an edit (Telegram's update does not say).
    pub sender: Option<Sender>,
    pub ignored: Ignored,
}

impl fmt::Display for TeamNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "team message {} in chat {} ignored: {}",
            self.message, self.chat, self.ignored
        )
    }
}

/// A `t.me` link to a message, where Telegram has one: supergroups (by username when the
/// group is public, else the `c/` form members can open). Private chats and basic groups
/// have none.
pub fn message_link(chat: ChatId, message: MessageId, username: Option<&str>) -> Option<String> {
    // Server message ids are the client's shifted left by 20 bits.
    let server_id = message >> 20;
    if server_id <= 0 {
        return None;
    }
    if let Some(name) = username.filter(|n| !n.is_empty()) {
        return Some(format!("https://t.me/{name}/{server_id}"));
    }
    // Supergroup chat ids are -100xxxxxxxxxx; the link uses the x's.
    let internal = chat.checked_neg()?.checked_sub(1_000_000_000_000)?;
    (internal > 0).then(|| format!("https://t.me/c/{internal}/{server_id}"))
}
