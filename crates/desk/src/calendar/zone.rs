//! A named time zone and civil dates, over jiff's bundled IANA database only (never the
//! machine's zoneinfo or its own zone), so the same instant gives the same local time on
//! every machine. Unix seconds outside jiff's range (±9999 years) are clamped into it: the
//! desk uses `i64::MIN` / `i64::MAX` as "never", and those must not panic a conversion.

use std::sync::OnceLock;

use jiff::civil;
use jiff::tz::{TimeZone, TimeZoneDatabase};

use crate::model::UnixTime;

/// A calendar date (no time zone): a holiday, a day of the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i16,
    pub month: u8,
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601), as `WeekHours` and the heatmap index them.
pub const WEEKDAYS: usize = 7;

impl CivilDate {
    /// A valid date, or `None` (February 30th, month 13…).
    pub fn new(year: i16, month: u8, day: u8) -> Option<CivilDate> {
        let m = i8::try_from(month).ok()?;
        let d = i8::try_from(day).ok()?;
        civil::Date::new(year, m, d).ok().map(from_jiff)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        self.jiff().weekday().to_monday_zero_offset() as usize
    }

    /// The next date (saturating at the end of jiff's range).
    pub fn next(self) -> CivilDate {
        self.jiff().tomorrow().map_or(self, from_jiff)
    }

    /// The previous date (saturating at the start of jiff's range).
    pub fn previous(self) -> CivilDate {
        self.jiff().yesterday().map_or(self, from_jiff)
    }

    fn jiff(self) -> civil::Date {
        civil::date(self.year, self.month as i8, self.day as i8)
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn from_jiff(d: civil::Date) -> CivilDate {
    CivilDate {
        year: d.year(),
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// A local date and time of day, as a wall clock in the zone shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime {
    pub date: CivilDate,
    /// Seconds since local midnight, 0..86,400.
    pub secs_of_day: u32,
}

impl LocalTime {
    pub fn hour(&self) -> u32 {
        self.secs_of_day / 3600
    }
}

/// A time zone known by its IANA name ("Europe/Berlin", "UTC").
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

/// The bundled database, opened once.
fn database() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

fn timestamp(t: UnixTime) -> jiff::Timestamp {
    let min = jiff::Timestamp::MIN.as_second() + 86_400;
    let max = jiff::Timestamp::MAX.as_second() - 86_400;
    jiff::Timestamp::from_second(t.clamp(min, max)).expect("clamped into jiff's range")
}

impl Zone {
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            tz: TimeZone::UTC,
        }
    }

    /// The zone of an IANA name, case-insensitively; `None` if the database has no such zone.
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        database().get(name).ok().map(|tz| Zone {
            name: tz.iana_name().unwrap_or(name).to_string(),
            tz,
        })
    }

    /// The IANA name, as the database spells it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The UTC offset in force at `t`, in seconds east of UTC.
    pub fn offset_secs(&self, t: UnixTime) -> i32 {
        self.tz.to_offset(timestamp(t)).seconds()
    }

    /// The wall-clock date and time at `t`.
    pub fn local(&self, t: UnixTime) -> LocalTime {
        let local = t.saturating_add(i64::from(self.offset_secs(t)));
        let secs_of_day = local.rem_euclid(86_400) as u32;
        let date = self.tz.to_datetime(timestamp(t)).date();
        LocalTime {
            date: from_jiff(date),
            secs_of_day,
        }
    }

    /// The instant a wall clock in the zone shows `secs_of_day` on `date`. A time that does
    /// not exist (skipped when clocks go forward) is read as if the clock had not moved yet,
    /// so it lands after the gap; a time that happens twice (clocks go back) is the first.
    /// `secs_of_day` may be 86,400: the start of the next day.
    pub fn instant(&self, date: CivilDate, secs_of_day: u32) -> UnixTime {
        if secs_of_day >= 86_400 {
            return self.day_start(date.next());
        }
        let (h, rest) = (secs_of_day / 3600, secs_of_day % 3600);
        let dt = date.jiff().to_datetime(civil::time(
            h as i8,
            (rest / 60) as i8,
            (rest % 60) as i8,
            0,
        ));
        match self.tz.to_ambiguous_timestamp(dt).compatible() {
            Ok(ts) => ts.as_second(),
            // Only at the very ends of jiff's range.
            Err(_) => dt
                .to_zoned(TimeZone::UTC)
                .map_or(0, |z| z.timestamp().as_second()),
        }
    }

    /// The first instant of `date` here: local midnight, or the first time after it that
    /// exists on a day whose midnight is skipped.
    pub fn day_start(&self, date: CivilDate) -> UnixTime {
        self.instant(date, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_case_insensitively_and_unknown_ones_are_not() {
        assert_eq!(
            Zone::named("europe/berlin").unwrap().name(),
            "Europe/Berlin"
        );
        assert!(Zone::named("Mars/Olympus").is_none());
        assert!(Zone::named("").is_none());
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        let z = Zone::named("America/New_York").unwrap();
        let _ = z.local(i64::MIN);
        let _ = z.local(i64::MAX);
        let _ = z.offset_secs(i64::MIN);
    }
}
