//! The statistics event log: one row per message in a support chat and one per first staff
//! reply, keyed by (date, chat, message) so replays of the same message are ignored. The
//! desk logs a sent message under the server's id and date; the rare rows it logged under
//! a temporary id move there when the message is confirmed (`MessageIdChanged`) or go when
//! it fails after all (`NotSent`).

use i18n::t;
use rusqlite::params;

use super::{Store, StoreError};
use crate::desk::{ChatId, MessageId, Role, Sender, StatEvent, UnixTime};

/// A logged message in a support chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageRecord {
    pub chat: ChatId,
    pub message: MessageId,
    pub role: Role,
    pub date: UnixTime,
}

/// A logged first staff reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyRecord {
    pub chat: ChatId,
    pub message: MessageId,
    pub date: UnixTime,
    pub waited_secs: i64,
    pub responder: Sender,
}

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

/// Removes a message's rows from the log, whatever their date (a scan: see `NotSent`).
fn delete_message(
    tx: &rusqlite::Transaction<'_>,
    chat: ChatId,
    message: MessageId,
) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM stat_messages WHERE chat = ?1 AND message = ?2",
        "DELETE FROM stat_replies WHERE chat = ?1 AND message = ?2",
    ] {
        tx.prepare_cached(sql)?.execute(params![chat, message])?;
    }
    Ok(())
}

impl Store {
    /// Appends statistics events in one transaction (call with what `Desk::drain_stats`
    /// returned, batched). Returns how many rows were new.
    pub fn append_stats(&mut self, events: &[StatEvent]) -> Result<usize, StoreError> {
        if events.is_empty() {
            return Ok(0);
        }
        let what = &t!("store-appending-statistics");
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut added = 0;
        {
            let mut msg = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO stat_messages (date, chat, message, role)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(err)?;
            let mut reply = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO stat_replies
                     (chat, message, date, waited_secs, responder_kind, responder)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            for e in events {
                match *e {
                    StatEvent::Message {
                        chat,
                        message,
                        role,
                        date,
                    } => {
                        let role = match role {
                            Role::Customer => 0,
                            Role::Staff => 1,
                        };
                        added += msg
                            .execute(params![date, chat, message, role])
                            .map_err(err)?;
                    }
                    StatEvent::FirstReply {
                        chat,
                        message,
                        date,
                        waited_secs,
                        responder,
                    } => {
                        let (kind, id) = match responder {
                            Sender::User(u) => (0, u),
                            Sender::Chat(c) => (1, c),
                        };
                        added += reply
                            .execute(params![chat, message, date, waited_secs, kind, id])
                            .map_err(err)?;
                    }
                    StatEvent::MessageIdChanged {
                        chat,
                        old,
                        new,
                        date,
                    } => {
                        // The wait of a first reply ends when its message does: it moves
                        // by as much as the date. OR IGNORE, then DELETE: if the new id is
                        // logged already, the old rows are duplicates of it and go. The old
                        // rows' date is unknown, so this scans; the desk sends this only for
                        // rows logged under a temporary id, which is rare.
                        tx.prepare_cached(
                            "UPDATE OR IGNORE stat_messages SET message = ?3, date = ?4
                             WHERE chat = ?1 AND message = ?2",
                        )
                        .and_then(|mut st| st.execute(params![chat, old, new, date]))
                        .map_err(err)?;
                        tx.prepare_cached(
                            "UPDATE OR IGNORE stat_replies SET message = ?3, date = ?4,
                                 waited_secs = max(0, waited_secs + ?4 - date)
                             WHERE chat = ?1 AND message = ?2",
                        )
                        .and_then(|mut st| st.execute(params![chat, old, new, date]))
                        .map_err(err)?;
                        // (A message confirmed under the id it had keeps its rows.)
                        if old != new {
                            delete_message(&tx, chat, old).map_err(err)?;
                        }
                    }
                    StatEvent::NotSent { chat, message } => {
                        delete_message(&tx, chat, message).map_err(err)?;
                    }
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(added)
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
