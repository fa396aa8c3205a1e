//! One chat's state and its waiting bookkeeping.

use super::model::{ChatId, ChatKind, ContentKind, MessageId, Sender, UnixTime};
use super::view::{StatEvent, Status};

/// How many unconfirmed sends per chat the desk tracks in flight. Every send ends in a
/// confirmation, a failure or a deletion, so this only bounds what never ends; past it the
/// oldest is taken as sent (see `sending::promote`), which a failure can still undo.
pub(crate) const SENDING_MAX: usize = 32;
/// How many settled sends per chat the desk remembers, to refuse stale re-deliveries of
/// them (see `Chat::settled`): a history page races at most the few sends of the moment.
pub(crate) const SETTLED_MAX: usize = 8;

/// An unanswered customer message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pending {
    pub date: UnixTime,
    pub late: bool,
}

impl Pending {
    /// The order waits compare in: the oldest first and, among equal dates, a late one, so
    /// the row says "late" whenever the wait it shows comes from a late delivery.
    fn rank(self) -> (UnixTime, bool) {
        (self.date, !self.late)
    }

    /// The statistic of the staff reply `message` (at `date`, by `responder`) that ended
    /// this wait, the oldest it answered.
    pub(crate) fn first_reply(
        self,
        chat: ChatId,
        message: MessageId,
        date: UnixTime,
        responder: Sender,
    ) -> StatEvent {
        StatEvent::FirstReply {
            chat,
            message,
            date,
            waited_secs: date.saturating_sub(self.date).max(0),
            responder,
        }
    }
}

/// The oldest of these customer messages (see `Pending::rank`).
pub(crate) fn oldest(entries: &[(MessageId, Pending)]) -> Option<Pending> {
    entries.iter().map(|e| e.1).min_by_key(|p| p.rank())
}

/// A message this account is sending: announced under a temporary id, not yet confirmed
/// by the server (`MessageIdChanged`) nor failed (`MessageSendFailed`, or deleted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sending {
    pub id: MessageId,
    pub date: UnixTime,
    pub sender: Sender,
    /// It arrived in a support chat: while in flight it hides the customer messages below
    /// it, as a reply would, without answering them for good.
    pub answers: bool,
}

/// The position of a chat in the list: band first, then `primary`, then the id as tie-break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key {
    pub band: u8,
    pub primary: i64,
    pub chat: ChatId,
}

/// Alerts chats (monitoring) sit above everything else.
pub(crate) const BAND_ALERTS: u8 = 0;
pub(crate) const BAND_PINNED: u8 = 1;
pub(crate) const BAND_ALARM: u8 = 2;
pub(crate) const BAND_WAITING: u8 = 3;
pub(crate) const BAND_REST: u8 = 4;

#[derive(Debug, Clone)]
pub(crate) struct Chat {
    pub id: ChatId,
    pub kind: ChatKind,
    pub title: String,
    pub title_lower: String,
    pub in_main_list: bool,
    pub folders: Vec<i32>,
    /// Derived from the rules and flags; recomputed when any input changes.
    pub support: bool,
    /// Cached title-pattern match; `None` after the title or the pattern changed.
    pub title_match: Option<bool>,
    /// The last message (highest id seen and not deleted).
    pub last_id: Option<MessageId>,
    pub last_date: Option<UnixTime>,
    pub preview: String,
    pub content: Option<ContentKind>,
    /// This account's messages in flight, oldest first (at most `SENDING_MAX`).
    pub sending: Vec<Sending>,
    /// The highest id among `sending` that answers: customer messages below it are hidden
    /// from the wait (still kept in `pending`, so a failed send brings them back).
    pub sending_up_to: MessageId,
    /// Sends taken as sent past `SENDING_MAX` and neither confirmed nor failed since, by
    /// id. Logged, and answering, but a failure still undoes them (`sending::untake`).
    /// A staff reply above one makes it moot, and it is dropped then.
    pub taken: Vec<Sending>,
    /// Customer messages below the highest answering `taken` send, by id: answered as far
    /// as the wait goes, and back in `pending` if the sends above them all fail.
    pub set_aside: Vec<(MessageId, Pending)>,
    /// Temporary ids of this account's sends no longer in flight: confirmed, failed, or
    /// taken as sent past `SENDING_MAX`; newest last, at most `SETTLED_MAX`. A page of
    /// history read while one was pending can come back after that; delivered then as in
    /// flight, it would start a send that never ends, hiding the waits below it for good
    /// (or, taken as sent already, log it twice).
    pub settled: Vec<MessageId>,
    /// Highest message id seen, deleted or not: what "no reply needed" covers.
    pub max_id: Option<MessageId>,
    /// Latest message date seen, deleted or not: what damping compares against.
    pub max_date: Option<UnixTime>,
    /// Damped activity: the date of the last message that was allowed to move the chat up.
    pub jump: UnixTime,
    /// Customer messages after `answered_up_to`, sorted by id; only kept for support chats.
    /// A Vec, not a map: ids mostly arrive in order (push at the end), a reply drains a
    /// prefix, and the buffer is reused across a conversation's waits.
    pub pending: Vec<(MessageId, Pending)>,
    /// Staff replies and "no reply needed" answer every customer message with a lower id.
    pub answered_up_to: MessageId,
    /// Cached oldest pending message (date, late) at or above `sending_up_to`: the one the
    /// wait is counted from.
    pub waiting: Option<Pending>,
    /// Normal / Waiting / Red / Breach as of the desk's time (never Alarm).
    pub level: Status,
    /// When `level` next rises, if it will.
    pub deadline: Option<UnixTime>,
    /// Where the chat sits in `Desk::waits` (its wait's start, or `UnixTime::MAX` for a
    /// fired reminder with nobody waiting), if it is listed under "Waiting".
    pub wait_entry: Option<UnixTime>,
    pub unread_count: i32,
    pub marked_unread: bool,
    /// The key under which the chat sits in the order tree, if listed.
    pub key: Option<Key>,
    pub mask: u8,
    /// What the chat adds to the header counters, as last counted (see `Desk::contrib`).
    pub counted: [bool; COUNTED],
}

/// How many header counters a chat contributes to (see `core::contrib_of`).
pub(crate) const COUNTED: usize = 8;

impl Chat {
    pub(crate) fn new(id: ChatId, kind: ChatKind, title: String) -> Self {
        Self {
            id,
            kind,
            title_lower: title.to_lowercase(),
            title,
            in_main_list: true,
            folders: Vec::new(),
            support: false,
            title_match: None,
            last_id: None,
            last_date: None,
            preview: String::new(),
            content: None,
            sending: Vec::new(),
            sending_up_to: i64::MIN,
            taken: Vec::new(),
            set_aside: Vec::new(),
            settled: Vec::new(),
            max_id: None,
            max_date: None,
            jump: i64::MIN,
            pending: Vec::new(),
            answered_up_to: i64::MIN,
            waiting: None,
            level: Status::Normal,
            deadline: None,
            wait_entry: None,
            unread_count: 0,
            marked_unread: false,
            key: None,
            mask: 0,
            counted: [false; COUNTED],
        }
    }

    pub(crate) fn set_title(&mut self, title: String) {
        self.title_lower = title.to_lowercase();
        self.title = title;
        self.title_match = None;
    }

    pub(crate) fn unread(&self) -> bool {
        self.unread_count > 0 || self.marked_unread
    }

    /// Damped ordering: the chat moves up only if more than `damping` passed since the
    /// previous message's date. Late messages (older dates) never move it down.
    pub(crate) fn note_activity(&mut self, date: UnixTime, damping: i64) {
        let moves = match self.max_date {
            None => true,
            Some(prev) => date.saturating_sub(prev) > damping,
        };
        if moves {
            self.jump = self.jump.max(date);
        }
        self.max_date = Some(self.max_date.map_or(date, |p| p.max(date)));
    }

    /// Records a customer message unless a staff reply or dismissal already covers it.
    pub(crate) fn add_pending(&mut self, id: MessageId, date: UnixTime, late: bool) {
        if id < self.answered_up_to {
            return;
        }
        let p = Pending { date, late };
        if id < self.taken_up_to() {
            // Answered by a send taken as sent, unless that send fails.
            match self.set_aside.binary_search_by_key(&id, |e| e.0) {
                Ok(i) => self.set_aside[i].1 = p,
                Err(i) => self.set_aside.insert(i, (id, p)),
            }
            return;
        }
        match self.pending.last() {
            Some(&(last, _)) if last >= id => match self.pending.binary_search_by_key(&id, |e| e.0)
            {
                Ok(i) => {
                    // Re-delivered (TDLib sends a message again as a chat's last one, and
                    // a storm does so for every message): the wait changes only if this
                    // entry now comes first, or was the first. Scanning every time made
                    // each delivery cost the length of an unanswered backlog.
                    let old = std::mem::replace(&mut self.pending[i].1, p);
                    if old != p && id >= self.sending_up_to {
                        self.waiting_changed(old, Some(p));
                    }
                    return;
                }
                Err(i) => self.pending.insert(i, (id, p)),
            },
            _ => self.pending.push((id, p)),
        }
        if id >= self.sending_up_to && self.waiting.is_none_or(|w| p.rank() < w.rank()) {
            self.waiting = Some(p);
        }
    }

    /// A staff message (or dismissal) with this id answers every customer message before
    /// it. Returns the wait it ended, if it ended one: the oldest answered message.
    pub(crate) fn answer_below(&mut self, id: MessageId) -> Option<Pending> {
        self.answered_up_to = self.answered_up_to.max(id);
        // Answered for good now, whatever becomes of the sends taken as sent below `id`.
        let n = self.set_aside.partition_point(|e| e.0 < id);
        self.set_aside.drain(..n);
        let n = self.taken.partition_point(|s| s.id < id);
        self.taken.drain(..n);
        let n = self.pending.partition_point(|e| e.0 < id);
        if n == 0 {
            return None;
        }
        let oldest = oldest(&self.pending[..n]);
        self.pending.drain(..n);
        self.recompute_waiting();
        oldest
    }

    pub(crate) fn remove_pending(&mut self, id: MessageId) -> bool {
        match self.pending.binary_search_by_key(&id, |e| e.0) {
            Ok(i) => {
                let (_, old) = self.pending.remove(i);
                if id >= self.sending_up_to {
                    self.waiting_changed(old, None);
                }
                true
            }
            // Set aside, it must not come back if the send above it fails.
            Err(_) => match self.set_aside.binary_search_by_key(&id, |e| e.0) {
                Ok(i) => {
                    self.set_aside.remove(i);
                    true
                }
                Err(_) => false,
            },
        }
    }

    /// Forgets the customer messages (not the sends: they still end as sends do).
    pub(crate) fn clear_pending(&mut self) {
        self.pending.clear();
        self.set_aside.clear();
        self.waiting = None;
    }

    /// Keeps `waiting` right after the visible entry `old` became `new` (`None`: removed):
    /// a scan only when `old` may have been the one the wait counted from.
    fn waiting_changed(&mut self, old: Pending, new: Option<Pending>) {
        match (self.waiting, new) {
            (None, Some(p)) => self.waiting = Some(p),
            (Some(w), Some(p)) if p.rank() < w.rank() => self.waiting = Some(p),
            (Some(w), _) if old.rank() == w.rank() => self.recompute_waiting(),
            _ => {}
        }
    }

    /// The oldest pending message not hidden by a send in flight (see `Pending::rank`).
    pub(super) fn recompute_waiting(&mut self) {
        let from = self.pending.partition_point(|e| e.0 < self.sending_up_to);
        self.waiting = oldest(&self.pending[from..]);
    }

    /// Remembers a send settled under this temporary id (see `settled`).
    pub(crate) fn note_settled(&mut self, id: MessageId) {
        if self.settled.len() >= SETTLED_MAX {
            self.settled.remove(0);
        }
        self.settled.push(id);
    }

    pub(crate) fn is_sending(&self, id: MessageId) -> bool {
        self.sending.iter().any(|s| s.id == id)
    }

    /// Tracks a send in flight. Returns the oldest one if it had to make room for it.
    pub(crate) fn start_sending(&mut self, s: Sending) -> Option<Sending> {
        let evicted = (self.sending.len() >= SENDING_MAX).then(|| self.sending.remove(0));
        self.sending.push(s);
        if evicted.is_some_and(|e| e.answers) {
            self.resync_sending();
        } else if s.answers && s.id > self.sending_up_to {
            self.sending_up_to = s.id;
            self.recompute_waiting();
        }
        evicted
    }

    /// Ends a send in flight (confirmed, failed or deleted): what it hid is visible again
    /// unless another send or a reply still covers it. Returns it if it was in flight.
    pub(crate) fn finish_sending(&mut self, id: MessageId) -> Option<Sending> {
        let i = self.sending.iter().position(|s| s.id == id)?;
        let s = self.sending.remove(i);
        if s.answers {
            self.resync_sending();
        }
        Some(s)
    }

    fn resync_sending(&mut self) {
        let up_to = self
            .sending
            .iter()
            .filter(|s| s.answers)
            .map(|s| s.id)
            .max()
            .unwrap_or(i64::MIN);
        if up_to != self.sending_up_to {
            self.sending_up_to = up_to;
            self.recompute_waiting();
        }
    }
}
