//! Reminders: "remind me" on a chat, at a time or when the customer writes again, with an
//! optional note. In: the admin's choice and the time (with the local clock's offset from
//! UTC passed in: the desk never reads a clock or a time zone). Out: when it is due; the
//! desk fires it then (`Transition::ReminderDue`) and lifts the chat like a waiting one
//! until it is opened.

use crate::model::{ChatId, UnixTime};

/// When a reminder fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Due {
    At(UnixTime),
    /// The next message from a customer in the chat.
    CustomerWrites,
}

/// A reminder on a chat (one per chat: a new one replaces it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub chat: ChatId,
    pub due: Due,
    /// Empty for none.
    pub note: String,
    /// When it was set.
    pub set_at: UnixTime,
}

/// The choices the menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    InMinutes(i64),
    /// Tomorrow at this local time (hour, minute).
    Tomorrow(u8, u8),
    /// The next time the local clock shows this (today if still ahead, else tomorrow).
    At(u8, u8),
    CustomerWrites,
}

const DAY: i64 = 24 * 60 * 60;

impl When {
    /// When it is due, from `now` and the local offset from UTC in seconds.
    pub fn due(self, now: UnixTime, utc_offset_secs: i64) -> Due {
        match self {
            When::InMinutes(m) => Due::At(now.saturating_add(m.saturating_mul(60))),
            When::Tomorrow(h, m) => {
                let local_midnight = local_midnight(now, utc_offset_secs);
                Due::At(local_midnight + DAY + clock(h, m) - utc_offset_secs)
            }
            When::At(h, m) => {
                let today = local_midnight(now, utc_offset_secs) + clock(h, m) - utc_offset_secs;
                Due::At(if today > now { today } else { today + DAY })
            }
            When::CustomerWrites => Due::CustomerWrites,
        }
    }
}

/// The start of the local day holding `now`, in local seconds.
fn local_midnight(now: UnixTime, offset: i64) -> i64 {
    let local = now.saturating_add(offset);
    local - local.rem_euclid(DAY)
}

fn clock(h: u8, m: u8) -> i64 {
    i64::from(h.min(23)) * 3600 + i64::from(m.min(59)) * 60
}

/// Reads a local time typed as `HH:MM` (or `H:MM`, `HH.MM`, `HHMM`); `None` otherwise.
pub fn parse_clock(text: &str) -> Option<(u8, u8)> {
    let text = text.trim();
    let (h, m) = match text.split_once([':', '.']) {
        Some(parts) => parts,
        None if text.len() == 4 && text.is_ascii() => text.split_at(2),
        None => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return None;
    }
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-03-02 10:20:00 UTC.
    const NOW: i64 = 1_772_446_800;

    #[test]
    fn due_times_with_explicit_offsets() {
        assert_eq!(When::InMinutes(30).due(NOW, 0), Due::At(NOW + 1800));
        // Tomorrow 09:00 in UTC: 2026-03-03 09:00 UTC.
        assert_eq!(When::Tomorrow(9, 0).due(NOW, 0), Due::At(1_772_528_400));
        // In UTC+3 it is 13:20 now; tomorrow 09:00 local is 06:00 UTC.
        assert_eq!(
            When::Tomorrow(9, 0).due(NOW, 3 * 3600),
            Due::At(1_772_528_400 - 3 * 3600)
        );
        // At 11:00 UTC: later today; at 10:00: tomorrow.
        assert_eq!(When::At(11, 0).due(NOW, 0), Due::At(NOW + 40 * 60));
        assert_eq!(When::At(10, 0).due(NOW, 0), Due::At(NOW - 20 * 60 + DAY));
        // UTC-5: 05:20 local now; 06:00 local is 40 minutes away.
        assert_eq!(When::At(6, 0).due(NOW, -5 * 3600), Due::At(NOW + 40 * 60));
        assert_eq!(When::CustomerWrites.due(NOW, 0), Due::CustomerWrites);
    }

    #[test]
    fn clocks_read() {
        assert_eq!(parse_clock("09:30"), Some((9, 30)));
        assert_eq!(parse_clock(" 9:05 "), Some((9, 5)));
        assert_eq!(parse_clock("1745"), Some((17, 45)));
        assert_eq!(parse_clock("18.00"), Some((18, 0)));
        assert_eq!(parse_clock("24:00"), None);
        assert_eq!(parse_clock("9:5"), None);
        assert_eq!(parse_clock("ab:cd"), None);
        assert_eq!(parse_clock("１２:００"), None);
    }
}
