//! The statistics figures over simulated traffic, through the app's whole path: tdsim's
//! td_json → translate → desk → store (rollups) → `Figures::compute`. Every figure is
//! compared with the naive oracle (tests/stats_oracle) over the store's raw rows, and with
//! the figures built from those rows directly; a scripted day and night also has its
//! answers written out by hand.

mod sim_desk;
mod stats_oracle;

use std::sync::Arc;

use dutydesk::desk::calendar::{BusinessCalendar, WeekHours, Zone, parse_hours};
use dutydesk::desk::figures::{FigureSettings, Figures, Inputs, Period, Sla};
use dutydesk::desk::{ChatId, MessageId, Sender, UnixTime};
use dutydesk::store::Store;
use sim_desk::Sim;

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("dutydesk.sqlite3")).unwrap();
    (dir, store)
}

/// What the app does after every batch: statistics and local marks into the store.
fn flush(sim: &mut Sim, store: &mut Store) {
    sim.pump();
    store.append_stats(&sim.desk.drain_stats()).unwrap();
    store
        .apply_changes(&sim.desk.drain_local_changes())
        .unwrap();
}

fn dismissed(store: &Store) -> Vec<(ChatId, MessageId)> {
    store.load_local().unwrap().dismissed
}

/// The store's figures, checked against the oracle and the raw-row path.
fn checked(
    store: &mut Store,
    period: Period,
    as_of: UnixTime,
    settings: &FigureSettings,
) -> Figures {
    let fast = store.figures(period, as_of, settings).unwrap();
    let inputs = store.figure_inputs(period, as_of).unwrap();
    assert_eq!(
        Figures::compute(&inputs, settings),
        fast,
        "streamed and decoded agree"
    );
    let messages = store.messages_between(i64::MIN, i64::MAX).unwrap();
    let replies = store.replies_between(i64::MIN, i64::MAX).unwrap();
    let dismissed = dismissed(store);
    let naive = stats_oracle::figures(period, as_of, &messages, &replies, &dismissed, settings);
    assert_eq!(fast, naive, "store figures against the oracle");
    let raw = Inputs::from_rows(period, as_of, &messages, &replies, &dismissed);
    assert_eq!(
        Figures::compute(&raw, settings),
        naive,
        "raw-row figures against the oracle"
    );
    fast
}

fn berlin_office() -> Arc<BusinessCalendar> {
    let week = WeekHours::weekdays(&[parse_hours("09:00-18:00").unwrap()]).unwrap();
    Arc::new(BusinessCalendar::new(
        Zone::named("Europe/Berlin").unwrap(),
        week,
        [],
    ))
}

/// Ids the scripted day hands back for the assertions.
struct Day {
    period: Period,
    as_of: UnixTime,
    me: Sender,
    colleague: Sender,
    chats: [ChatId; 4],
    late_message: MessageId,
    night_message: MessageId,
    open_message: MessageId,
}

/// Monday 2026-03-02 from 10:15 CET to Tuesday 10:00 CET in four customer chats:
/// a: a colleague answers in 5 min; a late message (dated 4 min back) answered by me
///    after 13 min; b: answered by me in 6:40; c: "no reply needed"; d: my send fails,
///    the real reply comes 20 min after the question; b at night: 23:00 CET, answered
///    09:05 CET; c on Tuesday at 09:30 CET, still open at 10:00.
fn scripted_day(sim: &mut Sim, store: &mut Store) -> Day {
    let layout = sim.control.layout();
    let a = sim.chat_with_a_colleague();
    let others: Vec<tdsim::CustomerChat> = layout
        .customer_chats
        .iter()
        .filter(|c| c.chat_id != a.chat_id && !c.customers.is_empty())
        .cloned()
        .collect();
    let (b, c, d) = (&others[0], &others[1], &others[2]);
    let t0 = sim.control.now();
    // History leaves waits behind: answer them all before the period starts.
    for chat in [a.chat_id, b.chat_id, c.chat_id, d.chat_id] {
        sim.send_text(chat, "Good morning");
    }
    flush(sim, store);
    sim.control.advance(900);
    let t1 = sim.control.now();
    assert_eq!(t1, t0 + 900);
    let at = |sim: &mut Sim, t: i64| {
        let now = sim.control.now();
        assert!(t >= now, "the script runs forward");
        sim.control.advance(t - now);
    };
    let say = |sim: &mut Sim, chat: &tdsim::CustomerChat, text: &str| {
        sim.control
            .write(chat.chat_id, chat.customers[0], text)
            .unwrap()
    };
    say(sim, &a, "The site is down");
    at(sim, t1 + 300);
    sim.control.write(a.chat_id, a.staff[0], "Looking").unwrap();
    at(sim, t1 + 600);
    say(sim, b, "Invoice question");
    at(sim, t1 + 660);
    let late_message = sim
        .control
        .write_late(a.chat_id, a.customers[0], "Still down", 240)
        .unwrap();
    flush(sim, store);
    at(sim, t1 + 1000);
    sim.send_text(b.chat_id, "Sent it again");
    at(sim, t1 + 1200);
    sim.send_text(a.chat_id, "Fixed");
    at(sim, t1 + 1300);
    say(sim, c, "Thanks, all good");
    flush(sim, store);
    at(sim, t1 + 1400);
    assert!(sim.desk.no_reply_needed(c.chat_id));
    at(sim, t1 + 1500);
    say(sim, d, "Can you call me?");
    at(sim, t1 + 1600);
    sim.control.fail_next_send(400, "CHAT_WRITE_FORBIDDEN");
    sim.send_text(d.chat_id, "Calling");
    flush(sim, store);
    at(sim, t1 + 2700);
    sim.send_text(d.chat_id, "Called you");
    flush(sim, store);
    // 22:00 UTC = 23:00 CET; 08:05 UTC = 09:05 CET the next day.
    let monday = t0 - 9 * 3600;
    at(sim, monday + 22 * 3600);
    let night_message = say(sim, b, "Urgent: password reset");
    flush(sim, store);
    at(sim, monday + 86_400 + 8 * 3600 + 300);
    sim.send_text(b.chat_id, "Done");
    at(sim, monday + 86_400 + 8 * 3600 + 1800);
    let open_message = say(sim, c, "One more thing");
    at(sim, monday + 86_400 + 9 * 3600);
    flush(sim, store);
    Day {
        period: Period::new(t1, monday + 86_400 + 9 * 3600),
        as_of: sim.control.now(),
        me: Sender::User(layout.me),
        colleague: Sender::User(a.staff[0]),
        chats: [a.chat_id, b.chat_id, c.chat_id, d.chat_id],
        late_message,
        night_message,
        open_message,
    }
}

#[test]
fn a_scripted_day_and_night_has_the_answers_worked_out_by_hand() {
    let (_dir, mut store) = temp_store();
    let mut sim = Sim::start();
    let day = scripted_day(&mut sim, &mut store);
    let [a, b, c, d] = day.chats;
    let berlin = Zone::named("Europe/Berlin").unwrap();
    let around_the_clock = FigureSettings::new(berlin.clone(), Sla::team(600, 900));
    let f = checked(&mut store, day.period, day.as_of, &around_the_clock);

    assert_eq!(
        (f.customer_messages, f.staff_messages),
        (7, 5),
        "the failed send is no message"
    );
    let t = f.team;
    assert_eq!(
        (t.answered, t.open),
        (5, 1),
        "c's dismissed question is no wait"
    );
    // 300 (colleague), 400, 780 (late message, from its own date), 1200 (from the question,
    // not the failed send), 36,300 (the night).
    assert_eq!(t.median_secs, Some(780));
    assert_eq!(t.p90_secs, Some(36_300));
    assert_eq!(t.avg_secs, Some(38_980.0 / 5.0));
    // The open wait (30 min so far) has passed both thresholds.
    assert_eq!((t.sla.within_red, t.sla.decided_red), (2, 6));
    assert_eq!((t.sla.within_breach, t.sla.decided_breach), (3, 6));
    let admins: Vec<(Sender, u32, Option<i64>)> = f
        .admins
        .iter()
        .map(|a| (a.responder, a.waits.answered, a.waits.median_secs))
        .collect();
    assert_eq!(
        admins,
        vec![(day.me, 4, Some(780)), (day.colleague, 1, Some(300))]
    );
    let longest: Vec<(ChatId, Option<MessageId>, i64, bool)> = f
        .longest
        .iter()
        .map(|w| (w.chat, w.message, w.wait_secs, w.open))
        .collect();
    assert_eq!(longest[0], (b, Some(day.night_message), 36_300, false));
    assert_eq!(longest[1], (c, Some(day.open_message), 1800, true));
    assert_eq!((longest[2].0, longest[2].2), (d, 1200));
    assert_eq!(longest[3], (a, Some(day.late_message), 780, false));
    // Monday 10:00-11:00 CET: five questions; 23:00: one; Tuesday 09:00: one.
    assert_eq!(f.heatmap[0][10], 5);
    assert_eq!(f.heatmap[0][23], 1);
    assert_eq!(f.heatmap[1][9], 1);
    let dates: Vec<String> = f.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2026-03-02", "2026-03-03"]);
    assert_eq!(f.days[0].active_chats, 4);
    assert_eq!(f.hours[0].local.hour(), 10, "the first hour is 10:15 CET's");

    // With business hours the night counts five minutes.
    let office = FigureSettings {
        calendar: Some(berlin_office()),
        ..around_the_clock
    };
    let f = checked(&mut store, day.period, day.as_of, &office);
    assert!(f.business_hours);
    assert_eq!(f.team.median_secs, Some(400));
    assert_eq!(f.team.p90_secs, Some(1200));
    assert_eq!((f.team.sla.within_red, f.team.sla.decided_red), (3, 6));
    assert_eq!(
        (f.team.sla.within_breach, f.team.sla.decided_breach),
        (4, 6)
    );
    assert_eq!(f.longest[0].chat, c, "the open wait is now the longest");
    assert!(
        f.longest
            .iter()
            .any(|w| w.message == Some(day.night_message) && w.wait_secs == 300)
    );
}

#[test]
fn a_period_with_no_data_has_empty_figures() {
    let (_dir, mut store) = temp_store();
    let settings = FigureSettings::new(Zone::utc(), Sla::team(600, 900));
    let midnight = 11_574 * 86_400; // 2001-09-09 00:00 UTC
    let period = Period::new(midnight, midnight + 86_400);
    let f = checked(&mut store, period, period.to, &settings);
    assert!(f.is_empty());
    assert_eq!(
        f.hours.len(),
        24,
        "the hours are there, with nothing in them"
    );
    assert!(
        f.hours
            .iter()
            .all(|h| h.active_chats + h.customer + h.staff == 0)
    );
    assert_eq!((f.team.answered, f.team.median_secs), (0, None));
    assert!(f.admins.is_empty() && f.longest.is_empty());
    assert_eq!(f.team.sla.red_share(), None);
}

#[test]
fn a_replay_of_everything_changes_no_figure() {
    let (_dir, mut store) = temp_store();
    let mut sim = Sim::start();
    let mut all = Vec::new();
    let day = {
        // Keep a copy of every batch for the replay.
        let d = scripted_day(&mut sim, &mut store);
        all.extend(store.messages_between(i64::MIN, i64::MAX).unwrap());
        d
    };
    let settings = FigureSettings::new(Zone::named("Asia/Kolkata").unwrap(), Sla::team(600, 900));
    let before = checked(&mut store, day.period, day.as_of, &settings);
    let events: Vec<dutydesk::desk::StatEvent> = all
        .iter()
        .map(|m| dutydesk::desk::StatEvent::Message {
            chat: m.chat,
            message: m.message,
            role: m.role,
            date: m.date,
        })
        .chain(
            store
                .replies_between(i64::MIN, i64::MAX)
                .unwrap()
                .iter()
                .map(|r| dutydesk::desk::StatEvent::FirstReply {
                    chat: r.chat,
                    message: r.message,
                    date: r.date,
                    waited_secs: r.waited_secs,
                    responder: r.responder,
                }),
        )
        .collect();
    assert_eq!(store.append_stats(&events).unwrap(), 0, "nothing new");
    assert_eq!(
        checked(&mut store, day.period, day.as_of, &settings),
        before
    );
}

const BUSY: &str = r#"
name = "busy"
[duty_group]
title = "Duty team"
staff = ["Lena Lead", "Sam Support", "Kim Keeper"]
[customers]
groups = 10
private_chats = 4
members = [1, 3]
staff_per_group = 2
[history]
messages_per_chat = [1, 4]
span_hours = 24
[traffic]
messages_per_hour = 150.0
working_hours = [7, 19]
off_hours_factor = 0.2
staff_reply_chance = 0.6
staff_reply_delay = [30, 2400]
edit_chance = 0.02
delete_chance = 0.02
[faults]
drop_mean_interval = 7200.0
drop_duration = [10, 120]
send_failure_chance = 0.1
late_chance = 0.1
late_delay = [120, 900]
"#;

/// xorshift: the test's own choices (which chat to answer or dismiss), seeded.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_day_and_a_half_of_busy_traffic_agrees_with_the_oracle_in_every_zone() {
    let (_dir, mut store) = temp_store();
    // Saturday 2026-03-28 12:00 UTC: Berlin moves its clocks on Sunday at 01:00 UTC.
    let start = 1_774_699_200;
    let mut sim = Sim::start_with(tdsim::WorldConfig {
        scenario: tdsim::Scenario::parse(BUSY, "busy.toml").unwrap(),
        seed: 7,
        speed: 0.0,
        start_time: start,
    });
    let chats: Vec<ChatId> = sim
        .control
        .layout()
        .customer_chats
        .iter()
        .map(|c| c.chat_id)
        .collect();
    let mut rng = Rng(0x5eed);
    flush(&mut sim, &mut store);
    for _ in 0..(36 * 6) {
        sim.control.advance(600);
        sim.pump();
        let chat = chats[rng.below(chats.len() as u64) as usize];
        match rng.below(10) {
            0 => {
                sim.desk.no_reply_needed(chat);
            }
            1..=3
                if sim
                    .desk
                    .row(chat)
                    .is_some_and(|r| r.waiting_since.is_some()) =>
            {
                sim.send_text(chat, "On it");
            }
            _ => {}
        }
        flush(&mut sim, &mut store);
    }
    let now = sim.control.now();
    let logged = store.message_count().unwrap();
    assert!(logged > 2_000, "busy enough: {logged} messages");
    let sla = Sla::team(600, 900);
    let whole = Period::new(start - 86_400, now);
    for zone in ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"] {
        let settings = FigureSettings::new(Zone::named(zone).unwrap(), sla.clone());
        let f = checked(&mut store, whole, now, &settings);
        assert!(f.team.answered > 100, "{zone}: {} waits", f.team.answered);
    }
    // Business hours across the DST night, a period cut mid-day, tiers per chat.
    let mut tiers = sla.clone();
    tiers.per_chat.insert(
        chats[0],
        dutydesk::desk::figures::Thresholds {
            red_secs: 120,
            breach_secs: 300,
        },
    );
    let office = FigureSettings {
        calendar: Some(berlin_office()),
        longest: 50,
        ..FigureSettings::new(Zone::named("Europe/Berlin").unwrap(), tiers)
    };
    checked(&mut store, whole, now, &office);
    checked(
        &mut store,
        Period::new(start + 5 * 3600, start + 17 * 3600),
        now,
        &office,
    );
    // As of earlier than some replies: the figures still agree.
    checked(
        &mut store,
        Period::new(start, start + 6 * 3600),
        start + 3 * 3600,
        &office,
    );
}

/// Reads a CSV file written by `dutydesk stats` (its fields never need quoting).
fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_stats_command_prints_and_exports_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dutydesk.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut sim = Sim::start();
    let day = scripted_day(&mut sim, &mut store);
    let home = dir.path().join("home");
    let paths = dutydesk::paths::Paths::portable(&home);
    let base = dir.path().join("out").join("march.csv");
    let args = dutydesk::statistics::command::StatsArgs {
        from: "2026-03-02".into(),
        to: "2026-03-03".into(),
        csv: Some(base.clone()),
        tz: Some("Europe/Berlin".into()),
        longest: 5,
        store: Some(path.clone()),
        now: Some(day.as_of),
    };
    let mut printed = Vec::new();
    let run = dutydesk::statistics::command::run(&paths, &args, &mut printed).unwrap();

    // The same figures as the screen's query for those local days.
    let zone = Zone::named("Europe/Berlin").unwrap();
    let first = dutydesk::desk::calendar::parse_date("2026-03-02").unwrap();
    let period = dutydesk::statistics::days(&zone, first, first.next());
    assert_eq!(period.from, zone.day_start(first));
    let settings = FigureSettings {
        longest: 5,
        ..FigureSettings::new(zone.clone(), Sla::team(600, 900))
    };
    let expected = checked(&mut store, period, day.as_of, &settings);
    assert_eq!(run.figures, expected);

    // Every table is one CSV file whose header and rows are the table's.
    assert_eq!(run.csv_files.len(), run.tables.len());
    for (table, file) in run.tables.iter().zip(&run.csv_files) {
        assert_eq!(
            file,
            &dir.path()
                .join("out")
                .join(format!("march-{}.csv", table.name))
        );
        let rows = read_csv(file);
        let header: Vec<String> = table.columns.iter().map(|c| c.0.to_string()).collect();
        assert_eq!(rows[0], header, "{}", table.name);
        let body: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.csv.clone()).collect())
            .collect();
        assert_eq!(rows[1..], body[..], "{}", table.name);
    }
    // And the numbers in them are the figures'.
    let csv = |name: &str| read_csv(&dir.path().join("out").join(format!("march-{name}.csv")));
    let admins = csv("admins");
    let col = |rows: &[Vec<String>], name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(admins[1][0], "team");
    assert_eq!(
        admins[1][col(&admins, "answered_waits")],
        expected.team.answered.to_string()
    );
    assert_eq!(
        admins[1][col(&admins, "median_secs")],
        expected.team.median_secs.unwrap().to_string()
    );
    assert_eq!(
        admins[1][col(&admins, "within_red")],
        expected.team.sla.within_red.to_string()
    );
    assert_eq!(
        admins[2][0],
        format!(
            "user:{}",
            match day.me {
                Sender::User(u) => u,
                Sender::Chat(c) => c,
            }
        )
    );
    let hours = csv("hours");
    assert_eq!(hours.len() - 1, expected.hours.len());
    assert_eq!(hours.len() - 1, 48, "two whole local days");
    for (row, h) in hours[1..].iter().zip(&expected.hours) {
        assert_eq!(row[col(&hours, "start_unix")], h.start.to_string());
        assert_eq!(
            row[col(&hours, "customer_messages")],
            h.customer.to_string()
        );
        assert_eq!(row[col(&hours, "active_chats")], h.active_chats.to_string());
    }
    let longest = csv("longest");
    assert_eq!(longest.len() - 1, 5);
    for (row, w) in longest[1..].iter().zip(&expected.longest) {
        assert_eq!(row[col(&longest, "chat")], w.chat.to_string());
        assert_eq!(row[col(&longest, "wait_secs")], w.wait_secs.to_string());
        assert_eq!(row[col(&longest, "open")], w.open.to_string());
    }
    let days = csv("days");
    assert_eq!(days[1][col(&days, "date")], "2026-03-02");
    assert_eq!(
        days[1][col(&days, "customer_messages")],
        expected.days[0].customer.to_string()
    );
    let heat = csv("heatmap");
    assert_eq!(
        heat[1][col(&heat, "h10")],
        expected.heatmap[0][10].to_string()
    );

    // The text names the tables and shows the team's median as a duration.
    let text = String::from_utf8(printed).unwrap();
    assert!(text.starts_with(&run.text));
    assert!(text.contains(&dutydesk::statistics::words::admins()));
    assert!(text.contains(&dutydesk::statistics::report::duration(
        expected.team.median_secs.unwrap()
    )));

    // The binary prints exactly that.
    drop(store);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args([
            "stats",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-03",
            "--tz",
            "Europe/Berlin",
        ])
        .args(["--longest", "5", "--now", &day.as_of.to_string(), "--store"])
        .arg(&path)
        .env("DUTYDESK_HOME", &home)
        .env("DUTYDESK_LANGUAGE", "en")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), run.text);

    // Bad input is an error that says which argument.
    let bad = dutydesk::statistics::command::StatsArgs {
        from: "2026-13-01".into(),
        ..args.clone()
    };
    let err = dutydesk::statistics::command::run(&paths, &bad, &mut Vec::new())
        .err()
        .unwrap()
        .to_string();
    assert!(err.starts_with("--from:"), "{err}");
    let bad = dutydesk::statistics::command::StatsArgs {
        tz: Some("Mars/Base".into()),
        ..args
    };
    let err = dutydesk::statistics::command::run(&paths, &bad, &mut Vec::new())
        .err()
        .unwrap()
        .to_string();
    assert!(err.starts_with("--tz:"), "{err}");
}

#[test]
fn two_connections_keep_the_open_waits_right() {
    use dutydesk::desk::{Role, StatEvent};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dutydesk.sqlite3");
    let mut live = Store::open(&path).unwrap();
    let mut backfill = Store::open(&path).unwrap();
    let msg = |id: i64, role, date| StatEvent::Message {
        chat: 5,
        message: id,
        role,
        date,
    };
    live.append_stats(&[msg(10, Role::Customer, 1000)]).unwrap();
    // Another connection logs the reply and a later question.
    backfill
        .append_stats(&[msg(20, Role::Staff, 1100), msg(30, Role::Customer, 1200)])
        .unwrap();
    // This connection's cached state of chat 5 is stale now; a new question must not
    // bring back the answered one.
    live.append_stats(&[msg(40, Role::Customer, 1300)]).unwrap();
    let open: Vec<(i64, i64)> = live
        .open_waits()
        .unwrap()
        .iter()
        .map(|o| (o.chat, o.message))
        .collect();
    assert_eq!(open, vec![(5, 30)]);
    let rows = live.messages_between(i64::MIN, i64::MAX).unwrap();
    assert_eq!(
        dutydesk::desk::figures::open_waits(&rows, &[]),
        live.open_waits().unwrap()
    );
}
