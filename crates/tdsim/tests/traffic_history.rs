//! `[history] traffic_days`: the floor starts with a week of its traffic behind each
//! customer chat's history, read back through getChatHistory as a client reads it: ids
//! grow with dates, customers write far more in working hours, every question is answered
//! (a night's in the morning), and each chat still ends as its history says.

mod common;

use common::Client;
use serde_json::{Value, json};
use tdsim::{Scenario, WorldConfig};

const START: i64 = 1_772_442_000; // Monday 2026-03-02 09:00 UTC

fn floor(traffic_days: u32) -> Client {
    let mut scenario = Scenario::builtin("floor").expect("shipped");
    scenario.history.traffic_days = traffic_days;
    let mut c = Client::new(WorldConfig {
        scenario,
        seed: 5,
        speed: 0.0,
        start_time: START,
    });
    c.login();
    c.load_all_chats();
    c.drain();
    c
}

/// Every message of a chat, oldest first: (id, date, sender's user id).
fn history(c: &mut Client, chat: i64) -> Vec<(i64, i64, i64)> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let page = c.call(json!({"@type":"getChatHistory","chat_id":chat,
            "from_message_id":from,"offset":0,"limit":100,"only_local":false}));
        let messages: Vec<&Value> = page["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["id"].as_i64() != Some(from))
            .collect();
        let Some(oldest) = messages.last().and_then(|m| m["id"].as_i64()) else {
            break;
        };
        out.extend(messages.iter().map(|m| {
            (
                m["id"].as_i64().unwrap(),
                m["date"].as_i64().unwrap(),
                m["sender_id"]["user_id"].as_i64().unwrap_or(0),
            )
        }));
        from = oldest;
    }
    out.reverse();
    out
}

#[test]
fn the_floor_reads_back_a_week_of_its_traffic() {
    let mut with = floor(7);
    let mut without = floor(0);
    let layout = with.control.layout();
    let staff = |u: i64| u == layout.me || layout.staff.contains(&u);
    let (mut working, mut off) = (0u32, 0u32);
    let mut unanswered_old = 0;
    let mut oldest = i64::MAX;
    for chat in &layout.customer_chats {
        let week = history(&mut with, chat.chat_id);
        let plain = history(&mut without, chat.chat_id);
        assert!(week.len() > plain.len(), "{}: a week more", chat.title);
        // Ids grow with dates, as Telegram's do.
        assert!(week.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
        // The chat ends as without the week: the same last message, sender and date.
        let (last, plain_last) = (week.last().unwrap(), plain.last().unwrap());
        assert_eq!(
            (last.1, last.2),
            (plain_last.1, plain_last.2),
            "{}",
            chat.title
        );
        oldest = oldest.min(week[0].1);
        let mut waiting: Option<i64> = None;
        for &(_, date, sender) in &week {
            if staff(sender) {
                waiting = None;
            } else {
                let hour = date.rem_euclid(86_400) / 3600;
                if (8..20).contains(&hour) {
                    working += 1;
                } else {
                    off += 1;
                }
                waiting.get_or_insert(date);
            }
        }
        // Questions older than the plain history's span are all answered.
        if waiting.is_some_and(|since| since < START - 72 * 3600) {
            unanswered_old += 1;
        }
    }
    assert!(
        oldest < START - 6 * 86_400,
        "the week reaches back: {oldest}"
    );
    assert!(oldest >= START - 7 * 86_400);
    assert_eq!(unanswered_old, 0);
    // 12 working hours at the full rate against 12 at a quarter of it.
    assert!(
        working > 3 * off,
        "working hours {working}, off hours {off}"
    );
}
