//! The local SQLite store: pins, stars, notes, support flags, dismissals, alarms, settings, the
//! statistics event log, staff names, the tasks linked to chats and the team's checkpoint,
//! in one file (WAL mode, bundled SQLite).
//!
//! The schema is versioned with `PRAGMA user_version`: each migration runs in its own
//! transaction together with the version bump, so a crash mid-migration leaves the previous
//! version intact. A file from a newer DutyDesk is refused, never downgraded.

mod backfill;
mod chat_state;
mod crash;
mod digests;
mod error;
mod local;
mod staff_names;
mod stats;
mod tasks;
mod team;
mod toolkit;
mod writer;

use std::path::{Path, PathBuf};

use i18n::t;
use rusqlite::Connection;

pub use backfill::BackfillMark;
pub use crash::{CRASH_BATCH, CRASH_CHAT, crash_writer};
pub use error::StoreError;
pub use stats::{Bucket, MessageRecord, ReplyRecord};
pub use tasks::{ChatProject, LinkedTask};
pub use writer::{StatsWriter, StoreFile};

/// Migrations in order; `MIGRATIONS[i]` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: local marks, settings and the statistics log.
    "CREATE TABLE pins (chat INTEGER PRIMARY KEY, position INTEGER NOT NULL);
     CREATE TABLE stars (chat INTEGER PRIMARY KEY);
     CREATE TABLE notes (chat INTEGER PRIMARY KEY, text TEXT NOT NULL);
     CREATE TABLE support_flags (chat INTEGER PRIMARY KEY, flag TEXT NOT NULL);
     CREATE TABLE dismissed (chat INTEGER PRIMARY KEY, up_to INTEGER NOT NULL);
     CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     -- The statistics log is keyed date first: new rows append at the end of the
     -- B-tree (dates only grow, apart from late messages), so a batch writes few pages
     -- however many chats it touches, and hourly statistics read one key range. A
     -- message keeps its date, so (date, chat, message) also drops replays of history.
     CREATE TABLE stat_messages (
         date INTEGER NOT NULL, chat INTEGER NOT NULL, message INTEGER NOT NULL,
         role INTEGER NOT NULL,
         PRIMARY KEY (date, chat, message)) WITHOUT ROWID;
     CREATE TABLE stat_replies (
         date INTEGER NOT NULL, chat INTEGER NOT NULL, message INTEGER NOT NULL,
         waited_secs INTEGER NOT NULL, responder_kind INTEGER NOT NULL,
         responder INTEGER NOT NULL,
         PRIMARY KEY (date, chat, message)) WITHOUT ROWID;",
    // 2: alarms raised on this client, kept like the other local marks.
    "CREATE TABLE alarms (chat INTEGER PRIMARY KEY);",
    // 3: one row per message. Builds up to version 2 logged a reply confirmed after its
    // pending date twice, under the pending date and again under the server's, and timed
    // its first reply from the pending date. Of a message's rows the latest date stays:
    // TDLib dates a pending message when it is sent and the server when it accepts it, so
    // the server's is the later one. A first reply moves to its message's date, its wait
    // with it. (From now on the desk logs a sent message under the server's date only, so
    // the date-first key keeps it once.) The (chat, message, date) indexes only make this
    // clean-up O(n log n) and go once it is done: kept, their random-order inserts would
    // cost the log most of its append speed.
    "CREATE INDEX stat_messages_dedup ON stat_messages (chat, message, date);
     CREATE INDEX stat_replies_dedup ON stat_replies (chat, message, date);
     DELETE FROM stat_messages WHERE EXISTS (
         SELECT 1 FROM stat_messages AS n
         WHERE n.chat = stat_messages.chat AND n.message = stat_messages.message
           AND n.date > stat_messages.date);
     -- OR IGNORE: a reply already logged at the kept date too is deleted just below.
     UPDATE OR IGNORE stat_replies SET
         waited_secs = max(0, waited_secs + (
             SELECT m.date FROM stat_messages AS m
             WHERE m.chat = stat_replies.chat AND m.message = stat_replies.message) - date),
         date = (
             SELECT m.date FROM stat_messages AS m
             WHERE m.chat = stat_replies.chat AND m.message = stat_replies.message)
     WHERE EXISTS (
         SELECT 1 FROM stat_messages AS m
         WHERE m.chat = stat_replies.chat AND m.message = stat_replies.message
           AND m.date <> stat_replies.date);
     DELETE FROM stat_replies WHERE EXISTS (
         SELECT 1 FROM stat_replies AS n
         WHERE n.chat = stat_replies.chat AND n.message = stat_replies.message
           AND n.date > stat_replies.date);
     DROP INDEX stat_messages_dedup;
     DROP INDEX stat_replies_dedup;",
    // 4: tasks in the team's trackers, linked to the chat and the messages they quote, and
    // the project each chat's tasks go to in each tracker (remembered from use).
    "CREATE TABLE tasks (
         id INTEGER PRIMARY KEY,
         chat INTEGER NOT NULL, tracker TEXT NOT NULL, key TEXT NOT NULL,
         title TEXT NOT NULL, url TEXT NOT NULL, created_at INTEGER NOT NULL,
         status TEXT, closed INTEGER,
         UNIQUE (chat, tracker, key));
     CREATE TABLE task_messages (
         task INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
         message INTEGER NOT NULL,
         PRIMARY KEY (task, message)) WITHOUT ROWID;
     CREATE TABLE chat_projects (
         tracker TEXT NOT NULL, chat INTEGER NOT NULL, project TEXT NOT NULL,
         PRIMARY KEY (tracker, chat)) WITHOUT ROWID;",
    // 5: what the statistics figures read fast, and the backfill's marks.
    // - stat_days: one digest per UTC day (store/digests.rs), rebuilt from the log for the
    //   days listed in stat_dirty_days, which every append marks in its own transaction.
    //   Every day logged so far starts dirty: the first figures rebuild them once.
    // - stat_replies_by_start: a wait is counted on the day it started (date - waited_secs);
    //   starts mostly grow, so its inserts append.
    // - stat_chats: each chat's answer line and open wait (store/chat_state.rs), computed
    //   here once for what is logged already (with a temporary index, as in version 3).
    // - backfill_marks: per chat, the newest message a completed backfill logged.
    "CREATE INDEX stat_replies_by_start ON stat_replies (date - waited_secs);
     CREATE TABLE stat_days (day INTEGER PRIMARY KEY, digest BLOB NOT NULL);
     CREATE TABLE stat_dirty_days (day INTEGER PRIMARY KEY) WITHOUT ROWID;
     CREATE TABLE stat_chats (
         chat INTEGER PRIMARY KEY, answered_below INTEGER NOT NULL, max_customer INTEGER,
         open_message INTEGER, open_date INTEGER);
     CREATE TABLE backfill_marks (
         chat INTEGER PRIMARY KEY, message INTEGER NOT NULL, date INTEGER NOT NULL);
     INSERT OR IGNORE INTO stat_dirty_days (day)
         SELECT DISTINCT CASE WHEN date >= 0 THEN date / 86400 ELSE (date - 86399) / 86400 END
         FROM stat_messages;
     INSERT OR IGNORE INTO stat_dirty_days (day)
         SELECT DISTINCT CASE WHEN date - waited_secs >= 0 THEN (date - waited_secs) / 86400
                              ELSE (date - waited_secs - 86399) / 86400 END
         FROM stat_replies;
     CREATE INDEX stat_chats_build ON stat_messages (chat, role, message);
     INSERT INTO stat_chats (chat, answered_below, max_customer)
         SELECT chat, coalesce(max(CASE WHEN role = 1 THEN message END), -9223372036854775808),
                max(CASE WHEN role = 0 THEN message END)
         FROM stat_messages GROUP BY chat;
     UPDATE stat_chats SET answered_below = max(answered_below,
             (SELECT up_to + 1 FROM dismissed WHERE dismissed.chat = stat_chats.chat))
         WHERE chat IN (SELECT chat FROM dismissed);
     UPDATE stat_chats SET (open_message, open_date) = (
         SELECT message, date FROM stat_messages AS m
         WHERE m.chat = stat_chats.chat AND m.role = 0 AND m.message >= stat_chats.answered_below
         ORDER BY date, message LIMIT 1);
     DROP INDEX stat_chats_build;",
    // 6: the team's checkpoint per duty group (`team.rs`): the fold of the group's
    // messages, so a start reads only the history after it.
    "CREATE TABLE team_checkpoints (
         duty_group INTEGER PRIMARY KEY, checkpoint TEXT NOT NULL);",
    // 7: the toolkit's marks: this admin's tags and tiers on chats, alerts chats, and
    // reminders (one per chat; a fired one stays until its chat is opened).
    // (IF NOT EXISTS: a file taken back to an older version by hand keeps them.)
    "CREATE TABLE IF NOT EXISTS chat_tags (
         chat INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (chat, tag));
     CREATE TABLE IF NOT EXISTS chat_tiers (chat INTEGER PRIMARY KEY, tier TEXT NOT NULL);
     CREATE TABLE IF NOT EXISTS alerts_chats (chat INTEGER PRIMARY KEY);
     CREATE TABLE IF NOT EXISTS reminders (
         chat INTEGER PRIMARY KEY, due INTEGER, on_reply INTEGER NOT NULL,
         note TEXT NOT NULL, set_at INTEGER NOT NULL, fired_at INTEGER);",
    // 8: staff names (`staff_names.rs`), so statistics name admins rather than ids.
    "CREATE TABLE staff_names (user INTEGER PRIMARY KEY, name TEXT NOT NULL);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The file name of the store inside the data directory.
pub const FILE_NAME: &str = "dutydesk.sqlite3";

/// An open store. One per process; not shared between threads (move it to a worker).
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Chat states this connection knows (`chat_state.rs`).
    chat_cache: chat_state::ChatCache,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to
    /// `SCHEMA_VERSION`. Fails with `StoreError::TooNew` for a newer schema.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                what: t!("store-create-dir", path = dir.display().to_string()),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;
        let mut store = Self {
            conn,
            path: path.to_owned(),
            chat_cache: chat_state::ChatCache::default(),
        };
        // Check the version before anything else writes to the file (WAL switch included):
        // a newer file must be left exactly as it was.
        store.check_version()?;
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version found in the file (after migration: `SCHEMA_VERSION`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.sql(&t!("store-reading-schema-version"), e))
    }

    fn check_version(&mut self) -> Result<(), StoreError> {
        // Another DutyDesk (or the crash test's reader) may hold the lock briefly.
        self.conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| self.sql(&t!("store-setting-busy-timeout"), e))?;
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < 0 {
            return Err(StoreError::Corrupt {
                path: self.path.clone(),
                what: t!("store-negative-schema-version", found = found),
            });
        }
        Ok(())
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| self.sql(&t!("store-switching-to-wal"), e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Corrupt {
                path: self.path.clone(),
                what: t!("store-not-wal", mode = mode),
            });
        }
        // FULL: a committed batch survives power loss too, at one fsync per batch.
        self.conn
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(|e| self.sql(&t!("store-setting-pragmas"), e))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            // IMMEDIATE takes the write lock first, so two DutyDesks opening a fresh file at
            // once cannot both run the same migration: the version is re-read under the lock.
            let what = &t!("store-migrating");
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| sql_err(&self.path, what, e))?;
            let found: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| sql_err(&self.path, what, e))?;
            if found > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path: self.path.clone(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            if found == SCHEMA_VERSION {
                return Ok(());
            }
            let to = found + 1;
            let what = t!("store-migrating-from", found = found, to = to);
            tx.execute_batch(MIGRATIONS[found as usize])
                .and_then(|()| tx.pragma_update(None, "user_version", to))
                .and_then(|()| tx.commit())
                .map_err(|e| sql_err(&self.path, &what, e))?;
        }
    }

    pub(crate) fn sql(&self, what: &str, source: rusqlite::Error) -> StoreError {
        sql_err(&self.path, what, source)
    }

    pub(crate) fn corrupt(&self, what: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            what,
        }
    }
}

fn sql_err(path: &Path, what: &str, source: rusqlite::Error) -> StoreError {
    StoreError::Sql {
        what: what.to_owned(),
        path: path.to_owned(),
        source,
    }
}
