//! Store writes as data. The app turns what the desk changed after every message into
//! `Marks` and `Stats`; a feature may write what it owns (the settings screen its saved
//! settings). They run in order on the window's own store, in the window and in the
//! headless harness alike: SQLite in WAL mode writes these in well under a millisecond,
//! and a later read must see an earlier write.

use crate::desk::{LocalChange, Settings, StatEvent, TeamCheckpoint, UserId};
use crate::store::{ChatProject, LinkedTask, Store};

#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Local marks the desk changed: pins, stars, notes, flags, dismissals, alarms.
    Marks(Vec<LocalChange>),
    /// Statistics rows the desk produced.
    Stats(Vec<StatEvent>),
    /// The settings the admin saved, with the duty group as chosen: whatever the picker
    /// showed (a guess left as it was, "None") is the admin's choice from now on, and the
    /// demo floor stops guessing.
    Settings(Settings),
    /// A task created in a tracker or linked by its key, with the chat and messages.
    Task(LinkedTask),
    /// A task's status as its tracker reported it.
    TaskStatus {
        chat: i64,
        tracker: String,
        key: String,
        status: String,
        closed: Option<bool>,
    },
    /// The project a chat's tasks go to in a tracker, remembered from use.
    ChatProject(ChatProject),
    /// The team's checkpoint, when the desk's team revision moved (`app::team`).
    TeamCheckpoint(TeamCheckpoint),
    /// Staff names learned or changed (statistics name admins with them).
    StaffNames(Vec<(UserId, String)>),
}

impl Write {
    /// Runs the write; on failure, what the window tells the admin.
    pub fn run(&self, store: &mut Store) -> Result<(), String> {
        match self {
            Write::Marks(changes) => store
                .apply_changes(changes)
                .map_err(|e| not_saved(store, e)),
            Write::Stats(stats) => store
                .append_stats(stats)
                .map(|_| ())
                .map_err(|e| not_saved(store, e)),
            Write::Settings(settings) => store
                .save_settings(settings)
                .and_then(|()| store.set_duty_group_chosen())
                .map_err(|e| i18n::t!("app-settings-not-saved", error = e.to_string())),
            Write::Task(task) => store.save_task(task).map_err(|e| not_saved(store, e)),
            Write::TaskStatus {
                chat,
                tracker,
                key,
                status,
                closed,
            } => store
                .set_task_status(*chat, tracker, key, status, *closed)
                .map_err(|e| not_saved(store, e)),
            Write::ChatProject(project) => store
                .remember_project(project)
                .map_err(|e| not_saved(store, e)),
            Write::TeamCheckpoint(checkpoint) => store
                .save_team_checkpoint(checkpoint)
                .map_err(|e| not_saved(store, e)),
            Write::StaffNames(names) => store
                .save_staff_names(names)
                .map_err(|e| not_saved(store, e)),
        }
    }
}

fn not_saved(store: &Store, e: impl std::fmt::Display) -> String {
    i18n::t!(
        "app-store-not-saved",
        path = store.path().display().to_string(),
        error = e.to_string()
    )
}
