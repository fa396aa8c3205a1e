//! `Figures::compute`: the period's digests and open waits in, every table of the
//! Statistics screen out (definitions in the module docs of `figures`).

use std::borrow::Borrow;
use std::cmp::{Ordering, Reverse};

use crate::calendar::{CivilDate, LocalTime};
use crate::model::{ChatId, MessageId, Sender, UnixTime};

use super::tally::Tally;
use super::{DayDigest, FigureSettings, Inputs, OpenWait, Period, WaitStats};

/// One local hour of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourRow {
    /// Its first instant in the period.
    pub start: UnixTime,
    pub local: LocalTime,
    pub active_chats: u32,
    pub customer: u32,
    pub staff: u32,
}

/// One local day of the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayRow {
    pub date: CivilDate,
    pub start: UnixTime,
    pub active_chats: u32,
    pub customer: u32,
    pub staff: u32,
    /// Waits that started this day.
    pub waits: WaitStats,
}

/// One admin's answered waits over the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminRow {
    pub responder: Sender,
    pub waits: WaitStats,
}

/// One admin's answered waits that started on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminDay {
    pub responder: Sender,
    pub date: CivilDate,
    pub waits: WaitStats,
}

/// One of the period's longest waits, for drill-down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongWait {
    pub chat: ChatId,
    /// The customer message it started at (open it there), when known.
    pub message: Option<MessageId>,
    pub start: UnixTime,
    pub wait_secs: i64,
    /// No reply yet: `wait_secs` is so far.
    pub open: bool,
    pub responder: Option<Sender>,
}

impl LongWait {
    /// Longer first, then earlier, then by chat and message.
    pub(super) fn rank(
        &self,
    ) -> (
        i64,
        Reverse<UnixTime>,
        Reverse<ChatId>,
        Reverse<Option<MessageId>>,
    ) {
        (
            self.wait_secs,
            Reverse(self.start),
            Reverse(self.chat),
            Reverse(self.message),
        )
    }
}

/// Ordered by rank, for the top-N heap.
pub(super) struct Ranked(pub LongWait);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.0.rank() == other.0.rank()
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank().cmp(&other.0.rank())
    }
}

/// Everything the Statistics screen and `dutydesk stats` show for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub period: Period,
    pub as_of: UnixTime,
    /// The zone days and hours are in.
    pub zone: String,
    /// Waits were measured in business hours.
    pub business_hours: bool,
    pub hours: Vec<HourRow>,
    pub days: Vec<DayRow>,
    /// Every wait of the period.
    pub team: WaitStats,
    /// By answered waits, most first.
    pub admins: Vec<AdminRow>,
    /// By day, then as `admins`.
    pub admin_days: Vec<AdminDay>,
    /// Customer messages by local weekday (0 = Monday) and hour.
    pub heatmap: [[u32; 24]; 7],
    pub longest: Vec<LongWait>,
    pub customer_messages: u64,
    pub staff_messages: u64,
}

impl Figures {
    /// No message and no wait in the period.
    pub fn is_empty(&self) -> bool {
        self.customer_messages + self.staff_messages == 0
            && self.team.answered == 0
            && self.team.open == 0
    }

    pub fn compute(inputs: &Inputs, settings: &FigureSettings) -> Figures {
        Figures::compute_days(
            inputs.period,
            inputs.as_of,
            &inputs.open,
            &inputs.days,
            settings,
        )
    }

    /// The same from digests handed over one at a time (in day order), so a year is never
    /// held decoded at once: the store decodes each day's digest as it reads it.
    ///
    /// Two threads share a long period: one takes the days from `days` (decoding them, for
    /// the store) and counts their messages and active chats, the caller's measures and
    /// ranks their waits. Each half is about as long as the other, so a year's figures take
    /// half the wall time on two cores.
    pub fn compute_days<D, I>(
        period: Period,
        as_of: UnixTime,
        open: &[OpenWait],
        days: I,
        settings: &FigureSettings,
    ) -> Figures
    where
        D: Borrow<DayDigest> + Send,
        I: IntoIterator<Item = D>,
        I::IntoIter: Send,
    {
        let days = days.into_iter();
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<D>(16);
            let counter = s.spawn(move || {
                let mut counts = Tally::counting(period, as_of, settings);
                for d in days {
                    counts.day_messages(d.borrow());
                    if tx.send(d).is_err() {
                        break;
                    }
                }
                counts
            });
            let mut tally = Tally::new(period, as_of, settings);
            for d in rx {
                tally.day_waits(d.borrow());
            }
            tally.open(open);
            // The counter only returns; a panic there is a bug worth seeing here.
            let counts = counter
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            tally.finish(counts)
        })
    }
}
