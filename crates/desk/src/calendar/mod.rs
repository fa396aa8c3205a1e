//! The team's business-hours calendar: a time zone, opening hours per weekday and holidays.
//! Pure: instants in, seconds and instants out; no clock is read.
//!
//! The rules it keeps:
//! - **Open time** is every instant whose local wall-clock time (in the calendar's zone)
//!   falls in one of its weekday's ranges, on a date that is not a holiday. A range is
//!   `[start, end)` in seconds of the local day (`end` may be 24:00). Ranges are converted
//!   to instants per date, so a day when clocks change is as long as it really is: hours
//!   00:00–24:00 give 23 hours on the spring-forward day and 25 on the fall-back day. A
//!   range edge inside a skipped hour lands just after the gap; in a repeated hour, on its
//!   first occurrence.
//! - **Business seconds** between two instants are the open seconds between them (0 when
//!   `to <= from`). They are monotonic in `to`, additive over splits, never more than the
//!   wall time, and 0 over a span with no open instant.
//! - **The next business instant** of `t` is `t` if the calendar is open then, else the next
//!   opening: a customer who writes at 23:00 starts the clock at 09:00 on the next working
//!   day. A calendar with no hours at all never opens (`None`).
//! - **A deadline** (`deadline(start, secs)`) is the first instant by which `secs` business
//!   seconds have passed since `start`: where a wait turns red or breaches.
//!
//! `WaitClock` is what a waiting time is measured with: around the clock, or this calendar.
//! `Timeline` precomputes a span's openings so that millions of waits are measured in
//! O(log n) each (the statistics use it).

mod parse;
mod timeline;
mod zone;

use std::collections::BTreeSet;
use std::sync::Arc;

pub use parse::{parse_date, parse_hours};
pub use timeline::Timeline;
pub use zone::{CivilDate, LocalTime, WEEKDAYS, Zone};

/// The weekdays as the config file and the team settings name them, Monday first (the
/// calendar's weekday order).
pub const WEEKDAY_KEYS: [&str; WEEKDAYS] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

use crate::model::UnixTime;

/// Seconds in a local day without a clock change.
pub const DAY_SECS: u32 = 86_400;

/// How far ahead `next_business_instant` and `deadline` look before giving up (a calendar
/// whose every working day for ten years is a holiday is as good as closed).
const SEARCH_DAYS: usize = 3_700;

/// Opening hours per weekday (index 0 = Monday): `[start, end)` seconds of the local day,
/// sorted and disjoint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeekHours {
    days: [Vec<(u32, u32)>; WEEKDAYS],
}

impl WeekHours {
    /// Closed every day.
    pub fn closed() -> WeekHours {
        WeekHours::default()
    }

    /// The same ranges Monday to Friday, closed at the weekend.
    pub fn weekdays(ranges: &[(u32, u32)]) -> Result<WeekHours, String> {
        let mut week = WeekHours::closed();
        for day in 0..5 {
            week.set(day, ranges.to_vec())?;
        }
        Ok(week)
    }

    /// Sets one weekday's ranges (0 = Monday). Each must be non-empty and within the day;
    /// overlapping ranges are an error, touching ones merge.
    pub fn set(&mut self, weekday: usize, mut ranges: Vec<(u32, u32)>) -> Result<(), String> {
        if weekday >= WEEKDAYS {
            return Err(format!("weekday {weekday} is not 0 (Monday) to 6 (Sunday)"));
        }
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            if start >= end || end > DAY_SECS {
                return Err(format!(
                    "{} is not a range within one day",
                    parse::show_range(start, end)
                ));
            }
            match merged.last_mut() {
                Some(last) if start < last.1 => {
                    return Err(format!(
                        "{} overlaps {}",
                        parse::show_range(start, end),
                        parse::show_range(last.0, last.1)
                    ));
                }
                Some(last) if start == last.1 => last.1 = end,
                _ => merged.push((start, end)),
            }
        }
        self.days[weekday] = merged;
        Ok(())
    }

    /// One weekday's ranges (0 = Monday).
    pub fn on(&self, weekday: usize) -> &[(u32, u32)] {
        self.days.get(weekday).map_or(&[], Vec::as_slice)
    }

    /// Closed every day of the week.
    pub fn is_closed(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }
}

/// A team's business hours. See the module docs for what it computes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    zone: Zone,
    week: WeekHours,
    holidays: BTreeSet<CivilDate>,
}

impl BusinessCalendar {
    pub fn new(
        zone: Zone,
        week: WeekHours,
        holidays: impl IntoIterator<Item = CivilDate>,
    ) -> BusinessCalendar {
        BusinessCalendar {
            zone,
            week,
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    pub fn week(&self) -> &WeekHours {
        &self.week
    }

    pub fn holidays(&self) -> impl Iterator<Item = CivilDate> + '_ {
        self.holidays.iter().copied()
    }

    /// Appends the open intervals of one local date, as instants, in order.
    pub fn intervals_on(&self, date: CivilDate, out: &mut Vec<(UnixTime, UnixTime)>) {
        if self.holidays.contains(&date) {
            return;
        }
        for &(start, end) in self.week.on(date.weekday()) {
            let open = self.zone.instant(date, start);
            let close = self.zone.instant(date, end);
            // A range wholly inside a skipped hour has no instant at all.
            if close > open {
                out.push((open, close));
            }
        }
    }

    /// Open seconds in `[from, to)`; 0 when `to <= from`.
    pub fn business_secs(&self, from: UnixTime, to: UnixTime) -> i64 {
        if to <= from || self.week.is_closed() {
            return 0;
        }
        let mut total = 0i64;
        let mut day = Vec::new();
        let last = self.zone.local(to).date;
        let mut date = self.zone.local(from).date;
        loop {
            day.clear();
            self.intervals_on(date, &mut day);
            for &(open, close) in &day {
                let (a, b) = (open.max(from), close.min(to));
                if b > a {
                    total += b - a;
                }
            }
            if date >= last {
                return total;
            }
            date = date.next();
        }
    }

    /// Whether the calendar is open at `t`.
    pub fn is_open(&self, t: UnixTime) -> bool {
        let mut day = Vec::new();
        self.intervals_on(self.zone.local(t).date, &mut day);
        day.iter().any(|&(open, close)| open <= t && t < close)
    }

    /// `t` if open then, else the next instant the calendar opens; `None` if it never does.
    pub fn next_business_instant(&self, t: UnixTime) -> Option<UnixTime> {
        self.walk(t, |open, _| Some(open.max(t)))
    }

    /// The first instant by which `secs` business seconds have passed since `start`
    /// (`start` itself for 0 or less); `None` if the calendar never gets there.
    pub fn deadline(&self, start: UnixTime, secs: i64) -> Option<UnixTime> {
        if secs <= 0 {
            return Some(start);
        }
        let mut left = secs;
        self.walk(start, |open, close| {
            let from = open.max(start);
            let have = close - from;
            if have >= left {
                Some(from + left)
            } else {
                left -= have;
                None
            }
        })
    }

    /// Calls `f` with each open interval (or its part) at or after `t`, in order, until it
    /// answers; gives up after `SEARCH_DAYS` dates.
    fn walk(
        &self,
        t: UnixTime,
        mut f: impl FnMut(UnixTime, UnixTime) -> Option<UnixTime>,
    ) -> Option<UnixTime> {
        if self.week.is_closed() {
            return None;
        }
        let mut day = Vec::new();
        let mut date = self.zone.local(t).date;
        for _ in 0..SEARCH_DAYS {
            day.clear();
            self.intervals_on(date, &mut day);
            for &(open, close) in &day {
                if close > t
                    && let Some(found) = f(open, close)
                {
                    return Some(found);
                }
            }
            let next = date.next();
            if next == date {
                return None;
            }
            date = next;
        }
        None
    }

    /// The openings of `[from, to)`, precomputed for fast `Timeline::business_secs`.
    pub fn timeline(&self, from: UnixTime, to: UnixTime) -> Timeline {
        Timeline::build(self, from, to)
    }
}

/// What a waiting time is measured with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum WaitClock {
    /// Every second counts (no business hours configured).
    #[default]
    AroundTheClock,
    /// Only the calendar's open seconds count.
    Business(Arc<BusinessCalendar>),
}

impl WaitClock {
    /// How long someone waiting since `since` has waited at `now`.
    pub fn elapsed(&self, since: UnixTime, now: UnixTime) -> i64 {
        match self {
            WaitClock::AroundTheClock => now.saturating_sub(since).max(0),
            WaitClock::Business(cal) => cal.business_secs(since, now),
        }
    }

    /// When someone waiting since `since` will have waited `secs`; `None` if never.
    pub fn deadline(&self, since: UnixTime, secs: i64) -> Option<UnixTime> {
        match self {
            WaitClock::AroundTheClock => Some(since.saturating_add(secs.max(0))),
            WaitClock::Business(cal) => cal.deadline(since, secs),
        }
    }
}
