//! The toolkit's marks in the store: this admin's tags and tiers on chats, alerts chats,
//! and reminders (a fired one is kept, with when it fired, until its chat is opened).

use rusqlite::{Row, Transaction, params};

use super::{Store, StoreError};
use crate::desk::toolkit::reminders::{Due, Reminder};
use crate::desk::toolkit::{StoredReminder, ToolkitChange, ToolkitLocal};

impl Store {
    /// Everything `Desk::load_local` needs of the toolkit.
    pub(super) fn load_toolkit(&self) -> Result<ToolkitLocal, StoreError> {
        let what = "reading the toolkit's marks";
        let two = |r: &Row<'_>| Ok((r.get(0)?, r.get(1)?));
        Ok(ToolkitLocal {
            tags: self.all_rows(
                what,
                "SELECT chat, tag FROM chat_tags ORDER BY chat, tag",
                two,
            )?,
            tiers: self.all_rows(what, "SELECT chat, tier FROM chat_tiers ORDER BY chat", two)?,
            alerts: self.all_rows(what, "SELECT chat FROM alerts_chats ORDER BY chat", |r| {
                r.get(0)
            })?,
            reminders: self.all_rows(
                what,
                "SELECT chat, due, on_reply, note, set_at, fired_at FROM reminders ORDER BY chat",
                reminder,
            )?,
        })
    }
}

fn reminder(r: &Row<'_>) -> rusqlite::Result<StoredReminder> {
    let due: Option<i64> = r.get(1)?;
    let on_reply: bool = r.get(2)?;
    Ok(StoredReminder {
        reminder: Reminder {
            chat: r.get(0)?,
            // A row with neither is taken as "when the customer writes": it never fires
            // by itself, and the admin sees it in the list to cancel.
            due: match (on_reply, due) {
                (false, Some(at)) => Due::At(at),
                _ => Due::CustomerWrites,
            },
            note: r.get(3)?,
            set_at: r.get(4)?,
        },
        fired_at: r.get(5)?,
    })
}

/// Persists one toolkit mark inside the caller's transaction.
pub(super) fn apply(tx: &Transaction<'_>, change: &ToolkitChange) -> rusqlite::Result<()> {
    match change {
        ToolkitChange::Tag {
            chat,
            tag,
            on: true,
        } => tx.execute(
            "INSERT OR IGNORE INTO chat_tags (chat, tag) VALUES (?1, ?2)",
            params![chat, tag],
        ),
        ToolkitChange::Tag {
            chat,
            tag,
            on: false,
        } => tx.execute(
            "DELETE FROM chat_tags WHERE chat = ?1 AND tag = ?2",
            params![chat, tag],
        ),
        ToolkitChange::Tier {
            chat,
            tier: Some(tier),
        } => tx.execute(
            "INSERT OR REPLACE INTO chat_tiers (chat, tier) VALUES (?1, ?2)",
            params![chat, tier],
        ),
        ToolkitChange::Tier { chat, tier: None } => {
            tx.execute("DELETE FROM chat_tiers WHERE chat = ?1", [chat])
        }
        ToolkitChange::Alerts { chat, on: true } => tx.execute(
            "INSERT OR IGNORE INTO alerts_chats (chat) VALUES (?1)",
            [chat],
        ),
        ToolkitChange::Alerts { chat, on: false } => {
            tx.execute("DELETE FROM alerts_chats WHERE chat = ?1", [chat])
        }
        ToolkitChange::Reminder {
            chat,
            reminder: None,
        } => tx.execute("DELETE FROM reminders WHERE chat = ?1", [chat]),
        ToolkitChange::Reminder {
            chat,
            reminder: Some(stored),
        } => {
            let r = &stored.reminder;
            let (due, on_reply) = match r.due {
                Due::At(at) => (Some(at), false),
                Due::CustomerWrites => (None, true),
            };
            tx.execute(
                "INSERT OR REPLACE INTO reminders (chat, due, on_reply, note, set_at, fired_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![chat, due, on_reply, r.note, r.set_at, stored.fired_at],
            )
        }
    }
    .map(drop)
}
