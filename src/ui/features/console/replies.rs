//! What comes back to the console: Telegram's replies to its requests, the failures of its
//! sends (from the app's Telegram batches), and the desk events that touch the open chat's
//! history (arrivals, confirmations, edits, deletions).

use super::requests::{Reply, Request, ask};
use super::{Console, Event, Message};
use crate::desk::{ChatId, Desk, Message as DeskMessage, MessageId};
use crate::ui::effect::Effects;
use i18n::t;

impl Console {
    /// Feeds the open chat's history from the desk events the app applied.
    pub fn observe(&mut self, event: &crate::desk::Event) {
        use crate::desk::Event;
        let Some(open) = &mut self.open else { return };
        let h = &mut open.history;
        match event {
            Event::MessageArrived(m) if m.chat == h.chat => h.arrived(m),
            // The confirmation comes in the same stream as the arrival; the reply naming the
            // temporary id may come later (`History::sent`).
            Event::MessageIdChanged { chat, old, new, .. } if *chat == h.chat => {
                h.succeeded(*old, *new)
            }
            Event::MessageEdited { chat, id, preview } if *chat == h.chat => h.edited(*id, preview),
            Event::MessagesDeleted { chat, ids } if *chat == h.chat => h.deleted(ids),
            _ => {}
        }
    }

    /// TDLib could not send a message: the open chat shows it with Retry; a chat no longer
    /// open tells the admin through the banner, who must still learn the reply did not go.
    pub(super) fn send_failed(
        &mut self,
        chat: ChatId,
        temp_id: MessageId,
        error: String,
        desk: &Desk,
    ) -> Option<Event> {
        match self.open_if(chat) {
            Some(open) => {
                open.history.failed(temp_id, error);
                None
            }
            None => {
                let title = desk.row(chat).map(|r| r.title).unwrap_or_default();
                Some(Event::Notice(t!(
                    "console-message-not-sent-to",
                    chat_title = title,
                    error = error
                )))
            }
        }
    }

    /// Telegram's answer to one of the console's requests.
    pub(super) fn replied(&mut self, reply: Reply) -> (Effects<Message>, Option<Event>) {
        let notice = |text: String| (Effects::none(), Some(Event::Notice(text)));
        match reply {
            Reply::Sent {
                chat,
                local,
                result,
            } => match (self.open_if(chat), result) {
                (Some(open), Ok(temp)) => open.history.sent(local, temp),
                (Some(open), Err(e)) => open.history.failed_local(local, e.message),
                (None, Ok(_)) => {}
                (None, Err(e)) => {
                    return notice(t!("console-message-not-sent", error = e.to_string()));
                }
            },
            Reply::History { chat, from, result } => {
                let effects = self.history_loaded(chat, from, result.map_err(|e| e.to_string()));
                let (scroll, event) = self.jumped(chat);
                return (effects.and(scroll), event);
            }
            Reply::ChatSearch {
                chat,
                query,
                result,
            } => match result {
                Ok(hits) => self.chat_search_done(chat, query, hits),
                Err(e) => return notice(t!("console-search-failed", error = e.to_string())),
            },
            Reply::GlobalSearch { query, result } => {
                self.global_search_done(query, result.map_err(|e| e.to_string()))
            }
            Reply::Done { result: Ok(()), .. } => {}
            Reply::Done {
                what,
                result: Err(e),
            } => return notice(what.failed(&e)),
        }
        (Effects::none(), None)
    }

    /// A page of the open chat's history; the first page marks its newest message viewed.
    fn history_loaded(
        &mut self,
        chat: ChatId,
        from: MessageId,
        messages: Result<Vec<DeskMessage>, String>,
    ) -> Effects<Message> {
        let Some(open) = self.open_if(chat) else {
            return Effects::none();
        };
        open.history.loading = false;
        match messages {
            Ok(messages) => {
                // TDLib may return fewer than asked even when more exist; only an empty
                // page means the start of the chat.
                if messages.is_empty() || (from != 0 && messages.iter().all(|m| m.id >= from)) {
                    open.history.complete = true;
                }
                open.history.merge(&messages);
                if from == 0 {
                    let ids: Vec<MessageId> = messages.iter().map(|m| m.id).take(1).collect();
                    if !ids.is_empty() {
                        return ask(Request::ViewMessages { chat, ids });
                    }
                }
            }
            Err(_) => open.history.complete = true,
        }
        Effects::none()
    }
}
