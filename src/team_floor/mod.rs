//! The team floor from the command line: `dutydesk floor serve` (the trainer's terminal,
//! `serve`) and `dutydesk --floor HOST:PORT` (joining one: the backend, and a data folder
//! of the floor's own so training never mixes with a real account's store).
//!
//! In: the command line's options. Out: a running `floor::Server` with its terminal, or the
//! td_json backend and the paths the window opens with. Nothing in the window knows it is on
//! a floor: it sees a simulated Telegram (`telegram::tdjson::is_simulated`), a store whose
//! duty group is already chosen, and the team list the backend answers at the login.

pub mod serve;

use crate::paths::Paths;
use crate::store::Store;
use crate::telegram::Backend;

/// Joins the floor at `addr` and prepares this process's data for it: a fresh folder per
/// floor address (like the demo floor, yesterday's simulated chats are no use), its store
/// told which chat is the duty group.
pub fn join(addr: &str, token: Option<&str>, paths: &Paths) -> Result<(Backend, Paths), String> {
    let name = format!("dutydesk {}", env!("CARGO_PKG_VERSION"));
    let connection = floor::Connection::connect(addr, token, &name).map_err(|e| e.to_string())?;
    let paths = floor_paths(paths, addr);
    let _ = std::fs::remove_dir_all(&paths.data_dir);
    paths.create_dirs().map_err(|e| e.to_string())?;
    if let Some(duty) = duty_group(connection.info()) {
        choose_duty_group(&paths, duty).map_err(|e| e.to_string())?;
    }
    Ok((Backend::Floor(connection), paths))
}

/// The same config; data under `<data>/floors/<addr>` (logs stay where they always are).
fn floor_paths(paths: &Paths, addr: &str) -> Paths {
    let safe: String = addr
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let data_dir = paths.data_dir.join("floors").join(safe);
    Paths {
        store_file: data_dir.join("dutydesk.sqlite3"),
        accounts_dir: data_dir.join("accounts"),
        data_dir,
        ..paths.clone()
    }
}

/// The duty group's chat id, from the floor's Welcome.
fn duty_group(info: &str) -> Option<i64> {
    serde_json::from_str::<serde_json::Value>(info)
        .ok()?
        .get("duty_group_chat_id")?
        .as_i64()
}

/// What an admin does once in Settings, done for the trainee: the duty group is chosen.
fn choose_duty_group(paths: &Paths, chat: i64) -> Result<(), crate::store::StoreError> {
    let mut store = Store::open(&paths.store_file)?;
    let mut settings = store.load_settings()?.unwrap_or_default();
    settings.staff.duty_group = Some(chat);
    store.save_settings(&settings)?;
    store.set_duty_group_chosen()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_floor_has_its_own_data_folder_and_the_same_config() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::portable(home.path());
        let floor = floor_paths(&paths, "10.0.0.5:7733");
        assert_eq!(floor.config_file, paths.config_file);
        assert_eq!(floor.log_dir, paths.log_dir);
        assert_eq!(floor.data_dir, paths.data_dir.join("floors/10_0_0_5_7733"));
        assert!(floor.store_file.starts_with(&floor.data_dir));
        assert!(floor.accounts_dir.starts_with(&floor.data_dir));
    }

    #[test]
    fn the_duty_group_comes_from_the_welcome_and_is_stored_as_chosen() {
        assert_eq!(duty_group(r#"{"duty_group_chat_id":-100}"#), Some(-100));
        assert_eq!(duty_group("{}"), None);
        assert_eq!(duty_group("not json"), None);
        let home = tempfile::tempdir().unwrap();
        let paths = floor_paths(&Paths::portable(home.path()), "h:1");
        paths.create_dirs().unwrap();
        choose_duty_group(&paths, -1000000000042).unwrap();
        let store = Store::open(&paths.store_file).unwrap();
        let settings = store.load_settings().unwrap().unwrap();
        assert_eq!(settings.staff.duty_group, Some(-1000000000042));
        assert!(store.duty_group_chosen().unwrap());
    }
}
