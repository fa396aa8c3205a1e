//! The statistics rollups: one `desk::figures::DayDigest` per UTC day (`stat_days`), kept
//! in a compact binary form and rebuilt from the log for every day whose rows changed
//! (`stat_dirty_days`, marked in the same transaction as the rows). Rebuilding from the
//! rows, never adding to a running total, is what keeps the rollups exact: a message seen
//! twice is one row, so it is in the digest once.
//!
//! Out: `Store::figure_inputs` (the period's digests and the open waits, ready for
//! `Figures::compute`) and `Store::live_minutes`.

use i18n::t;
use std::ops::RangeInclusive;

use rusqlite::{TransactionBehavior, params};

use super::{Store, StoreError};
use crate::desk::figures::{
    DayDigest, FigureSettings, Figures, Inputs, MessageRecord, MinuteRow, OpenWait, Period,
    QuarterCount, ReplyRecord, Wait, digest, live_minutes,
};
use crate::desk::{Role, Sender, UnixTime};

const DAY: i64 = 86_400;
/// The digest format's first byte.
const FORMAT: u8 = 1;

impl Store {
    /// Rebuilds the digests of changed days within `days` (all changed days with `None`).
    /// Returns how many were rebuilt. The figures call it for their period; the app may call
    /// it when idle so that opening the screen finds little to do.
    pub fn refresh_digests(
        &mut self,
        days: Option<RangeInclusive<i64>>,
    ) -> Result<usize, StoreError> {
        let what = &t!("store-rebuilding-digests");
        let (lo, hi) = days.map_or((i64::MIN, i64::MAX), |r| (*r.start(), *r.end()));
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let dirty: Vec<i64> = tx
            .prepare_cached(
                "SELECT day FROM stat_dirty_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
            )
            .and_then(|mut st| st.query_map([lo, hi], |r| r.get(0))?.collect())
            .map_err(err)?;
        for &day in &dirty {
            let digest = build_day(&tx, day).map_err(err)?;
            if digest.quarters.is_empty() && digest.waits.is_empty() {
                tx.execute("DELETE FROM stat_days WHERE day = ?1", [day])
            } else {
                tx.execute(
                    "INSERT OR REPLACE INTO stat_days (day, digest) VALUES (?1, ?2)",
                    params![day, encode(&digest)],
                )
            }
            .and_then(|_| tx.execute("DELETE FROM stat_dirty_days WHERE day = ?1", [day]))
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(dirty.len())
    }

    /// The figures of `period` with open waits as of `as_of`: the period's changed days
    /// are rebuilt first, then each day's digest is decoded as it is read and handed to
    /// `Figures::compute_days`, so a year is never held decoded at once. Run it off the
    /// window thread, on a store of its own (`Store::open` on the same file).
    pub fn figures(
        &mut self,
        period: Period,
        as_of: UnixTime,
        settings: &FigureSettings,
    ) -> Result<Figures, StoreError> {
        self.refresh_digests(Some(period.utc_days()))?;
        let open = self.open_waits()?;
        let blobs = self.digest_blobs(period)?;
        // Decoded a day at a time on the figures' second thread (see `compute_days`).
        let mut bad_day = None;
        let days = decoded(blobs, &mut bad_day);
        let figures = Figures::compute_days(period, as_of, &open, days, settings);
        match bad_day {
            Some(day) => Err(self.bad_digest(day)),
            None => Ok(figures),
        }
    }

    /// Everything `Figures::compute` needs for `period`, decoded (for tests and tools;
    /// the screen uses `figures`).
    pub fn figure_inputs(&mut self, period: Period, as_of: UnixTime) -> Result<Inputs, StoreError> {
        self.refresh_digests(Some(period.utc_days()))?;
        let mut bad_day = None;
        let days: Vec<DayDigest> = decoded(self.digest_blobs(period)?, &mut bad_day).collect();
        if let Some(day) = bad_day {
            return Err(self.bad_digest(day));
        }
        Ok(Inputs {
            period,
            as_of,
            days,
            open: self.open_waits()?,
        })
    }

    fn bad_digest(&self, day: i64) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            what: t!("store-bad-digest", day = day),
        }
    }

    /// The period's encoded digests in day order.
    fn digest_blobs(&self, period: Period) -> Result<Vec<(i64, Vec<u8>)>, StoreError> {
        let what = &t!("store-reading-digests");
        let days = period.utc_days();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT day, digest FROM stat_days WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
            )
            .map_err(|e| self.sql(what, e))?;
        // The blobs are copied out (a year's are ~15 MB), then decoded a day at a time as
        // the figures take them (decoded, a year's waits would be ~80 MB).
        let mut blobs: Vec<(i64, Vec<u8>)> = Vec::with_capacity(days.clone().count().min(4096));
        let mut rows = st
            .query([*days.start(), *days.end()])
            .map_err(|e| self.sql(what, e))?;
        while let Some(row) = rows.next().map_err(|e| self.sql(what, e))? {
            let day: i64 = row.get(0).map_err(|e| self.sql(what, e))?;
            let blob = row.get_ref(1).map_err(|e| self.sql(what, e))?;
            let bytes = blob.as_blob().map_err(|e| {
                self.sql(
                    what,
                    rusqlite::Error::FromSqlConversionFailure(1, blob.data_type(), Box::new(e)),
                )
            })?;
            blobs.push((day, bytes.to_vec()));
        }
        Ok(blobs)
    }

    /// Every chat's open wait (see `store::chat_state`), by start.
    pub fn open_waits(&self) -> Result<Vec<OpenWait>, StoreError> {
        let what = &t!("store-reading-open-waits");
        let mut out: Vec<OpenWait> = self
            .conn
            .prepare_cached(
                "SELECT open_date, chat, open_message FROM stat_chats
                 WHERE open_message IS NOT NULL",
            )
            .and_then(|mut st| {
                st.query_map([], |r| {
                    Ok(OpenWait {
                        start: r.get(0)?,
                        chat: r.get(1)?,
                        message: r.get(2)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.sql(what, e))?;
        out.sort_unstable();
        Ok(out)
    }

    /// Customer and staff messages per minute over the hour up to `now` (live readout).
    pub fn live_minutes(&self, now: UnixTime) -> Result<Vec<MinuteRow>, StoreError> {
        let current = now - now.rem_euclid(60);
        let rows = self.messages_between(current - 59 * 60, current + 60)?;
        Ok(live_minutes(&rows, now))
    }
}

/// Reads one day's rows and digests them.
fn build_day(tx: &rusqlite::Transaction<'_>, day: i64) -> rusqlite::Result<DayDigest> {
    let (from, to) = (day * DAY, day * DAY + DAY);
    let messages: Vec<MessageRecord> = tx
        .prepare_cached(
            "SELECT chat, message, role, date FROM stat_messages WHERE date >= ?1 AND date < ?2",
        )?
        .query_map([from, to], |r| {
            Ok(MessageRecord {
                chat: r.get(0)?,
                message: r.get(1)?,
                role: if r.get::<_, i64>(2)? == 1 {
                    Role::Staff
                } else {
                    Role::Customer
                },
                date: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let replies: Vec<ReplyRecord> = tx
        .prepare_cached(
            "SELECT chat, message, date, waited_secs, responder_kind, responder FROM stat_replies
             WHERE date - waited_secs >= ?1 AND date - waited_secs < ?2",
        )?
        .query_map([from, to], |r| {
            let kind: i64 = r.get(4)?;
            let id: i64 = r.get(5)?;
            Ok(ReplyRecord {
                chat: r.get(0)?,
                message: r.get(1)?,
                date: r.get(2)?,
                waited_secs: r.get(3)?,
                responder: digest::sender_from_parts(kind as u8, id).unwrap_or(Sender::User(id)),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(DayDigest::build(day, &messages, &replies))
}

// ---- the binary form: LEB128 varints, zigzag for signed values ----

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_signed(out: &mut Vec<u8>, v: i64) {
    put(out, zigzag(v));
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn get(&mut self) -> Option<u64> {
        // Most values are small: one byte.
        if let Some((&b, rest)) = self.0.split_first()
            && b < 0x80
        {
            self.0 = rest;
            return Some(u64::from(b));
        }
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        self.get().map(unzigzag)
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.get()?).ok()?;
        // Every item takes at least a byte: a count beyond the rest is corrupt.
        (n <= self.0.len()).then_some(n)
    }
}

/// Layout: format byte; quarters (count, then quarter, customer, staff); chats (count, then
/// chat as a delta from the previous, 12 bytes of quarter mask); responders (count, then
/// kind and id); waits, by chat (count, then: chat index + 1, or 0 and the chat; start as a
/// delta from the chat's previous wait, or from the day's start; message as 0 for none or 1
/// + the zigzag delta from the chat's previous message; end − start; responder index).
///
/// Deltas within a chat keep a wait near 10 bytes.
pub(super) fn encode(d: &DayDigest) -> Vec<u8> {
    let mut out =
        Vec::with_capacity(16 + d.quarters.len() * 4 + d.chats.len() * 16 + d.waits.len() * 12);
    out.push(FORMAT);
    put(&mut out, d.quarters.len() as u64);
    for q in &d.quarters {
        out.push(q.quarter);
        put(&mut out, u64::from(q.customer));
        put(&mut out, u64::from(q.staff));
    }
    put(&mut out, d.chats.len() as u64);
    let mut prev = 0i64;
    for &(chat, mask) in &d.chats {
        put_signed(&mut out, chat.wrapping_sub(prev));
        prev = chat;
        out.extend_from_slice(&mask.to_le_bytes()[..12]);
    }
    let mut responders: Vec<Sender> = d.waits.iter().map(|w| w.responder).collect();
    responders.sort_unstable_by_key(|s| digest::sender_parts(*s));
    responders.dedup();
    put(&mut out, responders.len() as u64);
    for s in &responders {
        let (kind, id) = digest::sender_parts(*s);
        out.push(kind);
        put_signed(&mut out, id);
    }
    put(&mut out, d.waits.len() as u64);
    let mut last: Option<(i64, i64, i64)> = None; // chat, start, message
    for w in &d.waits {
        match d.chats.binary_search_by_key(&w.chat, |c| c.0) {
            Ok(i) => put(&mut out, i as u64 + 1),
            Err(_) => {
                put(&mut out, 0);
                put_signed(&mut out, w.chat);
            }
        }
        let (start, message) = match last {
            Some((chat, start, message)) if chat == w.chat => (start, message),
            _ => (d.day * DAY, 0),
        };
        put_signed(&mut out, w.start.wrapping_sub(start));
        match w.message {
            None => put(&mut out, 0),
            Some(m) => put(&mut out, zigzag(m.wrapping_sub(message)).wrapping_add(1)),
        }
        put_signed(&mut out, w.end.wrapping_sub(w.start));
        let r = responders
            .binary_search_by_key(&digest::sender_parts(w.responder), |s| {
                digest::sender_parts(*s)
            })
            .expect("every responder is listed");
        put(&mut out, r as u64);
        last = Some((w.chat, w.start, w.message.unwrap_or(message)));
    }
    out
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// The inverse of `encode`; `None` if the bytes are not a digest.
pub(super) fn decode(day: i64, bytes: &[u8]) -> Option<DayDigest> {
    let mut r = Reader(bytes);
    if r.byte()? != FORMAT {
        return None;
    }
    let mut d = DayDigest {
        day,
        ..DayDigest::default()
    };
    for _ in 0..r.len()? {
        d.quarters.push(QuarterCount {
            quarter: r.byte().filter(|&q| usize::from(q) < digest_quarters())?,
            customer: u32::try_from(r.get()?).ok()?,
            staff: u32::try_from(r.get()?).ok()?,
        });
    }
    let mut prev = 0i64;
    for _ in 0..r.len()? {
        let chat = prev.wrapping_add(r.signed()?);
        prev = chat;
        let (mask, rest) = r.0.split_at_checked(12)?;
        r.0 = rest;
        let mut bytes = [0u8; 16];
        bytes[..12].copy_from_slice(mask);
        d.chats.push((chat, u128::from_le_bytes(bytes)));
    }
    let mut responders = Vec::new();
    for _ in 0..r.len()? {
        let kind = r.byte()?;
        responders.push(digest::sender_from_parts(kind, r.signed()?)?);
    }
    let day_start = day.checked_mul(DAY)?;
    let n = r.len()?;
    d.waits.reserve_exact(n);
    let mut last: Option<(i64, i64, i64)> = None;
    for _ in 0..n {
        let chat = match r.get()? {
            0 => r.signed()?,
            i => d.chats.get(usize::try_from(i - 1).ok()?)?.0,
        };
        let (base, prev_message) = match last {
            Some((c, start, message)) if c == chat => (start, message),
            _ => (day_start, 0),
        };
        let start = base.wrapping_add(r.signed()?);
        let message = match r.get()? {
            0 => None,
            v => Some(prev_message.wrapping_add(unzigzag(v - 1))),
        };
        let end = start.checked_add(r.signed()?)?;
        let responder = *responders.get(usize::try_from(r.get()?).ok()?)?;
        d.waits.push(Wait {
            chat,
            message,
            start,
            end,
            responder,
        });
        last = Some((chat, start, message.unwrap_or(prev_message)));
    }
    r.0.is_empty().then_some(d)
}

fn digest_quarters() -> usize {
    (DAY / crate::desk::figures::QUARTER_SECS) as usize
}

/// Digests decoded one by one, in the order read; the first that does not decode stops the
/// iteration and its day is left in `bad_day`. Borrows no store, so it can run on another
/// thread.
fn decoded(
    blobs: Vec<(i64, Vec<u8>)>,
    bad_day: &mut Option<i64>,
) -> impl Iterator<Item = DayDigest> + '_ {
    blobs.into_iter().map_while(move |(day, bytes)| {
        decode(day, &bytes).or_else(|| {
            *bad_day = Some(day);
            None
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_survives_the_round_trip_and_garbage_is_refused() {
        let day = 20_000;
        let t = day * DAY;
        let messages = [
            MessageRecord {
                chat: -1001,
                message: 1 << 20,
                role: Role::Customer,
                date: t + 10,
            },
            MessageRecord {
                chat: -1001,
                message: 2 << 20,
                role: Role::Staff,
                date: t + 400,
            },
            MessageRecord {
                chat: 77,
                message: 5 << 20,
                role: Role::Customer,
                date: t + 86_000,
            },
        ];
        let replies = [ReplyRecord {
            chat: -1001,
            message: 2 << 20,
            date: t + 400,
            waited_secs: 390,
            responder: Sender::User(9),
        }];
        let d = DayDigest::build(day, &messages, &replies);
        assert_eq!(d.waits[0].message, Some(1 << 20));
        let bytes = encode(&d);
        assert_eq!(decode(day, &bytes), Some(d));
        assert_eq!(decode(day, &bytes[..bytes.len() - 1]), None);
        assert_eq!(decode(day, &[FORMAT, 0xff, 0xff, 0xff]), None);
        assert_eq!(decode(day, &[]), None);
    }
}
