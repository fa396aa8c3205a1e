//! The statistics figures: pure functions from the statistics log (the store's logged
//! support messages and first replies) to what the Statistics screen and `dutydesk stats`
//! show. No clock is read: the period, the time "now" (`as_of`), the team's time zone,
//! thresholds and calendar are passed in.
//!
//! Definitions (the same on the screen, on the command line and in CSV):
//! - **Period**: `[from, to)`, both rounded down to the quarter hour. Days and hours are
//!   the team's time zone's: a day starts at local midnight (or the first time after it
//!   that exists), so a DST day has 23 or 25 hours; a repeated hour is listed twice.
//! - **Messages** count once each (the log keeps a message once however often it is seen)
//!   in the local hour of their own date, by the role logged (customer or staff).
//!   **Active chats** in an hour (a day): support chats with at least one message in it.
//!   The **heatmap** sums customer messages by local weekday (Monday first) and hour.
//! - **A wait** is the span from a support chat's oldest unanswered customer message (its
//!   own date, even if it arrived late) to the first staff message after it: the first
//!   reply the desk logs. A staff message answers every customer message before it. A
//!   colleague's reply answers like this account's and is the colleague's wait (per admin
//!   = by who sent the first reply). A send that failed never reached the customer and
//!   answers nothing: the wait runs on to the next real reply. "No reply needed" ends a
//!   wait without a reply: it is no wait at all (not in times, shares or open waits), its
//!   messages still count as messages.
//! - **Attribution**: a wait belongs to the local hour, day and period its customer's
//!   message was written in, however long it lasts: it is counted in exactly one period.
//! - **Length**: reply date − start; with a business calendar, only the calendar's open
//!   seconds between them (a message at 23:00 waits from 09:00 the next working day).
//! - **Open waits** (no reply logged by `as_of`, normally now) have waited `as_of − start`
//!   so far (business seconds with a calendar). They are not in the average, median or P90
//!   (those are of answered waits), are listed among the longest waits (marked open), and
//!   count in SLA shares as a miss of each threshold they have already passed; one still
//!   under a threshold is undecided and left out of that share. Open waits are nobody's:
//!   they count for the team and the day, not for an admin.
//! - **Median and P90** are nearest-rank: the smallest wait that at least 50% (90%) of the
//!   waits are no longer than. The average is the arithmetic mean, in seconds.
//! - **SLA shares**: of the decided waits, those answered before red (wait < red) and
//!   before breach (wait < breach): a wait of exactly the red threshold is red, as on the
//!   list. Thresholds are per chat (`Sla::for_chat`), so SLA tiers slot in.
//! - **Longest waits**: answered and open waits of the period by length, longest first
//!   (ties: earlier start, then chat), with the customer message that started each.
//!
//! Flow: the store gives `DayDigest`s (one per UTC day, see `digest`) and the open waits;
//! `Inputs::from_rows` builds the same from raw rows; `Figures::compute` does the rest.
//! `live_minutes` is the last hour, per minute, from raw rows.

mod compute;
pub mod digest;
mod grid;
mod live;
mod summary;
mod tally;

use std::collections::HashMap;
use std::sync::Arc;

pub use compute::{AdminDay, AdminRow, DayRow, Figures, HourRow, LongWait};
pub use digest::{DayDigest, QUARTER_SECS, QuarterCount, utc_day};
pub use live::{MinuteRow, live_minutes};
pub use summary::{SlaShare, WaitStats};

use crate::calendar::{BusinessCalendar, Zone};
use crate::model::{ChatId, MessageId, Role, Sender, UnixTime};

/// A logged message in a support chat (a `stat_messages` row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageRecord {
    pub chat: ChatId,
    pub message: MessageId,
    pub role: Role,
    pub date: UnixTime,
}

/// A logged first staff reply (a `stat_replies` row): `date` is the reply's, the wait
/// started `waited_secs` before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyRecord {
    pub chat: ChatId,
    pub message: MessageId,
    pub date: UnixTime,
    pub waited_secs: i64,
    pub responder: Sender,
}

/// An answered wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    pub chat: ChatId,
    /// The customer message it started at, when the log has it.
    pub message: Option<MessageId>,
    pub start: UnixTime,
    /// The first reply's date.
    pub end: UnixTime,
    /// Who sent the first reply.
    pub responder: Sender,
}

/// A wait with no reply logged yet: the chat's oldest customer message not answered by a
/// staff message nor dismissed ("no reply needed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OpenWait {
    pub start: UnixTime,
    pub chat: ChatId,
    pub message: MessageId,
}

/// A statistics period: `[from, to)`, rounded down to quarter hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: UnixTime,
    pub to: UnixTime,
}

impl Period {
    pub fn new(from: UnixTime, to: UnixTime) -> Period {
        let round = |t: UnixTime| t - t.rem_euclid(QUARTER_SECS);
        let from = round(from);
        Period {
            from,
            to: round(to).max(from),
        }
    }

    pub fn contains(&self, t: UnixTime) -> bool {
        self.from <= t && t < self.to
    }

    /// The UTC days the period touches (digests to read), first and last inclusive.
    pub fn utc_days(&self) -> std::ops::RangeInclusive<i64> {
        utc_day(self.from)..=utc_day((self.to - 1).max(self.from))
    }
}

/// Red and breach thresholds, in seconds of waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub red_secs: i64,
    pub breach_secs: i64,
}

/// Which thresholds a chat's waits are held to: the team's, or the chat's own tier (the
/// toolkit's tiers, per chat or through a tag: `From<SlaMap>`, taken from
/// `Desk::sla_map`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sla {
    pub default: Thresholds,
    pub per_chat: HashMap<ChatId, Thresholds>,
}

impl From<crate::toolkit::tiers::Thresholds> for Thresholds {
    fn from(t: crate::toolkit::tiers::Thresholds) -> Thresholds {
        Thresholds {
            red_secs: t.red_after_secs,
            breach_secs: t.breach_after_secs,
        }
    }
}

impl From<crate::toolkit::tiers::SlaMap> for Sla {
    fn from(map: crate::toolkit::tiers::SlaMap) -> Sla {
        Sla {
            default: map.default.into(),
            per_chat: map.chats.into_iter().map(|(c, t)| (c, t.into())).collect(),
        }
    }
}

impl Sla {
    pub fn team(red_secs: i64, breach_secs: i64) -> Sla {
        Sla {
            default: Thresholds {
                red_secs,
                breach_secs,
            },
            per_chat: HashMap::new(),
        }
    }

    pub fn for_chat(&self, chat: ChatId) -> Thresholds {
        if self.per_chat.is_empty() {
            return self.default;
        }
        self.per_chat.get(&chat).copied().unwrap_or(self.default)
    }
}

/// How the figures are computed: the team's zone, thresholds, optional calendar.
#[derive(Debug, Clone)]
pub struct FigureSettings {
    /// Days, hours and the heatmap are in this zone (the calendar's, when there is one).
    pub zone: Zone,
    pub sla: Sla,
    /// With a calendar, waits count only its open seconds.
    pub calendar: Option<Arc<BusinessCalendar>>,
    /// How many longest waits to list.
    pub longest: usize,
}

impl FigureSettings {
    pub fn new(zone: Zone, sla: Sla) -> FigureSettings {
        FigureSettings {
            zone,
            sla,
            calendar: None,
            longest: 20,
        }
    }
}

/// Everything the figures of one period are computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub period: Period,
    /// "Now": how long open waits have waited so far.
    pub as_of: UnixTime,
    /// The digests of the UTC days the period touches, in order (missing days: no data).
    pub days: Vec<DayDigest>,
    /// Open waits (any start; the figures keep those that started in the period).
    pub open: Vec<OpenWait>,
}

impl Inputs {
    /// The inputs from raw log rows: `messages` must hold every logged message up to
    /// `as_of` that could matter (the period's, and for open waits each chat's history since
    /// its last staff message; all rows is always right), `replies` every first reply whose
    /// wait started in the period, `dismissed` the "no reply needed" marks (chat, up to id).
    pub fn from_rows(
        period: Period,
        as_of: UnixTime,
        messages: &[MessageRecord],
        replies: &[ReplyRecord],
        dismissed: &[(ChatId, MessageId)],
    ) -> Inputs {
        let mut by_day: HashMap<i64, (Vec<MessageRecord>, Vec<ReplyRecord>)> = HashMap::new();
        let days = period.utc_days();
        for m in messages.iter().filter(|m| days.contains(&utc_day(m.date))) {
            by_day.entry(utc_day(m.date)).or_default().0.push(*m);
        }
        for r in replies {
            let day = utc_day(r.date - r.waited_secs);
            if days.contains(&day) {
                by_day.entry(day).or_default().1.push(*r);
            }
        }
        let mut digests: Vec<DayDigest> = by_day
            .into_iter()
            .map(|(day, (m, r))| DayDigest::build(day, &m, &r))
            .collect();
        digests.sort_unstable_by_key(|d| d.day);
        Inputs {
            period,
            as_of,
            days: digests,
            open: open_waits(messages, dismissed),
        }
    }
}

/// Each support chat's open wait, from its logged messages and "no reply needed" marks: the
/// oldest (by date, then id) customer message at or above the chat's answer line (above
/// its highest staff message, and above the highest dismissed id). By start, then chat.
pub fn open_waits(messages: &[MessageRecord], dismissed: &[(ChatId, MessageId)]) -> Vec<OpenWait> {
    let mut answered_below: HashMap<ChatId, MessageId> = HashMap::new();
    let mut raise = |chat, below: MessageId| {
        let e = answered_below.entry(chat).or_insert(MessageId::MIN);
        *e = (*e).max(below);
    };
    for m in messages.iter().filter(|m| m.role == Role::Staff) {
        raise(m.chat, m.message);
    }
    for &(chat, up_to) in dismissed {
        raise(chat, up_to.saturating_add(1));
    }
    let mut open: HashMap<ChatId, OpenWait> = HashMap::new();
    for m in messages.iter().filter(|m| m.role == Role::Customer) {
        let line = answered_below
            .get(&m.chat)
            .copied()
            .unwrap_or(MessageId::MIN);
        if m.message < line {
            continue;
        }
        let w = OpenWait {
            start: m.date,
            chat: m.chat,
            message: m.message,
        };
        open.entry(m.chat)
            .and_modify(|o| {
                if (w.start, w.message) < (o.start, o.message) {
                    *o = w;
                }
            })
            .or_insert(w);
    }
    let mut out: Vec<OpenWait> = open.into_values().collect();
    out.sort_unstable();
    out
}
