//! The oracle the property tests compare the desk with: every message kept whole, every
//! answer recomputed from scratch.

use std::collections::{BTreeMap, BTreeSet};

use super::{BREACH, CHATS, RED};
use desk::{Filter, Status};

#[derive(Debug, Clone)]
pub struct Msg {
    pub id: i64,
    pub staff: bool,
    pub date: i64,
    pub late: bool,
    pub deleted: bool,
    /// Arrived while the chat was a support chat (only those are tracked for waiting).
    pub tracked: bool,
    /// The chat stopped being a support chat after it arrived: its wait starts afresh.
    pub dropped: bool,
    /// A staff message that answers the customer messages below it: one seen in a support
    /// chat, deleted or not, unless it was a send that failed or was confirmed under
    /// another id (its confirmed copy answers instead).
    pub answers: bool,
    /// A send in flight (this account's new message, not yet confirmed or failed).
    pub sending: bool,
    /// A send that failed (or was deleted in flight): it never reached anyone.
    pub failed: bool,
    /// A send in flight past the desk's limit, which takes it as sent: statistics may name
    /// it early, but it answers only while it is not failed, like any send in flight.
    pub taken: bool,
}

/// The desk's limit of sends in flight per chat (`SENDING_MAX`).
pub const LIMIT: usize = 32;

/// Marks what the desk takes as sent: the oldest sends in flight beyond `LIMIT`.
pub fn take_past_limit(list: &mut [Msg]) {
    let in_flight: Vec<usize> = (0..list.len())
        .filter(|&i| list[i].sending && !list[i].taken)
        .collect();
    for &i in in_flight.iter().rev().skip(LIMIT) {
        list[i].taken = true;
    }
}

/// Everything that happened, kept whole; every answer is recomputed from it.
#[derive(Debug, Default)]
pub struct Oracle {
    /// Per chat, messages in arrival order.
    pub msgs: BTreeMap<i64, Vec<Msg>>,
    /// Per chat, ids covered by "no reply needed" (everything up to the max id seen then).
    pub dismissed: BTreeMap<i64, i64>,
    pub pins: Vec<i64>,
    pub alarms: BTreeSet<i64>,
    pub stars: BTreeSet<i64>,
    /// Chats out of the main list (archived): not listed, not support chats.
    pub unlisted: BTreeSet<i64>,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Waiting {
    pub since: i64,
    pub late: bool,
}

impl Oracle {
    pub fn waiting(&self, chat: i64) -> Option<Waiting> {
        let msgs = self.msgs.get(&chat)?;
        // Staff replies seen in a support chat, deleted or not, answer everything with a
        // lower id; a failed send never does.
        let mut answered = msgs
            .iter()
            .filter(|m| m.answers)
            .map(|m| m.id)
            .max()
            .unwrap_or(i64::MIN);
        if let Some(&d) = self.dismissed.get(&chat) {
            answered = answered.max(d + 1);
        }
        msgs.iter()
            .filter(|m| !m.staff && m.tracked && !m.dropped && !m.deleted && m.id >= answered)
            .map(|m| (m.date, !m.late))
            .min()
            .map(|(since, not_late)| Waiting {
                since,
                late: !not_late,
            })
    }

    pub fn jump(&self, chat: i64, damping: i64) -> Option<i64> {
        let mut jump = None;
        let mut prev: Option<i64> = None;
        for m in self.msgs.get(&chat).into_iter().flatten() {
            if prev.is_none_or(|p| m.date - p > damping) {
                jump = Some(jump.map_or(m.date, |j: i64| j.max(m.date)));
            }
            prev = Some(prev.map_or(m.date, |p| p.max(m.date)));
        }
        jump
    }

    pub fn status(&self, chat: i64, now: i64) -> Status {
        if self.alarms.contains(&chat) {
            return Status::Alarm;
        }
        match self.waiting(chat) {
            None => Status::Normal,
            Some(w) if now - w.since >= BREACH => Status::Breach,
            Some(w) if now - w.since >= RED => Status::Red,
            Some(_) => Status::Waiting,
        }
    }

    pub fn order(&self, filter: Filter, damping: i64, float: bool) -> Vec<i64> {
        let mut keyed: Vec<((u8, i64), i64)> = (0..CHATS)
            .filter(|c| !self.unlisted.contains(c))
            .filter(|c| match filter {
                Filter::All | Filter::Support => true,
                Filter::Waiting => self.waiting(*c).is_some(),
                Filter::Starred => self.stars.contains(c),
                // No team here: nothing is assigned to anyone.
                Filter::Mine => false,
            })
            .map(|c| {
                let newest_first = self.jump(c, damping).map_or(i64::MAX, |j| -j);
                let key = if let Some(i) = self.pins.iter().position(|&p| p == c) {
                    (0, i as i64)
                } else if self.alarms.contains(&c) {
                    (1, newest_first)
                } else if let (true, Some(w)) = (float, self.waiting(c)) {
                    (2, w.since)
                } else {
                    (3, newest_first)
                };
                (key, c)
            })
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, c)| c).collect()
    }
}
