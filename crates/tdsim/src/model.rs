//! The shared world's data: users, chats, messages, and each account's read state in a chat.
//! Plain data; the rules that change it live in delivery.rs, reading.rs and changes.rs.

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
    /// The scenario's account.
    Me,
    /// A colleague in the duty group; can log in with their phone number too.
    Staff,
    Customer,
}

#[derive(Clone, Debug)]
pub struct User {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub username: String,
    /// Digits only; empty for customers, who never log in.
    pub phone: String,
    pub role: Role,
    pub is_lead: bool,
    pub was_online: i64,
    /// Their privacy setting hides them in forwards (messageOriginHiddenUser).
    pub hides_forwards: bool,
}

impl User {
    pub fn full_name(&self) -> String {
        if self.last_name.is_empty() {
            self.first_name.clone()
        } else {
            format!("{} {}", self.first_name, self.last_name)
        }
    }
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
    /// Service messages: members joined, a member left, the title changed, a message pinned.
    MembersAdded(Vec<UserId>),
    MemberLeft(UserId),
    TitleChanged(String),
    Pinned(MessageId),
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
            _ => "",
        }
    }

    pub fn is_service(&self) -> bool {
        matches!(
            self,
            Content::MembersAdded(_)
                | Content::MemberLeft(_)
                | Content::TitleChanged(_)
                | Content::Pinned(_)
        )
    }

    /// The content without its caption (forwardMessages' remove_caption).
    pub fn without_caption(&self) -> Content {
        let mut c = self.clone();
        match &mut c {
            Content::Photo { caption }
            | Content::Document { caption, .. }
            | Content::Voice { caption, .. } => caption.clear(),
            _ => {}
        }
        c
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

/// Where a forwarded message first came from (messageOrigin* in TDLib 1.8.61).
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    User(UserId),
    HiddenUser(String),
    Chat {
        chat_id: ChatId,
        signature: String,
    },
    Channel {
        chat_id: ChatId,
        message_id: MessageId,
        signature: String,
    },
}

/// A forwarded message's origin and its original date.
#[derive(Clone, Debug, PartialEq)]
pub struct Forward {
    pub origin: Origin,
    pub date: i64,
}

#[derive(Clone, Debug)]
pub struct Message {
    pub id: MessageId,
    pub chat_id: ChatId,
    pub sender: Sender,
    pub date: i64,
    pub edit_date: i64,
    pub content: Content,
    pub reply_to: Option<MessageId>,
    pub sending: Sending,
    pub pinned: bool,
    pub forward: Option<Forward>,
}

/// One account's read state in one chat: what Telegram keeps per account, so every device
/// (client) logged in as that account sees the same counters.
#[derive(Clone, Debug, Default)]
pub struct ChatRead {
    pub last_read_inbox: MessageId,
    pub last_read_outbox: MessageId,
    pub unread_count: i32,
    /// Unread messages that mention this account, ascending.
    pub mentions: Vec<MessageId>,
    pub marked_unread: bool,
    /// The account's own newest message here: what a customer's reply marks read.
    pub last_sent: MessageId,
}

/// The read state of a chat for someone who has none (not a member, or not an account).
pub static NO_READ: ChatRead = ChatRead {
    last_read_inbox: 0,
    last_read_outbox: 0,
    unread_count: 0,
    mentions: Vec::new(),
    marked_unread: false,
    last_sent: 0,
};

#[derive(Clone, Debug)]
pub struct Chat {
    pub id: ChatId,
    pub kind: ChatKind,
    pub title: String,
    pub members: Vec<UserId>,
    pub owner: UserId,
    /// Members with administrator rights (besides the owner).
    pub admins: Vec<UserId>,
    /// Custom titles of the owner and administrators.
    pub titles: Vec<(UserId, String)>,
    pub created: i64,
    /// Ordered by id; old messages are trimmed past a cap so long runs stay bounded.
    pub messages: VecDeque<Message>,
    pub last_server_seq: i64,
    /// Read state of each member who can log in (the account and colleagues).
    pub reads: Vec<(UserId, ChatRead)>,
    pub is_duty: bool,
    pub is_customer: bool,
    /// The account's chat folders holding this chat (colleagues have no folders).
    pub folders: Vec<i32>,
}

impl Chat {
    pub fn last_message(&self) -> Option<&Message> {
        self.messages.back()
    }

    pub fn message(&self, id: MessageId) -> Option<&Message> {
        self.messages.get(self.message_index(id)?)
    }

    pub fn message_index(&self, id: MessageId) -> Option<usize> {
        // The message just posted is the one most often looked up.
        match self.messages.back() {
            Some(last) if last.id == id => Some(self.messages.len() - 1),
            _ => self.messages.binary_search_by_key(&id, |m| m.id).ok(),
        }
    }

    pub fn is_member(&self, user: UserId) -> bool {
        self.members.contains(&user)
    }

    pub fn read(&self, user: UserId) -> &ChatRead {
        self.reads
            .iter()
            .find(|(u, _)| *u == user)
            .map_or(&NO_READ, |(_, r)| r)
    }

    pub fn read_mut(&mut self, user: UserId) -> Option<&mut ChatRead> {
        self.reads
            .iter_mut()
            .find(|(u, _)| *u == user)
            .map(|(_, r)| r)
    }

    pub fn title_of(&self, user: UserId) -> &str {
        self.titles
            .iter()
            .find(|(u, _)| *u == user)
            .map_or("", |(_, t)| t.as_str())
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

    pub fn newest_pinned(&self) -> Option<&Message> {
        self.messages.iter().rev().find(|m| m.pinned)
    }
}

/// Main-list order: newer last message first; the chat id breaks ties deterministically.
pub fn order(date: i64, chat_id: ChatId) -> i64 {
    (date << 20) | (chat_id.unsigned_abs() as i64 & 0xFFFFF)
}

#[derive(Clone, Debug)]
pub struct Folder {
    pub id: i32,
    pub title: String,
    pub icon: String,
}
