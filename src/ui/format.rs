//! Short human strings for times and durations, as the dense rows need them.

use chrono::{Local, TimeZone, Utc};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Seconds until `waiting(secs)` shows something else: the next whole minute, or the next
/// whole day once it counts days.
pub fn waiting_changes_in(secs: i64) -> i64 {
    let secs = secs.max(0);
    if secs < 86_400 {
        60 - secs % 60
    } else {
        86_400 - secs % 86_400
    }
}

/// A message time: "14:05" today, "Mon 14:05" this week, else "2026-11-03".
pub fn time(unix: i64, now: i64) -> String {
    let age = now - unix;
    let pattern = if (0..86_400).contains(&age) || (-300..0).contains(&age) {
        "%H:%M"
    } else if (0..7 * 86_400).contains(&age) {
        "%a %H:%M"
    } else {
        "%Y-%m-%d"
    };
    if UTC.load(Ordering::Relaxed) {
        Utc.timestamp_opt(unix, 0)
            .single()
            .map(|t| t.format(pattern).to_string())
    } else {
        Local
            .timestamp_opt(unix, 0)
            .single()
            .map(|t| t.format(pattern).to_string())
    }
    .unwrap_or_default()
}

/// Show times in UTC instead of local time: snapshots must not depend on the machine's
/// time zone.
pub fn use_utc(utc: bool) {
    UTC.store(utc, Ordering::Relaxed);
}

static UTC: AtomicBool = AtomicBool::new(false);

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

    #[test]
    fn waiting_labels_change_when_predicted() {
        for secs in [
            -5,
            0,
            59,
            60,
            599,
            3599,
            3600,
            86_399,
            86_400,
            3 * 86_400 + 5,
        ] {
            let next = secs.max(0) + waiting_changes_in(secs);
            assert_ne!(waiting(next - 1), waiting(next), "{secs}");
            assert!(
                (secs.max(0)..next - 1).all(|s| waiting(s) == waiting(secs)),
                "{secs}"
            );
        }
    }
}
