//! TDLib updates into desk events. The only place that reads TDLib's update types; the
//! per-client state here is what TDLib sends once and the desk needs again later (chat
//! positions per list).

use std::collections::HashMap;

use tdlib_rs::enums::{
    AuthorizationState, ChatList, ChatMemberStatus, ChatType, ConnectionState as TdConnection,
    MessageContent, MessageSender, MessageSendingState, OptionValue, Update,
};
use tdlib_rs::types;

use super::events::{AuthState, ConnectionState, TgEvent};
use crate::desk::team::protocol;
use crate::desk::{
    ChatFolder, ChatKind, ContentKind, Event, MemberStatus, Message, Sender, TeamMessage,
};

/// Where a chat is listed: the main list and the chat folders holding it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Lists {
    main: bool,
    folders: Vec<i32>,
}

impl Lists {
    /// Records whether the chat is in `list`. The archive is not shown: a chat moved there
    /// loses its main-list position in the same breath (TDLib sends order 0 for it).
    fn set(&mut self, list: &ChatList, present: bool) {
        match list {
            ChatList::Main => self.main = present,
            ChatList::Folder(f) => {
                self.folders.retain(|id| *id != f.chat_folder_id);
                if present {
                    self.folders.push(f.chat_folder_id);
                    self.folders.sort_unstable();
                }
            }
            ChatList::Archive => {}
        }
    }
}

/// The update kinds `Translator::translate` reads (its match arms): the receive thread
/// parses no other (`receive::read`). A kind added there is added here, or it never
/// arrives; `translate_tests` checks the two agree on every kind the simulator sends.
const READS: &[&str] = &[
    "updateAuthorizationState",
    "updateNewChat",
    "updateChatTitle",
    "updateChatPosition",
    "updateChatLastMessage",
    "updateChatFolders",
    "updateChatAddedToList",
    "updateChatRemovedFromList",
    "updateNewMessage",
    "updateMessageContent",
    "updateDeleteMessages",
    "updateMessageSendSucceeded",
    "updateMessageIsPinned",
    "updateMessageSendFailed",
    "updateChatReadInbox",
    "updateChatIsMarkedAsUnread",
    "updateUser",
    "updateOption",
    "updateConnectionState",
];

/// Whether `translate` reads updates of this kind (its "@type").
pub fn reads(kind: &str) -> bool {
    READS.contains(&kind)
}

#[derive(Debug, Default)]
pub struct Translator {
    lists: HashMap<i64, Lists>,
}

impl Translator {
    /// Translates one update, emitting zero or more events. Returns true when the client
    /// is closed (its last update).
    pub fn translate(&mut self, update: Update, emit: &mut dyn FnMut(TgEvent)) -> bool {
        let desk = |emit: &mut dyn FnMut(TgEvent), e: Event| emit(TgEvent::Desk(e));
        match update {
            Update::AuthorizationState(u) => {
                let state = auth_state(u.authorization_state);
                tracing::info!("authorization state: {}", state.tdlib_name());
                let closed = state == AuthState::Closed;
                emit(TgEvent::Auth(state));
                return closed;
            }
            Update::NewChat(u) => {
                let chat = u.chat;
                let kind = chat_kind(&chat.r#type);
                desk(
                    emit,
                    Event::ChatAdded {
                        chat: chat.id,
                        kind,
                        title: chat.title,
                    },
                );
                // The desk takes a new chat as listed in the main list; say where it really
                // is (archived, or not in any list yet), once, from all its positions.
                let mut lists = Lists::default();
                for position in &chat.positions {
                    lists.set(&position.list, position.order != 0);
                }
                desk(
                    emit,
                    Event::ChatListsChanged {
                        chat: chat.id,
                        in_main_list: lists.main,
                        folders: lists.folders.clone(),
                    },
                );
                self.lists.insert(chat.id, lists);
                if let Some(last) = chat.last_message {
                    redelivered_with_team(last, emit);
                }
                if chat.unread_count > 0 || chat.last_read_inbox_message_id > 0 {
                    desk(
                        emit,
                        Event::ReadInbox {
                            chat: chat.id,
                            last_read_inbox_message_id: chat.last_read_inbox_message_id,
                            unread_count: chat.unread_count,
                        },
                    );
                }
                if chat.is_marked_as_unread {
                    desk(
                        emit,
                        Event::MarkedAsUnread {
                            chat: chat.id,
                            marked: true,
                        },
                    );
                }
            }
            Update::ChatTitle(u) => desk(
                emit,
                Event::ChatRenamed {
                    chat: u.chat_id,
                    title: u.title,
                },
            ),
            Update::ChatPosition(u) => self.position(u.chat_id, &u.position, emit),
            Update::ChatLastMessage(u) => {
                for position in &u.positions {
                    self.position(u.chat_id, position, emit);
                }
                if let Some(last) = u.last_message {
                    redelivered_with_team(last, emit);
                }
            }
            // The folders' names: settings offer the support folder by name, while chats
            // only ever name their folders by id.
            Update::ChatFolders(u) => desk(
                emit,
                Event::ChatFolders(
                    u.chat_folders
                        .into_iter()
                        .map(|f| ChatFolder {
                            id: f.id,
                            name: f.name.text.text,
                        })
                        .collect(),
                ),
            ),
            Update::ChatAddedToList(u) => self.list_change(u.chat_id, &u.chat_list, true, emit),
            Update::ChatRemovedFromList(u) => {
                self.list_change(u.chat_id, &u.chat_list, false, emit)
            }
            Update::NewMessage(u) => {
                // An outgoing message without a sending state was sent from another of the
                // admin's devices: it is already on the server, so it is confirmed at once
                // (the desk holds outgoing messages as pending until confirmed).
                let confirmed = u.message.is_outgoing && u.message.sending_state.is_none();
                let (chat, id, date) = (u.message.chat_id, u.message.id, u.message.date);
                // A team action counts once it is on the server: this account's own comes
                // back with `updateMessageSendSucceeded`.
                let team = team_message(&u.message);
                desk(emit, Event::MessageArrived(message(u.message)));
                if let Some(team) = team {
                    desk(emit, Event::TeamMessage(team));
                }
                if confirmed {
                    desk(
                        emit,
                        Event::MessageIdChanged {
                            chat,
                            old: id,
                            new: id,
                            date: i64::from(date),
                        },
                    );
                }
            }
            Update::MessageContent(u) => {
                let (_, preview) = content(&u.new_content);
                desk(
                    emit,
                    Event::MessageEdited {
                        chat: u.chat_id,
                        id: u.message_id,
                        preview,
                    },
                );
            }
            Update::DeleteMessages(u) if u.is_permanent => desk(
                emit,
                Event::MessagesDeleted {
                    chat: u.chat_id,
                    ids: u.message_ids,
                },
            ),
            Update::MessageSendSucceeded(u) => {
                let (chat, old, new) = (u.message.chat_id, u.old_message_id, u.message.id);
                let date = i64::from(u.message.date);
                let team = team_message(&u.message);
                desk(
                    emit,
                    Event::MessageIdChanged {
                        chat,
                        old,
                        new,
                        date,
                    },
                );
                if let Some(team) = team {
                    desk(emit, Event::TeamMessage(team));
                }
                emit(TgEvent::SendSucceeded {
                    chat,
                    old_id: old,
                    new_id: new,
                });
            }
            Update::MessageIsPinned(u) => desk(
                emit,
                Event::MessagePinned {
                    chat: u.chat_id,
                    id: u.message_id,
                    pinned: u.is_pinned,
                },
            ),
            Update::MessageSendFailed(u) => {
                let (chat, id) = (u.message.chat_id, u.old_message_id);
                desk(emit, Event::MessageSendFailed { chat, id });
                emit(TgEvent::SendFailed {
                    chat,
                    temp_id: id,
                    error: u.error.message,
                });
            }
            Update::ChatReadInbox(u) => desk(
                emit,
                Event::ReadInbox {
                    chat: u.chat_id,
                    last_read_inbox_message_id: u.last_read_inbox_message_id,
                    unread_count: u.unread_count,
                },
            ),
            Update::ChatIsMarkedAsUnread(u) => desk(
                emit,
                Event::MarkedAsUnread {
                    chat: u.chat_id,
                    marked: u.is_marked_as_unread,
                },
            ),
            Update::User(u) => desk(
                emit,
                Event::UserUpdated {
                    user: u.user.id,
                    name: user_name(&u.user),
                },
            ),
            Update::Option(u) if u.name == "unix_time" => {
                if let OptionValue::Integer(v) = u.value {
                    emit(TgEvent::Clock(v.value));
                }
            }
            Update::ConnectionState(u) => emit(TgEvent::Connection(match u.state {
                TdConnection::WaitingForNetwork => ConnectionState::WaitingForNetwork,
                TdConnection::ConnectingToProxy => ConnectionState::ConnectingToProxy,
                TdConnection::Connecting => ConnectionState::Connecting,
                TdConnection::Updating => ConnectionState::Updating,
                TdConnection::Ready => ConnectionState::Ready,
            })),
            _ => {}
        }
        false
    }

    fn position(
        &mut self,
        chat: i64,
        position: &types::ChatPosition,
        emit: &mut dyn FnMut(TgEvent),
    ) {
        self.list_change(chat, &position.list, position.order != 0, emit);
    }

    fn list_change(
        &mut self,
        chat: i64,
        list: &ChatList,
        present: bool,
        emit: &mut dyn FnMut(TgEvent),
    ) {
        let lists = self.lists.entry(chat).or_default();
        let before = lists.clone();
        lists.set(list, present);
        if *lists != before {
            emit(TgEvent::Desk(Event::ChatListsChanged {
                chat,
                in_main_list: lists.main,
                folders: lists.folders.clone(),
            }));
        }
    }
}

pub(crate) fn auth_state(state: AuthorizationState) -> AuthState {
    match state {
        AuthorizationState::WaitTdlibParameters => AuthState::WaitParameters,
        AuthorizationState::WaitPhoneNumber => AuthState::WaitPhoneNumber,
        AuthorizationState::WaitCode(c) => AuthState::WaitCode {
            phone: c.code_info.phone_number,
        },
        AuthorizationState::WaitPassword(p) => AuthState::WaitPassword {
            hint: p.password_hint,
        },
        AuthorizationState::Ready => AuthState::Ready,
        AuthorizationState::LoggingOut => AuthState::LoggingOut,
        AuthorizationState::Closing => AuthState::Closing,
        AuthorizationState::Closed => AuthState::Closed,
        other => AuthState::Other(
            format!("{other:?}")
                .split(['(', ' '])
                .next()
                .unwrap_or("")
                .to_string(),
        ),
    }
}

/// A message TDLib delivers again: as a chat's last message (`updateNewChat`,
/// `updateChatLastMessage`) or in a page of history (`getChatHistory`). Most are history.
/// One still being sent (`messageSendingStatePending`, under its temporary id) is a send in
/// flight, as when `updateNewMessage` first announced it: taken as history, the desk would
/// log it as a staff reply under the temporary id (and keep it as an answer if it then
/// failed), while in flight it is logged once, under the server's id and date, when TDLib
/// confirms it (TDLib keeps pending sends across restarts, so a desk may first meet one
/// here). One that failed to send (TDLib keeps it, renumbered) is no message at all: the
/// desk learnt of the failure from `updateMessageSendFailed`.
pub fn redelivered(m: types::Message) -> Option<Event> {
    match m.sending_state {
        None => Some(Event::HistoryMessage(message(m))),
        Some(MessageSendingState::Pending(_)) => Some(Event::MessageArrived(message(m))),
        Some(MessageSendingState::Failed(_)) => None,
    }
}

/// A message TDLib delivers again, with its team action (if it carries one) after it.
fn redelivered_with_team(m: types::Message, emit: &mut dyn FnMut(TgEvent)) {
    let team = team_message(&m);
    if let Some(event) = redelivered(m) {
        emit(TgEvent::Desk(event));
    }
    if let Some(team) = team {
        emit(TgEvent::Desk(Event::TeamMessage(team)));
    }
}

/// The team action a message may carry, for the desk's duty-group fold: only messages on
/// the server (a send in flight or failed is not in the group's history, so no other
/// client would fold it) whose text has the protocol's machine line. The session feeds a
/// duty-group history page through this too (`getChatHistory`, after the checkpoint), and
/// the pinned message (`getChatPinnedMessage`) at start and whenever the pins change.
pub fn team_message(m: &types::Message) -> Option<TeamMessage> {
    if m.sending_state.is_some() {
        return None;
    }
    let (_, text) = content_text(&m.content);
    // Most messages: one scan for the marker, nothing copied.
    if !protocol::has_marker(text) {
        return None;
    }
    Some(TeamMessage {
        chat: m.chat_id,
        id: m.id,
        sender: sender(&m.sender_id),
        date: i64::from(m.date),
        text: text.to_owned(),
        forwarded: m.forward_info.is_some(),
        pinned: m.is_pinned,
    })
}

/// A duty-group member and their standing, from `getSupergroupMembers`, `getChatMember`
/// or `getBasicGroupFullInfo` (for `Event::DutyGroupMembers`); chats as members are not
/// people and are left out.
pub fn duty_member(m: &types::ChatMember) -> Option<(i64, MemberStatus)> {
    let MessageSender::User(u) = &m.member_id else {
        return None;
    };
    let status = match &m.status {
        ChatMemberStatus::Creator(c) if c.is_member => MemberStatus::Owner,
        ChatMemberStatus::Administrator(_) => MemberStatus::Administrator,
        ChatMemberStatus::Member(_) => MemberStatus::Member,
        ChatMemberStatus::Restricted(r) if r.is_member => MemberStatus::Member,
        _ => MemberStatus::NotMember,
    };
    Some((u.user_id, status))
}

fn sender(s: &MessageSender) -> Sender {
    match s {
        MessageSender::User(u) => Sender::User(u.user_id),
        MessageSender::Chat(c) => Sender::Chat(c.chat_id),
    }
}

fn chat_kind(t: &ChatType) -> ChatKind {
    match t {
        ChatType::Private(_) | ChatType::Secret(_) => ChatKind::Private,
        ChatType::BasicGroup(_) => ChatKind::BasicGroup,
        ChatType::Supergroup(s) if s.is_channel => ChatKind::Channel,
        ChatType::Supergroup(_) => ChatKind::Supergroup,
    }
}

/// A TDLib message as the desk sees it; the full text goes into `preview` so the chat view
/// can show it (the list shows its first line).
pub fn message(m: types::Message) -> Message {
    let (content, preview) = content(&m.content);
    Message {
        chat: m.chat_id,
        id: m.id,
        sender: sender(&m.sender_id),
        date: i64::from(m.date),
        outgoing: m.is_outgoing,
        preview,
        content,
    }
}

fn content(c: &MessageContent) -> (ContentKind, String) {
    let (kind, text) = content_text(c);
    (kind, text.to_owned())
}

/// The kind and the text (or caption) of a message's content, borrowed.
fn content_text(c: &MessageContent) -> (ContentKind, &str) {
    match c {
        MessageContent::MessageText(t) => (ContentKind::Text, &t.text.text),
        MessageContent::MessagePhoto(p) => (ContentKind::Photo, &p.caption.text),
        MessageContent::MessageDocument(d) => (ContentKind::Document, &d.caption.text),
        MessageContent::MessageVoiceNote(v) => (ContentKind::Voice, &v.caption.text),
        MessageContent::MessageSticker(s) => (ContentKind::Sticker, &s.sticker.emoji),
        MessageContent::MessageVideo(v) => (ContentKind::Other, &v.caption.text),
        MessageContent::MessageAnimation(a) => (ContentKind::Other, &a.caption.text),
        MessageContent::MessageAudio(a) => (ContentKind::Other, &a.caption.text),
        _ => (ContentKind::Other, ""),
    }
}

pub(crate) fn user_name(u: &types::User) -> String {
    let name = format!("{} {}", u.first_name, u.last_name);
    let name = name.trim();
    if name.is_empty() {
        format!("User {}", u.id)
    } else {
        name.to_string()
    }
}

// Unit tests from TDLib's own JSON, in a file of their own (this one is near its size limit).
#[cfg(test)]
#[path = "translate_tests.rs"]
mod tests;
