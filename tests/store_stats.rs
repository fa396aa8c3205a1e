//! The statistics log fed the way the app feeds it: the simulator's td_json through
//! src/telegram/translate.rs into the desk, `Desk::drain_stats` into the store. One row per
//! message that went out, dated and timed by the server's confirmation; nothing for a
//! message that never went out; replays change nothing.

use dutydesk::desk::{ContentKind, Desk, Event, Message, Role, Sender, Settings, StatEvent};
use dutydesk::store::{MessageRecord, ReplyRecord, Store};

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dutydesk.sqlite3");
    (dir, path)
}

mod sim_desk;
use sim_desk::Sim;

fn staff_rows(store: &Store, chat: i64) -> Vec<MessageRecord> {
    let all = store.messages_between(i64::MIN, i64::MAX).unwrap();
    all.into_iter()
        .filter(|m| m.chat == chat && m.role == Role::Staff)
        .collect()
}

fn replies(store: &Store, chat: i64) -> Vec<ReplyRecord> {
    let all = store.replies_between(i64::MIN, i64::MAX).unwrap();
    all.into_iter().filter(|r| r.chat == chat).collect()
}

#[test]
fn a_reply_confirmed_after_its_pending_date_is_logged_once_at_the_server_date() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut sim = Sim::start();
    let layout = sim.control.layout();
    let chat = sim.chat_with_a_colleague();
    let (customer, colleague) = (chat.customers[0], chat.staff[0]);
    // Start from a clear chat whatever the scenario left in it.
    sim.control
        .write(chat.chat_id, colleague, "Morning")
        .unwrap();
    sim.pump();
    store.append_stats(&sim.desk.drain_stats()).unwrap();
    let before = staff_rows(&store, chat.chat_id).len();
    let replies_before = replies(&store, chat.chat_id).len();

    let asked = sim.control.now();
    sim.control.write(chat.chat_id, customer, "Help!").unwrap();
    sim.control.advance(300);
    sim.pump();
    // The admin answers while the connection is down: TDLib dates the pending message now,
    // the server dates it when it gets it, two minutes later.
    sim.control.drop_connection();
    let pending = sim.send_text(chat.chat_id, "On it");
    let pending_date = pending["date"]
        .as_i64()
        .expect("a pending message has a date");
    assert_eq!(pending_date, asked + 300);
    sim.pump();
    sim.control.advance(120);
    sim.control.restore_connection();
    sim.pump();
    let confirmed = sim.control.now();
    assert_eq!(confirmed, pending_date + 120);
    assert_eq!(
        sim.desk.row(chat.chat_id).unwrap().waiting_since,
        None,
        "answered"
    );
    let batch = sim.desk.drain_stats();
    store.append_stats(&batch).unwrap();

    let rows = staff_rows(&store, chat.chat_id);
    assert_eq!(rows.len(), before + 1, "one row for the reply: {rows:?}");
    let reply_row = rows.last().unwrap();
    assert_eq!(reply_row.date, confirmed, "dated by the server: {rows:?}");
    let logged = replies(&store, chat.chat_id);
    assert_eq!(logged.len(), replies_before + 1, "{logged:?}");
    let first = logged.last().unwrap();
    assert_eq!(
        (first.message, first.date, first.waited_secs),
        (reply_row.message, confirmed, confirmed - asked),
        "waited until the server had the reply"
    );
    assert_eq!(first.responder, Sender::User(layout.me));

    // The same batch again (a replay after a crash, history re-sent on restart) adds nothing.
    assert_eq!(store.append_stats(&batch).unwrap(), 0);
    assert_eq!(staff_rows(&store, chat.chat_id), rows);
    assert_eq!(replies(&store, chat.chat_id), logged);
}

#[test]
fn a_reply_that_fails_to_send_leaves_no_rows() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut sim = Sim::start();
    let chat = sim.customer_chat();
    sim.control
        .write(chat.chat_id, chat.customers[0], "Hello?")
        .unwrap();
    sim.control.advance(60);
    sim.pump();
    store.append_stats(&sim.desk.drain_stats()).unwrap();
    let before = store.message_count().unwrap();
    let replies_before = replies(&store, chat.chat_id).len();
    sim.control.fail_next_send(400, "CHAT_WRITE_FORBIDDEN");
    let temp = sim.send_text(chat.chat_id, "On it")["id"].as_i64().unwrap();
    sim.pump();
    store.append_stats(&sim.desk.drain_stats()).unwrap();
    assert_eq!(store.message_count().unwrap(), before);
    assert_eq!(replies(&store, chat.chat_id).len(), replies_before);
    assert!(
        staff_rows(&store, chat.chat_id)
            .iter()
            .all(|m| m.message != temp)
    );
}

/// A text message from `from` (user 1 is this account: its messages are outgoing).
fn text(chat: i64, id: i64, from: i64, date: i64) -> Message {
    Message {
        chat,
        id,
        sender: Sender::User(from),
        date,
        outgoing: from == 1,
        preview: String::new(),
        content: ContentKind::Text,
    }
}

/// An outgoing message as TDLib announces it in flight.
fn ours(chat: i64, id: i64, date: i64) -> Event {
    Event::MessageArrived(text(chat, id, 1, date))
}

fn private_chat(desk: &mut Desk, chat: i64) {
    desk.apply(
        Event::ChatAdded {
            chat,
            kind: dutydesk::desk::ChatKind::Private,
            title: "Alice".into(),
        },
        100,
    );
}

#[test]
fn a_send_taken_as_sent_past_the_limit_and_then_failed_leaves_no_rows() {
    // The desk tracks 32 sends in flight per chat and takes the oldest as sent (logging it
    // under its temporary id) when a 33rd comes. If that one fails after all, it never
    // went out: its rows go.
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut desk = Desk::new(Settings {
        own_user: Some(1),
        ..Settings::default()
    });
    private_chat(&mut desk, 5);
    desk.apply(Event::MessageArrived(text(5, 1, 5, 100)), 100);
    for id in 2..=34 {
        desk.apply(ours(5, id, 100 + id), 100 + id);
    }
    store.append_stats(&desk.drain_stats()).unwrap();
    assert_eq!(store.message_count().unwrap(), 2, "the customer's and ours");
    assert_eq!(replies(&store, 5).len(), 1);
    for id in 2..=34 {
        desk.apply(Event::MessageSendFailed { chat: 5, id }, 200);
    }
    store.append_stats(&desk.drain_stats()).unwrap();
    assert_eq!(
        store.messages_between(i64::MIN, i64::MAX).unwrap(),
        vec![MessageRecord {
            chat: 5,
            message: 1,
            role: Role::Customer,
            date: 100
        }]
    );
    assert_eq!(replies(&store, 5), vec![]);
}

#[test]
fn a_batch_applied_twice_counts_once() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut desk = Desk::new(Settings {
        own_user: Some(1),
        ..Settings::default()
    });
    private_chat(&mut desk, 5);
    for (id, date) in [(1 << 20, 100), (2 << 20, 130)] {
        desk.apply(Event::HistoryMessage(text(5, id, 5, date)), date);
    }
    desk.apply(ours(5, (2 << 20) + 1, 400), 400);
    desk.apply(
        Event::MessageSendFailed {
            chat: 5,
            id: (2 << 20) + 1,
        },
        405,
    );
    let batch: Vec<StatEvent> = desk.drain_stats();
    assert_eq!(store.append_stats(&batch).unwrap(), 2);
    assert_eq!(store.append_stats(&batch).unwrap(), 0);
    assert_eq!(store.message_count().unwrap(), 2);
}

#[test]
fn a_confirmation_moves_logged_rows_to_the_server_id_and_date_once() {
    // Rows logged under a temporary id (taken as sent past the limit, or history delivered
    // while pending) move to the server's id and date; the first reply's wait moves too.
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let temp = (1 << 20) + 1;
    store
        .append_stats(&[
            StatEvent::Message {
                chat: 1,
                message: 1 << 20,
                role: Role::Customer,
                date: 1000,
            },
            StatEvent::Message {
                chat: 1,
                message: temp,
                role: Role::Staff,
                date: 1300,
            },
            StatEvent::FirstReply {
                chat: 1,
                message: temp,
                date: 1300,
                waited_secs: 300,
                responder: Sender::User(7),
            },
        ])
        .unwrap();
    let confirmed = StatEvent::MessageIdChanged {
        chat: 1,
        old: temp,
        new: 2 << 20,
        date: 1420,
    };
    // Applied twice (a replayed batch): the second finds nothing under the old id.
    for _ in 0..2 {
        assert_eq!(store.append_stats(&[confirmed]).unwrap(), 0);
        assert_eq!(
            staff_rows(&store, 1),
            vec![MessageRecord {
                chat: 1,
                message: 2 << 20,
                role: Role::Staff,
                date: 1420
            }]
        );
        assert_eq!(
            replies(&store, 1),
            vec![ReplyRecord {
                chat: 1,
                message: 2 << 20,
                date: 1420,
                waited_secs: 420,
                responder: Sender::User(7),
            }]
        );
    }
    // The confirmed message re-delivered as history is no new row.
    let again = StatEvent::Message {
        chat: 1,
        message: 2 << 20,
        role: Role::Staff,
        date: 1420,
    };
    assert_eq!(store.append_stats(&[again]).unwrap(), 0);
    assert_eq!(store.message_count().unwrap(), 2);
    // A failure reported late for the temporary id touches nothing of the sent message.
    store
        .append_stats(&[StatEvent::NotSent {
            chat: 1,
            message: temp,
        }])
        .unwrap();
    assert_eq!(store.message_count().unwrap(), 2);
    assert_eq!(replies(&store, 1).len(), 1);
}

/// The schema as version 1 wrote it, frozen here: the file a user of the last release has.
const SCHEMA_V1: &str = "
    CREATE TABLE pins (chat INTEGER PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE stars (chat INTEGER PRIMARY KEY);
    CREATE TABLE notes (chat INTEGER PRIMARY KEY, text TEXT NOT NULL);
    CREATE TABLE support_flags (chat INTEGER PRIMARY KEY, flag TEXT NOT NULL);
    CREATE TABLE dismissed (chat INTEGER PRIMARY KEY, up_to INTEGER NOT NULL);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE stat_messages (
        date INTEGER NOT NULL, chat INTEGER NOT NULL, message INTEGER NOT NULL,
        role INTEGER NOT NULL,
        PRIMARY KEY (date, chat, message)) WITHOUT ROWID;
    CREATE TABLE stat_replies (
        date INTEGER NOT NULL, chat INTEGER NOT NULL, message INTEGER NOT NULL,
        waited_secs INTEGER NOT NULL, responder_kind INTEGER NOT NULL,
        responder INTEGER NOT NULL,
        PRIMARY KEY (date, chat, message)) WITHOUT ROWID;
    PRAGMA user_version = 1;";

#[test]
fn migrating_an_older_file_drops_the_duplicates_it_logged() {
    let (_dir, path) = temp_db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA_V1).unwrap();
    // What the old builds wrote: chat 1's reply under its pending date (1300) and again
    // under the server's (1420), its first reply timed from the pending date; chat 2
    // logged cleanly; chat 3's reply with first-reply rows at both dates; a customer
    // message of chat 4 replayed under another date.
    conn.execute_batch(
        "INSERT INTO stat_messages (date, chat, message, role) VALUES
             (1000, 1, 10, 0), (1300, 1, 20, 1), (1420, 1, 20, 1),
             (2000, 2, 10, 0), (2060, 2, 20, 1),
             (3000, 3, 10, 0), (3100, 3, 20, 1), (3105, 3, 20, 1),
             (4000, 4, 10, 0), (4001, 4, 10, 0);
         INSERT INTO stat_replies
             (date, chat, message, waited_secs, responder_kind, responder) VALUES
             (1300, 1, 20, 300, 0, 7),
             (2060, 2, 20, 60, 0, 7),
             (3100, 3, 20, 100, 0, 7), (3105, 3, 20, 105, 0, 7);
         INSERT INTO stars (chat) VALUES (9);",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        dutydesk::store::SCHEMA_VERSION
    );
    store.check_integrity().unwrap();
    let rows: Vec<(i64, i64, i64)> = store
        .messages_between(i64::MIN, i64::MAX)
        .unwrap()
        .iter()
        .map(|m| (m.chat, m.message, m.date))
        .collect();
    assert_eq!(
        rows,
        vec![
            (1, 10, 1000),
            (1, 20, 1420),
            (2, 10, 2000),
            (2, 20, 2060),
            (3, 10, 3000),
            (3, 20, 3105),
            (4, 10, 4001),
        ]
    );
    let replies: Vec<(i64, i64, i64, i64)> = store
        .replies_between(i64::MIN, i64::MAX)
        .unwrap()
        .iter()
        .map(|r| (r.chat, r.message, r.date, r.waited_secs))
        .collect();
    assert_eq!(
        replies,
        vec![(1, 20, 1420, 420), (2, 20, 2060, 60), (3, 20, 3105, 105)]
    );
    assert_eq!(store.load_local().unwrap().stars, vec![9], "marks kept");
    drop(store);
    // The clean-up's indexes are gone: kept, they would slow every append. What stays is
    // version 4's index of waits by start, whose inserts append.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let indexes: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index'
             AND tbl_name IN ('stat_messages', 'stat_replies') AND sql IS NOT NULL",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(indexes, vec!["stat_replies_by_start".to_string()]);
    drop(conn);
    // Reopening runs nothing again.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.message_count().unwrap(), 7);
}

#[test]
fn a_message_taken_for_a_customers_becomes_staffs_when_seen_again_as_staffs() {
    use dutydesk::desk::figures::{FigureSettings, Period, Sla};
    use dutydesk::desk::{Role, StatEvent};
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let msg = |message: i64, role, date| StatEvent::Message {
        chat: 7,
        message,
        role,
        date,
    };
    // The chat's last message arrived before the duty group's members: a colleague's
    // answer logged as the customer's own.
    store
        .append_stats(&[msg(1, Role::Customer, 1_000), msg(2, Role::Customer, 1_300)])
        .unwrap();
    let settings = FigureSettings::new(dutydesk::desk::calendar::Zone::utc(), Sla::team(600, 900));
    let period = Period::new(0, 86_400);
    let before = store.figures(period, 2_000, &settings).unwrap();
    assert_eq!(before.customer_messages, 2);
    assert_eq!(before.team.open, 1);
    // History read again with the staff known: it is staff's, answering the question.
    let changed = store
        .append_stats(&[
            msg(1, Role::Customer, 1_000),
            msg(2, Role::Staff, 1_300),
            StatEvent::FirstReply {
                chat: 7,
                message: 2,
                date: 1_300,
                waited_secs: 300,
                responder: dutydesk::desk::Sender::User(42),
            },
        ])
        .unwrap();
    assert_eq!(changed, 2, "the role changed and the reply was added");
    assert_eq!(staff_rows(&store, 7).len(), 1);
    let after = store.figures(period, 2_000, &settings).unwrap();
    assert_eq!((after.customer_messages, after.staff_messages), (1, 1));
    assert_eq!(after.team.open, 0, "no open wait left");
    assert_eq!(after.team.answered, 1);
    // Never back: a staff message seen as a customer's (its sender left the team) stays.
    store
        .append_stats(&[msg(2, Role::Customer, 1_300)])
        .unwrap();
    assert_eq!(staff_rows(&store, 7).len(), 1);
    // A later customer message is the open wait again.
    store
        .append_stats(&[msg(3, Role::Customer, 1_500)])
        .unwrap();
    let open = store.open_waits().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].message, 3);
}
