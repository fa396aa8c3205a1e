//! The tasks linked to chats and the project each chat's tasks go to, in memory: loaded from
//! the store once at start-up, changed here first, written to the store by the feature's
//! store writes. Opening a chat reads its tasks from here, never from the disk.

use std::collections::HashMap;

use crate::desk::ChatId;
use crate::store::{ChatProject, LinkedTask, Store, StoreError};

#[derive(Debug, Default)]
pub struct Book {
    /// Oldest first within a chat.
    tasks: HashMap<ChatId, Vec<LinkedTask>>,
    /// (tracker name, chat) → project.
    projects: HashMap<(String, ChatId), String>,
}

impl Book {
    pub fn load(store: &Store) -> Result<Book, StoreError> {
        let mut book = Book::default();
        for task in store.load_tasks()? {
            book.link(task);
        }
        for p in store.load_projects()? {
            book.projects.insert((p.tracker, p.chat), p.project);
        }
        Ok(book)
    }

    pub fn of_chat(&self, chat: ChatId) -> &[LinkedTask] {
        self.tasks.get(&chat).map_or(&[], Vec::as_slice)
    }

    /// Adds a task, or joins it to the one with the same key (as the store does).
    pub fn link(&mut self, task: LinkedTask) {
        let tasks = self.tasks.entry(task.chat).or_default();
        match tasks
            .iter_mut()
            .find(|t| t.tracker == task.tracker && t.key == task.key)
        {
            Some(known) => {
                known.title = task.title;
                known.url = task.url;
                for m in task.messages {
                    if !known.messages.contains(&m) {
                        known.messages.push(m);
                    }
                }
                known.messages.sort_unstable();
            }
            None => tasks.push(task),
        }
    }

    /// The tracker's status for a task; whether it changed what is shown.
    pub fn set_status(
        &mut self,
        chat: ChatId,
        tracker: &str,
        key: &str,
        status: &str,
        closed: Option<bool>,
    ) -> bool {
        let Some(task) = self
            .tasks
            .get_mut(&chat)
            .and_then(|ts| ts.iter_mut().find(|t| t.tracker == tracker && t.key == key))
        else {
            return false;
        };
        let changed = task.status.as_deref() != Some(status) || task.closed != closed;
        task.status = Some(status.to_string());
        task.closed = closed;
        changed
    }

    /// The project this chat's tasks went to last in `tracker`.
    pub fn project(&self, tracker: &str, chat: ChatId) -> Option<&str> {
        self.projects
            .get(&(tracker.to_string(), chat))
            .map(String::as_str)
    }

    /// Remembers a chat's project; the store write to make, if it changed.
    pub fn remember(&mut self, tracker: &str, chat: ChatId, project: &str) -> Option<ChatProject> {
        let project = project.trim();
        if project.is_empty() || self.project(tracker, chat) == Some(project) {
            return None;
        }
        self.projects
            .insert((tracker.to_string(), chat), project.to_string());
        Some(ChatProject {
            tracker: tracker.to_string(),
            chat,
            project: project.to_string(),
        })
    }
}
