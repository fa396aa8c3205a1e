//! The store's tasks: linked tasks and their messages survive a reopen, linking again keeps
//! one row, statuses follow the tracker, per-chat projects are remembered; a version-3 file
//! (before tasks) migrates with its marks intact.

use dutydesk::store::{ChatProject, LinkedTask, SCHEMA_VERSION, Store};
use rusqlite::Connection;

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dutydesk.sqlite3");
    (dir, path)
}

fn task(chat: i64, key: &str, messages: &[i64], at: i64) -> LinkedTask {
    LinkedTask {
        chat,
        tracker: "Support Redmine".into(),
        key: key.into(),
        title: format!("Mail is down ({key})"),
        url: format!("https://redmine.example.com/issues/{}", &key[1..]),
        messages: messages.to_vec(),
        created_at: at,
        status: None,
        closed: None,
    }
}

#[test]
fn linked_tasks_survive_a_reopen_with_their_messages_in_order() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        store
            .save_task(&task(-100, "#12", &[3 << 20, 1 << 20], 500))
            .unwrap();
        store.save_task(&task(-100, "#9", &[2 << 20], 400)).unwrap();
        store.save_task(&task(-200, "#13", &[], 600)).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let tasks = store.load_tasks().unwrap();
    let keys: Vec<(i64, &str)> = tasks.iter().map(|t| (t.chat, t.key.as_str())).collect();
    assert_eq!(keys, [(-200, "#13"), (-100, "#9"), (-100, "#12")]);
    assert_eq!(tasks[2].messages, vec![1 << 20, 3 << 20]);
    assert_eq!(tasks[2], task(-100, "#12", &[1 << 20, 3 << 20], 500));
}

#[test]
fn linking_a_key_again_keeps_one_task_and_joins_its_messages() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.save_task(&task(-100, "#12", &[1, 2], 500)).unwrap();
    store
        .set_task_status(-100, "Support Redmine", "#12", "In Progress", Some(false))
        .unwrap();
    let mut again = task(-100, "#12", &[2, 3], 900);
    again.title = "Mail is down since 9".into();
    store.save_task(&again).unwrap();
    let tasks = store.load_tasks().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].messages, vec![1, 2, 3]);
    assert_eq!(tasks[0].title, "Mail is down since 9");
    assert_eq!(tasks[0].created_at, 500, "the first link's time stays");
    assert_eq!(
        tasks[0].status.as_deref(),
        Some("In Progress"),
        "a status already read is not forgotten"
    );
    // The same key in another chat or another tracker is another task.
    store.save_task(&task(-300, "#12", &[], 950)).unwrap();
    let mut other = task(-100, "#12", &[], 960);
    other.tracker = "Other".into();
    store.save_task(&other).unwrap();
    assert_eq!(store.load_tasks().unwrap().len(), 3);
}

#[test]
fn a_status_follows_the_tracker_and_a_closed_task_says_so() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store.save_task(&task(-100, "#12", &[], 500)).unwrap();
    store
        .set_task_status(-100, "Support Redmine", "#12", "New", Some(false))
        .unwrap();
    store
        .set_task_status(-100, "Support Redmine", "#12", "Closed", Some(true))
        .unwrap();
    // Unknown tasks are left alone (a task linked in another store, say).
    store
        .set_task_status(-100, "Support Redmine", "#99", "New", None)
        .unwrap();
    let tasks = store.load_tasks().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].status.as_deref(), Some("Closed"));
    assert_eq!(tasks[0].closed, Some(true));
}

#[test]
fn a_chats_project_is_remembered_per_tracker() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        let remember = |store: &mut Store, tracker: &str, chat, project: &str| {
            store
                .remember_project(&ChatProject {
                    tracker: tracker.into(),
                    chat,
                    project: project.into(),
                })
                .unwrap()
        };
        remember(&mut store, "Redmine", -100, "support");
        remember(&mut store, "Redmine", -100, "vip");
        remember(&mut store, "Jira", -100, "SUP");
        remember(&mut store, "Redmine", -200, "support");
    }
    let store = Store::open(&path).unwrap();
    let projects: Vec<(String, i64, String)> = store
        .load_projects()
        .unwrap()
        .into_iter()
        .map(|p| (p.tracker, p.chat, p.project))
        .collect();
    assert_eq!(
        projects,
        [
            ("Jira".to_string(), -100, "SUP".to_string()),
            ("Redmine".to_string(), -200, "support".to_string()),
            ("Redmine".to_string(), -100, "vip".to_string()),
        ]
    );
}

#[test]
fn a_version_3_file_migrates_to_tasks_with_its_marks_intact() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    // Back to version 3, as the build before tasks left it (and before the statistics
    // rollups of version 5).
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE task_messages; DROP TABLE tasks; DROP TABLE chat_projects;
         DROP TABLE stat_days; DROP TABLE stat_dirty_days; DROP TABLE stat_chats;
         DROP TABLE backfill_marks; DROP INDEX stat_replies_by_start;
         DROP TABLE team_checkpoints; DROP TABLE staff_names;
         INSERT INTO stars (chat) VALUES (9);
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.load_local().unwrap().stars, vec![9]);
    assert!(store.load_tasks().unwrap().is_empty());
    store.save_task(&task(-1, "#1", &[7], 1)).unwrap();
    assert_eq!(store.load_tasks().unwrap().len(), 1);
}
