//! The last hour, minute by minute: customer and staff messages per minute, for the live
//! readout. From raw rows (an hour is a few hundred of them).

use crate::model::{Role, UnixTime};

use super::MessageRecord;

/// Messages in one minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinuteRow {
    /// The minute's first second.
    pub start: UnixTime,
    pub customer: u32,
    pub staff: u32,
}

/// The 60 minutes up to and including the current one (`now`'s), oldest first; messages
/// outside them are ignored.
pub fn live_minutes(messages: &[MessageRecord], now: UnixTime) -> Vec<MinuteRow> {
    let current = now - now.rem_euclid(60);
    let first = current - 59 * 60;
    let mut rows: Vec<MinuteRow> = (0..60)
        .map(|i| MinuteRow {
            start: first + i * 60,
            customer: 0,
            staff: 0,
        })
        .collect();
    for m in messages {
        if m.date < first || m.date >= current + 60 {
            continue;
        }
        let row = &mut rows[((m.date - first) / 60) as usize];
        match m.role {
            Role::Customer => row.customer += 1,
            Role::Staff => row.staff += 1,
        }
    }
    rows
}
