//! What flows into the core: identifiers and the events src/telegram/ translates TDLib
//! updates into. Plain data, no TDLib types, so the core can be driven from tests and benches.

use crate::team::TeamMessage;
use crate::team::roles::MemberStatus;

/// A Telegram chat id (TDLib `chat.id`; for private chats it equals the other user's id).
pub type ChatId = i64;
/// A Telegram user id.
pub type UserId = i64;
/// A TDLib message id. Ids grow with the server order of messages within a chat, which is
/// the order "followed by" refers to; a message still being sent has a temporary id that
/// `Event::MessageIdChanged` later replaces.
pub type MessageId = i64;
/// Unix time in seconds. The core never reads the clock: every time comes from the caller.
pub type UnixTime = i64;

/// The kind of a chat, as far as the desk cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChatKind {
    Private,
    BasicGroup,
    Supergroup,
    /// Broadcast channels are never support chats.
    Channel,
}

/// Who sent a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sender {
    User(UserId),
    /// Sent on behalf of a chat (anonymous group admin, channel).
    Chat(ChatId),
}

/// What a message holds, for the preview line and statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentKind {
    Text,
    Photo,
    Document,
    Voice,
    Sticker,
    Other,
}

/// A message as the desk sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub chat: ChatId,
    pub id: MessageId,
    pub sender: Sender,
    /// The message's own date (when the server accepted it), not when it reached us.
    pub date: UnixTime,
    /// Sent by this account (always counts as staff).
    pub outgoing: bool,
    /// The text or caption, in full (the list shows its first line; stop words are looked
    /// for in all of it; the UI labels media by `content`).
    pub preview: String,
    pub content: ContentKind,
}

/// A Telegram chat folder (TDLib `chatFolderInfo`): what an admin knows it by is its name;
/// chats name it by `id` (`Event::ChatListsChanged`, `SupportRules::folder`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatFolder {
    pub id: i32,
    /// The name as shown (TDLib `chatFolderName.text`, custom emoji as their fallback text).
    pub name: String,
}

/// Something that happened in Telegram, translated by src/telegram/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A chat became known (or its kind/title was re-sent). A new chat starts in the main
    /// list with no folders; send `ChatListsChanged` to say otherwise (e.g. archived chats).
    ChatAdded {
        chat: ChatId,
        kind: ChatKind,
        title: String,
    },
    ChatRenamed {
        chat: ChatId,
        title: String,
    },
    /// The chat's positions changed: whether it is in the main list and which chat folders
    /// (TDLib `chatListFolder.chat_folder_id`) hold it. Chats outside the main list are not shown.
    ChatListsChanged {
        chat: ChatId,
        in_main_list: bool,
        folders: Vec<i32>,
    },
    /// The account's chat folders, all of them, in Telegram's order (`updateChatFolders`,
    /// sent at login and whenever a folder is added, renamed, reordered or deleted).
    ChatFolders(Vec<ChatFolder>),
    /// The chat is gone (left, deleted); its local marks (pins, stars, notes) stay in the
    /// store and come back if the chat is added again.
    ChatRemoved {
        chat: ChatId,
    },
    /// A new message (TDLib `updateNewMessage`). Counts for statistics; if its `date` is more
    /// than `LATE_AFTER_SECS` before `now` it is marked late. An `outgoing` one is a send in
    /// flight under a temporary id: it clears the wait at once but is only a staff reply
    /// (and logged) once `MessageIdChanged` confirms it; `MessageSendFailed` or deleting it
    /// undoes it. (So this account's messages already on the server, e.g. sent from another
    /// device, which TDLib never confirms, are best sent as `HistoryMessage`.) A send that
    /// TDLib still has pending when it delivers it again (a last message, a history page)
    /// comes this way too, so it stays in flight; one no longer in flight is then ignored.
    MessageArrived(Message),
    /// A message already in history (initial sync, `updateChatLastMessage`, loaded history):
    /// updates preview, order and waiting like `MessageArrived`, but is never marked late.
    /// Its statistics are still emitted; the store ignores ones it already holds. A send in
    /// flight re-delivered this way stays in flight.
    HistoryMessage(Message),
    /// A message's new text, in full (in the duty group, what the team fold checks).
    MessageEdited {
        chat: ChatId,
        id: MessageId,
        preview: String,
    },
    MessagesDeleted {
        chat: ChatId,
        ids: Vec<MessageId>,
    },
    /// A sent message's temporary id was replaced by the server's (`updateMessageSendSucceeded`).
    /// `date` is the server's date for it, which may be later than the pending one (a send
    /// queued while offline): statistics use it.
    MessageIdChanged {
        chat: ChatId,
        old: MessageId,
        new: MessageId,
        date: UnixTime,
    },
    /// A send in flight failed (`updateMessageSendFailed`; `id` is its temporary id, the
    /// `old_message_id`): it never reached the customer, so it answers nothing. A retry is a
    /// new `MessageArrived` with a new temporary id.
    MessageSendFailed {
        chat: ChatId,
        id: MessageId,
    },
    ReadInbox {
        chat: ChatId,
        last_read_inbox_message_id: MessageId,
        unread_count: i32,
    },
    MarkedAsUnread {
        chat: ChatId,
        marked: bool,
    },
    /// Members joined or left a chat. Only the configured duty group's members matter: they
    /// are staff. For the duty group, send its full member list once as `added`.
    MembersChanged {
        chat: ChatId,
        added: Vec<UserId>,
        removed: Vec<UserId>,
    },
    UserUpdated {
        user: UserId,
        name: String,
    },
    /// The account's own user id, once authorized. The account is always staff.
    OwnUser {
        user: UserId,
    },
    /// A message carrying the team protocol's machine line (`team::protocol::has_marker`),
    /// new, from history, or the pinned message read again; only server-confirmed ones.
    /// The duty group's are folded into team state; a copy elsewhere is reported, never
    /// applied. (Send it beside the chat's `MessageArrived`/`HistoryMessage`, which keep the
    /// list's preview.) Edits come as `MessageEdited`, whose `preview` is the full text.
    TeamMessage(TeamMessage),
    /// A message was pinned or unpinned (`updateMessageIsPinned`): in the duty group, the
    /// pinned settings message is the team's settings.
    MessagePinned {
        chat: ChatId,
        id: MessageId,
        pinned: bool,
    },
    /// The duty group's members with their standing (`getSupergroupMembers`,
    /// `getChatMember`, `getBasicGroupFullInfo`). `complete`: the whole list, replacing the
    /// one known; otherwise changes. Members are staff (as with `MembersChanged`) and are
    /// who acts in the team; team messages wait until the first list arrives.
    DutyGroupMembers {
        chat: ChatId,
        members: Vec<(UserId, MemberStatus)>,
        complete: bool,
    },
}

/// A message delivered more than this many seconds after its date is "late".
pub const LATE_AFTER_SECS: i64 = 60;

/// A message sender's role in a support chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Customer,
    Staff,
}
