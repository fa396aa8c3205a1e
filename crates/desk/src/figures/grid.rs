//! The period's local hours and days in the team's zone, as instants, and which hour and
//! day each quarter hour of the period falls in (every zone's offset since 1972 is a
//! multiple of 15 minutes, so a quarter hour never straddles a local hour).

use crate::calendar::{CivilDate, LocalTime, Zone};
use crate::model::UnixTime;

use super::{Period, QUARTER_SECS};

/// A local hour of the period: where it starts (clipped to the period) and its wall clock.
#[derive(Debug, Clone, Copy)]
pub(super) struct GridHour {
    pub start: UnixTime,
    pub local: LocalTime,
}

/// A local day of the period.
#[derive(Debug, Clone, Copy)]
pub(super) struct GridDay {
    pub date: CivilDate,
    pub start: UnixTime,
}

pub(super) struct Grid {
    from: UnixTime,
    pub hours: Vec<GridHour>,
    pub days: Vec<GridDay>,
    /// Per quarter hour from `from`: its hour and day index.
    quarter_hour: Vec<u32>,
    quarter_day: Vec<u32>,
}

impl Grid {
    pub fn new(zone: &Zone, period: Period) -> Grid {
        let quarters = ((period.to - period.from) / QUARTER_SECS) as usize;
        let mut g = Grid {
            from: period.from,
            hours: Vec::with_capacity(quarters / 4 + 1),
            days: Vec::with_capacity(quarters / 96 + 1),
            quarter_hour: Vec::with_capacity(quarters),
            quarter_day: Vec::with_capacity(quarters),
        };
        let mut last: Option<LocalTime> = None;
        for q in 0..quarters {
            let t = period.from + q as i64 * QUARTER_SECS;
            let local = zone.local(t);
            let new_day = last.is_none_or(|l| l.date != local.date);
            if new_day || last.is_some_and(|l| l.hour() != local.hour()) {
                g.hours.push(GridHour { start: t, local });
            }
            if new_day {
                g.days.push(GridDay {
                    date: local.date,
                    start: t,
                });
            }
            last = Some(local);
            g.quarter_hour.push((g.hours.len() - 1) as u32);
            g.quarter_day.push((g.days.len() - 1) as u32);
        }
        g
    }

    fn quarter(&self, t: UnixTime) -> Option<usize> {
        let q = (t - self.from).div_euclid(QUARTER_SECS);
        (t >= self.from && (q as usize) < self.quarter_hour.len()).then_some(q as usize)
    }

    /// The hour index of an instant in the period.
    pub fn hour_of(&self, t: UnixTime) -> Option<usize> {
        self.quarter(t).map(|q| self.quarter_hour[q] as usize)
    }

    /// The day index of an instant in the period.
    pub fn day_of(&self, t: UnixTime) -> Option<usize> {
        self.quarter(t).map(|q| self.quarter_day[q] as usize)
    }
}
