//! Telegram requests the screens ask for, as data. `update` turns them into iced tasks;
//! tests run the same `perform` with a blocking executor, so a flow can be driven without
//! the iced runtime.

use crate::desk::{ChatId, Event, Message as DeskMessage, MessageId};
use crate::telegram::{Session, TgError};

/// Messages re-read per waiting chat when staff become known.
const RESYNC_DEPTH: i32 = 20;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    SetPhone(String),
    CheckCode(String),
    CheckPassword(String),
    /// After login: who we are and the whole main list.
    Bootstrap,
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
    DutyMembers(ChatId),
    /// "typing…" in a chat; only with `messages.send_typing` on.
    SendTyping(ChatId),
    /// Re-reads a waiting chat's recent messages after staff became known, so replies
    /// that were taken for a customer's count as staff's.
    Resync(Vec<ChatId>),
    LogOut,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A login step failed: shown inline on the login screen.
    Auth(Result<(), TgError>),
    Me(Result<i64, TgError>),
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
    Members {
        chat: ChatId,
        result: Result<Vec<i64>, TgError>,
    },
    /// Each chat's recent messages as desk events (`translate::redelivered`: a send still
    /// pending stays in flight); chats whose history failed to load are left out.
    Resync(Vec<(ChatId, Vec<Event>)>),
    /// Requests whose only interesting outcome is an error (banner).
    Done {
        what: &'static str,
        result: Result<(), TgError>,
    },
}

pub async fn perform(session: Session, request: Request) -> Reply {
    match request {
        Request::SetPhone(phone) => Reply::Auth(session.set_phone(phone).await),
        Request::CheckCode(code) => Reply::Auth(session.check_code(code).await),
        Request::CheckPassword(password) => Reply::Auth(session.check_password(password).await),
        Request::Bootstrap => {
            let me = session.me().await;
            if let Err(e) = session.load_all_chats().await {
                return Reply::Done {
                    what: "Loading chats",
                    result: Err(e),
                };
            }
            Reply::Me(me)
        }
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
        Request::OpenChat(chat) => Reply::Done {
            what: "Opening the chat",
            result: session.open_chat(chat).await,
        },
        Request::CloseChat(chat) => Reply::Done {
            what: "Closing the chat",
            result: session.close_chat(chat).await,
        },
        Request::ViewMessages { chat, ids } => Reply::Done {
            what: "Marking messages read",
            result: session.view_messages(chat, ids).await,
        },
        Request::MarkChatRead(chat) => Reply::Done {
            what: "Marking the chat read",
            result: session.mark_chat_read(chat).await,
        },
        Request::SendTyping(chat) => Reply::Done {
            what: "Sending typing",
            result: session.send_typing(chat).await,
        },
        Request::MarkAllRead => Reply::Done {
            what: "Marking all read",
            result: session.mark_all_read().await,
        },
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
        Request::DutyMembers(chat) => Reply::Members {
            chat,
            result: session.members(chat).await,
        },
        Request::Resync(chats) => {
            // One chat at a time: thousands of histories in flight at once would all be
            // parsed and held together.
            let mut out = Vec::with_capacity(chats.len());
            for chat in chats {
                if let Ok(messages) = session.load_history_events(chat, 0, RESYNC_DEPTH).await {
                    out.push((chat, messages));
                }
            }
            Reply::Resync(out)
        }
        Request::LogOut => Reply::Done {
            what: "Logging out",
            result: session.log_out().await,
        },
    }
}
