//! Each support chat's open wait, kept up to date as rows are logged (`stat_chats`), so the
//! figures never scan the log for it. A chat's state is a function of its logged rows and
//! its "no reply needed" mark, whatever order they arrive in (history, backfill and live
//! interleave): the answer line is the highest staff message id (or dismissed id + 1), the
//! open wait the oldest (date, id) customer message at or above it. So a replay changes
//! nothing, and only a deleted row (a send that failed after all) needs a recount.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::desk::{ChatId, MessageId, UnixTime};

/// One chat's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ChatState {
    /// Customer messages below this id are answered (or dismissed).
    answered_below: MessageId,
    max_customer: Option<MessageId>,
    /// The open wait's first message and its date.
    open: Option<(MessageId, UnixTime)>,
}

/// The chat states this connection has read or written, so an append does not read them
/// back. Valid while no other connection writes: `PRAGMA data_version` tells, and the
/// cache is dropped when it moves (or when a transaction fails).
#[derive(Debug, Default)]
pub(super) struct ChatCache {
    version: Option<i64>,
    chats: HashMap<ChatId, ChatState>,
}

impl ChatCache {
    pub fn clear(&mut self) {
        self.version = None;
        self.chats.clear();
    }
}

/// The chat states one transaction touches; the changed ones are written back by `save`.
pub(super) struct ChatStates<'c> {
    cache: &'c mut ChatCache,
    changed: Vec<ChatId>,
}

impl<'c> ChatStates<'c> {
    /// Starts with the cache, emptied if another connection wrote since it was filled.
    pub fn begin(tx: &Transaction<'_>, cache: &'c mut ChatCache) -> rusqlite::Result<Self> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if cache.version != Some(version) {
            cache.clear();
            cache.version = Some(version);
        }
        Ok(ChatStates {
            cache,
            changed: Vec::new(),
        })
    }

    fn get(&mut self, tx: &Transaction<'_>, chat: ChatId) -> rusqlite::Result<&mut ChatState> {
        match self.cache.chats.entry(chat) {
            std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) => Ok(e.insert(load(tx, chat)?)),
        }
    }

    fn touched(&mut self, chat: ChatId) {
        if self.changed.last() != Some(&chat) {
            self.changed.push(chat);
        }
    }

    /// A customer message was logged.
    pub fn customer(
        &mut self,
        tx: &Transaction<'_>,
        chat: ChatId,
        id: MessageId,
        date: UnixTime,
    ) -> rusqlite::Result<()> {
        let s = self.get(tx, chat)?;
        let mut changed = false;
        if s.max_customer.is_none_or(|m| id > m) {
            s.max_customer = Some(id);
            changed = true;
        }
        if id >= s.answered_below && s.open.is_none_or(|(m, d)| (date, id) < (d, m)) {
            s.open = Some((id, date));
            changed = true;
        }
        if changed {
            self.touched(chat);
        }
        Ok(())
    }

    /// A staff message `id` was logged (it answers below itself), or a dismissal up to
    /// `id - 1` saved.
    pub fn answer_below(
        &mut self,
        tx: &Transaction<'_>,
        chat: ChatId,
        line: MessageId,
    ) -> rusqlite::Result<()> {
        let s = self.get(tx, chat)?;
        if line <= s.answered_below {
            return Ok(());
        }
        s.answered_below = line;
        if let Some((m, since)) = s.open
            && m < line
        {
            s.open = None;
            // Any customer message still open was dated no earlier than the old open one
            // (that was the oldest above a lower line): read forward from its date.
            if s.max_customer.is_some_and(|c| c >= line) {
                s.open = oldest_customer(tx, chat, line, since)?;
            }
        }
        self.touched(chat);
        Ok(())
    }

    /// Recounts a chat from its rows (after a deletion).
    pub fn recount(&mut self, tx: &Transaction<'_>, chat: ChatId) -> rusqlite::Result<()> {
        let dismissed = dismissed_line(tx, chat)?;
        let (staff, max_customer): (Option<i64>, Option<i64>) = tx
            .prepare_cached(
                "SELECT max(CASE WHEN role = 1 THEN message END),
                        max(CASE WHEN role = 0 THEN message END)
                 FROM stat_messages WHERE chat = ?1",
            )?
            .query_row([chat], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let answered_below = staff.unwrap_or(MessageId::MIN).max(dismissed);
        let open = oldest_customer(tx, chat, answered_below, UnixTime::MIN)?;
        self.cache.chats.insert(
            chat,
            ChatState {
                answered_below,
                max_customer,
                open,
            },
        );
        self.touched(chat);
        Ok(())
    }

    /// Writes the changed states back, many rows a statement.
    pub fn save(mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        const ROWS: usize = 100;
        self.changed.sort_unstable();
        self.changed.dedup();
        for chunk in self.changed.chunks(ROWS) {
            let sql = format!(
                "INSERT OR REPLACE INTO stat_chats
                 (chat, answered_below, max_customer, open_message, open_date) VALUES {}",
                vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(chunk.len() * 5);
            for chat in chunk {
                let s = self.cache.chats[chat];
                let (open, date) = s.open.unzip();
                values.extend([
                    (*chat).into(),
                    s.answered_below.into(),
                    s.max_customer.into(),
                    open.into(),
                    date.into(),
                ]);
            }
            tx.prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(values))?;
        }
        Ok(())
    }
}

fn load(tx: &Transaction<'_>, chat: ChatId) -> rusqlite::Result<ChatState> {
    let row = tx
        .prepare_cached(
            "SELECT answered_below, max_customer, open_message, open_date
             FROM stat_chats WHERE chat = ?1",
        )?
        .query_row([chat], |r| {
            let open: Option<i64> = r.get(2)?;
            let date: Option<i64> = r.get(3)?;
            Ok(ChatState {
                answered_below: r.get(0)?,
                max_customer: r.get(1)?,
                open: open.zip(date),
            })
        })
        .optional()?;
    match row {
        Some(state) => Ok(state),
        // A chat dismissed before anything of it was logged keeps its mark.
        None => Ok(ChatState {
            answered_below: dismissed_line(tx, chat)?,
            max_customer: None,
            open: None,
        }),
    }
}

fn dismissed_line(tx: &Transaction<'_>, chat: ChatId) -> rusqlite::Result<MessageId> {
    let up_to: Option<i64> = tx
        .prepare_cached("SELECT up_to FROM dismissed WHERE chat = ?1")?
        .query_row([chat], |r| r.get(0))
        .optional()?;
    Ok(up_to.map_or(MessageId::MIN, |u| u.saturating_add(1)))
}

/// The oldest (date, id) customer message of `chat` at or above `line`, dated `since` or
/// later: a range scan of the date-first key from `since`.
fn oldest_customer(
    tx: &Transaction<'_>,
    chat: ChatId,
    line: MessageId,
    since: UnixTime,
) -> rusqlite::Result<Option<(MessageId, UnixTime)>> {
    tx.prepare_cached(
        "SELECT message, date FROM stat_messages
         WHERE date >= ?3 AND chat = ?1 AND role = 0 AND message >= ?2
         ORDER BY date, message LIMIT 1",
    )?
    .query_row(params![chat, line, since], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}
