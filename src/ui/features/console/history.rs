//! The open chat's messages, as the chat view shows them: loaded history, new arrivals and
//! the admin's own sends with their state. Kept for the open chat only, so memory does not
//! grow with the number of chats.

use crate::desk::{ChatId, ContentKind, Message, MessageId, Role, Sender};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendState {
    Delivered,
    /// Handed to TDLib, not yet confirmed by the server.
    Pending,
    /// Never silently dropped: shown with Retry.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The TDLib id; `None` while a send has not been answered with a temporary id.
    pub id: Option<MessageId>,
    /// The local key of a message this window sent (for Retry and id matching).
    pub local: Option<u64>,
    pub sender: Sender,
    pub outgoing: bool,
    pub date: i64,
    pub text: String,
    pub content: ContentKind,
    pub reply_to: Option<MessageId>,
    pub state: SendState,
}

impl Line {
    pub fn from_message(m: &Message) -> Line {
        Line {
            id: Some(m.id),
            local: None,
            sender: m.sender,
            outgoing: m.outgoing,
            date: m.date,
            text: m.preview.clone(),
            content: m.content,
            reply_to: None,
            state: SendState::Delivered,
        }
    }

    pub fn role(&self, role_of: impl Fn(Sender, bool) -> Role) -> Role {
        role_of(self.sender, self.outgoing)
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub chat: ChatId,
    /// Oldest first.
    pub lines: Vec<Line>,
    /// Everything older has been loaded (TDLib returned nothing more).
    pub complete: bool,
    pub loading: bool,
}

impl History {
    pub fn new(chat: ChatId) -> History {
        History {
            chat,
            ..History::default()
        }
    }

    pub fn oldest_id(&self) -> MessageId {
        self.lines
            .iter()
            .filter_map(|l| l.id)
            .find(|&id| id > 0)
            .unwrap_or(0)
    }

    pub fn newest_id(&self) -> Option<MessageId> {
        self.lines
            .iter()
            .rev()
            .find_map(|l| l.id.filter(|_| l.state == SendState::Delivered))
    }

    /// Adds messages (any order, duplicates ignored) and keeps the lines in id order;
    /// unsent placeholders stay at the end.
    pub fn merge(&mut self, messages: &[Message]) {
        for m in messages {
            if m.chat != self.chat {
                continue;
            }
            if let Some(line) = self.lines.iter_mut().find(|l| l.id == Some(m.id)) {
                // The arrival of our own pending message: keep its send state.
                line.text.clone_from(&m.preview);
                line.date = m.date;
                continue;
            }
            self.lines.push(Line::from_message(m));
        }
        self.sort();
    }

    fn sort(&mut self) {
        // Unanswered placeholders (no id) sort last; ids otherwise grow with server order.
        self.lines
            .sort_by_key(|l| (l.id.is_none(), l.id.unwrap_or(i64::MAX), l.local));
    }

    /// A placeholder for a message this window is sending.
    pub fn push_local(
        &mut self,
        local: u64,
        own: Sender,
        text: String,
        reply_to: Option<MessageId>,
        now: i64,
    ) {
        self.lines.push(Line {
            id: None,
            local: Some(local),
            sender: own,
            outgoing: true,
            date: now,
            text,
            content: ContentKind::Text,
            reply_to,
            state: SendState::Pending,
        });
    }

    /// TDLib accepted the send and named its temporary id. If the message already arrived
    /// through the update stream, the two lines become one.
    pub fn sent(&mut self, local: u64, temp: MessageId) {
        let arrived = self
            .lines
            .iter()
            .position(|l| l.id == Some(temp) && l.local.is_none());
        if let Some(i) = arrived {
            self.lines.remove(i);
        }
        if let Some(line) = self.lines.iter_mut().find(|l| l.local == Some(local)) {
            line.id = Some(temp);
        }
        self.sort();
    }

    pub fn failed_local(&mut self, local: u64, error: String) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.local == Some(local)) {
            line.state = SendState::Failed(error);
        }
    }

    pub fn failed(&mut self, temp: MessageId, error: String) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.id == Some(temp)) {
            line.state = SendState::Failed(error);
        }
    }

    pub fn succeeded(&mut self, old: MessageId, new: MessageId) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.id == Some(old)) {
            line.id = Some(new);
            line.state = SendState::Delivered;
        }
        self.sort();
    }

    pub fn edited(&mut self, id: MessageId, text: &str) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.id == Some(id)) {
            line.text = text.to_string();
        }
    }

    pub fn deleted(&mut self, ids: &[MessageId]) {
        self.lines
            .retain(|l| l.id.is_none_or(|id| !ids.contains(&id)) || l.local.is_some());
    }

    /// Takes a failed line out for a retry, returning its text and reply target.
    pub fn take_failed(&mut self, local: u64) -> Option<(String, Option<MessageId>)> {
        let i = self
            .lines
            .iter()
            .position(|l| l.local == Some(local) && matches!(l.state, SendState::Failed(_)))?;
        let line = self.lines.remove(i);
        Some((line.text, line.reply_to))
    }

    pub fn find(&self, id: MessageId) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: i64, text: &str) -> Message {
        Message {
            chat: 1,
            id,
            sender: Sender::User(7),
            date: id,
            outgoing: false,
            preview: text.into(),
            content: ContentKind::Text,
        }
    }

    #[test]
    fn merge_orders_and_dedups() {
        let mut h = History::new(1);
        h.merge(&[msg(3, "c"), msg(1, "a")]);
        h.merge(&[msg(2, "b"), msg(3, "c")]);
        let ids: Vec<_> = h.lines.iter().map(|l| l.id).collect();
        assert_eq!(ids, vec![Some(1), Some(2), Some(3)]);
        assert_eq!(h.oldest_id(), 1);
    }

    #[test]
    fn send_lifecycle_keeps_failed_messages() {
        let mut h = History::new(1);
        h.merge(&[msg(10, "hi")]);
        h.push_local(1, Sender::User(99), "hello".into(), Some(10), 20);
        // The update with the temporary id can come before the send reply.
        let mut own = msg(11, "hello");
        own.outgoing = true;
        h.merge(&[own]);
        h.sent(1, 11);
        assert_eq!(h.lines.len(), 2);
        assert_eq!(h.lines[1].state, SendState::Pending);
        h.failed(11, "FLOOD".into());
        assert!(matches!(h.lines[1].state, SendState::Failed(_)));
        assert_eq!(h.take_failed(1), Some(("hello".into(), Some(10))));
        h.push_local(2, Sender::User(99), "again".into(), None, 21);
        h.sent(2, 12);
        h.succeeded(12, 500);
        assert_eq!(
            h.lines.last().map(|l| (l.id, &l.state)),
            Some((Some(500), &SendState::Delivered))
        );
    }
}
