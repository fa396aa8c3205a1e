//! SLA tiers and the one seam where a chat's red and breach are decided.
//!
//! In: the thresholds in force for a chat (`Desk::thresholds`: its own tier, else the
//! strictest tier of its tags, else the team's or the admin's SLA), a wait's start and the
//! time. Out: the wait's level and when it next rises. The list, the counters, the
//! notifications (through the desk's deadlines) and statistics (`SlaMap`) all read the same
//! thresholds, so a VIP chat is red at its own minutes everywhere.
//!
//! With a business-hours calendar (`WaitClock::Business`) `Thresholds::level_on` counts only
//! open seconds: a message at 23:00 turns red minutes after 09:00 the next working day.

use std::collections::HashMap;

use crate::calendar::WaitClock;
use crate::model::{ChatId, UnixTime};
use crate::view::Status;

/// When a waiting chat turns red and when it breaches, in seconds of waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Thresholds {
    pub red_after_secs: i64,
    pub breach_after_secs: i64,
}

impl Thresholds {
    /// Breach never before red.
    pub fn new(red_after_secs: i64, breach_after_secs: i64) -> Thresholds {
        Thresholds {
            red_after_secs,
            breach_after_secs: breach_after_secs.max(red_after_secs),
        }
    }

    /// The level of a wait that started at `since`, as of `now`, and when it next rises
    /// (`None` once breached), every second counted.
    pub fn level(self, since: UnixTime, now: UnixTime) -> (Status, Option<UnixTime>) {
        self.level_on(&WaitClock::AroundTheClock, since, now)
    }

    /// The level on `clock` (business hours count only open seconds) and when it next
    /// rises: `None` once breached, or when the calendar never opens again.
    pub fn level_on(
        self,
        clock: &WaitClock,
        since: UnixTime,
        now: UnixTime,
    ) -> (Status, Option<UnixTime>) {
        let waited = clock.elapsed(since, now);
        if waited >= self.breach_after_secs {
            (Status::Breach, None)
        } else if waited >= self.red_after_secs {
            (Status::Red, clock.deadline(since, self.breach_after_secs))
        } else {
            (Status::Waiting, clock.deadline(since, self.red_after_secs))
        }
    }

    /// Whether a first reply after `waited_secs` kept this SLA (for statistics).
    pub fn met(self, waited_secs: i64) -> bool {
        waited_secs < self.breach_after_secs
    }
}

/// A named tier from the toolkit settings (`[sla_tiers.<key>]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// The key in the document (`vip`); what tags and chats name.
    pub key: String,
    /// What the admin sees; the key when the document gives none.
    pub label: String,
    pub thresholds: Thresholds,
    /// Chats the document puts in this tier.
    pub chats: Vec<ChatId>,
}

/// Every chat's thresholds at one moment, for code that judges waits outside the desk
/// (statistics over the store's log, CSV export): `of(chat)` is what `Desk::thresholds`
/// said when the map was taken. Cheap to clone; chats on the default are not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaMap {
    pub default: Thresholds,
    pub chats: HashMap<ChatId, Thresholds>,
}

impl SlaMap {
    pub fn of(&self, chat: ChatId) -> Thresholds {
        self.chats.get(&chat).copied().unwrap_or(self.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_deadlines() {
        let t = Thresholds::new(240, 300);
        assert_eq!(t.level(1000, 1000), (Status::Waiting, Some(1240)));
        assert_eq!(t.level(1000, 1239), (Status::Waiting, Some(1240)));
        assert_eq!(t.level(1000, 1240), (Status::Red, Some(1300)));
        assert_eq!(t.level(1000, 1300), (Status::Breach, None));
        assert_eq!(Thresholds::new(600, 60).breach_after_secs, 600);
        assert!(t.met(299) && !t.met(300));
    }
}
