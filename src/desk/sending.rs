//! This account's sends in flight. TDLib announces an outgoing message under a temporary
//! id (`MessageArrived` with `outgoing`), then confirms it (`MessageIdChanged`, with the
//! server's id and date) or gives it up (`MessageSendFailed`, or deletes it). In flight it
//! hides the customer messages below it, so the admin's reply clears the red at once, but
//! it answers nothing for good and logs no statistics: confirmed, it becomes a staff reply
//! under its server id and date; failed, the wait is exactly what it would have been had
//! the message never been sent.
//!
//! Statistics name a message once, under what the server says: its id and its date. The
//! pending date is TDLib's guess at the time of sending; the server's can be later (a send
//! queued while offline) and is the one replays of history carry, so logging the pending
//! one would log the message twice and time the first reply from the wrong moment.

use super::chat::{Chat, Sending};
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
                stats.push(StatEvent::FirstReply {
                    chat,
                    message: new,
                    date,
                    waited_secs: date.saturating_sub(oldest.date).max(0),
                    responder,
                });
            }
        }
        self.commit(chat, before, out);
    }

    /// A send failed: it never reached anyone. In flight, nothing was logged and the wait it
    /// hid comes back; logged already (taken as sent past the limit, or delivered as
    /// history while pending), its rows are withdrawn.
    pub(crate) fn send_failed(&mut self, chat: ChatId, id: MessageId, out: &mut Vec<Transition>) {
        let Some(c) = self.chats.get(&chat) else {
            return;
        };
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        if c.finish_sending(id).is_none() && c.support {
            self.stats.push(StatEvent::NotSent { chat, message: id });
        }
        self.commit(chat, before, out);
    }
}

/// Takes a send that was never resolved as sent, under its temporary id (the limit of
/// `SENDING_MAX` was reached: e.g. a message this account sent elsewhere, which TDLib
/// never confirms). A later `MessageIdChanged` for it moves what this logged to the
/// server's id and date; a later `MessageSendFailed` withdraws it.
pub(crate) fn promote(c: &mut Chat, s: Sending, stats: &mut Vec<StatEvent>) {
    if !c.support {
        return;
    }
    stats.push(StatEvent::Message {
        chat: c.id,
        message: s.id,
        role: Role::Staff,
        date: s.date,
    });
    if let Some(oldest) = c.answer_below(s.id) {
        stats.push(StatEvent::FirstReply {
            chat: c.id,
            message: s.id,
            date: s.date,
            waited_secs: s.date.saturating_sub(oldest.date).max(0),
            responder: s.sender,
        });
    }
}
