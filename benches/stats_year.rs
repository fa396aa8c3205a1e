//! A year of a busy team: 500 support chats, 20 admins, over 5,000,000 logged messages,
//! generated here and logged through `Store::append_stats` as the app logs them. Prints:
//! the append rate, the one-time digest rebuild, the database size per million messages,
//! and the time from the query to the figures ready for a 30-day period and for the whole
//! year (with the current day changed since the last query, as on a live desk), around the
//! clock and in business hours. Target: each at most 150 ms (aim: 100 ms for the data).
//! Then the Statistics screen itself, as the window opens it for 30 days and for the year:
//! the query (its blocking work), the answer taken in (tables, charts' data), the view built
//! and laid out, and the frame drawn by the tiny-skia renderer at 1280 × 820 — from query
//! to drawn frame, also at most 150 ms each. Asserts nothing about time.
//!
//! Run: `cargo bench --bench stats_year`

use std::sync::Arc;
use std::time::{Duration, Instant};

use dutydesk::desk::calendar::{BusinessCalendar, WeekHours, Zone, parse_hours};
use dutydesk::desk::figures::{FigureSettings, Figures, Period, Sla};
use dutydesk::desk::{Role, Sender, StatEvent};
use dutydesk::store::Store;

const CHATS: i64 = 500;
const ADMINS: i64 = 20;
const DAYS: i64 = 365;
/// 2025-03-03 00:00 UTC, a Monday.
const T0: i64 = 1_740_960_000;
const BATCH: usize = 2048;

/// splitmix64: the generator's own randomness, fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }
}

/// Conversations in every chat: 1-4 customer messages, a first reply after 30 s to 3 h
/// (mostly minutes), 1-2 staff messages, then a quiet gap; quieter at night (UTC).
fn year() -> Vec<StatEvent> {
    let mut rng = Rng(2025);
    let mut out: Vec<(i64, StatEvent)> = Vec::with_capacity(6_200_000);
    let end = T0 + DAYS * 86_400;
    for c in 0..CHATS {
        let chat = -1_000_000_000_000 - c;
        let mut id = 0i64;
        let mut t = T0 + rng.range(0, 7200);
        while t < end {
            let first = t;
            for _ in 0..rng.range(1, 5) {
                id += 1 << 20;
                out.push((
                    t,
                    StatEvent::Message {
                        chat,
                        message: id,
                        role: Role::Customer,
                        date: t,
                    },
                ));
                t += rng.range(10, 120);
            }
            let delay = match rng.range(0, 10) {
                0..=6 => rng.range(30, 900),
                7 | 8 => rng.range(900, 3600),
                _ => rng.range(3600, 10_800),
            };
            t += delay;
            let admin = Sender::User(2_000_001 + rng.range(0, ADMINS));
            for k in 0..rng.range(1, 3) {
                id += 1 << 20;
                out.push((
                    t,
                    StatEvent::Message {
                        chat,
                        message: id,
                        role: Role::Staff,
                        date: t,
                    },
                ));
                if k == 0 {
                    out.push((
                        t,
                        StatEvent::FirstReply {
                            chat,
                            message: id,
                            date: t,
                            waited_secs: t - first,
                            responder: admin,
                        },
                    ));
                }
                t += rng.range(20, 60);
            }
            let hour = (t % 86_400) / 3600;
            let quiet = if (7..19).contains(&hour) { 1 } else { 3 };
            t += rng.range(400, 10_800) * quiet;
        }
    }
    // Logged as they happen: by date (stable, so a reply's message precedes its statistic).
    out.sort_by_key(|e| e.0);
    out.into_iter().map(|e| e.1).collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// This thread's CPU time so far, in ms (Linux: /proc/thread-self/schedstat, nanoseconds on
/// a CPU): on a busy shared machine the wall time also counts the waits for a core.
fn cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

/// What opening a period took.
struct Timing {
    /// Wall time, query to figures: median and max.
    median: f64,
    max: f64,
    /// Median CPU time of the whole, if the platform tells.
    cpu: Option<f64>,
}

/// Opens the store afresh and times query → figures, `runs` times.
fn open_figures(
    path: &std::path::Path,
    period: Period,
    as_of: i64,
    s: &FigureSettings,
    runs: usize,
) -> (Timing, Figures) {
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let mut store = Store::open(path).expect("open the store");
        let cpu = cpu_ms();
        let start = Instant::now();
        let f = store.figures(period, as_of, s).expect("figures");
        times.push(ms(start.elapsed()));
        if let (Some(a), Some(b)) = (cpu, cpu_ms()) {
            cpus.push(b - a);
        }
        last = Some(f);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let timing = Timing {
        median: median(&mut times).expect("ran"),
        max: times[times.len() - 1],
        cpu: median(&mut cpus),
    };
    (timing, last.expect("ran"))
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // STATS_YEAR_DB=<file> keeps the generated year there and, when it exists, reuses it
    // (for profiling the queries alone).
    let path = std::env::var_os("STATS_YEAR_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("year.sqlite3"));
    if !path.exists() {
        generate(&path);
    }
    query(&path);
    screen::open(&path, T0, DAYS);
}

/// The Statistics screen opened over the year: query to drawn frame.
mod screen {
    use std::path::Path;
    use std::time::Instant;

    use dutydesk::config::Config;
    use dutydesk::paths::Paths;
    use dutydesk::ui::effect::Parts;
    use dutydesk::ui::features::statistics::{Choice, Message as Stats};
    use dutydesk::ui::{App, Message, RunOptions, Screen, WINDOW_SIZE};
    use iced::advanced::renderer::Headless;
    use iced_test::runtime::user_interface::{Cache, UserInterface};

    const RUNS: usize = 5;

    /// What one opening took, in ms: the query, the answer taken in, view + layout, draw +
    /// rasterize; and the CPU time of it all.
    #[derive(Default, Clone, Copy)]
    struct Parts4 {
        query: f64,
        answer: f64,
        layout: f64,
        draw: f64,
        cpu: Option<f64>,
    }

    impl Parts4 {
        fn total(&self) -> f64 {
            self.query + self.answer + self.layout + self.draw
        }
    }

    pub fn open(path: &Path, t0: i64, days: i64) {
        dutydesk::ui::fonts::install();
        let home = tempfile::tempdir().expect("a temporary home");
        let paths = Paths::portable(home.path());
        let _ = paths.create_dirs();
        let mut app = App::offline(RunOptions {
            demo: false,
            config: Config {
                statistics: dutydesk::config::StatisticsConfig {
                    time_zone: Some("Europe/Berlin".into()),
                    ..Default::default()
                },
                ..Config::default()
            },
            paths,
        });
        let now = t0 + days * 86_400 - 600;
        app.set_clock(dutydesk::ui::clock::Clock::frozen(now));
        app.set_screen(Screen::Statistics);
        let mut renderer =
            iced_test::futures::futures::executor::block_on(<iced::Renderer as Headless>::new(
                dutydesk::ui::fonts::TEXT,
                iced::Pixels(16.0),
                Some("tiny-skia"),
            ))
            .expect("a headless renderer");
        // The year's store, as the app hands its own to the screen.
        let _ = app.handle(Message::Statistics(Stats::Opened {
            store: Some(dutydesk::store::StoreFile::plain(path)),
        }));
        let zone = dutydesk::desk::calendar::Zone::named("Europe/Berlin").expect("zone");
        let first = zone.local(t0 + 86_400).date.to_string();
        let last = zone.local(now).date.to_string();
        let cases: [(&str, Vec<Stats>); 2] = [
            ("30 days", vec![Stats::Period(Choice::Month)]),
            (
                "the year",
                vec![
                    Stats::Period(Choice::Custom),
                    Stats::From(first),
                    Stats::To(last),
                ],
            ),
        ];
        for (name, steps) in cases {
            let mut runs = Vec::new();
            for _ in 0..RUNS {
                runs.push(once(&mut app, &mut renderer, steps.clone()));
            }
            runs.sort_by(|a, b| a.total().total_cmp(&b.total()));
            let m = runs[runs.len() / 2];
            let cpu = m
                .cpu
                .map_or(String::new(), |c| format!(", {c:.1} ms of CPU"));
            let f = &app.statistics().loaded().expect("figures").answer.figures;
            println!(
                "stats_year: the Statistics screen, {name} ({} days, {} hours, {} admin-days): query to drawn frame {:.1} ms median{cpu} (query {:.1}, answer {:.1}, view+layout {:.1}, draw {:.1}), {:.1} ms max (target <= 150 ms: {})",
                f.days.len(),
                f.hours.len(),
                f.admin_days.len(),
                m.total(),
                m.query,
                m.answer,
                m.layout,
                m.draw,
                runs[runs.len() - 1].total(),
                if m.total() <= 150.0 { "met" } else { "NOT met" }
            );
        }
    }

    /// Asks for the period (the last step's query is the one timed), takes the answer in,
    /// builds the view and draws one frame.
    fn once(app: &mut App, renderer: &mut iced::Renderer, steps: Vec<Stats>) -> Parts4 {
        let mut jobs = Vec::new();
        for step in steps {
            let Parts { work, .. } = app.handle(Message::Statistics(step)).into_parts();
            jobs = work;
        }
        let job = jobs.pop().expect("the query, as blocking work");
        let cpu = super::cpu_ms();
        let start = Instant::now();
        let answer = job.run();
        let query = start.elapsed();
        let _ = app.handle(answer);
        let answer = start.elapsed();
        let ui = UserInterface::build(app.view(), WINDOW_SIZE, Cache::default(), renderer);
        let layout = start.elapsed();
        let mut ui = ui;
        let theme = app.theme().iced();
        let base = iced::theme::Base::base(&theme);
        let cursor = iced::mouse::Cursor::Unavailable;
        let _ = ui.update(
            &[iced::Event::Window(iced::window::Event::RedrawRequested(
                Instant::now(),
            ))],
            cursor,
            renderer,
            &mut iced::advanced::clipboard::Null,
            &mut Vec::new(),
        );
        ui.draw(
            renderer,
            &theme,
            &iced::advanced::renderer::Style {
                text_color: base.text_color,
            },
            cursor,
        );
        let size = iced::Size::new(WINDOW_SIZE.width as u32, WINDOW_SIZE.height as u32);
        let pixels = renderer.screenshot(size, 1.0, base.background_color);
        assert_eq!(pixels.len(), (size.width * size.height * 4) as usize);
        let draw = start.elapsed();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        Parts4 {
            query: ms(query),
            answer: ms(answer - query),
            layout: ms(layout - answer),
            draw: ms(draw - layout),
            cpu: cpu.zip(super::cpu_ms()).map(|(a, b)| b - a),
        }
    }
}

/// Generates the year, logs it, rebuilds the digests and prints the sizes.
fn generate(path: &std::path::Path) {
    let start = Instant::now();
    let events = year();
    let messages = events
        .iter()
        .filter(|e| matches!(e, StatEvent::Message { .. }))
        .count();
    println!(
        "stats_year: generated {messages} messages and {} first replies in {:.1} s",
        events.len() - messages,
        start.elapsed().as_secs_f64()
    );
    // The last day is logged after the rebuild, as the live day.
    let live_from = T0 + (DAYS - 1) * 86_400;
    let split = events.partition_point(|e| match e {
        StatEvent::Message { date, .. } | StatEvent::FirstReply { date, .. } => *date < live_from,
        _ => true,
    });
    let mut store = Store::open(path).expect("open the store");
    let start = Instant::now();
    for chunk in events[..split].chunks(BATCH) {
        store.append_stats(chunk).expect("append");
    }
    let took = start.elapsed().as_secs_f64();
    println!(
        "stats_year: appended {} events in batches of {BATCH} in {took:.1} s = {:.0} events/s",
        split,
        split as f64 / took
    );
    let start = Instant::now();
    let rebuilt = store.refresh_digests(None).expect("rebuild");
    println!(
        "stats_year: first rebuild of {rebuilt} day digests: {:.2} s (once; afterwards only changed days)",
        start.elapsed().as_secs_f64()
    );
    for chunk in events[split..].chunks(BATCH) {
        store.append_stats(chunk).expect("append");
    }
    drop(store);
    let conn = rusqlite::Connection::open(path).expect("open for size");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64;
    println!(
        "stats_year: database {:.0} MB for {messages} messages = {:.1} MB per million messages",
        size / 1e6,
        size / 1e6 / (messages as f64 / 1e6)
    );
}

/// Opens 30 days and the year, around the clock and in business hours.
fn query(path: &std::path::Path) {
    let now = T0 + DAYS * 86_400 - 600;
    let sla = Sla::team(600, 900);
    let zone = Zone::named("Europe/Berlin").expect("zone");
    let around = FigureSettings::new(zone.clone(), sla.clone());
    let week = WeekHours::weekdays(&[parse_hours("09:00-18:00").expect("range")]).expect("week");
    let office = FigureSettings {
        calendar: Some(Arc::new(BusinessCalendar::new(zone.clone(), week, []))),
        ..around.clone()
    };
    let midnight = |t: i64| zone.day_start(zone.local(t).date);
    let today_end = midnight(now + 86_400);
    let month = Period::new(midnight(now - 29 * 86_400), today_end);
    let whole = Period::new(midnight(T0 + 86_400), today_end);
    let mut touch = 0;
    for (name, period) in [("30 days", month), ("the year", whole)] {
        for (how, settings) in [("around the clock", &around), ("business hours", &office)] {
            // Touch today before each query, as live traffic does.
            touch += 1;
            let mut store = Store::open(path).expect("open");
            store
                .append_stats(&[StatEvent::Message {
                    chat: 1,
                    message: touch,
                    role: Role::Customer,
                    date: now - 60,
                }])
                .expect("append");
            drop(store);
            let (t, f) = open_figures(path, period, now, settings, 7);
            let cpu = t
                .cpu
                .map_or(String::new(), |c| format!(", {c:.1} ms of CPU"));
            println!(
                "stats_year: {name} ({} days, {} messages, {} waits), {how}: query to figures {:.1} ms median{cpu}, {:.1} ms max (target <= 150 ms: {})",
                f.days.len(),
                f.customer_messages + f.staff_messages,
                f.team.answered + f.team.open,
                t.median,
                t.max,
                if t.median <= 150.0 { "met" } else { "NOT met" }
            );
        }
    }
}
