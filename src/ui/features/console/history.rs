//! The open chat's messages, as the chat view shows them: loaded history, new arrivals and
//! the admin's own sends with their state. Kept for the open chat only, so memory does not
//! grow with the number of chats.
//!
//! A send is one line from the Enter key to its end: a placeholder first, then the id
//! TDLib's reply names, then the server's id (or Retry). The reply and the updates
//! (`updateNewMessage`, `updateMessageSendSucceeded`, `updateMessageSendFailed`) reach the
//! window by different paths, in any order, so the history remembers each temporary id's
//! fate and a late reply finds its message under the id it ended with.

use std::collections::HashMap;

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
    /// What became of the temporary ids of this window's sends: the reply to `sendMessage`
    /// (which names the temporary id) comes back as a task while the updates come through
    /// the event stream, so a send may be confirmed or failed before its placeholder learns
    /// its id. Kept while the chat is open.
    fates: HashMap<MessageId, Fate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Fate {
    Confirmed(MessageId),
    Failed(String),
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

    /// A page of history (any order, duplicates ignored): delivered messages, kept in id
    /// order; unsent placeholders stay at the end.
    pub fn merge(&mut self, messages: &[Message]) {
        for m in messages {
            self.add(m, SendState::Delivered);
        }
        self.sort();
    }

    /// A message the update stream announced. The admin's own (from this window or another
    /// device) is on its way until `succeeded` confirms it.
    pub fn arrived(&mut self, m: &Message) {
        let state = if m.outgoing {
            SendState::Pending
        } else {
            SendState::Delivered
        };
        self.add(m, state);
        self.sort();
    }

    /// One message in, under the id it ended with: a line it already has keeps its send
    /// state (the arrival of our own pending message, a page repeating an arrival).
    fn add(&mut self, m: &Message, state: SendState) {
        if m.chat != self.chat {
            return;
        }
        let (id, fate) = self.resolve(m.id);
        if let Some(line) = self.lines.iter_mut().find(|l| l.id == Some(id)) {
            // A line this window sent keeps what was typed: for a contractor the echo is
            // masked, and a Retry must send the text, not its mask.
            if line.local.is_none() {
                line.text.clone_from(&m.preview);
            }
            line.date = m.date;
            return;
        }
        let mut line = Line::from_message(m);
        line.id = Some(id);
        line.state = fate.unwrap_or(state);
        self.lines.push(line);
    }

    /// The id a message ended with and, if its send was settled, its state.
    fn resolve(&self, id: MessageId) -> (MessageId, Option<SendState>) {
        match self.fates.get(&id) {
            Some(Fate::Confirmed(new)) => (*new, Some(SendState::Delivered)),
            Some(Fate::Failed(error)) => (id, Some(SendState::Failed(error.clone()))),
            None => (id, None),
        }
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

    /// TDLib accepted the send and named its temporary id. Whatever the update stream
    /// already said of that id counts: if the message arrived (under that id, or the
    /// server's once confirmed), that line becomes the placeholder's and keeps its state;
    /// otherwise the placeholder takes the id, and the state its fate gave it.
    pub fn sent(&mut self, local: u64, temp: MessageId) {
        let Some(placeholder) = self
            .lines
            .iter()
            .position(|l| l.local == Some(local) && l.id.is_none())
        else {
            return;
        };
        let (id, fate) = self.resolve(temp);
        let arrived = self
            .lines
            .iter()
            .position(|l| l.id == Some(id) && l.local.is_none());
        match arrived {
            Some(i) => {
                let mine = self.lines.remove(placeholder);
                let line = &mut self.lines[if i > placeholder { i - 1 } else { i }];
                line.local = Some(local);
                line.reply_to = line.reply_to.or(mine.reply_to);
            }
            None => {
                let line = &mut self.lines[placeholder];
                line.id = Some(id);
                if let Some(state) = fate {
                    line.state = state;
                }
            }
        }
        self.sort();
    }

    /// TDLib refused the send outright (its reply was an error): no id, no update follows.
    pub fn failed_local(&mut self, local: u64, error: String) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.local == Some(local)) {
            line.state = SendState::Failed(error);
        }
    }

    /// `updateMessageSendFailed`: the line under the temporary id shows Retry.
    pub fn failed(&mut self, temp: MessageId, error: String) {
        for line in self.lines.iter_mut().filter(|l| l.id == Some(temp)) {
            line.state = SendState::Failed(error.clone());
        }
        self.fates.insert(temp, Fate::Failed(error));
    }

    /// The server confirmed a message under its own id (`old == new` for one sent from
    /// another device). A page may already have brought the server's copy: one line stays.
    pub fn succeeded(&mut self, old: MessageId, new: MessageId) {
        for line in self.lines.iter_mut().filter(|l| l.id == Some(old)) {
            line.id = Some(new);
            line.state = SendState::Delivered;
        }
        if old != new {
            self.fates.insert(old, Fate::Confirmed(new));
        }
        self.collapse(new);
        self.sort();
    }

    /// Leaves one line with `id`: the one this window sent, if any.
    fn collapse(&mut self, id: MessageId) {
        let same = |l: &Line| l.id == Some(id);
        if self.lines.iter().filter(|l| same(l)).count() < 2 {
            return;
        }
        let keep = self
            .lines
            .iter()
            .position(|l| same(l) && l.local.is_some())
            .or_else(|| self.lines.iter().position(same));
        let mut i = 0;
        self.lines.retain(|l| {
            let stays = !same(l) || Some(i) == keep;
            i += 1;
            stays
        });
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
#[path = "history_tests.rs"]
mod tests;
