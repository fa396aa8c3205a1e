//! The statistics event log: one row per message in a support chat and one per first staff
//! reply, keyed by (date, chat, message) so replays of the same message are ignored. The
//! desk logs a sent message under the server's id and date; the rare rows it logged under
//! a temporary id move there when the message is confirmed (`MessageIdChanged`) or go when
//! it fails after all (`NotSent`).

use std::collections::BTreeSet;

use i18n::t;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::chat_state::{ChatCache, ChatStates};
use super::{Store, StoreError};
use crate::desk::figures::utc_day;
pub use crate::desk::figures::{MessageRecord, ReplyRecord};
use crate::desk::{ChatId, MessageId, Role, Sender, StatEvent, UnixTime};

/// Statistics for one time bucket (an hour, a minute…), as the statistics screens show them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    /// Start of the bucket, unix seconds.
    pub start: UnixTime,
    /// Support chats with at least one message in the bucket.
    pub active_chats: u64,
    pub customer_messages: u64,
    pub staff_messages: u64,
    /// First staff replies in the bucket and how long their customers had waited.
    pub first_replies: u64,
    pub avg_wait_secs: Option<f64>,
    pub max_wait_secs: Option<i64>,
}

/// What one append changes besides its rows: the days whose digests must be rebuilt and
/// the chats whose open wait moved.
struct Effects<'c> {
    dirty: BTreeSet<i64>,
    chats: ChatStates<'c>,
}

/// Removes a message's rows from the log, whatever their date (a scan: see `NotSent`),
/// noting the days they were counted in.
fn delete_message(
    tx: &Transaction<'_>,
    chat: ChatId,
    message: MessageId,
    dirty: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    note_days(
        tx,
        [
            "DELETE FROM stat_messages WHERE chat = ?1 AND message = ?2 RETURNING date",
            "DELETE FROM stat_replies WHERE chat = ?1 AND message = ?2 RETURNING date - waited_secs",
        ],
        chat,
        message,
        dirty,
    )
}

/// The days a message's rows are counted in now (before they move).
fn days_of_message(
    tx: &Transaction<'_>,
    chat: ChatId,
    message: MessageId,
    dirty: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    note_days(
        tx,
        [
            "SELECT date FROM stat_messages WHERE chat = ?1 AND message = ?2",
            "SELECT date - waited_secs FROM stat_replies WHERE chat = ?1 AND message = ?2",
        ],
        chat,
        message,
        dirty,
    )
}

/// Runs each statement (which yields the dates a message's rows count on) and notes their
/// UTC days in `dirty`.
fn note_days(
    tx: &Transaction<'_>,
    statements: [&str; 2],
    chat: ChatId,
    message: MessageId,
    dirty: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    for sql in statements {
        let days: Vec<i64> = tx
            .prepare_cached(sql)?
            .query_map(params![chat, message], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        dirty.extend(days.into_iter().map(utc_day));
    }
    Ok(())
}

impl Store {
    /// Appends statistics events in one transaction (call with what `Desk::drain_stats`
    /// returned, batched). Returns how many rows were new (or, for a first reply seen again
    /// with a longer wait, changed). In the same transaction: the days whose digests must
    /// be rebuilt are marked, and the chats' open waits follow.
    pub fn append_stats(&mut self, events: &[StatEvent]) -> Result<usize, StoreError> {
        if events.is_empty() {
            return Ok(0);
        }
        let what = &t!("store-appending-statistics");
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        // The log is Telegram's history boiled down (a backfill rebuilds it), written after
        // every batch of a storm: its commits skip the fsync that FULL costs, which on a busy
        // disk held the window for up to 0.8 s about once a minute. A power cut may lose the
        // last batches, never the file; the admin's own marks and settings stay FULL.
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        // IMMEDIATE: the chat states read below must not go stale before this writes.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let cache = &mut self.chat_cache;
        let result = append_in(&tx, events, cache).and_then(|added| tx.commit().map(|()| added));
        let restored = self.conn.pragma_update(None, "synchronous", "FULL");
        let result = result.and_then(|added| restored.map(|()| added));
        if result.is_err() {
            // The cache may hold states the rolled-back transaction never wrote.
            self.chat_cache.clear();
        }
        result.map_err(err)
    }

    /// Logged messages with `from <= date < to`, by date.
    pub fn messages_between(
        &self,
        from: UnixTime,
        to: UnixTime,
    ) -> Result<Vec<MessageRecord>, StoreError> {
        let what = &t!("store-reading-message-statistics");
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT chat, message, role, date FROM stat_messages
                 WHERE date >= ?1 AND date < ?2 ORDER BY date, chat, message",
            )
            .map_err(|e| self.sql(what, e))?;
        let rows: Vec<(i64, i64, i64, i64)> = st
            .query_map([from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sql(what, e))?;
        rows.into_iter()
            .map(|(chat, message, role, date)| {
                let role = match role {
                    0 => Role::Customer,
                    1 => Role::Staff,
                    other => {
                        return Err(self.corrupt(t!(
                            "store-bad-message-role",
                            chat = chat,
                            message = message,
                            role = other
                        )));
                    }
                };
                Ok(MessageRecord {
                    chat,
                    message,
                    role,
                    date,
                })
            })
            .collect()
    }

    /// Logged first replies with `from <= date < to`, by date.
    pub fn replies_between(
        &self,
        from: UnixTime,
        to: UnixTime,
    ) -> Result<Vec<ReplyRecord>, StoreError> {
        let what = &t!("store-reading-reply-statistics");
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT chat, message, date, waited_secs, responder_kind, responder
                 FROM stat_replies WHERE date >= ?1 AND date < ?2 ORDER BY date, chat, message",
            )
            .map_err(|e| self.sql(what, e))?;
        type Row = (i64, i64, i64, i64, i64, i64);
        let rows: Vec<Row> = st
            .query_map([from, to], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sql(what, e))?;
        rows.into_iter()
            .map(|(chat, message, date, waited_secs, kind, id)| {
                let responder = match kind {
                    0 => Sender::User(id),
                    1 => Sender::Chat(id),
                    other => {
                        return Err(self.corrupt(t!(
                            "store-bad-responder-kind",
                            chat = chat,
                            message = message,
                            kind = other
                        )));
                    }
                };
                Ok(ReplyRecord {
                    chat,
                    message,
                    date,
                    waited_secs,
                    responder,
                })
            })
            .collect()
    }

    /// Number of logged messages (all time).
    pub fn message_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM stat_messages", [], |r| r.get(0))
            .map_err(|e| self.sql(&t!("store-counting-statistics"), e))
    }

    /// Runs SQLite's integrity check; `Ok(())` if the file is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.sql(&t!("store-checking-integrity"), e))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(self.corrupt(t!("store-integrity", result = result)))
        }
    }

    /// Per-bucket statistics for `from <= date < to`, buckets of `bucket_secs` (at least 1)
    /// aligned to `from`; only buckets with activity are returned, in time order.
    pub fn buckets(
        &self,
        from: UnixTime,
        to: UnixTime,
        bucket_secs: i64,
    ) -> Result<Vec<Bucket>, StoreError> {
        let what = &t!("store-summing-buckets");
        let size = bucket_secs.max(1);
        let mut out: std::collections::BTreeMap<i64, Bucket> = Default::default();
        let empty = |start| Bucket {
            start,
            active_chats: 0,
            customer_messages: 0,
            staff_messages: 0,
            first_replies: 0,
            avg_wait_secs: None,
            max_wait_secs: None,
        };
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT (date - ?1) / ?3, count(DISTINCT chat), sum(role = 0), sum(role = 1)
                 FROM stat_messages WHERE date >= ?1 AND date < ?2 GROUP BY 1",
            )
            .map_err(|e| self.sql(what, e))?;
        let rows: Vec<(i64, i64, i64, i64)> = st
            .query_map([from, to, size], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sql(what, e))?;
        for (i, chats, customer, staff) in rows {
            let start = from + i * size;
            let b = out.entry(start).or_insert_with(|| empty(start));
            b.active_chats = chats.max(0) as u64;
            b.customer_messages = customer.max(0) as u64;
            b.staff_messages = staff.max(0) as u64;
        }
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT (date - ?1) / ?3, count(*), avg(waited_secs), max(waited_secs)
                 FROM stat_replies WHERE date >= ?1 AND date < ?2 GROUP BY 1",
            )
            .map_err(|e| self.sql(what, e))?;
        let rows: Vec<(i64, i64, Option<f64>, Option<i64>)> = st
            .query_map([from, to, size], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sql(what, e))?;
        for (i, replies, avg, max) in rows {
            let start = from + i * size;
            let b = out.entry(start).or_insert_with(|| empty(start));
            b.first_replies = replies.max(0) as u64;
            b.avg_wait_secs = avg;
            b.max_wait_secs = max;
        }
        Ok(out.into_values().collect())
    }
}

/// Logs events inside a transaction: rows, dirty days and chat states.
pub(super) fn append_in(
    tx: &Transaction<'_>,
    events: &[StatEvent],
    cache: &mut ChatCache,
) -> rusqlite::Result<usize> {
    let mut fx = Effects {
        dirty: BTreeSet::new(),
        chats: ChatStates::begin(tx, cache)?,
    };
    let mut added = 0;
    for e in events {
        added += append_one(tx, e, &mut fx)?;
    }
    fx.finish(tx)?;
    Ok(added)
}

impl Effects<'_> {
    fn finish(self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO stat_dirty_days (day) VALUES (?1)")?;
        for day in self.dirty {
            st.execute([day])?;
        }
        self.chats.save(tx)
    }
}

/// Logs one event; returns the rows it added or changed.
fn append_one(
    tx: &Transaction<'_>,
    e: &StatEvent,
    fx: &mut Effects<'_>,
) -> rusqlite::Result<usize> {
    match *e {
        StatEvent::Message {
            chat,
            message,
            role,
            date,
        } => {
            let code = match role {
                Role::Customer => 0,
                Role::Staff => 1,
            };
            let added = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO stat_messages (date, chat, message, role)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![date, chat, message, code])?;
            if added > 0 {
                fx.dirty.insert(utc_day(date));
                match role {
                    Role::Customer => fx.chats.customer(tx, chat, message, date)?,
                    Role::Staff => fx.chats.answer_below(tx, chat, message)?,
                }
                return Ok(added);
            }
            // Logged as a customer's before the desk knew its sender was staff (a chat's
            // last message arrives before the duty group's members do): seen again as
            // staff's, it is. Never the other way: someone who leaves the team wrote as
            // staff while in it.
            if role == Role::Staff {
                let changed = tx
                    .prepare_cached(
                        "UPDATE stat_messages SET role = 1
                         WHERE date = ?1 AND chat = ?2 AND message = ?3 AND role = 0",
                    )?
                    .execute(params![date, chat, message])?;
                if changed > 0 {
                    fx.dirty.insert(utc_day(date));
                    // It answers below itself, and is no open wait (one past it, as no
                    // customer message has its id).
                    fx.chats.answer_below(tx, chat, message.saturating_add(1))?;
                }
                return Ok(changed);
            }
            Ok(0)
        }
        StatEvent::FirstReply {
            chat,
            message,
            date,
            waited_secs,
            responder,
        } => first_reply(
            tx,
            chat,
            message,
            date,
            waited_secs,
            responder,
            &mut fx.dirty,
        ),
        StatEvent::MessageIdChanged {
            chat,
            old,
            new,
            date,
        } => {
            // The wait of a first reply ends when its message does: it moves by as much
            // as the date. OR IGNORE, then DELETE: if the new id is logged already, the old
            // rows are duplicates of it and go. The old rows' date is unknown, so this
            // scans; the desk sends this only for rows logged under a temporary id, which
            // is rare.
            days_of_message(tx, chat, old, &mut fx.dirty)?;
            fx.dirty.insert(utc_day(date));
            tx.prepare_cached(
                "UPDATE OR IGNORE stat_messages SET message = ?3, date = ?4
                 WHERE chat = ?1 AND message = ?2",
            )?
            .execute(params![chat, old, new, date])?;
            tx.prepare_cached(
                "UPDATE OR IGNORE stat_replies SET message = ?3, date = ?4,
                     waited_secs = max(0, waited_secs + ?4 - date)
                 WHERE chat = ?1 AND message = ?2",
            )?
            .execute(params![chat, old, new, date])?;
            days_of_message(tx, chat, new, &mut fx.dirty)?;
            // (A message confirmed under the id it had keeps its rows.)
            if old != new {
                delete_message(tx, chat, old, &mut fx.dirty)?;
            }
            fx.chats.recount(tx, chat)?;
            Ok(0)
        }
        StatEvent::NotSent { chat, message } => {
            delete_message(tx, chat, message, &mut fx.dirty)?;
            fx.chats.recount(tx, chat)?;
            Ok(0)
        }
    }
}

/// Logs a first reply. Seen again with a longer wait, the longer one stays: a desk that
/// saw more of the chat's history (a backfill reading back past a gap) found an older
/// unanswered message than one that came in after the gap.
fn first_reply(
    tx: &Transaction<'_>,
    chat: ChatId,
    message: MessageId,
    date: UnixTime,
    waited_secs: i64,
    responder: Sender,
    dirty: &mut BTreeSet<i64>,
) -> rusqlite::Result<usize> {
    let (kind, id) = match responder {
        Sender::User(u) => (0, u),
        Sender::Chat(c) => (1, c),
    };
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO stat_replies
             (chat, message, date, waited_secs, responder_kind, responder)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![chat, message, date, waited_secs, kind, id])?;
    if added > 0 {
        dirty.insert(utc_day(date - waited_secs));
        return Ok(added);
    }
    let logged: Option<i64> = tx
        .prepare_cached(
            "SELECT waited_secs FROM stat_replies WHERE date = ?1 AND chat = ?2 AND message = ?3",
        )?
        .query_row(params![date, chat, message], |r| r.get(0))
        .optional()?;
    match logged {
        Some(old) if waited_secs > old => {
            dirty.insert(utc_day(date - old));
            dirty.insert(utc_day(date - waited_secs));
            tx.prepare_cached(
                "UPDATE stat_replies SET waited_secs = ?4, responder_kind = ?5, responder = ?6
                 WHERE date = ?1 AND chat = ?2 AND message = ?3",
            )?
            .execute(params![date, chat, message, waited_secs, kind, id])
        }
        _ => Ok(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{Role, StatEvent};

    fn synchronous(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .expect("the pragma reads")
    }

    /// The log's batches commit without FULL's fsync; everything else keeps it.
    #[test]
    fn the_log_skips_full_sync_and_leaves_the_connection_full() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut store = Store::open(&dir.path().join("d.sqlite")).expect("the store opens");
        const FULL: i64 = 2;
        assert_eq!(synchronous(&store), FULL);
        let added = store
            .append_stats(&[StatEvent::Message {
                chat: 7,
                message: 1,
                role: Role::Customer,
                date: 1_772_442_000,
            }])
            .expect("the batch is logged");
        assert_eq!(added, 1);
        assert_eq!(synchronous(&store), FULL, "marks and settings stay FULL");
        assert_eq!(store.messages_between(0, i64::MAX).expect("reads").len(), 1);
    }
}
