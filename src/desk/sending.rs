//! This account's sends in flight. TDLib announces an outgoing message under a temporary
//! id (`MessageArrived` with `outgoing`), then confirms it (`MessageIdChanged`) or gives it
//! up (`MessageSendFailed`, or deletes it). In flight it hides the customer messages below
//! it, so the admin's reply clears the red at once, but it answers nothing for good and
//! logs no statistics: confirmed, it becomes a staff reply under its server id; failed, the
//! wait is exactly what it would have been had the message never been sent.

use super::chat::{Chat, Sending};
use super::core::Desk;
use super::model::{ChatId, MessageId, Role, Sender};
use super::view::{StatEvent, Transition};

impl Desk {
    /// A sent message's temporary id became the server's. Only this account's messages
    /// change id, so the new id is a staff message: customer messages the server placed
    /// before it are answered too.
    pub(crate) fn id_changed(
        &mut self,
        chat: ChatId,
        old: MessageId,
        new: MessageId,
        out: &mut Vec<Transition>,
    ) {
        let own = self.own_user.map(Sender::User);
        let now = self.now;
        let Some(c) = self.chats.get(&chat) else {
            return;
        };
        let before = self.snapshot(c);
        let c = self.chats.get_mut(&chat).expect("present");
        if c.last_id == Some(old) {
            c.last_id = Some(new);
        }
        c.max_id = Some(c.max_id.map_or(new, |x| x.max(new)));
        let sent = c.finish_sending(old);
        if c.support {
            let stats = &mut self.stats;
            stats.push(StatEvent::MessageIdChanged {
                chat,
                old,
                new,
                date: sent.map(|s| s.date),
            });
            let date = match sent {
                // In flight until now: logged for the first time, under the server id.
                Some(s) => {
                    stats.push(StatEvent::Message {
                        chat,
                        message: new,
                        role: Role::Staff,
                        date: s.date,
                    });
                    s.date
                }
                // Known as history (sent before this session): logged under the old id
                // already, which the store renames.
                None => c.last_date.unwrap_or(now),
            };
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
}

/// Takes a send that was never resolved as sent, under its temporary id (the limit of
/// `SENDING_MAX` was reached: e.g. a message this account sent elsewhere, which TDLib
/// never confirms). A later `MessageIdChanged` for it renames what this logged.
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
