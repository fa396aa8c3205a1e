//! Reading a calendar from text (the config file, later the team settings): opening ranges
//! such as `09:00-18:00` and dates such as `2026-12-25`. Outside text: every error is a
//! sentence saying what was expected, never a panic.

use super::{CivilDate, DAY_SECS};

/// `HH:MM-HH:MM` (24-hour clock; the end may be `24:00`) as `[start, end)` seconds of the day.
pub fn parse_hours(text: &str) -> Result<(u32, u32), String> {
    let expected = || format!("`{text}` is not a range like 09:00-18:00");
    let (a, b) = text.trim().split_once('-').ok_or_else(expected)?;
    let start = clock(a.trim()).ok_or_else(expected)?;
    let end = clock(b.trim()).ok_or_else(expected)?;
    if start >= end {
        return Err(format!("`{text}` ends before it starts"));
    }
    Ok((start, end))
}

/// `H:MM` or `HH:MM`, 00:00 to 24:00.
fn clock(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (h, m) = (digits(h, 2)?, digits(m, 2)?);
    if (h, m) > (24, 0) || m > 59 {
        return None;
    }
    let secs = h * 3600 + m * 60;
    (secs <= DAY_SECS).then_some(secs)
}

/// `YYYY-MM-DD`, a real date.
pub fn parse_date(text: &str) -> Result<CivilDate, String> {
    let bad = || format!("`{text}` is not a date like 2026-12-25");
    let mut parts = text.trim().splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u16>().ok())
    };
    let (y, m, d) = (next(4), next(2), next(2));
    let (y, m, d) = (y.ok_or_else(bad)?, m.ok_or_else(bad)?, d.ok_or_else(bad)?);
    CivilDate::new(y as i16, m as u8, d as u8).ok_or_else(|| format!("`{text}` is not a real date"))
}

/// A range as the config writes it, for error messages.
pub(super) fn show_range(start: u32, end: u32) -> String {
    let hm = |s: u32| format!("{:02}:{:02}", s / 3600, s % 3600 / 60);
    format!("{}-{}", hm(start), hm(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_dates() {
        assert_eq!(parse_hours("09:00-18:00"), Ok((9 * 3600, 18 * 3600)));
        assert_eq!(parse_hours(" 9:30 - 24:00 "), Ok((9 * 3600 + 1800, 86_400)));
        assert!(parse_hours("18:00-09:00").is_err());
        assert!(parse_hours("09:00").is_err());
        assert!(parse_hours("24:01-25:00").is_err());
        assert!(parse_hours("09:60-10:00").is_err());
        assert!(parse_hours("+9:00-10:00").is_err());
        assert_eq!(
            parse_date("2026-12-25"),
            Ok(CivilDate {
                year: 2026,
                month: 12,
                day: 25
            })
        );
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("26-02-03").is_err());
        assert!(parse_date("2026-2-3").is_err());
    }
}
