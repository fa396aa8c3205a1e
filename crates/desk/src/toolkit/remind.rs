//! Reminders on the `Desk`: set, cancelled, fired at their time (in `run_timers`) or when
//! the customer writes again, lifting their chat until it is opened; the list of all of
//! them. In: the admin's choice (`Due`, from `reminders::When`), customer messages, the
//! desk's time. Out: `Transition::ReminderDue`, the rows' `reminder`, the store's marks.

use super::desk::ReminderView;
use super::reminders::{Due, Reminder};
use super::{StoredReminder, ToolkitChange};
use crate::core::Desk;
use crate::model::{ChatId, UnixTime};
use crate::view::{LocalChange, Transition};

impl Desk {
    /// Sets the chat's reminder (replacing one it had), with an optional note. Returns the
    /// reminder as a transition if it is due already (a time just past).
    pub fn set_reminder(&mut self, chat: ChatId, due: Due, note: &str) -> Vec<Transition> {
        self.drop_reminder(chat);
        let reminder = Reminder {
            chat,
            due,
            note: note.trim().to_owned(),
            set_at: self.now,
        };
        if let Due::At(at) = due {
            self.toolkit.deadlines.insert((at, chat));
        }
        self.toolkit.reminders.insert(chat, reminder.clone());
        let stored = StoredReminder {
            reminder,
            fired_at: None,
        };
        let mut out = self.mark_changed(
            chat,
            ToolkitChange::Reminder {
                chat,
                reminder: Some(stored),
            },
        );
        self.fire_due_reminders(&mut out);
        out
    }

    /// Cancels the chat's reminder, fired or not. Returns whether it had one.
    pub fn cancel_reminder(&mut self, chat: ChatId) -> bool {
        let had = self.drop_reminder(chat);
        if had {
            self.mark_changed(
                chat,
                ToolkitChange::Reminder {
                    chat,
                    reminder: None,
                },
            );
        }
        had
    }

    fn drop_reminder(&mut self, chat: ChatId) -> bool {
        let t = &mut self.toolkit;
        let fired = t.fired.remove(&chat).is_some();
        match t.reminders.remove(&chat) {
            Some(r) => {
                if let Due::At(at) = r.due {
                    t.deadlines.remove(&(at, chat));
                }
                true
            }
            None => fired,
        }
    }

    /// The admin opened the chat: a reminder that fired there is done.
    pub fn chat_opened(&mut self, chat: ChatId) {
        if self.toolkit.fired.contains_key(&chat) {
            self.toolkit.fired.remove(&chat);
            self.mark_changed(
                chat,
                ToolkitChange::Reminder {
                    chat,
                    reminder: None,
                },
            );
        }
    }

    /// How many reminders there are, fired ones included.
    pub fn reminder_count(&self) -> usize {
        self.toolkit.reminders.len() + self.toolkit.fired.len()
    }

    /// Every reminder, fired ones first, then by when they are due ("when the customer
    /// writes" last).
    pub fn reminders(&self) -> Vec<ReminderView> {
        let title = |chat: ChatId| self.row(chat).map(|r| r.title).unwrap_or_default();
        let mut out: Vec<ReminderView> = self
            .toolkit
            .fired
            .iter()
            .map(|(&chat, (at, note))| ReminderView {
                chat,
                title: title(chat),
                due: Due::At(*at),
                note: self.masked(note).into_owned(),
                fired_at: Some(*at),
            })
            .chain(self.toolkit.reminders.values().map(|r| ReminderView {
                chat: r.chat,
                title: title(r.chat),
                due: r.due,
                note: self.masked(&r.note).into_owned(),
                fired_at: None,
            }))
            .collect();
        let key = |r: &ReminderView| match (r.fired_at, r.due) {
            (Some(at), _) => (0, at, r.chat),
            (None, Due::At(at)) => (1, at, r.chat),
            (None, Due::CustomerWrites) => (2, 0, r.chat),
        };
        out.sort_by_key(key);
        out
    }

    /// Fires the reminders due by the desk's time, on chats the desk knows: one due while
    /// the app was closed waits for its chat to be announced after the start, so that its
    /// notification can name it.
    pub(crate) fn fire_due_reminders(&mut self, out: &mut Vec<Transition>) {
        let due: Vec<(UnixTime, ChatId)> = self
            .toolkit
            .deadlines
            .range(..=(self.now, ChatId::MAX))
            .filter(|(_, chat)| self.chats.contains_key(chat))
            .copied()
            .collect();
        for (at, chat) in due {
            self.toolkit.deadlines.remove(&(at, chat));
            self.fire(chat, at, out);
        }
    }

    /// A customer wrote in `chat`: a reminder waiting for that fires.
    pub(crate) fn customer_wrote(
        &mut self,
        chat: ChatId,
        date: UnixTime,
        out: &mut Vec<Transition>,
    ) {
        if self
            .toolkit
            .reminders
            .get(&chat)
            .is_some_and(|r| r.due == Due::CustomerWrites)
        {
            self.fire(chat, date.max(self.now), out);
        }
    }

    fn fire(&mut self, chat: ChatId, at: UnixTime, out: &mut Vec<Transition>) {
        let Some(reminder) = self.toolkit.reminders.remove(&chat) else {
            return;
        };
        self.toolkit.fired.insert(chat, (at, reminder.note.clone()));
        let stored = StoredReminder {
            reminder,
            fired_at: Some(at),
        };
        self.changes
            .push(LocalChange::Toolkit(ToolkitChange::Reminder {
                chat,
                reminder: Some(stored),
            }));
        self.update(chat, out, |_, _| {});
        out.push(Transition::ReminderDue { chat });
    }

    /// The earliest reminder due after now, if any (one past due waits for its chat, not
    /// for a timer).
    pub(crate) fn next_reminder(&self) -> Option<UnixTime> {
        let after = (self.now.saturating_add(1), ChatId::MIN);
        self.toolkit
            .deadlines
            .range(after..)
            .next()
            .map(|&(due, _)| due)
    }
}
