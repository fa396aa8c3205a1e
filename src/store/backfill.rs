//! The backfill's marks: per support chat, the newest message a completed backfill of it
//! logged. A chat's backfilled rows and its new mark commit in one transaction, so after a
//! crash a chat is either wholly backfilled (and its mark moved) or not at all (and read
//! again from its old mark): nothing twice, nothing missing.

use i18n::t;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::{Store, StoreError};
use crate::desk::{ChatId, MessageId, StatEvent, UnixTime};

/// Where a chat's last completed backfill got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackfillMark {
    pub chat: ChatId,
    pub message: MessageId,
    pub date: UnixTime,
}

impl Store {
    /// The chat's mark, if it was ever backfilled.
    pub fn backfill_mark(&self, chat: ChatId) -> Result<Option<BackfillMark>, StoreError> {
        self.conn
            .prepare_cached("SELECT message, date FROM backfill_marks WHERE chat = ?1")
            .and_then(|mut st| {
                st.query_row([chat], |r| {
                    Ok(BackfillMark {
                        chat,
                        message: r.get(0)?,
                        date: r.get(1)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.sql("reading a backfill mark", e))
    }

    /// Logs one chat's backfilled statistics (as `append_stats` does) and moves its mark
    /// forward (never back), in one transaction. Returns the rows added.
    pub fn append_backfill(
        &mut self,
        events: &[StatEvent],
        mark: Option<BackfillMark>,
    ) -> Result<usize, StoreError> {
        let what = &t!("store-logging-backfill");
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let cache = &mut self.chat_cache;
        let result = super::stats::append_in(&tx, events, cache).and_then(|added| {
            if let Some(m) = mark {
                tx.execute(
                    "INSERT INTO backfill_marks (chat, message, date) VALUES (?1, ?2, ?3)
                     ON CONFLICT (chat) DO UPDATE SET message = excluded.message,
                         date = excluded.date
                     WHERE excluded.message > backfill_marks.message",
                    params![m.chat, m.message, m.date],
                )?;
            }
            tx.commit().map(|()| added)
        });
        if result.is_err() {
            self.chat_cache.clear();
        }
        result.map_err(err)
    }
}
