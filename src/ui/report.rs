//! A test hook (`--report-state FILE`): after each message the window handles, the desk's
//! alarms, assignments and waiting chats as JSON, written to the file when they changed (to
//! a temporary file, then renamed, so a reader never sees half of it). Tests that run
//! several DutyDesk processes read each one's state here instead of its pixels.
//!
//! In: the path, once at start; the desk and the screen after every update. Out: the file.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use serde_json::json;

use crate::desk::{Desk, Filter, ListFilter};

static PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
/// What was written last, so an unchanged state costs no write.
static LAST: Mutex<String> = Mutex::new(String::new());

/// Turns the hook on (Some) for the rest of the process; the first call wins.
pub fn set_path(path: Option<PathBuf>) {
    let _ = PATH.set(path);
}

/// Whether a report is wanted at all (cheap: the window asks after every message).
pub fn enabled() -> bool {
    PATH.get().is_some_and(Option::is_some)
}

/// The state as the report writes it.
pub fn state(desk: &Desk, screen: &str) -> serde_json::Value {
    let all = ListFilter::new(Filter::All);
    let rows = desk.rows(&all, 0..desk.len(&all));
    let alarms: Vec<_> = rows
        .iter()
        .filter(|r| r.alarm)
        .map(|r| {
            let team = r.team_alarm.as_ref();
            json!({
                "chat": r.chat,
                "title": r.title,
                "team": team.is_some(),
                "raised_by": team.and_then(|a| a.raised_by),
                "at": team.map(|a| a.at),
                "reason": team.and_then(|a| a.reason.clone()),
            })
        })
        .collect();
    let assignments: Vec<_> = rows
        .iter()
        .filter_map(|r| {
            let a = r.assignee.as_ref()?;
            Some(json!({"chat": r.chat, "title": r.title, "user": a.user}))
        })
        .collect();
    let waiting: Vec<_> = rows
        .iter()
        .filter_map(|r| Some(json!({"chat": r.chat, "title": r.title, "since": r.waiting_since?})))
        .collect();
    json!({
        "screen": screen,
        "chats": rows.len(),
        "alarms": alarms,
        "assignments": assignments,
        "waiting": waiting,
    })
}

/// Writes the state if it changed since the last write.
pub fn write(desk: &Desk, screen: &str) {
    let Some(Some(path)) = PATH.get() else {
        return;
    };
    let text = state(desk, screen).to_string();
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if *last == text {
        return;
    }
    let tmp = path.with_extension("tmp");
    let written = std::fs::write(&tmp, &text).and_then(|()| std::fs::rename(&tmp, path));
    match written {
        Ok(()) => *last = text,
        Err(e) => tracing::warn!("--report-state {}: {e}", path.display()),
    }
}
