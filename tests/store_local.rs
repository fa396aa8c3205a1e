//! The store: round trips of local marks, settings and statistics; migrations; refusing a
//! newer schema; bad contents as errors naming what and where.

use dutydesk::desk::{
    Desk, Event, LocalChange, LocalState, Role, Sender, Settings, StatEvent, SupportFlag,
};
use dutydesk::store::{MessageRecord, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("dutydesk.sqlite3");
    (dir, path)
}

/// Creates the store at `path` with chat 9 starred, and closes it.
fn star_chat_9(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    store
        .apply_changes(&[LocalChange::Star {
            chat: 9,
            starred: true,
        }])
        .unwrap();
}

#[test]
fn local_marks_survive_a_reopen_and_feed_the_desk() {
    let (_dir, path) = temp_db();
    let mut desk = Desk::new(Settings::default());
    desk.pin(30);
    desk.pin(10);
    desk.pin(20);
    desk.move_pin(20, 0);
    desk.unpin(10);
    desk.star(10);
    desk.star(11);
    desk.unstar(11);
    desk.set_note(10, "calls after 6pm");
    desk.set_note(12, "temporary");
    desk.set_note(12, "");
    desk.set_support_flag(40, Some(SupportFlag::Include));
    desk.set_support_flag(41, Some(SupportFlag::Exclude));
    desk.set_support_flag(42, Some(SupportFlag::Exclude));
    desk.set_support_flag(42, None);
    desk.raise_alarm(50);
    desk.raise_alarm(51);
    desk.clear_alarm(51);
    {
        let mut store = Store::open(&path).unwrap();
        store.apply_changes(&desk.drain_local_changes()).unwrap();
        store
            .apply_changes(&[
                LocalChange::Dismissed { chat: 5, up_to: 90 },
                LocalChange::Dismissed { chat: 5, up_to: 70 },
            ])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.load_local().unwrap(),
        LocalState {
            pins: vec![20, 30],
            stars: vec![10],
            notes: vec![(10, "calls after 6pm".into())],
            support_flags: vec![(40, SupportFlag::Include), (41, SupportFlag::Exclude)],
            dismissed: vec![(5, 90)],
            alarms: vec![50],
            ..LocalState::default()
        }
    );
    let mut restored = Desk::new(Settings::default());
    restored.load_local(store.load_local().unwrap());
    assert_eq!(restored.pins(), &[20, 30]);
    assert!(restored.is_starred(10));
    assert_eq!(restored.note(10), Some("calls after 6pm"));
    assert_eq!(restored.support_flag(41), Some(SupportFlag::Exclude));
    assert!(restored.has_alarm(50));
}

#[test]
fn a_version_1_file_gains_the_alarms_table_and_keeps_its_marks() {
    let (_dir, path) = temp_db();
    star_chat_9(&path);
    // Back to what the first schema left: no alarms table (version 2), none of the tasks
    // tables (version 4), the statistics rollups (version 5), the team's checkpoints (6)
    // nor staff names (8), version 1 (the toolkit's tables of 7 stay: IF NOT EXISTS).
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE alarms; DROP TABLE task_messages; DROP TABLE tasks;
         DROP TABLE chat_projects; DROP TABLE stat_days; DROP TABLE stat_dirty_days;
         DROP TABLE stat_chats; DROP TABLE backfill_marks; DROP INDEX stat_replies_by_start;
         DROP TABLE team_checkpoints; DROP TABLE staff_names;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    store
        .apply_changes(&[LocalChange::Alarm {
            chat: 9,
            raised: true,
        }])
        .unwrap();
    let local = store.load_local().unwrap();
    assert_eq!(local.stars, vec![9]);
    assert_eq!(local.alarms, vec![9]);
}

#[test]
fn settings_round_trip_and_bad_settings_name_the_key_and_file() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load_settings().unwrap(), None);
    let mut s = Settings {
        red_after_secs: 300,
        ..Settings::default()
    };
    s.support.title_pattern = "*support*".into();
    s.staff.duty_group = Some(-100);
    store.save_settings(&s).unwrap();
    assert_eq!(store.load_settings().unwrap(), Some(s));
    // Saving a duty-group choice is remembered apart from the settings (the demo floor
    // stops guessing the group once the admin chose).
    assert!(!store.duty_group_chosen().unwrap());
    store.set_duty_group_chosen().unwrap();
    assert!(store.duty_group_chosen().unwrap());
    store.set_value("desk", "{not json").unwrap();
    let err = store.load_settings().unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }));
    let msg = err.to_string();
    assert!(msg.contains("\"desk\""), "{msg}");
    assert!(msg.contains("dutydesk.sqlite3"), "{msg}");
}

#[test]
fn statistics_are_logged_once_and_follow_id_changes() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let msg = |chat, message, role, date| StatEvent::Message {
        chat,
        message,
        role,
        date,
    };
    let batch = vec![
        msg(1, 10, Role::Customer, 1000),
        msg(1, 11, Role::Staff, 1060),
        StatEvent::FirstReply {
            chat: 1,
            message: 11,
            date: 1060,
            waited_secs: 60,
            responder: Sender::User(7),
        },
        msg(2, 10, Role::Customer, 2000),
    ];
    assert_eq!(store.append_stats(&batch).unwrap(), 4);
    // Replayed history (a restart) adds nothing.
    assert_eq!(store.append_stats(&batch).unwrap(), 0);
    store
        .append_stats(&[StatEvent::MessageIdChanged {
            chat: 1,
            old: 11,
            new: 1 << 20,
            date: 1060,
        }])
        .unwrap();
    assert_eq!(store.message_count().unwrap(), 3);
    assert_eq!(
        store.messages_between(1000, 1061).unwrap(),
        vec![
            MessageRecord {
                chat: 1,
                message: 10,
                role: Role::Customer,
                date: 1000
            },
            MessageRecord {
                chat: 1,
                message: 1 << 20,
                role: Role::Staff,
                date: 1060
            },
        ]
    );
    let replies = store.replies_between(0, i64::MAX).unwrap();
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].message, 1 << 20);
    assert_eq!(replies[0].waited_secs, 60);
    assert_eq!(replies[0].responder, Sender::User(7));
    // Confirmed with a later server date: the row moves there.
    store
        .append_stats(&[StatEvent::MessageIdChanged {
            chat: 2,
            old: 10,
            new: 2 << 20,
            date: 2005,
        }])
        .unwrap();
    assert_eq!(store.messages_between(2000, 2005).unwrap(), vec![]);
    assert_eq!(
        store.messages_between(2005, 2006).unwrap()[0].message,
        2 << 20
    );
    // The confirmed id arriving again (history after restart) is not a second row.
    assert_eq!(
        store
            .append_stats(&[msg(1, 1 << 20, Role::Staff, 1060)])
            .unwrap(),
        0
    );
}

#[test]
fn the_desk_feeds_the_store_end_to_end() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut desk = Desk::new(Settings {
        own_user: Some(1),
        ..Settings::default()
    });
    desk.apply(
        Event::ChatAdded {
            chat: 5,
            kind: dutydesk::desk::ChatKind::Private,
            title: "Alice".into(),
        },
        100,
    );
    for (id, from, date) in [(1, 5, 100), (2, 5, 130), (3, 1, 400)] {
        desk.apply(
            Event::MessageArrived(dutydesk::desk::Message {
                chat: 5,
                id,
                sender: Sender::User(from),
                date,
                outgoing: from == 1,
                preview: String::new(),
                content: dutydesk::desk::ContentKind::Text,
            }),
            date,
        );
    }
    // Our reply is logged once the server confirms it (under its permanent id).
    desk.apply(
        Event::MessageIdChanged {
            chat: 5,
            old: 3,
            new: 4,
            date: 400,
        },
        401,
    );
    store.append_stats(&desk.drain_stats()).unwrap();
    assert_eq!(store.message_count().unwrap(), 3);
    let replies = store.replies_between(0, 1000).unwrap();
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].waited_secs, 300);
}

#[test]
fn a_new_file_gets_the_current_schema_in_wal_mode() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Reopening an up-to-date file changes nothing.
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    store.check_integrity().unwrap();
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    star_chat_9(&path);
    let newer = SCHEMA_VERSION + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!(*found, newer);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("newer DutyDesk"), "{msg}");
    assert!(msg.contains("dutydesk.sqlite3"), "{msg}");
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, newer, "never downgraded");
    let stars: i64 = conn
        .query_row("SELECT count(*) FROM stars", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stars, 1, "data kept");
}

#[test]
fn bad_contents_are_errors_not_panics() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO support_flags (chat, flag) VALUES (3, 'maybe')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO stat_messages (chat, message, role, date) VALUES (1, 1, 7, 50)",
        [],
    )
    .unwrap();
    conn.execute("INSERT INTO notes (chat, text) VALUES (4, x'00ff')", [])
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let err = store.load_local().unwrap_err().to_string();
    assert!(err.contains("dutydesk.sqlite3"), "{err}");
    assert!(
        err.contains("reading the local marks") || err.contains("support_flags"),
        "{err}"
    );
    let err = store.messages_between(0, 100).unwrap_err().to_string();
    assert!(
        err.contains("stat_messages") && err.contains("role 7"),
        "{err}"
    );

    // Not a database at all.
    let (_dir2, junk) = temp_db();
    std::fs::create_dir_all(junk.parent().unwrap()).unwrap();
    std::fs::write(
        &junk,
        b"this is not an SQLite file, just text padding it out....",
    )
    .unwrap();
    let err = Store::open(&junk).unwrap_err().to_string();
    assert!(err.contains("dutydesk.sqlite3"), "{err}");
}

#[test]
fn statistics_sum_per_hour() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let h0 = 1_700_000_000 - 1_700_000_000 % 3600;
    let msg = |chat, message, role, date| StatEvent::Message {
        chat,
        message,
        role,
        date,
    };
    let reply = |chat, message, date, waited_secs| StatEvent::FirstReply {
        chat,
        message,
        date,
        waited_secs,
        responder: Sender::User(2),
    };
    store
        .append_stats(&[
            msg(1, 1, Role::Customer, h0 + 10),
            msg(1, 2, Role::Staff, h0 + 70),
            reply(1, 2, h0 + 70, 60),
            msg(2, 1, Role::Customer, h0 + 100),
            msg(2, 2, Role::Staff, h0 + 400),
            reply(2, 2, h0 + 400, 300),
            // Next hour: one customer, unanswered.
            msg(3, 1, Role::Customer, h0 + 3600 + 5),
            // Outside the range.
            msg(4, 1, Role::Customer, h0 + 3 * 3600),
        ])
        .unwrap();
    let hours = store.buckets(h0, h0 + 2 * 3600, 3600).unwrap();
    assert_eq!(hours.len(), 2);
    let first = hours[0];
    assert_eq!(first.start, h0);
    assert_eq!(first.active_chats, 2);
    assert_eq!((first.customer_messages, first.staff_messages), (2, 2));
    assert_eq!(first.first_replies, 2);
    assert_eq!(first.avg_wait_secs, Some(180.0));
    assert_eq!(first.max_wait_secs, Some(300));
    let second = hours[1];
    assert_eq!(second.start, h0 + 3600);
    assert_eq!(
        (
            second.active_chats,
            second.customer_messages,
            second.first_replies
        ),
        (1, 1, 0)
    );
    assert_eq!(second.avg_wait_secs, None);
    // Per minute: messages land in their minutes.
    let minutes = store.buckets(h0, h0 + 3600, 60).unwrap();
    let starts: Vec<i64> = minutes.iter().map(|b| b.start - h0).collect();
    assert_eq!(starts, vec![0, 60, 360]);
    assert_eq!(minutes[1].customer_messages + minutes[1].staff_messages, 2);
}
