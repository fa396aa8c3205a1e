//! The demo floor's Statistics screen shows a week of the floor's traffic: the floor writes
//! it into each chat's history (`[history] traffic_days` in floor.toml), and the running
//! app reads it back through its backfill and logs it as it logs live traffic. Nothing is
//! written into the store but by that path. (Its own binary: the UI flows' process runs
//! the floor without its past.)

use dutydesk::config::Config;
use dutydesk::telegram::Backend;
use dutydesk::ui::features::statistics::{self, Choice};
use dutydesk::ui::harness::Harness;
use dutydesk::ui::{Message, Screen};

#[test]
fn the_demo_floor_shows_a_week_of_its_traffic() {
    let scenario = tdsim::Scenario::builtin("floor").expect("shipped");
    assert_eq!(
        scenario.history.traffic_days, 7,
        "the floor ships with a week"
    );
    let world = tdsim::WorldConfig {
        scenario,
        seed: 7,
        speed: 0.0,
        // Monday 2026-03-02 09:00 UTC.
        start_time: 1_772_442_000,
    };
    dutydesk::telegram::init_backend(Backend::Simulated(world)).expect("the first backend");
    let home = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let mut h = Harness::start_with_backfill(true, home.path(), Config::default());
    h.pump_until("the console", |app| matches!(app.screen(), Screen::Console));
    h.settle();
    h.pump_until("history read", |app| {
        let b = app.backfill_status();
        b.progress.chats_total > 0 && !b.running
    });
    let read = h.app.backfill_status().progress;
    eprintln!(
        "read {} messages of {} chats, {} rows logged, in {:.1} s",
        read.messages_read,
        read.chats_done,
        read.rows_logged,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(read.chats_failed, 0);
    assert!(read.messages_read > 10_000, "{read:?}");
    h.freeze_clock();

    h.send(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::F9),
        iced::keyboard::Modifiers::empty(),
    ));
    h.send(Message::Statistics(statistics::Message::Period(
        Choice::Week,
    )));
    let loaded = h.app.statistics().loaded().expect("the week's figures");
    let f = &loaded.answer.figures;
    assert_eq!(f.days.len(), 7);
    // Six whole days, and today until 09:00.
    let (today, week) = f.days.split_last().unwrap();
    assert!(today.customer > 100, "{today:?}");
    for day in week {
        assert!(
            day.customer > 500 && day.staff > 500 && day.active_chats > 100,
            "{}: {} customer, {} staff messages, {} active chats",
            day.date,
            day.customer,
            day.staff,
            day.active_chats
        );
        assert!(day.waits.answered > 300, "{}: {:?}", day.date, day.waits);
    }
    // The load comes in the floor's working hours (08-20 UTC).
    let by_hour = |h: usize| f.heatmap.iter().map(|d| d[h]).sum::<u32>();
    let working: u32 = (8..20).map(by_hour).sum();
    let night: u32 = (0..8).chain(20..24).map(by_hour).sum();
    assert!(working > 3 * night, "working {working}, night {night}");
    // The team answers, each colleague by name.
    let names: Vec<&str> = f
        .admins
        .iter()
        .filter_map(|a| match a.responder {
            dutydesk::desk::Sender::User(u) => loaded.answer.names.get(&u).map(String::as_str),
            _ => None,
        })
        .collect();
    for colleague in ["Lena Lead", "Sam Support", "Tom Triage", "Dana Duty"] {
        assert!(names.contains(&colleague), "{colleague} in {names:?}");
    }
    // Answers come within the floor's reply delays (at most 20 minutes), except that a
    // night's question waits for the morning: the median is minutes, the longest hours.
    assert!(f.team.median_secs.unwrap() <= 1200, "{:?}", f.team);
    assert!(f.team.max_secs.unwrap() > 6 * 3600, "{:?}", f.team);
    assert!(f.team.avg_secs.unwrap() > f64::from(f.team.median_secs.unwrap() as i32));
}
