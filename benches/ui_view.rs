//! view + layout of the console with 20,000 chats: building the element tree from the
//! desk and laying it out, as iced does after every update. Target: at most 2 ms.
//!
//! cargo bench --bench ui_view

use dutydesk::config::Config;
use dutydesk::desk::{Filter, ListFilter};
use dutydesk::paths::Paths;
use dutydesk::ui::harness::synthetic_desk;
use dutydesk::ui::widgets::chat_list::{self, ROW_HEIGHT};
use dutydesk::ui::{App, Message, RunOptions, Screen, WINDOW_SIZE, features::console};
use iced_test::core::renderer::Headless;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use std::time::{Duration, Instant};

const CHATS: usize = 20_000;
const ROUNDS: usize = 300;

fn main() {
    // The window's fonts, as before its first frame: layout shapes text with them.
    dutydesk::ui::fonts::install();
    let home = tempfile::tempdir().expect("a temporary home");
    let paths = Paths::portable(home.path());
    let _ = paths.create_dirs();
    let mut app = App::offline(RunOptions {
        demo: false,
        config: Config::default(),
        paths,
    });
    let now = 1_772_442_000;
    app.set_clock(dutydesk::ui::clock::Clock::frozen(now));
    let t = Instant::now();
    *app.desk_mut() = synthetic_desk(CHATS, now);
    println!(
        "desk with {CHATS} chats built in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(app.desk().len(&ListFilter::new(Filter::All)), CHATS);
    app.set_screen(Screen::Console);

    let mut renderer =
        iced_test::futures::futures::executor::block_on(<iced::Renderer as Headless>::new(
            dutydesk::ui::fonts::TEXT,
            iced::Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("a headless renderer");

    let cases: [(&str, f32, bool); 3] = [
        ("top of the list", 0.0, false),
        ("scrolled to row 10,000", 10_000.0 * ROW_HEIGHT, false),
        ("row 10,000 with a chat open", 10_000.0 * ROW_HEIGHT, true),
    ];
    for (name, offset, open) in cases {
        if app.console().open_chat().is_some() {
            let _ = app.handle(Message::Console(console::Message::Escape));
        }
        let _ = app.handle(Message::Console(console::Message::List(
            chat_list::Event::Scrolled {
                offset_y: offset,
                height: WINDOW_SIZE.height - 80.0,
            },
        )));
        if open {
            let chat = app
                .desk()
                .chat_ids(&ListFilter::new(Filter::All), 10_000..10_001)[0];
            let _ = app.handle(Message::Console(console::Message::List(
                chat_list::Event::Select(chat),
            )));
        }
        let mut cache = Cache::default();
        let mut times = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let start = Instant::now();
            let element = app.view();
            let ui = UserInterface::build(element, WINDOW_SIZE, cache, &mut renderer);
            cache = ui.into_cache();
            times.push(start.elapsed());
        }
        report(name, &mut times);
    }
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "view+layout, {CHATS} chats, {name}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms ({} rounds; target <= 2 ms)",
        ms(median),
        ms(p95),
        ms(times[times.len() - 1]),
        times.len()
    );
}
