//! The toolkit's marks in the store: tags, tiers and alerts chats set and unset, reminders
//! set, fired and done, all read back as the desk left them; a store from before the
//! toolkit gains its tables.

use dutydesk::desk::toolkit::document::{Origin, parse};
use dutydesk::desk::{ChatKind, Desk, Due, Event, Settings, Thresholds};
use dutydesk::store::{SCHEMA_VERSION, Store};
use rusqlite::Connection;

const TOOLKIT: &str = "[toolkit.sla_tiers.vip]\nred_minutes = 4\nbreach_minutes = 5\n\
                       [toolkit.tags.vip]\ncolour = \"gold\"\ntier = \"vip\"\n\
                       [toolkit.tags.billing]\ncolour = \"blue\"\n";
const T0: i64 = 1_772_442_000;

fn desk() -> Desk {
    let mut d = Desk::new(Settings::default());
    d.set_personal_toolkit(parse(TOOLKIT, Origin::Config).unwrap());
    for chat in [10, 11, 12, 13] {
        d.apply(
            Event::ChatAdded {
                chat,
                kind: ChatKind::Supergroup,
                title: format!("Chat {chat}"),
            },
            T0,
        );
    }
    d
}

#[test]
fn toolkit_marks_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    let mut d = desk();
    d.set_tag(10, "vip", true);
    d.set_tag(10, "billing", true);
    d.set_tag(11, "billing", true);
    d.set_tag(11, "billing", false);
    d.set_chat_tier(12, Some("vip"));
    d.set_alerts(13, true);
    d.set_reminder(10, Due::At(T0 + 1800), "call back");
    d.set_reminder(11, Due::CustomerWrites, "");
    d.set_reminder(12, Due::At(T0 + 60), "soon");
    d.tick(T0 + 60);
    {
        let mut store = Store::open(&path).unwrap();
        store.apply_changes(&d.drain_local_changes()).unwrap();
    }
    let mut restored = desk();
    restored.load_local(Store::open(&path).unwrap().load_local().unwrap());
    restored.tick(T0 + 61);
    assert!(restored.has_own_tag(10, "vip") && restored.has_own_tag(10, "billing"));
    assert!(!restored.has_own_tag(11, "billing"));
    assert_eq!(
        restored.thresholds(10),
        Thresholds::new(240, 300),
        "by its tag"
    );
    assert_eq!(restored.own_tier(12), Some("vip"));
    assert!(restored.is_alerts(13));
    let reminders = restored.reminders();
    let summary: Vec<(i64, Option<i64>, &str)> = reminders
        .iter()
        .map(|r| (r.chat, r.fired_at, r.note.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (12, Some(T0 + 60), "soon"),
            (10, None, "call back"),
            (11, None, "")
        ],
        "fired first, then by when"
    );
    // Opened: gone from the store too.
    restored.chat_opened(12);
    let mut store = Store::open(&path).unwrap();
    store
        .apply_changes(&restored.drain_local_changes())
        .unwrap();
    assert_eq!(store.load_local().unwrap().toolkit.reminders.len(), 2);
}

#[test]
fn a_store_from_before_the_toolkit_gains_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    // The toolkit's migration is version 7 (migrations are appended, never renumbered): a
    // store at 6 had none of its tables, nor those of the migrations after it (8: staff
    // names).
    conn.execute_batch(
        "DROP TABLE chat_tags; DROP TABLE chat_tiers; DROP TABLE alerts_chats;
         DROP TABLE reminders; DROP TABLE staff_names; PRAGMA user_version = 6;",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.load_local().unwrap().toolkit, Default::default());
}

#[test]
fn statistics_hold_each_chat_to_its_own_tier() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    // Marked in the window: one chat by its tag, one by its own tier, one left alone.
    let mut d = desk();
    d.set_tag(10, "vip", true);
    d.set_chat_tier(12, Some("vip"));
    let mut store = Store::open(&path).unwrap();
    store.apply_changes(&d.drain_local_changes()).unwrap();
    // `dutydesk stats` reads the tiers from the config and the marks from the store.
    let config =
        dutydesk::config::Config::parse(TOOLKIT, std::path::Path::new("config.toml")).unwrap();
    let settings = Settings::default();
    let sla = dutydesk::statistics::tiered_sla(&config, &settings, &store).unwrap();
    let vip = dutydesk::desk::figures::Thresholds {
        red_secs: 240,
        breach_secs: 300,
    };
    assert_eq!(sla.for_chat(10), vip);
    assert_eq!(sla.for_chat(12), vip);
    let team = dutydesk::desk::figures::Thresholds {
        red_secs: settings.red_after_secs,
        breach_secs: settings.breach_after_secs,
    };
    assert_ne!(team, vip);
    assert_eq!(sla.for_chat(11), team);
    assert_eq!(sla.default, team);
}
