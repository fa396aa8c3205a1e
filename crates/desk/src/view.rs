//! What flows out of the core: list rows, counters, notifications, statistics events and
//! the local marks the store keeps.

use super::model::{ChatId, ChatKind, ContentKind, MessageId, Role, Sender, UnixTime};
use super::team::{AlarmView, Assignee};
use super::toolkit::tags::{TagId, TagSet};
use super::toolkit::{RowReminder, ToolkitChange, ToolkitLocal};

/// A chat's state on the duty desk, by urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Nothing to answer (or not a support chat).
    Normal,
    /// A customer is waiting, for less than `red_after`.
    Waiting,
    /// Waiting for `red_after` or more.
    Red,
    /// Waiting for `breach_after` or more: the SLA is broken.
    Breach,
    /// An alarm is raised on the chat (shown above everything but pins).
    Alarm,
}

/// Which chats the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Filter {
    /// Every chat in the main list (only support chats when `Settings::support_only`).
    #[default]
    All,
    Support,
    /// Support chats with a customer waiting.
    Waiting,
    Starred,
    /// Chats the team assigned to this account.
    Mine,
}

/// A filter plus an optional case-insensitive title substring and an optional tag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilter {
    pub filter: Filter,
    /// Empty means no title filter.
    pub title: String,
    /// Only chats carrying this tag (an index in `Desk::toolkit().tags`).
    pub tag: Option<TagId>,
}

impl ListFilter {
    pub fn new(filter: Filter) -> Self {
        Self {
            filter,
            title: String::new(),
            tag: None,
        }
    }

    pub fn with_title(filter: Filter, title: impl Into<String>) -> Self {
        Self {
            filter,
            title: title.into(),
            tag: None,
        }
    }

    /// Only chats carrying `tag`.
    pub fn with_tag(mut self, tag: Option<TagId>) -> Self {
        self.tag = tag;
        self
    }

    /// Whether the list needs a scan (a title or a tag; see `Desk::rows`).
    pub(crate) fn scans(&self) -> bool {
        !self.title.is_empty() || self.tag.is_some()
    }
}

impl From<Filter> for ListFilter {
    fn from(filter: Filter) -> Self {
        Self::new(filter)
    }
}

/// Everything one line of the chat list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    pub chat: ChatId,
    pub kind: ChatKind,
    pub title: String,
    /// Preview of the last message (empty if none is known).
    pub preview: String,
    pub preview_content: Option<ContentKind>,
    /// Date of the last message.
    pub last_date: Option<UnixTime>,
    pub status: Status,
    /// Date of the oldest unanswered customer message.
    pub waiting_since: Option<UnixTime>,
    /// `now - waiting_since`, in seconds, as of the desk's latest time.
    pub waiting_secs: Option<i64>,
    /// The waiting message was delivered late (counted from its own date).
    pub late: bool,
    pub unread_count: i32,
    /// Unread: `unread_count > 0` or marked as unread.
    pub unread: bool,
    pub pinned: bool,
    pub starred: bool,
    /// Any alarm, the team's or this client's own: the row sits in the alarm band.
    pub alarm: bool,
    /// The team's alarm: who raised it, when, why (or which stop word).
    pub team_alarm: Option<AlarmView>,
    /// An alarm raised on this client only (without a duty group).
    pub local_alarm: bool,
    /// Who the team assigned the chat to.
    pub assignee: Option<Assignee>,
    pub support: bool,
    /// This admin's private note.
    pub has_note: bool,
    /// The team's shared note.
    pub has_shared_note: bool,
    /// The chat's tags (indices into `Desk::toolkit().tags`; `Desk::tag_chips` names
    /// them): a word, so a row with tags costs no allocation.
    pub tags: TagSet,
    /// An alerts chat (above the rest, its own unread count, no SLA).
    pub alerts: bool,
    pub reminder: Option<RowReminder>,
}

/// Header counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counters {
    /// Support chats in the main list.
    pub support_chats: usize,
    /// Support chats with a customer waiting (any of Waiting, Red, Breach).
    pub waiting: usize,
    /// Waiting for `red_after` or more (Red or Breach).
    pub red: usize,
    pub breach: usize,
    pub alarms: usize,
    /// Chats (not messages) with anything unread, alerts chats aside.
    pub unread_chats: usize,
    /// Alerts chats with anything unread.
    pub alerts_unread: usize,
    /// Chats whose reminder fired and that were not opened since.
    pub reminders_due: usize,
}

/// A change the UI may want to announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transition {
    /// A new customer message in a support chat (not for history messages).
    CustomerMessage {
        chat: ChatId,
        message: MessageId,
    },
    TurnedRed {
        chat: ChatId,
    },
    Breached {
        chat: ChatId,
    },
    /// A reminder the admin set on the chat fired.
    ReminderDue {
        chat: ChatId,
    },
}

/// One statistics record for the store's event log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatEvent {
    /// A message in a support chat.
    Message {
        chat: ChatId,
        message: MessageId,
        role: Role,
        date: UnixTime,
    },
    /// The first staff reply to a waiting customer.
    FirstReply {
        chat: ChatId,
        message: MessageId,
        date: UnixTime,
        waited_secs: i64,
        responder: Sender,
    },
    /// A message logged under a temporary id was confirmed: its rows move to the server's
    /// id and `date`, the server's (a first reply's wait moves with it).
    MessageIdChanged {
        chat: ChatId,
        old: MessageId,
        new: MessageId,
        date: UnixTime,
    },
    /// A message logged under a temporary id failed to send after all: its rows go.
    NotSent { chat: ChatId, message: MessageId },
}

/// A per-chat override of the support rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SupportFlag {
    /// Always a support chat (unless it is the duty group).
    Include,
    /// Never a support chat.
    Exclude,
}

/// A local mark that changed and should be persisted (see `Desk::drain_local_changes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalChange {
    /// The full pin order, first to last.
    Pins(Vec<ChatId>),
    Star {
        chat: ChatId,
        starred: bool,
    },
    /// An empty note deletes it.
    Note {
        chat: ChatId,
        text: String,
    },
    SupportFlag {
        chat: ChatId,
        flag: Option<SupportFlag>,
    },
    /// "No reply needed": customer messages up to this id are dismissed.
    Dismissed {
        chat: ChatId,
        up_to: MessageId,
    },
    /// An alarm this admin raised (true) or cleared (false) here.
    Alarm {
        chat: ChatId,
        raised: bool,
    },
    /// Tags, tiers, alerts chats, reminders.
    Toolkit(ToolkitChange),
}

/// The local marks as loaded from the store at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LocalState {
    /// Pinned chats, first to last.
    pub pins: Vec<ChatId>,
    pub stars: Vec<ChatId>,
    pub notes: Vec<(ChatId, String)>,
    pub support_flags: Vec<(ChatId, SupportFlag)>,
    pub dismissed: Vec<(ChatId, MessageId)>,
    /// Chats with an alarm raised here.
    pub alarms: Vec<ChatId>,
    pub toolkit: ToolkitLocal,
}
