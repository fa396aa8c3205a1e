//! Re-reading chats once the staff is known: the duty group's members arrive after the
//! chats' history, so a colleague's reply read before then was taken for a customer's
//! message and still keeps its chat waiting. The app re-reads the waiting chats' recent
//! messages (`waiting_chats`) and hands them to `resync`, which sets the waits right.

use super::core::Desk;
use super::model::{ChatId, Event, Message, Role, UnixTime};
use super::view::{Filter, ListFilter, Transition};

impl Desk {
    /// The chats waiting now, in list order: the ones a change of staff may answer.
    pub fn waiting_chats(&self) -> Vec<ChatId> {
        let waiting = ListFilter::new(Filter::Waiting);
        self.chat_ids(&waiting, 0..self.len(&waiting))
    }

    /// Replays each chat's recent messages (`HistoryMessage`, or `MessageArrived` for a
    /// send still in flight) with the staff as it is now. A staff message once taken for a
    /// customer's is still pending itself (a reply answers only what came before it), so
    /// the staff's messages among them are forgotten first and then replayed: they answer
    /// what precedes them. A send in flight is forgotten too and comes back in flight.
    /// Replaying the same messages again changes nothing.
    pub fn resync(
        &mut self,
        chats: impl IntoIterator<Item = (ChatId, Vec<Event>)>,
        now: UnixTime,
    ) -> Vec<Transition> {
        let mut events = Vec::new();
        for (chat, mut replay) in chats {
            replay.sort_by_key(|e| message(e).map(|m| m.id));
            let ids = replay
                .iter()
                .filter_map(message)
                .filter(|m| self.role_of(m.sender, m.outgoing) == Role::Staff)
                .map(|m| m.id)
                .collect();
            events.push(Event::MessagesDeleted { chat, ids });
            events.extend(replay);
        }
        self.apply_all(events, now)
    }
}

fn message(e: &Event) -> Option<&Message> {
    match e {
        Event::HistoryMessage(m) | Event::MessageArrived(m) => Some(m),
        _ => None,
    }
}
