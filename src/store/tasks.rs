//! Tasks in the team's trackers, linked to a chat and to the messages they quote, and the
//! project each chat's tasks go to in each tracker.
//!
//! In: a task as created through a tracker's API or linked by the key the admin pasted back
//! (`save_task`), a status read from the tracker (`set_task_status`), a project used for a
//! chat (`remember_project`). Out: everything, at start-up (`load_tasks`, `load_projects`):
//! the window keeps them in memory, so opening a chat never waits for the disk. A tracker
//! is named by the admin's name for it (`[[trackers]] name`), a chat by its Telegram id.

use i18n::t;
use rusqlite::params;

use super::{Store, StoreError};

/// A task linked to a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedTask {
    pub chat: i64,
    /// The tracker's name in the config.
    pub tracker: String,
    /// What people call it: `SUP-12`, `#34`, `acme/site#5`.
    pub key: String,
    pub title: String,
    /// The task's page; empty when the admin linked a key the tracker gives no address for.
    pub url: String,
    /// The quoted messages (TDLib ids), oldest first.
    pub messages: Vec<i64>,
    /// When it was created or linked (Telegram's clock).
    pub created_at: i64,
    /// The tracker's name for its state, as last read; `None` until read.
    pub status: Option<String>,
    /// Whether the tracker counts that state as finished, where it says so.
    pub closed: Option<bool>,
}

/// The project a chat's tasks go to in one tracker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatProject {
    pub tracker: String,
    pub chat: i64,
    pub project: String,
}

impl Store {
    /// Stores a task; linking the same key to the same chat again keeps one row (its title
    /// and address updated, its messages joined).
    pub fn save_task(&mut self, task: &LinkedTask) -> Result<(), StoreError> {
        let what = t!(
            "store-saving-task",
            key = task.key.as_str(),
            chat = task.chat
        );
        let path = self.path.clone();
        let err = |e| super::sql_err(&path, &what, e);
        let tx = self.conn.transaction().map_err(err)?;
        let id: i64 = tx
            .query_row(
                "INSERT INTO tasks (chat, tracker, key, title, url, created_at, status, closed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (chat, tracker, key) DO UPDATE SET
                     title = excluded.title, url = excluded.url,
                     status = coalesce(excluded.status, status),
                     closed = coalesce(excluded.closed, closed)
                 RETURNING id",
                params![
                    task.chat,
                    task.tracker,
                    task.key,
                    task.title,
                    task.url,
                    task.created_at,
                    task.status,
                    task.closed
                ],
                |r| r.get(0),
            )
            .map_err(err)?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO task_messages (task, message) VALUES (?1, ?2)",
                )
                .map_err(err)?;
            for message in &task.messages {
                st.execute(params![id, message]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// The status a tracker reported for a task; nothing happens for a task not stored.
    pub fn set_task_status(
        &mut self,
        chat: i64,
        tracker: &str,
        key: &str,
        status: &str,
        closed: Option<bool>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE tasks SET status = ?4, closed = ?5
                 WHERE chat = ?1 AND tracker = ?2 AND key = ?3",
                params![chat, tracker, key, status, closed],
            )
            .map(drop)
            .map_err(|e| self.sql(&format!("saving the status of task {key}"), e))
    }

    /// Remembers the project a chat's tasks went to in a tracker.
    pub fn remember_project(&mut self, project: &ChatProject) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO chat_projects (tracker, chat, project) VALUES (?1, ?2, ?3)",
                params![project.tracker, project.chat, project.project],
            )
            .map(drop)
            .map_err(|e| {
                self.sql(
                    &format!("remembering the project of chat {}", project.chat),
                    e,
                )
            })
    }

    /// Every linked task, by chat, oldest first within a chat.
    pub fn load_tasks(&self) -> Result<Vec<LinkedTask>, StoreError> {
        let what = &t!("store-reading-tasks");
        let mut tasks: Vec<(i64, LinkedTask)> = self.all_rows(
            what,
            "SELECT id, chat, tracker, key, title, url, created_at, status, closed
             FROM tasks ORDER BY chat, created_at, id",
            |r| {
                Ok((
                    r.get(0)?,
                    LinkedTask {
                        chat: r.get(1)?,
                        tracker: r.get(2)?,
                        key: r.get(3)?,
                        title: r.get(4)?,
                        url: r.get(5)?,
                        created_at: r.get(6)?,
                        status: r.get(7)?,
                        closed: r.get(8)?,
                        messages: Vec::new(),
                    },
                ))
            },
        )?;
        let links: Vec<(i64, i64)> = self.all_rows(
            what,
            "SELECT task, message FROM task_messages ORDER BY task, message",
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let index: std::collections::HashMap<i64, usize> = tasks
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        for (task, message) in links {
            if let Some(&i) = index.get(&task) {
                tasks[i].1.messages.push(message);
            }
        }
        Ok(tasks.into_iter().map(|(_, t)| t).collect())
    }

    /// Every remembered project.
    pub fn load_projects(&self) -> Result<Vec<ChatProject>, StoreError> {
        self.all_rows(
            "reading the chats' projects",
            "SELECT tracker, chat, project FROM chat_projects ORDER BY tracker, chat",
            |r| {
                Ok(ChatProject {
                    tracker: r.get(0)?,
                    chat: r.get(1)?,
                    project: r.get(2)?,
                })
            },
        )
    }
}
