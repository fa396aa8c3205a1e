//! The Statistics screen's period: today, yesterday, the last 7 or 30 days (today
//! included), or a custom range of local days typed as dates and checked as they are typed.
//! Days are the team's (the statistics zone's), as in `dutydesk stats`.

use crate::desk::UnixTime;
use crate::desk::calendar::{CivilDate, Zone, parse_date};
use crate::desk::figures::Period;
use i18n::t;

/// The longest custom range asked at once: a little over a year (the store keeps years,
/// but a range is read whole).
pub const MAX_DAYS: usize = 400;

/// Which period; the screen opens on the last 7 days (a shift's week, today's load in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    Today,
    Yesterday,
    #[default]
    Week,
    Month,
    Custom,
}

impl Choice {
    pub const ALL: [Choice; 5] = [
        Choice::Today,
        Choice::Yesterday,
        Choice::Week,
        Choice::Month,
        Choice::Custom,
    ];

    pub fn label(self) -> String {
        match self {
            Choice::Today => t!("statistics-period-today"),
            Choice::Yesterday => t!("statistics-period-yesterday"),
            Choice::Week => t!("statistics-period-week"),
            Choice::Month => t!("statistics-period-month"),
            Choice::Custom => t!("statistics-period-custom"),
        }
    }
}

/// What is wrong with a custom range, in the admin's words when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeError {
    /// The first or the last date is not a date (the text as typed).
    NotADate(String),
    Backwards,
    TooLong,
}

impl RangeError {
    pub fn words(&self) -> String {
        match self {
            RangeError::NotADate(value) => t!("statistics-date-invalid", value = value.as_str()),
            RangeError::Backwards => t!("statistics-range-backwards"),
            RangeError::TooLong => t!("statistics-range-too-long", days = MAX_DAYS),
        }
    }
}

/// A custom range's first and last days, or what is wrong with it. An empty field is not
/// an error yet (`Ok(None)`): the admin has not typed it.
pub fn custom(from: &str, to: &str) -> Result<Option<(CivilDate, CivilDate)>, RangeError> {
    let (from, to) = (from.trim(), to.trim());
    let date = |s: &str| parse_date(s).map_err(|_| RangeError::NotADate(s.to_string()));
    let first = (!from.is_empty()).then(|| date(from)).transpose()?;
    let last = (!to.is_empty()).then(|| date(to)).transpose()?;
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(None);
    };
    if last < first {
        return Err(RangeError::Backwards);
    }
    let mut day = first;
    for _ in 1..MAX_DAYS {
        if day == last {
            return Ok(Some((first, last)));
        }
        day = day.next();
    }
    if day == last {
        Ok(Some((first, last)))
    } else {
        Err(RangeError::TooLong)
    }
}

/// The first and last local days of a choice on the day `today`; `None` for a custom range
/// not (validly) typed yet.
pub fn days(
    choice: Choice,
    today: CivilDate,
    from: &str,
    to: &str,
) -> Option<(CivilDate, CivilDate)> {
    let back = |n: usize| (0..n).fold(today, |d, _| d.previous());
    match choice {
        Choice::Today => Some((today, today)),
        Choice::Yesterday => Some((back(1), back(1))),
        Choice::Week => Some((back(6), today)),
        Choice::Month => Some((back(29), today)),
        Choice::Custom => custom(from, to).ok().flatten(),
    }
}

/// The local date at `now` in `zone`.
pub fn today(zone: &Zone, now: UnixTime) -> CivilDate {
    zone.local(now).date
}

/// The period of local days `first..=last` (as `statistics::days`).
pub fn period(zone: &Zone, (first, last): (CivilDate, CivilDate)) -> Period {
    crate::statistics::days(zone, first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_fixed_choices_end_today_or_yesterday() {
        let today = d("2026-03-02");
        assert_eq!(days(Choice::Today, today, "", ""), Some((today, today)));
        let y = d("2026-03-01");
        assert_eq!(days(Choice::Yesterday, today, "", ""), Some((y, y)));
        assert_eq!(
            days(Choice::Week, today, "", ""),
            Some((d("2026-02-24"), today))
        );
        // 30 days, today included: back over February's 28 days to its first.
        assert_eq!(
            days(Choice::Month, today, "", ""),
            Some((d("2026-02-01"), today))
        );
    }

    #[test]
    fn a_custom_range_is_checked_as_it_is_typed() {
        assert_eq!(custom("", ""), Ok(None));
        assert_eq!(
            custom("2026-03", ""),
            Err(RangeError::NotADate("2026-03".into()))
        );
        assert_eq!(custom("2026-03-01", ""), Ok(None));
        assert_eq!(
            custom("2026-03-01", "2026-02-30"),
            Err(RangeError::NotADate("2026-02-30".into()))
        );
        assert_eq!(
            custom("2026-03-05", "2026-03-01"),
            Err(RangeError::Backwards)
        );
        assert_eq!(
            custom(" 2026-03-01", "2026-03-01 "),
            Ok(Some((d("2026-03-01"), d("2026-03-01"))))
        );
        assert_eq!(custom("2025-01-01", "2026-12-31"), Err(RangeError::TooLong));
        assert!(custom("2025-03-01", "2026-03-01").unwrap().is_some());
    }

    proptest::proptest! {
        #[test]
        fn typed_text_never_panics(from in "\\PC{0,14}", to in "[0-9-]{0,12}") {
            let _ = custom(&from, &to);
        }
    }
}
