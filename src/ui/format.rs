//! Short human strings for times and durations, as the dense rows need them.

use chrono::{Local, TimeZone};

/// A waiting time in the list: "<1m", "12m", "1h05", "3d". Whole minutes only, so the
/// clock need not tick every second.
pub fn waiting(secs: i64) -> String {
    let secs = secs.max(0);
    match secs {
        0..60 => "<1m".to_string(),
        60..3600 => format!("{}m", secs / 60),
        3600..86_400 => format!("{}h{:02}", secs / 3600, (secs % 3600) / 60),
        _ => format!("{}d", secs / 86_400),
    }
}

/// A message time: "14:05" today, "Mon 14:05" this week, else "2026-11-03".
pub fn time(unix: i64, now: i64) -> String {
    let Some(at) = Local.timestamp_opt(unix, 0).single() else {
        return String::new();
    };
    let age = now - unix;
    if (0..86_400).contains(&age) || (-300..0).contains(&age) {
        at.format("%H:%M").to_string()
    } else if (0..7 * 86_400).contains(&age) {
        at.format("%a %H:%M").to_string()
    } else {
        at.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_strings() {
        assert_eq!(waiting(-5), "<1m");
        assert_eq!(waiting(59), "<1m");
        assert_eq!(waiting(600), "10m");
        assert_eq!(waiting(3900), "1h05");
        assert_eq!(waiting(3 * 86_400 + 5), "3d");
    }
}
