//! Local marks (pins, stars, notes, support flags, dismissals, alarms) and settings.

use i18n::t;
use rusqlite::types::FromSql;
use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};
use crate::desk::{LocalChange, LocalState, Settings, SupportFlag};

/// The settings row holding `desk::Settings` as JSON.
const DESK_SETTINGS_KEY: &str = "desk";
/// The settings row saying the admin has saved a duty-group choice (even "None"), so the
/// demo floor stops guessing the group by its title.
const DUTY_GROUP_CHOSEN_KEY: &str = "duty-group-chosen";

/// A row's one column.
fn one<T: FromSql>(r: &Row<'_>) -> rusqlite::Result<T> {
    r.get(0)
}

/// A row's two columns.
fn two<A: FromSql, B: FromSql>(r: &Row<'_>) -> rusqlite::Result<(A, B)> {
    Ok((r.get(0)?, r.get(1)?))
}

impl Store {
    /// Everything `Desk::load_local` needs.
    pub fn load_local(&self) -> Result<LocalState, StoreError> {
        let what = &t!("store-reading-local-marks");
        let mut state = LocalState {
            pins: self.all_rows(what, "SELECT chat FROM pins ORDER BY position, chat", one)?,
            stars: self.all_rows(what, "SELECT chat FROM stars ORDER BY chat", one)?,
            notes: self.all_rows(what, "SELECT chat, text FROM notes ORDER BY chat", two)?,
            dismissed: self.all_rows(
                what,
                "SELECT chat, up_to FROM dismissed ORDER BY chat",
                two,
            )?,
            alarms: self.all_rows(what, "SELECT chat FROM alarms ORDER BY chat", one)?,
            toolkit: self.load_toolkit()?,
            ..LocalState::default()
        };
        let flags: Vec<(i64, String)> = self.all_rows(
            what,
            "SELECT chat, flag FROM support_flags ORDER BY chat",
            two,
        )?;
        for (chat, flag) in flags {
            let flag = match flag.as_str() {
                "include" => SupportFlag::Include,
                "exclude" => SupportFlag::Exclude,
                other => {
                    return Err(self.corrupt(t!(
                        "store-bad-support-flag",
                        chat = chat,
                        flag = other
                    )));
                }
            };
            state.support_flags.push((chat, flag));
        }
        Ok(state)
    }

    /// Every row of a query without parameters, as `row` reads it.
    pub(super) fn all_rows<T>(
        &self,
        what: &str,
        sql: &str,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        self.conn
            .prepare(sql)
            .and_then(|mut st| st.query_map([], row)?.collect())
            .map_err(|e| self.sql(what, e))
    }

    /// Persists what `Desk::drain_local_changes` returned, in one transaction.
    pub fn apply_changes(&mut self, changes: &[LocalChange]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let what = &t!("store-saving-local-marks");
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, what, e);
        // IMMEDIATE: a dismissal moves its chat's open wait, read and written here.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let cache = &mut self.chat_cache;
        let result = (|| {
            let mut chats = super::chat_state::ChatStates::begin(&tx, cache).map_err(err)?;
            for change in changes {
                match change {
                    LocalChange::Pins(pins) => {
                        tx.execute("DELETE FROM pins", []).map_err(err)?;
                        let mut st = tx
                            .prepare_cached(
                                "INSERT OR REPLACE INTO pins (chat, position) VALUES (?1, ?2)",
                            )
                            .map_err(err)?;
                        for (i, chat) in pins.iter().enumerate() {
                            st.execute(params![chat, i as i64]).map_err(err)?;
                        }
                    }
                    LocalChange::Star {
                        chat,
                        starred: true,
                    } => {
                        tx.execute("INSERT OR IGNORE INTO stars (chat) VALUES (?1)", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::Star {
                        chat,
                        starred: false,
                    } => {
                        tx.execute("DELETE FROM stars WHERE chat = ?1", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::Note { chat, text } if text.is_empty() => {
                        tx.execute("DELETE FROM notes WHERE chat = ?1", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::Note { chat, text } => {
                        tx.execute(
                            "INSERT OR REPLACE INTO notes (chat, text) VALUES (?1, ?2)",
                            params![chat, text],
                        )
                        .map_err(err)?;
                    }
                    LocalChange::SupportFlag { chat, flag: None } => {
                        tx.execute("DELETE FROM support_flags WHERE chat = ?1", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::SupportFlag {
                        chat,
                        flag: Some(flag),
                    } => {
                        let flag = match flag {
                            SupportFlag::Include => "include",
                            SupportFlag::Exclude => "exclude",
                        };
                        tx.execute(
                            "INSERT OR REPLACE INTO support_flags (chat, flag) VALUES (?1, ?2)",
                            params![chat, flag],
                        )
                        .map_err(err)?;
                    }
                    LocalChange::Dismissed { chat, up_to } => {
                        tx.execute(
                            "INSERT INTO dismissed (chat, up_to) VALUES (?1, ?2)
                             ON CONFLICT (chat) DO UPDATE SET up_to = max(up_to, excluded.up_to)",
                            params![chat, up_to],
                        )
                        .map_err(err)?;
                        // "No reply needed" ends the chat's open wait as a reply would.
                        chats
                            .answer_below(&tx, *chat, up_to.saturating_add(1))
                            .map_err(err)?;
                    }
                    LocalChange::Alarm { chat, raised: true } => {
                        tx.execute("INSERT OR IGNORE INTO alarms (chat) VALUES (?1)", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::Alarm {
                        chat,
                        raised: false,
                    } => {
                        tx.execute("DELETE FROM alarms WHERE chat = ?1", [chat])
                            .map_err(err)?;
                    }
                    LocalChange::Toolkit(change) => {
                        super::toolkit::apply(&tx, change).map_err(err)?
                    }
                }
            }
            chats.save(&tx).map_err(err)?;
            tx.commit().map_err(err)
        })();
        if result.is_err() {
            // The cache may hold states the rolled-back transaction never wrote.
            self.chat_cache.clear();
        }
        result
    }

    /// The desk settings saved last, or `None` if never saved. Fields missing from the
    /// saved JSON take their defaults; a malformed value is an error naming the key.
    pub fn load_settings(&self) -> Result<Option<Settings>, StoreError> {
        let Some(json) = self.value(DESK_SETTINGS_KEY)? else {
            return Ok(None);
        };
        serde_json::from_str(&json).map(Some).map_err(|e| {
            self.corrupt(t!(
                "store-bad-desk-settings",
                key = DESK_SETTINGS_KEY,
                error = e.to_string()
            ))
        })
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings)
            .map_err(|e| self.corrupt(t!("store-encode-desk-settings", error = e.to_string())))?;
        self.set_value(DESK_SETTINGS_KEY, &json)
    }

    /// Whether the admin has saved a duty-group choice in this store.
    pub fn duty_group_chosen(&self) -> Result<bool, StoreError> {
        Ok(self.value(DUTY_GROUP_CHOSEN_KEY)?.is_some())
    }

    pub fn set_duty_group_chosen(&mut self) -> Result<(), StoreError> {
        self.set_value(DUTY_GROUP_CHOSEN_KEY, "true")
    }

    /// A raw settings value (for other parts of the app: window, theme…).
    pub fn value(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(&t!("store-reading-setting", key = key), e))
    }

    pub fn set_value(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, value],
            )
            .map(drop)
            .map_err(|e| self.sql(&t!("store-saving-setting", key = key), e))
    }
}
