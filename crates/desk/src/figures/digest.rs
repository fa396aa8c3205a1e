//! One UTC day of the statistics log, boiled down to what the figures read: message counts
//! per quarter hour, which chats were active in which quarter hours, and the waits that
//! started that day. The store keeps one per day (rebuilt from the log whenever the day's
//! rows change), so a year's figures read 365 digests instead of millions of rows; the
//! figures built from raw rows go through the very same `DayDigest::build`.
//!
//! Quarter hours, not hours: every time zone in use since 1972 is offset from UTC by a
//! multiple of 15 minutes, so a quarter hour of UTC is always inside one local hour, and
//! local hours (India's, Nepal's, a DST day's) are exact unions of quarter hours.

use crate::model::{ChatId, MessageId, Role, Sender, UnixTime};

use super::{MessageRecord, ReplyRecord, Wait};

/// Seconds in a quarter hour: the grain of message counts and chat activity.
pub const QUARTER_SECS: i64 = 900;
/// Quarter hours in a UTC day.
pub const QUARTERS_PER_DAY: usize = 96;
const DAY: i64 = 86_400;

/// The UTC day number of an instant (days since 1970-01-01).
pub fn utc_day(t: UnixTime) -> i64 {
    t.div_euclid(DAY)
}

/// Messages logged in one quarter hour of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuarterCount {
    /// 0..96 from UTC midnight.
    pub quarter: u8,
    pub customer: u32,
    pub staff: u32,
}

/// One UTC day of the log (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayDigest {
    /// The UTC day number.
    pub day: i64,
    /// Quarter hours with messages, in order.
    pub quarters: Vec<QuarterCount>,
    /// Chats with messages that day and the quarter hours they had them in (bit `q` of the
    /// mask = quarter `q`), by chat id.
    pub chats: Vec<(ChatId, u128)>,
    /// Waits that started that day (answered ones; open waits come from the chat state),
    /// by chat, start, end and message.
    pub waits: Vec<Wait>,
}

impl DayDigest {
    /// Digests day `day` from its logged messages (every row dated that day, any order) and
    /// the first replies whose wait started that day (`date - waited_secs` in the day).
    pub fn build(day: i64, messages: &[MessageRecord], replies: &[ReplyRecord]) -> DayDigest {
        let start = day * DAY;
        let mut rows: Vec<&MessageRecord> =
            messages.iter().filter(|m| utc_day(m.date) == day).collect();
        rows.sort_unstable_by_key(|m| (m.chat, m.message));
        let mut counts = [(0u32, 0u32); QUARTERS_PER_DAY];
        let mut chats: Vec<(ChatId, u128)> = Vec::new();
        for m in &rows {
            let q = ((m.date - start) / QUARTER_SECS) as usize;
            match m.role {
                Role::Customer => counts[q].0 += 1,
                Role::Staff => counts[q].1 += 1,
            }
            match chats.last_mut() {
                Some((chat, mask)) if *chat == m.chat => *mask |= 1 << q,
                _ => chats.push((m.chat, 1 << q)),
            }
        }
        let quarters = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.0 + c.1 > 0)
            .map(|(q, &(customer, staff))| QuarterCount {
                quarter: q as u8,
                customer,
                staff,
            })
            .collect();
        let mut waits: Vec<Wait> = replies
            .iter()
            .filter(|r| utc_day(r.date - r.waited_secs) == day)
            .map(|r| Wait {
                chat: r.chat,
                message: waiting_message(&rows, r),
                start: r.date - r.waited_secs,
                end: r.date,
                responder: r.responder,
            })
            .collect();
        waits.sort_unstable_by_key(|w| (w.chat, w.start, w.end, w.message));
        DayDigest {
            day,
            quarters,
            chats,
            waits,
        }
    }
}

/// The customer message a reply's wait started at: of the chat's customer messages dated
/// exactly the wait's start and below the reply, the first after the last staff message
/// below the reply (the desk times a wait from the oldest unanswered message, and a staff
/// message answers everything below it); failing that, the last such message. `None` if
/// the log has no customer message at that date (one logged before statistics existed).
/// `rows` are the day's messages sorted by (chat, message).
fn waiting_message(rows: &[&MessageRecord], r: &ReplyRecord) -> Option<MessageId> {
    let from = rows.partition_point(|m| m.chat < r.chat);
    let to =
        rows.partition_point(|m| m.chat < r.chat || (m.chat == r.chat && m.message < r.message));
    let below = &rows[from..to];
    let start = r.date - r.waited_secs;
    let last_staff = below
        .iter()
        .rev()
        .find(|m| m.role == Role::Staff)
        .map_or(MessageId::MIN, |m| m.message);
    let at_start = |m: &&&MessageRecord| m.role == Role::Customer && m.date == start;
    below
        .iter()
        .filter(at_start)
        .find(|m| m.message > last_staff)
        .or_else(|| below.iter().rev().find(at_start))
        .map(|m| m.message)
}

/// A sender as two integers (kind 0 = user, 1 = chat), for compact storage.
pub fn sender_parts(s: Sender) -> (u8, i64) {
    match s {
        Sender::User(u) => (0, u),
        Sender::Chat(c) => (1, c),
    }
}

/// The inverse of `sender_parts`; `None` for an unknown kind.
pub fn sender_from_parts(kind: u8, id: i64) -> Option<Sender> {
    match kind {
        0 => Some(Sender::User(id)),
        1 => Some(Sender::Chat(id)),
        _ => None,
    }
}
