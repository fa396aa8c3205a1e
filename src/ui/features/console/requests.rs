//! The console's Telegram requests, as data: what it asks for (open, read, send, search)
//! and the replies, which come back to the console as `Message::Replied`.

use super::Message;
use crate::desk::{ChatId, Message as DeskMessage, MessageId};
use crate::telegram::{Session, TgError};
use crate::ui::effect::{Effects, telegram};
use i18n::t;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// `local` names the placeholder the console shows until TDLib answers.
    SendText {
        chat: ChatId,
        text: String,
        reply_to: Option<MessageId>,
        local: u64,
        link_previews: bool,
    },
    LoadHistory {
        chat: ChatId,
        from: MessageId,
        limit: i32,
    },
    /// The history from the newest message back to `message` and a little before it (the
    /// statistics' drill-down); answered as a first page (`Reply::History` from 0).
    LoadUntil {
        chat: ChatId,
        message: MessageId,
    },
    OpenChat(ChatId),
    CloseChat(ChatId),
    ViewMessages {
        chat: ChatId,
        ids: Vec<MessageId>,
    },
    MarkChatRead(ChatId),
    MarkAllRead,
    SearchChat {
        chat: ChatId,
        query: String,
    },
    SearchAll {
        query: String,
    },
    /// "typing…" in a chat; only with `messages.send_typing` on.
    SendTyping(ChatId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Sent {
        chat: ChatId,
        local: u64,
        result: Result<MessageId, TgError>,
    },
    History {
        chat: ChatId,
        from: MessageId,
        result: Result<Vec<DeskMessage>, TgError>,
    },
    ChatSearch {
        chat: ChatId,
        query: String,
        result: Result<Vec<DeskMessage>, TgError>,
    },
    GlobalSearch {
        query: String,
        result: Result<Vec<DeskMessage>, TgError>,
    },
    /// Requests whose only interesting outcome is an error (the banner).
    Done {
        what: Chore,
        result: Result<(), TgError>,
    },
}

/// A request whose only interesting outcome is an error, by what it was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chore {
    OpenChat,
    CloseChat,
    ViewMessages,
    MarkChatRead,
    SendTyping,
    MarkAllRead,
}

impl Chore {
    /// The banner's words when it failed.
    pub fn failed(self, error: &TgError) -> String {
        let error = error.to_string();
        match self {
            Chore::OpenChat => t!("console-open-chat-failed", error = error),
            Chore::CloseChat => t!("console-close-chat-failed", error = error),
            Chore::ViewMessages => t!("console-view-messages-failed", error = error),
            Chore::MarkChatRead => t!("console-mark-chat-read-failed", error = error),
            Chore::SendTyping => t!("console-typing-failed", error = error),
            Chore::MarkAllRead => t!("console-mark-all-read-failed", error = error),
        }
    }
}

impl telegram::Request for Request {
    type Reply = Reply;

    async fn perform(self, session: Session) -> Reply {
        let done = |what, result| Reply::Done { what, result };
        match self {
            Request::SendText {
                chat,
                text,
                reply_to,
                local,
                link_previews,
            } => {
                let result = session.send_text(chat, text, reply_to, link_previews).await;
                Reply::Sent {
                    chat,
                    local,
                    result,
                }
            }
            Request::LoadHistory { chat, from, limit } => Reply::History {
                chat,
                from,
                result: session.load_history(chat, from, limit).await,
            },
            Request::LoadUntil { chat, message } => Reply::History {
                chat,
                from: 0,
                result: session
                    .load_history_until(chat, message, super::jump::CONTEXT, super::jump::CAP)
                    .await,
            },
            Request::OpenChat(chat) => done(Chore::OpenChat, session.open_chat(chat).await),
            Request::CloseChat(chat) => done(Chore::CloseChat, session.close_chat(chat).await),
            Request::ViewMessages { chat, ids } => {
                done(Chore::ViewMessages, session.view_messages(chat, ids).await)
            }
            Request::MarkChatRead(chat) => {
                done(Chore::MarkChatRead, session.mark_chat_read(chat).await)
            }
            Request::SendTyping(chat) => done(Chore::SendTyping, session.send_typing(chat).await),
            Request::MarkAllRead => done(Chore::MarkAllRead, session.mark_all_read().await),
            Request::SearchChat { chat, query } => {
                let result = session.search_chat(chat, query.clone()).await;
                Reply::ChatSearch {
                    chat,
                    query,
                    result,
                }
            }
            Request::SearchAll { query } => {
                let result = session.search_all(query.clone()).await;
                Reply::GlobalSearch { query, result }
            }
        }
    }
}

/// Asks Telegram for `request`; the reply comes back to the console.
pub(super) fn ask(request: Request) -> Effects<Message> {
    Effects::telegram(request, Message::Replied)
}
