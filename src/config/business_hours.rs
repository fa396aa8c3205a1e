//! `[business_hours]` in the config file: the admin's own calendar (the team settings'
//! `[business_hours]`, when published, win over it in the desk).

use serde::{Deserialize, Serialize};

use super::Problem;
use crate::desk;

/// `[business_hours]`: a zone, ranges per weekday (`["09:00-13:00", "14:00-18:00"]`; a day
/// left out is closed) and holidays (`["2026-12-25"]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessHoursConfig {
    pub time_zone: String,
    pub monday: Vec<String>,
    pub tuesday: Vec<String>,
    pub wednesday: Vec<String>,
    pub thursday: Vec<String>,
    pub friday: Vec<String>,
    pub saturday: Vec<String>,
    pub sunday: Vec<String>,
    pub holidays: Vec<String>,
}

impl BusinessHoursConfig {
    /// The calendar, or the first problem and its key.
    pub fn calendar(&self) -> Result<desk::BusinessCalendar, (String, Problem)> {
        let key = |k: &str| format!("business_hours.{k}");
        let zone = desk::Zone::named(&self.time_zone).ok_or_else(|| {
            (
                key("time_zone"),
                Problem::NotATimeZone(self.time_zone.clone()),
            )
        })?;
        let days = [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
            &self.saturday,
            &self.sunday,
        ];
        let mut week = desk::WeekHours::closed();
        for (i, (ranges, name)) in days
            .into_iter()
            .zip(desk::calendar::WEEKDAY_KEYS)
            .enumerate()
        {
            let parsed = ranges
                .iter()
                .map(|r| {
                    desk::calendar::parse_hours(r)
                        .map_err(|_| (key(name), Problem::NotARange(r.clone())))
                })
                .collect::<Result<Vec<_>, _>>()?;
            week.set(i, parsed)
                .map_err(|_| (key(name), Problem::RangesOverlap(ranges.join(", "))))?;
        }
        if week.is_closed() {
            return Err((key("monday"), Problem::NoOpeningHours));
        }
        let holidays = self
            .holidays
            .iter()
            .map(|d| {
                desk::calendar::parse_date(d)
                    .map_err(|_| (key("holidays"), Problem::NotADate(d.clone())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(desk::BusinessCalendar::new(zone, week, holidays))
    }
}
