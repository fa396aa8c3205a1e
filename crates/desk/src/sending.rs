//! This account's sends in flight. TDLib announces an outgoing message under a temporary
//! id (`MessageArrived` with `outgoing`), then confirms it (`MessageIdChanged`, with the
//! server's id and date) or gives it up (`MessageSendFailed`, or deletes it). In flight it
//! hides the customer messages below it, so the admin's reply clears the red at once, but
//! it answers nothing for good and logs no statistics: confirmed, it becomes a staff reply
//! under its server id and date; failed, the wait is exactly what it would have been had
//! the message never been sent.
//!
//! Past `SENDING_MAX` sends in flight in a chat, the oldest is taken as sent: logged, and
//! answering the customer messages below it. Those are set aside, not dropped, and the send
//! is remembered until it is confirmed, fails, or a staff reply above it makes it moot: a
//! failure then brings the wait back exactly as it was, as within the limit.
//!
//! Statistics name a message once, under what the server says: its id and its date. The
//! pending date is TDLib's guess at the time of sending; the server's can be later (a send
//! queued while offline) and is the one replays of history carry, so logging the pending
//! one would log the message twice and time the first reply from the wrong moment.

use super::chat::{Chat, Pending, Sending, oldest};
use super::core::Desk;
use super::model::{ChatId, MessageId, Role, Sender, UnixTime};
use super::view::{StatEvent, Transition};

impl Desk {
    /// A sent message's temporary id became the server's, dated `date` by the server. Only
    /// this account's messages change id, so the new id is a staff message: customer
    /// messages the server placed before it are answered too.
    pub(crate) fn id_changed(
        &mut self,
        chat: ChatId,
        old: MessageId,
        new: MessageId,
        date: UnixTime,
        out: &mut Vec<Transition>,
    ) {
        let own = self.own_user.map(Sender::User);
        let Some(c) = self.chats.get(&chat) else {
            return;
        };
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        c.note_settled(old);
        if c.last_id == Some(old) {
            c.last_id = Some(new);
            c.last_date = Some(date);
        }
        c.max_id = Some(c.max_id.map_or(new, |x| x.max(new)));
        let sent = c.finish_sending(old);
        if c.support {
            let stats = &mut self.stats;
            match sent {
                // In flight until now: nothing is logged under the temporary id, so this
                // is the message's first and only row.
                Some(_) => stats.push(StatEvent::Message {
                    chat,
                    message: new,
                    role: Role::Staff,
                    date,
                }),
                // Logged already under the old id and the date known then (taken as sent
                // past the limit, or re-delivered as history while pending): the store
                // moves those rows to the server's id and date.
                None => stats.push(StatEvent::MessageIdChanged {
                    chat,
                    old,
                    new,
                    date,
                }),
            }
            if let Some(oldest) = c.answer_below(new)
                && let Some(responder) = sent.map(|s| s.sender).or(own)
            {
                stats.push(oldest.first_reply(chat, new, date, responder));
            }
        }
        // Taken as sent and confirmed: what it set aside below `new` was answered for good
        // just above; above `new` (the server placed it lower) it waits again. (Nothing,
        // for a send that was in flight or that `answer_below` already dropped.)
        c.untake(old);
        self.commit(chat, before, out);
    }

    /// A send failed: it never reached anyone, and the wait it hid or answered comes back.
    /// In flight, nothing was logged; logged already (taken as sent past the limit, or
    /// delivered as history while pending), its rows are withdrawn.
    pub(crate) fn send_failed(&mut self, chat: ChatId, id: MessageId, out: &mut Vec<Transition>) {
        let Some(c) = self.chats.get(&chat) else {
            return;
        };
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        c.note_settled(id);
        if withdraw(c, id) {
            self.stats.push(StatEvent::NotSent { chat, message: id });
        }
        self.commit(chat, before, out);
    }
}

/// Ends a send that failed, in flight or taken as sent. Returns whether rows logged for it
/// must be withdrawn.
fn withdraw(c: &mut Chat, id: MessageId) -> bool {
    if c.finish_sending(id).is_some() {
        return false;
    }
    c.untake(id);
    c.support
}

impl Chat {
    /// The highest send taken as sent that answers: customer messages below it are set
    /// aside rather than waiting.
    pub(crate) fn taken_up_to(&self) -> MessageId {
        self.taken
            .iter()
            .rev()
            .find(|s| s.answers)
            .map_or(i64::MIN, |s| s.id)
    }

    pub(crate) fn is_taken(&self, id: MessageId) -> bool {
        self.taken.binary_search_by_key(&id, |s| s.id).is_ok()
    }

    /// Takes a send as sent: the customer messages below it are set aside, not dropped.
    /// Returns the oldest of them, the wait it ended.
    fn take(&mut self, s: Sending) -> Option<Pending> {
        if let Err(i) = self.taken.binary_search_by_key(&s.id, |t| t.id) {
            self.taken.insert(i, s);
        }
        if !s.answers {
            return None;
        }
        // All pending messages are above any earlier taken send, so `set_aside` stays
        // sorted.
        let n = self.pending.partition_point(|e| e.0 < s.id);
        let oldest = oldest(&self.pending[..n]);
        self.set_aside.extend(self.pending.drain(..n));
        self.recompute_waiting();
        oldest
    }

    /// Forgets a send taken as sent (confirmed, failed or deleted). What it alone covered
    /// waits again: set-aside messages above the highest answering taken send left go
    /// back in front of `pending` (all of which is above them). Returns whether it was
    /// taken.
    pub(crate) fn untake(&mut self, id: MessageId) -> bool {
        let Ok(i) = self.taken.binary_search_by_key(&id, |s| s.id) else {
            return false;
        };
        self.taken.remove(i);
        let up_to = self.taken_up_to();
        let from = self.set_aside.partition_point(|e| e.0 < up_to);
        if from < self.set_aside.len() {
            let back: Vec<_> = self.set_aside.drain(from..).collect();
            self.pending.splice(0..0, back);
            self.recompute_waiting();
        }
        true
    }
}

/// Takes a send that was never resolved as sent, under its temporary id (the limit of
/// `SENDING_MAX` was reached, e.g. by a burst queued while offline). A later
/// `MessageIdChanged` for it moves what this logged to the server's id and date; a later
/// `MessageSendFailed` (or deletion) withdraws it and brings back the wait it answered.
pub(crate) fn promote(c: &mut Chat, s: Sending, stats: &mut Vec<StatEvent>) {
    // Remembered even outside support chats: like a send in flight, it is known when it
    // comes again as history, and it ends as sends do.
    c.note_settled(s.id);
    let oldest = c.take(s);
    if !c.support {
        return;
    }
    stats.push(StatEvent::Message {
        chat: c.id,
        message: s.id,
        role: Role::Staff,
        date: s.date,
    });
    if let Some(oldest) = oldest {
        stats.push(oldest.first_reply(c.id, s.id, s.date, s.sender));
    }
}
