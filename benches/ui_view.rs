//! view + layout of the console with 20,000 chats: building the element tree from the
//! desk and laying it out, as iced does after every update. Target: at most 2 ms. Then the
//! same with the toolkit in use on every chat (two tags each, one carrying an SLA tier, and
//! a tier of its own on every third chat): target within 10% of the plain figures.
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

    run_cases(&mut app, &mut renderer, "");
    let t = Instant::now();
    tag_every_chat(&mut app);
    println!(
        "tags and tiers on all {CHATS} chats set in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    run_cases(&mut app, &mut renderer, ", tags and tiers");
}

/// The toolkit in use everywhere: every chat carries two tags (a quarter of them VIP, with
/// its tier), every third has a tier of its own.
fn tag_every_chat(app: &mut App) {
    use dutydesk::desk::toolkit::document::{Origin, parse};
    let doc = parse(
        "[toolkit.sla_tiers.vip]\nlabel = \"VIP\"\nred_minutes = 4\nbreach_minutes = 5\n\
         [toolkit.sla_tiers.expert]\nred_minutes = 20\nbreach_minutes = 30\n\
         [toolkit.tags.vip]\nlabel = \"VIP\"\ncolour = \"gold\"\ntier = \"vip\"\n\
         [toolkit.tags.billing]\nlabel = \"Billing\"\ncolour = \"blue\"\n\
         [toolkit.tags.outage]\nlabel = \"Outage\"\ncolour = \"red\"\n",
        Origin::Config,
    )
    .expect("the bench's toolkit reads");
    let desk = app.desk_mut();
    desk.set_personal_toolkit(doc);
    let all = ListFilter::new(Filter::All);
    let chats = desk.chat_ids(&all, 0..CHATS);
    for (i, chat) in chats.into_iter().enumerate() {
        desk.set_tag(chat, if i % 4 == 0 { "vip" } else { "outage" }, true);
        desk.set_tag(chat, "billing", true);
        if i % 3 == 0 {
            desk.set_chat_tier(chat, Some("expert"));
        }
        // As in the window, whose router drains the desk's changes into store writes after
        // every message (a tag is one click). Left to pile up, 50,000 pending changes freed
        // at once leave the heap so that every later allocation of a frame costs more.
        desk.drain_local_changes();
    }
    assert!(
        desk.row(desk.chat_ids(&all, 0..1)[0])
            .is_some_and(|r| r.tags.iter().count() == 2)
    );
}

fn run_cases(app: &mut App, renderer: &mut iced::Renderer, label: &str) {
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
            let ui = UserInterface::build(element, WINDOW_SIZE, cache, renderer);
            cache = ui.into_cache();
            times.push(start.elapsed());
        }
        report(&format!("{name}{label}"), &mut times);
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
