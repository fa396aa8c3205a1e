//! Each support chat's open wait, kept up to date as rows are logged (`stat_chats`), so the
//! figures never scan the log for it. A chat's state is a function of its logged rows and
//! its "no reply needed" mark, whatever order they arrive in (history, backfill and live
//! interleave): the answer line is the highest staff message id (or dismissed id + 1), the
//! open wait the oldest (date, id) customer message at or above it. So a replay changes
//! nothing, and only a deleted row (a send that failed after all) needs a recount.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::desk::{ChatId, MessageId, UnixTime};

/// One chat's state as the batch sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ChatState {
    /// Customer messages below this id are answered (or dismissed).
    answered_below: MessageId,
    max_customer: Option<MessageId>,
    /// The open wait's first message and its date.
    open: Option<(MessageId, UnixTime)>,
    changed: bool,
}

/// The chat states a transaction touches, loaded on first use and written back at the end.
#[derive(Default)]
pub(super) struct ChatStates {
    chats: HashMap<ChatId, ChatState>,
}

impl ChatStates {
    fn get(&mut self, tx: &Transaction<'_>, chat: ChatId) -> rusqlite::Result<&mut ChatState> {
        if !self.chats.contains_key(&chat) {
            let state = load(tx, chat)?;
            self.chats.insert(chat, state);
        }
        Ok(self.chats.get_mut(&chat).expect("just inserted"))
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
        if s.max_customer.is_none_or(|m| id > m) {
            s.max_customer = Some(id);
            s.changed = true;
        }
        if id >= s.answered_below && s.open.is_none_or(|(m, d)| (date, id) < (d, m)) {
            s.open = Some((id, date));
            s.changed = true;
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
        s.changed = true;
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
        self.chats.insert(
            chat,
            ChatState {
                answered_below,
                max_customer,
                open,
                changed: true,
            },
        );
        Ok(())
    }

    /// Writes the changed states back.
    pub fn save(self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut st = tx.prepare_cached(
            "INSERT OR REPLACE INTO stat_chats
             (chat, answered_below, max_customer, open_message, open_date)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (chat, s) in self.chats.into_iter().filter(|(_, s)| s.changed) {
            let (open, date) = s.open.unzip();
            st.execute(params![chat, s.answered_below, s.max_customer, open, date])?;
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
                changed: false,
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
            changed: false,
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
