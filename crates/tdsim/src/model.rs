//! The simulated world's data: users, chats, messages. Plain data; the rules live in world.rs.

use std::collections::VecDeque;

pub type UserId = i64;
pub type ChatId = i64;
pub type MessageId = i64;

/// Message ids of server messages are multiples of 2^20, as in TDLib; pending ones are not.
pub const SERVER_ID_STEP: i64 = 1 << 20;

/// Chat ids follow TDLib's conventions, so apps that decode them behave as with the real thing.
pub fn basic_group_chat_id(group_id: i64) -> ChatId {
    -group_id
}

pub fn supergroup_chat_id(supergroup_id: i64) -> ChatId {
    -1_000_000_000_000 - supergroup_id
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Me,
    Staff,
    Customer,
}

#[derive(Clone, Debug)]
pub struct User {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
    pub phone: String,
    pub role: Role,
    pub is_lead: bool,
    pub was_online: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatKind {
    Private {
        user_id: UserId,
    },
    BasicGroup {
        group_id: i64,
    },
    Supergroup {
        supergroup_id: i64,
        is_channel: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    User(UserId),
    Chat(ChatId),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Text(String),
    Photo {
        caption: String,
    },
    Document {
        file_name: String,
        caption: String,
    },
    Voice {
        duration: i32,
        caption: String,
    },
    Sticker {
        emoji: String,
    },
    /// Service messages: members joined, a member left, the title changed.
    MembersAdded(Vec<UserId>),
    MemberLeft(UserId),
    TitleChanged(String),
}

impl Content {
    /// The searchable text: the message text or the media caption.
    pub fn text(&self) -> &str {
        match self {
            Content::Text(t) => t,
            Content::Photo { caption }
            | Content::Document { caption, .. }
            | Content::Voice { caption, .. } => caption,
            Content::Sticker { emoji } => emoji,
            Content::MembersAdded(_) | Content::MemberLeft(_) | Content::TitleChanged(_) => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Sending {
    Sent,
    Pending {
        sending_id: i32,
    },
    Failed {
        code: i32,
        message: String,
        retry_after: f64,
    },
}

#[derive(Clone, Debug)]
pub struct Message {
    pub id: MessageId,
    pub chat_id: ChatId,
    pub sender: Sender,
    pub date: i64,
    pub edit_date: i64,
    pub content: Content,
    pub outgoing: bool,
    pub unread_mention: bool,
    pub reply_to: Option<MessageId>,
    pub sending: Sending,
}

#[derive(Clone, Debug)]
pub struct Chat {
    pub id: ChatId,
    pub kind: ChatKind,
    pub title: String,
    pub members: Vec<UserId>,
    pub owner: UserId,
    pub created: i64,
    /// Ordered by id; old messages are trimmed past a cap so long runs stay bounded.
    pub messages: VecDeque<Message>,
    pub last_server_seq: i64,
    pub last_read_inbox: MessageId,
    pub last_read_outbox: MessageId,
    pub unread_count: i32,
    pub unread_mentions: i32,
    pub marked_unread: bool,
    pub is_duty: bool,
    pub is_customer: bool,
    pub folders: Vec<i32>,
    /// Whether the app has been sent updateNewChat / this chat's positions.
    pub announced: bool,
    pub positioned: bool,
    pub opened: bool,
    /// The account left (or was removed): the chat is in no list and gets no messages.
    pub left: bool,
    /// Whether getChatHistory has answered for this chat before.
    pub history_served: bool,
}

impl Chat {
    pub fn last_message(&self) -> Option<&Message> {
        self.messages.back()
    }

    pub fn message(&self, id: MessageId) -> Option<&Message> {
        let idx = self.messages.binary_search_by_key(&id, |m| m.id).ok()?;
        self.messages.get(idx)
    }

    pub fn message_index(&self, id: MessageId) -> Option<usize> {
        self.messages.binary_search_by_key(&id, |m| m.id).ok()
    }

    /// Main-list order: newer last message first; the chat id breaks ties deterministically.
    pub fn order(&self) -> i64 {
        let date = self.last_message().map_or(self.created, |m| m.date);
        (date << 20) | (self.id.unsigned_abs() as i64 & 0xFFFFF)
    }

    pub fn is_group(&self) -> bool {
        !matches!(self.kind, ChatKind::Private { .. })
    }

    pub fn is_channel(&self) -> bool {
        matches!(
            self.kind,
            ChatKind::Supergroup {
                is_channel: true,
                ..
            }
        )
    }
}

#[derive(Clone, Debug)]
pub struct Folder {
    pub id: i32,
    pub title: String,
    pub icon: String,
}
