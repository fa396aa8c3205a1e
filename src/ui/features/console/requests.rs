//! The console's Telegram requests, as data: what it asks for (open, read, send, search)
//! and the replies, which come back to the console as `Message::Replied`.

use super::Message;
use crate::desk::{ChatId, Message as DeskMessage, MessageId};
use crate::telegram::{Session, TgError};
use crate::ui::effect::{Effects, telegram};

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
        what: &'static str,
        result: Result<(), TgError>,
    },
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
            Request::OpenChat(chat) => done("Opening the chat", session.open_chat(chat).await),
            Request::CloseChat(chat) => done("Closing the chat", session.close_chat(chat).await),
            Request::ViewMessages { chat, ids } => done(
                "Marking messages read",
                session.view_messages(chat, ids).await,
            ),
            Request::MarkChatRead(chat) => {
                done("Marking the chat read", session.mark_chat_read(chat).await)
            }
            Request::SendTyping(chat) => done("Sending typing", session.send_typing(chat).await),
            Request::MarkAllRead => done("Marking all read", session.mark_all_read().await),
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
